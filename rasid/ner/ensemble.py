"""The CRF and the neural tagger decoded together: their scores summed, then one Viterbi.

Each word's emission scores are the CRF decoder's plus ``weight`` x the neural tagger's (its start
and end scores folded into each sequence's first and last word), the transitions likewise, the
neural columns put in the CRF's label order; the CRF decoder's own batch Viterbi then decodes. With
weight 0 the tags are the CRF's. The weight is the neural model file's (``meta["weight"]``).
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from rasid.ner.decoder import Decoder, SequenceTagger
from rasid.ner.neural import NeuralModelError, NeuralTagger


class EnsembleDecoder(SequenceTagger):
    """Same interface as ``rasid.ner.decoder.Decoder``: ``labels``, ``tag_many``, ``tag``."""

    def __init__(self, crf: Decoder, neural: NeuralTagger, weight: float | None = None):
        missing = [label for label in crf.labels if label not in neural.tags]
        if missing:
            raise NeuralModelError(f"the neural NER model has no tag {', '.join(missing)} of the CRF's")
        self.crf, self.neural = crf, neural
        self.weight = neural.weight if weight is None else weight
        self.labels = crf.labels
        self.columns = np.array([neural.tags.index(label) for label in crf.labels])  # neural column per CRF label
        self.transitions = crf.transitions + self.weight * neural.transitions[np.ix_(self.columns, self.columns)]

    def emissions(self, sequences: Sequence[Sequence[str]]) -> np.ndarray:
        """The summed scores of the words of all (non-empty) sequences: (words, labels) in the CRF's order."""
        return self.crf.emissions(sequences) + self.weight * self.neural.scores(sequences)[:, self.columns]

    def sequence_scores(self, sequences: Sequence[Sequence[str]]) -> np.ndarray:
        return self.emissions(sequences)
