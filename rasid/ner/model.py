"""Training and tagging with crfsuite; the bundled model loads once per process."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

import pycrfsuite

from rasid.ner.corpus import Sentence
from rasid.ner.decoder import Decoder
from rasid.ner.features import NEWS_DOMAIN, OTHER_DOMAIN, domain_features, words_features
from rasid.text.normalize import normalize_str

BUNDLED_MODEL = "ner-crf.crfsuite"
NEURAL_SUFFIX = ".cnn.npz"  # the neural tagger's file beside a CRF model: ner-crf.crfsuite -> ner-crf.cnn.npz


class ModelError(RuntimeError):
    """The NER model file is missing or unreadable."""


@dataclass(frozen=True)
class TrainingParams:
    c1: float = 0.05
    c2: float = 0.05
    max_iterations: int = 150
    min_feature_frequency: int = 1

    def crfsuite(self) -> dict[str, object]:
        return {
            "c1": self.c1, "c2": self.c2, "max_iterations": self.max_iterations,
            "feature.minfreq": self.min_feature_frequency,
            "feature.possible_transitions": True,
        }

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def _append(trainer: pycrfsuite.Trainer, sentence: Sentence, domain: str | None) -> None:
    items = words_features([w for w, _ in sentence])
    trainer.append(domain_features(items, domain) if domain else items, [t for _, t in sentence])


def train(sentences: Iterable[Sentence], path: Path, params: TrainingParams,
          other_domain: Sequence[Sentence] = ()) -> None:
    """Train L-BFGS on the (news) sentences, then those of ``other_domain``, in their order, and write
    the model to ``path``. With other-domain sentences the features are domain-augmented (Daume 2007):
    each also copied with the prefix of its sentence's domain (``features.NEWS_DOMAIN`` /
    ``OTHER_DOMAIN``); the decoder folds the news copies into the plain weights."""
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for sentence in sentences:
        _append(trainer, sentence, NEWS_DOMAIN if other_domain else None)
    for sentence in other_domain:
        _append(trainer, sentence, OTHER_DOMAIN)
    trainer.set_params(params.crfsuite())
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))


def bundled_model_path() -> Path:
    return Path(str(resources.files("rasid.models").joinpath(BUNDLED_MODEL)))


@lru_cache(maxsize=4)
def load_tagger(path: str | None = None) -> pycrfsuite.Tagger:
    """The tagger for ``path`` (None: the bundled model), opened once per process."""
    model = Path(path) if path else bundled_model_path()
    if not model.is_file():
        raise ModelError(f"NER model {model} is missing (train one with `rasid train`)")
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(model))
    except (OSError, ValueError) as exc:
        raise ModelError(f"NER model {model} is not a crfsuite model: {exc}") from exc
    return tagger


def neural_model_path(model: Path) -> Path:
    """Where the neural tagger decoded with the CRF model ``model`` lives: beside it, ``<stem>.cnn.npz``."""
    return model.with_name(model.stem + NEURAL_SUFFIX)


@lru_cache(maxsize=4)
def load_decoder(path: str | None = None, neural: bool = True):
    """The fast decoder over the model at ``path`` (None: the bundled model), built once per process.

    The CRF's tables are read from the folded file beside the model when there is one for it
    (``rasid.ner.folded``), else built from crfsuite. When a neural model lies beside the CRF model
    (``neural_model_path``) and ``neural`` is true, the decoder is the ensemble of both
    (``rasid.ner.ensemble``); otherwise the CRF's ``Decoder``.
    """
    from rasid.ner.folded import read_folded

    model = Path(path) if path else bundled_model_path()
    crf = (read_folded(model) if model.is_file() else None) or Decoder(load_tagger(path))
    companion = neural_model_path(model)
    if not neural or not companion.exists():
        return crf
    from rasid.ner.ensemble import EnsembleDecoder
    from rasid.ner.neural import read_model

    return EnsembleDecoder(crf, read_model(companion))


def tag_words(decoder: Decoder, words: Sequence[str]) -> list[str]:
    """IOB2 tags for a sequence of words as written."""
    return decoder.tag([normalize_str(w) or w for w in words])
