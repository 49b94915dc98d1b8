from pathlib import Path

import pytest

from rasid.ner.corpus import (
    CorpusError, read_blank_separated, read_tokens, reattach_clitics, repair_iob, sentences_by_period, wikifane, wojood,
)


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


def test_split_clitics_rejoin_their_words():
    sentence = [("و", "O"), ("تعتبر", "O"), ("جوبا", "B-LOC"), ("عاصمة", "O"), ("ها", "O"),
                ("و", "O"), ("ل", "O"), ("الدولة", "O"), ("الى", "O"), ("ه", "O"), ("،", "O"), ("و", "O")]
    assert reattach_clitics(sentence) == [
        ("وتعتبر", "O"), ("جوبا", "B-LOC"), ("عاصمتها", "O"), ("وللدولة", "O"), ("اليه", "O"),
        ("،", "O"), ("و", "O"),
    ]


def test_a_clitic_that_opens_a_name_gives_its_tag_to_the_word():
    assert reattach_clitics([("ب", "B-ORG"), ("الامم", "I-ORG"), ("المتحدة", "I-ORG")]) == [
        ("بالامم", "B-ORG"), ("المتحدة", "I-ORG"),
    ]


def test_a_suffix_after_punctuation_stays_a_token():
    assert reattach_clitics([("(", "O"), ("ها", "O")]) == [("(", "O"), ("ها", "O")]


def test_iob_repair_opens_a_name_at_a_stray_inside_tag():
    assert repair_iob(["O", "I-LOC", "I-LOC", "I-PERS", "B-ORG", "I-ORG"]) == [
        "O", "B-LOC", "I-LOC", "B-PERS", "B-ORG", "I-ORG",
    ]


def _fane_corpus(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "fane_gold"
    folder.mkdir()
    (folder / "WikiFANE_Gold_2014_500K.txt").write_text(text, encoding="utf-8-sig", newline="")
    return tmp_path


def test_wikifane_fine_classes_become_anercorp_labels(tmp_path: Path):
    text = ("\u200eزار\tO\r\n\u200eالعرب\tB-Group\r\n\u200eمدينة\tO\r\n\u200eجوبا\tB-Population-Center\r\n"
            "\u200eمع\tO\r\n\u200eشركة\tO\r\n\u200eابل\tB-Commercial\r\n.\tO\r\n\t\r\n"
            "\u200eقرا\tO\r\n\u200eالقران\tB-Book\r\n\u200eتحت\tO\r\n\u200eالشمس\tB-Celestial\r\n")
    assert wikifane(_fane_corpus(tmp_path, text)) == [
        [("زار", "O"), ("العرب", "O"), ("مدينة", "O"), ("جوبا", "B-LOC"), ("مع", "O"), ("شركة", "O"),
         ("ابل", "B-ORG"), (".", "O")],
        [("قرا", "O"), ("القران", "B-MISC"), ("تحت", "O"), ("الشمس", "O")],
    ]


def test_wikifane_line_without_a_tag_is_a_corpus_error(tmp_path: Path):
    with pytest.raises(CorpusError, match="WikiFANE_Gold_2014_500K.txt:2"):
        wikifane(_fane_corpus(tmp_path, "\u200eزار\tO\r\n\u200eجوبا\r\n"))


def test_wojood_keeps_the_outermost_kept_type(tmp_path: Path):
    folder = tmp_path / "wojood_sample"
    folder.mkdir()
    (folder / "train.txt").write_text(
        "قال O\nوزير B-OCC\nخارجية I-OCC B-ORG\nفرنسا I-OCC I-ORG B-GPE\n$#$ O\nفي O\nباريس B-GPE\n\n"
        "نحو O\nالعراقيين B-NORP\n", encoding="utf-8")
    assert wojood(tmp_path, "train") == [
        [("قال", "O"), ("وزير", "O"), ("خارجية", "B-ORG"), ("فرنسا", "I-ORG")],
        [("في", "O"), ("باريس", "B-LOC")],
        [("نحو", "O"), ("العراقيين", "O")],
    ]
