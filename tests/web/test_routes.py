"""The pages over HTTP (in process): content, links, exports, errors and escaping of the raw HTML."""
import csv
import io
import json
import re
from html.parser import HTMLParser

import pyarrow.parquet as pq
import pytest

from tests.web.corpus import CALL, HOSTILE, PAYLOADS, SIGNING, TALKS


class Tags(HTMLParser):
    """The tag names and (name, value) attributes of a page, as a browser's parser sees them."""

    def __init__(self):
        super().__init__()
        self.names: set[str] = set()
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.names.add(tag)
        self.attributes += attrs


def entity_id(client, name: str) -> int:
    (found,) = [e for e in client.get("/api/entities", params={"name": name}).json()["items"]]
    return found["id"]


def ok(client, url: str, **params) -> str:
    response = client.get(url, params=params)
    assert response.status_code == 200, (url, response.text[:500])
    assert response.headers["content-type"].startswith("text/html")
    assert "script-src 'none'" in response.headers["content-security-policy"]
    assert re.match(r"app;dur=\d+\.\d", response.headers["server-timing"])
    return response.text


def test_search_finds_highlights_and_counts(client):
    page = ok(client, "/", q="مذكرة تفاهم")
    assert re.search(r'id="total">2<', page)
    assert f'href="/articles/{TALKS["id"]}"' in page and f'href="/articles/{SIGNING["id"]}"' in page
    assert '<mark class="q">مذكرة</mark>' in page
    assert 'href="/?q=%D9%85%D8%B0%D9%83%D8%B1%D8%A9+%D8%AA%D9%81%D8%A7%D9%87%D9%85&amp;type=AGREE"' in page  # facet
    filtered = ok(client, "/", country=["EG", "SA"])
    assert re.search(r'id="total">1<', filtered) and CALL["id"] in filtered
    assert 'href="/pairs/EG-SA"' in filtered
    assert re.search(r'id="total">0<', ok(client, "/", q="كلمة-لا-توجد"))


def test_the_article_links_each_fact_to_its_words(client):
    page = ok(client, f"/articles/{TALKS['id']}")
    talaat = entity_id(client, "عمرو طلعت")
    assert f'href="/entities/{talaat}">عمرو طلعت</a>' in page
    for anchor in ("m-e1-0", "r-e1-0", "t-v1", "t-v2", "ev-v2-0"):
        assert f'href="#{anchor}"' in page and f'id="{anchor}"' in page
    assert "مذكرة تفاهم" in page and "مقترح" in page  # instrument and status labels
    assert 'href="/pairs/EG-IQ"' in page


def test_the_person_page_has_titles_timeline_and_people_met(client):
    talaat = entity_id(client, "عمرو طلعت")
    page = ok(client, f"/entities/{talaat}")
    assert "وزير الاتصالات المصري" in page
    assert "2024-03-05" in page and "2024-09-20" in page
    assert f'href="/entities/{entity_id(client, "هيام الياسري")}">هيام الياسري</a>' in page
    assert f'href="/export/events.csv?entity={talaat}"' in page
    organization = ok(client, f"/entities/{entity_id(client, HOSTILE['entities'][1]['name'])}")
    assert "الأحداث واللقاءات" in organization


def test_the_pair_page_shows_interactions_and_agreement_steps(client):
    page = ok(client, "/pairs/EG-IQ")
    assert re.search(r'id="pair-total">5<', page)
    assert '<li class="done now">موقع</li>' in page and '<li class="done now">مقترح</li>' in page
    assert client.get("/pairs/IQ-EG", follow_redirects=False).headers["location"].startswith("/pairs/EG-IQ")
    assert client.get("/pairs?country=IQ&country=EG", follow_redirects=False).headers["location"] == "/pairs/EG-IQ"
    assert re.search(r'id="pair-total">2<', ok(client, "/pairs/EG-IQ", sector="cybersecurity"))
    assert 'href="/pairs/EG-IQ"' in ok(client, "/pairs", country="EG")


def test_the_network_is_an_svg_of_links(client):
    page = ok(client, "/network")  # first visit: meetings
    assert re.search(r'id="node-count">[1-9]', page)
    assert page.count('<a class="node" href="/entities/') >= 4
    countries = ok(client, "/network", kind="countries", type="")
    assert 'href="/pairs?country=EG"' in countries and "<line " in countries
    assert re.search(r'id="node-count">0<', ok(client, "/network", sector="space"))


def test_lists_of_people_and_organizations(client):
    people = ok(client, "/people")
    assert "عمرو طلعت" in people
    assert "عمرو طلعت" in ok(client, "/people", name="عمرو طلعت", country="EG")
    assert "عمرو طلعت" not in ok(client, "/people", country="SA")
    ok(client, "/organizations")


def test_exports_hold_every_row_of_the_result(client):
    response = client.get("/export/articles.csv", params={"q": "مذكرة تفاهم"})
    assert response.status_code == 200 and response.headers["x-rasid-rows"] == "2"
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {r["id"] for r in rows} == {TALKS["id"], SIGNING["id"]}
    events = client.get("/export/events.jsonl", params={"country": ["EG", "IQ"], "type": "AGREE"})
    lines = [json.loads(line) for line in events.text.splitlines()]
    assert [(e["instrument"], e["agreement_status"]) for e in lines] == [("mou", "signed"), ("mou", "proposed")]
    talaat = entity_id(client, "عمرو طلعت")
    table = pq.read_table(io.BytesIO(client.get("/export/people-met.parquet", params={"entity": talaat}).content))
    assert table.to_pylist()[0]["name"] == "هيام الياسري"
    network = client.get("/export/network.csv", params={"kind": "countries"}).content.decode("utf-8-sig")
    assert "EG,مصر,IQ,العراق,5" in network


@pytest.mark.parametrize("url,status", [
    ("/articles/0123456789abcdef", 404), ("/articles/<script>", 404), ("/entities/999999", 404),
    ("/?since=never", 422), ("/pairs/EG-EG", 422), ("/pairs/<b>", 422), ("/export/articles.xlsx", 422),
    ("/export/events.csv?entity=abc", 422), ("/?page=0", 422)])
def test_errors_are_pages(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert "<script" not in response.text


def test_payloads_never_reach_the_html_unescaped(client):
    person, organization = (entity_id(client, HOSTILE["entities"][i]["name"]) for i in (0, 1))
    pages = [f"/articles/{HOSTILE['id']}", f"/entities/{person}", f"/entities/{organization}", "/pairs/EG-IQ",
             "/people", "/organizations", "/?q=" + PAYLOADS[0], "/?person=" + PAYLOADS[1],
             "/network?type=&kind=persons", "/?q=" + '"><svg onload=alert(1)>']
    ingested = client.get("/api/search", params={"q": "بوريطة"}).json()["items"]
    assert ingested
    pages += [f"/articles/{a['id']}" for a in ingested]
    for url in pages:
        page = client.get(url).text
        for payload in PAYLOADS + ('"><svg onload=alert(1)>',):
            assert payload not in page, (url, payload)
        tags = Tags()
        tags.feed(page)
        assert "script" not in tags.names and "img" not in tags.names and "iframe" not in tags.names, url
        assert not [a for a in tags.attributes if a[0].startswith("on")], url  # no event handler anywhere
        assert not [a for a in tags.attributes if a[0] in ("href", "src", "action")
                    and (a[1] or "").strip().lower().startswith(("javascript:", "data:"))], url
    article = client.get(f"/articles/{HOSTILE['id']}").text
    assert "&lt;script&gt;alert(&#39;x-script&#39;)&lt;/script&gt;عنوان" in article  # shown, as text
