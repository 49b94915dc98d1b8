"""`rasid train` and `rasid ner-eval` on a tiny hand-made corpus (no ../shared needed)."""
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasid.cli import main
from rasid.ner import corpus
from rasid.ner.model import load_decoder, load_tagger, tag_words

TRAIN_SENTENCES = [
    "استقبل/O الرئيس/O خالد/B-PERS العمري/I-PERS وفدا/O من/O الأردن/B-LOC ./O",
    "وزار/O الوزير/O سعيد/B-PERS المالكي/I-PERS مقر/O وزارة/B-ORG الصحة/I-ORG ./O",
    "وصل/O الرئيس/O محمود/B-PERS الحسني/I-PERS إلى/O مصر/B-LOC ./O",
    "التقى/O الوزير/O فهد/B-PERS الشمري/I-PERS ممثلي/O وزارة/B-ORG التعليم/I-ORG ./O",
]
TEST_SENTENCE = "المفرق/B-LOC -/O غيث/B-PERS الطراونة/I-PERS زار/O الأردن/B-LOC ./O"


FANE_SENTENCE = "\u200eو/O \u200eزار/O \u200eجوبا/B-Population-Center \u200eعاصمة/O \u200eها/O ./O"
AQMAR_SENTENCE = "درس/O جابر/B-PER بن/I-PER حيان/I-PER في/O الكوفة/B-LOC ./O"
WOJOOD_SENTENCE = "قال/O وزير/B-OCC خارجية/I-OCC+B-ORG مصر/I-OCC+I-ORG+B-GPE ./O"


def _lines(sentence: str, separator: str) -> str:
    return "\n".join(item.replace("/", separator).replace("+", " ") for item in sentence.split()) + "\n"


def _write_other_domains(root: Path) -> None:
    for folder, name, text in (
        ("fane_gold", "WikiFANE_Gold_2014_500K.txt", (_lines(FANE_SENTENCE, "\t") + "\t\n") * 2),
        ("aqmar", "train.txt", _lines(AQMAR_SENTENCE, " ")),
        ("aqmar", "dev.txt", _lines(AQMAR_SENTENCE, " ")),
        ("wojood_sample", "train.txt", _lines(WOJOOD_SENTENCE, " ")),
        ("wojood_sample", "val.txt", _lines(WOJOOD_SENTENCE, " ")),
    ):
        (root / folder).mkdir(parents=True, exist_ok=True)
        (root / folder / name).write_text(text, encoding="utf-8")


