"""A bidirectional LSTM over the words of many sequences at once, in numpy (inference only).

The weights are torch's ``nn.LSTM`` (one layer, bidirectional; gates in torch's order i, f, g, o),
read by ``LstmWeights.from_torch_layout``, which reorders the gates to i, f, o, g and halves the
rows of i, f and o: sigmoid(x) = tanh(x / 2) / 2 + 1/2, so one tanh over all four gates then an
affine step on three of them gives the gates.

All sequences advance together, one step per word position, both directions in one batched product;
the backward direction reads each sequence from its last word. The state is kept transposed, (direction,
h, sequences), so that each gate is a contiguous block of the gates array; a sequence that has ended goes
on being computed (on a repeated input) and is never read: at these sizes numpy's cost is the number of
operations per step, not their width. The inputs' products with the input weights are one matrix
product per direction before the loop.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

GATES = 4


@dataclass(frozen=True)
class LstmWeights:
    """Per direction (0 forward, 1 backward): input (dim, 4h), recurrent (h, 4h), bias (4h,); gates
    i, f, o, g with i, f, o pre-halved; float32."""
    input: np.ndarray  # (2, dim, 4h)
    recurrent: np.ndarray  # (2, h, 4h)
    bias: np.ndarray  # (2, 4h)

    @property
    def size(self) -> int:
        return self.recurrent.shape[1]

    @property
    def recurrent_transposed(self) -> np.ndarray:
        """(2, 4h, h): the recurrent weights as the transposed state multiplies them."""
        return np.ascontiguousarray(self.recurrent.transpose(0, 2, 1))

    @classmethod
    def from_torch_layout(cls, input_weights: np.ndarray, recurrent_weights: np.ndarray,
                          bias: np.ndarray) -> "LstmWeights":
        """From torch's layout, per direction: weight_ih (4h, dim), weight_hh (4h, h), bias_ih + bias_hh (4h,),
        stacked forward then backward."""
        size = recurrent_weights.shape[2]
        i, f, g, o = (np.arange(k * size, (k + 1) * size) for k in range(GATES))
        order = np.concatenate([i, f, o, g])
        scale = np.concatenate([np.full(3 * size, 0.5), np.ones(size)]).astype(np.float32)
        prepared = [np.asarray(w, dtype=np.float32)[:, order] * scale[:, None]
                    for w in (input_weights, recurrent_weights)]
        return cls(input=np.ascontiguousarray(prepared[0].transpose(0, 2, 1)),
                   recurrent=np.ascontiguousarray(prepared[1].transpose(0, 2, 1)),
                   bias=np.ascontiguousarray(np.asarray(bias, dtype=np.float32)[:, order] * scale))


def bilstm(inputs: np.ndarray, lengths: Sequence[int], weights: LstmWeights) -> np.ndarray:
    """Hidden states (words, 2h): forward then backward, of the sequences whose words are laid end to end
    in ``inputs`` (words, dim), ``lengths`` words each (all > 0)."""
    lengths = np.asarray(lengths, dtype=np.intp)
    size = weights.size
    steps = int(lengths.max(initial=0))
    starts = np.cumsum(lengths) - lengths
    step = np.arange(steps)[:, None]
    running = step < lengths[None, :]  # (steps, sequences)
    forward_word = np.where(running, starts + step, starts)
    backward_word = np.where(running, starts + lengths - 1 - step, starts)
    gates_in = np.empty((steps, 2, GATES * size, len(lengths)), dtype=np.float32)
    gates_in[:, 0] = (inputs @ weights.input[0] + weights.bias[0])[forward_word].transpose(0, 2, 1)
    gates_in[:, 1] = (inputs @ weights.input[1] + weights.bias[1])[backward_word].transpose(0, 2, 1)
    states = _run(gates_in, weights.recurrent_transposed, size)  # (steps, 2, h, sequences)
    hidden = np.empty((len(inputs), 2 * size), dtype=np.float32)
    hidden[forward_word[running], :size] = states[:, 0].transpose(0, 2, 1)[running]
    hidden[backward_word[running], size:] = states[:, 1].transpose(0, 2, 1)[running]
    return hidden


def _run(gates_in: np.ndarray, recurrent: np.ndarray, size: int) -> np.ndarray:
    """The recurrence: the hidden state at every step, (steps, 2, h, sequences); ``recurrent`` (2, 4h, h)."""
    steps, _, _, count = gates_in.shape
    states = np.empty((steps, 2, size, count), dtype=np.float32)
    hidden = np.zeros((2, size, count), dtype=np.float32)
    cell = np.zeros((2, size, count), dtype=np.float32)
    gates = np.empty((2, GATES * size, count), dtype=np.float32)
    f_, o_, g_ = size, 2 * size, 3 * size
    for t in range(steps):
        np.matmul(recurrent, hidden, out=gates)
        gates += gates_in[t]
        np.tanh(gates, out=gates)
        sigmoids = gates[:, :g_]
        sigmoids *= 0.5
        sigmoids += 0.5
        cell *= gates[:, f_:o_]
        cell += gates[:, :f_] * gates[:, g_:]
        np.multiply(gates[:, o_:g_], np.tanh(cell), out=hidden)
        states[t] = hidden
    return states
