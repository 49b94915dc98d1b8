"""`rasid train` with the neural tagger, on a hand-made corpus and a few hand-made news articles."""
import gzip
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasid.cli import main
from rasid.ner.ensemble import EnsembleDecoder
from rasid.ner.model import load_decoder, neural_model_path
from rasid.ner.neural import read_model
from rasid.ner.neural_training import build_vocabulary, stable_hash
from tests.ner.test_training import tiny_corpora  # noqa: F401  (fixture)

NEWS = [
    "استقبل الرئيس خالد العمري وفدا من الأردن في عمان",
    "وزار الوزير سعيد المالكي مقر وزارة الصحة في الرياض",
    "التقى الوزير فهد الشمري ممثلي وزارة التعليم في جدة",
    "وصل الرئيس محمود الحسني إلى مصر قادما من الأردن",
]


@pytest.fixture
def news(tiny_corpora: Path) -> Path:  # noqa: F811
    folder = tiny_corpora.parent / "news" / "saudinewsnet"
    folder.mkdir(parents=True)
    articles = [{"content": "\n".join(NEWS[i:] + NEWS[:i])} for i in range(len(NEWS))]
    with gzip.open(folder / "2015-07-21.json.gz", "wt", encoding="utf-8") as handle:
        json.dump(articles, handle, ensure_ascii=False)
    return folder


def _train(corpora: Path, output: Path, *options: str):
    return CliRunner().invoke(main, ["train", "--corpora", str(corpora), "--output", str(output),
                                     "--max-iterations", "20", *options])


def test_train_writes_a_neural_model_beside_the_crf_twice_the_same(tiny_corpora: Path, news: Path,  # noqa: F811
                                                                   tmp_path: Path):
    pytest.importorskip("torch")
    pytest.importorskip("gensim")
    first, second = tmp_path / "a" / "m.crfsuite", tmp_path / "b" / "m.crfsuite"
    for output in (first, second):
        result = _train(tiny_corpora, output, "--neural", "--other-domain", "--neural-seeds", "13,7",
                        "--neural-recurrent", "8")
        assert result.exit_code == 0, result.output
        assert "neural tagger: 2 network(s)" in result.output
    assert neural_model_path(first).read_bytes() == neural_model_path(second).read_bytes()
    tagger = read_model(neural_model_path(first))
    assert len(tagger.networks) == 2 and tagger.channels == [16, 16]  # an LSTM of 8 units per direction
    assert all(network.recurrent is not None and not network.convolutions for network in tagger.networks)
    assert tagger.meta["params"]["seeds"] == [13, 7] and tagger.weight == 1.0
    assert tagger.meta["other_domain_sentences"] == 6  # the second domain, through its own output layer
    assert "الوزير" in tagger.vector_rows  # a news word seen 3 times or more has a vector
    decoder = load_decoder(str(first))
    assert isinstance(decoder, EnsembleDecoder)
    tags = decoder.tag("استقبل الرئيس خالد العمري وفدا من الأردن .".split())
    assert len(tags) == 8


def test_train_without_the_training_extra_is_one_clear_line(tiny_corpora: Path, tmp_path: Path,  # noqa: F811
                                                            monkeypatch):
    monkeypatch.setitem(sys.modules, "torch", None)  # import torch fails
    output = tmp_path / "m.crfsuite"
    result = _train(tiny_corpora, output)  # no option: the bundled recipe, with the network
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "rasid: training the neural NER tagger needs torch and gensim: pip install 'rasid[train]' "
        "(or train with --no-neural) (torch is missing)"
    ]
    assert not output.exists()  # failed before training the CRF


def test_without_neural_the_crf_alone_is_trained(tiny_corpora: Path, tmp_path: Path, monkeypatch):  # noqa: F811
    monkeypatch.setitem(sys.modules, "torch", None)
    output = tmp_path / "m.crfsuite"
    result = _train(tiny_corpora, output, "--news-only", "--no-neural")
    assert result.exit_code == 0, result.output
    assert output.exists() and not neural_model_path(output).exists()


def test_vocabulary_keeps_values_seen_min_count_times_and_unseen_rows():
    rows = build_vocabulary([["وزير", "الرياض"], ["وزير"]], min_count=2)
    assert rows[:2] == ["<pad>", "v=none"]
    assert "w=وزير" in rows and "w=الرياض" not in rows
    assert "w=?" in rows and "s=?" in rows
    assert len(rows) == len(set(rows))


def test_stable_hash_is_fixed_across_processes():
    """A pinned value: a change of the hash would change the word vectors."""
    assert stable_hash("وزير13") == 1871174563


def test_without_other_domain_the_network_trains_on_the_news_sentences_alone(tiny_corpora: Path, news: Path,  # noqa: F811
                                                                 tmp_path: Path):
    pytest.importorskip("torch")
    pytest.importorskip("gensim")
    output = tmp_path / "m.crfsuite"
    result = _train(tiny_corpora, output, "--news-only", "--neural-seeds", "13", "--neural-recurrent", "0",
                    "--neural-channels", "8")
    assert result.exit_code == 0, result.output
    tagger = read_model(neural_model_path(output))
    assert tagger.meta["other_domain_sentences"] == 0 and tagger.meta["sentences"] == 12
    assert tagger.channels == [8] and len(tagger.networks[0].convolutions) == 3  # --neural-recurrent 0
