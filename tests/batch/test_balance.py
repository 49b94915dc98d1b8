"""Work units over extraction tasks: JSON files cut in parts by size, parts packed evenly, slices by text."""
from __future__ import annotations

from rasid.batch.balance import MIN_PART_BYTES, InputFile, WorkUnit, plan_tasks, slice_bounds

MB = 1024 * 1024


def _covered(groups: list[list[WorkUnit]]) -> dict[str, list[int]]:
    parts: dict[str, list[int]] = {}
    for group in groups:
        for unit in group:
            parts.setdefault(unit.name, []).append(unit.part)
            assert 0 <= unit.part < unit.parts
    return {name: sorted(p) for name, p in parts.items()}


def test_every_part_of_every_file_in_exactly_one_task():
    files = [InputFile(f"/c/{n}.json.gz", (n % 5 + 1) * MB, True) for n in range(18)]
    groups = plan_tasks(files, 16)
    assert len(groups) == 16 and all(groups)
    covered = _covered(groups)
    assert set(covered) == {f.name for f in files}
    parts = {u.name: u.parts for g in groups for u in g}
    assert all(covered[name] == list(range(parts[name])) for name in covered)


def test_tasks_carry_about_the_same_bytes_largest_first():
    files = [InputFile(f"/c/{n}.json.gz", (n % 7 + 1) * MB, True) for n in range(18)]
    groups = plan_tasks(files, 16)
    loads = [sum(u.weight for u in g) for g in groups]
    assert loads == sorted(loads, reverse=True)
    assert max(loads) <= 1.5 * sum(loads) / len(loads)


def test_text_warc_and_small_files_stay_whole():
    files = [InputFile("/c/a.txt", 8 * MB, False), InputFile("/c/crawl.warc.gz", 8 * MB, False),
             InputFile("/c/small.json", MIN_PART_BYTES, True)]
    groups = plan_tasks(files, 8)
    assert len(groups) == 3  # no task without work
    assert all(u.parts == 1 for g in groups for u in g)


def test_one_big_json_file_is_spread_over_all_tasks():
    groups = plan_tasks([InputFile("/c/big.jsonl", 64 * MB, True)], 4)
    assert len(groups) == 4 and sum(len(g) for g in groups) == 8


def test_no_input_no_task():
    assert plan_tasks([], 4) == []


def test_slices_are_contiguous_and_even_by_weight():
    assert slice_bounds([10, 10, 10, 10], 2) == [0, 2, 4]
    assert slice_bounds([30, 1, 1, 1, 1, 1, 1], 2) == [0, 1, 7]
    assert slice_bounds([5], 3) in ([0, 0, 1, 1], [0, 1, 1, 1], [0, 0, 0, 1])
    assert slice_bounds([], 3) == [0, 0, 0, 0]
