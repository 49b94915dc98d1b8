"""Segments grouped into persons: each name with its honorifics and the titles around it.

Titles before a name belong to it ("وزير الخارجية سامح شكري"); titles right
after a name belong to it too ("عمرو طلعت وزير الاتصالات"), unless the name
already has its titles before it and the titles lead to the next name
("الرئيس X رئيس الوزراء Y"). A title that opens with و starts a new item of a
list and never belongs to the name before it; one that opens with a preposition
("ونقل شكري لخادم الحرمين الشريفين") names someone else.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rasid.persons.context import PersonContext
from rasid.persons.parse import SEPARATORS, Segment

PRONOUN = "pronoun"  # honorifics.tsv kind of an honorific with "his/her" (سموه، معاليه)


@dataclass
class PersonFind:
    name: Segment
    honorifics: list[Segment] = field(default_factory=list)
    titles: list[Segment] = field(default_factory=list)


def _adjacent(ctx: PersonContext, left: Segment, right: Segment) -> bool:
    if left.last > right.first or not ctx.same_sentence(left.first, right.first):
        return False
    return all(ctx.tokens[k].text in SEPARATORS for k in range(left.last, right.first))


def _opens_item(ctx: PersonContext, segment: Segment) -> bool:
    return ctx.conjunction(segment.first)


def assemble(ctx: PersonContext, segments: list[Segment]) -> tuple[list[PersonFind], list[Segment]]:
    """Persons found, and the title segments that no name took (title references)."""
    segments = sorted(segments, key=lambda s: s.first)
    owned = [False] * len(segments)
    finds: list[PersonFind] = []
    for index, segment in enumerate(segments):
        if segment.kind != "name":
            continue
        owned[index] = True
        find = PersonFind(segment)
        _take_before(ctx, segments, owned, index, find)
        _take_after(ctx, segments, owned, index, find)
        finds.append(find)
    unowned_titles = [s for s, taken in zip(segments, owned) if s.kind == "title" and not taken]
    return finds, unowned_titles


def _take_before(ctx: PersonContext, segments: list[Segment], owned: list[bool], index: int, find: PersonFind) -> None:
    """Honorifics and titles right before the name; a separator may stand only next to the name
    ("وزير الخارجية الكويتي، صباح ..."), not between two titles of different persons."""
    k = index - 1
    right = segments[index]
    separated = False
    while k >= 0 and not owned[k] and segments[k].kind in ("honorific", "title") and _adjacent(ctx, segments[k], right):
        segment = segments[k]
        if segment.kind == "honorific" and segment.value.kind == PRONOUN and segment.last < right.first:
            break  # "الوفد المرافق لسموه، المستشار ... أحمد الخطيب": سموه stands for someone named before
            # (in construct it belongs to a title: "مدير مكتب معاليه السفير ...")
        if segment.kind == "honorific" and ctx.preposition(segment.first) and find.titles:
            owned[segments.index(find.titles[0])] = False
            find.titles.pop(0)  # "لسمو ولي ولي العهد وزير ...": the first title is the oblique person's
            break
        if segment.last < right.first:
            if separated:
                break
            separated = True
        owned[k] = True
        if segment.kind == "title":
            find.titles.insert(0, segment)
        elif not find.titles:
            find.honorifics.insert(0, segment)
        if _opens_item(ctx, segment) or segment.kind == "honorific" and find.titles:
            break  # "معالي وزير ... الدكتور فلان": an honorific before the titles opens the description
        right, k = segment, k - 1


def _take_after(ctx: PersonContext, segments: list[Segment], owned: list[bool], index: int, find: PersonFind) -> None:
    chain: list[int] = []
    left = segments[index]
    k = index + 1
    while k < len(segments) and segments[k].kind == "title" and _adjacent(ctx, left, segments[k]) \
            and not _opens_item(ctx, segments[k]) and ctx.preposition(segments[k].first) not in ("ل", "ب"):
        chain.append(k)
        left, k = segments[k], k + 1
    if not chain:
        return
    if find.titles and _leads_to_name(ctx, segments, k, left):
        return
    for c in chain:
        owned[c] = True
        find.titles.append(segments[c])


def _leads_to_name(ctx: PersonContext, segments: list[Segment], k: int, left: Segment) -> bool:
    while k < len(segments) and _adjacent(ctx, left, segments[k]) and not _opens_item(ctx, segments[k]):
        if segments[k].kind == "name":
            return True
        left, k = segments[k], k + 1
    return False
