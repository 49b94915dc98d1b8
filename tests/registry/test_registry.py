import pytest
import sqlalchemy as sa

from rasid.ingest.writer import Writer
from rasid.registry.corrections import merge, split
from rasid.registry.names import titles_compatible
from rasid.registry.queries import entity_page, list_entities
from rasid.registry.resolve import RegistryError
from rasid.search.filters import Paging
from tests.kb_fixtures import add_records, make_record


def person(name, country=None, titles=(), mention=None, aliases=()):
    return {"type": "PERSON", "name": name, "country": country, "titles": list(titles),
            "mention": mention or name, "aliases": list(aliases)}


def entity_of(store, article_id, local_id="e1"):
    with store.engine.connect() as connection:
        return connection.execute(sa.text(
            "SELECT entity FROM entity_mentions WHERE article_id = :a AND local_id = :l"),
            {"a": article_id, "l": local_id}).scalar_one()


def page(store, num):
    with store.engine.connect() as connection:
        return entity_page(connection, num)


R1 = make_record("قال وزير الخارجية عادل بن أحمد الجبير إن المملكة تدعم الحل السياسي.", published="2015-05-02",
                 entities=[person("عادل بن أحمد الجبير", "SA", ["وزير الخارجية"])])
R2 = make_record("أكد وزير خارجية المملكة عادل الجبير في الرياض دعم الحوار.", published="2015-09-20",
                 entities=[person("عادل الجبير", "SA", ["وزير خارجية المملكة"])])
R3 = make_record("صرح وزير الدولة للشؤون الخارجية عادل الجبير بأن الزيارة ناجحة.", published="2019-02-01",
                 entities=[person("عادل الجبير", None, ["وزير الدولة للشؤون الخارجية"])])
R4 = make_record("قال عادل الجبير مدرب نادي الاتحاد إن الفريق جاهز للمباراة.", published="2016-01-01",
                 entities=[person("عادل الجبير", "SA", ["مدرب نادي الاتحاد"])])


def test_one_person_across_articles_by_full_and_short_name_and_compatible_title(any_store):
    add_records(any_store, [R1, R2])
    assert entity_of(any_store, R1["id"]) == entity_of(any_store, R2["id"])
    info = page(any_store, entity_of(any_store, R1["id"]))
    assert info["name"] == "عادل بن أحمد الجبير" and info["country"] == "SA"
    assert info["article_count"] == 2 and info["aliases"] == ["عادل الجبير"]


def test_an_exact_name_with_unknown_country_joins_the_known_person(sqlite_store):
    add_records(sqlite_store, [R2, R3])
    assert entity_of(sqlite_store, R2["id"]) == entity_of(sqlite_store, R3["id"])


def test_a_short_name_with_an_incompatible_title_is_another_person(sqlite_store):
    add_records(sqlite_store, [R1, R4])
    assert entity_of(sqlite_store, R1["id"]) != entity_of(sqlite_store, R4["id"])


def test_organizations_by_country_and_countries_by_iso_code(sqlite_store):
    a = make_record("أعلنت وزارة الصحة المصرية وجمهورية مصر العربية خطة جديدة.", entities=[
        {"type": "ORG", "name": "وزارة الصحة", "country": "EG", "mention": "وزارة الصحة"},
        {"type": "COUNTRY", "name": "جمهورية مصر العربية", "country": "EG"}])
    b = make_record("أعلنت وزارة الصحة السعودية ومصر تعاونا في اللقاحات.", entities=[
        {"type": "ORG", "name": "وزارة الصحة", "country": "SA", "mention": "وزارة الصحة"},
        {"type": "COUNTRY", "name": "مصر", "country": "EG"}])
    add_records(sqlite_store, [a, b])
    assert entity_of(sqlite_store, a["id"], "e1") != entity_of(sqlite_store, b["id"], "e1")
    assert entity_of(sqlite_store, a["id"], "e2") == entity_of(sqlite_store, b["id"], "e2")


def test_an_acronym_alias_finds_the_organization_later(sqlite_store):
    a = make_record("وقعت هيئة تنمية صناعة تكنولوجيا المعلومات «إيتيدا» اتفاقا.", entities=[
        {"type": "ORG", "name": "هيئة تنمية صناعة تكنولوجيا المعلومات", "country": "EG", "aliases": ["إيتيدا"]}])
    b = make_record("أعلنت ايتيدا إطلاق برنامج جديد للتدريب.", entities=[
        {"type": "ORG", "name": "ايتيدا", "country": "EG"}])
    add_records(sqlite_store, [a, b])
    assert entity_of(sqlite_store, a["id"]) == entity_of(sqlite_store, b["id"])


def test_title_history_with_first_and_last_seen_and_articles(any_store):
    add_records(any_store, [R1, R2, R3])
    history = page(any_store, entity_of(any_store, R1["id"]))["titles"]
    assert [(h["title"], h["first_seen"], h["last_seen"]) for h in history] == [
        ("وزير الخارجية", "2015-05-02", "2015-05-02"),
        ("وزير خارجية المملكة", "2015-09-20", "2015-09-20"),
        ("وزير الدولة للشؤون الخارجية", "2019-02-01", "2019-02-01")]
    assert history[0]["articles"] == [R1["id"]]


