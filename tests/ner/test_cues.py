from rasid.ner.cues import cue_words, cues
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
