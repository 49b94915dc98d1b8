"""Spreading the articles over the extraction tasks evenly, with neither a driver-side read nor a shuffle.

The driver knows only the input files and their sizes. ``plan_tasks`` cuts every JSON or JSON Lines
file (gzipped or not) into about as many parts as its share of the bytes calls for (``UNITS_PER_TASK``
parts per task on average), never a part smaller than ``MIN_PART_BYTES``; a text file or a WARC
archive is one part. It then packs the parts into the tasks, largest first, each into the task with
the fewest bytes so far (greedy), and orders the tasks largest first, so that the engine starts the
longest ones first. The task that runs a part reads its file and keeps only that part's articles:
``slice_bounds`` cuts the file's objects into contiguous slices of about equal text, the same cut in
every task, so every article is in exactly one part.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass

UNITS_PER_TASK = 2
MIN_PART_BYTES = 256 * 1024


@dataclass(frozen=True)
class InputFile:
    name: str  # what its articles are named after, and what the task opens
    size: int  # bytes (compressed, for a .gz file)
    splittable: bool  # whether its articles can be cut into parts (JSON, JSON Lines)


@dataclass(frozen=True)
class WorkUnit:
    """Part ``part`` of ``parts`` of one input file."""

    name: str
    size: int
    part: int = 0
    parts: int = 1

    @property
    def weight(self) -> float:
        return self.size / self.parts


def file_parts(file: InputFile, target_bytes: float) -> int:
    if not file.splittable or target_bytes <= 0:
        return 1
    return max(1, min(round(file.size / target_bytes), file.size // MIN_PART_BYTES))


def plan_tasks(files: list[InputFile], tasks: int) -> list[list[WorkUnit]]:
    """The work units of each task (no task empty; fewer tasks than asked when there are fewer units)."""
    target = sum(f.size for f in files) / (tasks * UNITS_PER_TASK)
    units = [WorkUnit(f.name, f.size, part, parts)
             for f in files for parts in (file_parts(f, target),) for part in range(parts)]
    units.sort(key=lambda u: (-u.weight, u.name, u.part))
    heap = [(0.0, task) for task in range(min(tasks, len(units)))]
    groups: list[list[WorkUnit]] = [[] for _ in heap]
    for unit in units:
        load, task = heapq.heappop(heap)
        groups[task].append(unit)
        heapq.heappush(heap, (load + unit.weight, task))
    return sorted(groups, key=lambda group: -sum(u.weight for u in group))


def slice_bounds(weights: list[int], parts: int) -> list[int]:
    """``parts + 1`` indices cutting ``weights`` into contiguous slices of about equal total weight:
    slice k is ``[bounds[k], bounds[k+1])``; an item goes to the slice its weight's midpoint falls in."""
    total = sum(weights)
    bounds = [0]
    cumulative = 0
    index = 0
    for k in range(1, parts):
        cut = total * k / parts
        while index < len(weights) and cumulative + weights[index] / 2 < cut:
            cumulative += weights[index]
            index += 1
        bounds.append(index)
    bounds.append(len(weights))
    return bounds
