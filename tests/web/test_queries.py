"""The web's read queries, on SQLite and on PostgreSQL, over hand-built records."""
import pytest

from rasid.search.filters import Filters
from rasid.web import queries
from tests.kb_fixtures import add_records
from tests.web.corpus import CALL, HOSTILE, IMG, SIGNING, TALKS


@pytest.fixture
def connection(any_store):
    add_records(any_store, [TALKS, SIGNING, CALL, HOSTILE])
    with any_store.engine.connect() as connection:
        yield connection


def person(connection, name):
    (found,) = [f for f in queries.search_facets(connection, None, Filters(), size=50)["persons"]
                if f["name"] == name]
    return found


def test_article_links_name_registry_entities_and_story_events(connection):
    entity_links, event_links = queries.article_links(connection, TALKS["id"])
    assert set(entity_links) == {"e1", "e2", "e3", "e4", "e5"}
    assert set(event_links) == {"v1", "v2"}
    signing_entities, _ = queries.article_links(connection, SIGNING["id"])
    assert signing_entities["e1"] == entity_links["e1"]  # the same minister across articles


def test_facets_count_articles_over_the_whole_result(connection):
    facets = queries.search_facets(connection, "الاتصالات", Filters())
    assert {f["code"]: f["count"] for f in facets["countries"]} == {"EG": 2, "IQ": 2}
    assert {f["code"]: f["count"] for f in facets["types"]} == {"CONSULT": 2, "AGREE": 2}
    assert {f["code"]: f["count"] for f in facets["sectors"]} == {"ict": 2, "cybersecurity": 2}
    assert {f["code"]: f["count"] for f in facets["years"]} == {"2024": 2}
    assert [(f["name"], f["count"]) for f in facets["persons"]][:2] == [("عمرو طلعت", 2), ("هيام الياسري", 2)]
    everything = queries.search_facets(connection, None, Filters())
    assert {f["code"]: f["count"] for f in everything["countries"]}["EG"] == 4
    assert {f["code"]: f["count"] for f in everything["years"]} == {"2023": 1, "2024": 3}
    only_sa = queries.search_facets(connection, None, Filters.make(countries=["SA"]))
    assert [f["name"] for f in only_sa["persons"]] == ["فيصل بن فرحان", "سامح شكري"]


def test_found_articles_follow_the_search_order(connection):
    rows = queries.found_articles(connection, None, Filters(), 10)
    assert [r["id"] for r in rows] == [SIGNING["id"], HOSTILE["id"], TALKS["id"], CALL["id"]]  # newest first
    assert queries.found_articles(connection, None, Filters(), 2) == rows[:2]
    matched = queries.found_articles(connection, "مذكرة تفاهم", Filters(), 10)
    assert {r["id"] for r in matched} == {TALKS["id"], SIGNING["id"]}
    assert all(r["score"] is not None for r in matched)


def test_people_met_and_event_months(connection):
    talaat = person(connection, "عمرو طلعت")
    met = queries.people_met(connection, talaat["id"])
    assert [(m["name"], m["events"], m["first"], m["last"]) for m in met] == [
        ("هيام الياسري", 2, "2024-03-05", "2024-09-20")]
    assert queries.entity_event_months(connection, talaat["id"]) == [
        {"month": "2024-03", "count": 2}, {"month": "2024-09", "count": 2}]
    shoukry = person(connection, "سامح شكري")
    assert [m["name"] for m in queries.people_met(connection, shoukry["id"])] == ["فيصل بن فرحان"]
    assert queries.people_met(connection, shoukry["id"], types=("AGREE",)) == []


def test_organization_people(connection):
    rows = connection.exec_driver_sql("SELECT num FROM entities WHERE type = 'ORG'").scalars().all()
    assert len(rows) == 1
    assert queries.organization_people(connection, rows[0]) == []  # no title names it


def test_pair_overview_counts_and_agreements(connection):
    overview = queries.pair_overview(connection, "EG", "IQ")
    assert overview["total"] == 5
    assert overview["type_totals"] == {"CONSULT": 3, "AGREE": 2}
    assert overview["years"] == [{"year": "2024", "counts": {"CONSULT": 3, "AGREE": 2}}]
    assert {s["code"]: s["count"] for s in overview["sectors"]} == {"ict": 2, "cybersecurity": 2, "diplomacy": 1}
    assert [(a["day"], a["agreement"]) for a in overview["agreements"]] == [
        ("2024-09-20", {"instrument": "mou", "status": "signed"}),
        ("2024-03-05", {"instrument": "mou", "status": "proposed"})]
    narrowed = queries.pair_overview(connection, "EG", "IQ", Filters.make(sectors=["cybersecurity"]))
    assert narrowed["type_totals"] == {"AGREE": 2}
    assert queries.pair_overview(connection, "EG", "SA")["type_totals"] == {"CONSULT": 1}
    assert queries.pair_overview(connection, "IQ", "SA")["total"] == 0


def test_country_partners(connection):
    assert queries.country_partners(connection) == [{"a": "EG", "b": "IQ", "events": 5},
                                                    {"a": "EG", "b": "SA", "events": 1}]
    assert queries.country_partners(connection, "SA") == [{"a": "EG", "b": "SA", "events": 1}]
    assert queries.country_partners(connection, "JP") == []


def test_network_of_persons_and_of_countries(connection):
    graph = queries.network(connection, "persons", Filters.make(types=["CONSULT"]))
    names = {n["id"]: n["name"] for n in graph["nodes"]}
    ties = {frozenset((names[e["a"]], names[e["b"]])): e["weight"] for e in graph["edges"]}
    assert ties == {frozenset(("عمرو طلعت", "هيام الياسري")): 2, frozenset(("فيصل بن فرحان", "سامح شكري")): 1}
    assert IMG not in names.values()  # its partner in that event is an organization
    dated = queries.network(connection, "persons", Filters.make(types=["CONSULT"], since="2024-06-01"))
    assert [e["weight"] for e in dated["edges"]] == [1]
    countries = queries.network(connection, "countries", Filters())
    assert [(e["a"], e["b"], e["weight"]) for e in countries["edges"]] == [("EG", "IQ", 5), ("EG", "SA", 1)]
    assert [n["id"] for n in countries["nodes"]] == ["EG", "IQ", "SA"]
    assert len(queries.network(connection, "countries", Filters(), max_nodes=2)["edges"]) == 1
    with pytest.raises(ValueError):
        queries.network(connection, "planets", Filters())


def test_known_countries_and_names_of_filter_values(connection):
    assert queries.known_countries(connection) == ["EG", "IQ", "SA"]
    talaat = person(connection, "عمرو طلعت")
    assert queries.entity_names_of(connection, (str(talaat["id"]), "سامح شكري", "99999")) == {
        str(talaat["id"]): "عمرو طلعت", "سامح شكري": "سامح شكري", "99999": "99999"}
    assert queries.story_copies(connection, TALKS["id"], TALKS["id"]) == []


def test_whole_store_counts_are_kept_only_while_the_store_is_unchanged(sqlite_store):
    add_records(sqlite_store, [TALKS])
    with sqlite_store.engine.connect() as connection:
        before = queries.search_facets(connection, None, Filters())
        assert queries.search_facets(connection, None, Filters()) is before  # kept
    add_records(sqlite_store, [CALL])
    with sqlite_store.engine.connect() as connection:
        after = queries.search_facets(connection, None, Filters())
    assert (before["counted"], after["counted"]) == (1, 2)
    assert {f["code"]: f["count"] for f in after["countries"]} == {"EG": 2, "IQ": 1, "SA": 1}
