"""The record checker must reject what it is there to catch."""
import copy

import pytest

from rasid.doc import Article
from rasid.pipeline import process
from tests.record_checks import assert_record_valid

TEXT = "القاهرة - أ ش أ\nاستقبل وزير الخارجية المصري سامح شكري نظيره العراقي فؤاد حسين في القاهرة اليوم.\n" \
       "وقال شكري إن البلدين يعملان على تعزيز التعاون.\n"


@pytest.fixture(scope="module")
def record() -> dict:
    result = process(Article(text=TEXT))
    assert result["entities"], "the checker needs a record with spans to break"
    return result


def test_a_pipeline_record_is_valid(record):
    assert_record_valid(record)


def _broken(record, change) -> dict:
    bad = copy.deepcopy(record)
    change(bad)
    return bad


@pytest.mark.parametrize("change, message", [
    (lambda r: r["entities"][0]["mentions"][0].update(start=r["entities"][0]["mentions"][0]["start"] + 1),
     "the span says"),
    (lambda r: r["entities"][0]["mentions"][0].update(end=len(r["text"]) + 5), "outside the text"),
    (lambda r: r["entities"][0].update(type="PLACE"), "PLACE"),
    (lambda r: r.update(id="not-a-hash"), "id"),
    (lambda r: r["sectors"].append("gardening"), "gardening"),
    (lambda r: r["metadata"].append({"kind": "dateline", "start": 3, "end": 3}), "empty"),
])
def test_broken_records_are_rejected(record, change, message):
    with pytest.raises(AssertionError, match=message):
        assert_record_valid(_broken(record, change))


def test_a_dangling_entity_reference_is_rejected(record):
    bad = _broken(record, lambda r: r["statements"].append(
        {"speaker": "e999", "cue": "قال", "start": 0, "end": 5}))
    with pytest.raises(AssertionError, match="unknown speaker e999"):
        assert_record_valid(bad)
