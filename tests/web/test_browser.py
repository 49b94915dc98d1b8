"""End to end in a real headless chromium: search, open an article, follow a person, open a country
pair, export; Arabic right to left with highlights on their words; phone width; payloads inert."""
import csv
import io
import os
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.web.corpus import HOSTILE, PAYLOADS, SCRIPT, TALKS

# Words of a paragraph in reading order with their boxes: a Range over each run of non-space characters.
WORD_BOXES_JS = """(p) => {
  const chars = [];
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode())
    for (let i = 0; i < n.data.length; i++) chars.push([n, i, n.data[i]]);
  const words = [];
  let current = null;
  chars.forEach((c, k) => {
    if (/\\s/.test(c[2])) { current = null; return; }
    if (!current) { current = {start: k, end: k}; words.push(current); }
    current.end = k;
  });
  return words.slice(0, 3).map(w => {
    const range = document.createRange();
    range.setStart(chars[w.start][0], chars[w.start][1]);
    range.setEnd(chars[w.end][0], chars[w.end][1] + 1);
    const box = range.getBoundingClientRect();
    return {text: range.toString(), left: box.left, right: box.right, top: box.top, bottom: box.bottom};
  });
}"""

# Every mark: its range, its text, its box, and the box of the paragraph it sits in.
MARKS_JS = """() => [...document.querySelectorAll('#text mark.hl')].map(m => {
  const box = m.getBoundingClientRect(), para = m.closest('p').getBoundingClientRect();
  return {s: +m.dataset.s, e: +m.dataset.e, text: m.textContent, id: m.id,
          box: [box.left, box.top, box.right, box.bottom], para: [para.left, para.top, para.right, para.bottom]};
})"""

NO_HORIZONTAL_SCROLL_JS = """() => ({page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth,
                                    body: document.body.scrollWidth})"""

# Anything a payload could have turned into: script elements, handlers, script URLs, images.
ACTIVE_CONTENT_JS = """() => {
  const handlers = [], urls = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (a.name.startsWith('on')) handlers.push(el.tagName + ' ' + a.name);
      if (['href', 'src', 'action', 'xlink:href', 'formaction'].includes(a.name) && /^\\s*(javascript|data):/i.test(a.value))
        urls.push(el.tagName + ' ' + a.value);
    }
  }
  return {scripts: document.scripts.length, images: document.images.length,
          iframes: document.querySelectorAll('iframe, object, embed').length, handlers, urls};
}"""


