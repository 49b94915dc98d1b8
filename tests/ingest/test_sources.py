import gzip
import http.server
import io
import json
import threading
from functools import partial

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rasid.ingest.sources import FieldMap, iter_sources

BODY_1 = "استقبل وزير الخارجية نظيره العراقي في الرياض وبحثا العلاقات الثنائية بين البلدين."
BODY_2 = "وقعت وزارة الاتصالات مذكرة تفاهم مع الجانب المصري في مجال التحول الرقمي."

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>وكالة الاختبار</title><link>http://example.invalid/</link>
<item><title>لقاء في الرياض</title><link>http://example.invalid/1</link>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description>&lt;p&gt;{BODY_1}&lt;/p&gt;</description></item>
<item><title>مذكرة تفاهم</title><link>http://example.invalid/2</link>
<description>{BODY_2}</description></item>
</channel></rss>"""

HTML = f"""<html><head><title>لقاء في الرياض</title>
<meta property="article:published_time" content="2024-03-05"></head>
<body><nav>الرئيسية | الأخبار | اتصل بنا</nav><article><h1>لقاء في الرياض</h1>
<p>{BODY_1}</p><p>{BODY_2}</p></article><footer>جميع الحقوق محفوظة</footer></body></html>"""


def _articles(items):
    return [i for i in items if i.article is not None]


def _errors(items):
    return [i for i in items if i.error is not None]


def test_json_lines_with_a_field_map(tmp_path):
    path = tmp_path / "feed.jsonl"
    rows = [{"body_ar": BODY_1, "headline": "لقاء", "when": "2024-03-05", "outlet": "واس", "link": "http://x/1"},
            {"body_ar": BODY_2, "headline": "مذكرة", "when": "2024-03-06", "outlet": "واس", "link": "http://x/2"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\nnot json\n", encoding="utf-8")
    items = list(iter_sources([str(path)], FieldMap(text="body_ar", title="headline", published="when",
                                                    source="outlet", url="link")))
    articles = _articles(items)
    assert [a.article.published for a in articles] == ["2024-03-05", "2024-03-06"]
    assert articles[0].article.text.startswith("لقاء") and BODY_1 in articles[0].article.text
    assert [a.url for a in articles] == ["http://x/1", "http://x/2"]
    assert [e.name for e in _errors(items)] == [f"{path}:3"]


def test_gzipped_json_and_folders_recursively(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    with gzip.open(tmp_path / "a" / "b" / "day.json.gz", "wt", encoding="utf-8") as handle:
        json.dump([{"content": BODY_1, "title": "لقاء"}, {"content": ""}], handle, ensure_ascii=False)
    (tmp_path / "a" / "note.txt").write_text(BODY_2, encoding="utf-8")
    items = list(iter_sources([str(tmp_path)]))
    assert len(_articles(items)) == 2
    assert [e.name for e in _errors(items)] == [f"{tmp_path}/a/b/day.json.gz[1]"]


def test_rss_feed_file(tmp_path):
    path = tmp_path / "news.rss"
    path.write_text(RSS, encoding="utf-8")
    articles = _articles(iter_sources([str(path)]))
    assert len(articles) == 2
    first = articles[0].article
    assert first.title == "لقاء في الرياض" and BODY_1 in first.text and "<p>" not in first.text
    assert first.published == "2024-03-05T10:00:00" and first.source == "وكالة الاختبار"
    assert articles[1].url == "http://example.invalid/2"


def test_malformed_feed_is_reported_by_name(tmp_path):
    bad = tmp_path / "broken.xml"
    bad.write_text("<rss><channel><item><title>x</ti", encoding="utf-8")
    good = tmp_path / "news.rss"
    good.write_text(RSS, encoding="utf-8")
    items = list(iter_sources([str(bad), str(good)]))
    assert [e.name for e in _errors(items)] == [str(bad)]
    assert len(_articles(items)) == 2


@pytest.fixture
def local_server(tmp_path):
    (tmp_path / "feed.xml").write_text(RSS, encoding="utf-8")
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_feed_and_page_by_url_from_a_local_server(local_server):
    items = list(iter_sources([f"{local_server}/feed.xml", f"{local_server}/page.html",
                               f"{local_server}/missing.rss"]))
    articles = _articles(items)
    assert len(articles) == 3
    assert BODY_2 in articles[2].article.text and articles[2].url == f"{local_server}/page.html"
    assert [e.name for e in _errors(items)] == [f"{local_server}/missing.rss"]


def test_html_page_main_text_without_boilerplate(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    (article,) = _articles(iter_sources([str(path)]))
    assert BODY_1 in article.article.text and BODY_2 in article.article.text
    assert "اتصل بنا" not in article.article.text
    assert article.article.published == "2024-03-05"


def test_html_without_main_text_is_reported(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><div></div></body></html>", encoding="utf-8")
    binary = tmp_path / "binary.htm"
    binary.write_bytes(b"\x00\x01\x02\xff" * 50)
    items = list(iter_sources([str(empty), str(binary)]))
    assert [e.name for e in _errors(items)] == [str(empty), str(binary)]


def _warc(path, pages):
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=str(path).endswith(".gz"))
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode("utf-8")),
                                                          http_headers=headers))


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_archive_pages(tmp_path, name):
    path = tmp_path / name
    _warc(path, [("http://example.invalid/a", HTML), ("http://example.invalid/empty", "<html><body></body></html>"),
                 ("http://example.invalid/b", HTML.replace(BODY_1, BODY_2 + " " + BODY_2))])
    items = list(iter_sources([str(path)]))
    assert [a.url for a in _articles(items)] == ["http://example.invalid/a", "http://example.invalid/b"]
    assert [e.name for e in _errors(items)] == [f"{path}#http://example.invalid/empty"]


def test_corrupt_warc_is_reported_and_the_rest_goes_in(tmp_path):
    good = tmp_path / "good.warc"
    _warc(good, [("http://example.invalid/a", HTML)])
    bad = tmp_path / "bad.warc"
    bad.write_bytes(good.read_bytes()[:200] + b"\r\n\r\nWARC/1.0\r\ngarbage\r\n\r\n")
    items = list(iter_sources([str(bad), str(good)]))
    assert len(_articles(items)) == 1
    assert [e.name.split("#")[0] for e in _errors(items)] == [str(bad)]
    assert "malformed WARC" in str(_errors(items)[0].error)
