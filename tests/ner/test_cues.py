from pathlib import Path

import pytest

from rasid.ner import cues as cues_module
from rasid.ner.cues import HEADER, cue_words, cues, lexicon_cue_words
from rasid.ner.tables import LabelTableError, read_word_labels, write_word_labels
from rasid.ner.features import type_features, word_attributes
from rasid.text.normalize import normalize_str


def _cues_of(word: str) -> list[str]:
    return [value for name, value in word_attributes(normalize_str(word)) if name == "q"]


def test_words_of_the_lexicons_carry_their_cue():
    assert "title" in _cues_of("الوزير")
    assert "hon" in _cues_of("معالي")
    assert "say" in _cues_of("قالت")
    assert "org" in _cues_of("وزارة")
    assert "part" in _cues_of("بن")
    assert "name" in _cues_of("محمد")
    assert "role" in _cues_of("الحارس")
    assert "ctry" in _cues_of("مصر")
    assert "nat" in _cues_of("المصري")


def test_cues_are_found_behind_clitics():
    assert "title" in _cues_of("والوزير")
    assert "org" in _cues_of("بوزارة")
    assert "say" in _cues_of("وقال")


def test_an_ordinary_word_has_no_cue():
    assert _cues_of("الطقس") == []
    assert cues(("الطقس", "طقس")) == []


def test_neighbours_see_the_cue():
    features = type_features(normalize_str("الوزير"))
    assert "-1q=title" in features[1] and "1q=title" in features[3] and "2q=title" in features[4]


def test_the_table_is_normalized():
    assert all(word == normalize_str(word) for word in cue_words())


@pytest.fixture
def frozen_table(tmp_path: Path, monkeypatch):
    """Point the tagger's cue table at a file of the test's own; caches cleared before and after."""
    path = tmp_path / "cues.tsv"
    monkeypatch.setattr(cues_module, "bundled_cues_path", lambda: path)
    clear_caches()
    yield path
    monkeypatch.undo()
    clear_caches()


def clear_caches():
    cue_words.cache_clear()
    type_features.cache_clear()


def test_features_read_the_frozen_table_not_the_lexicons(frozen_table: Path):
    write_word_labels({"الطقس": ("org",), "الوزير": ("name", "role")}, HEADER, frozen_table)
    assert _cues_of("الطقس") == ["org"]
    assert _cues_of("الوزير") == ["name", "role"]
    assert _cues_of("معالي") == []  # an honorific in the lexicon, absent from this table


def test_table_round_trip(tmp_path: Path):
    table = {"قال": ("say", "verb"), "مصر": ("ctry",)}
    path = tmp_path / "cues.tsv"
    write_word_labels(table, HEADER, path)
    assert read_word_labels(path) == table


def test_a_malformed_line_names_its_place(tmp_path: Path):
    path = tmp_path / "cues.tsv"
    path.write_text("# header\nقال\tsay\nمصر\n", encoding="utf-8")
    with pytest.raises(LabelTableError, match="cues.tsv:3"):
        read_word_labels(path)


def test_train_derive_cues_freezes_the_lexicons(frozen_table: Path, tmp_path: Path):
    from click.testing import CliRunner

    from rasid.cli import main

    result = CliRunner().invoke(main, ["train", "--derive-cues", "--corpora", str(tmp_path / "none")])
    assert f"lexicon cue words into {frozen_table}" in result.output
    assert read_word_labels(frozen_table) == lexicon_cue_words()
    assert "hon" in _cues_of("معالي")
