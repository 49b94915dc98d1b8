"""Which Rasid and which model produced a record: kept with every stored article."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import rasid
from rasid.settings import Settings

PACKAGE = Path(rasid.__file__).resolve().parent
MODEL_INPUTS = ("lang/data", "models")


def rasid_version() -> str:
    return rasid.__version__


@lru_cache(maxsize=8)
def _data_digest(ner_model: str | None) -> str:
    digest = hashlib.sha256()
    files = sorted(p for folder in MODEL_INPUTS for p in (PACKAGE / folder).rglob("*")
                   if p.is_file() and p.suffix != ".py" and "__pycache__" not in p.parts)
    if ner_model:
        from rasid.ner.model import neural_model_path

        files.append(Path(ner_model))
        neural = neural_model_path(Path(ner_model))  # the neural tagger decoded with it, if any
        if neural.exists():
            files.append(neural)
    for path in files:
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes() if path.exists() else b"missing")
    return digest.hexdigest()


def model_version(settings: Settings) -> str:
    """A digest of the components, the language data and the models: it changes when any does."""
    digest = hashlib.sha256(_data_digest(settings.ner_model).encode())
    digest.update(",".join(settings.components).encode())
    if not settings.ner_neural:  # the CRF alone: other tags than the ensemble's
        digest.update(b"ner_neural=false")
    return digest.hexdigest()[:16]
