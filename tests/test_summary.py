from rasid.summary import summarize
from tests.record_checks import assert_record_valid

TEXT = "لقاء\nالرياض - واس\nاستقبل الوزير فهد القحطاني السفير."


def _span(words: str) -> dict:
    start = TEXT.index(words)
    return {"start": start, "end": start + len(words), "text": words}


def _record() -> dict:
    return {
        "id": "0123456789abcdef", "title": "لقاء", "published": "2024-05-01", "source": "spa", "file": "a.txt",
        "text": TEXT,
        "entities": [
            {"id": "e1", "type": "PERSON", "name": "فهد القحطاني", "honorific": "معالي", "country": "SA",
             "mentions": [_span("فهد القحطاني")],
             "roles": [{"title": "الوزير", "organization": None, "country": "SA",
                        "start": _span("الوزير")["start"], "end": _span("الوزير")["end"]}]},
            {"id": "e2", "type": "COUNTRY", "name": "السعودية", "honorific": None, "country": "SA",
             "mentions": [_span("الرياض")]},
        ],
        "events": [{"id": "v1", "type": "CONSULT", "mode": "in_person", "status": "occurred", "countries": ["SA"],
                    "participants": [{"entity": "e1", "role": "actor"}], "agreement": None,
                    "sectors": ["diplomacy"], "date": None, "location": None,
                    "trigger": _span("استقبل"), "evidence": []}],
        "statements": [],
        "sectors": ["diplomacy"],
        "metadata": [{"kind": "dateline", "start": 5, "end": 17}],  # الرياض - واس
    }


def test_summary_lists_header_persons_events_and_sectors():
    assert_record_valid(_record())
    lines = summarize(_record()).split("\n")
    assert lines[0] == "== a.txt  [0123456789abcdef]"
    assert "title: لقاء" in lines
    assert "published: 2024-05-01 spa" in lines
    assert "dateline: الرياض - واس" in lines
    assert "  - (معالي) فهد القحطاني — الوزير [SA]" in lines
    assert "  - SA السعودية" in lines
    assert "  - CONSULT in_person occurred SA | فهد القحطاني | diplomacy | «استقبل»" in lines
    assert lines[-1] == "Sectors: diplomacy"


def test_summary_of_an_empty_record():
    record = _record() | {"entities": [], "events": [], "metadata": [], "sectors": [], "title": None,
                          "published": None, "source": None}
    text = summarize(record)
    assert "Persons (0):" in text and "Events (0):" in text and text.endswith("Sectors: -")
