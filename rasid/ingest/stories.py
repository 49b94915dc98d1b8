"""Near-duplicate detection: wire copy republished with small edits is one story.

Each article gets a MinHash of its normalized word shingles (computed in the
extraction workers); the writer keeps an LSH index of every stored article and
links a new article to the story of its most similar stored article when their
estimated Jaccard similarity reaches the threshold.
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import sqlalchemy as sa
from datasketch import MinHash, MinHashLSH
from sqlalchemy.engine import Connection

from rasid.store.schema import articles
from rasid.text.normalize import normalize_str

NUM_PERM = 64
SCHEME = "affine32"  # values below 2**32: stored as uint32
SHINGLE_WORDS = 5
WORD_RE = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    words = WORD_RE.findall(normalize_str(text))
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


@lru_cache(maxsize=1)
def _permutations():
    """The hash permutations, drawn once (MinHash would draw them again for every object)."""
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations


def signature(text: str) -> bytes:
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_permutations())
    minhash.update_batch(list(shingles(text)))
    return minhash.hashvalues.astype(np.uint32).tobytes()


def _minhash(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_permutations(),
                   hashvalues=np.frombuffer(data, dtype=np.uint32).astype(np.uint64))


class StoryIndex:
    """Stored articles' signatures, for finding the story a new article belongs to."""

    def __init__(self, threshold: float):
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.minhashes: dict[str, MinHash] = {}
        self.story_of: dict[str, str] = {}

    @classmethod
    def load(cls, connection: Connection, threshold: float) -> "StoryIndex":
        index = cls(threshold)
        rows = connection.execute(sa.select(articles.c.id, articles.c.story_id, articles.c.signature)
                                  .where(articles.c.signature.is_not(None)))
        for row in rows:
            index.add(row.id, row.story_id, row.signature)
        return index

    def story_for(self, article_id: str, data: bytes | None) -> str:
        """The story of the most similar stored article at or above the threshold, else a new one."""
        if data is None:
            return article_id
        minhash = _minhash(data)
        best, best_score = None, -1.0
        for other in sorted(self.lsh.query(minhash)):
            score = minhash.jaccard(self.minhashes[other])
            if score >= self.threshold and score > best_score:
                best, best_score = other, score
        return self.story_of[best] if best is not None else article_id

    def add(self, article_id: str, story_id: str, data: bytes | None) -> None:
        if data is None or article_id in self.minhashes:
            return
        minhash = _minhash(data)
        self.lsh.insert(article_id, minhash)
        self.minhashes[article_id] = minhash
        self.story_of[article_id] = story_id
