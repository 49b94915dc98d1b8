"""The numpy bidirectional LSTM: the same hidden states as torch's nn.LSTM, each sequence read alone."""
import numpy as np
import pytest

from rasid.ner.recurrent import LstmWeights, bilstm


def _torch_lstm(size: int, dim: int, seed: int):
    torch = pytest.importorskip("torch")
    torch.manual_seed(seed)
    lstm = torch.nn.LSTM(dim, size, batch_first=True, bidirectional=True)
    get = lambda name: getattr(lstm, name).detach().numpy()  # noqa: E731
    weights = LstmWeights.from_torch_layout(
        np.stack([get("weight_ih_l0"), get("weight_ih_l0_reverse")]),
        np.stack([get("weight_hh_l0"), get("weight_hh_l0_reverse")]),
        np.stack([get("bias_ih_l0") + get("bias_hh_l0"), get("bias_ih_l0_reverse") + get("bias_hh_l0_reverse")]))
    return torch, lstm, weights


@pytest.mark.parametrize("lengths", [[5], [1], [1, 1, 3], [7, 2, 9, 1, 4], [30, 3, 3, 12]])
def test_hidden_states_equal_torch_per_sequence(lengths: list[int]):
    torch, lstm, weights = _torch_lstm(size=6, dim=4, seed=len(lengths))
    inputs = np.random.default_rng(0).normal(size=(sum(lengths), 4)).astype(np.float32)
    starts = np.cumsum(lengths) - lengths
    with torch.no_grad():
        expected = np.concatenate([lstm(torch.from_numpy(inputs[s:s + n])[None])[0][0].numpy()
                                   for s, n in zip(starts, lengths)])
    assert bilstm(inputs, lengths, weights) == pytest.approx(expected, abs=1e-5)


def test_forward_half_reads_left_to_right_and_backward_half_right_to_left():
    _torch, _lstm, weights = _torch_lstm(size=3, dim=2, seed=1)
    inputs = np.random.default_rng(1).normal(size=(6, 2)).astype(np.float32)
    hidden = bilstm(inputs, [6], weights)
    changed = inputs.copy()
    changed[5] += 1.0  # the last word: the forward states before it cannot see it, the backward ones all do
    other = bilstm(changed, [6], weights)
    assert other[:5, :3] == pytest.approx(hidden[:5, :3])
    assert not np.allclose(other[:5, 3:], hidden[:5, 3:])


def test_gates_are_reordered_i_f_o_g_with_sigmoid_rows_halved():
    size, dim = 2, 3
    rows = np.arange(4 * size, dtype=np.float32)[:, None] * np.ones((1, dim), dtype=np.float32)
    weights = LstmWeights.from_torch_layout(np.stack([rows, rows]), np.zeros((2, 4 * size, size), np.float32),
                                            np.zeros((2, 4 * size), np.float32))
    # torch's rows i=0,1 f=2,3 g=4,5 o=6,7 -> columns i, f, o (halved), g
    assert weights.input[0][0].tolist() == [0.0, 0.5, 1.0, 1.5, 3.0, 3.5, 4.0, 5.0]
    assert weights.size == size
