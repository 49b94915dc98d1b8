import pickle

import pytest

from rasid.doc import Article
from rasid.errors import InputTooLarge, NotArabic
from rasid.pipeline import analyze, process
from rasid.settings import Settings

TEXT = "القاهرة - واس\nالتقى وزير الخارجية المصري نظيره العراقي في القاهرة اليوم.\nوبحث الجانبان التعاون."


def test_process_returns_a_record_whose_spans_match_the_text():
    record = process(Article(text=TEXT))
    assert record["text"] == TEXT
    for meta in record["metadata"]:
        assert TEXT[meta["start"]:meta["end"]].strip()
    assert record["metadata"][0]["kind"] == "dateline"


def test_article_id_is_a_hash_of_the_normalized_text():
    a = Article(text="أكّد الوزير")
    b = Article(text="اكد  الوزير")
    c = Article(text="أكد الرئيس")
    assert a.id == b.id
    assert a.id != c.id


def test_process_and_its_inputs_are_picklable():
    settings = Settings()
    restored = pickle.loads(pickle.dumps((process, Article(text=TEXT), settings)))
    assert restored[0](restored[1], restored[2])["id"] == Article(text=TEXT).id


def test_unknown_component_is_refused_at_validation():
    with pytest.raises(ValueError, match="unknown component"):
        Settings(components=("text", "no-such-thing"))


def test_too_large_and_non_arabic_articles_are_refused():
    with pytest.raises(InputTooLarge, match="over the limit"):
        analyze(Article(text="مرحبا " * 100), Settings(max_article_chars=50))
    with pytest.raises(NotArabic, match="no Arabic text"):
        analyze(Article(text="This is an English article about talks."))


def test_the_first_article_tunes_the_garbage_collector():
    import gc

    from rasid.pipeline import GC_GENERATION0_THRESHOLD, Pipeline

    pipeline = Pipeline(Settings())
    pipeline(Article(text="التقى وزير الخارجية السعودي نظيره الأردني في عمّان."))
    assert pipeline.collector_tuned
    assert gc.get_threshold()[0] >= GC_GENERATION0_THRESHOLD
    assert gc.get_freeze_count() > 0
