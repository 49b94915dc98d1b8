"""The neural tagger's inference, in numpy only (trained by ``rasid.ner.neural_training``, with torch).

The model (one or several networks trained with different seeds, averaged):

* per word type: tanh(the sum of the embedding-bag rows of its ``word_attributes`` ("name=value"; a
  value the training saw too rarely is the row "<name>=?"; a word with no vector adds the row
  ``v=none``) + its word vector x projection + bias);
* either a bidirectional LSTM over each sequence (``meta["recurrent"]`` units per direction;
  ``rasid.ner.recurrent``), or dilated 1-D convolutions over the words, kernel 3, ReLU, a residual
  connection from the second layer on; sequences are laid end to end with zeros between them, so no
  layer reads across a sequence boundary;
* a linear layer to IOB2 emission scores; CRF transitions and start/end scores.

A type's input (the tanh above, per network) is computed once and kept in a table (emptied when full,
like the CRF decoder's); each convolution is then one matrix product over a whole document with its
three taps side by side, summed shifted (``convolved``). (Keeping per type its products with the first
convolution's taps instead made the pipeline no faster measurably and its type table three times as
large: +137 MB peak over 2,000 articles.) The word vector of a word is that of
the word, else of its stem, else of the word without a leading clitic letter.

The model file is an .npz (written with fixed timestamps, so that training twice gives the same
bytes): ``meta`` (JSON: tags, dilations (none for an LSTM), recurrent (the LSTM's size, 0 or absent: the
convolutions), number of networks, the ensemble weight, the training
parameters), ``attributes`` (JSON list: the bag rows' keys), ``vector_words`` (JSON list) and
``vectors`` (float16), then per network ``net<k>.<parameter>`` arrays (the bag in float16, widened to
float32 when read). Storing float16 left the scores of a cross-validation fold unchanged (F1 equal to 4
decimals).
"""
from __future__ import annotations

import ctypes
import os
import warnings
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np

from rasid.ner.arrays import json_bytes, json_value, write_arrays
from rasid.ner.decoder import SequenceTagger, TypeTable
from rasid.ner.features import CLITIC_LETTERS, recent_word_attributes
from rasid.ner.model import ModelError
from rasid.ner.recurrent import LstmWeights, bilstm
from rasid.text.tokenize import ARTICLE

FORMAT = "rasid-ner-cnn/1"
TAGS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
PADDING_KEY = "<pad>"  # bag row 0: never an attribute, kept zero
UNKNOWN_VECTOR = "v=none"  # the bag row of a word with no vector
UNKNOWN_VECTOR_PAIR = ("v", "none")
UNSEEN_VALUE = "?"  # "<name>=?": the row of the values of an attribute the training did not keep
STEM_ATTRIBUTE, ARTICLE_ATTRIBUTE = "s", "al"  # rasid.ner.features.word_attributes: bare stem, article flag
KERNEL = 3
TYPE_TABLE_SIZE = 1 << 17  # word types kept with their inputs (as the CRF decoder's); emptied when full
PAD_TYPE = 0  # the type id of the zeros between sequences
NET_PARAMETERS = ("bag", "projection", "bias", "out_weight", "out_bias", "transitions", "start", "end")
RECURRENT_PARAMETERS = ("input", "recurrent", "bias")  # a bidirectional LSTM's arrays, torch's layout


class NeuralModelError(ModelError):
    """The neural NER model file is missing, unreadable or inconsistent."""


OPENBLAS_THREAD_SETTERS = ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads_64_",
                           "openblas_set_num_threads64_", "openblas_set_num_threads")


@lru_cache(maxsize=1)
def single_blas_thread() -> bool:
    """Limit numpy's OpenBLAS to one thread in this process, once, unless OPENBLAS_NUM_THREADS is set.

    The tagger's matrix products go to BLAS; the pipeline runs one process per core, and OpenBLAS's own
    threads (one per core by default) then fight the other processes: on the shared 2-core machine the
    whole pipeline ran at 8.6 articles/s instead of 43.4 with one thread (the same 500 long articles).
    Linux: the loaded OpenBLAS is found in /proc/self/maps. True when the limit was set; otherwise a
    warning says how to set it.
    """
    if "OPENBLAS_NUM_THREADS" in os.environ:
        return False
    for path in _loaded_openblas():
        library = ctypes.CDLL(path)
        for name in OPENBLAS_THREAD_SETTERS:
            setter = getattr(library, name, None)
            if setter is not None:
                setter(1)
                return True
    warnings.warn("neural NER tagger: could not limit BLAS to one thread; set OPENBLAS_NUM_THREADS=1 "
                  "(several BLAS threads per pipeline process make it many times slower)")
    return False


