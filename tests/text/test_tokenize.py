import pytest

from rasid.lang.vocabulary import is_known_word
from rasid.text.normalize import normalize_str
from rasid.text.tokenize import ARTICLE, Token, known_from, segment, tokenize

KNOWN = known_from(["وزير", "وزاره", "بريد", "لجنه", "مصر", "كتاب", "يد", "ريم", "لال", "رييس", "سمو",
                    "قياده", "تعاون", "يلتقي", "عيد", "غرب", "مرو"])


def _by_text(text: str, known=KNOWN) -> dict[str, Token]:
    return {t.text: t for t in tokenize(text, known)}


def check_parts(text: str, token: Token) -> None:
    """Every part of a token slices the right characters of the original text."""
    if token.kind != "word":
        assert text[token.stem_start:token.stem_end] == token.text
        return
    assert text[token.start:token.end] == token.text
    position = token.start
    for part in token.prefixes:
        assert part.start == position, (token.text, part)
        written = normalize_str(text[part.start:part.end])
        if part.form == ARTICLE:
            assert written in ("ال", "ل", ""), (token.text, written)  # لل: the alef, or alef and lam, elided
            assert part.start == token.stem_start
        else:
            assert written == part.form, (token.text, part)
            position = part.end
    stem_text = normalize_str(text[token.stem_start:token.stem_end])
    restored = normalize_str(token.written_stem)
    if token.suffixes and stem_text.endswith("ت") and token.stem.endswith("ه"):
        stem_text = stem_text[:-1] + "ه"  # وزارته: the stem is وزارة
        restored = restored[:-1] + "ه"
    assert restored == token.stem, (token.text, restored, token.stem)
    assert token.stem.endswith(stem_text), (token.text, stem_text, token.stem)
    for part in token.suffixes:
        assert part.start == token.stem_end and part.end == token.end, (token.text, part)
        assert normalize_str(text[part.start:part.end]) == part.form
    assert token.bare == (token.stem[len(ARTICLE):] if token.has_article else token.stem)


def check_all(text: str, known=KNOWN) -> list[Token]:
    tokens = tokenize(text, known)
    for token in tokens:
        check_parts(text, token)
    return tokens


def test_tokens_keep_verbatim_spans_and_kinds():
    text = "التقى الوزير، في 3.5 Cairo #مصر!"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["التقى", "الوزير", "،", "في", "3.5", "Cairo", "#مصر", "!"]
    assert [t.kind for t in tokens] == ["word", "word", "punct", "word", "number", "latin", "hashtag", "punct"]
    for token in tokens:
        assert text[token.start:token.end] == token.text


def test_article_is_split_and_kept_in_the_stem():
    tok = _by_text("الوزير")["الوزير"]
    assert (tok.stem, tok.bare, tok.has_article) == ("الوزير", "وزير", True)


def test_conjunction_preposition_and_article():
    text = "وبالوزارة وللوزير"
    tokens = _by_text(text)
    assert [p.form for p in tokens["وبالوزارة"].prefixes] == ["و", "ب", "ال"]
    assert tokens["وبالوزارة"].stem == "الوزاره"
    assert [p.form for p in tokens["وللوزير"].prefixes] == ["و", "ل", "ال"]
    assert tokens["وللوزير"].stem == "الوزير"
    check_all(text)


def test_lam_lam_with_elided_alef_and_with_a_lam_initial_stem():
    text = "للبريد للجنة"
    tokens = _by_text(text)
    assert tokens["للبريد"].stem == "البريد" and tokens["للبريد"].written_stem == "البريد"
    # ل + اللجنة is written للجنة: the article's alef and lam are both elided
    assert tokens["للجنة"].stem == "اللجنه" and tokens["للجنة"].bare == "لجنه"
    assert tokens["للجنة"].written_stem == "اللجنة"
    check_all(text)


def test_bare_clitics_split_only_before_a_known_word():
    tokens = _by_text("بمصر ولمصر ووزير وكتابهم بمصرف")
    assert (tokens["بمصر"].proclitic, tokens["بمصر"].stem) == ("ب", "مصر")
    assert (tokens["ولمصر"].proclitic, tokens["ولمصر"].stem) == ("ول", "مصر")
    assert tokens["ووزير"].stem == "وزير"
    assert (tokens["وكتابهم"].stem, [s.form for s in tokens["وكتابهم"].suffixes]) == ("كتاب", ["هم"])
    assert tokens["بمصرف"].stem == "بمصرف" and not tokens["بمصرف"].prefixes


def _whole(name: str, known) -> bool:
    tok = tokenize(name, known)[0]
    return (tok.stem, tok.prefixes, tok.suffixes) == (normalize_str(name), (), ())


@pytest.mark.parametrize("name", ["عمرو", "وليد", "بلال", "كريم", "فيصل", "سامي", "وائل"])
def test_names_that_look_like_clitic_plus_word_stay_whole_with_the_real_vocabulary(name):
    assert _whole(name, is_known_word)


def test_structural_guards_keep_names_whole_even_when_the_rest_is_a_known_word():
    # the hand-made lexicon knows يد, ريم, مرو, عيد but none of the names
    assert _whole("وليد", KNOWN)  # ل + يد: a two-letter stem is too short
    assert _whole("كريم", KNOWN)  # bare ك needs a long stem
    assert _whole("عمرو", KNOWN)  # و ends the word: no enclitic
    assert _whole("سعيد", KNOWN)  # the future س comes before a verb only


def test_a_name_known_as_a_whole_word_is_not_split():
    # with لال known, بلال could be ب + لال: knowing the name keeps it whole
    assert not _whole("بلال", KNOWN)
    assert _whole("بلال", known_from(["لال", "بلال"]))


