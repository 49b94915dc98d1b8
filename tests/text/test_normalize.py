from rasid.text.normalize import normalize, normalize_str


def test_letter_variants_are_folded():
    assert normalize_str("أحمد إبراهيم آمال") == "احمد ابراهيم امال"
    assert normalize_str("مصطفى على") == "مصطفي علي"
    assert normalize_str("وزارة الخارجية") == "وزاره الخارجيه"
    assert normalize_str("ٱلرحمن") == "الرحمن"
    assert normalize_str("مسؤول شؤون رئيس") == "مسوول شوون رييس"


def test_persian_letters_become_arabic():
    assert normalize_str("کریم") == "كريم"  # keheh and Farsi yeh
    assert normalize_str("ڤلاديمير") == "فلاديمير"
    assert normalize_str("پاکستان") == "باكستان"


def test_digits_become_ascii():
    assert normalize_str("٢٠١٥") == "2015"
    assert normalize_str("۱۴۳۶") == "1436"  # Eastern Arabic (Persian) digits
    assert normalize_str("٣٫٥") == "3.5"


def test_diacritics_tatweel_and_invisible_marks_are_deleted():
    assert normalize_str("مُحَمَّدٌ") == "محمد"
    assert normalize_str("الـــوزير") == "الوزير"
    for mark in ("\u200b", "\u200c", "\u200e", "\u200f", "\ufeff"):
        assert normalize_str(f"وزير{mark}الخارجية") == "وزيرالخارجيه"


def test_guillemets_and_curly_quotes_become_straight_quotes():
    assert normalize_str("«إيتيدا» “قال” ‘ما’") == '"ايتيدا" "قال" \'ما\''


def test_offsets_point_at_the_original_characters():
    text = "\u200fقالَ «الوزيـــرُ»: ٢٠١٥"
    n = normalize(text)
    assert len(n.offsets) == len(n.text) + 1 and n.offsets[-1] == len(text)
    for i, ch in enumerate(n.text):
        assert normalize_str(text[n.offsets[i]]) == ch
    assert list(n.offsets[:-1]) == sorted(n.offsets[:-1])


def _original(text: str, needle: str) -> str:
    n = normalize(text)
    start = n.text.index(needle)
    s, e = n.original_span(start, start + len(needle))
    return text[s:e]


def test_spans_map_back_with_deleted_characters_inside_and_around():
    text = "استقبل مُحَمَّدٌ الــوزيرَ في القاهرة"
    assert _original(text, "محمد") == "مُحَمَّدٌ"  # keeps the word's last vowel
    assert _original(text, "الوزير") == "الــوزيرَ"
    assert _original(text, "محمد الوزير") == "مُحَمَّدٌ الــوزيرَ"
    assert _original(text, "القاهره") == "القاهرة"


def test_invisible_marks_around_a_word_stay_outside_its_span():
    text = "قال \u200fالوزير\u200f أمس"
    assert _original(text, "الوزير") == "الوزير"


def test_a_tatweel_after_a_space_is_not_given_to_the_space():
    text = "أ ـب"
    n = normalize(text)
    assert n.original_span(1, 2) == (1, 2)


def test_empty_span_maps_to_a_position():
    n = normalize("مَعَ")
    assert n.original_span(1, 1) == (2, 2)
    assert n.original_span(2, 2) == (4, 4)
