"""Gender agreement of a reporting cue with its speaker: "وقالت ..." is not said by a man,
"مشيرا ..." not by a ministry (وزارة). Genders are known only from positive evidence; an
entity or cue of unknown gender agrees with anything."""
from __future__ import annotations

from functools import lru_cache

from rasid.doc import Entity
from rasid.lang import LanguageDataError, load_list, load_table
from rasid.lang.orgs import head_stems
from rasid.persons.lexicon import bare_word
from rasid.text.normalize import normalize_str

FEMININE, MASCULINE, EITHER = "f", "m", "-"
GENDERS = (FEMININE, MASCULINE, EITHER)
FEMININE_ENDINGS = ("ه", "ات")  # normalized ة; a plural in ات agrees as a feminine singular
PERFECT_FEMININE = "ت"  # قالت / قال
IMPERFECT = ("ت", "ي")  # تقول / يقول
PARTICIPLE = ("ة", "ا")  # مؤكدة / مؤكدا
WORD_KINDS = ("given", "address", "kinship")  # a first name, a word of the honorific, a word inside the name


@lru_cache(maxsize=1)
def gender_words() -> dict[str, dict[str, str]]:
    """person_gender_words.tsv by kind (given, address, kinship): normalized word, without the
    article -> gender (- for a name borne by both). Male given names are the common given names
    not listed there."""
    words: dict[str, dict[str, str]] = {kind: {} for kind in WORD_KINDS}
    for word in load_list("person_first_names_common.txt"):
        words["given"][bare_word(word)] = MASCULINE
    for word, gender, kind in load_table("person_gender_words.tsv", 3):
        if gender not in GENDERS or kind not in WORD_KINDS:
            raise LanguageDataError(f"person_gender_words.tsv: bad row {word!r} {gender!r} {kind!r}")
        words[kind][bare_word(word)] = gender
    return words


@lru_cache(maxsize=1)
def title_genders() -> dict[str, str]:
    """Title heads that have a form of the other gender in title_heads.tsv (وزير / وزيرة)."""
    heads = {bare_word(phrase.split()[0]) for phrase, _k, _c in load_table("title_heads.tsv", 3)}
    genders: dict[str, str] = {}
    for head in heads:
        if head.endswith("ه") and head[:-1] in heads:
            genders[head], genders[head[:-1]] = FEMININE, MASCULINE
    return genders


def cue_gender(form: str, forms: frozenset[str]) -> str | None:
    """The gender of a reporting verb or participle, from its counterpart among the cue forms."""
    pairs = ((form.endswith(PERFECT_FEMININE), form[:-1], FEMININE), (True, form + PERFECT_FEMININE, MASCULINE),
             (form.startswith(IMPERFECT[0]), IMPERFECT[1] + form[1:], FEMININE),
             (form.startswith(IMPERFECT[1]), IMPERFECT[0] + form[1:], MASCULINE),
             (form.endswith(PARTICIPLE[0]), form[:-1] + PARTICIPLE[1], FEMININE),
             (form.endswith(PARTICIPLE[1]), form[:-1] + PARTICIPLE[0], MASCULINE))
    return next((gender for applies, counterpart, gender in pairs if applies and counterpart in forms), None)


@lru_cache(maxsize=4096)
def _person_gender(person: str, honorific: str | None, titles: tuple[str, ...]) -> str | None:
    words = gender_words()
    evidence: set[str] = set()
    name = [bare_word(w) for w in normalize_str(person).split()]
    if name and name[0] in words["given"]:
        evidence.add(words["given"][name[0]])
    evidence.update(words["kinship"][w] for w in name[1:-1] if w in words["kinship"])
    evidence.update(words["address"][bare_word(w)] for w in normalize_str(honorific or "").split()
                    if bare_word(w) in words["address"])
    for title in titles:  # a woman may hold a title in its masculine form (مساعد مدير): only وزيرة tells
        head = normalize_str(title).split()[:1]
        if head and title_genders().get(bare_word(head[0])) == FEMININE:
            evidence.add(FEMININE)
    evidence.discard(EITHER)
    return evidence.pop() if len(evidence) == 1 else None


@lru_cache(maxsize=4096)
def _org_gender(name: str) -> str | None:
    words = normalize_str(name).split()
    if not words or bare_word(words[0]) not in head_stems():
        return None
    return FEMININE if bare_word(words[0]).endswith(FEMININE_ENDINGS) else MASCULINE


def entity_gender(entity: Entity) -> str | None:
    if entity.type == "ORG":
        return _org_gender(entity.name)
    if entity.type == "PERSON":
        return _person_gender(entity.name, entity.honorific, tuple(role.title for role in entity.roles))
    return None


def agrees(entity: Entity | None, gender: str | None) -> bool:
    """True unless both genders are known and differ."""
    if entity is None or gender is None:
        return True
    other = entity_gender(entity)
    return other is None or other == gender
