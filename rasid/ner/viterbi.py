"""Best label paths of many sequences at once (the NER decoders' Viterbi), in numpy.

The sequences of one call are decoded side by side, one Python step per position of the longest:
the scores are laid out ``[position, sequence, label]`` (zeros past a sequence's end), sequences
sorted longest first so that those still running at a position are a prefix. Each step is three
numpy calls over the running sequences: the candidates ``[i, s, j]`` = best score ending in label i
at the previous position + ``transitions[i, j]``, their maximum over i, plus the emission; the
columns that no longer run are dropped when they are half of them or more.

Back pointers are not kept per step: once the forward pass is done, the candidates of every word are
summed again (the same two float64 operands, so the same sums) and the first best previous label is
taken, as in crfsuite (ties go to the lowest label index). The backtrack is one ``take`` per position
over pointers that already carry their sequence's offset.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class Layout:
    """Where each word of the concatenated sequences sits in the ``[position, sequence]`` grid."""
    position: np.ndarray  # (words,): the word's index in its sequence
    column: np.ndarray  # (words,): its sequence's column, longest sequence first
    sorted_sizes: np.ndarray  # (sequences,): lengths by column
    running: list[int]  # per position: how many columns are still running there

    @classmethod
    def of(cls, lengths: list[int]) -> "Layout":
        sizes = np.array(lengths)
        starts = np.cumsum(sizes) - sizes
        order = np.argsort(-sizes, kind="stable")
        column_of = np.empty(len(sizes), dtype=np.intp)
        column_of[order] = np.arange(len(sizes))
        sorted_sizes = sizes[order]
        running = np.searchsorted(-sorted_sizes, -np.arange(int(sorted_sizes[0])), side="left").tolist()
        position = np.arange(int(sizes.sum())) - np.repeat(starts, sizes)
        return cls(position, np.repeat(column_of, sizes), sorted_sizes, running)

    @property
    def longest(self) -> int:
        return len(self.running)


def forward_scores(emission: np.ndarray, transitions: np.ndarray, running: list[int]) -> np.ndarray:
    """Best score of a path ending in each label at each cell, ``[position, sequence, label]``.

    The positions are walked in spans over a fixed number of columns (halved when at most half of
    them still run), each span iterating over ready-made views, so that a step costs three numpy calls.
    """
    forward = emission.copy()
    size = emission.shape[2]
    through = transitions[:, None, :]
    add, maximum = np.add, np.maximum.reduce
    for first, last, width in spans(running):
        step = np.empty((size, width, size))  # [i, s, j]
        through_all = np.ascontiguousarray(np.broadcast_to(through, step.shape))
        # the previous position's scores seen as [i, s, j] (repeated along j), for each position of the span
        previous = np.broadcast_to(forward[first - 1:last - 1, :width].transpose(0, 2, 1)[:, :, :, None],
                                   (last - first, size, width, size))
        for before, out, here in zip(previous, forward[first:last, :width], emission[first:last, :width]):
            add(before, through_all, step)
            maximum(step, 0, None, out)
            add(out, here, out)
    return forward


def spans(running: list[int]) -> list[tuple[int, int, int]]:
    """(first, last, width): the positions from 1 on in runs decoded over the first ``width`` columns,
    a new run when at most half of the current width still runs."""
    found, first, width = [], 1, running[0]
    for t in range(1, len(running)):
        if 2 * running[t] <= width:
            if t > first:
                found.append((first, t, width))
            first, width = t, running[t]
    if len(running) > first:
        found.append((first, len(running), width))
    return found


def best_previous(before: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """For rows of previous scores ``before`` (rows, i): the first i maximizing before[i] + transitions[i, j],
    (rows, j). Worked label by label over ``[j, row]`` arrays (long inner loops), keeping the first best."""
    scores = np.ascontiguousarray(before.T)  # [i, row]
    after = transitions[:, :, None]  # [i, j, 1]
    best = scores[0] + after[0]  # [j, row]
    pointer = np.zeros(best.shape, dtype=np.intp)
    here, better = np.empty_like(best), np.empty(best.shape, dtype=bool)
    for i in range(1, len(transitions)):
        np.add(scores[i], after[i], out=here)
        np.greater(here, best, out=better)
        np.copyto(pointer, i, where=better)
        np.maximum(best, here, out=best)
    return pointer.T


def viterbi(scores: np.ndarray, lengths: list[int], transitions: np.ndarray) -> list[list[int]]:
    """Best label paths of consecutive non-empty sequences (their rows of ``scores``, in order);
    ``transitions[i, j]``: the score of label j after label i. Ties go to the lowest label index."""
    layout = Layout.of(lengths)
    position, column, longest = layout.position, layout.column, layout.longest
    count, size = len(lengths), len(transitions)
    emission = np.zeros((longest, count, size))
    emission[position, column] = scores
    forward = forward_scores(emission, transitions, layout.running)
    offset = np.arange(count) * size  # a label as a flat index into its sequence's pointers
    labels = np.empty((longest, count), dtype=np.intp)
    labels[-1] = forward[layout.sorted_sizes - 1, np.arange(count)].argmax(axis=1) + offset
    if longest > 1:
        # pointers[t, s, j]: the flat index of the best label before j at t; past a sequence's end,
        # its last label whatever j, so that the backtrack reaches its end with that label
        pointers = np.empty((longest, count, size), dtype=np.intp)
        pointers[:] = labels[-1][None, :, None]
        inner = position > 0
        at, columns = position[inner], column[inner]
        pointers[at, columns] = best_previous(forward[at - 1, columns], transitions) + offset[columns, None]
        flat = pointers.reshape(longest, count * size)
        for t in range(longest - 2, -1, -1):
            flat[t + 1].take(labels[t + 1], out=labels[t])
    found = (labels[position, column] - offset[column]).tolist()
    paths, start = [], 0
    for n in lengths:
        paths.append(found[start:start + n])
        start += n
    return paths
