"""The quality gate: the gold sets in ../shared against floors pinned in floors.json.

Floors only ever rise: after an improvement, raise them to what `rasid eval` measures.
"""
import json
from pathlib import Path

import pytest

from rasid.evaluation.runner import evaluate
from rasid.evaluation.scoring import FIELDS
from rasid.settings import Settings
from tests.conftest import SHARED

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def evaluation():
    if not (SHARED / "gold").is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): the quality gate needs its gold sets")
    return evaluate(SHARED / "gold", [SHARED / "seed", SHARED / "corpora" / "meetings-dev"], Settings())


def test_every_gold_article_is_found_and_processed(evaluation):
    assert evaluation.errors == []
    assert len(evaluation.documents) == 21


@pytest.mark.parametrize("field", FIELDS)
def test_f1_is_at_or_above_its_floor(evaluation, field):
    f1 = evaluation.totals[field].f1
    assert f1 >= FLOORS[field] - 1e-9, f"{field}: F1 {f1:.3f} fell below its floor {FLOORS[field]:.3f}"


def test_the_seed_article_meets_its_own_floors(evaluation):
    seed = next(counts for name, counts in evaluation.documents.items() if name.startswith("000_"))
    for field, floor in FLOORS["seed"].items():
        assert seed[field].f1 >= floor - 1e-9, f"seed {field}: F1 {seed[field].f1:.3f} below {floor}"


def test_floors_cover_every_field():
    assert set(FIELDS) <= set(FLOORS)
