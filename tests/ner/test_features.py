"""Word attributes: the definition both taggers were trained on (any change retrains the bundled model)."""
from rasid.ner.features import word_attributes
from rasid.text.normalize import normalize_str


def _attributes(word: str) -> list[tuple[str, str]]:
    return word_attributes(normalize_str(word))


def test_a_word_with_a_conjunction_and_the_article():
    assert _attributes("والوزير")[:13] == [
        ("w", "والوزير"), ("s", "وزير"), ("sh", "A6+"),
        ("p1", "و"), ("p2", "وا"), ("p3", "وال"), ("p4", "والو"),
        ("x1", "ر"), ("x2", "ير"), ("x3", "زير"), ("x4", "وزير"),
        ("al", "1"), ("pc", "و"),
    ]


def test_affixes_shorter_than_the_word_only():
    assert [(n, v) for n, v in _attributes("في") if n[0] in "px" and n != "pc"] == [("p1", "ف"), ("x1", "ي")]
    assert [n for n, _ in _attributes("سلمان") if n[0] in "px"] == ["p1", "p2", "p3", "p4", "x1", "x2", "x3", "x4"]
    assert not [n for n, _ in _attributes("و") if n[0] in "px"]


def test_a_leading_clitic_letter_without_the_article_gives_the_word_without_it():
    attributes = _attributes("ومتعب")
    assert ("c", "متعب") in attributes and ("s", "ومتعب") in attributes
    assert not [n for n, _ in _attributes("والمتعب") if n == "c"]  # the article split: no bare clitic


def test_shape_and_cluster_of_a_latin_word_and_a_number():
    assert ("sh", "L4-5") in _attributes("Paris") and ("sh", "D4-5") in _attributes("2015")
    assert _attributes("zzqx")[-1] == ("k", "none")
