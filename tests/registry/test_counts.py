"""The entity counts kept by the writer equal the counts of the mentions, through ingest,
reprocess (an entity dropped from an article), merge and split."""
import sqlalchemy as sa

from rasid.ingest.writer import Writer
from rasid.registry.corrections import merge, split
from tests.kb_fixtures import add_records, make_record

COUNTED = "SELECT entity, articles, mentions, first_day, last_day FROM entity_counts ORDER BY entity"
FROM_MENTIONS = """SELECT entity, count(DISTINCT article_id), sum(mentions), min(day), max(day)
FROM entity_mentions GROUP BY entity ORDER BY entity"""


def person(name, mention=None):
    return {"type": "PERSON", "name": name, "mention": mention or name}


def counted(store):
    with store.engine.connect() as connection:
        kept = [tuple(r) for r in connection.execute(sa.text(COUNTED))]
        recounted = [tuple(r) for r in connection.execute(sa.text(FROM_MENTIONS))]
    return kept, recounted


def entity_of(store, article_id):
    with store.engine.connect() as connection:
        return connection.execute(sa.text("SELECT entity FROM entity_mentions WHERE article_id = :a "
                                          "ORDER BY local_id"), {"a": article_id}).scalars().first()


A = make_record("التقى سالم الراشد بالوفد في الرياض.", entities=[person("سالم الراشد")], published="2015-01-03")
B = make_record("أعلن سالم الراشد وفهد العمري الخطة الجديدة.", published="2015-03-09",
                entities=[person("سالم الراشد"), person("فهد العمري")])
C = make_record("زار فهد العمري جدة أمس في جولة.", entities=[person("فهد العمري")], published="2014-12-30")
D = make_record("قال سالم الراشد إن الراشد سيعود.", published=None,
                entities=[person("سالم الراشد"), person("سالم الراشد", mention="الراشد")])


def test_counts_follow_ingest_with_two_local_entities_of_one_person_and_no_day(any_store):
    add_records(any_store, [A, B, C, D])
    kept, recounted = counted(any_store)
    assert kept == recounted
    salem = entity_of(any_store, A["id"])
    assert dict((e, (n, m)) for e, n, m, _, _ in kept)[salem] == (3, 4)  # D names him twice: one article


def test_counts_follow_a_reprocess_that_drops_an_entity(any_store):
    add_records(any_store, [A, B, C])
    writer = Writer(any_store, "test-model", 0.7)
    fahd_gone = dict(B, entities=[e for e in B["entities"] if e["name"] != "فهد العمري"])
    writer.replace(fahd_gone)
    writer.close()
    kept, recounted = counted(any_store)
    assert kept == recounted
    fahd = entity_of(any_store, C["id"])
    assert [(n, first, last) for e, n, _, first, last in kept if e == fahd] == [(1, "2014-12-30", "2014-12-30")]


def test_counts_follow_merge_and_split(any_store):
    add_records(any_store, [A, B, C])
    salem, fahd = entity_of(any_store, A["id"]), entity_of(any_store, C["id"])
    with any_store.engine.begin() as connection:
        merge(connection, salem, fahd)
    kept, recounted = counted(any_store)
    assert kept == recounted and [(e, n) for e, n, *_ in kept] == [(salem, 3)]
    with any_store.engine.begin() as connection:
        new = split(connection, salem, [C["id"]])
    kept, recounted = counted(any_store)
    assert kept == recounted and [(e, n) for e, n, *_ in kept] == [(salem, 2), (new, 1)]
