"""Work units over extraction tasks: tasks filled in file order with slices of JSON files, sizes
shrinking as the work runs out (or equal when the task count is given), slices by text."""
from __future__ import annotations

from rasid.batch.balance import MIN_PART_BYTES, InputFile, WorkUnit, plan_tasks, slice_range

MB = 1024 * 1024


def _slices(groups: list[list[WorkUnit]]) -> dict[str, list[tuple[float, float]]]:
    slices: dict[str, list[tuple[float, float]]] = {}
    for group in groups:
        for unit in group:
            slices.setdefault(unit.name, []).append((unit.start, unit.end))
    return {name: sorted(s) for name, s in slices.items()}


def _tiles_the_file(slices: list[tuple[float, float]]) -> bool:
    """The slices cover 0 .. 1 exactly once: each starts where the one before ends."""
    return (slices[0][0] == 0.0 and slices[-1][1] == 1.0
            and all(a[1] == b[0] and a[0] < a[1] for a, b in zip(slices, slices[1:])))


def _loads(groups: list[list[WorkUnit]]) -> list[float]:
    return [sum(u.weight for u in g) for g in groups]


def test_every_slice_of_every_file_in_exactly_one_task():
    files = [InputFile(f"/c/{n}.json.gz", (n % 5 + 1) * MB, True) for n in range(18)]
    for groups in (plan_tasks(files, 2), plan_tasks(files, 8), plan_tasks(files, 2, tasks=16)):
        assert all(groups)
        slices = _slices(groups)
        assert set(slices) == {f.name for f in files}
        assert all(_tiles_the_file(s) for s in slices.values())
        assert abs(sum(_loads(groups)) - sum(f.size for f in files)) < 1


def test_guided_tasks_shrink_as_the_work_runs_out():
    files = [InputFile(f"/c/{n}.json.gz", (n % 7 + 1) * MB, True) for n in range(18)]
    total = sum(f.size for f in files)
    loads = _loads(plan_tasks(files, 2))
    assert loads == sorted(loads, reverse=True)
    assert abs(loads[0] - total / 4) < MIN_PART_BYTES  # a quarter of the work for 2 cores
    assert loads[-1] < total / 50  # the last tasks are short: the cores finish together
    assert all(load >= MIN_PART_BYTES for load in loads)


def test_a_task_count_gives_tasks_of_equal_size():
    files = [InputFile(f"/c/{n}.json.gz", (n % 7 + 1) * MB, True) for n in range(18)]
    loads = _loads(plan_tasks(files, 2, tasks=16))
    assert len(loads) == 16
    assert max(loads) - min(loads) <= 2 * MIN_PART_BYTES


def test_text_warc_and_small_files_stay_whole():
    files = [InputFile("/c/a.txt", 8 * MB, False), InputFile("/c/crawl.warc.gz", 8 * MB, False),
             InputFile("/c/small.json", MIN_PART_BYTES, True)]
    groups = plan_tasks(files, 1, tasks=8)
    assert len(groups) == 3  # no task without work
    assert all(u.whole for g in groups for u in g)


def test_one_big_json_file_is_spread_over_all_tasks():
    groups = plan_tasks([InputFile("/c/big.jsonl", 64 * MB, True)], 2, tasks=4)
    assert len(groups) == 4 and all(len(g) == 1 for g in groups)
    assert _tiles_the_file(_slices(groups)["/c/big.jsonl"])


def test_no_slice_is_smaller_than_the_minimum():
    groups = plan_tasks([InputFile("/c/day.json", 3 * MIN_PART_BYTES // 2, True)], 2, tasks=16)
    assert len(groups) == 1 and groups[0][0].whole


def test_no_input_no_task():
    assert plan_tasks([], 4) == []


def test_slices_are_contiguous_and_even_by_weight():
    assert slice_range([10, 10, 10, 10], 0.0, 0.5) == (0, 2)
    assert slice_range([10, 10, 10, 10], 0.5, 1.0) == (2, 4)
    assert slice_range([30, 1, 1, 1, 1, 1, 1], 0.0, 0.5) == (0, 1)
    assert slice_range([30, 1, 1, 1, 1, 1, 1], 0.5, 1.0) == (1, 7)
    assert slice_range([5], 0.0, 0.3) == (0, 0) and slice_range([5], 0.3, 1.0) == (0, 1)
    assert slice_range([], 0.0, 1.0) == (0, 0)


def test_slices_share_out_every_item_once():
    weights = [7, 1, 300, 2, 2, 90, 5, 5, 5, 41]
    cuts = [0.0, 0.13, 0.2, 0.61, 0.62, 0.9, 1.0]
    ranges = [slice_range(weights, a, b) for a, b in zip(cuts, cuts[1:])]
    assert [i for first, last in ranges for i in range(first, last)] == list(range(len(weights)))
