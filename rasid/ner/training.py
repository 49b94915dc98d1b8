"""The recipe behind ``rasid train`` and ``rasid ner-eval``.

The scored and shipped model are the same: trained on the ANERcorp train part
only (never its test part, never NewsFANE, which is the ANERcorp text again),
so the committed model can be re-scored honestly on the ANERcorp test split.
``rasid train --other-domain`` also trains on WikiFANE Gold, AQMAR train + dev
and the Wojood sample's train + val as a second domain (``other_domain_sentences``;
never AQMAR test nor the Wojood test part): the CRF through domain-augmented
features, the neural tagger through an output layer of its own.
``rasid train --neural`` also trains the neural tagger decoded together with the
CRF (``rasid.ner.neural_training``; needs torch and gensim) and writes it beside
the CRF model (``model.neural_model_path``). Both are the defaults of ``rasid train``: the
bundled model (see the model card); ``--news-only --no-neural`` trains the CRF of ANERcorp alone.
Training is deterministic: the same corpora, lists and parameters give the
same model files.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from rasid.ner.arrays import file_sha256
from rasid.ner.corpus import CorpusError, Sentence, anercorp_split, aqmar, token_count, wikifane, wojood
from rasid.ner.document import propagate
from rasid.ner.folded import fold_model
from rasid.ner.model import TrainingParams, load_decoder, train
from rasid.ner.neural_training import NeuralParams, read_or_train_vectors, require_training_packages, train_neural
from rasid.ner.scoring import Score, score
from rasid.text.normalize import normalize_str

ENTITY_LABELS = ("PERS", "LOC", "ORG")
ALL_LABELS = ("PERS", "LOC", "ORG", "MISC")
REQUIRED_FILE = Path("anercorp") / "ANERCorp.txt"
# The corpora mark no article boundaries; for the document-level pass, runs of this many
# consecutive sentences stand for an article (about 500 words, the size of a news item).
DOCUMENT_SENTENCES = 20


def default_corpora() -> Path:
    """$RASID_NER_CORPORA, else ../shared/corpora/ner beside the repository."""
    configured = os.environ.get("RASID_NER_CORPORA")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "ner"


def check_corpora(corpora: Path) -> None:
    if not (corpora / REQUIRED_FILE).is_file():
        raise CorpusError(f"NER corpora not found: {corpora / REQUIRED_FILE} is missing "
                          f"(pass --corpora DIR or set RASID_NER_CORPORA)")


def clear_feature_caches() -> None:
    from rasid.ner import features

    features.type_features.cache_clear()
    features.recent_word_attributes.cache_clear()
    features.pair_keys.cache_clear()


def derive_cues() -> str:
    """Freeze the rule lexicons' cue words into rasid/models/ner-cues.tsv; a one-line summary."""
    from rasid.ner import cues

    words = cues.derive()
    clear_feature_caches()
    return f"froze {words:,} lexicon cue words into {cues.bundled_cues_path()}"


def derive_lexicons(corpora: Path) -> str:
    """Rebuild the gazetteer lists, the word clusters and the cue table in the package; a summary."""
    from importlib import resources

    from rasid.ner import clusters, gazetteer

    check_corpora(corpora)
    news = corpora.parent / "news" / "saudinewsnet"
    if not news.is_dir():
        raise CorpusError(f"news corpus not found: {news} (needed to derive the word clusters)")
    sizes = gazetteer.derive(corpora, Path(str(resources.files("rasid.lang.data"))))
    words = clusters.derive(news, Path(str(resources.files("rasid.models").joinpath(clusters.CLUSTERS_FILE))))
    clusters.word_clusters.cache_clear()
    return f"derived gazetteers {sizes} and clusters for {words:,} words; {derive_cues()}"


def training_sentences(corpora: Path) -> list[Sentence]:
    check_corpora(corpora)
    return anercorp_split(corpora).train


def other_domain_sentences(corpora: Path) -> list[Sentence]:
    """The second-domain training data, in this order: WikiFANE Gold (ANERcorp's labels, whole words),
    AQMAR train and dev, the Wojood sample's train and val."""
    return (wikifane(corpora) + aqmar(corpora, "train") + aqmar(corpora, "dev")
            + wojood(corpora, "train") + wojood(corpora, "val"))


@dataclass(frozen=True)
class TrainingReport:
    sentences: int
    tokens: int
    other_sentences: int
    other_tokens: int
    path: Path
    sha256: str
    size: int
    folded: Path  # the decoder's tables beside the model (rasid.ner.folded)
    folded_sha256: str


def train_model(corpora: Path, output: Path, params: TrainingParams, other_domain: bool = False) -> TrainingReport:
    sentences = training_sentences(corpora)
    other = other_domain_sentences(corpora) if other_domain else []
    train(sentences, output, params, other_domain=other)
    folded = fold_model(output)
    return TrainingReport(len(sentences), token_count(sentences), len(other), token_count(other), output,
                          file_sha256(output), output.stat().st_size, folded, file_sha256(folded))


def tag_sentences(model: str | None, sentences: list[Sentence]) -> list[list[str]]:
    """Tags of each sentence; every DOCUMENT_SENTENCES sentences form one document."""
    decoder = load_decoder(model)
    norms = [[normalize_str(w) or w for w, _ in s] for s in sentences]
    tags = []
    for first in range(0, len(norms), DOCUMENT_SENTENCES):
        document = norms[first:first + DOCUMENT_SENTENCES]
        tags += propagate(document, decoder.tag_many(document))
    return tags


def score_sentences(model: str | None, sentences: list[Sentence]) -> Score:
    return score([[t for _, t in s] for s in sentences], tag_sentences(model, sentences))


def test_sets(corpora: Path) -> dict[str, list[Sentence]]:
    check_corpora(corpora)
    sets = {"ANERcorp test": anercorp_split(corpora).test}
    if (corpora / "aqmar" / "test.txt").is_file():
        sets["AQMAR test"] = aqmar(corpora, "test")
    return sets


def evaluate(model: str | None, corpora: Path) -> dict[str, Score]:
    return {name: score_sentences(model, sentences) for name, sentences in test_sets(corpora).items()}


@dataclass(frozen=True)
class NeuralReport:
    networks: int
    attributes: int
    vector_words: int
    path: Path
    sha256: str
    size: int


def train_neural_model(corpora: Path, output: Path, params: NeuralParams,
                       vectors_cache: Path | None = None, other_domain: bool = False) -> NeuralReport:
    """Word vectors (SaudiNewsNet + the ANERcorp train words; reused from ``vectors_cache`` when it holds
    them), then the neural tagger on the ANERcorp train part (and the second domain's sentences when
    ``other_domain``), written to ``output``."""
    require_training_packages()
    sentences = training_sentences(corpora)
    other = other_domain_sentences(corpora) if other_domain else []
    words, vectors = read_or_train_vectors(corpora.parent / "news" / "saudinewsnet", sentences, params.vectors,
                                           vectors_cache)
    networks = train_neural(sentences, words, vectors, params, output, other)
    return NeuralReport(len(networks), len(networks[0].bag), len(words[:params.vectors.kept]), output,
                        file_sha256(output), output.stat().st_size)
