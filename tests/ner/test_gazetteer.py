from pathlib import Path

import pytest

from rasid.ner import gazetteer
from rasid.ner.features import type_features, word_attributes
from rasid.ner.gazetteer import GazetteerError, tagger_table, write_table
from rasid.text.normalize import normalize_str


@pytest.fixture
def table_path(tmp_path: Path, monkeypatch):
    """Point the tagger's gazetteer at a table of the test's own; caches cleared before and after."""
    path = tmp_path / "gazetteer.tsv"
    monkeypatch.setattr(gazetteer, "bundled_table_path", lambda: path)
    tagger_table.cache_clear()
    type_features.cache_clear()
    yield path
    monkeypatch.undo()
    tagger_table.cache_clear()
    type_features.cache_clear()


def _labels(word: str) -> list[str]:
    return [value for name, value in word_attributes(normalize_str(word)) if name == "g"]


def test_features_read_the_tagger_table(table_path: Path):
    write_table({"PERS": {"بجماليون"}, "LOC": {"بافوس", "قبرص"}, "ORG": {"قبرص"}}, table_path)
    assert _labels("بجماليون") == ["PERS"]
    assert _labels("قبرص") == ["LOC", "ORG"]
    assert _labels("الطقس") == []


def test_a_word_behind_the_article_or_a_clitic_letter_is_found(table_path: Path):
    write_table({"PERS": set(), "LOC": {normalize_str("قاهرة")}, "ORG": {normalize_str("برشلونة")}}, table_path)
    assert _labels("القاهرة") == ["LOC"]
    assert [v for n, v in word_attributes(normalize_str("وبرشلونة")) if n == "gc"] == ["ORG"]


def test_an_unknown_label_names_its_line(table_path: Path):
    table_path.write_text("# header\nقبرص\tLOC\nبافوس\tCITY\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="gazetteer.tsv: unknown label 'CITY' for بافوس"):
        tagger_table()



def test_the_table_holds_every_word_of_the_rule_lists():
    """The tagger's threshold is the looser one: its table holds the rule lists' words and more."""
    from rasid.lang import load_list

    assert gazetteer.TAGGER_MIN_WIKIFANE_COUNT <= gazetteer.MIN_WIKIFANE_COUNT
    for label, filename in gazetteer.LISTS.items():
        rule_words = frozenset(load_list(filename))
        assert rule_words <= gazetteer.names(label)
        assert len(gazetteer.names(label)) > len(rule_words)
