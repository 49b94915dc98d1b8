"""The numpy neural tagger: same scores as the torch network, K networks averaged, bounded type table,
one-line errors for bad model files."""
from pathlib import Path

import numpy as np
import pytest

from rasid.ner import neural as neural_module
from rasid.ner.model import ModelError
from rasid.ner.neural import TAGS, NeuralTagger, read_model
from tests.ner.neural_fixtures import SENTENCES, VECTOR_WORDS, norms_of, random_tagger, write_random_model


@pytest.mark.parametrize("recurrent", [0, 5], ids=["convolutions", "lstm"])
def test_numpy_forward_equals_the_torch_forward(tmp_path: Path, recurrent: int):
    torch = pytest.importorskip("torch")
    from rasid.ner.neural_training import NeuralParams, TypeInputs, _tagger_class, batch_emissions, network_arrays
    from rasid.ner.neural import write_model

    torch.manual_seed(3)
    sequences = norms_of(SENTENCES)
    reference = random_tagger(tmp_path)  # rows and vectors of the hand-made model
    rows = reference.attribute_keys
    vectors = reference.vectors.astype(np.float16)
    params = NeuralParams(dim=8, hidden=6, dilations=(1, 2, 1), recurrent=recurrent)
    model = _tagger_class(torch)(len(rows), vectors.shape[1], params)
    with torch.no_grad():
        for parameter in model.parameters():
            parameter.normal_(0, 0.5)
        model.bag.weight.copy_(model.bag.weight.half().float())  # the model file stores the bag in float16
    model.eval()
    with torch.no_grad():
        em, mask = batch_emissions(torch, model, TypeInputs(rows, VECTOR_WORDS, vectors), sequences)
    expected = np.concatenate([em[b, :len(s)].numpy() for b, s in enumerate(sequences)])
    path = tmp_path / "torch.cnn.npz"
    meta = {"dilations": [] if recurrent else [1, 2, 1], "recurrent": recurrent, "weight": 1.0}
    write_model(path, meta, rows, VECTOR_WORDS, vectors, [network_arrays(model)])
    tagger = read_model(path)
    assert tagger.channels == [2 * recurrent if recurrent else 6]
    assert tagger.emissions(sequences) == pytest.approx(expected, abs=1e-5)
    alone = np.concatenate([tagger.emissions([s]) for s in sequences])  # each sequence read by itself
    assert alone == pytest.approx(expected, abs=1e-5)
    assert tagger.transitions == pytest.approx(model.transitions.detach().numpy())


def test_scores_fold_start_and_end_into_the_first_and_last_word(tmp_path: Path):
    tagger = random_tagger(tmp_path)
    sequences = norms_of(SENTENCES)
    emissions, scores = tagger.emissions(sequences), tagger.scores(sequences)
    first, last = 0, len(sequences[0]) - 1
    assert scores[first] == pytest.approx(emissions[first] + tagger.start)
    assert scores[last] == pytest.approx(emissions[last] + tagger.end)
    assert scores[1:last] == pytest.approx(emissions[1:last])


def test_a_sequence_is_scored_alone_as_among_others(tmp_path: Path):
    """The zero gaps keep every convolution inside its sequence."""
    tagger = random_tagger(tmp_path)
    sequences = norms_of(SENTENCES)
    together = tagger.emissions(sequences)
    alone = np.concatenate([tagger.emissions([s]) for s in sequences])
    assert together == pytest.approx(alone, abs=1e-5)


def test_k_networks_are_averaged(tmp_path: Path):
    both = read_model(write_random_model(tmp_path / "two.cnn.npz", networks=2, seed=5))
    sequences = norms_of(SENTENCES)
    rows = both.attribute_keys
    words = sorted(both.vector_rows, key=both.vector_rows.get)
    singles = [NeuralTagger(both.meta, rows, words, both.vectors, [network]).emissions(sequences)
               for network in both.networks]
    assert both.emissions(sequences) == pytest.approx((singles[0] + singles[1]) / 2, abs=1e-5)
    assert both.transitions == pytest.approx((both.networks[0].transitions + both.networks[1].transitions) / 2)
    assert both.start == pytest.approx((both.networks[0].start + both.networks[1].start) / 2)
    assert not np.allclose(singles[0], singles[1])


def test_tags_are_iob2_tags_per_sequence(tmp_path: Path):
    tagger = random_tagger(tmp_path)
    sequences = norms_of(SENTENCES) + [[]]
    tags = tagger.tag_many(sequences)
    assert [len(t) for t in tags] == [len(s) for s in sequences]
    assert {t for sequence in tags for t in sequence} <= set(TAGS)
    assert tagger.tag(sequences[1]) == tags[1]


def test_type_table_is_emptied_when_full_and_scores_stay_the_same(tmp_path: Path, monkeypatch):
    sequences = norms_of(SENTENCES)
    expected = [random_tagger(tmp_path).emissions([s]) for s in sequences]
    monkeypatch.setattr(neural_module, "TYPE_TABLE_SIZE", 20)
    tagger = random_tagger(tmp_path)
    for _round in range(2):
        for norms, scores in zip(sequences, expected):
            assert tagger.emissions([norms]) == pytest.approx(scores, abs=1e-5)
            assert len(tagger.type_ids) <= max(20, len(set(norms)))
    assert len(tagger.type_inputs[0]) <= max(20, max(len(set(s)) for s in sequences) + 1)