def _loaded_openblas() -> list[str]:
    try:
        maps = Path("/proc/self/maps").read_text()
    except OSError:
        return []
    paths = {line.split()[-1] for line in maps.splitlines() if "openblas" in line and ".so" in line}
    return sorted(p for p in paths if p.startswith("/"))


def attribute_keys(norm: str) -> list[str]:
    """The word's attributes as bag keys, "name=value" (as the model file lists its rows)."""
    return [f"{name}={value}" for name, value in recent_word_attributes(norm)]


def row_index(keys: Sequence[str]) -> dict[tuple[str, str], int]:
    """Bag row of each (name, value) pair, from the keys "name=value" in row order."""
    return {tuple(key.split("=", 1)): row for row, key in enumerate(keys)}


def vector_forms(norm: str, stem: str) -> list[str]:
    """Where a word's vector is looked for, in order: the word, its stem (article kept), the word
    without a leading clitic letter."""
    forms = [norm, stem]
    if norm and norm[0] in CLITIC_LETTERS:
        forms.append(norm[1:])
    return forms


def word_stem(norm: str, attributes: Sequence[tuple[str, str]]) -> str:
    """The word's stem read off its attributes: the bare stem ``s``, with the article when ``al`` is set
    (as ``segment(norm).stem``); the word itself when it has no ``s``."""
    bare, article = norm, False
    for name, value in attributes:
        if name == STEM_ATTRIBUTE:
            bare = value
        elif name == ARTICLE_ATTRIBUTE:
            article = True
    return ARTICLE + bare if article else bare


def word_vector_row(norm: str, attributes: Sequence[tuple[str, str]], vector_rows: Mapping[str, int]) -> int | None:
    """The row of the word's vector (of the first of ``vector_forms`` that has one); None: it has none."""
    for form in vector_forms(norm, word_stem(norm, attributes)):
        found = vector_rows.get(form)
        if found is not None:
            return found
    return None


def word_rows(norm: str, attribute_rows: Mapping[tuple[str, str], int],
              vector_rows: Mapping[str, int]) -> tuple[list[int], int | None]:
    """The word's bag rows (a pair not in ``attribute_rows`` -> its name's ``(name, "?")`` row; no vector
    -> the ``v=none`` row) and the row of its vector (None: it has none); its stem as ``word_stem``.
    Runs for every new word type: one list comprehension when all pairs have rows (the usual case)."""
    get = attribute_rows.get
    attributes = recent_word_attributes(norm)
    rows = [get(pair) for pair in attributes]
    if None in rows:
        rows = [row if row is not None else get((pair[0], UNSEEN_VALUE)) for row, pair in zip(rows, attributes)]
        rows = [row for row in rows if row is not None]
    found = word_vector_row(norm, attributes, vector_rows)
    if found is None:
        rows.append(attribute_rows[UNKNOWN_VECTOR_PAIR])
    return rows, found


