"""The language data of persons, loaded once (rasid/lang/data, see each file's header)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rasid.lang import LanguageDataError, load_list, load_table
from rasid.lang.matcher import PhraseMatcher
from rasid.text.normalize import normalize_str

ARTICLE = "ال"
FEMININE_PAST = "ت"
DUAL_PAST = "ا"


@dataclass(frozen=True)
class Honorific:
    phrase: str
    kind: str  # style | style_title | academic | rank | diplomatic | nobility | religious | mister


@dataclass(frozen=True)
class TitleHead:
    phrase: str
    kind: str  # office | complete | counterpart | occupation
    country: str | None


def bare_word(word: str) -> str:
    word = normalize_str(word)
    return word[2:] if word.startswith(ARTICLE) and len(word) > 4 else word


@lru_cache(maxsize=1)
def honorific_matcher() -> PhraseMatcher[Honorific]:
    return PhraseMatcher((phrase, Honorific(phrase, kind)) for phrase, kind in load_table("honorifics.tsv", 2))


@lru_cache(maxsize=1)
def title_matcher() -> PhraseMatcher[TitleHead]:
    entries = []
    for phrase, kind, country in load_table("title_heads.tsv", 3):
        head = TitleHead(phrase, kind, country or None)
        entries.append((phrase, head))
        words = phrase.split()
        if not words[0].startswith(ARTICLE):  # the definite form is a head too: الوزير، المدير العام
            entries.append(("ال" + phrase, head))
    return PhraseMatcher(entries)


@lru_cache(maxsize=1)
def segment_start_words() -> frozenset[str]:
    """Stems that can open an honorific, a title or a name: a cheap test before the matchers."""
    from rasid.lang.matcher import phrase_key

    words = {phrase_key(phrase)[0] for phrase, _kind in load_table("honorifics.tsv", 2) if phrase_key(phrase)}
    for phrase, _kind, _country in load_table("title_heads.tsv", 3):
        for form in (phrase, "ال" + phrase):
            key = phrase_key(form)
            if key:
                words.add(key[0])
    words.update(first_names())
    words.update(p for p, kind in particles().items() if kind == "prefix")
    return frozenset(words)


def _first_words(kind: str) -> frozenset[str]:
    """Bare forms of the first words of the title_heads.tsv phrases of one kind."""
    return frozenset(bare_word(phrase.split()[0]) for phrase, k, _c in load_table("title_heads.tsv", 3) if k == kind)


@lru_cache(maxsize=1)
def title_head_words() -> frozenset[str]:
    """Bare forms of every word that can open a title (وزير، رئيس، مدير ...)."""
    return _first_words("office")


@lru_cache(maxsize=1)
def occupation_words() -> frozenset[str]:
    """First words of occupation titles (اللاعب، الفنان، الخبير): a role, but no office of a state."""
    return _first_words("occupation")


@lru_cache(maxsize=1)
def role_head_words() -> frozenset[str]:
    """Bare forms of the first words of offices and occupations (وزير، رئيس، لاعب، مدرب ...)."""
    return title_head_words() | occupation_words()


@lru_cache(maxsize=1)
def title_modifiers() -> frozenset[str]:
    return frozenset(bare_word(w) for line in load_list("title_modifiers.txt") for w in line.split())


@lru_cache(maxsize=1)
def title_vocabulary() -> frozenset[str]:
    """Bare forms of the words that continue a title: complements, modifiers and head words."""
    words = {bare_word(w) for line in load_list("title_complements.txt") for w in line.split()}
    return frozenset(words | title_modifiers() | title_head_words())


@lru_cache(maxsize=1)
def particles() -> dict[str, str]:
    """Normalized particle -> kind (link | prefix)."""
    return {normalize_str(p): kind for p, kind in load_table("name_particles.tsv", 2)}


@lru_cache(maxsize=1)
def particle_written_forms() -> frozenset[str]:
    """The particles as written (with their hamza: أبو، آل)."""
    return frozenset(written_form(p) for p, _ in load_table("name_particles.tsv", 2))


@lru_cache(maxsize=1)
def named_after_heads() -> frozenset[str]:
    return frozenset(bare_word(w) for w in load_list("named_after_heads.txt"))


@lru_cache(maxsize=1)
def named_after_idioms() -> frozenset[tuple[str, ...]]:
    """Phrases ending in a named-after head that name no thing before a bare name ("عن طريق")."""
    return frozenset(tuple(bare_word(w) for w in phrase.split()) for phrase in load_list("named_after_idioms.txt"))


@lru_cache(maxsize=1)
def god_compounds() -> frozenset[str]:
    return frozenset(normalize_str(w) for w in load_list("name_god_compounds.txt"))


@lru_cache(maxsize=1)
def tagger_name_words() -> frozenset[str]:
    """Words of person names in the NER tagger's gazetteer (ner_person_names.txt), when it is installed."""
    try:
        return frozenset(normalize_str(w) for w in load_list("ner_person_names.txt"))
    except LanguageDataError:
        return frozenset()


