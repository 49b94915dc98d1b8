"""A fast decoder for the crfsuite model: the same scores and Viterbi, without per-token strings.

crfsuite needs every feature string of every token handed over per call,
which costs more than the tagging itself. Here the model's window features
are indexed by (attribute name, value) at build time: one row holds an
attribute's weights at each window offset -2..2, so a word type's scores are
the sum of the rows of its ``word_attributes`` pairs, with no feature string
formatted. The scores of the new word types of a document are summed in one
numpy operation and kept in a table indexed by type id (emptied when full).
The cluster bigram features are a table indexed by cluster ids, only the word
bigram is looked up per position, and Viterbi (``rasid.ner.viterbi``) runs over all sentences of a
document at once. Decoding gives the same tags as ``pycrfsuite.Tagger.tag``
(tested).

Which attribute names a word contributes at which offset is read from
``rasid.ner.features`` (``NEIGHBOUR_FEATURES``, ``BIAS``); at build the fast
scores of sample words are checked against the sums over ``type_features``
strings (the feature definition). Should they differ (a template the indexing
does not follow), the decoder falls back to summing those strings, with a
warning: slower, never different.

A model trained with domain-augmented features (``features.DOMAIN_PREFIXES``: every feature
also copied with the prefix of its corpus's domain) is read as the news domain sees it: the
weight of a news copy is added to its plain feature's and the other domains' copies are
dropped, so a word costs the same as in a plain model.
"""
from __future__ import annotations

import copy
import re
import warnings
from itertools import repeat
from typing import Iterable, Sequence

import numpy as np
import pycrfsuite

from rasid.ner.features import (
    BIAS, DOMAIN_PREFIXES, NEIGHBOUR_FEATURES, NEWS_DOMAIN, PAD, PAIR_PAD, pair_keys, recent_word_attributes,
    type_features,
)
from rasid.ner.viterbi import viterbi

WORD_PAIR, CLUSTER_PAIR_BEFORE, CLUSTER_PAIR_AFTER = "ww=", "kk=", "kn="
OFFSETS = (-2, -1, 0, 1, 2)  # window offsets; index offset + 2
ATTRIBUTE_RE = re.compile(r"(-?\d+)?([^=\d-][^=]*)=(.*)", re.DOTALL)  # [offset]name=value
TYPE_TABLE_SIZE = 1 << 17  # word types kept scored; the table is emptied when a document would overflow it
PAD_TYPE = 0  # the type id of the padding around each sequence
PAIR_FIRST, PAIR_SECOND = 1, 2  # a word type's roles in the word bigrams the model weighs (bit flags)
SELF_CHECK_WORDS = 400
SELF_CHECK_TOLERANCE = 1e-9


def offset_names() -> dict[int, frozenset[str] | None]:
    """Attribute names a word contributes at each window offset (None: all of them).

    ``type_features``: the word itself gives every attribute; a neighbour at distance 1 the
    names of ``NEIGHBOUR_FEATURES[1]``, at distance 2 those of them also in ``NEIGHBOUR_FEATURES[2]``.
    """
    near = frozenset(NEIGHBOUR_FEATURES[1])
    far = near & frozenset(NEIGHBOUR_FEATURES[2])
    return {-2: far, -1: near, 0: None, 1: near, 2: far}


def parse_attribute(attribute: str) -> tuple[int, str, str] | None:
    """(offset, name, value) of a window feature string such as ``-1w=وزير``; None for others."""
    found = ATTRIBUTE_RE.fullmatch(attribute)
    if found is None:
        return None
    offset = int(found.group(1)) if found.group(1) else 0
    return (offset, found.group(2), found.group(3)) if offset in OFFSETS else None


