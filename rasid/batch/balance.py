"""Spreading the articles over the extraction tasks, with neither a driver-side read nor a shuffle.

The driver knows only the input files and their sizes. ``plan_tasks`` first decides how many bytes
each task gets, then walks the files in name order and fills the tasks one after the other, cutting
a JSON or JSON Lines file (gzipped or not) where a task is full: a task's work units are contiguous
slices of files, given as fractions of a file's text (``WorkUnit.start`` .. ``end``). A text file or a
WARC archive is never cut, and no slice is smaller than ``MIN_PART_BYTES``.

Task sizes, by default, shrink as the work runs out ("guided" scheduling): each task takes
``1 / (GUIDED_SHARE * cores)`` of what is left, down to a smallest task of ``1 / SMALLEST_TASK_SHARE``
of the input. The engine starts the tasks in order, largest first; the last tasks are short, so the
cores finish close together instead of one core idling while another ends a task as long as the
others. With a task count set by the user the tasks are of equal size.

The task that runs a unit reads its file and keeps only that slice's articles: ``slice_range``
gives each article to the slice its text's midpoint falls in, the same rule in every task, so that
every article is in exactly one unit.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

MIN_PART_BYTES = 128 * 1024
GUIDED_SHARE = 2  # a task takes 1 / (GUIDED_SHARE * cores) of the remaining bytes
SMALLEST_TASK_SHARE = 256  # ... but at least 1 / SMALLEST_TASK_SHARE of all bytes (and MIN_PART_BYTES)


@dataclass(frozen=True)
class InputFile:
    name: str  # what its articles are named after, and what the task opens
    size: int  # bytes (compressed, for a .gz file)
    splittable: bool  # whether its articles can be cut into parts (JSON, JSON Lines)


@dataclass(frozen=True)
class WorkUnit:
    """The slice ``start`` .. ``end`` (fractions of its text, 0 .. 1) of one input file."""

    name: str
    size: int
    start: float = 0.0
    end: float = 1.0

    @property
    def weight(self) -> float:
        return self.size * (self.end - self.start)

    @property
    def whole(self) -> bool:
        return self.start == 0.0 and self.end == 1.0


def guided_sizes(total: float, cores: int) -> Iterator[float]:
    """Bytes per task, shrinking with what is left (see the module's docstring); they add up to ``total``."""
    smallest = max(total / SMALLEST_TASK_SHARE, MIN_PART_BYTES)
    left = total
    while left > 0:
        size = min(left, max(left / (GUIDED_SHARE * cores), smallest))
        yield size
        left -= size


def equal_sizes(total: float, tasks: int) -> Iterator[float]:
    for _ in range(tasks):
        yield total / tasks


class _Packer:
    """Fills tasks one after the other with slices of files, each task up to its planned bytes."""

    def __init__(self, sizes: Iterator[float]):
        self.sizes = sizes
        self.groups: list[list[WorkUnit]] = []
        self.group: list[WorkUnit] = []
        self.room = next(self.sizes, float("inf"))

    def close(self) -> None:
        if self.group:
            self.groups.append(self.group)
        self.group = []
        self.room = next(self.sizes, float("inf"))  # the last task takes what rounding left over

    def add(self, unit: WorkUnit) -> None:
        self.group.append(unit)
        self.room -= unit.weight
        if self.room <= 0:
            self.close()

    def add_file(self, file: InputFile) -> None:
        if not file.splittable or file.size == 0:
            self.add(WorkUnit(file.name, file.size))
            return
        start = 0.0
        while True:
            left = file.size * (1.0 - start)
            take = max(self.room, MIN_PART_BYTES)
            if left - take < MIN_PART_BYTES:  # the rest fits (or would leave a sliver): take it all
                self.add(WorkUnit(file.name, file.size, start, 1.0))
                return
            end = start + take / file.size
            self.add(WorkUnit(file.name, file.size, start, end))
            start = end


def plan_tasks(files: list[InputFile], cores: int, tasks: int | None = None) -> list[list[WorkUnit]]:
    """The work units of each task, in the order the engine should start them; no task is empty.
    ``tasks``: that many tasks of equal size (fewer when the input is small); by default guided sizes
    for ``cores`` task slots."""
    total = float(sum(f.size for f in files))
    packer = _Packer(equal_sizes(total, tasks) if tasks else guided_sizes(total, max(cores, 1)))
    for file in files:
        packer.add_file(file)
    packer.close()
    return sorted(packer.groups, key=lambda group: -sum(unit.weight for unit in group))


def slice_range(weights: list[int], start: float, end: float) -> tuple[int, int]:
    """The items ``[first, last)`` of slice ``start`` .. ``end`` (fractions of the total weight): an
    item belongs to the slice its weight's midpoint falls in. Slices that tile 0 .. 1 share out
    every item exactly once."""
    total = sum(weights) or 1
    midpoints, cumulative = [], 0
    for weight in weights:
        midpoints.append((cumulative + weight / 2) / total)
        cumulative += weight
    first = next((i for i, m in enumerate(midpoints) if m >= start), len(weights))
    last = next((i for i, m in enumerate(midpoints) if m >= end), len(weights))
    return first, max(first, last)