@lru_cache(maxsize=1)
def regnal_ordinals() -> frozenset[str]:
    """الثاني in "عبدالله الثاني بن الحسين" (bare forms)."""
    return frozenset(bare_word(w) for w in load_list("regnal_ordinals.txt"))


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    names = {normalize_str(w) for w in load_list("person_first_names.txt")}
    names.update(normalize_str(w) for w in load_list("person_first_names_common.txt"))
    return frozenset(names)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Frequent words that are not names (derived from the NER corpora, see the file header)."""
    return frozenset(normalize_str(w) for w in load_list("common_words.txt")) - first_names()


@lru_cache(maxsize=1)
def ambiguous_first_names() -> frozenset[str]:
    """Given names that are also common words (رؤى، باسم، مساعد): used less as names in the corpora,
    or frequent words outside names."""
    common = frozenset(normalize_str(w) for w in load_list("common_words.txt"))
    ambiguous = frozenset(normalize_str(w) for w in load_list("person_first_names_ambiguous.txt"))
    return (first_names() & common) | ambiguous | given_names_also_words()


@lru_cache(maxsize=1)
def given_names_also_words() -> frozenset[str]:
    """Given names that are everyday words (عيد، شمس، أمل), hand-curated."""
    return frozenset(normalize_str(w) for w in load_list("person_given_names_also_words.txt"))


@lru_cache(maxsize=1)
def stop_words() -> tuple[frozenset[str], frozenset[str]]:
    """(forms as written with diacritics removed, normalized forms). A stop word whose normalized form
    is a name particle written without hamza ("فإن" -> "فان" as in "فان دايك") counts only as written."""
    written = frozenset(_strip_marks(w) for w in load_list("person_stop_words.txt"))
    plain_particles = {p for p, _kind in load_table("name_particles.tsv", 2) if normalize_str(p) == p}
    return written, frozenset(normalize_str(w) for w in written) - plain_particles


@lru_cache(maxsize=1)
def context_verbs() -> frozenset[str]:
    verbs: set[str] = set()
    for verb in load_list("person_context_verbs.txt"):
        base = normalize_str(verb)
        verbs.update((base, base + FEMININE_PAST, base + DUAL_PAST))
        if base.endswith("ي"):  # رأى -> رأت ، دعا -> دعت
            verbs.add(base[:-1] + FEMININE_PAST)
        if base.endswith("ا"):
            verbs.add(base[:-1] + FEMININE_PAST)
    return frozenset(verbs)


def _strip_marks(word: str) -> str:
    """Diacritics and tatweel removed, letters (hamza, alef maqsura) kept."""
    return "".join(ch for ch in word if not ("\u064b" <= ch <= "\u065f" or ch in "\u0640\u0670"))


def written_form(text: str) -> str:
    return _strip_marks(text)
