"""In-article coreference of persons.

1. Persons whose name is part of another's (a surname «طلعت», a first name
   "سلمان", a spelling variant "أوهورو كنياتا") are merged into the fullest name.
2. Every further occurrence of a person's name forms (full name, surname,
   aliases) becomes a mention.
3. Title phrases without a name ("رئيس الوزراء الروسي"، "الوزير") refer to the
   latest person before them who holds a matching role.
4. Honorific pronouns (معاليه، فخامته، سموه) refer to the latest person with an honorific.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from rasid.doc import Doc, Entity, Role
from rasid.persons.context import PersonContext
from rasid.persons.countries import title_country
from rasid.persons.lexicon import first_names
from rasid.persons.titles import TitleSpan
from rasid.text.normalize import normalize_str

NAME_LINKS = ("بن", "ابن", "بنت", "ال", "ابو", "عبد")
COMPOUND_HEADS = ("عبد", "ابو", "بو")
FAMILY = "ال"  # آل normalized: "مريع" names "أحمد بن علي آل مريع"
COMPOUND_RE = re.compile(r"\b(عبد|ابو|بو)\s+")
HONORIFIC_PRONOUN = "ه"
TITLE_OVERLAP = 0.75


@lru_cache(maxsize=16384)
def name_key(name: str) -> tuple[str, ...]:
    """Normalized words of a name, "عبد الفتاح" written as one word."""
    return tuple(COMPOUND_RE.sub(r"\1", normalize_str(name)).split())


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """``short`` is a run of ``long`` that is not a father's name ("سلمان بن عبدالعزيز" in
    "محمد بن سلمان بن عبدالعزيز")."""
    n = len(short)
    return any(long[i:i + n] == short and (i == 0 or long[i - 1] not in NAME_LINKS)
               for i in range(len(long) - n + 1))


def _near_spelling(a: str, b: str) -> bool:
    """One letter inserted, deleted or changed: كيناتا / كنياتا, بوتين / بوتن."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 4:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diffs) == 1 or (len(diffs) == 2 and diffs[1] == diffs[0] + 1
                                   and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    words = iter(long)
    return all(any(w == s for w in words) for s in short)


