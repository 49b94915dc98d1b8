"""CRF + neural scores decoded together; load_decoder picks the ensemble only when a neural file lies beside
the CRF model."""
import shutil
from pathlib import Path

import numpy as np
import pytest

from rasid.ner.decoder import Decoder, viterbi
from rasid.ner.ensemble import EnsembleDecoder
from rasid.ner.model import ModelError, bundled_model_path, load_decoder, load_tagger, neural_model_path
from rasid.ner.neural import TAGS
from tests.ner.neural_fixtures import SENTENCES, norms_of, random_tagger, write_random_model


@pytest.fixture
def crf() -> Decoder:
    return Decoder(load_tagger())


def test_weight_zero_tags_exactly_as_the_crf(tmp_path: Path, crf: Decoder):
    sequences = norms_of(SENTENCES) + [[]]
    ensemble = EnsembleDecoder(crf, random_tagger(tmp_path), weight=0.0)
    assert ensemble.labels == crf.labels
    assert ensemble.tag_many(sequences) == crf.tag_many(sequences)
    assert ensemble.tag(sequences[0]) == crf.tag(sequences[0])


def test_scores_are_the_crf_scores_plus_weighted_neural_scores_in_crf_label_order(tmp_path: Path, crf: Decoder):
    neural = random_tagger(tmp_path)
    sequences = norms_of(SENTENCES)
    ensemble = EnsembleDecoder(crf, neural, weight=0.7)
    columns = [TAGS.index(label) for label in crf.labels]
    assert columns != list(range(len(columns)))  # the label orders differ: the permutation is exercised
    expected = crf.emissions(sequences) + 0.7 * neural.scores(sequences)[:, columns]
    assert ensemble.emissions(sequences) == pytest.approx(expected)
    transitions = crf.transitions + 0.7 * neural.transitions[np.ix_(columns, columns)]
    assert ensemble.transitions == pytest.approx(transitions)
    paths = viterbi(expected, [len(s) for s in sequences], transitions)
    assert ensemble.tag_many(sequences) == [[crf.labels[i] for i in path] for path in paths]


def test_the_weight_comes_from_the_model_file(tmp_path: Path, crf: Decoder):
    neural = random_tagger(tmp_path, weight=0.25)
    assert EnsembleDecoder(crf, neural).weight == 0.25


def test_a_strong_neural_model_changes_the_tags(tmp_path: Path, crf: Decoder):
    sequences = norms_of(SENTENCES)
    neural = random_tagger(tmp_path)
    assert EnsembleDecoder(crf, neural, weight=100.0).tag_many(sequences) != crf.tag_many(sequences)


@pytest.fixture
def crf_copy(tmp_path: Path) -> Path:
    path = tmp_path / "m.crfsuite"
    shutil.copyfile(bundled_model_path(), path)
    return path


def test_load_decoder_is_the_crf_alone_without_a_neural_file(crf_copy: Path):
    assert not neural_model_path(crf_copy).exists()
    assert type(load_decoder(str(crf_copy))) is Decoder


def test_load_decoder_is_the_ensemble_with_a_neural_file_beside(crf_copy: Path):
    write_random_model(neural_model_path(crf_copy), weight=0.5)
    assert neural_model_path(crf_copy).name == "m.cnn.npz"
    decoder = load_decoder(str(crf_copy))
    assert isinstance(decoder, EnsembleDecoder) and decoder.weight == 0.5
    assert type(load_decoder(str(crf_copy), neural=False)) is Decoder


def test_load_decoder_with_a_bad_neural_file_is_model_error(crf_copy: Path):
    neural_model_path(crf_copy).write_bytes(b"garbage")
    with pytest.raises(ModelError, match="m.cnn.npz is not readable"):
        load_decoder(str(crf_copy))


def test_bundled_decoder_is_the_ensemble_of_the_bundled_crf_and_network():
    assert neural_model_path(bundled_model_path()).exists()
    decoder = load_decoder()
    assert type(decoder) is EnsembleDecoder
    assert type(load_decoder(neural=False)) is Decoder
    words = norms_of(["استقبل الرئيس عبدالفتاح السيسي وزير الخارجية الروسي سيرجي لافروف في القاهرة ."])
    tags = decoder.tag_many(words)[0]
    assert len(tags) == len(words[0]) and tags[2:4] == ["B-PERS", "I-PERS"]


def test_ensemble_pickles(tmp_path: Path, crf: Decoder):
    import pickle

    sequences = norms_of(SENTENCES)
    ensemble = EnsembleDecoder(crf, random_tagger(tmp_path))
    assert pickle.loads(pickle.dumps(ensemble)).tag_many(sequences) == ensemble.tag_many(sequences)


def test_scores_are_the_two_taggers_sums_to_the_last_bit_and_the_taggers_keep_their_own_types(
        tmp_path: Path, crf: Decoder):
    neural = random_tagger(tmp_path)
    sequences = norms_of(SENTENCES)
    ensemble = EnsembleDecoder(crf, neural, weight=0.7)
    columns = [TAGS.index(label) for label in crf.labels]
    first = ensemble.emissions(sequences)
    crf.tag_many(sequences[::-1])  # the given taggers fill their own type tables, in another order
    neural.tag_many(sequences[::-1])
    assert np.array_equal(first, crf.emissions(sequences) + 0.7 * neural.scores(sequences)[:, columns])
    assert np.array_equal(ensemble.emissions(sequences), first)


def test_a_new_word_type_is_described_once_for_both_taggers(tmp_path: Path, crf: Decoder, monkeypatch):
    from rasid.ner import ensemble as ensemble_module

    described = []
    word_attributes = ensemble_module.word_attributes
    monkeypatch.setattr(ensemble_module, "word_attributes", lambda norm: described.append(norm) or word_attributes(norm))
    sequences = norms_of(SENTENCES)
    ensemble = EnsembleDecoder(crf, random_tagger(tmp_path), weight=0.7)
    tags = ensemble.tag_many(sequences)
    assert sorted(described) == sorted({norm for norms in sequences for norm in norms})
    assert ensemble.tag_many(sequences) == tags and len(described) == len(set(described))


def test_the_shared_type_table_is_emptied_when_full_and_tags_stay_the_same(tmp_path: Path, crf: Decoder,
                                                                         monkeypatch):
    from rasid.ner import decoder as decoder_module
    from rasid.ner import neural as neural_module

    sequences = norms_of(SENTENCES)
    expected = [EnsembleDecoder(crf, random_tagger(tmp_path), weight=0.7).tag(norms) for norms in sequences]
    monkeypatch.setattr(decoder_module, "TYPE_TABLE_SIZE", 12)
    monkeypatch.setattr(neural_module, "TYPE_TABLE_SIZE", 12)
    ensemble = EnsembleDecoder(crf, random_tagger(tmp_path), weight=0.7)
    for _round in range(2):
        assert [ensemble.tag(norms) for norms in sequences] == expected
        assert len(ensemble.type_ids) <= max(12, max(len(set(norms)) for norms in sequences))
