"""Real articles end to end: every record of a sample of SaudiNewsNet validates, no internal error."""
import gzip
import json

import pytest

from rasid.pipeline import process
from rasid.readers import article_from_object
from tests.record_checks import assert_record_valid

SAMPLE_EVERY = 60  # one article in 60 of one day's file: about 50 articles of every kind of section


@pytest.fixture
def saudinewsnet_sample(shared_dir):
    day = sorted((shared_dir / "corpora" / "news" / "saudinewsnet").glob("*.json.gz"))[-1]
    with gzip.open(day, "rt", encoding="utf-8") as stream:
        articles = json.load(stream)
    return [(f"{day.name}[{n}]", a) for n, a in enumerate(articles)
            if n % SAMPLE_EVERY == 0 and a.get("content", "").strip()]


def test_records_of_real_articles_are_valid(saudinewsnet_sample):
    failures = []
    for name, obj in saudinewsnet_sample:
        try:
            assert_record_valid(process(article_from_object(obj, name)))
        except Exception as exc:  # collected so that one run shows every failing article
            failures.append(f"{name}: {type(exc).__name__}: {str(exc)[:300]}")
    assert len(saudinewsnet_sample) > 20
    assert not failures, "\n".join(failures)
