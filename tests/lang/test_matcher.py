"""PhraseMatcher: longest phrase matches over token stems, and the stems phrases begin with."""
from rasid.lang.matcher import PhraseMatcher
from rasid.lang.vocabulary import is_known_word
from rasid.text.tokenize import tokenize


def test_find_gives_the_longest_match_from_the_stem_of_the_first_token():
    matcher = PhraseMatcher([("وزارة الخارجية", "ministry"), ("وزارة", "head")])
    text = "وصل وفد ووزارة الخارجية إلى الرياض"
    tokens = tokenize(text, is_known_word)
    matches = matcher.find(tokens)
    assert [(m.payload, text[m.start:m.end]) for m in matches] == [("ministry", "وزارة الخارجية")]


def test_first_stems_are_the_stems_that_can_start_a_match():
    matcher = PhraseMatcher([("وزارة الخارجية", 1), ("مجلس الشورى", 2)])
    assert matcher.first_stems() == frozenset({"وزاره", "مجلس"})
    tokens = tokenize("ومجلس الشورى", is_known_word)
    assert all(matcher.can_start(t) == (t.stem in matcher.first_stems()) for t in tokens)
