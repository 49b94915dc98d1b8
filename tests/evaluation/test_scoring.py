import pytest

from rasid.evaluation.scoring import Counts, score_corpus, score_document

GOLD = {
    "file": "x.txt",
    "persons": [
        {"name": "عمرو طلعت", "aliases": ["طلعت"], "country": "EG", "titles": ["وزير الاتصالات"]},
        {"name": "أركان شهاب الشيباني", "aliases": [], "country": "IQ", "titles": ["وزير الاتصالات بجمهورية العراق"]},
    ],
    "organizations": [{"name": "الهيئة القومية للبريد", "aliases": [], "country": "EG"}],
    "countries": ["EG", "IQ"],
    "events": [
        {"type": "CONSULT", "mode": "virtual", "status": "occurred", "countries": ["EG", "IQ"],
         "participants": ["عمرو طلعت"], "agreement": None, "sectors": ["ict"]},
        {"type": "AGREE", "mode": None, "status": "occurred", "countries": ["EG", "IQ"],
         "participants": [], "agreement": {"instrument": "mou", "status": "agreed"}, "sectors": ["ict"]},
    ],
    "sectors": ["ict", "post"],
    "speakers": ["عمرو طلعت"],
}

PREDICTED = {
    "persons": [
        {"name": "عمرو طلعت", "aliases": [], "country": "EG", "titles": ["وزير الاتصالات"]},
        {"name": "اركان شهاب الشيبانى", "aliases": [], "country": "EG", "titles": ["وزير الاتصالات"]},
        {"name": "فلان الفلاني", "aliases": [], "country": None, "titles": []},
    ],
    "organizations": [{"name": "الهيئه القوميه للبريد", "aliases": []}],
    "countries": ["EG", "IQ", "SA"],
    "events": [
        {"type": "CONSULT", "mode": "in_person", "status": "occurred", "countries": ["EG", "IQ"],
         "participants": [], "agreement": None, "sectors": []},
        {"type": "CONSULT", "mode": "virtual", "status": "occurred", "countries": ["EG", "IQ"],
         "participants": [], "agreement": None, "sectors": []},
        {"type": "AID", "mode": None, "status": "proposed", "countries": ["EG"],
         "participants": [], "agreement": None, "sectors": []},
    ],
    "sectors": ["ict"],
    "speakers": ["طلعت"],
}


def test_document_counts_per_field():
    counts = score_document(PREDICTED, GOLD)
    assert (counts["persons"].tp, counts["persons"].predicted, counts["persons"].gold) == (2, 3, 2)
    assert (counts["person_country"].tp, counts["person_country"].predicted) == (1, 2)
    assert (counts["person_title"].tp, counts["person_title"].predicted, counts["person_title"].gold) == (1, 2, 2)
    assert counts["organizations"].tp == 1
    assert (counts["countries"].tp, counts["countries"].predicted) == (2, 3)
    # one CONSULT matched one to one: the duplicate CONSULT and the AID are false positives
    assert (counts["events"].tp, counts["events"].predicted, counts["events"].gold) == (1, 3, 2)
    # the better-fitting (virtual) CONSULT is the one paired, so mode/status is right
    assert counts["event_mode_status"].tp == 1
    assert (counts["agreements"].tp, counts["agreements"].gold) == (0, 1)
    assert counts["sectors"].f1 == pytest.approx(2 / 3)
    assert counts["speakers"].tp == 1


def test_counts_edge_cases_and_micro_average():
    assert Counts(0, 0, 0).f1 == 1.0
    assert Counts(0, 3, 0).precision == 0.0
    totals = score_corpus([(PREDICTED, GOLD), (PREDICTED, GOLD)])
    assert totals["persons"].tp == 4 and totals["persons"].gold == 4
