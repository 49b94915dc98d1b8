"""The statements component: who said what (rasid.statements)."""
from __future__ import annotations

from rasid.components import component
from rasid.doc import Doc, Entity, Statement
from rasid.events.context import build_index
from rasid.lang.matcher import Match
from rasid.statements.lexicon import cue_matcher, written_as_cue
from rasid.statements.sentences import SentenceStatements, outside_quotes

PURPOSE_PREFIX = "ل"
NOUN_PREPOSITIONS = ("ب", "ك")  # prepositions a verb never takes
VERB = "verb"


@component("statements")
def statements(doc: Doc, settings) -> Doc:
    index = build_index(doc)
    by_sentence: dict[int, list[Match]] = {}
    for match in cue_matcher().find(doc.tokens):
        token = doc.tokens[match.first]
        if PURPOSE_PREFIX in token.proclitic:
            continue  # لنقل الخبرات، ليؤكد: a purpose, not a report
        if match.payload.kind == VERB and token.proclitic[-1:] in NOUN_PREPOSITIONS:
            continue  # "برأت اللجنة" (acquitted), not ب + رأت: a verb takes no preposition
        if not written_as_cue(doc.tokens[match.last - 1], match.payload):
            continue  # "استطلاعات رأي": the noun, not the verb رأى
        by_sentence.setdefault(doc.tokens[match.first].sentence, []).append(match)
    previous: Entity | None = None
    last_person: Entity | None = None
    protagonist: Entity | None = None
    found: list[Statement] = []
    for sentence in sorted(index.story_sentences):
        cues = outside_quotes(doc, sentence, by_sentence.get(sentence, []))
        current = SentenceStatements(doc, index, sentence, previous, last_person, None if found else protagonist)
        for cue in cues:
            current.add(cue)
        found.extend(current.statements(cues))
        previous = current.last_speaker()
        last_person = current.last_person_named()
        protagonist = protagonist or current.first_person_named()
    doc.statements = found
    return doc
