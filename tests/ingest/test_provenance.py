"""The model version covers a custom NER model and the neural file beside it."""
import shutil
from pathlib import Path

from rasid.ingest.provenance import _data_digest, model_version
from rasid.ner.model import bundled_model_path, neural_model_path
from rasid.settings import Settings


def test_model_version_changes_when_a_neural_file_appears_beside_the_model(tmp_path: Path):
    model = tmp_path / "m.crfsuite"
    shutil.copyfile(bundled_model_path(), model)
    settings = Settings(ner_model=str(model))
    before = model_version(settings)
    _data_digest.cache_clear()
    assert model_version(settings) == before
    neural_model_path(model).write_bytes(b"a neural model")
    _data_digest.cache_clear()
    after = model_version(settings)
    assert after != before
    neural_model_path(model).write_bytes(b"another neural model")
    _data_digest.cache_clear()
    assert model_version(settings) not in (before, after)


def test_model_version_tells_the_crf_alone_from_the_ensemble():
    assert model_version(Settings(ner_neural=False)) != model_version(Settings())