@dataclass
class Network:
    """One trained network's arrays (float32); ``convolutions``: per layer (taps (3, in, out), bias);
    ``recurrent``: a bidirectional LSTM's (input, recurrent, bias) in torch's layout (``lstm_arrays`` of the
    training), None for the convolutions."""
    bag: np.ndarray  # (attributes, dim); row 0 zero; float16 in the file, float32 once read
    projection: np.ndarray  # (vector size, dim)
    bias: np.ndarray  # (dim,)
    convolutions: list[tuple[np.ndarray, np.ndarray]]
    out_weight: np.ndarray  # (channels, tags)
    out_bias: np.ndarray
    transitions: np.ndarray  # (tags, tags): from row to column
    start: np.ndarray
    end: np.ndarray
    recurrent: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """The arrays as stored: the bag (most of the size) in float16, the rest in float32."""
        named = {f"{prefix}{name}": getattr(self, name) for name in NET_PARAMETERS}
        named[f"{prefix}bag"] = self.bag.astype(np.float16)
        for i, (taps, bias) in enumerate(self.convolutions):
            named[f"{prefix}conv{i}.taps"] = taps
            named[f"{prefix}conv{i}.bias"] = bias
        if self.recurrent is not None:
            for name, array in zip(RECURRENT_PARAMETERS, self.recurrent):
                named[f"{prefix}lstm.{name}"] = array
        return named

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray], prefix: str, layers: int) -> "Network":
        """The stored arrays, all float32: the bag too (float16 in the file), so that a new word type's
        rows are gathered without a conversion (which cost 3 times the gather; +15 MB a network of 64-d)."""
        get = lambda name: np.asarray(arrays[prefix + name], dtype=np.float32)  # noqa: E731
        convolutions = [(get(f"conv{i}.taps"), get(f"conv{i}.bias")) for i in range(layers)]
        named = {name: get(name) for name in NET_PARAMETERS}
        recurrent = None
        if f"{prefix}lstm.{RECURRENT_PARAMETERS[0]}" in arrays:
            recurrent = tuple(get(f"lstm.{name}") for name in RECURRENT_PARAMETERS)
        return cls(**named, convolutions=convolutions, recurrent=recurrent)


def write_model(path: Path, meta: dict, attributes: Sequence[str], vector_words: Sequence[str],
                vectors: np.ndarray, networks: Sequence[Network]) -> None:
    """The model file, byte for byte the same for the same content (fixed zip timestamps, fixed order)."""
    arrays = {
        "meta": json_bytes(dict(meta, format=FORMAT, tags=list(TAGS), networks=len(networks))),
        "attributes": json_bytes(list(attributes)),
        "vector_words": json_bytes(list(vector_words)),
        "vectors": np.asarray(vectors, dtype=np.float16),
    }
    for k, network in enumerate(networks):
        arrays.update(network.arrays(f"net{k}."))
    write_arrays(path, arrays)


