"""Readings that decide whether a trigger tells an event, and which.

Each check is a small linguistic rule: a trigger inside an organization's
name is no event; a readiness is aid only with what it offers; a transfer is
aid with a sum of money; a signing needs its instrument; "agreed that" shares
a view; a possessed verbal noun (رفضه للتدخلات) is a stance; a visit an
invitation asks for belongs to the invitation; joint projects proposed in an
offer are part of the offer.
"""
from __future__ import annotations

from rasid.doc import Doc
from rasid.events.candidate import Candidate
from rasid.events.context import DocIndex
from rasid.events.lexicon import (
    conveyances, locative_prepositions, money_words, object_prepositions, offer_objects, opinion_markers,
    non_guests, prayer_objects,
)

OFFER_TYPE, JOINT_TYPE, REQUEST_TYPE, CONSULT_TYPE = "AID", "COOPERATE", "REQUEST", "CONSULT"
IN_PERSON = "in_person"
NUMBER = "number"  # the token kind of a number in digits
NOUN_FORM = "noun"  # event_triggers.tsv form of a verbal-noun trigger
MASDAR_PRONE = frozenset({"REJECT", "ACCUSE"})  # verbs whose verbal noun is written alike (رفض، إدانة)
MASDAR_PREPOSITIONS = frozenset({"ل", "ب"})  # clitic prepositions after a possessed verbal noun
OFFER_REACH = 8  # tokens after a readiness (استعداد) or a transfer where what it gives is named
INVITATION_REACH = 8  # tokens after a request within which a visit is what it invites to
CONVEYANCE_AFTER = 6  # words after an arrival verb where a conveyance as its subject is looked for
CONVEYANCE_BEFORE = 3  # tokens before it (طائرات ستصل)
GOVERNING_REACH = 2  # a preposition this close before a conveyance governs it (على متن طائرة)


def without_invited_visits(candidates: list[Candidate]) -> list[Candidate]:
    """A visit or meeting a request invites to (وجه الدعوة ... لإجراء زيارة) is the request's content,
    not an interaction of its own."""
    kept: list[Candidate] = []
    for c in candidates:
        request = next((r for r in reversed(kept) if r.sentence == c.sentence), None)
        if c.type == "CONSULT" and not c.is_verb and request is not None and request.type == "REQUEST" \
                and c.first - request.last <= INVITATION_REACH:
            continue
        kept.append(c)
    return kept


def signing_without_instrument(c: Candidate) -> bool:
    """A signing with no instrument named near it is no agreement (وقع كتابا ذهبيا)."""
    return c.type == "AGREE" and c.entry.agreement == "signed" and c.instrument is None


def offers_absorb_cooperation(candidates: list[Candidate]) -> list[Candidate]:
    """Joint projects proposed in a sentence that offers aid are part of that offer
    (أبدى استعداد الوزارة لتنفيذ مشروعات مشتركة)."""
    offering = {c.sentence for c in candidates if c.type == OFFER_TYPE}
    return [c for c in candidates
            if not (c.type == JOINT_TYPE and c.status == "proposed" and c.sentence in offering)]


def tokens_in_names(index: DocIndex) -> set[int]:
    """Tokens inside an organization's name (مركز الملك سلمان للإغاثة): a name is no event."""
    inside: set[int] = set()
    for mentions in index.by_sentence.values():
        for m in mentions:
            if m.entity.type == "ORG":
                inside.update(range(m.first, m.last))
    return inside


def has_unnamed_subject(doc: Doc, c: Candidate) -> bool:
    """A verb with no entity for its actor but a definite noun right after it: a subject that
    the text names (الضيف البلجيكي) and Rasid cannot point to."""
    if not c.is_verb or c.parties.actor is not None or c.last >= len(doc.tokens):
        return False
    following = doc.tokens[c.last]
    return following.kind == "word" and following.has_article and not following.proclitic


