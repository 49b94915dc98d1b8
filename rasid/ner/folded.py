"""The CRF decoder's tables folded into a file beside the crfsuite model, read without crfsuite.

The fast decoder (``rasid.ner.decoder.Decoder``) needs of the model only its labels, transitions and
state features indexed per attribute; building that index from crfsuite means reading every state
feature into Python objects first: for the model trained with a second domain (25 MB, 450,000
attributes) 4.8 s and ~250 MB that stay with the process. ``<stem>.crf.npz`` beside ``<stem>.crfsuite``
holds the index as built (arrays in float64, so that the tags are the same to the last bit, and the
attribute and cluster keys as JSON), with the sha256 of the crfsuite file it was folded from and the
feature templates it follows: ``load_decoder`` reads it when both match, else it warns and builds from
crfsuite.

``rasid train`` writes it after the CRF (``fold_model``); the file is the same bytes for the same model.
"""
from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

import numpy as np
import pycrfsuite

from rasid.ner.arrays import file_sha256, json_bytes, json_value, write_arrays
from rasid.ner.decoder import Decoder
from rasid.ner.features import BIAS, DOMAIN_PREFIXES, NEIGHBOUR_FEATURES, NEWS_DOMAIN, PAD, PAIR_PAD
from rasid.ner.model import ModelError

FOLDED_SUFFIX = ".crf.npz"  # ner-crf.crfsuite -> ner-crf.crf.npz
FORMAT = "rasid-ner-crf-folded/1"
TABLES = ("transitions", "blocks", "bias", "pad_scores", "before", "after", "pair_vectors")


def folded_path(model: Path) -> Path:
    return model.with_name(model.stem + FOLDED_SUFFIX)


def feature_templates() -> dict:
    """What the decoder's index follows of ``rasid.ner.features``: a folded file made under other
    templates is not read (the model would be decoded from crfsuite, with its self-check)."""
    return {"neighbours": {str(k): list(v) for k, v in NEIGHBOUR_FEATURES.items()}, "bias": list(BIAS),
            "pad": {str(k): list(v) for k, v in PAD.items()}, "pair_pad": list(PAIR_PAD),
            "domains": list(DOMAIN_PREFIXES), "news": NEWS_DOMAIN}


def fold_model(model: Path) -> Path:
    """Fold the crfsuite model ``model`` (opened afresh) into ``folded_path(model)``; that path."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    decoder = Decoder(tagger)
    tagger.close()
    if not decoder.fast:
        raise ModelError(f"NER model {model}: its decoder sums feature strings (features.py templates "
                         "changed?); not folded")
    target = folded_path(model)
    write_arrays(target, folded_arrays(decoder, file_sha256(model)))
    return target


def folded_arrays(decoder: Decoder, sha256: str) -> dict[str, np.ndarray]:
    pairs = list(decoder.word_pairs.items())
    return {
        "meta": json_bytes({"format": FORMAT, "model_sha256": sha256, "labels": list(decoder.labels),
                            "features": feature_templates()}),
        "rows": json_bytes([list(pair) for pair in decoder.rows]),  # in row order (dicts keep it)
        "clusters": json_bytes(list(decoder.cluster_ids)),  # in id order
        "pairs": json_bytes([list(pair) for pair, _ in pairs]),
        "transitions": decoder.transitions,
        "blocks": decoder.blocks,
        "bias": decoder.bias,
        "pad_scores": decoder.type_scores[0],
        "before": decoder.before,
        "after": decoder.after,
        "pair_vectors": np.array([vector for _, vector in pairs]).reshape(len(pairs), decoder.size),
    }


def read_folded(model: Path) -> Decoder | None:
    """The decoder of ``folded_path(model)``; None when there is none, or (with a warning) when it was
    folded from another model file than ``model``. ModelError when it is unreadable."""
    path = folded_path(model)
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            meta = json_value(data["meta"])
            if meta.get("format") != FORMAT:
                raise ModelError(f"folded NER model {path} has format {meta.get('format')!r}, expected {FORMAT!r}")
            if meta["model_sha256"] != file_sha256(model) or meta["features"] != feature_templates():
                warnings.warn(f"folded NER model {path} was folded from another {model.name} or under other "
                              "feature templates; reading the crfsuite model instead (`rasid train` refolds)")
                return None
            tables = {name: data[name] for name in TABLES}
            rows = [tuple(pair) for pair in json_value(data["rows"])]
            pairs = [tuple(pair) for pair in json_value(data["pairs"])]
            clusters = json_value(data["clusters"])
    except ModelError:
        raise
    except (OSError, EOFError, ValueError, KeyError, TypeError, zipfile.BadZipFile) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ModelError(f"folded NER model {path} is not readable: {reason}") from None
    pair_vectors = tables.pop("pair_vectors")
    return Decoder.from_tables(meta["labels"], rows=rows, clusters=clusters,
                               word_pairs=dict(zip(pairs, pair_vectors)), **tables)
