import pytest
import sqlalchemy as sa

from rasid.search.articles import search_articles
from rasid.search.events import list_events
from rasid.search.filters import BadQuery, Filters, Paging
from tests.kb_fixtures import add_records, make_record

EG_IQ = make_record(
    "بحث وزير الاتصالات المصري عمرو طلعت مع نظيره العراقي عبر الفيديو التعاون في التحول الرقمي ووقعا مذكرة تفاهم.",
    published="2024-03-01", sectors=["ict"],
    entities=[{"type": "PERSON", "name": "عمرو طلعت", "country": "EG", "titles": ["وزير الاتصالات المصري"]},
              {"type": "COUNTRY", "name": "مصر", "country": "EG", "mention": "المصري"},
              {"type": "COUNTRY", "name": "العراق", "country": "IQ", "mention": "العراقي"}],
    events=[{"type": "CONSULT", "trigger": "بحث", "countries": ["EG", "IQ"], "participants": ["e1"],
             "sectors": ["ict"], "mode": "virtual"},
            {"type": "AGREE", "trigger": "ووقعا", "countries": ["EG", "IQ"], "participants": ["e1"],
             "sectors": ["ict"], "agreement": {"instrument": "mou", "status": "signed"}}])
SA_EG = make_record(
    "استقبل وزير الصحة السعودي فهد الجلاجل وفدا من وزارة الصحة المصرية لبحث التعاون الصحي.",
    published="2024-05-10", sectors=["health"],
    entities=[{"type": "PERSON", "name": "فهد الجلاجل", "country": "SA", "titles": ["وزير الصحة السعودي"]},
              {"type": "COUNTRY", "name": "السعودية", "country": "SA", "mention": "السعودي"},
              {"type": "ORG", "name": "وزارة الصحة المصرية", "country": "EG"},
              {"type": "COUNTRY", "name": "مصر", "country": "EG", "mention": "المصرية"}],
    events=[{"type": "CONSULT", "trigger": "استقبل", "countries": ["SA", "EG"], "participants": ["e1", "e3"],
             "sectors": ["health"], "mode": "in_person"}])
SA_ONLY = make_record("افتتح أمير منطقة الرياض معرضا للكتاب بمشاركة دور نشر عديدة.", published="2023-11-20",
                      entities=[{"type": "COUNTRY", "name": "السعودية", "country": "SA", "mention": "الرياض"}])


@pytest.fixture
def store(any_store):
    add_records(any_store, [EG_IQ, SA_EG, SA_ONLY])
    return any_store


def ids(store, query=None, **filters):
    with store.engine.connect() as connection:
        return {i["id"] for i in search_articles(connection, query, Filters.make(**filters), Paging())["items"]}


def test_filters_by_person_organization_country_pair_type_sector_and_dates(store):
    everything = {EG_IQ["id"], SA_EG["id"], SA_ONLY["id"]}
    assert ids(store) == everything
    assert ids(store, persons=["عمرو طلعت"]) == {EG_IQ["id"]}
    assert ids(store, organizations=["وزارة الصحة المصرية"]) == {SA_EG["id"]}
    assert ids(store, countries=["EG"]) == {EG_IQ["id"], SA_EG["id"]}
    assert ids(store, countries=["eg", "SA"]) == {SA_EG["id"]}
    assert ids(store, types=["AGREE"]) == {EG_IQ["id"]}
    assert ids(store, sectors=["health"]) == {SA_EG["id"]}
    assert ids(store, since="2024-01-01", until="2024-04-01") == {EG_IQ["id"]}
    assert ids(store, "التعاون", countries=["SA"]) == {SA_EG["id"]}
    assert ids(store, persons=["لا أحد"]) == set()


def test_event_listing_counts_story_events_with_country_pairs(store):
    with store.engine.connect() as connection:
        pair = list_events(connection, Filters.make(countries=["EG", "IQ"], types=["AGREE"]), Paging())
        sa_eg = list_events(connection, Filters.make(countries=["SA", "EG"]), Paging())
        by_person = list_events(connection, Filters.make(persons=["فهد الجلاجل"]), Paging())
    assert pair["total"] == 1
    event = pair["items"][0]
    assert event["agreement"] == {"instrument": "mou", "status": "signed"}
    assert event["countries"] == ["EG", "IQ"] and event["articles"] == [EG_IQ["id"]]
    assert [p["name"] for p in event["participants"]] == ["عمرو طلعت"]
    assert sa_eg["total"] == 1 and sa_eg["items"][0]["type"] == "CONSULT"
    assert by_person["total"] == 1


def test_pagination(store):
    with store.engine.connect() as connection:
        first = search_articles(connection, None, Filters(), Paging.make(2, 0))
        second = search_articles(connection, None, Filters(), Paging.make(2, 2))
    assert first["total"] == second["total"] == 3
    assert len(first["items"]) == 2 and len(second["items"]) == 1
    assert not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}
    assert first["items"][0]["published"] == "2024-05-10"  # newest first without a query


@pytest.mark.parametrize("filters", [
    {"countries": ["EG' OR '1'='1"]}, {"types": ["CONSULT; DROP TABLE events"]}, {"sectors": ["ict' --"]},
    {"since": "2024-01-01' OR 1=1 --"}, {"until": "tomorrow"}, {"countries": ["E"]},
    {"countries": ["EG"] * 11}])
def test_hostile_filter_values_are_refused(filters):
    with pytest.raises(BadQuery):
        Filters.make(**filters)


@pytest.mark.parametrize("value", ["1 OR 1=1", "'; DELETE FROM entities; --", "عمرو طلعت' OR 'a'='a", "%", "999999"])
def test_hostile_entity_names_match_nothing(store, value):
    assert ids(store, persons=[value]) == set()
    assert ids(store, organizations=[value]) == set()
    with store.engine.connect() as connection:
        assert connection.execute(sa.text("SELECT count(*) FROM entities")).scalar() > 0


def test_paging_limits():
    with pytest.raises(BadQuery):
        Paging.make(0, 0)
    with pytest.raises(BadQuery):
        Paging.make(101, 0)
    with pytest.raises(BadQuery):
        Paging.make(10, -1)


def test_an_entity_s_events_in_plain_sql_are_the_filtered_listing_s(store):
    with store.engine.connect() as connection:
        talaat = connection.execute(sa.text("SELECT entity FROM entity_mentions WHERE article_id = :a AND "
                                            "local_id = 'e1'"), {"a": EG_IQ["id"]}).scalar_one()
        fast = list_events(connection, Filters(), Paging(1, 1), talaat)  # the entity page's plain SQL
        filtered = list_events(connection, Filters.make(since="1900-01-01"), Paging(1, 1), talaat)
        every = list_events(connection, Filters(), Paging(), talaat)
    assert fast == filtered and fast["total"] == 2 and len(fast["items"]) == 1
    assert [e["type"] for e in every["items"]] == ["AGREE", "CONSULT"]  # one day: the later event first
    assert every["items"][1] == fast["items"][0]
