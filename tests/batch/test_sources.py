"""Input files to articles: the readers of rasid extract, .gz by their inner name, WARC archives."""
from __future__ import annotations

import gzip
import io
import json

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rasid.batch.sources import is_article_file, is_splittable, items_from_file
from rasid.readers import items_from_bytes

STORY = "استقبل وزير الخارجية الأردني في عمان اليوم سفير اليابان وبحث معه التعاون في مجال المياه."


def test_json_files_split_text_and_warc_do_not():
    for name in ("/c/a.json", "/c/a.JSONL", "/c/day.json.gz", "/c/a.ndjson.gz"):
        assert is_splittable(name), name
    for name in ("/c/a.txt", "/c/crawl.warc.gz", "/c/noext", "/c/a.txt.gz"):
        assert not is_splittable(name), name


def _named(items) -> list[tuple[str, str]]:
    return [(i.source, i.article.id if i.article else str(i.error)) for i in items]


def _cuts(parts: int) -> list[tuple[float, float]]:
    bounds = [k / parts for k in range(parts)] + [1.0]
    return list(zip(bounds, bounds[1:]))


def test_slices_of_a_file_hold_each_item_once_in_order():
    objects = [{"text": STORY + " " * n, "source": "spa"} for n in range(7)] + [["not", "an", "object"]]
    data = gzip.compress(json.dumps(objects, ensure_ascii=False).encode())
    whole = _named(items_from_file(data, "/c/day.json.gz"))
    assert len(whole) == 8
    for parts in (2, 3, 8, 11):
        assert [x for start, end in _cuts(parts)
                for x in _named(items_from_file(data, "/c/day.json.gz", start, end))] == whole, parts


def test_a_bad_file_is_one_dead_letter_whatever_the_slices():
    for data in (b"\x1f\x8bnot gzip", gzip.compress(b"[{broken")):
        errors = [i for start, end in _cuts(3) for i in items_from_file(data, "/c/day.json.gz", start, end)]
        assert len(errors) == 1 and errors[0].article is None


def test_article_files_by_name():
    for name in ("/c/a.txt", "/c/a.JSONL", "/c/day.json.gz", "/c/crawl.warc.gz", "/c/crawl.warc", "/c/noext"):
        assert is_article_file(name), name
    for name in ("/c/README.md", "/c/index.tsv", "/c/a.gz", "/c/image.png"):
        assert not is_article_file(name), name


def test_gzip_items_are_named_after_the_gz_file():
    objects = [{"text": STORY, "source": "petra"}, {"title": "بلا نص"}]
    data = gzip.compress(json.dumps(objects, ensure_ascii=False).encode())
    good, bad = list(items_from_file(data, "/c/day.json.gz"))
    assert good.source == good.article.file == "/c/day.json.gz[0]"
    assert good.article.source == "petra" and good.article.text == STORY
    assert bad.article is None and str(bad.error).startswith("/c/day.json.gz[1]: no article text")


def test_plain_files_read_as_rasid_extract_reads_them():
    data = (json.dumps({"text": STORY}, ensure_ascii=False) + "\n{oops\n").encode()
    ours = list(items_from_file(data, "/c/wire.jsonl"))
    theirs = list(items_from_bytes(data, "/c/wire.jsonl"))
    assert [(i.source, i.article, str(i.error)) for i in ours] == [(i.source, i.article, str(i.error)) for i in theirs]


def test_bad_gzip_is_one_error():
    (item,) = items_from_file(b"not gzip at all", "/c/day.json.gz")
    assert item.article is None and str(item.error).startswith("/c/day.json.gz: bad gzip data")


def test_warc_responses_become_articles():
    html = (f"<html><head><title>سفير اليابان</title></head><body><article><h1>سفير اليابان</h1>"
            f"<p>{STORY}</p><p>{STORY}</p></article></body></html>").encode()
    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://news.example/a1", "response",
                                                  payload=io.BytesIO(html), http_headers=headers))
    (item,) = items_from_file(stream.getvalue(), "/c/crawl.warc.gz")
    assert item.error is None, item.error
    assert item.source == "/c/crawl.warc.gz#https://news.example/a1"
    assert STORY in item.article.text