def arrival_of_a_conveyance(doc: Doc, c: Candidate) -> bool:
    """"وصلت أمس الطائرة الإغاثية إلى مطار عدن"، "طائرات ستصل": an arrival verb (a weak trigger) near a
    conveyance or cargo (event_conveyances.txt) not governed by a preposition (على متن طائرة) tells a
    delivery, not a visit."""
    if not c.entry.weak:
        return False
    sentence = doc.sentences[c.sentence]
    before = range(max(sentence.first_token, c.first - CONVEYANCE_BEFORE), c.first)
    after = [k for k in range(c.last, sentence.last_token) if doc.tokens[k].kind == "word"][:CONVEYANCE_AFTER]
    return any(_free_conveyance(doc, k, sentence.first_token) for k in (*before, *after))


def _free_conveyance(doc: Doc, k: int, first: int) -> bool:
    token = doc.tokens[k]
    if token.kind != "word" or token.bare not in conveyances() or token.proclitic[-1:] in MASDAR_PREPOSITIONS | {"ك"}:
        return False
    governing = object_prepositions() | locative_prepositions()
    return not any(doc.tokens[j].norm in governing for j in range(max(first, k - GOVERNING_REACH), k))


def receives_no_guest(doc: Doc, c: Candidate) -> bool:
    """"استقبال طلبات المبتعثين"، "استقبل قسم الطوارئ 8009 مراجعين": a reception or visit (an in_person
    trigger) whose object right after it, or after a number, is no guest (event_non_guests.txt)."""
    if c.type != CONSULT_TYPE or c.entry.mode != IN_PERSON or c.entry.weak:
        return False
    words = [t for t in doc.tokens[c.last:doc.sentences[c.sentence].last_token] if t.kind in ("word", NUMBER)][:2]
    if words and words[0].kind == NUMBER:
        words = words[1:]
    return bool(words) and words[0].kind == "word" and words[0].bare in non_guests()


def is_prayer(doc: Doc, c: Candidate) -> bool:
    """"داعيا الله أن يتغمدهم": asking God is a prayer, no request between parties."""
    return c.type == REQUEST_TYPE and c.last < len(doc.tokens) and doc.tokens[c.last].norm in prayer_objects()


def is_counted_noun(doc: Doc, c: Candidate) -> bool:
    """"مقتل 43 طالبا"، "21 متهما": a verb or participle form right after a number in digits is a counted
    noun (students, defendants); a noun trigger stays an event ("عقدتا 3 اجتماعات"، "شنت 12 غارة")."""
    return c.entry.form != NOUN_FORM and c.first > 0 and doc.tokens[c.first - 1].kind == NUMBER \
        and not doc.tokens[c.first].proclitic


def names_a_sum(doc: Doc, c: Candidate) -> bool:
    """أرسلت الحكومة 100 مليون دولار: a transfer is aid when a sum of money (a number, then a
    money word) follows it."""
    end = min(c.last + OFFER_REACH, doc.sentences[c.sentence].last_token)
    tokens = doc.tokens[c.last:end]
    words = money_words()
    return any(t.kind == "number" and any(u.norm in words for u in tokens[k + 1:k + 3])
               for k, t in enumerate(tokens))


def names_an_offer(doc: Doc, c: Candidate) -> bool:
    """استعداد الهيئة لنقل الخبرات: a readiness is an offer of aid when what it offers follows."""
    objects = offer_objects()
    end = min(c.last + OFFER_REACH, doc.sentences[c.sentence].last_token)
    return any(t.stem in objects or t.bare in objects for t in doc.tokens[c.last:end])


def is_possessed_masdar(doc: Doc, c: Candidate) -> bool:
    """رفضه للتدخلات، إدانتهما بقتل: a verbal noun with a possessor, followed by its preposition,
    tells a stance or a fact, not an act of rejecting or accusing."""
    if c.type not in MASDAR_PRONE or not c.is_verb or c.last >= len(doc.tokens):
        return False
    following = doc.tokens[c.last]
    return bool(doc.tokens[c.last - 1].word_suffixes) and any(
        p.form in MASDAR_PREPOSITIONS for p in following.word_prefixes)


def agrees_with_an_opinion(doc: Doc, c: Candidate) -> bool:
    """اتفقنا أن السبيل ...: sharing a view, not reaching an agreement."""
    if c.type != "AGREE" or c.entry.agreement != "agreed" or c.last >= len(doc.tokens):
        return False
    return doc.tokens[c.last].norm in opinion_markers()
