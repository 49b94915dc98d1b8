import re
from html.parser import HTMLParser

from markupsafe import escape

from rasid.web.highlight import highlighted_paragraphs, marked_words, paragraphs, record_spans
from tests.web.corpus import HOSTILE, PAYLOADS, TALKS


class Marks(HTMLParser):
    """Every <mark> of a fragment with its data-s/data-e and the text inside it; the plain text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[dict] = []
        self.marks: list[dict] = []
        self.text = ""
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag == "mark":
            self.open.append({**dict(attrs), "content": ""})

    def handle_endtag(self, tag):
        if tag == "mark":
            self.marks.append(self.open.pop())

    def handle_data(self, data):
        self.text += data
        for mark in self.open:
            mark["content"] += data


def parsed(fragment) -> Marks:
    parser = Marks()
    parser.feed(str(fragment))
    assert not parser.open, "unclosed <mark>"
    return parser


def test_paragraphs_are_the_non_empty_lines():
    text = "أول\n\n  \nثان\n"
    assert [text[s:e] for s, e in paragraphs(text)] == ["أول", "ثان"]


def test_every_mark_holds_exactly_its_range_of_the_text():
    text = TALKS["text"]
    fragments = highlighted_paragraphs(TALKS)
    assert len(fragments) == 2
    seen_anchors = set()
    for fragment, (start, end) in zip(fragments, paragraphs(text)):
        found = parsed(fragment)
        assert found.text == text[start:end]  # nothing added, nothing lost
        for mark in found.marks:
            s, e = int(mark["data-s"]), int(mark["data-e"])
            assert start <= s < e <= end
            assert mark["content"] == text[s:e]
            if "id" in mark:
                seen_anchors.add(mark["id"])
    # the country mention المصري sits inside the role وزير الاتصالات المصري: both are marked
    assert {"m-e1-0", "r-e1-0", "m-e3-0", "t-v1", "t-v2", "ev-v2-0"} <= seen_anchors
    assert seen_anchors == {s.anchor for s in record_spans(TALKS)}


def test_crossing_spans_are_cut_and_nest():
    text = "الوزير المصري يلتقي نظيره"
    record = {"text": text, "entities": [
        {"id": "e1", "type": "PERSON", "name": "a", "mentions": [{"start": 0, "end": 13}]},  # الوزير المصري
        {"id": "e2", "type": "COUNTRY", "name": "b", "mentions": [{"start": 7, "end": 19}]},  # المصري يلتقي
    ], "events": [], "statements": []}
    (fragment,) = highlighted_paragraphs(record)
    found = parsed(fragment)
    assert found.text == text
    pieces = sorted((int(m["data-s"]), int(m["data-e"]), m.get("id")) for m in found.marks)
    assert pieces == [(0, 13, "m-e1-0"), (7, 13, "m-e2-0"), (13, 19, None)]
    for mark in found.marks:
        assert mark["content"] == text[int(mark["data-s"]):int(mark["data-e"])]


def test_a_span_across_lines_is_cut_at_the_line_end():
    text = "سطر أول\nسطر ثان"
    record = {"text": text, "entities": [], "statements": [], "events": [
        {"id": "v1", "type": "CONSULT", "trigger": {"start": 0, "end": 3}, "evidence": [{"start": 4, "end": 11}]}]}
    first, second = (parsed(f) for f in highlighted_paragraphs(record))
    assert {(m["data-s"], m["data-e"]) for m in first.marks} == {("0", "3"), ("4", "7")}
    assert [(m["data-s"], m["data-e"], m.get("id")) for m in second.marks] == [("8", "11", None)]


def test_spans_outside_the_text_or_malformed_are_ignored():
    record = {"text": "نص قصير", "entities": [
        {"id": "e1", "type": "PERSON", "mentions": [{"start": 3, "end": 99}, {"start": "0", "end": 2},
                                                    {"start": 2, "end": 2}, {"start": 0, "end": 2}]}],
              "events": [{"id": "v1", "trigger": None, "evidence": None}], "statements": None}
    assert [s.anchor for s in record_spans(record)] == ["m-e1-3"]
    (fragment,) = highlighted_paragraphs(record)
    assert parsed(fragment).text == "نص قصير"


def test_text_names_and_labels_are_escaped():
    fragments = highlighted_paragraphs(HOSTILE)
    joined = "".join(str(f) for f in fragments)
    for payload in PAYLOADS:
        assert payload not in joined
        assert str(escape(payload)) in joined
    tags = set().union(*(parsed(f).tags for f in fragments))
    assert tags == {"mark"}
    # the person's name (an <img> payload) only reaches a title attribute, escaped
    assert re.search(r'title="&lt;img src=x onerror=alert\(&#39;x-img&#39;\)&gt;"', joined)


def test_query_words_are_marked_through_normalization_and_proclitics():
    text = "وزار الوزير المصري القاهرة وبالقاهرة، وللوزير رأي. <b>القاهرة</b>"
    marked = str(marked_words(text, ["القاهره", "الوزير"]))
    found = parsed(marked)
    assert found.text == text
    assert [m["content"] for m in found.marks] == ["الوزير", "القاهرة", "القاهرة", "لوزير", "القاهرة"]
    assert "<b>" not in marked and "&lt;b&gt;" in marked
    assert str(marked_words("<i>x</i>", [])) == "&lt;i&gt;x&lt;/i&gt;"