def shots_dir(tmp_path: Path) -> Path:
    """Where screenshots go: RASID_WEB_SCREENSHOTS when set (to look at them), else the test's tmp dir."""
    folder = Path(os.environ.get("RASID_WEB_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def entity_id(client, name: str) -> int:
    return client.get("/api/entities", params={"name": name}).json()["items"][0]["id"]


def test_search_open_an_article_follow_a_person_open_the_pair_and_export(page, live_server, tmp_path):
    page.goto(live_server + "/")
    page.fill("input[name=q]", "مذكرة تفاهم")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/?q=*")
    assert page.text_content("#total") == "2"
    assert page.locator(".snippet mark.q").count() >= 2

    with page.expect_download() as download:
        page.click(".exports >> text=Parquet")
    table = pq.read_table(download.value.path())
    assert sorted(table.column("title").to_pylist()) == sorted(["مباحثات مصرية عراقية في الاتصالات",
                                                                "توقيع مذكرة تفاهم بين مصر والعراق"])

    page.click(f"a.hit-title[href='/articles/{TALKS['id']}']")
    page.wait_for_url(f"**/articles/{TALKS['id']}")
    assert page.text_content("h1") == TALKS["title"]
    assert page.locator("#text mark.person").count() >= 2

    page.click(".panel .person a.name >> text=عمرو طلعت")
    page.wait_for_url("**/entities/*")
    assert page.text_content("h1") == "عمرو طلعت"
    assert "وزير الاتصالات المصري" in page.text_content("table.titles")
    assert page.locator(".met a", has_text="هيام الياسري").count() == 1
    assert page.locator(".timeline .event").count() == 4

    page.click(".timeline a[href='/pairs/EG-IQ'] >> nth=0")
    page.wait_for_url("**/pairs/EG-IQ")
    assert page.text_content("#pair-total") == "5"
    assert page.locator(".agreements .steps li.now").all_text_contents() == ["موقع", "مقترح"]

    with page.expect_download() as download:
        page.click(".exports >> text=CSV")
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
    assert len(rows) == 5 and all(r["countries"] == "EG; IQ" for r in rows)
    page.screenshot(path=str(shots_dir(tmp_path) / "pair.png"), full_page=True)


def test_arabic_reads_right_to_left_and_highlights_sit_on_their_words(page, live_server, client, tmp_path):
    record = client.get(f"/api/articles/{TALKS['id']}").json()
    page.goto(f"{live_server}/articles/{TALKS['id']}")
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
    paragraph = page.locator("#text p").first
    assert paragraph.evaluate("p => getComputedStyle(p).direction") == "rtl"
    first, second, third = paragraph.evaluate(WORD_BOXES_JS)
    assert [first["text"], second["text"], third["text"]] == TALKS["text"].split()[:3]
    assert abs(first["top"] - second["top"]) < 4  # the same line
    assert first["left"] >= second["right"] - 0.5 and second["left"] >= third["right"] - 0.5

    marks = page.evaluate(MARKS_JS)
    assert len(marks) >= 10
    for mark in marks:
        assert mark["text"] == record["text"][mark["s"]:mark["e"]], mark
        left, top, right, bottom = mark["box"]
        p_left, p_top, p_right, p_bottom = mark["para"]
        assert p_left - 1 <= left < right <= p_right + 1 and p_top - 1 <= top < bottom <= p_bottom + 1, mark

    person = next(e for e in record["entities"] if e["name"] == "عمرو طلعت")
    page.click(".panel .person a.to-text >> nth=0")
    assert page.evaluate("location.hash") == "#m-e1-0"
    target = page.locator(":target")
    mention = person["mentions"][0]
    assert target.text_content() == record["text"][mention["start"]:mention["end"]] == "عمرو طلعت"
    assert target.evaluate("m => getComputedStyle(m).outlineStyle") == "solid"  # shown where it is
    page.screenshot(path=str(shots_dir(tmp_path) / "article.png"), full_page=True)


def test_marks_of_an_ingested_article_hold_the_records_words(page, live_server, client):
    (found,) = client.get("/api/search", params={"q": "بوريطة"}).json()["items"]
    record = client.get(f"/api/articles/{found['id']}").json()
    page.goto(f"{live_server}/articles/{found['id']}")
    marks = page.evaluate(MARKS_JS)
    assert marks, "the pipeline found nothing to mark"
    for mark in marks:
        assert mark["text"] == record["text"][mark["s"]:mark["e"]], mark
    anchors = {m["id"] for m in marks if m["id"]}
    for link in page.locator(".panel a.to-text").all():
        assert link.get_attribute("href")[1:] in anchors


PAGES = ["/", "/?q=الاتصالات", f"/articles/{TALKS['id']}", f"/articles/{HOSTILE['id']}", "/people",
         "/organizations", "/pairs", "/pairs/EG-IQ", "/network", "/network?kind=countries&type="]


def test_pages_fit_a_phone_screen(page, live_server, client, tmp_path):
    page.set_viewport_size({"width": 360, "height": 740})
    for url in PAGES + [f"/entities/{entity_id(client, 'عمرو طلعت')}"]:
        page.goto(live_server + url)
        widths = page.evaluate(NO_HORIZONTAL_SCROLL_JS)
        assert widths["page"] <= widths["view"] and widths["body"] <= widths["view"], (url, widths)
    page.goto(f"{live_server}/articles/{TALKS['id']}")
    page.screenshot(path=str(shots_dir(tmp_path) / "article-360.png"), full_page=False)


def test_payloads_in_articles_names_and_queries_do_not_execute(page, live_server, client):
    console_errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    person = entity_id(client, HOSTILE["entities"][0]["name"])
    (ingested,) = client.get("/api/search", params={"q": "بوريطة"}).json()["items"]
    urls = [f"/articles/{HOSTILE['id']}", f"/articles/{ingested['id']}", f"/entities/{person}", "/pairs/EG-IQ",
            "/people", "/organizations", "/network?type=", f"/?person={person}"]
    for url in urls:
        page.goto(live_server + url)
        page.mouse.move(200, 200)
        page.wait_for_timeout(150)
        active = page.evaluate(ACTIVE_CONTENT_JS)
        assert active == {"scripts": 0, "images": 0, "iframes": 0, "handlers": [], "urls": []}, (url, active)

    page.goto(f"{live_server}/articles/{HOSTILE['id']}")
    text = page.inner_text("#text")
    for payload in PAYLOADS:  # shown as the words they are
        assert payload in text
    assert page.title().startswith(SCRIPT)

    page.goto(live_server + "/")
    page.fill("input[name=q]", SCRIPT + '"><svg onload=alert(1)>')
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/?q=*")
    assert page.input_value("input[name=q]") == SCRIPT + '"><svg onload=alert(1)>'
    assert page.evaluate(ACTIVE_CONTENT_JS)["handlers"] == []
    page.wait_for_timeout(200)
    assert console_errors == []  # nothing was even tried (a blocked script would log a policy error)
