"""Distributional word clusters from unlabeled news, used as tagger features.

``derive`` builds them from SaudiNewsNet: every normalized word seen at least
``MIN_COUNT`` times is described by its positive PMI with the most frequent
words to its left and to its right, reduced by truncated SVD and clustered by
k-means at two granularities. Words that behave alike (first names, cities,
ministries) share a cluster even when the labeled corpora never saw them.
The table is a model artefact: ``rasid/models/ner-clusters.tsv`` (word, then
its cluster at each granularity, coarse to fine). numpy and scipy are needed only to derive it.
"""
from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rasid.text.normalize import normalize_str

CLUSTERS_FILE = "ner-clusters.tsv"
WORD_RE = re.compile(r"[\u0621-\u064A\u0640\u064B-\u065F\u0670]+|\d+|[A-Za-z]+|[^\s\w]")
MIN_COUNT = 5
MAX_WORDS = 60_000
CONTEXT_WORDS = 1_000
DIMENSIONS = 100
GRANULARITIES = (128, 1024, 4096)
KMEANS_ITERATIONS = 25
SEED = 13


@lru_cache(maxsize=1)
def word_clusters(path: str | None = None) -> dict[str, tuple[str, ...]]:
    """normalized word -> cluster ids, coarse to fine, from the bundled table."""
    source = Path(path) if path else Path(str(resources.files("rasid.models").joinpath(CLUSTERS_FILE)))
    table: dict[str, tuple[str, ...]] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        word, *ids = line.split("\t")
        table[word] = tuple(ids)
    return table


def _news_sequences(news_dir: Path):
    for path in sorted(news_dir.glob("*.json.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for article in json.load(handle):
                for paragraph in (article.get("content") or "").split("\n"):
                    words = [normalize_str(w) for w in WORD_RE.findall(paragraph)]
                    if words:
                        yield words


def _kmeans(vectors, k: int, rng):
    import numpy as np

    centroids = vectors[rng.choice(len(vectors), size=k, replace=False)]
    assignment = np.zeros(len(vectors), dtype=np.int64)
    for _ in range(KMEANS_ITERATIONS):
        assignment = np.argmax(vectors @ centroids.T, axis=1)  # rows are unit vectors: cosine
        for c in range(k):
            members = vectors[assignment == c]
            if len(members):
                centre = members.sum(axis=0)
                centroids[c] = centre / (np.linalg.norm(centre) or 1.0)
    return assignment


def derive(news_dir: Path, out_path: Path) -> int:
    """Write the cluster table; returns the number of words."""
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.linalg import svds

    sequences = list(_news_sequences(news_dir))
    counts = Counter(w for words in sequences for w in words)
    ranked = [w for w, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])) if n >= MIN_COUNT]
    vocabulary = {w: i for i, w in enumerate(ranked[:MAX_WORDS])}
    contexts = {w: i for i, w in enumerate(ranked[:CONTEXT_WORDS])}
    rows, cols = [], []
    for words in sequences:
        ids = [vocabulary.get(w, -1) for w in words]
        ctx = [contexts.get(w, -1) for w in words]
        for i, target in enumerate(ids):
            if target < 0:
                continue
            if i > 0 and ctx[i - 1] >= 0:
                rows.append(target)
                cols.append(ctx[i - 1])
            if i + 1 < len(ids) and ctx[i + 1] >= 0:
                rows.append(target)
                cols.append(CONTEXT_WORDS + ctx[i + 1])
    shape = (len(vocabulary), 2 * CONTEXT_WORDS)
    matrix = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=shape).tocsr()
    matrix.sum_duplicates()
    total = matrix.sum()
    row_sums = np.asarray(matrix.sum(axis=1)).ravel()
    col_sums = np.asarray(matrix.sum(axis=0)).ravel()
    coo = matrix.tocoo()
    pmi = np.log(coo.data * total / (row_sums[coo.row] * col_sums[coo.col]))
    keep = pmi > 0
    ppmi = coo_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=shape).tocsr()
    u, s, _vt = svds(ppmi, k=DIMENSIONS, random_state=SEED)
    vectors = u * s
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    rng = np.random.default_rng(SEED)
    assignments = [_kmeans(vectors, k, rng) for k in GRANULARITIES]
    lines = [f"# Word clusters for the NER tagger, derived by rasid.ner.clusters.derive from SaudiNewsNet "
             f"({news_dir.name}, CC BY-NC-SA 4.0 per its SOURCE.txt): words seen >= {MIN_COUNT} times, "
             f"PPMI over left/right top-{CONTEXT_WORDS} words, SVD {DIMENSIONS}, k-means {GRANULARITIES}."]
    for word, index in vocabulary.items():
        lines.append(f"{word}\t" + "\t".join(str(a[index]) for a in assignments))
    out_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(vocabulary)
