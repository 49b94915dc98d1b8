"""The folded CRF tables: same tags as the decoder built from crfsuite, same bytes when folded again,
read only for the model they were folded from."""
import shutil
from pathlib import Path

import numpy as np
import pytest

from rasid.ner import folded as folded_module
from rasid.ner.decoder import Decoder
from rasid.ner.folded import fold_model, folded_path, read_folded
from rasid.ner.model import ModelError, bundled_model_path, load_decoder, load_tagger
from rasid.text.normalize import normalize_str

SENTENCES = [
    "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في الرياض وزير الخارجية الأمريكي جون كيري .",
    "وقال المتحدث باسم وزارة الداخلية اللواء منصور التركي إن الأجهزة الأمنية أحبطت مخططا .",
    "وأعلنت شركة أرامكو السعودية عن أرباح بلغت 12.5 مليار دولار",
    "سعيد",
]


@pytest.fixture()
def model(tmp_path: Path) -> Path:
    copy = tmp_path / "ner-crf.crfsuite"
    shutil.copyfile(bundled_model_path(), copy)
    return copy


def _norms(sentence: str) -> list[str]:
    return [normalize_str(word) or word for word in sentence.split()]


def test_folded_decoder_tags_and_tables_are_the_crfsuite_decoders(model: Path):
    fold_model(model)
    folded = read_folded(model)
    built = Decoder(load_tagger(str(model)))
    sequences = [_norms(s) for s in SENTENCES] + [[]]
    assert folded.weights is None and folded.fast
    assert folded.tag_many(sequences) == built.tag_many(sequences)
    assert folded.tag_many(sequences) == built.tag_many(sequences)  # types from the table now
    assert folded.labels == built.labels and folded.rows == built.rows and folded.cluster_ids == built.cluster_ids
    for name in ("transitions", "blocks", "bias", "before", "after", "type_scores", "type_clusters"):
        assert np.array_equal(getattr(folded, name)[:1 if name.startswith("type") else None],
                              getattr(built, name)[:1 if name.startswith("type") else None]), name
    assert folded.word_pairs.keys() == built.word_pairs.keys()
    assert all(np.array_equal(folded.word_pairs[k], v) for k, v in built.word_pairs.items())


def test_folding_again_writes_the_same_bytes(model: Path):
    first = fold_model(model).read_bytes()
    assert fold_model(model).read_bytes() == first
    assert folded_path(model).name == "ner-crf.crf.npz"


def test_a_folded_file_of_another_model_is_not_read(model: Path):
    fold_model(model)
    model.write_bytes(model.read_bytes() + b"\0")  # the model changed after folding
    with pytest.warns(UserWarning, match="folded from another"):
        assert read_folded(model) is None


def test_a_folded_file_made_under_other_feature_templates_is_not_read(model: Path, monkeypatch):
    fold_model(model)
    monkeypatch.setattr(folded_module, "BIAS", ("bias",))
    with pytest.warns(UserWarning, match="other feature templates"):
        assert read_folded(model) is None


def test_no_folded_file_reads_as_none_and_an_unreadable_one_is_model_error(model: Path):
    assert read_folded(model) is None
    folded_path(model).write_bytes(b"not a zip file")
    with pytest.raises(ModelError, match="is not readable") as caught:
        read_folded(model)
    assert "\n" not in str(caught.value)


def test_load_decoder_reads_the_folded_tables_beside_the_model(model: Path):
    fold_model(model)
    assert load_decoder(str(model)).weights is None  # not built from crfsuite


def test_the_bundled_model_ships_its_folded_tables():
    decoder = read_folded(bundled_model_path())
    assert decoder is not None  # folded from the bundled model as it is (the sha256 matches)
