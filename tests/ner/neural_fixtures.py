"""Small random neural NER models built by hand (numpy), shared by the neural tagger's tests."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from rasid.ner.neural import KERNEL, PADDING_KEY, TAGS, UNKNOWN_VECTOR, Network, attribute_keys, read_model, write_model
from rasid.text.normalize import normalize_str

SENTENCES = [
    "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في الرياض وزير الخارجية الأمريكي جون كيري",
    "وقال المتحدث باسم وزارة الداخلية اللواء منصور التركي إن الأجهزة الأمنية أحبطت مخططا",
    "سعيد",
    "وأعلنت شركة أرامكو السعودية عن أرباح بلغت 12.5 مليار دولار",
]
VECTOR_WORDS = ["وزير", "الرياض", "الملك", "سلمان", "شركة", "الخارجية", "قال", "منصور"]
DILATIONS = (1, 2, 1)


def norms_of(sentences: list[str]) -> list[list[str]]:
    return [[normalize_str(w) or w for w in s.split()] for s in sentences]


def attribute_rows(sequences: list[list[str]]) -> list[str]:
    """Bag rows: padding, no-vector, the unseen rows, and the attributes of every other word."""
    keys = sorted({key for norms in sequences for norm in norms[::2] for key in attribute_keys(norm)})
    names = sorted({key.partition("=")[0] for key in keys})
    return [PADDING_KEY, UNKNOWN_VECTOR] + [f"{n}=?" for n in names] + keys


def random_network(rng: np.random.Generator, attributes: int, vector_size: int, dim: int, hidden: int) -> Network:
    def normal(*shape):
        return rng.normal(0, 0.5, shape).astype(np.float32)

    bag = normal(attributes, dim)
    bag[0] = 0
    sizes = [dim] + [hidden] * (len(DILATIONS) - 1)
    return Network(bag=bag, projection=normal(vector_size, dim), bias=normal(dim),
                   convolutions=[(normal(KERNEL, size, hidden), normal(hidden)) for size in sizes],
                   out_weight=normal(hidden, len(TAGS)), out_bias=normal(len(TAGS)),
                   transitions=normal(len(TAGS), len(TAGS)), start=normal(len(TAGS)), end=normal(len(TAGS)))


def write_random_model(path: Path, networks: int = 1, seed: int = 0, weight: float = 1.0,
                       dim: int = 8, hidden: int = 6) -> Path:
    rng = np.random.default_rng(seed)
    rows = attribute_rows(norms_of(SENTENCES))
    vectors = rng.normal(0, 1, (len(VECTOR_WORDS), 5)).astype(np.float16)
    nets = [random_network(rng, len(rows), 5, dim, hidden) for _ in range(networks)]
    write_model(path, {"dilations": list(DILATIONS), "weight": weight}, rows, VECTOR_WORDS, vectors, nets)
    return path


def random_tagger(tmp_path: Path, **options):
    return read_model(write_random_model(tmp_path / "random.cnn.npz", **options))
