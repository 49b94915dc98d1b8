"""The seed article through the whole pipeline: the interactions it reports are all found."""
from rasid.doc import Article
from rasid.pipeline import analyze


def _seed_doc(seed_text):
    first_line = next(line.strip() for line in seed_text.splitlines() if line.strip())
    return analyze(Article(text=seed_text, title=first_line))


def test_seed_talks_meeting_mou_and_offers(seed_text):
    doc = _seed_doc(seed_text)
    by_type: dict[str, list] = {}
    for event in doc.events:
        by_type.setdefault(event.type, []).append(event)
        assert event.evidence, f"{event.type} at {event.trigger.text!r} has no evidence"
        assert seed_text[event.trigger.start:event.trigger.end] == event.trigger.text
        assert any(start <= event.trigger.start < end for start, end in event.evidence)

    consults = [e for e in by_type.get("CONSULT", []) if sorted(e.countries) == ["EG", "IQ"]]
    assert len(consults) == 2, "the EG-IQ talks and the earlier experts' meeting"
    assert all((e.mode, e.status) == ("virtual", "occurred") for e in consults)

    agrees = by_type.get("AGREE", [])
    assert [(e.agreement["instrument"], e.agreement["status"]) for e in agrees] == [("mou", "agreed")]
    assert sorted(agrees[0].countries) == ["EG", "IQ"]

    aid = by_type.get("AID", [])
    assert len(aid) >= 8, "one offer per Egyptian body"
    assert all(e.status == "proposed" and sorted(e.countries) == ["EG", "IQ"] for e in aid)
    actors = [next((p.entity for p in e.participants if p.role == "actor"), None) for e in aid]
    assert all(actor is not None for actor in actors)
    assert len({id(actor) for actor in actors}) == len(aid), "each offering body is its own event"


def test_seed_sectors_and_speakers(seed_text):
    doc = _seed_doc(seed_text)
    assert {"ict", "post", "education_training", "cybersecurity", "space"} <= set(doc.sectors)
    speakers = {s.speaker.name for s in doc.statements}
    assert {"عمرو طلعت", "أركان شهاب الشيباني", "شريف فاروق"} <= speakers
