from rasid.summary import summarize

TEXT = "لقاء\nالرياض - واس\nاستقبل الوزير فهد القحطاني السفير."


def _record() -> dict:
    return {
        "id": "0123456789abcdef", "title": "لقاء", "published": "2024-05-01", "source": "spa", "file": "a.txt",
        "text": TEXT,
        "entities": [
            {"id": "e1", "type": "PERSON", "name": "فهد القحطاني", "honorific": "معالي", "country": "SA",
             "mentions": [{"start": 28, "end": 40, "text": "فهد القحطاني"}],
             "roles": [{"title": "الوزير", "organization": None, "country": "SA", "start": 21, "end": 27}]},
            {"id": "e2", "type": "COUNTRY", "name": "السعودية", "honorific": None, "country": "SA",
             "mentions": [{"start": 5, "end": 11, "text": "الرياض"}]},
        ],
        "events": [{"id": "v1", "type": "CONSULT", "mode": "in_person", "status": "occurred", "countries": ["SA"],
                    "participants": [{"entity": "e1", "role": "actor"}], "agreement": None,
                    "sectors": ["diplomacy"], "date": None, "location": None,
                    "trigger": {"start": 14, "end": 20, "text": "استقبل"}, "evidence": []}],
        "statements": [],
        "sectors": ["diplomacy"],
        "metadata": [{"kind": "dateline", "start": 5, "end": 17}],
    }


def test_summary_lists_header_persons_events_and_sectors():
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
