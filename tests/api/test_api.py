import json
from pathlib import Path

import jsonschema
import pytest
from fastapi.testclient import TestClient

from rasid.api.app import create_app
from rasid.doc import Article
from rasid.pipeline import process
from rasid.settings import Settings
from tests.kb_fixtures import add_records
from tests.search.test_search import EG_IQ, SA_EG, SA_ONLY

TOKEN = "s3cret-token"
SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "rasid" / "schema" / "record.schema.json").read_text())
NEW = {"text": "استقبل وزير الخارجية المصري سامح شكري نظيره العراقي فؤاد حسين في القاهرة اليوم لبحث العلاقات.",
       "title": "لقاء في القاهرة", "published": "2024-06-01", "source": "test", "url": "http://example.invalid/n"}


@pytest.fixture
def client(any_store):
    add_records(any_store, [EG_IQ, SA_EG, SA_ONLY])
    app = create_app(Settings(db=any_store.db, api_token=TOKEN))
    with TestClient(app) as test_client:  # leaving it closes the app's stores
        yield test_client


def auth(token=TOKEN):
    return {"Authorization": f"Bearer {token}"}


def test_article_is_the_record_exactly_as_the_contract(client):
    response = client.post("/api/articles", json={"articles": [NEW]}, headers=auth())
    assert response.status_code == 200, response.text
    (article_id,) = response.json()["ids"]
    record = client.get(f"/api/articles/{article_id}").json()
    expected = process(Article(text=NEW["text"], title=NEW["title"], published=NEW["published"],
                               source=NEW["source"], file=NEW["url"]))
    assert record == expected
    jsonschema.validate(record, SCHEMA)
    assert client.get("/api/articles/0123456789abcdef").status_code == 404
    assert client.get("/api/articles/not-an-id").status_code == 422


def test_writes_without_the_token_are_refused(client):
    for headers in ({}, auth("wrong"), {"Authorization": "Basic abc"}):
        assert client.post("/api/articles", json={"articles": [NEW]}, headers=headers).status_code == 401
        assert client.post("/api/entities/merge", json={"into": 1, "other": 2}, headers=headers).status_code == 401
        assert client.post("/api/entities/1/split", json={"articles": [EG_IQ["id"]]},
                           headers=headers).status_code == 401
    assert client.get("/api/stats").json()["articles"] == 3


def test_no_configured_token_refuses_every_write(any_store):
    app = create_app(Settings(db=any_store.db, api_token=None))
    with TestClient(app) as client:
        assert client.post("/api/articles", json={"articles": [NEW]}, headers=auth("")).status_code == 401


def _person_id(client, name):
    (item,) = client.get("/api/entities", params={"type": "PERSON", "name": name}).json()["items"]
    return item["id"]


def test_entity_page_with_title_history_and_events(client):
    talaat = _person_id(client, "عمرو طلعت")
    page = client.get(f"/api/entities/{talaat}").json()
    assert page["name"] == "عمرو طلعت" and page["country"] == "EG"
    assert [t["title"] for t in page["titles"]] == ["وزير الاتصالات المصري"]
    assert page["titles"][0]["first_seen"] == "2024-03-01"
    assert page["events"]["total"] == 2 and {e["type"] for e in page["events"]["items"]} == {"CONSULT", "AGREE"}
    assert client.get(f"/api/entities/{talaat}", params={"limit": 1}).json()["events"]["items"].__len__() == 1
    assert client.get(f"/api/entities/{talaat}/articles").json()["items"][0]["id"] == EG_IQ["id"]
    assert client.get("/api/entities/999999").status_code == 404


def test_events_with_repeated_country_type_sector_and_since(client):
    response = client.get("/api/events", params=[("country", "EG"), ("country", "IQ"), ("type", "AGREE"),
                                                  ("sector", "ict"), ("since", "2024-01-01")])
    body = response.json()
    assert body["total"] == 1 and body["items"][0]["countries"] == ["EG", "IQ"]
    assert set(body) == {"items", "total", "limit", "offset"}
    assert client.get("/api/events", params={"since": "2025-01-01"}).json()["total"] == 0


def test_search_and_stats(client):
    body = client.get("/api/search", params={"q": "التعاون الصحى", "country": "SA"}).json()
    assert [i["id"] for i in body["items"]] == [SA_EG["id"]]
    assert "التعاون" in body["items"][0]["snippet"]
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 3 and stats["events"] == {"AGREE": 1, "CONSULT": 2}
    assert client.get("/api/search", params={"limit": 2, "offset": 2}).json()["items"].__len__() == 1


@pytest.mark.parametrize("params", [
    {"q": "'; DROP TABLE articles; --"}, {"q": '" OR 1=1 --'}, {"person": "1 OR 1=1"},
    {"organization": "x'); DELETE FROM entities; --"}])
def test_hostile_parameters_cannot_inject(client, params):
    assert client.get("/api/search", params=params).status_code == 200
    assert client.get("/api/stats").json()["articles"] == 3


@pytest.mark.parametrize("params", [{"country": "EG' OR 1=1 --"}, {"type": "X;DROP"}, {"since": "yesterday"},
                                    {"limit": 1000}, {"offset": -1}])
def test_invalid_parameters_are_422(client, params):
    assert client.get("/api/events", params=params).status_code == 422
    assert client.get("/api/search", params=params).status_code == 422


def test_merge_and_split_through_the_api(client):
    talaat = _person_id(client, "عمرو طلعت")
    jalajel = _person_id(client, "فهد الجلاجل")
    merged = client.post("/api/entities/merge", json={"into": talaat, "other": jalajel}, headers=auth())
    assert merged.json() == {"id": talaat}
    assert client.get(f"/api/entities/{jalajel}").json()["id"] == talaat
    split = client.post(f"/api/entities/{talaat}/split", json={"articles": [SA_EG["id"]], "name": "فهد الجلاجل"},
                        headers=auth())
    new = split.json()["id"]
    assert client.get(f"/api/entities/{new}").json()["article_count"] == 1
    again = client.post("/api/entities/merge", json={"into": talaat, "other": talaat}, headers=auth())
    assert again.status_code == 409


def test_openapi_docs(client):
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/articles/{article_id}", "/api/entities/{entity_id}", "/api/events", "/api/search",
            "/api/stats"} <= set(paths)
