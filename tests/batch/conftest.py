"""One local Spark session for the batch tests, and a small corpus with planted bad records."""
from __future__ import annotations

import gzip
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rasid.settings import Settings

# Short articles written for these tests (fictional events, real office names).
ARTICLES = {
    "talks.txt": (
        "الرياض تستضيف محادثات الطاقة\n\n"
        "الرياض - استقبل وزير الطاقة السعودي الأمير عبدالعزيز بن سلمان في الرياض اليوم وزير الطاقة "
        "الأردني صالح الخرابشة، وبحث الجانبان سبل تعزيز التعاون في مجالات الطاقة المتجددة والربط الكهربائي.\n"
        "وقال الوزير السعودي إن البلدين يعملان على توقيع مذكرة تفاهم في مجال الهيدروجين الأخضر.\n"
    ),
    "call.txt": (
        "اتصال هاتفي بين وزيري خارجية مصر والمغرب\n\n"
        "القاهرة - تلقى وزير الخارجية المصري سامح شكري اتصالا هاتفيا من نظيره المغربي ناصر بوريطة، "
        "تناول العلاقات الثنائية والتنسيق المشترك إزاء القضايا الإقليمية.\n"
    ),
}
JSONL_GOOD = [
    {"source": "spa", "published": "2024-03-05", "title": "توقيع اتفاقية نقل",
     "text": "وقعت وزارة النقل في الإمارات ووزارة النقل في البحرين اتفاقية للتعاون في مجال النقل البحري، "
             "بحضور وزير الطاقة والبنية التحتية الإماراتي سهيل المزروعي."},
    {"source": "wam", "published": "2024-04-01",
     "text": "أبوظبي - بحث رئيس دولة الإمارات مع رئيس وزراء الهند سبل تعزيز الشراكة الاقتصادية بين البلدين."},
]
WARC_PAGE = (
    "<html><head><title>مباحثات عراقية يابانية</title></head><body><nav>الرئيسية | أخبار</nav><article>"
    "<h1>مباحثات عراقية يابانية</h1><p>بغداد - استقبل وزير الخارجية العراقي فؤاد حسين في بغداد اليوم سفير "
    "اليابان لدى العراق، وبحث معه سبل تطوير التعاون الثنائي في مجالات الطاقة والمياه والتعليم.</p>"
    "<p>وأكد الوزير حرص العراق على توسيع الشراكة مع اليابان ودعم المشاريع المشتركة في مجال البنية التحتية."
    "</p></article></body></html>"
)
WARC_URL = "https://news.example/iraq-japan"
GZ_GOOD = {"source": "spa", "date_extracted": "2024-03-20 10:00:00", "title": "منحة دراسية",
           "content": "أعلنت وزارة التعليم السعودية تقديم منح دراسية لطلاب من السودان في مجالات الطب والهندسة."}


@dataclass
class Corpus:
    root: Path
    bad: set[str] = field(default_factory=set)  # names of the planted bad records


def write_corpus(root: Path) -> Corpus:
    """Good articles in every supported form, and one bad record of each kind."""
    corpus = Corpus(root)
    texts = root / "texts"
    texts.mkdir(parents=True)
    for name, text in ARTICLES.items():
        (texts / name).write_text(text, encoding="utf-8")
    (texts / "README.md").write_text("not an article: skipped by name\n", encoding="utf-8")
    junk = texts / "junk.txt"
    junk.write_bytes(b"\x00\x01\x02binary\x00" * 40)
    corpus.bad.add(str(junk))

    wire = root / "wire.jsonl"
    lines = [json.dumps(o, ensure_ascii=False) for o in JSONL_GOOD]
    lines += ['{"text": broken json', json.dumps({"title": "بلا نص"}), json.dumps({"text": "English only, no Arabic."})]
    wire.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus.bad |= {f"{wire}:3", f"{wire}:4", f"{wire}:5"}

    day = root / "day.json.gz"
    day.write_bytes(gzip.compress(json.dumps([GZ_GOOD, ["not", "an", "object"]], ensure_ascii=False).encode()))
    corpus.bad.add(f"{day}[1]")

    crawl = root / "crawl.warc.gz"
    with crawl.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(WARC_URL, "response", http_headers=headers,
                                                      payload=io.BytesIO(WARC_PAGE.encode("utf-8"))))
    return corpus


@pytest.fixture(scope="session")
def batch_settings() -> Settings:
    return Settings(spark_master="local[2]", spark_partitions=2, spark_log_level="ERROR")


@pytest.fixture(scope="session")
def spark(batch_settings):
    from rasid.batch.job import spark_session

    session = spark_session(batch_settings, {
        "spark.ui.enabled": "false", "spark.ui.showConsoleProgress": "false",
        "spark.sql.shuffle.partitions": "2", "spark.default.parallelism": "2",
    })
    yield session
    session.stop()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Corpus:
    return write_corpus(tmp_path_factory.mktemp("batch-corpus"))
