"""Every record of the seed and the development articles validates and its spans match the text."""
from rasid.pipeline import process
from rasid.readers import read_inputs
from tests.record_checks import assert_record_valid


def test_seed_and_dev_articles_give_valid_records(shared_dir):
    items = list(read_inputs([str(shared_dir / "seed"), str(shared_dir / "corpora" / "meetings-dev")]))
    assert len(items) == 21
    for item in items:
        assert item.error is None, str(item.error)
        assert_record_valid(process(item.article))