def test_compatible_titles_share_most_words():
    assert titles_compatible(["وزير الخارجيه"], ["وزير خارجيه روسيا الاتحاديه"])
    assert not titles_compatible(["وزير الخارجيه"], ["وزير الصحه"])


def _replace(store, records):
    writer = Writer(store, "test-model", 0.7)
    for record in records:
        writer.replace(record)
    writer.close()


def test_merge_is_kept_by_reprocess(any_store):
    add_records(any_store, [R1, R4])
    a, b = entity_of(any_store, R1["id"]), entity_of(any_store, R4["id"])
    with any_store.engine.begin() as connection:
        assert merge(connection, a, b) == a
    assert page(any_store, b)["id"] == a and page(any_store, b)["merged_from"] == b
    assert page(any_store, a)["article_count"] == 2
    _replace(any_store, [R1, R4])
    assert entity_of(any_store, R4["id"]) == a
    with any_store.engine.connect() as connection:
        corrections = connection.execute(sa.text("SELECT action FROM corrections")).scalars().all()
        assert corrections == ["merge"]
        listed = list_entities(connection, Paging(), "PERSON")
    assert [e["id"] for e in listed["items"]] == [a]


def test_split_is_kept_by_reprocess(any_store):
    add_records(any_store, [R1, R2, R3])
    joined = entity_of(any_store, R3["id"])
    with any_store.engine.begin() as connection:
        new = split(connection, joined, [R3["id"]], name="عادل الجبير (آخر)")
    assert entity_of(any_store, R3["id"]) == new != joined
    assert page(any_store, joined)["article_count"] == 2 and page(any_store, new)["article_count"] == 1
    _replace(any_store, [R1, R2, R3])
    assert entity_of(any_store, R3["id"]) == new
    assert entity_of(any_store, R2["id"]) == joined


def test_corrections_refuse_nonsense(sqlite_store):
    org = make_record("أعلنت وزارة الصحة خطة.", entities=[{"type": "ORG", "name": "وزارة الصحة"}])
    add_records(sqlite_store, [R1, org])
    p, o = entity_of(sqlite_store, R1["id"]), entity_of(sqlite_store, org["id"])
    with sqlite_store.engine.begin() as connection:
        with pytest.raises(RegistryError, match="cannot merge"):
            merge(connection, p, o)
        with pytest.raises(RegistryError, match="already one entity"):
            merge(connection, p, p)
        with pytest.raises(RegistryError, match="no entity"):
            merge(connection, p, 99999)
        with pytest.raises(RegistryError, match="no mention"):
            split(connection, p, [org["id"]])


def test_compound_names_written_apart_or_joined_are_one_person(sqlite_store):
    a = make_record("استقبل الأمير سلمان بن سلطان بن عبد العزيز الوفد.", entities=[
        person("سلمان بن سلطان بن عبد العزيز", "SA")])
    b = make_record("التقى الأمير سلمان بن سلطان بن عبدالعزيز السفير.", entities=[
        person("سلمان بن سلطان بن عبدالعزيز", "SA")])
    add_records(sqlite_store, [a, b])
    assert entity_of(sqlite_store, a["id"]) == entity_of(sqlite_store, b["id"])


def test_two_full_names_with_the_same_given_and_family_name_are_two_people(sqlite_store):
    a = make_record("استقبل الأمير محمد بن نايف آل سعود الوفد.", entities=[person("محمد بن نايف آل سعود", "SA")])
    b = make_record("استقبل الأمير محمد بن سلمان آل سعود الوفد.", entities=[person("محمد بن سلمان آل سعود", "SA")])
    c = make_record("التقى الأمير سلمان بن عبدالعزيز الوفد.", entities=[person("سلمان بن عبدالعزيز", "SA")])
    d = make_record("التقى الأمير سلمان بن سلطان بن عبدالعزيز الوفد.", entities=[
        person("سلمان بن سلطان بن عبدالعزيز", "SA")])
    add_records(sqlite_store, [a, b, c, d])
    assert entity_of(sqlite_store, a["id"]) != entity_of(sqlite_store, b["id"])
    assert entity_of(sqlite_store, c["id"]) != entity_of(sqlite_store, d["id"])


def test_a_fuller_name_is_taken_once_a_second_article_gives_it(sqlite_store):
    add_records(sqlite_store, [R2, R1])
    joined = entity_of(sqlite_store, R2["id"])
    assert entity_of(sqlite_store, R1["id"]) == joined
    assert page(sqlite_store, joined)["name"] == "عادل الجبير"  # one article could be a misreading
    add_records(sqlite_store, [R1 | {"id": "f" * 16}])
    assert page(sqlite_store, joined)["name"] == "عادل بن أحمد الجبير"
