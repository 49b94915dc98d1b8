from pathlib import Path

import pytest

from rasid.ner.corpus import CorpusError, read_blank_separated, read_tokens, sentences_by_period


def test_anercorp_format_drops_empty_tokens_and_splits_two_word_lines(tmp_path: Path):
    path = tmp_path / "ANERCorp.txt"
    path.write_text("زار B-PERS\n O\n. Oالرياض B-LOC\nالصالحية ونايفة O\n", encoding="utf-8")
    assert read_tokens(path) == [("زار", "B-PERS"), (".", "B-LOC"), ("الرياض", "B-LOC"),
                                 ("الصالحية", "O"), ("ونايفة", "O")]


def test_sentences_end_after_a_period():
    tokens = [("قال", "O"), (".", "O"), ("زار", "O")]
    assert sentences_by_period(tokens) == [[("قال", "O"), (".", "O")], [("زار", "O")]]


def test_aqmar_labels_are_mapped(tmp_path: Path):
    path = tmp_path / "test.txt"
    path.write_text("كرستيانو B-PER\nرونالدو I-PER\n\nالبرتغال B-LOC\nالدوري B-MIS\n", encoding="utf-8")
    assert read_blank_separated(path) == [
        [("كرستيانو", "B-PERS"), ("رونالدو", "I-PERS")], [("البرتغال", "B-LOC"), ("الدوري", "B-MISC")],
    ]


def test_bad_tag_names_the_line(tmp_path: Path):
    path = tmp_path / "x.txt"
    path.write_text("كلمة O\nكلمة X-PERS\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="x.txt:2"):
        read_tokens(path)


def test_missing_file_is_a_corpus_error(tmp_path: Path):
    with pytest.raises(CorpusError, match="missing"):
        read_tokens(tmp_path / "absent.txt")
