"""A fast decoder for the crfsuite model: the same scores and Viterbi, without per-token strings.

crfsuite needs every feature string of every token handed over per call,
which costs more than the tagging itself. Here the weights of a word type's
features are summed once per type and window offset (cached), the cluster
bigram features are a table indexed by cluster ids, and only the word bigram
is looked up per position; Viterbi runs over all sentences of a document at
once. Decoding gives the same tags as ``pycrfsuite.Tagger.tag`` (tested).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Sequence

import numpy as np
import pycrfsuite

from rasid.ner.features import PAD, PAIR_PAD, pair_keys, type_features

WORD_PAIR, CLUSTER_PAIR_BEFORE, CLUSTER_PAIR_AFTER = "ww=", "kk=", "kn="


class Decoder:
    def __init__(self, tagger: pycrfsuite.Tagger):
        info = tagger.info()
        self.labels: list[str] = list(tagger.labels())
        index = {label: i for i, label in enumerate(self.labels)}
        self.size = size = len(self.labels)
        self.weights: dict[str, np.ndarray] = {}
        for (attribute, label), weight in info.state_features.items():
            vector = self.weights.get(attribute)
            if vector is None:
                vector = self.weights[attribute] = np.zeros(size)
            vector[index[label]] = weight
        self.transitions = np.zeros((size, size))
        for (first, second), weight in info.transitions.items():
            self.transitions[index[first], index[second]] = weight
        self.rows = {attribute: row for row, attribute in enumerate(self.weights)}
        self.matrix = np.stack(list(self.weights.values()) + [np.zeros(size)])  # last row: unknown
        self.pad = {offset: self._sum(PAD[offset]) for offset in PAD}
        self._split_pair_features()
        self.type_info = lru_cache(maxsize=1 << 18)(self._type_info)

    def _split_pair_features(self) -> None:
        """Word bigrams into a dict on word pairs; cluster bigrams into tables on cluster ids."""
        self.cluster_ids: dict[str, int] = {}
        cluster_pairs = []
        self.word_pairs: dict[tuple[str, str], np.ndarray] = {}
        for attribute, vector in self.weights.items():
            prefix = attribute[:3]
            if prefix == WORD_PAIR:
                first, _, second = attribute[3:].partition("|")
                self.word_pairs[(first, second)] = vector
            elif prefix in (CLUSTER_PAIR_BEFORE, CLUSTER_PAIR_AFTER):
                first, _, second = attribute[3:].partition("|")
                cluster_pairs.append((prefix, self._cluster_id(first), self._cluster_id(second), vector))
        for name in PAIR_PAD:
            self._cluster_id(name)
        count = len(self.cluster_ids) + 1  # the last id: a cluster the model has no pair weight for
        self.before = np.zeros((count, count, self.size))
        self.after = np.zeros((count, count, self.size))
        for prefix, first, second, vector in cluster_pairs:
            (self.before if prefix == CLUSTER_PAIR_BEFORE else self.after)[first, second] = vector
        self.unseen_cluster = count - 1

    def _cluster_id(self, cluster: str) -> int:
        return self.cluster_ids.setdefault(cluster, len(self.cluster_ids))

    def _sum(self, attributes: Sequence[str]) -> np.ndarray:
        unknown = len(self.rows)
        return self.matrix[[self.rows.get(a, unknown) for a in attributes]].sum(axis=0)

    def _type_info(self, norm: str) -> tuple[np.ndarray, int]:
        """The summed weights of the word's features at offsets -2..2, and its cluster id."""
        by_offset = type_features(norm)  # every offset has at least the word feature
        unknown, rows, starts = len(self.rows), self.rows, []
        indices: list[int] = []
        for features in by_offset:
            starts.append(len(indices))
            indices.extend([rows.get(a, unknown) for a in features])
        scores = np.add.reduceat(self.matrix[indices], starts, axis=0)
        return scores, self.cluster_ids.get(pair_keys(norm)[1], self.unseen_cluster)

    def emissions(self, sequences: Sequence[Sequence[str]]) -> np.ndarray:
        """Emission scores of the words of all (non-empty) sequences, concatenated: (words, labels).

        Window features never reach across a sequence boundary: there the pad features apply.
        """
        lengths = np.array([len(s) for s in sequences])
        ends = np.cumsum(lengths)
        starts = ends - lengths
        position = np.arange(int(ends[-1])) - np.repeat(starts, lengths)  # index within its sequence
        remaining = np.repeat(lengths, lengths) - position - 1  # words after it in its sequence
        infos = [self.type_info(norm) for sequence in sequences for norm in sequence]
        table = np.stack([info[0] for info in infos])  # (words, 5, labels)
        scores = table[:, 2].copy()
        for offset, column in ((-1, 1), (-2, 0), (1, 3), (2, 4)):
            shifted = np.roll(table[:, column], -offset, axis=0)  # row i: word i + offset's contribution
            inside = (position >= -offset) if offset < 0 else (remaining >= offset)
            scores += np.where(inside[:, None], shifted, self.pad[offset])
        pad = self.cluster_ids[PAIR_PAD[1]]
        clusters = np.array([info[1] for info in infos])
        before = np.where(position >= 1, np.roll(clusters, 1), pad)
        after = np.where(remaining >= 1, np.roll(clusters, -1), pad)
        scores += self.before[before, clusters] + self.after[clusters, after]
        word_pairs = self.word_pairs
        i = 0
        for sequence in sequences:
            previous = PAIR_PAD[0]
            for norm in sequence:
                vector = word_pairs.get((previous, norm))
                if vector is not None:
                    scores[i] += vector
                previous = norm
                i += 1
        return scores

    def viterbi_batch(self, scores: np.ndarray, lengths: list[int]) -> list[list[int]]:
        """Best label paths of consecutive sequences (their rows of ``scores``), decoded side by side."""
        order = sorted(range(len(lengths)), key=lambda b: -lengths[b])
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        longest = lengths[order[0]]
        batch = np.zeros((len(lengths), longest, self.size))
        for row, b in enumerate(order):
            batch[row, :lengths[b]] = scores[starts[b]:starts[b] + lengths[b]]
        sorted_lengths = [lengths[b] for b in order]
        active = [sum(1 for n in sorted_lengths if n > t) for t in range(longest)]
        forward = np.zeros_like(batch)  # best score of a path ending in each label at each step
        forward[:, 0] = batch[:, 0]
        transitions = self.transitions
        for t in range(1, longest):
            k = active[t]
            forward[:k, t] = (forward[:k, t - 1, :, None] + transitions).max(axis=1) + batch[:k, t]
        # Back pointers for all steps at once: the best previous label for each label at step t + 1.
        back = (forward[:, :-1, :, None] + transitions).argmax(axis=2)
        ends = np.array([n - 1 for n in sorted_lengths])
        best = forward[np.arange(len(order)), ends]
        last = best.argmax(axis=1).tolist()
        back_lists = back.tolist()
        paths: list[list[int]] = [[] for _ in lengths]
        for row, b in enumerate(order):
            path = [last[row]]
            pointers = back_lists[row]
            for t in range(lengths[b] - 1, 0, -1):
                path.append(pointers[t - 1][path[-1]])
            path.reverse()
            paths[b] = path
        return paths

    def tag_many(self, sequences: Sequence[Sequence[str]]) -> list[list[str]]:
        """IOB2 tags for each sequence of normalized words."""
        present = [s for s in sequences if s]
        lengths = [len(s) for s in present]
        paths = iter(self.viterbi_batch(self.emissions(present), lengths) if present else [])
        labels = self.labels
        return [[labels[i] for i in next(paths)] if s else [] for s in sequences]

    def tag(self, norms: Sequence[str]) -> list[str]:
        return self.tag_many([norms])[0]
