import pytest

from rasid.ner.scoring import Chunk, chunks, score


def test_chunks_follow_iob2_and_conlleval_leniency():
    tags = ["B-PERS", "I-PERS", "O", "I-LOC", "I-LOC", "B-LOC", "B-ORG", "I-PERS"]
    assert chunks(tags) == [
        Chunk("PERS", 0, 2), Chunk("LOC", 3, 5), Chunk("LOC", 5, 6), Chunk("ORG", 6, 7), Chunk("PERS", 7, 8),
    ]


def test_chunk_at_the_end_is_closed():
    assert chunks(["O", "B-MISC", "I-MISC"]) == [Chunk("MISC", 1, 3)]


def test_bad_tag_is_an_error():
    with pytest.raises(ValueError, match="bad IOB tag"):
        chunks(["O", "PERS"])


def test_exact_span_scores():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "I-ORG", "I-ORG"]]
    pred = [["B-PERS", "I-PERS", "O", "B-ORG"], ["B-ORG", "I-ORG", "O"]]  # LOC mistyped, ORG cut short
    result = score(gold, pred)
    assert (result.by_label["PERS"].correct, result.by_label["PERS"].f1) == (1, 1.0)
    assert result.by_label["LOC"].recall == 0.0 and result.by_label["LOC"].predicted == 0
    assert result.by_label["ORG"].correct == 0 and result.by_label["ORG"].predicted == 2
    micro = result.micro()
    assert (micro.correct, micro.predicted, micro.gold) == (1, 3, 3)
    assert micro.f1 == pytest.approx(1 / 3)
    only_pers_loc = result.micro(["PERS", "LOC"])
    assert (only_pers_loc.correct, only_pers_loc.predicted, only_pers_loc.gold) == (1, 1, 2)
    assert only_pers_loc.f1 == pytest.approx(2 / 3)
    assert "micro" in result.table(["PERS", "LOC", "ORG"])


def test_length_mismatch_is_reported():
    with pytest.raises(ValueError, match="sequence 0"):
        score([["O", "O"]], [["O"]])