def news_domain_weights(weights: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Attribute weights as the news domain sees them: a news copy (``n:w=...``) folded into its plain
    attribute, other domains' copies dropped; a model without copies is returned as it is."""
    domain = {p: {} for p in DOMAIN_PREFIXES}
    plain: dict[str, np.ndarray] = {}
    for attribute, vector in weights.items():
        prefix = attribute[:len(NEWS_DOMAIN)]
        (domain[prefix] if prefix in domain else plain)[attribute] = vector
    if not any(domain.values()):
        return weights
    for attribute, vector in domain[NEWS_DOMAIN].items():
        base = attribute[len(NEWS_DOMAIN):]
        plain[base] = plain[base] + vector if base in plain else vector
    return plain


class SequenceTagger:
    """Tags of sequences from ``sequence_scores`` (one row of label scores per word of the non-empty
    sequences, in order), ``transitions`` and ``labels``: one batch Viterbi per call."""

    labels: Sequence[str]
    transitions: np.ndarray

    def sequence_scores(self, sequences: Sequence[Sequence[str]]) -> np.ndarray:
        raise NotImplementedError

    def tag_many(self, sequences: Sequence[Sequence[str]]) -> list[list[str]]:
        """IOB2 tags for each sequence of normalized words."""
        present = [s for s in sequences if s]
        lengths = [len(s) for s in present]
        paths = iter(viterbi(self.sequence_scores(present), lengths, self.transitions) if present else [])
        labels = self.labels
        return [[labels[i] for i in next(paths)] if s else [] for s in sequences]

    def tag(self, norms: Sequence[str]) -> list[str]:
        return self.tag_many([norms])[0]


class TypeTable:
    """Word types -> rows of a table of per-type scores, kept across documents: ``type_ids`` (row 0 is the
    padding), filled by ``_add_types`` in one batch per document, emptied when it would outgrow ``table_size()``."""

    type_ids: dict[str, int]

    def table_size(self) -> int:
        raise NotImplementedError

    def _score_types(self, norms: Sequence[str]):
        """What the type table keeps of each of the word types ``norms`` (``store_types`` takes it)."""
        raise NotImplementedError

    def store_types(self, first: int, norms: Sequence[str], scored) -> None:
        """Rows ``first``... of the type table: the word types ``norms`` as ``_score_types`` scored them;
        the table grows as needed."""
        raise NotImplementedError

    def _add_types(self, norms: list[str]) -> None:
        first = len(self.type_ids) + 1  # after the padding
        self.store_types(first, norms, self._score_types(norms))
        for i, norm in enumerate(norms, first):
            self.type_ids[norm] = i

    def type_indices(self, norms: Sequence[str]) -> np.ndarray:
        """Type ids of the words; types not seen before are scored (in one batch) and added. Word types
        have ids from 1 (row 0 is the padding): 0 marks a type not in the table."""
        ids = np.fromiter(map(self.type_ids.get, norms, repeat(PAD_TYPE)), dtype=np.intp, count=len(norms))
        if not ids.all():
            new = list(dict.fromkeys(norm for norm, i in zip(norms, ids.tolist()) if i == PAD_TYPE))
            if len(self.type_ids) + len(new) >= self.table_size():
                self.clear_types()
                new = list(dict.fromkeys(norms))
            self._add_types(new)
            ids = np.fromiter(map(self.type_ids.__getitem__, norms), dtype=np.intp, count=len(norms))
        return ids

    def clear_types(self) -> None:
        """Forget the scored word types (they are scored again when met); the padding stays."""
        self.type_ids.clear()

    def _empty_type_table(self) -> None:
        """A type table of the padding alone, no word type."""
        raise NotImplementedError

    def sharing_types(self, owner: "TypeTable") -> "TypeTable":
        """A copy of this tagger (sharing its model's arrays) whose word types are ``owner``'s: its type ids
        come from ``owner.type_indices``, and the owner fills its type table (an ensemble scores each new
        word type once for all its taggers)."""
        twin = copy.copy(self)
        twin._empty_type_table()
        twin.type_indices = owner.type_indices
        return twin


class Decoder(TypeTable, SequenceTagger):
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
        self.weights = news_domain_weights(self.weights)
        self.transitions = np.zeros((size, size))
        for (first, second), weight in info.transitions.items():
            self.transitions[index[first], index[second]] = weight
        self.pad = {offset: self._sum_strings(PAD[offset]) for offset in PAD}
        self._split_pair_features()
        self._index_attributes()
        pad_scores = np.zeros((len(OFFSETS), size))
        for offset, vector in self.pad.items():
            pad_scores[offset + 2] = vector
        self._start_type_table(pad_scores)
        self.fast = self._fast_scores_match(self._sample_words())
        if not self.fast:
            warnings.warn("NER decoder: indexed attribute weights differ from the sums over type_features "
                          "(features.py templates changed?); summing feature strings instead (slower)")

    @classmethod
    def from_tables(cls, labels: Sequence[str], transitions: np.ndarray, rows: Sequence[tuple[str, str]],
                    blocks: np.ndarray, bias: np.ndarray, pad_scores: np.ndarray, clusters: Sequence[str],
                    before: np.ndarray, after: np.ndarray, word_pairs: dict[tuple[str, str], np.ndarray]) -> "Decoder":
        """A fast decoder from its tables as another decoder built them (``rasid.ner.folded``): the
        attribute (name, value) of each row of ``blocks`` (its last row: unknown), the clusters by id.
        It has no ``weights``: it cannot fall back to summing feature strings, nor needs to."""
        decoder = cls.__new__(cls)
        decoder.labels, decoder.size, decoder.transitions = list(labels), len(labels), transitions
        decoder.rows = {pair: row for row, pair in enumerate(rows)}
        decoder.blocks, decoder.unknown_row, decoder.bias = blocks, len(rows), bias
        decoder.cluster_ids = {cluster: i for i, cluster in enumerate(clusters)}
        decoder.before, decoder.after, decoder.unseen_cluster = before, after, len(clusters)
        decoder.word_pairs = word_pairs
        decoder._index_word_pairs()
        decoder.weights, decoder.fast = None, True
        decoder._start_type_table(pad_scores)
        return decoder

    def _index_word_pairs(self) -> None:
        """The words that begin and end the word bigrams with a weight (``word_pairs``)."""
        self.pair_firsts = frozenset(first for first, _ in self.word_pairs)
        self.pair_seconds = frozenset(second for _, second in self.word_pairs)

    def _pair_roles(self, norms: Iterable[str]) -> list[int]:
        firsts, seconds = self.pair_firsts, self.pair_seconds
        return [(PAIR_FIRST if norm in firsts else 0) | (PAIR_SECOND if norm in seconds else 0) for norm in norms]

    def _empty_type_table(self) -> None:
        self._start_type_table(self.type_scores[0])

    def _start_type_table(self, pad_scores: np.ndarray) -> None:
        """Row 0 of the type table is the padding beyond a sequence's ends: the pad features at each
        offset (``pad_scores``, (5, labels)), the pad cluster; word types follow from row 1."""
        self.type_ids: dict[str, int] = {}
        self.type_scores = pad_scores[None].copy()
        self.type_clusters = np.array([self.cluster_ids[PAIR_PAD[1]]], dtype=np.intp)
        self.type_pair_roles = np.array(self._pair_roles(PAIR_PAD[:1]), dtype=np.uint8)

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
        self._index_word_pairs()
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

    def _index_attributes(self) -> None:
        """``self.rows[(name, value)]``: a row of ``self.blocks``, that attribute's weights at offsets -2..2."""
        allowed = offset_names()
        self.rows: dict[tuple[str, str], int] = {}
        placed: list[tuple[int, int, np.ndarray]] = []
        for attribute, vector in self.weights.items():
            parsed = parse_attribute(attribute)
            if parsed is None:
                continue
            offset, name, value = parsed
            names = allowed[offset]
            if names is not None and name not in names:
                continue
            row = self.rows.setdefault((name, value), len(self.rows))
            placed.append((row, offset + 2, vector))
        self.unknown_row = len(self.rows)
        self.blocks = np.zeros((len(self.rows) + 1, len(OFFSETS), self.size))  # last row: unknown, zeros
        for row, column, vector in placed:
            self.blocks[row, column] = vector
        self.bias = self._sum_strings(BIAS)

    def _sum_strings(self, attributes: Iterable[str]) -> np.ndarray:
        total = np.zeros(self.size)
        for attribute in attributes:
            vector = self.weights.get(attribute)
            if vector is not None:
                total = total + vector
        return total

    def _sample_words(self) -> list[str]:
        """Words the model has word features for, the first ``SELF_CHECK_WORDS`` of them."""
        words = []
        for name, value in self.rows:
            if name == "w":
                words.append(value)
                if len(words) == SELF_CHECK_WORDS:
                    break
        return words

    def _fast_scores_match(self, words: Sequence[str]) -> bool:
        fast = self._indexed_scores(words)
        slow = np.stack([self._string_scores(word) for word in words]) if words else fast
        return bool(np.abs(fast - slow).max(initial=0.0) <= SELF_CHECK_TOLERANCE)

    def _string_scores(self, norm: str) -> np.ndarray:
        """The word's scores at offsets -2..2 summed over its ``type_features`` strings: (5, labels)."""
        return np.stack([self._sum_strings(features) for features in type_features(norm)])

    def _indexed_scores(self, norms: Sequence[str]) -> np.ndarray:
        """The scores of word types at offsets -2..2, from the attribute index: (types, 5, labels)."""
        rows, unknown, indices, starts = self.rows, self.unknown_row, [], []
        for norm in norms:
            starts.append(len(indices))
            indices.append(unknown)  # no type sums over nothing
            indices += [rows.get(pair, unknown) for pair in recent_word_attributes(norm)]
        return self.summed_rows(indices, starts)

    def summed_rows(self, indices: Sequence[int] | np.ndarray, starts: Sequence[int] | np.ndarray) -> np.ndarray:
        """Word types' scores at offsets -2..2, (types, 5, labels): each the bias plus the sum, in order, of the
        rows of ``self.blocks`` from its start in ``indices`` to the next one's (the first of each: any row
        of zeros, so that no type sums over nothing)."""
        scores = np.add.reduceat(self.blocks[indices], starts, axis=0)
        scores[:, 2] += self.bias
        return scores

    def _score_types(self, norms: Sequence[str]) -> np.ndarray:
        if self.fast:
            return self._indexed_scores(norms)
        return np.stack([self._string_scores(norm) for norm in norms])

    def store_types(self, first: int, norms: Sequence[str], scores: np.ndarray) -> None:
        """Rows ``first``... of the type table: the word types ``norms``, their ``scores`` (types, 5, labels)
        and clusters; the table grows as needed."""
        needed = first + len(norms)
        if needed > len(self.type_scores):
            capacity = max(needed, min(max(2 * len(self.type_scores), 1024), self.table_size()))
            table = np.zeros((capacity, len(OFFSETS), self.size))
            table[:first] = self.type_scores[:first]
            clusters = np.zeros(capacity, dtype=np.intp)
            clusters[:first] = self.type_clusters[:first]
            roles = np.zeros(capacity, dtype=np.uint8)
            roles[:first] = self.type_pair_roles[:first]
            self.type_scores, self.type_clusters, self.type_pair_roles = table, clusters, roles
        self.type_scores[first:needed] = scores
        get_cluster, unseen = self.cluster_ids.get, self.unseen_cluster
        keys = getattr(pair_keys, "__wrapped__", pair_keys)  # uncached: the type table is the cache
        self.type_clusters[first:needed] = [get_cluster(keys(norm)[1], unseen) for norm in norms]
        self.type_pair_roles[first:needed] = self._pair_roles(norms)

    def table_size(self) -> int:
        return TYPE_TABLE_SIZE

    def emissions(self, sequences: Sequence[Sequence[str]], ids: np.ndarray | None = None) -> np.ndarray:
        """Emission scores of the words of all (non-empty) sequences, concatenated: (words, labels).
        ``ids``: the words' ``type_indices`` when the caller has them.

        Window features never reach across a sequence boundary: there the pad features apply.
        """
        norms = [norm for sequence in sequences for norm in sequence]
        lengths = np.array([len(s) for s in sequences])
        # The type ids laid out with two padding slots before each sequence and after the last one:
        # a word's window is then five consecutive slots, padding beyond its sequence's ends.
        slots = np.arange(len(norms)) + 2 * np.repeat(np.arange(1, len(lengths) + 1), lengths)
        laid = np.full(len(norms) + 2 * len(lengths) + 2, PAD_TYPE, dtype=np.intp)
        laid[slots] = self.type_indices(norms) if ids is None else ids
        scores = self._window_scores(laid, slots)
        clusters = self.type_clusters[laid]
        here = clusters[slots]
        scores += self.before[clusters[slots - 1], here] + self.after[here, clusters[slots + 1]]
        self._add_word_pairs(scores, norms, laid[slots - 1], self.type_pair_roles[laid[slots]])
        return scores

    def _window_scores(self, laid: np.ndarray, slots: np.ndarray) -> np.ndarray:
        """Each word's scores summed over its window: the type at each offset -2..2 (``laid[slot + offset]``)
        with its scores at that offset, added in offset order; one gather of (words, labels) an offset."""
        table = self.type_scores
        scores = table[laid[slots + OFFSETS[0]], 0] + table[laid[slots + OFFSETS[1]], 1]
        for column, offset in enumerate(OFFSETS[2:], 2):
            scores += table[laid[slots + offset], column]
        return scores

    def _add_word_pairs(self, scores: np.ndarray, norms: Sequence[str], previous_types: np.ndarray,
                        roles: np.ndarray) -> None:
        """The word bigram weights, at the words (``roles``: their pair roles) that end a weighted bigram
        and follow a word that begins one (``previous_types``: the type before each word, the padding
        at a sequence's start)."""
        may_pair = (roles & PAIR_SECOND) & (self.type_pair_roles[previous_types] & PAIR_FIRST) * PAIR_SECOND
        at_start = previous_types == PAD_TYPE
        word_pairs, pad = self.word_pairs, PAIR_PAD[0]
        for i in np.flatnonzero(may_pair).tolist():
            vector = word_pairs.get((pad if at_start[i] else norms[i - 1], norms[i]))
            if vector is not None:
                scores[i] += vector

    def sequence_scores(self, sequences: Sequence[Sequence[str]]) -> np.ndarray:
        return self.emissions(sequences)