class NeuralTagger(TypeTable, SequenceTagger):
    """Emission scores (and, alone, tags) of the averaged networks of a model file."""

    def __init__(self, meta: dict, attributes: Sequence[str], vector_words: Sequence[str], vectors: np.ndarray,
                 networks: Sequence[Network]):
        self.meta = meta
        self.tags: tuple[str, ...] = tuple(meta["tags"])
        self.labels = self.tags  # the order of the score columns and of the transitions
        self.dilations: tuple[int, ...] = tuple(meta["dilations"])
        self.weight = float(meta.get("weight", 1.0))
        self.networks = list(networks)
        if not self.networks:
            raise NeuralModelError("the neural NER model holds no network")
        self.attribute_keys = list(attributes)
        self.attribute_rows = row_index(attributes)
        self.unknown_vector_row = self.attribute_rows[UNKNOWN_VECTOR_PAIR]  # KeyError: not a model file
        self.vector_rows = {word: row for row, word in enumerate(vector_words)}
        self.vectors = vectors  # float16 as stored: a row is widened when a new word type takes it
        count = len(self.networks)
        self.transitions = sum(n.transitions for n in self.networks) / count
        self.start = sum(n.start for n in self.networks) / count
        self.end = sum(n.end for n in self.networks) / count
        self.channels = [n.out_weight.shape[0] for n in self.networks]  # the last hidden layer's width
        self.recurrent = [None if n.recurrent is None else LstmWeights.from_torch_layout(*n.recurrent)
                          for n in self.networks]
        if any(n.recurrent is None and not n.convolutions for n in self.networks):
            raise NeuralModelError("a network of the neural NER model has neither convolutions nor an LSTM")
        # per network, each convolution's three taps side by side: (in, 3 x channels)
        self.side_by_side = [[np.ascontiguousarray(np.concatenate(list(taps), axis=1)) for taps, _ in n.convolutions]
                             for n in self.networks]
        self._empty_type_table()

    # --- word types ---

    def _bag_rows_and_vectors(self, norms: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Bag rows of the words, (words, most rows of a word): each word's rows in order, then row 0
        (zeros) up to the width; and their word vectors (gathered in one take)."""
        rows: list[int] = []
        counts = []
        vector_of = []  # per word: its vector's row, or -1
        attribute_rows, vector_rows = self.attribute_rows, self.vector_rows
        for norm in norms:
            found, vector = word_rows(norm, attribute_rows, vector_rows)
            rows += found
            counts.append(len(found))
            vector_of.append(-1 if vector is None else vector)
        counts = np.array(counts)
        padded = np.zeros((len(norms), int(counts.max(initial=0)) + 1), dtype=np.intp)  # a zero row at least
        padded[np.arange(padded.shape[1]) < counts[:, None]] = rows
        return padded, self.word_vectors(vector_of)

    def _score_types(self, norms: Sequence[str]) -> list[np.ndarray]:
        """Per network: the words' inputs to the first convolution, (words, dim)."""
        return self.inputs(*self._bag_rows_and_vectors(norms))

    def word_vectors(self, vector_of: Sequence[int]) -> np.ndarray:
        """The word vectors of the rows ``vector_of`` (-1: none, zeros) in float32, (words, vector size)."""
        where = np.array(vector_of, dtype=np.intp)
        vectors = np.zeros((len(where), self.vectors.shape[1]), dtype=np.float32)
        known = where >= 0
        vectors[known] = self.vectors[where[known]]
        return vectors

    def inputs(self, rows: np.ndarray, vectors: np.ndarray) -> list[np.ndarray]:
        """Per network: the inputs to the first convolution of words of bag ``rows`` (words, width; the
        words' rows in order, padded with row 0) and word ``vectors``, (words, dim)."""
        inputs = []
        for network in self.networks:
            bags = network.bag[rows].sum(axis=1)  # in row order, as the training's embedding bag
            inputs.append(np.tanh(bags + vectors @ network.projection + network.bias))
        return inputs

    def table_size(self) -> int:
        return TYPE_TABLE_SIZE

    def _empty_type_table(self) -> None:
        self.type_ids = {}
        self.type_inputs = [np.zeros((1, n.bias.shape[0]), dtype=np.float32) for n in self.networks]  # row 0: zeros

    def store_types(self, first: int, norms: Sequence[str], inputs: Sequence[np.ndarray]) -> None:
        """Rows ``first``... of the type table (row 0: zeros): per network, the word types' ``inputs``."""
        needed = first + len(norms)
        if needed > len(self.type_inputs[0]):
            capacity = max(needed, min(max(2 * len(self.type_inputs[0]), 1024), self.table_size()))
            grown = []
            for table in self.type_inputs:
                bigger = np.zeros((capacity,) + table.shape[1:], dtype=np.float32)
                bigger[:first] = table[:first]
                grown.append(bigger)
            self.type_inputs = grown
        for table, network_inputs in zip(self.type_inputs, inputs):
            table[first:needed] = network_inputs

    # --- sequences ---

    def emissions(self, sequences: Sequence[Sequence[str]], ids: np.ndarray | None = None) -> np.ndarray:
        """Emission scores of the words of all (non-empty) sequences, concatenated, averaged over the
        networks: (words, tags), columns in ``self.tags`` order. ``ids``: the words' ``type_indices``
        when the caller has them."""
        single_blas_thread()  # once per process, also in one that received the tagger pickled
        if self.recurrent[0] is not None:
            return self._recurrent_emissions(sequences, ids)
        gap = max(self.dilations)
        lengths = np.array([len(s) for s in sequences])
        norms = [norm for sequence in sequences for norm in sequence]
        # each sequence starts after a gap of zeros; one more gap after the last one
        slots = np.arange(len(norms)) + gap * np.repeat(np.arange(1, len(lengths) + 1), lengths)
        laid = np.full(len(norms) + gap * (len(lengths) + 1), PAD_TYPE, dtype=np.intp)
        laid[slots] = self.type_indices(norms) if ids is None else ids
        gaps = np.flatnonzero(laid == PAD_TYPE)  # kept zero after each layer (PAD_TYPE is no word's id)
        total = None
        for network, side_by_side, table in zip(self.networks, self.side_by_side, self.type_inputs):
            scores = self._network_emissions(network, side_by_side, table[laid], gaps)[slots]
            total = scores if total is None else total + scores
        return total / len(self.networks)

    def _recurrent_emissions(self, sequences: Sequence[Sequence[str]], ids: np.ndarray | None) -> np.ndarray:
        """The LSTM networks' emissions: each sequence read alone, forward and backward."""
        if ids is None:
            ids = self.type_indices([norm for sequence in sequences for norm in sequence])
        lengths = [len(s) for s in sequences]
        total = None
        for network, weights, table in zip(self.networks, self.recurrent, self.type_inputs):
            scores = bilstm(table[ids], lengths, weights) @ network.out_weight + network.out_bias
            total = scores if total is None else total + scores
        return total / len(self.networks)

    def _network_emissions(self, network: Network, side_by_side: list[np.ndarray], inputs: np.ndarray,
                           gaps: np.ndarray) -> np.ndarray:
        """Emissions at every slot of the laid-out document; ``inputs``: (slots, dim), zeros in the gaps;
        ``side_by_side``: each convolution's taps side by side (in, 3 x channels), one product per layer."""
        (_, bias), d = network.convolutions[0], self.dilations[0]
        hidden = convolved(inputs @ side_by_side[0], d, bias, gaps)
        for (_, bias), d, weights in zip(network.convolutions[1:], self.dilations[1:], side_by_side[1:]):
            hidden += convolved(hidden @ weights, d, bias, gaps)
        return hidden @ network.out_weight + network.out_bias

    def scores(self, sequences: Sequence[Sequence[str]], ids: np.ndarray | None = None) -> np.ndarray:
        """``emissions`` with the start score added to each sequence's first word, the end score to its last."""
        scores = self.emissions(sequences, ids)
        ends = np.cumsum([len(s) for s in sequences])
        scores[ends - np.array([len(s) for s in sequences])] += self.start
        scores[ends - 1] += self.end
        return scores

    def sequence_scores(self, sequences: Sequence[Sequence[str]]) -> np.ndarray:
        """The networks alone tag with their start/end scores (``scores``)."""
        return self.scores(sequences)


def convolved(taps: np.ndarray, d: int, bias: np.ndarray, gaps: np.ndarray) -> np.ndarray:
    """ReLU(a convolution of kernel 3, dilation d), zero at the ``gaps`` slots, from each slot's products
    with the three taps side by side, ``taps`` (slots, 3 x channels): slot t sums tap 1 of t, tap 0 of
    t - d, tap 2 of t + d, then the bias, in that order; four passes over the slots."""
    channels = taps.shape[1] // KERNEL
    out = np.empty((len(taps), channels), dtype=taps.dtype)
    out[:d] = taps[:d, channels:2 * channels]
    np.add(taps[d:, channels:2 * channels], taps[:-d, :channels], out=out[d:])
    out[:-d] += taps[d:, 2 * channels:]
    out += bias
    np.maximum(out, 0, out=out)
    out[gaps] = 0.0
    return out


def read_model(path: Path) -> NeuralTagger:
    """The tagger of a model file; NeuralModelError (one line) when it is missing or not such a model."""
    if not path.is_file():
        raise NeuralModelError(f"neural NER model {path} is missing")
    try:
        with np.load(path, allow_pickle=False) as data:
            meta = json_value(data["meta"])
            if meta.get("format") != FORMAT:
                raise NeuralModelError(f"neural NER model {path} has format {meta.get('format')!r}, "
                                       f"expected {FORMAT!r}")
            layers = len(meta["dilations"])
            networks = [Network.from_arrays(data, f"net{k}.", layers) for k in range(meta["networks"])]
            if not networks:
                raise NeuralModelError(f"neural NER model {path} holds no network")
            tagger = NeuralTagger(meta, json_value(data["attributes"]), json_value(data["vector_words"]),
                                  data["vectors"], networks)
    except NeuralModelError:
        raise
    except (OSError, EOFError, ValueError, KeyError, TypeError, IndexError, zipfile.BadZipFile) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise NeuralModelError(f"neural NER model {path} is not readable: {reason}") from None
    single_blas_thread()
    return tagger
