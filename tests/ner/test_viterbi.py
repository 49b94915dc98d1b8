"""The numpy Viterbi gives the paths of the previous implementation (kept here as the reference), ties included."""
import itertools

import numpy as np
import pytest

from rasid.ner.viterbi import Layout, best_previous, viterbi


def reference_viterbi(scores: np.ndarray, lengths: list[int], transitions: np.ndarray) -> list[list[int]]:
    """Best label paths of consecutive sequences (their rows of ``scores``), decoded side by side;
    ``transitions[i, j]``: the score of label j after label i.

    The words are laid out step-major with no padding: step t holds one row per sequence
    longer than t, longest sequence first, so the sequences running at step t are the first
    ``active[t]`` rows of step t - 1 too. Ties go to the lowest label index, as in crfsuite.
    """
    count, size = len(lengths), len(transitions)
    sizes = np.array(lengths)
    starts = np.cumsum(sizes) - sizes
    order = np.argsort(-sizes, kind="stable")
    rank = np.empty(count, dtype=np.intp)
    rank[order] = np.arange(count)
    sorted_sizes = sizes[order]
    longest = int(sorted_sizes[0])
    active = np.searchsorted(-sorted_sizes, -np.arange(longest), side="left")  # sequences longer than t
    offsets = np.concatenate(([0], np.cumsum(active)))  # first row of each step
    position = np.arange(len(scores)) - np.repeat(starts, sizes)
    slot = offsets[position] + np.repeat(rank, sizes)  # each word's row in the step-major layout
    emission = np.empty_like(scores)
    emission[slot] = scores
    forward = emission.copy()  # best score of a path ending in each label at each row
    candidates = np.empty((len(scores), size, size))  # [row, j, i]: best path to i, then label j
    through = np.ascontiguousarray(transitions.T)
    add, maximum = np.add, np.maximum.reduce
    active_at, offset_of = active.tolist(), offsets.tolist()
    for t in range(1, longest):
        k, here, before = active_at[t], offset_of[t], offset_of[t - 1]
        step = candidates[here:here + k]
        add(forward[before:before + k, None, :], through, out=step)
        maximum(step, axis=2, out=forward[here:here + k])
        forward[here:here + k] += emission[here:here + k]
    back = candidates.argmax(axis=2).ravel()  # [row * labels + j]: the best label before j
    row_start = np.arange(0, len(scores) * size, size)
    labels = np.empty(len(scores), dtype=np.intp)
    ends = offsets[sorted_sizes - 1] + np.arange(count)
    labels[ends] = forward[ends].argmax(axis=1)
    pointer = back.take
    for t in range(longest - 2, -1, -1):
        k, here, after = active_at[t + 1], offset_of[t], offset_of[t + 1]
        labels[here:here + k] = pointer(row_start[after:after + k] + labels[after:after + k])
    flat = labels[slot].tolist()
    return [flat[start:start + n] for start, n in zip(starts.tolist(), lengths)]


def random_case(rng: np.random.Generator, tied: bool, labels: int = 9):
    count = int(rng.integers(1, 12))
    lengths = [int(n) for n in rng.integers(1, 40, size=count)]
    shape = (sum(lengths), labels)
    if tied:  # few distinct integer values: many exactly equal candidates
        scores = rng.integers(-2, 3, size=shape).astype(float)
        transitions = rng.integers(-1, 2, size=(labels, labels)).astype(float)
    else:
        scores = rng.normal(size=shape) * 3
        transitions = rng.normal(size=(labels, labels))
    return scores, lengths, transitions


@pytest.mark.parametrize("tied", [False, True])
def test_paths_are_the_reference_paths_on_random_scores(tied):
    rng = np.random.default_rng(7 if tied else 11)
    for _case in range(300):
        scores, lengths, transitions = random_case(rng, tied)
        assert viterbi(scores, lengths, transitions) == reference_viterbi(scores, lengths, transitions)


def test_all_equal_scores_give_label_zero_everywhere():
    lengths = [3, 1, 5]
    paths = viterbi(np.zeros((9, 4)), lengths, np.zeros((4, 4)))
    assert paths == [[0, 0, 0], [0], [0, 0, 0, 0, 0]]


def test_a_single_sequence_of_one_word_takes_its_best_label():
    assert viterbi(np.array([[0.0, 2.0, 2.0, 1.0]]), [1], np.ones((4, 4))) == [[1]]


def _path_score(scores, path, transitions):
    return sum(scores[t, label] for t, label in enumerate(path)) + sum(
        transitions[a, b] for a, b in zip(path, path[1:]))


def test_each_path_has_the_best_score_of_all_paths():
    rng = np.random.default_rng(3)
    for _case in range(40):
        lengths = [int(n) for n in rng.integers(1, 5, size=3)]
        scores, transitions = rng.normal(size=(sum(lengths), 3)), rng.normal(size=(3, 3))
        start = 0
        for n, path in zip(lengths, viterbi(scores, lengths, transitions)):
            rows = scores[start:start + n]
            best = max(_path_score(rows, p, transitions) for p in itertools.product(range(3), repeat=n))
            assert _path_score(rows, path, transitions) == pytest.approx(best)
            start += n


def test_layout_sorts_sequences_longest_first_and_counts_the_running_ones():
    layout = Layout.of([2, 4, 1, 4])
    assert layout.sorted_sizes.tolist() == [4, 4, 2, 1]
    assert layout.running == [4, 3, 2, 2]
    assert layout.column.tolist() == [2, 2, 0, 0, 0, 0, 3, 1, 1, 1, 1]
    assert layout.position.tolist() == [0, 1, 0, 1, 2, 3, 0, 0, 1, 2, 3]


def test_best_previous_takes_the_first_of_equal_candidates():
    before = np.array([[1.0, 2.0, 2.0]])
    transitions = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 5.0], [0.0, 1.0, 5.0]])
    # j=0: 2, 2, 2 -> 0; j=1: 1, 2, 3 -> 2; j=2: 1, 7, 7 -> 1
    assert best_previous(before, transitions).tolist() == [[0, 2, 1]]
