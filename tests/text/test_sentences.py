from rasid.text.sentences import split_sentences
from rasid.text.tokenize import tokenize


def _sentences(text: str) -> list[str]:
    tokens = tokenize(text)
    return [text[tokens[a].start:tokens[b - 1].end] for a, b in split_sentences(tokens)]


def test_arabic_and_latin_punctuation_end_sentences():
    assert _sentences("التقى الوزيران. وبحثا التعاون! هل اتفقا؟ نعم.") == [
        "التقى الوزيران.", "وبحثا التعاون!", "هل اتفقا؟", "نعم."]
    assert _sentences("The ministers met. They agreed.") == ["The ministers met.", "They agreed."]


def test_line_breaks_end_sentences():
    assert _sentences("عنوان الخبر\nالرياض - واس\nالتقى الوزير نظيره") == [
        "عنوان الخبر", "الرياض - واس", "التقى الوزير نظيره"]


def test_no_split_inside_numbers():
    assert _sentences("بلغ النمو 3.5 في المائة و٢٫٧ في العام الماضي.") == [
        "بلغ النمو 3.5 في المائة و٢٫٧ في العام الماضي."]


def test_no_split_after_abbreviations_and_initials():
    assert _sentences("استقبل د. محمد علي الوفد. ثم غادر.") == ["استقبل د. محمد علي الوفد.", "ثم غادر."]
    assert _sentences("حاضر أ.د. سعيد في الندوة. وشكره الحضور.") == [
        "حاضر أ.د. سعيد في الندوة.", "وشكره الحضور."]
    assert _sentences("قال Dr. Smith ذلك. وانتهى.") == ["قال Dr. Smith ذلك.", "وانتهى."]


def test_an_era_letter_after_a_number_ends_the_sentence():
    assert _sentences("وقع الاتفاق في 11 أغسطس 2015 م. وقال الوزير إنه مهم.") == [
        "وقع الاتفاق في 11 أغسطس 2015 م.", "وقال الوزير إنه مهم."]


def test_closing_quotes_stay_with_their_sentence():
    assert _sentences('قال: "تم الاتفاق." ثم غادر.') == ['قال: "تم الاتفاق."', "ثم غادر."]
    assert _sentences("قال: «تم الاتفاق.» ثم غادر.") == ["قال: «تم الاتفاق.»", "ثم غادر."]


def test_every_token_gets_its_sentence_number():
    tokens = tokenize("أ. ب.\nج")
    split_sentences(tokens)
    assert [t.sentence for t in tokens][-1] == len({t.sentence for t in tokens}) - 1


def test_web_addresses_and_list_numbers_do_not_split():
    assert _sentences("للاستفسار: www.sfda.gov.sa أو info@sfda.gov.sa. وشكرا.") == [
        "للاستفسار: www.sfda.gov.sa أو info@sfda.gov.sa.", "وشكرا."]
    assert _sentences("وتشمل الخطة:\n1. تدريب الكوادر.\n2. تبادل الخبرات.") == [
        "وتشمل الخطة:", "1. تدريب الكوادر.", "2. تبادل الخبرات."]