def test_unseen_words_and_words_without_vectors_use_their_rows(tmp_path: Path):
    tagger = random_tagger(tmp_path)
    rows, vectors = tagger._bag_rows_and_vectors(["كيري", "وزير"])
    first = rows[0].tolist()
    assert tagger.unknown_vector_row in first  # كيري has no vector
    assert tagger.attribute_rows[("w", "?")] in first or tagger.attribute_rows.get(("w", "كيري")) in first
    assert tagger.unknown_vector_row not in rows[1].tolist()
    assert vectors[1] == pytest.approx(tagger.vectors[VECTOR_WORDS.index("وزير")])


def test_missing_model_is_one_line_model_error(tmp_path: Path):
    with pytest.raises(ModelError, match="is missing") as caught:
        read_model(tmp_path / "none.cnn.npz")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("content", [b"not a zip file", b""])
def test_unreadable_model_is_one_line_model_error(tmp_path: Path, content: bytes):
    path = tmp_path / "bad.cnn.npz"
    path.write_bytes(content)
    with pytest.raises(ModelError, match="bad.cnn.npz is not readable") as caught:
        read_model(path)
    assert "\n" not in str(caught.value)


def test_model_without_a_network_array_is_model_error(tmp_path: Path):
    path = tmp_path / "cut.cnn.npz"
    with np.load(write_random_model(tmp_path / "whole.cnn.npz")) as whole:
        arrays = {name: whole[name] for name in whole.files if name != "net0.out_weight"}
    np.savez(path, **arrays)
    with pytest.raises(ModelError, match="not readable: .*net0.out_weight") as caught:
        read_model(path)
    assert "\n" not in str(caught.value)


def test_model_without_networks_is_model_error(tmp_path: Path):
    path = write_random_model(tmp_path / "none.cnn.npz", networks=0)
    with pytest.raises(ModelError, match="none.cnn.npz holds no network"):
        read_model(path)


def test_model_of_another_format_is_model_error(tmp_path: Path):
    path = tmp_path / "other.npz"
    np.savez(path, meta=np.frombuffer(b'{"format": "something else"}', dtype=np.uint8))
    with pytest.raises(ModelError, match="has format 'something else'"):
        read_model(path)


def test_writing_twice_gives_the_same_bytes(tmp_path: Path):
    first = write_random_model(tmp_path / "a.cnn.npz", networks=2).read_bytes()
    second = write_random_model(tmp_path / "b.cnn.npz", networks=2).read_bytes()
    assert first == second


def test_tagger_pickles_with_its_tables(tmp_path: Path):
    import pickle

    tagger = random_tagger(tmp_path)
    sequences = norms_of(SENTENCES)
    expected = tagger.emissions(sequences)
    copy = pickle.loads(pickle.dumps(tagger))
    assert copy.emissions(sequences) == pytest.approx(expected)


def test_reading_a_model_limits_openblas_to_one_thread(tmp_path: Path, monkeypatch):
    import ctypes

    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    neural_module.single_blas_thread.cache_clear()
    random_tagger(tmp_path)
    libraries = neural_module._loaded_openblas()
    if not libraries:
        pytest.skip("no OpenBLAS loaded in this process (numpy built with another BLAS)")
    library = ctypes.CDLL(libraries[0])
    getter = next((getattr(library, name.replace("set", "get"), None) for name in neural_module.OPENBLAS_THREAD_SETTERS
                   if getattr(library, name.replace("set", "get"), None) is not None), None)
    assert neural_module.single_blas_thread()
    assert getter is not None and getter() == 1


def test_convolved_sums_the_three_taps_at_minus_d_zero_and_plus_d():
    rng = np.random.default_rng(1)
    inputs, taps = rng.normal(size=(7, 4)).astype(np.float32), rng.normal(size=(3, 4, 5)).astype(np.float32)
    bias, mask = rng.normal(size=5).astype(np.float32), np.ones((7, 1), dtype=np.float32)
    mask[3] = mask[6] = 0.0
    d = 2
    expected = np.zeros((7, 5), dtype=np.float32)
    for t in range(7):
        for k, source in enumerate((t - d, t, t + d)):
            if 0 <= source < 7:
                expected[t] += inputs[source] @ taps[k]
    expected = np.maximum(expected + bias, 0) * mask
    side_by_side = np.concatenate(list(taps), axis=1)
    gaps = np.array([3, 6])
    assert neural_module.convolved(inputs @ side_by_side, d, bias, gaps) == pytest.approx(expected, abs=1e-5)


def test_word_stem_reads_the_bare_stem_and_the_article():
    assert neural_module.word_stem("والوزير", [("w", "والوزير"), ("s", "وزير"), ("al", "1")]) == "الوزير"
    assert neural_module.word_stem("وزير", [("w", "وزير"), ("s", "وزير")]) == "وزير"
    assert neural_module.word_stem("x", [("w", "x")]) == "x"


def test_bag_rows_are_each_words_rows_then_zero_rows(tmp_path: Path):
    tagger = random_tagger(tmp_path)
    words = ["كيري", "وزير", "الخارجية"]
    rows, _vectors = tagger._bag_rows_and_vectors(words)
    for word, padded in zip(words, rows.tolist()):
        own = neural_module.word_rows(word, tagger.attribute_rows, tagger.vector_rows)[0]
        assert padded[:len(own)] == own
        assert set(padded[len(own):]) <= {0}
    assert rows.shape[1] > max(len(neural_module.word_rows(w, tagger.attribute_rows, tagger.vector_rows)[0])
                               for w in words)
    assert tagger.networks[0].bag.dtype == np.float32 and not tagger.networks[0].bag[0].any()
