"""Organization lexicons: head nouns, well-known bodies, and the words that bound a name."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rasid.lang import load_list, load_table
from rasid.lang.matcher import PhraseMatcher, phrase_key
from rasid.lang.wordsets import normalized_words, word_set
from rasid.text.normalize import normalize_str

ARTICLE = "ال"
HEAD_CLASSES = frozenset({"strong", "medium", "weak", "ellipsis"})


@dataclass(frozen=True)
class Head:
    key: str  # the head without the article, normalized (one word or several)
    kind: str  # strong | medium | weak | ellipsis
    definite: bool


@dataclass(frozen=True)
class KnownOrg:
    canonical: str
    country: str | None
    aliases: tuple[str, ...]


def _bare(stem: str) -> str:
    return stem[len(ARTICLE):] if stem.startswith(ARTICLE) and len(stem) > len(ARTICLE) + 1 else stem


@lru_cache(maxsize=1)
def head_matcher() -> PhraseMatcher[Head]:
    """Every head in its indefinite and definite form (مجلس / المجلس)."""
    matcher: PhraseMatcher[Head] = PhraseMatcher()
    for head, kind in load_table("org_heads.tsv", 2):
        if kind not in HEAD_CLASSES:
            raise ValueError(f"org_heads.tsv: unknown class {kind!r} for {head!r}")
        words = head.split()
        bare = " ".join([_bare(normalize_str(words[0]))] + [normalize_str(w) for w in words[1:]])
        indefinite = " ".join([words[0][len(ARTICLE):] if words[0].startswith(ARTICLE) else words[0]] + words[1:])
        definite = ARTICLE + indefinite
        if not head.startswith(ARTICLE):
            matcher.add(indefinite, Head(bare, kind, False))
        matcher.add(definite, Head(bare, kind, True))
    return matcher


@lru_cache(maxsize=1)
def head_stems() -> frozenset[str]:
    """Single-word heads, bare and definite stems, for "does a new name start here"."""
    stems = set()
    for head, _kind in load_table("org_heads.tsv", 2):
        first = normalize_str(head.split()[0])
        stems.update({_bare(first), ARTICLE + _bare(first)})
    return frozenset(stems)


@lru_cache(maxsize=1)
def indefinite_heads() -> dict[str, Head]:
    """Single-word heads without the article, normalized: وزاره -> its Head."""
    heads = {}
    for head, kind in load_table("org_heads.tsv", 2):
        if " " not in head and not head.startswith(ARTICLE):
            key = normalize_str(head)
            heads[key] = Head(key, kind, False)
    return heads


@lru_cache(maxsize=1)
def known_org_matcher() -> PhraseMatcher[KnownOrg]:
    matcher: PhraseMatcher[KnownOrg] = PhraseMatcher()
    for name, country, aliases in load_table("org_known.tsv", 3):
        forms = [a.strip() for a in aliases.split("|") if a.strip()]
        org = KnownOrg(name, country or None, tuple(forms))
        for form in [name] + forms:
            matcher.add(form, org)
    return matcher


def stop_words() -> frozenset[str]:
    return word_set("org_stop_words.txt")


def generic_modifiers() -> frozenset[str]:
    return word_set("org_generic_modifiers.txt")


def international_markers() -> frozenset[str]:
    return word_set("org_international_markers.txt")


def adjective_words() -> frozenset[str]:
    return word_set("org_adjective_words.txt")


def news_words() -> frozenset[str]:
    return word_set("org_news_words.txt")


def eponym_words() -> frozenset[str]:
    return word_set("org_eponym_words.txt")


@lru_cache(maxsize=1)
def purpose_words() -> frozenset[str]:
    """Bare stems: "للتعاون" and "لتعزيز" both reach here as تعاون / تعزيز."""
    return frozenset(_bare(w) for w in word_set("org_purpose_words.txt"))


@lru_cache(maxsize=1)
def field_words() -> frozenset[str]:
    """Bare stems of a title's field (شؤون): after ل they end a name only when indefinite (لشؤون)."""
    return frozenset(_bare(w) for w in word_set("org_field_words.txt"))


@lru_cache(maxsize=1)
def relay_cues() -> frozenset[str]:
    return normalized_words("org_relay_cues.txt")


@lru_cache(maxsize=1)
def not_names() -> frozenset[tuple[str, ...]]:
    return frozenset(phrase_key(p) for p in load_list("org_not_names.txt"))


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words that are rarely part of a name (derived from NER corpora; see common_words.txt)."""
    return frozenset(normalize_str(w) for w in load_list("common_words.txt"))


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Single-word heads of persons' titles (the persons lexicon): "ووزير الدفاع" starts a title."""
    words = set()
    for row in load_table("title_heads.tsv", 3):
        if " " not in row[0]:
            words.add(normalize_str(row[0]))
    return frozenset(words)


@lru_cache(maxsize=1)
def chair_heads() -> frozenset[str]:
    """Bare heads that are also the verbal noun of chairing (رئاسة), see org_chair_heads.txt."""
    return frozenset(_bare(w) for w in word_set("org_chair_heads.txt"))


@lru_cache(maxsize=1)
def person_opening_words() -> frozenset[str]:
    """Words that open a person's mention: single-word title heads and the first words of honorifics."""
    honorifics = {normalize_str(row[0].split()[0]) for row in load_table("honorifics.tsv", 2)}
    return title_words() | frozenset(honorifics)


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Persons' first names (the persons lexicon's derived list): no organization's proper name."""
    return normalized_words("person_first_names.txt")


@lru_cache(maxsize=1)
def organization_name_words() -> frozenset[str]:
    """Words of organization names (the NER gazetteer: ميتسوبيشي، لوكهيد)."""
    return frozenset(normalize_str(w) for entry in load_list("ner_organization_names.txt") for w in entry.split())


@lru_cache(maxsize=1)
def part_of_matcher() -> PhraseMatcher[bool]:
    return PhraseMatcher((phrase, True) for phrase in load_list("org_part_of.txt"))


@lru_cache(maxsize=1)
def outlet_heads() -> frozenset[str]:
    """Heads of news outlets: an outlet that only relays the story is no organization."""
    return frozenset(_bare(w) for w in word_set("org_outlet_heads.txt"))
