from rasid.evaluation.matching import (
    name_key, one_to_one, org_name_score, person_name_score, title_score, token_f1,
)


def test_name_key_normalizes_hamza_abd_and_leading_conjunction():
    assert name_key("عبد الفتاح السيسى") == name_key("عبدالفتاح السيسي")
    assert name_key("أركان") == name_key("اركان")
    assert name_key("والهيئة القومية") == name_key("الهيئة القومية")
    assert name_key("وليد زكريا") == ("وليد", "زكريا")  # a name starting with و is kept whole


def test_short_form_of_a_person_matches_but_scores_below_the_full_name():
    full = person_name_score("عمرو طلعت", [], "عمرو طلعت", [])
    short = person_name_score("طلعت", [], "عمرو طلعت", [])
    assert full == 1.0
    assert 0 < short < full
    assert person_name_score("عمرو محفوظ", [], "عمرو طلعت", []) == 0.0


def test_alias_matches_a_person():
    assert person_name_score("لافروف", [], "سيرجي لافروف", ["لافروف"]) == 0.9


def test_organizations_need_most_tokens_in_common():
    assert org_name_score("وزارة الاتصالات", [], "وزارة الاتصالات وتكنولوجيا المعلومات", []) == 0.0
    assert org_name_score("الهيئة القومية للبريد", [], "الهيئه القوميه للبريد", []) == 1.0
    assert org_name_score("إيتيدا", [], "هيئة تنمية صناعة تكنولوجيا المعلومات", ["إيتيدا"]) == 0.9


def test_title_match_is_by_token_f1():
    assert title_score("وزير الاتصالات", "وزير الاتصالات بجمهورية العراق") == 0.0
    assert title_score("وزير الخارجية الروسي", "وزير الخارجية الروسي") == 1.0
    assert token_f1(["a", "b"], ["a", "c"]) == 0.5


def test_one_to_one_takes_the_best_pairs_first_and_each_item_once():
    pred = ["عمرو طلعت", "طلعت"]
    gold = ["عمرو طلعت"]
    pairs = one_to_one(pred, gold, lambda p, g: person_name_score(p, [], g, []))
    assert [(p, g) for p, g, _ in pairs] == [("عمرو طلعت", "عمرو طلعت")]
