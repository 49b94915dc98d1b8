import json
import os
import signal
import subprocess
import sys
import time

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from rasid.cli import main
from rasid.ingest.provenance import model_version, rasid_version
from rasid.ingest.run import ingest, reprocess
from rasid.settings import Settings
from rasid.store import StoreError, open_store
from rasid.store.articles import get_record
from tests.kb_fixtures import add_records, make_record

PEOPLE = ["سامح شكري", "فؤاد حسين", "عادل الجبير", "أيمن الصفدي", "ناصر بوريطة", "رمطان لعمامرة"]
CITIES = ["الرياض", "القاهرة", "بغداد", "عمّان", "الرباط", "الجزائر", "تونس", "مسقط"]
TOPICS = ["التعاون الاقتصادي", "الأمن الإقليمي", "التحول الرقمي", "الطاقة المتجددة", "التعليم العالي"]
WORDS = ["الزراعة", "الصناعة", "الموانئ", "الطيران", "الصحة", "المياه", "السياحة", "الثقافة", "الرياضة",
         "الشباب", "النقل", "الإسكان", "التجارة", "الاستثمار", "البحث", "الفضاء", "البريد"]


def article_text(n: int) -> str:
    """A distinct short Arabic news text for number ``n`` (its words vary with n's digits)."""
    person, city, topic = PEOPLE[n % len(PEOPLE)], CITIES[n // 7 % len(CITIES)], TOPICS[n // 3 % len(TOPICS)]
    extra = " و".join(WORDS[(n // 10 ** k) % len(WORDS)] for k in range(4))
    return (f"لقاء في {city}\n\nاستقبل وزير الخارجية {person} في {city} وفدا رسميا لبحث {topic}، "
            f"وتناول اللقاء مجالات {extra} في الاجتماع رقم {n}.")


def write_jsonl(path, count: int) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for n in range(count):
            handle.write(json.dumps({"content": article_text(n), "date": "2024-02-0%d" % (1 + n % 9)},
                                    ensure_ascii=False) + "\n")


def counts(store) -> dict[str, int]:
    tables = ["articles", "entity_mentions", "entity_titles", "event_articles", "events", "article_sectors",
              "entities"]
    with store.engine.connect() as connection:
        return {t: connection.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar() for t in tables}


@pytest.mark.parametrize("workers", [0, 2])
def test_ingesting_twice_adds_nothing(tmp_path, any_store, workers):
    (tmp_path / "in").mkdir()
    write_jsonl(tmp_path / "in" / "a.jsonl", 30)
    store = any_store
    settings = Settings(ingest_workers=workers)
    first = ingest([str(tmp_path / "in")], store, settings, report=lambda m: None, progress=False)
    before = counts(store)
    second = ingest([str(tmp_path / "in")], store, settings, report=lambda m: None, progress=False)
    assert (first.added, first.failed) == (30, 0)
    assert (second.added, second.present) == (0, 30)
    assert counts(store) == before and before["articles"] == 30


def test_every_article_keeps_the_versions_that_produced_it_and_reprocess_follows_upgrades(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", 6)
    store = open_store(str(tmp_path / "kb.db"))
    settings = Settings(ingest_workers=0)
    ingest([str(tmp_path / "a.jsonl")], store, settings, report=lambda m: None, progress=False)
    with store.engine.begin() as connection:
        versions = set(connection.execute(sa.text("SELECT rasid_version, model_version FROM articles")))
        assert versions == {(rasid_version(), model_version(settings))}
        assert reprocess(store, settings, progress=False).added == 0  # nothing is out of date
        connection.execute(sa.text("UPDATE articles SET model_version = 'old' WHERE num <= 2"))
    before = counts(store)
    assert reprocess(store, settings, progress=False).added == 2
    assert reprocess(store, settings, everything=True, progress=False).added == 6
    assert counts(store) == before
    with store.engine.connect() as connection:
        assert connection.execute(sa.text("SELECT count(*) FROM articles WHERE model_version = 'old'")).scalar() == 0


WIRE = ("أعلنت وزارة الاتصالات وتكنولوجيا المعلومات اليوم توقيع مذكرة تفاهم مع الجانب العراقي للتعاون في مجالات "
        "التحول الرقمي وأمن المعلومات وتدريب الكوادر، وذلك خلال اجتماع عقد عبر تقنية الفيديو كونفرانس بين وزيري "
        "الاتصالات في البلدين، حيث اتفق الجانبان على تشكيل لجنة فنية مشتركة لمتابعة تنفيذ بنود المذكرة خلال "
        "الأشهر المقبلة، وأكد الوزير أهمية تبادل الخبرات في مجال البنية التحتية الرقمية والخدمات البريدية "
        "والحوسبة السحابية ومراكز البيانات.")


def _wire_record(text, published):
    return make_record(text, published=published, entities=[
        {"type": "COUNTRY", "name": "العراق", "country": "IQ", "mention": "العراقي"},
        {"type": "ORG", "name": "وزارة الاتصالات وتكنولوجيا المعلومات"}],
        events=[{"type": "AGREE", "trigger": "توقيع", "countries": ["EG", "IQ"], "participants": ["e2"],
                 "agreement": {"instrument": "mou", "status": "signed"}, "sectors": ["ict"]},
                {"type": "CONSULT", "trigger": "اجتماع", "countries": ["EG", "IQ"], "mode": "virtual"}])


def test_near_duplicates_join_one_story_and_its_events_are_not_counted_twice(sqlite_store):
    copy = WIRE.replace("اليوم", "أمس").replace("ومراكز البيانات.", "ومراكز البيانات، بحسب بيان رسمي.")
    other = ("افتتح أمير المنطقة مهرجان التمور السنوي بمشاركة واسعة من المزارعين والتجار وسط إقبال كبير "
             "من الزوار على الأجنحة المتنوعة التي تعرض أجود أصناف التمور المحلية.")
    outcomes = add_records(sqlite_store, [_wire_record(WIRE, "2024-03-01"), _wire_record(copy, "2024-03-02"),
                                          make_record(other)])
    assert outcomes == ["added", "duplicate", "added"]
    with sqlite_store.engine.connect() as connection:
        stories = connection.execute(sa.text("SELECT count(DISTINCT story_id) FROM articles")).scalar()
        events = connection.execute(sa.text("SELECT type, count(*) FROM events GROUP BY type ORDER BY type")).all()
        links = connection.execute(sa.text("SELECT count(*) FROM event_articles")).scalar()
    assert stories == 2
    assert [tuple(e) for e in events] == [("AGREE", 1), ("CONSULT", 1)]
    assert links == 4


def test_a_killed_ingest_rerun_loses_nothing_and_duplicates_nothing(tmp_path):
    total = 700
    write_jsonl(tmp_path / "many.jsonl", total)
    db = str(tmp_path / "kb.db")
    command = [os.path.join(os.path.dirname(sys.executable), "rasid"), "ingest", str(tmp_path / "many.jsonl"), "--db", db,
               "--workers", "1", "--no-progress"]
    env = dict(os.environ)
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
        if os.path.exists(db):
            try:
                reader = open_store(db, readonly=True)
            except (StoreError, sa.exc.OperationalError):  # the store may still be migrating
                continue
            with reader.engine.connect() as connection:
                stored = connection.execute(sa.text("SELECT count(*) FROM articles")).scalar()
            reader.close()
            if stored > 0:
                break
    assert process.poll() is None, "the ingest finished before it could be killed: make the input larger"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert 0 < stored < total
    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    store = open_store(db, readonly=True)
    table = counts(store)
    assert table["articles"] == total
    with store.engine.connect() as connection:
        ids = list(connection.execute(sa.text("SELECT id FROM articles")).scalars())
        records = [get_record(connection, i) for i in ids]
        assert connection.execute(sa.text("SELECT count(*) FROM articles_fts")).scalar() == total
    assert len(set(ids)) == total
    assert table["entity_mentions"] == sum(len(r["entities"]) for r in records)
    assert table["event_articles"] == sum(len(r["events"]) for r in records)


def test_cli_ingest_reports_bad_inputs_and_stores_the_rest(tmp_path):
    (tmp_path / "in").mkdir()
    write_jsonl(tmp_path / "in" / "good.jsonl", 3)
    (tmp_path / "in" / "bad.rss").write_text("<rss><channel><item><title>x</ti", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "kb.db"), "--workers", "0",
                                       "--no-progress"])
    assert result.exit_code == 1
    assert "bad.rss: malformed feed" in result.output
    assert "3 added" in result.output
