import pytest

from rasid.lang.vocabulary import is_known_word
from rasid.text.metadata import mark_metadata
from rasid.text.tokenize import tokenize

STORY = "قال وزير الخارجية إن المحادثات بين البلدين كانت مثمرة وتناولت عددا من الملفات الإقليمية."


def _marks(text: str) -> list[tuple[str, str]]:
    tokens = tokenize(text, is_known_word)
    spans = mark_metadata(tokens)
    for kind, start, end in spans:
        marked = [t for t in tokens if start <= t.start and t.end <= end]
        assert marked and all(t.meta == kind for t in marked)
    return [(kind, text[start:end]) for kind, start, end in spans]


@pytest.mark.parametrize("line, dateline", [
    ("الرياض - واس", "الرياض - واس"),
    ("موسكو 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس", "موسكو 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس"),
    ("عين اليوم – جدة", "عين اليوم – جدة"),
    ("القاهرة - أ ش أ", "القاهرة - أ ش أ"),
    ("القاهرة - أ.ش.أ", "القاهرة - أ.ش.أ"),
])
def test_dateline_lines(line, dateline):
    assert _marks(f"عنوان الخبر\n{line}\n{STORY}") == [("dateline", dateline)]


@pytest.mark.parametrize("opening, dateline", [
    ("القاهرة (رويترز) -", "القاهرة (رويترز) -"),
    ("دبي، الإمارات العربية المتحدة (CNN)--", "دبي، الإمارات العربية المتحدة (CNN)--"),
    ("سبق- الرياض:", "سبق- الرياض:"),
    ("واس - عدن:", "واس - عدن:"),
])
def test_datelines_that_open_the_first_story_line(opening, dateline):
    assert _marks(f"عنوان الخبر\n{opening} {STORY}") == [("dateline", dateline)]


def test_author_before_the_outlet_is_a_byline():
    assert _marks(f"عنوان\nبدر الجبل- سبق- تبوك: {STORY}") == [
        ("byline", "بدر الجبل-"), ("dateline", "سبق- تبوك:")]
    assert _marks(f"عنوان\nلجين الأحمدي – عين اليوم\n{STORY}") == [
        ("byline", "لجين الأحمدي –"), ("dateline", "عين اليوم")]


def test_author_then_outlet_then_the_story_on_one_line():
    assert _marks(f"عنوان\nرغد عشميل – عين اليوم {STORY}") == [
        ("byline", "رغد عشميل –"), ("dateline", "عين اليوم")]


def test_author_and_place_line_without_an_agency():
    assert _marks(f"عنوان\nحامد القرشي – مكة المكرمة\n{STORY}") == [
        ("byline", "حامد القرشي –"), ("dateline", "مكة المكرمة")]


def test_byline_with_a_cue():
    assert _marks(f"عنوان\nكتب: الوطن\n{STORY}") == [("byline", "كتب: الوطن")]


def test_story_sentences_are_not_datelines():
    # a place, a dash and story words; a title with a colon; an agency inside a sentence
    for text in (
        f"عنوان\nالقاهرة - {STORY}",
        f"مصر: لقاءات ثنائية للرئيس مع عدد من رؤساء الدول\n{STORY}",
        f"عنوان\nونقلت وكالة الأنباء السعودية واس عن الوزير قوله إن الزيارة ناجحة.\n{STORY}",
        f"عنوان\n{STORY}\nوأضاف - في تصريح لواس - أن الاتفاق سيوقع قريبا.",
        f"عنوان\nسبق- عدن: هبطت، طائرة مساعدات في المطار صباح اليوم بعد توقف دام أسابيع.",
    ):
        marks = _marks(text)
        assert all(not (kind == "dateline" and any(w in span for w in ("قال", "لقاءات", "نقلت", "وأضاف", "هبطت")))
                   for kind, span in marks), marks
    assert _marks(f"عنوان\nالقاهرة - {STORY}") == []


def test_trailers_end_the_story():
    assert _marks(f"عنوان\n{STORY}\nمواضيع متعلقة\nخبر آخر عن الاقتصاد") == [
        ("trailer", "مواضيع متعلقة\nخبر آخر عن الاقتصاد")]
    assert _marks(f"عنوان\n{STORY}\n// انتهى //\n11:24 ت م") == [("trailer", "// انتهى //\n11:24 ت م")]
    assert _marks(f"عنوان\n{STORY}\nNext Previous") == [("trailer", "Next Previous")]


def test_a_tag_list_after_the_last_sentence_is_a_trailer():
    assert _marks(f"عنوان\n{STORY} سمات اليمن جازان جوازات") == [("trailer", "سمات اليمن جازان جوازات")]
    assert _marks(f"عنوان\n{STORY}\n ...المزيد") == [("trailer", "...المزيد")]
    # the label word inside a sentence, or with a sentence after it, is story text
    assert _marks(f"عنوان\n{STORY} سمات القيادة مهمة في رأيه.") == []
    assert _marks(f"عنوان\n{STORY}\nوتحدث عن سمات القيادة") == []


def test_a_story_line_opening_with_a_whole_line_marker_word_is_no_trailer():
    assert _marks(f"عنوان\n{STORY}\nانتهى الاجتماع بالاتفاق على تشكيل لجنة مشتركة.") == []


def test_site_furniture_before_the_dateline_marks_only_itself():
    assert _marks(f"عنوان\nNext Previous عين اليوم – واس\n{STORY}") == [
        ("trailer", "Next Previous"), ("dateline", "عين اليوم – واس")]


def test_a_marker_line_before_the_story_is_furniture_not_a_trailer():
    # "Next Previous" alone before the dateline must not turn the whole article into a trailer
    assert _marks(f"عنوان\nNext Previous\nواس – الرياض\n{STORY}") == [
        ("trailer", "Next Previous"), ("dateline", "واس – الرياض")]


def test_hashtags_are_marked():
    assert _marks(f"عنوان\nاختتم وزير خارجية #كوريا_الشمالية محادثاته.") == [("hashtag", "#كوريا_الشمالية")]


def test_datelines_are_looked_for_in_the_first_lines_only():
    body = "\n".join([STORY] * 5)
    assert _marks(f"عنوان\n{body}\nالرياض - واس\n{STORY}") == []
