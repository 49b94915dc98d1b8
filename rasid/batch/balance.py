"""Spreading the articles over the extraction tasks evenly, by text length, with neither a sort nor a sample.

The task that reads a file gives each of its articles a bucket (0..n-1): the bucket that has
received the least text so far in that task (greedy), ties broken from a starting bucket that
depends on the task, so that the tasks do not all fill bucket 0 first. The assignment depends only
on the task's own input, so a re-run task assigns the same buckets (Spark may re-run one).

Spark's hash partitioning sends a row to partition pmod(murmur3(key, seed 42), n). ``bucket_keys(n)``
are n integers whose hashes land on partitions 0..n-1 in that order, so repartitioning on the key
of bucket b puts the bucket on partition b: one bucket, one extraction task, none empty or doubled.
"""
from __future__ import annotations

import heapq
from functools import lru_cache

SPARK_HASH_SEED = 42  # the seed of Spark's HashPartitioning (Murmur3Hash)
MASK = 0xFFFFFFFF


def _rotate_left(value: int, bits: int) -> int:
    return ((value << bits) | (value >> (32 - bits))) & MASK


def spark_hash_int(value: int, seed: int = SPARK_HASH_SEED) -> int:
    """Spark's hash() of a 32-bit integer (Murmur3_x86_32.hashInt), as a signed integer."""
    k1 = (value & MASK) * 0xCC9E2D51 & MASK
    k1 = _rotate_left(k1, 15) * 0x1B873593 & MASK
    h1 = _rotate_left(seed ^ k1, 13)
    h1 = (h1 * 5 + 0xE6546B64) & MASK
    h1 ^= 4  # the length in bytes
    h1 ^= h1 >> 16
    h1 = h1 * 0x85EBCA6B & MASK
    h1 ^= h1 >> 13
    h1 = h1 * 0xC2B2AE35 & MASK
    h1 ^= h1 >> 16
    return h1 - (1 << 32) if h1 & 0x80000000 else h1


@lru_cache(maxsize=8)
def bucket_keys(buckets: int) -> tuple[int, ...]:
    """The smallest non-negative key hashed to each partition 0..buckets-1 (Spark's pmod of the hash)."""
    keys: dict[int, int] = {}
    key = 0
    while len(keys) < buckets:
        keys.setdefault(spark_hash_int(key) % buckets, key)  # Python's % of a negative is Spark's pmod
        key += 1
    return tuple(keys[partition] for partition in range(buckets))


class BucketAssigner:
    """Each new article to the bucket with the least text so far (ties: from ``start`` on)."""

    def __init__(self, buckets: int, start: int = 0):
        self._heap = [(0, (bucket - start) % buckets, bucket) for bucket in range(buckets)]
        heapq.heapify(self._heap)

    def assign(self, weight: int) -> int:
        load, order, bucket = self._heap[0]
        heapq.heapreplace(self._heap, (load + weight, order, bucket))
        return bucket