def same_person(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """``short`` names the person of ``long``: a contiguous part of it, or the same name spelt differently.
    One word names the person only as its given name or its surname (also after آل), not as a father's
    name (بن عبدالعزيز)."""
    if len(short) == 1 and len(long) > 1:
        return short[0] == long[0] or short[0] == long[-1] and (long[-2] not in NAME_LINKS or long[-2] == FAMILY)
    if _contains(long, short):
        return True
    if 2 <= len(short) < len(long) and short[0] == long[0] and short[-1] == long[-1] and _subsequence(short, long):
        return True  # رائد قرملي = رائد بن خالد قرملي
    if len(short) == len(long) >= 2:
        return short[0] == long[0] and all(_near_spelling(a, b) for a, b in zip(short, long))
    return False


def merge_persons(persons: list[Entity]) -> list[Entity]:
    """Persons merged into the fullest name they are part of; returns the persons kept."""
    ordered = sorted(persons, key=lambda p: (-len(name_key(p.name)), p.first_offset))
    kept: list[Entity] = []
    by_word: dict[str, list[Entity]] = {}  # every word of a kept name -> the kept persons (the first word
    for person in ordered:                 # of a part or a variant is always a word of the fuller name)
        key = name_key(person.name)
        if not key:
            kept.append(person)
            continue
        targets = [k for k in by_word.get(key[0], []) if same_person(key, name_key(k.name))]
        if not targets:
            kept.append(person)
            for word in set(key):
                by_word.setdefault(word, []).append(person)
            continue
        target = min(targets, key=lambda k: _distance(k, person))
        _absorb(target, person)
    return kept


def _distance(candidate: Entity, person: Entity) -> tuple[int, int]:
    """Prefer the candidate mentioned latest before the person, else the nearest after."""
    before = [m.start for m in candidate.mentions if m.start <= person.first_offset]
    if before:
        return 0, person.first_offset - max(before)
    return 1, candidate.first_offset - person.first_offset


def _absorb(target: Entity, other: Entity) -> None:
    for mention in other.mentions:
        target.add_mention(mention)
    if normalize_str(other.name) != normalize_str(target.name):
        _add_alias(target, other.name)
    for alias in other.aliases:
        _add_alias(target, alias)
    for role in other.roles:
        add_role(target, role)
    target.country = target.country or other.country
    target.honorific = target.honorific or other.honorific


def _add_alias(entity: Entity, alias: str) -> None:
    key = name_key(alias)
    if key != name_key(entity.name) and all(name_key(a) != key for a in entity.aliases):
        entity.aliases.append(alias)


def add_role(entity: Entity, role: Role) -> None:
    """A role is added unless the person has it already, or it is a bare head of a fuller title
    ("الرئيس" beside "الرئيس المصري")."""
    key = name_key(role.title)
    for existing in entity.roles:
        other = name_key(existing.title)
        if other == key or (len(key) == 1 and key[0] in other):
            return
    entity.roles = [r for r in entity.roles if not (len(name_key(r.title)) == 1 and name_key(r.title)[0] in key)]
    entity.roles.append(role)


def add_name_mentions(ctx: PersonContext, persons: list[Entity]) -> None:
    """Every further occurrence of a person's full name, surname or alias. A form that several persons
    share (the surname of "باراك أوباما" and "أوما أوباما") names the one of them mentioned latest before
    it, and no one when none of them is."""
    taken = _taken_tokens(ctx)
    forms: dict[tuple[str, ...], list[Entity]] = {}
    for person in persons:
        for form in _name_forms(person):
            bearers = forms.setdefault(form, [])
            if person not in bearers:
                bearers.append(person)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for form in forms:
        by_first.setdefault(form[0], []).append(form)
    tokens = ctx.tokens
    i = 0
    while i < len(tokens):
        if tokens[i].stem not in by_first and tokens[i].stem not in COMPOUND_HEADS:
            i += 1
            continue
        match = _longest_form(ctx, forms, by_first, i, taken)
        if match is None:
            i += 1
            continue
        last, bearers = match
        # the token as a whole is the form ("لابرون", the surname of "فينسن لابرون"): no clitic to strip
        start = tokens[i].stem_start if tokens[i].stem in by_first else ctx.name_start(i)
        if ctx.definite(i) and normalize_str(ctx.doc.text[start:start + 2]) != "ال":
            i = last  # "للأسد": the article is elided, the name is not written as such
            continue
        person = bearers[0] if len(bearers) == 1 else latest_mentioned(bearers, start)
        if person is None:
            i = last
            continue
        mention = ctx.doc.mention(start, tokens[last - 1].end)
        person.add_mention(mention)
        if name_key(mention.text) != name_key(person.name):
            _add_alias(person, mention.text)
        i = last


def latest_mentioned(persons: list[Entity], offset: int) -> Entity | None:
    """The person with the latest mention that starts before ``offset``; None when none has one."""
    best, best_start = None, -1
    for person in persons:
        starts = [m.start for m in person.mentions if m.start < offset]
        if starts and max(starts) > best_start:
            best, best_start = person, max(starts)
    return best


def _name_forms(person: Entity) -> list[tuple[str, ...]]:
    key = name_key(person.name)
    forms = [key] + [name_key(a) for a in person.aliases]
    if len(key) >= 2 and not key[-2] in NAME_LINKS:
        forms.append(key[-1:])
    return [f for f in forms if f]


def _taken_tokens(ctx: PersonContext) -> list[bool]:
    taken = [False] * len(ctx.tokens)
    for entity in ctx.doc.entities:
        if entity.type in ("ORG", "COUNTRY", "LOCATION"):
            for mention in entity.mentions:
                for k in ctx.token_range(mention.start, mention.end):
                    taken[k] = True
    return taken


def _longest_form(ctx: PersonContext, forms: dict[tuple[str, ...], list[Entity]],
                  by_first: dict[str, list[tuple[str, ...]]], i: int,
                  taken: list[bool]) -> tuple[int, list[Entity]] | None:
    """The longest name form at token ``i`` (compared word by word, "عبد الفتاح" as one word) and the
    persons who bear it."""
    tokens = ctx.tokens
    if not ctx.is_word(i) or taken[i]:
        return None
    first = tokens[i].stem
    candidates = by_first.get(first, [])
    if first in COMPOUND_HEADS and ctx.is_word(i + 1):
        candidates = candidates + by_first.get(first + tokens[i + 1].norm, [])
    if not candidates:
        return None
    best = None
    for form in candidates:
        width = len(form) + 1
        words = [first] + [tokens[j].norm for j in range(i + 1, min(i + width, len(tokens)))
                           if ctx.is_word(j) and not taken[j]]
        for n in range(1, len(words) + 1):
            if name_key(" ".join(words[:n])) == form:
                if not (len(form) == 1 and _is_part_of_longer_name(ctx, i, i)):
                    if best is None or i + n > best[0]:
                        best = (i + n, forms[form])
                break
    return best


def _is_part_of_longer_name(ctx: PersonContext, i: int, j: int) -> bool:
    """A surname inside another name (سلمان in "محمد بن سلمان"): not a mention of its own."""
    return ctx.particle(i - 1) is not None if i > 0 else False


def resolve_title_references(ctx: PersonContext, persons: list[Entity], references: list[TitleSpan]) -> None:
    """"رئيس الوزراء الروسي" later in the text: a mention of the latest person with that role."""
    doc = ctx.doc
    recent = _MentionIndex(persons)
    for reference in references:
        if reference.head.kind == "counterpart":
            continue
        key = name_key(doc.text[reference.start:reference.end])
        if not reference.complement:  # "الوزير": the latest person whose role has that head
            head = _bare_word(key[0])

            def holds(p: Entity) -> bool:
                return any(_bare_word(name_key(r.title)[0]) == head for r in p.roles if r.title)
        else:
            country = title_country(ctx, reference)

            def holds(p: Entity) -> bool:
                return any(_title_match(key, name_key(r.title)) or _same_office(key, country, r) for r in p.roles)
        person = recent.latest_before(reference.start, holds)
        if person is not None:
            person.add_mention(doc.mention(reference.start, reference.end))


class _MentionIndex:
    """The persons' mentions in text order, to find the latest one before a position that fits."""

    LOOKBACK = 200  # mentions looked at before a reference

    def __init__(self, persons: list[Entity]):
        self.mentions = sorted(((m.start, i) for i, p in enumerate(persons) for m in p.mentions))
        self.starts = [start for start, _ in self.mentions]
        self.persons = persons

    def latest_before(self, position: int, fits) -> Entity | None:
        index = bisect.bisect_left(self.starts, position) - 1
        seen: set[int] = set()
        stop = max(index - self.LOOKBACK, -1)
        while index > stop:
            person_index = self.mentions[index][1]
            if person_index not in seen:
                seen.add(person_index)
                if fits(self.persons[person_index]):
                    return self.persons[person_index]
            index -= 1
        return None


def _same_office(reference: tuple[str, ...], country: str | None, role: Role) -> bool:
    """"رئيس الوزراء اليوناني" and "رئيس وزراء اليونان": one head word, one state."""
    title = name_key(role.title)
    bare = [_bare_word(w) for w in reference]
    return bool(country) and country == role.country and _bare_word(title[0]) == bare[0] \
        and set(bare) & {_bare_word(w) for w in title[1:]} != set()


def _bare_word(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _title_match(reference: tuple[str, ...], title: tuple[str, ...]) -> bool:
    if reference == title:
        return True
    common = len(set(reference) & set(title))
    return common / max(len(reference), len(title)) >= TITLE_OVERLAP


def resolve_honorific_pronouns(ctx: PersonContext, persons: list[Entity]) -> None:
    """معاليه، فخامته، سموه: the latest person before it with an honorific."""
    if not any(p.honorific for p in persons):
        return
    recent = _MentionIndex(persons)
    for i in ctx.segment_openings():
        token = ctx.tokens[i]
        match = ctx.honorific(i)
        if match is None or match.last != i + 1:
            continue
        pronoun = match.payload.kind == "pronoun" or (
            match.payload.kind == "style" and token.word_suffixes and token.word_suffixes[-1].form == HONORIFIC_PRONOUN)
        person = recent.latest_before(token.start, lambda p: bool(p.honorific)) if pronoun else None
        if person is not None:
            person.add_mention(ctx.doc.mention(token.stem_start, token.end))


def _lone_tagger_word(person: Entity) -> bool:
    """One word that only the NER tagger called a person, with no title, honorific or fuller name."""
    return person.source == "ner" and len(name_key(person.name)) == 1 and not person.roles \
        and not person.honorific and not person.aliases


def headline_end(doc: Doc) -> int:
    """The end of the headline when the text opens with the article's title, else 0."""
    title = (doc.article.title or "").strip()
    if not title:
        return 0
    start = len(doc.text) - len(doc.text.lstrip())
    return start + len(title) if doc.text.startswith(title, start) else 0


def _headline_only(person: Entity, end: int) -> bool:
    """Named only in the headline, with no honorific and no known given name: a real person in a
    headline is named in the story as well ("يبعثان ببرقيتي"، "مهرب هيروين" are headline words)."""
    return not person.honorific and name_key(person.name)[0] not in first_names() \
        and all(m.end <= end for m in person.mentions)


def resolve(doc: Doc, ctx: PersonContext, references: list[TitleSpan]) -> None:
    persons = doc.entities_of("PERSON")
    kept = [p for p in merge_persons(persons) if not _lone_tagger_word(p)]
    add_name_mentions(ctx, kept)
    end = headline_end(doc)
    if end:
        kept = [p for p in kept if not _headline_only(p, end)]
    doc.entities = [e for e in doc.entities if e.type != "PERSON" or e in kept]
    resolve_title_references(ctx, kept, references)
    resolve_honorific_pronouns(ctx, kept)
