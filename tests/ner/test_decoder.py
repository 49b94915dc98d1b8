"""The fast decoder gives the tags of pycrfsuite's tagger on the shipped CRF (its news-domain features:
the shipped CRF was trained with a second domain, and the decoder folds the news copies in)."""
import warnings

import pytest

from rasid.ner import decoder as decoder_module
from rasid.ner.decoder import Decoder, parse_attribute
from rasid.ner.features import NEWS_DOMAIN, domain_features, sequence_features
from rasid.ner.model import load_decoder, load_tagger
from rasid.text.normalize import normalize_str

SENTENCES = [
    "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود في الرياض وزير الخارجية الأمريكي جون كيري .",
    "وقال المتحدث باسم وزارة الداخلية اللواء منصور التركي إن الأجهزة الأمنية أحبطت مخططا إرهابيا .",
    "وأعلنت شركة أرامكو السعودية عن أرباح بلغت 12.5 مليار دولار في عام 2015 م .",
    "التقى الرئيس المصري عبدالفتاح السيسي بالأمين العام للأمم المتحدة بان كي مون في نيويورك",
    "ومن جهته أكد الدكتور خالد بن محمد العنقري أن الجامعة ستفتح أبوابها للطلاب والطالبات",
    "سعيد",
    "« هيئة الأمم المتحدة » : وبحث ولي العهد مع رئيس الوزراء البريطاني ديفيد كاميرون الأوضاع في سوريا واليمن",
    "Reuters - UN",
]


def _norms(sentence: str) -> list[str]:
    return [normalize_str(word) or word for word in sentence.split()]


def _crfsuite_tags(sequences):
    tagger = load_tagger()
    return [tagger.tag(domain_features(sequence_features(norms), NEWS_DOMAIN)) if norms else [] for norms in sequences]


def test_decoder_tags_as_crfsuite_on_the_shipped_model():
    sequences = [_norms(s) for s in SENTENCES] + [[]]
    decoder = load_decoder(neural=False)
    assert decoder.fast  # the attribute index follows rasid.ner.features
    assert decoder.tag_many(sequences) == _crfsuite_tags(sequences)
    assert decoder.tag_many(sequences) == _crfsuite_tags(sequences)  # types now scored from the table
    assert [decoder.tag(norms) for norms in sequences] == _crfsuite_tags(sequences)


def test_parse_attribute_reads_offset_name_and_value():
    assert parse_attribute("-1w=وزير") == (-1, "w", "وزير")
    assert parse_attribute("2kx=17") == (2, "kx", "17")
    assert parse_attribute("p3=الم") == (0, "p3", "الم")
    assert parse_attribute("x1==") == (0, "x1", "=")
    assert parse_attribute("b") is None
    assert parse_attribute("-3w=بعيد") is None


def test_type_table_is_emptied_when_full_and_tags_stay_the_same(monkeypatch):
    monkeypatch.setattr(decoder_module, "TYPE_TABLE_SIZE", 30)
    decoder = Decoder(load_tagger())
    sequences = [_norms(s) for s in SENTENCES]
    expected = _crfsuite_tags(sequences)
    for _round in range(2):
        for norms, tags in zip(sequences, expected):
            assert decoder.tag(norms) == tags
            assert len(decoder.type_ids) <= max(30, len(set(norms)))


def test_decoder_falls_back_to_feature_strings_when_the_index_disagrees(monkeypatch):
    # An attribute index that forgets the neighbours' features no longer sums what
    # type_features defines: the decoder notices at build and sums the strings instead.
    monkeypatch.setattr(decoder_module, "offset_names",
                        lambda: {-2: frozenset(), -1: frozenset(), 0: None, 1: frozenset(), 2: frozenset()})
    with pytest.warns(UserWarning, match="type_features"):
        decoder = Decoder(load_tagger())
    assert not decoder.fast
    sequences = [_norms(s) for s in SENTENCES[:4]]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert decoder.tag_many(sequences) == _crfsuite_tags(sequences)


def test_decoder_tags_as_crfsuite_on_anercorp_test_sentences(shared_dir):
    from rasid.ner.corpus import anercorp_split

    test = anercorp_split(shared_dir / "corpora" / "ner").test[:300]
    sequences = [[normalize_str(word) or word for word, _tag in sentence] for sentence in test]
    decoder = Decoder(load_tagger())  # a fresh type table: every type scored from the index
    assert decoder.tag_many(sequences) == _crfsuite_tags(sequences)