def _write_corpus(root: Path) -> int:
    lines = [item.replace("/", " ") for s in TRAIN_SENTENCES * 3 + [TEST_SENTENCE] for item in s.split()]
    (root / "anercorp").mkdir(parents=True)
    (root / "anercorp" / "ANERCorp.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _write_other_domains(root)
    return len(lines) - len(TEST_SENTENCE.split())


@pytest.fixture
def tiny_corpora(tmp_path: Path, monkeypatch) -> Path:
    root = tmp_path / "corpora"
    test_start = _write_corpus(root)
    # The split constants describe the real ANERcorp; point them at the tiny one.
    monkeypatch.setattr(corpus, "ANERCORP_TEST_START", test_start)
    monkeypatch.setattr(corpus, "ANERCORP_TEST_FIRST_WORDS", ("المفرق", "-", "غيث", "الطراونة"))
    return root


def test_train_writes_a_deterministic_model_that_tags(tiny_corpora: Path, tmp_path: Path):
    runner = CliRunner()
    first, second = tmp_path / "a.crfsuite", tmp_path / "b.crfsuite"
    for output in (first, second):
        result = runner.invoke(main, ["train", "--corpora", str(tiny_corpora), "--output", str(output),
                                      "--max-iterations", "50", "--news-only", "--no-neural"])
        assert result.exit_code == 0, result.output
        assert "12 sentences" in result.output and "other domain" not in result.output
    assert first.read_bytes() == second.read_bytes()
    tags = tag_words(load_decoder(str(first)), "استقبل الرئيس خالد العمري وفدا من الأردن .".split())
    assert tags[2:4] == ["B-PERS", "I-PERS"]
    assert tags[6] == "B-LOC"


def test_ner_eval_scores_the_test_part(tiny_corpora: Path, tmp_path: Path):
    model = tmp_path / "m.crfsuite"
    runner = CliRunner()
    assert runner.invoke(main, ["train", "--corpora", str(tiny_corpora), "--output", str(model),
                                "--news-only", "--no-neural"]).exit_code == 0
    result = runner.invoke(main, ["ner-eval", "--model", str(model), "--corpora", str(tiny_corpora)])
    assert result.exit_code == 0, result.output
    assert "== ANERcorp test" in result.output and "micro F1 over PERS/LOC/ORG" in result.output


def test_train_with_the_other_domain_corpora(tiny_corpora: Path, tmp_path: Path):
    model = tmp_path / "m.crfsuite"
    result = CliRunner().invoke(main, ["train", "--corpora", str(tiny_corpora), "--output", str(model),
                                       "--max-iterations", "50", "--other-domain", "--no-neural"])
    assert result.exit_code == 0, result.output
    assert "12 sentences, 93 tokens and 6 sentences, 32 tokens (other domain)" in result.output
    assert any(attribute.startswith("x:") for attribute, _ in load_tagger(str(model)).info().state_features)


def test_train_needs_the_other_domain_corpora(tiny_corpora: Path, tmp_path: Path):
    (tiny_corpora / "wojood_sample" / "val.txt").unlink()
    result = CliRunner().invoke(main, ["train", "--corpora", str(tiny_corpora),
                                       "--output", str(tmp_path / "m.crfsuite"), "--other-domain", "--no-neural"])
    assert result.exit_code == 1
    assert "wojood_sample/val.txt is missing" in result.output


def test_train_without_corpora_is_one_clear_line(tmp_path: Path):
    result = CliRunner().invoke(main, ["train", "--corpora", str(tmp_path / "none"),
                                       "--output", str(tmp_path / "m.crfsuite"), "--no-neural"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"rasid: NER corpora not found: {tmp_path / 'none' / 'anercorp' / 'ANERCorp.txt'} is missing "
        "(pass --corpora DIR or set RASID_NER_CORPORA)"
    ]


def test_fast_decoder_gives_crfsuite_tags(tiny_corpora: Path, tmp_path: Path):
    from rasid.ner.features import words_features
    from rasid.text.normalize import normalize_str

    model = tmp_path / "m.crfsuite"
    assert CliRunner().invoke(main, ["train", "--corpora", str(tiny_corpora), "--output", str(model),
                                     "--news-only", "--no-neural"]).exit_code == 0
    sentences = [s.split() for s in (
        "استقبل الوزير خالد المالكي وفدا من مصر .",
        "زار الرئيس فهد العمري مقر وزارة الصحة في الأردن .",
        "سعيد",
        "وصل محمود إلى",
    )]
    tagger, decoder = load_tagger(str(model)), load_decoder(str(model))
    expected = [tagger.tag(words_features(words)) for words in sentences]
    assert decoder.tag_many([[normalize_str(w) for w in words] for words in sentences] + [[]]) == expected + [[]]


OTHER_DOMAIN_SENTENCES = [
    "ولد/O العالم/O احمد/B-PERS زويل/I-PERS في/O دمنهور/B-LOC ./O",
    "تقع/O جوبا/B-LOC في/O جنوب/B-LOC السودان/I-LOC ./O",
]


def _sentences(lines: list[str]) -> list[list[tuple[str, str]]]:
    return [[tuple(item.rsplit("/", 1)) for item in line.split()] for line in lines]


def test_a_domain_augmented_model_decodes_as_crfsuite_tags_its_news_features(tmp_path: Path):
    from rasid.ner.decoder import news_domain_weights
    from rasid.ner.features import NEWS_DOMAIN, OTHER_DOMAIN, domain_features, words_features
    from rasid.ner.model import TrainingParams, train
    from rasid.text.normalize import normalize_str

    model = tmp_path / "domains.crfsuite"
    train(_sentences(TRAIN_SENTENCES), model, TrainingParams(max_iterations=50),
          other_domain=_sentences(OTHER_DOMAIN_SENTENCES) * 2)
    tagger = load_tagger(str(model))
    weights = tagger.info().state_features
    assert any(a.startswith(NEWS_DOMAIN) for a, _ in weights) and any(a.startswith(OTHER_DOMAIN) for a, _ in weights)
    sentences = [s.split() for s in ("استقبل الوزير احمد زويل وفدا من دمنهور .", "تقع جوبا في مصر .")]
    expected = [tagger.tag(domain_features(words_features(words), NEWS_DOMAIN)) for words in sentences]
    decoder = load_decoder(str(model))
    assert decoder.tag_many([[normalize_str(w) for w in words] for words in sentences]) == expected
    assert decoder.fast
    label = decoder.labels.index("B-PERS")
    for attribute in ("w=احمد", "1w=زويل", "b"):
        both = sum(weights.get((name, "B-PERS"), 0.0) for name in (attribute, NEWS_DOMAIN + attribute))
        assert decoder.weights[attribute][label] == pytest.approx(both)
    assert not any(a.startswith((NEWS_DOMAIN, OTHER_DOMAIN)) for a in decoder.weights)
    assert news_domain_weights(decoder.weights) is decoder.weights  # plain weights pass through
