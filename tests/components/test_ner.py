"""The ner component with the bundled model, on sentences written for the test."""
from rasid.components.ner import ner, story_runs
from rasid.components.text import text_layer
from rasid.doc import Article, Doc
from rasid.settings import Settings


def _run(text: str) -> Doc:
    settings = Settings(components=("text",))
    doc = text_layer(Doc(article=Article(text=text)), settings)
    return ner(doc, settings)


def _spans(doc: Doc, label: str) -> list[str]:
    return [doc.text[s["start"]:s["end"]] for s in doc.extra["ner"] if s["label"] == label]


def test_a_titled_person_is_tagged_pers():
    doc = _run("واستقبل الرئيس المصري عبد الفتاح السيسي في القاهرة اليوم وزير الخارجية الأمريكي جون كيري .")
    persons = _spans(doc, "PERS")
    assert any("السيسي" in p for p in persons), doc.extra["ner"]
    assert any("كيري" in p for p in persons), doc.extra["ner"]
    assert "القاهرة" in _spans(doc, "LOC")


def test_spans_are_consistent_with_tokens_and_text():
    doc = _run("وقال محمد بن سلمان إن المملكة العربية السعودية ستدعم منظمة الصحة العالمية .")
    assert doc.extra["ner"], "the model found nothing"
    for span in doc.extra["ner"]:
        assert span["label"] in {"PERS", "LOC", "ORG", "MISC"}
        assert 0 <= span["first"] < span["last"] <= len(doc.tokens)
        assert doc.tokens[span["first"]].start <= span["start"] < span["end"] == doc.tokens[span["last"] - 1].end


def test_a_span_starts_after_a_split_conjunction():
    doc = _run("التقى الرئيس أوباما ووزير الخارجية جون كيري ونظيره سيرغي لافروف في موسكو .")
    for span in doc.extra["ner"]:
        token = doc.tokens[span["first"]]
        if token.proclitic:
            assert span["start"] == token.stem_start


def test_meta_tokens_are_not_tagged():
    doc = _run("الرياض - واس\nاستقبل الأمير محمد بن سلمان في الرياض اليوم السفير الفرنسي .")
    meta = {t.i for t in doc.tokens if t.meta is not None}
    assert meta, "the dateline should be marked as metadata"
    for first, last in story_runs(doc):
        assert not meta & set(range(first, last))
    for span in doc.extra["ner"]:
        assert not meta & set(range(span["first"], span["last"]))


def test_a_family_name_found_once_is_tagged_wherever_it_recurs():
    doc = _run("قال وزير الخارجية الأمريكي جون كيري إن المحادثات مستمرة . وأضاف كيري أن بلاده تدعم الحل . "
               "وختم كيري زيارته أمس .")
    tagged = {i for s in doc.extra["ner"] for i in range(s["first"], s["last"])}
    family = [t.i for t in doc.tokens if t.stem == "كيري"]
    assert len(family) == 3 and set(family) <= tagged, doc.extra["ner"]


def test_ner_neural_false_decodes_with_the_crf_alone(monkeypatch):
    import rasid.components.ner as ner_module
    from rasid.ner.decoder import Decoder
    from rasid.ner.ensemble import EnsembleDecoder

    used = []

    def recording(path=None, neural=True):
        decoder = real(path, neural)
        used.append(type(decoder))
        return decoder

    real = ner_module.load_decoder
    monkeypatch.setattr(ner_module, "load_decoder", recording)
    text = "واستقبل الرئيس المصري عبد الفتاح السيسي في القاهرة اليوم وزير الخارجية الأمريكي جون كيري ."
    for neural in (True, False):
        settings = Settings(components=("text",), ner_neural=neural)
        doc = ner(text_layer(Doc(article=Article(text=text)), settings), settings)
        assert any("السيسي" in p for p in _spans(doc, "PERS"))
    assert used == [EnsembleDecoder, Decoder]
