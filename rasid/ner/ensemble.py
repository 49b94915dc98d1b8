"""The CRF and the neural tagger decoded together: their scores summed, then one Viterbi.

Each word's emission scores are the CRF decoder's plus ``weight`` x the neural tagger's (its start
and end scores folded into each sequence's first and last word), the transitions likewise, the
neural columns put in the CRF's label order; the CRF decoder's own batch Viterbi then decodes. With
weight 0 the tags are the CRF's. The weight is the neural model file's (``meta["weight"]``).

The two taggers keep their word types in one table (``EnsembleDecoder`` is their ``TypeTable``): a
new word type's ``word_attributes`` are computed once and looked up once (``SharedAttributes``: a
(name, value) pair -> the CRF's block row and the network's bag row), and the ids of a document's
words are looked up once for both. The sums are those of each tagger alone, term for term (rows of
zeros aside), so the tags are the same.
"""
from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from rasid.ner.decoder import Decoder, SequenceTagger, TypeTable
from rasid.ner.features import word_attributes
from rasid.ner.neural import UNSEEN_VALUE, NeuralModelError, NeuralTagger, word_vector_row


class SharedAttributes:
    """Word attributes -> the rows the CRF decoder and the network sum for them, in one lookup.

    Each (name, value) pair either tagger knows has a joint id; ``crf_rows[id]`` is its row of the CRF's
    blocks (the zero row when the CRF has none), ``bag_rows[id]`` its bag row (the network's row of the
    name's unseen values, or the zero row 0, when the network has none). Extra ids: ``nothing`` (zero
    rows in both: each word starts with it, so that none sums over nothing) and, per name, its unseen
    value. ``lookup``: name -> (its values' ids ``get``, the id of its unseen value): one small dict per
    name (most names have few values, which stay in the processor's cache)."""

    def __init__(self, crf: Decoder, neural: NeuralTagger):
        crf_of, bag_of, zero = crf.rows, neural.attribute_rows, crf.unknown_row
        pairs = list(dict.fromkeys([*crf_of, *bag_of]))
        crf_rows = [crf_of.get(pair, zero) for pair in pairs]
        bag_rows = [bag_of[pair] if pair in bag_of else bag_of.get((pair[0], UNSEEN_VALUE), 0) for pair in pairs]
        self.nothing = len(pairs)
        crf_rows.append(zero)
        bag_rows.append(0)
        values: dict[str, dict[str, int]] = {}
        for i, pair in enumerate(pairs):
            if len(pair) == 2:  # not the network's padding key
                values.setdefault(pair[0], {})[pair[1]] = i
        self.lookup: dict[str, tuple[Callable[[str, int], int], int]] = {}
        for name in sorted(values):
            self.lookup[name] = (values[name].get, len(crf_rows))
            crf_rows.append(zero)
            bag_rows.append(bag_of.get((name, UNSEEN_VALUE), 0))
        self.unknown_name = ({}.get, self.nothing)
        self.crf_rows, self.bag_rows = np.array(crf_rows, dtype=np.intp), np.array(bag_rows, dtype=np.intp)
        self.vector_rows = neural.vector_rows

    def word_ids(self, norms: Sequence[str]) -> tuple[np.ndarray, list[int], list[int]]:
        """The joint ids of the words' attributes laid end to end (each word's from ``nothing`` on), where
        each word's start, and each word's vector row (-1: none)."""
        lookup, unknown_name, nothing = self.lookup.get, self.unknown_name, self.nothing
        vector_rows = self.vector_rows
        flat: list[int] = []
        starts: list[int] = []
        vector_of: list[int] = []
        for norm in norms:
            attributes = word_attributes(norm)
            starts.append(len(flat))
            flat.append(nothing)
            for name, value in attributes:
                get, unseen = lookup(name, unknown_name)
                flat.append(get(value, unseen))
            vector = word_vector_row(norm, attributes, vector_rows)
            vector_of.append(-1 if vector is None else vector)
        return np.array(flat, dtype=np.intp), starts, vector_of


class EnsembleDecoder(TypeTable, SequenceTagger):
    """Same interface as ``rasid.ner.decoder.Decoder``: ``labels``, ``tag_many``, ``tag``."""

    def __init__(self, crf: Decoder, neural: NeuralTagger, weight: float | None = None):
        missing = [label for label in crf.labels if label not in neural.tags]
        if missing:
            raise NeuralModelError(f"the neural NER model has no tag {', '.join(missing)} of the CRF's")
        self.type_ids: dict[str, int] = {}
        # copies that share this table of word types (the given taggers keep theirs)
        self.crf, self.neural = crf.sharing_types(self), neural.sharing_types(self)
        self.attributes = SharedAttributes(crf, neural)
        self.weight = neural.weight if weight is None else weight
        self.labels = crf.labels
        self.columns = np.array([neural.tags.index(label) for label in crf.labels])  # neural column per CRF label
        self.transitions = crf.transitions + self.weight * neural.transitions[np.ix_(self.columns, self.columns)]

    def table_size(self) -> int:
        return min(self.crf.table_size(), self.neural.table_size())

    def _score_types(self, norms: Sequence[str]) -> tuple[np.ndarray, list[np.ndarray]]:
        """The CRF's scores of the word types and the network's inputs, from one pass over their attributes."""
        shared = self.attributes
        flat, starts, vector_of = shared.word_ids(norms)
        crf_scores = self.crf.summed_rows(shared.crf_rows[flat], starts)
        # the network's bag rows, as ``NeuralTagger._bag_rows_and_vectors`` lays them: the word's rows, the
        # row of no vector when it has none, padded with the zero row
        counts = np.diff(np.append(starts, len(flat)))
        rows = np.zeros((len(norms), int(counts.max(initial=0)) + 1), dtype=np.intp)
        rows[np.arange(rows.shape[1]) < counts[:, None]] = shared.bag_rows[flat]
        vectors = np.array(vector_of, dtype=np.intp)
        no_vector = np.flatnonzero(vectors < 0)
        rows[no_vector, counts[no_vector]] = self.neural.unknown_vector_row
        return crf_scores, self.neural.inputs(rows, self.neural.word_vectors(vectors))

    def store_types(self, first: int, norms: Sequence[str], scored: tuple[np.ndarray, list[np.ndarray]]) -> None:
        crf_scores, inputs = scored
        self.crf.store_types(first, norms, crf_scores)
        self.neural.store_types(first, norms, inputs)

    def emissions(self, sequences: Sequence[Sequence[str]]) -> np.ndarray:
        """The summed scores of the words of all (non-empty) sequences: (words, labels) in the CRF's order."""
        ids = self.type_indices([norm for sequence in sequences for norm in sequence])
        return self.crf.emissions(sequences, ids) + self.weight * self.neural.scores(sequences, ids)[:, self.columns]

    def sequence_scores(self, sequences: Sequence[Sequence[str]]) -> np.ndarray:
        return self.emissions(sequences)
