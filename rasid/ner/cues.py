"""Lexicon cues for the tagger: which of Rasid's hand-written word lists a word belongs to.

A title head (وزير), an honorific (معالي), a reporting verb (قال), an
organization head (وزارة), a country name or nationality adjective (مصر،
المصري), a name particle (بن، أبو) or a common given name (محمد) next to a
word is strong evidence for a name there. The lists are Rasid's general
lexicons in ``rasid/lang/data`` (never derived from the NER corpora), so the
cues carry nothing of the ANERcorp test text. Multi-word entries contribute
their first word (the head); country names contribute their single-word forms.

The tagger does not read those lexicons live: ``derive`` freezes the word ->
labels table into ``rasid/models/ner-cues.tsv`` beside the model (``rasid train
--derive-cues``), and features read that file, so the rule components may edit
their lexicons without shifting the features the model was trained on.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from rasid.lang import load_list, load_table
from rasid.lang.geo import country_adjectives, country_names
from rasid.ner.tables import read_word_labels, write_word_labels
from rasid.text.normalize import normalize_str

CUES_FILE = "ner-cues.tsv"
# cue label -> (data file, columns); the first column holds "|"-separated phrases.
HEAD_TABLES = {
    "title": ("title_heads.tsv", 3),
    "hon": ("honorifics.tsv", 2),
    "say": ("reporting_cues.tsv", 2),
    "org": ("org_heads.tsv", 2),
    "part": ("name_particles.tsv", 2),
}
GIVEN_NAMES = "person_first_names_common.txt"  # hand-curated; not the corpus-derived list
ROLE_NOUNS = "ner_person_role_nouns.txt"
NARRATION_VERBS = "person_context_verbs.txt"
PAST_ENDINGS = ("", "ت", "ا", "وا")  # قال، قالت، قالا، قالوا
PRESENT_PREFIXES = "يتس"
HEADER = ("# Lexicon cue words of the NER tagger (normalized word, tab, its cue labels), frozen by\n"
          "# rasid.ner.cues.derive (`rasid train --derive-cues`) from Rasid's own lists in rasid/lang/data\n"
          "# (title_heads, honorifics, reporting_cues, org_heads, name_particles, person_first_names_common,\n"
          "# ner_person_role_nouns, person_context_verbs, country names/adjectives + CLDR).\n"
          "# Do not edit by hand: the bundled model was trained with this table.\n")


def _first_words(phrases: str) -> set[str]:
    return {normalize_str(p.split()[0]) for p in phrases.split("|") if p.strip()}


def _single_words(phrases) -> set[str]:
    return {normalize_str(p) for p in phrases if p and len(p.split()) == 1}


def lexicon_cue_words() -> dict[str, tuple[str, ...]]:
    """normalized word -> its cue labels, in a fixed order, from the live rule lexicons."""
    sets: dict[str, set[str]] = {}
    for label, (name, columns) in HEAD_TABLES.items():
        sets[label] = set().union(*(_first_words(row[0]) for row in load_table(name, columns)))
    sets["name"] = {normalize_str(w) for w in load_list(GIVEN_NAMES)}
    sets["role"] = {normalize_str(w) for w in load_list(ROLE_NOUNS)}
    sets["verb"] = {normalize_str(v + ending) for v in load_list(NARRATION_VERBS)
                    for ending in (("",) if v[0] in PRESENT_PREFIXES else PAST_ENDINGS)}
    sets["ctry"] = _single_words(form for forms in country_names().values() for form in forms)
    sets["nat"] = _single_words(form for form, *_ in country_adjectives())
    table: dict[str, list[str]] = {}
    for label, words in sets.items():
        for word in sorted(words):
            if word:
                table.setdefault(word, []).append(label)
    return {word: tuple(labels) for word, labels in table.items()}


def bundled_cues_path() -> Path:
    return Path(str(resources.files("rasid.models").joinpath(CUES_FILE)))


def derive(path: Path | None = None) -> int:
    """Freeze the live lexicons' cue words into the table (default: the bundled one); the number of words."""
    table = lexicon_cue_words()
    write_word_labels(table, HEADER, path or bundled_cues_path())
    cue_words.cache_clear()
    return len(table)


@lru_cache(maxsize=1)
def cue_words() -> dict[str, tuple[str, ...]]:
    """normalized word -> its cue labels, from the frozen table beside the model."""
    return read_word_labels(bundled_cues_path())


def cues(forms) -> list[str]:
    """Cue labels of any of ``forms`` (word, stem, bare stem...), each once, in a fixed order."""
    table = cue_words()
    found: list[str] = []
    for form in forms:
        for label in table.get(form, ()):
            if label not in found:
                found.append(label)
    return found