def test_enclitics_need_a_known_stem_and_respect_ta_marbuta():
    tokens = _by_text("وزارته قيادتنا سموه كبيرة غربي")
    assert (tokens["وزارته"].stem, tokens["وزارته"].suffixes[0].form) == ("وزاره", "ه")
    assert (tokens["قيادتنا"].stem, tokens["قيادتنا"].suffixes[0].form) == ("قياده", "نا")
    assert (tokens["سموه"].stem, tokens["سموه"].suffixes[0].form) == ("سمو", "ه")
    assert not _by_text("غربي")["غربي"].suffixes  # the nisba ي is no pronoun
    assert not tokenize("مُدِيرَة", known_from(["مدير"]))[0].suffixes  # final ة is no pronoun ه


def test_future_prefix_only_before_an_imperfect_verb():
    tokens = _by_text("سيلتقي وسيلتقي")
    assert (tokens["سيلتقي"].proclitic, tokens["سيلتقي"].stem) == ("س", "يلتقي")
    assert (tokens["وسيلتقي"].proclitic, tokens["وسيلتقي"].stem) == ("وس", "يلتقي")


def test_parts_slice_the_original_with_diacritics_and_tatweel():
    text = "وَلِلْجَنَّةِ لِلْبَرِيدِ وَبِالْوِزَارَةِ والـــوزير وَزَارَتُهُ"
    tokens = check_all(text)
    by_text = {t.text: t for t in tokens}
    lam = by_text["لِلْبَرِيدِ"]
    assert text[lam.stem_start:lam.stem_end] == "لْبَرِيدِ"  # the stem keeps its final kasra
    assert lam.written_stem == "الْبَرِيدِ"
    conj = by_text["وَلِلْجَنَّةِ"]
    assert [text[p.start:p.end] for p in conj.prefixes] == ["وَ", "لِ", ""]
    assert by_text["وَزَارَتُهُ"].suffixes[0].form == "ه"


def test_invisible_marks_at_word_edges_stay_outside_tokens():
    text = "قال \u200fالوزير\u200f \u200b"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["قال", "الوزير"]


def test_lone_tatweel_is_a_dash():
    tokens = tokenize("سلوى ـ عين")
    assert [(t.text, t.kind) for t in tokens] == [("سلوى", "word"), ("ـ", "punct"), ("عين", "word")]


def test_newlines_and_spaces_before_tokens():
    tokens = tokenize("الرياض - واس\nالتقى")
    assert [t.newline_before for t in tokens] == [False, False, False, True]
    assert tokens[1].space_before and tokens[0].space_before


def test_real_vocabulary_segmentation_is_consistent_on_the_seed(seed_text):
    tokens = check_all(seed_text, is_known_word)
    assert any(t.prefixes for t in tokens)


def test_article_forms_split_even_when_the_vocabulary_holds_them_whole():
    # lexicon files hold phrases such as "الشركة المصرية للاتصالات": للاتصالات is still ل + الاتصالات
    tok = tokenize("للاتصالات", known_from(["للاتصالات"]))[0]
    assert tok.stem == "الاتصالات"


def test_real_vocabulary_splits_common_forms():
    tokens = _by_text("ووزارة بوزارة للاتصالات والعراق بالقاهرة المصري ووكيل وكيل", is_known_word)
    assert tokens["ووزارة"].stem == "وزاره"
    assert tokens["بوزارة"].stem == "وزاره"
    assert tokens["للاتصالات"].stem == "الاتصالات"
    assert tokens["والعراق"].stem == "العراق"
    assert tokens["بالقاهرة"].stem == "القاهره"
    assert not tokens["المصري"].suffixes
    assert tokens["ووكيل"].stem == "وكيل" and tokens["وكيل"].stem == "وكيل"


def test_segment_is_pure_and_short_words_stay_whole():
    assert segment("في").stem == "في"
    assert segment("ال").stem == "ال"
    assert segment("الوزير") == segment("الوزير")


def test_web_and_email_addresses_are_one_token():
    text = "زوروا www.sfda.gov.sa/ar، أو راسلوا info@sfda.gov.sa. الموقع moe.gov.sa"
    tokens = tokenize(text)
    urls = [t.text for t in tokens if t.kind == "url"]
    assert urls == ["www.sfda.gov.sa/ar", "info@sfda.gov.sa", "moe.gov.sa"]
    assert [t.text for t in tokenize("U.S. 3.5")] == ["U", ".", "S", ".", "3.5"]


def test_no_future_prefix_before_a_noun_and_no_bare_kaf_with_an_enclitic():
    known = known_from(["نيه", "رامه", "رييس"])
    assert tokenize("سنية", known)[0].stem == "سنيه"  # a noun in ة takes no future prefix
    assert tokenize("كرامتهن", known)[0].stem == "كرامتهن"
    assert tokenize("كرئيس", known)[0].stem == "رييس"


def test_a_clitic_splits_off_a_noun_the_lexicon_knows_with_its_article():
    known = known_from(["الشوون", "المدينه"])
    assert tokenize("لشؤون", known)[0].stem == "شوون"
    assert tokenize("وبمدينة", known)[0].stem == "مدينه"
    assert tokenize("بلال", known)[0].stem == "بلال"


@pytest.mark.parametrize("word", ["والوزير", "للبريد", "للجنة", "بالرياض", "فالأمير", "وللمملكة", "ومتعب", "كالعادة",
                                  "الم", "ال", "وال", "لل", "بال", "ولل", "سيعقد", "وزارته", "في", "و", "Reuters"])
def test_segment_without_lexicon_is_segment_with_no_known_word(word):
    from rasid.text.tokenize import segment_without_lexicon

    norm = normalize_str(word)
    assert segment_without_lexicon(norm) == segment(norm)
