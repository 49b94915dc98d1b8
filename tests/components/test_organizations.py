"""Organizations: heads and complements, clitics, anaphors, acronyms, countries, outlets."""
from __future__ import annotations

import pytest

from rasid.components import registered
from rasid.doc import Article, Doc
from rasid.pipeline import analyze
from rasid.settings import Settings

SETTINGS = Settings(components=("text", "countries", "organizations"))


def run(text: str):
    return analyze(Article(text), SETTINGS)


def orgs(doc) -> dict[str, str | None]:
    return {e.name: e.country for e in doc.entities_of("ORG")}


def check_spans(doc) -> None:
    for entity in doc.entities:
        for mention in entity.mentions:
            assert doc.text[mention.start:mention.end] == mention.text


@pytest.mark.parametrize("text, name", [
    ("وأكدت إيمان مدير المعهد العالي للاتصالات والبريد بالعراق استعدادها.", "المعهد العالي للاتصالات والبريد"),
    ("واستعرض الرئيس التنفيذي لهيئة تنمية صناعة تكنولوجيا المعلومات المشروعات.",
     "هيئة تنمية صناعة تكنولوجيا المعلومات"),
    ("وقال مدير عام الشركة العامة للبريد والتوفير، إن العمل مستمر.", "الشركة العامة للبريد والتوفير"),
    ("كما تناول المدير التنفيذي للمركز الوطني للاستعداد لطوارئ الحاسب والشبكات الخطوات المقترحة.",
     "المركز الوطني للاستعداد لطوارئ الحاسب والشبكات"),
    ("وذكر رئيس مجلس إدارة الهيئة القومية للبريد مجالات التعاون.", "الهيئة القومية للبريد"),
    ("وحضر الوكيل الفني لوزارة الاتصالات في الاجتماع.", "وزارة الاتصالات"),
    ("زار الوفد مجمع الملك فهد لطباعة المصحف الشريف في المدينة.", "مجمع الملك فهد لطباعة المصحف الشريف"),
])
def test_name_and_where_its_complement_ends(text, name):
    doc = run(text)
    assert name in orgs(doc)
    check_spans(doc)


def test_clitics_are_not_part_of_the_name_and_mentions_are_exact():
    doc = run("أشار إلى إمكانيات الشركة المصرية للاتصالات، ووزارة الاتصالات وتكنولوجيا المعلومات.")
    names = orgs(doc)
    assert names["الشركة المصرية للاتصالات"] == "EG"
    assert "وزارة الاتصالات وتكنولوجيا المعلومات" in names
    check_spans(doc)
    ministry = next(e for e in doc.entities_of("ORG") if e.name.startswith("وزارة"))
    assert ministry.mentions[0].text == "وزارة الاتصالات وتكنولوجيا المعلومات"


def test_bare_definite_head_is_a_mention_of_the_latest_body():
    doc = run("أعلنت وزارة النقل العراقية خطة جديدة. وقالت الوزارة إن الخطة تبدأ الشهر المقبل.")
    assert list(orgs(doc)) == ["وزارة النقل العراقية"]
    ministry = doc.entities_of("ORG")[0]
    assert [m.text for m in ministry.mentions] == ["وزارة النقل العراقية", "الوزارة"]
    assert "الوزارة" in ministry.aliases


def test_bare_title_is_not_an_organization_but_the_ministry_is():
    assert orgs(run("التقى وزير الخارجية الإيطالي نظيره.")) == {}
    assert orgs(run("أعلنت الخارجية الفلبينية القرار.")) == {"الخارجية الفلبينية": "PH"}


def test_acronym_in_guillemets_is_an_alias_and_later_mention():
    doc = run("وقال رئيس هيئة تنمية صناعة تكنولوجيا المعلومات «إيتيدا» إن إيتيدا تدعم الشركات.")
    body = doc.entities_of("ORG")[0]
    assert body.aliases == ["إيتيدا"]
    assert [m.text for m in body.mentions].count("إيتيدا") == 2
    check_spans(doc)


def test_country_from_name_place_side_and_international_bodies():
    doc = run("حضر اللقاء من الجانب العراقي مدير عام دائرة التخطيط والمتابعة، ومدير مركز رواد الأعمال بالعراق، "
              "وممثل عن الاتحاد البريدي العالمي والأمم المتحدة.")
    names = orgs(doc)
    assert names["دائرة التخطيط والمتابعة"] == "IQ"
    assert names["مركز رواد الأعمال"] == "IQ"
    assert names["الاتحاد البريدي العالمي"] is None
    assert names["الأمم المتحدة"] is None


def test_relaying_outlet_is_not_an_organization():
    assert orgs(run("ذكرت وكالة الأنباء السعودية أن الملك استقبل الوفد.")) == {}
    assert orgs(run("وقال الوزير لقناة العربية إن الاتفاق قريب.")) == {}


def test_well_known_body_without_head():
    names = orgs(run("رحبت أوبك بالقرار، وعلق البيت الأبيض على الاتفاق."))
    assert names == {"أوبك": None, "البيت الأبيض": "US"}


def test_description_is_not_a_name():
    assert orgs(run("تعمل شركة مصرية في المشروع مع الشركات المحلية.")) == {}


def test_two_forms_of_one_body_are_one_entity():
    doc = run("زار الوفد الهيئة العامة لقصور الثقافة المصرية، ثم أشاد بخبرات هيئة قصور الثقافة المصرية.")
    assert len(doc.entities_of("ORG")) == 1


@pytest.mark.parametrize("text", ["", "Hello only latin", "وزارة " * 400, "الهيئة القومية «", "شركة (((",
                                  "مجلس الأمن\u200f ABC وزارة", "وزارة الاتصالات " * 200])
def test_bad_input_never_crashes_or_leaves_the_text(text):
    doc = Doc(Article(text))
    for name in ("text", "countries", "organizations"):
        doc = registered()[name](doc, SETTINGS)
    check_spans(doc)


def test_a_department_named_before_its_body_is_not_a_body_of_its_own():
    doc = run("زار الملحق الإدارة المركزية لصندوق التنمية الثقافية أمس.")
    assert list(orgs(doc)) == ["صندوق التنمية الثقافية"]


def test_definite_head_takes_only_adjectives():
    assert orgs(run("وقدمت الوزارة العديد من المبادرات.")) == {}
    assert "المجلس الأعلى للثقافة" in orgs(run("زار الوفد المجلس الأعلى للثقافة أمس."))


def test_a_title_in_parentheses_is_no_acronym():
    doc = run("استقبله رئيس الإدارة المركزية للحرف (مدير هيئة الصناعات الحرفية) في مكتبه.")
    assert all("مدير" not in alias for e in doc.entities_of("ORG") for alias in e.aliases)


def test_a_device_is_not_a_body_but_a_national_authority_is():
    assert orgs(run("اشترى المواطن جهاز الكمبيوتر من السوق.")) == {}
    assert "الجهاز القومي لتنظيم الاتصالات" in orgs(run("أعلن الجهاز القومي لتنظيم الاتصالات القرار."))


def _with_ner(text: str, labelled: list[tuple[str, str]]) -> Doc:
    """Run text and countries, add hand-made NER spans (label, words as written), then organizations."""
    doc = Doc(Article(text))
    for name in ("text", "countries"):
        doc = registered()[name](doc, SETTINGS)
    spans = []
    for label, words in labelled:
        start = text.index(words)
        first = next(t.i for t in doc.tokens if t.end > start)
        last = next(t.i for t in doc.tokens if t.end >= start + len(words)) + 1
        spans.append({"label": label, "first": first, "last": last, "start": start, "end": start + len(words)})
    doc.extra["ner"] = spans
    for name in ("organizations", "locations"):
        doc = registered()[name](doc, SETTINGS)
    return doc


def test_ner_org_spans_add_bodies_without_head_words():
    doc = _with_ner("وتبنت سرايا الأشتر الهجوم، وقال وولستروم إن الوضع هادئ.",
                    [("ORG", "سرايا الأشتر"), ("ORG", "وولستروم")])
    assert list(orgs(doc)) == ["سرايا الأشتر"]
    check_spans(doc)


def test_ner_agency_or_relayed_outlet_is_not_a_body():
    doc = _with_ner("وقالت فرانس برس إن الاجتماع انتهى.", [("ORG", "فرانس برس")])
    assert orgs(doc) == {}


def test_ner_places_become_locations_but_not_over_found_names():
    doc = _with_ner("اعتقل الجيش 21 شخصا في الضفة الغربية، وزار الوفد مصر.",
                    [("LOC", "الضفة الغربية"), ("LOC", "مصر")])
    assert [e.name for e in doc.entities_of("LOCATION")] == ["الضفة الغربية"]
    check_spans(doc)


def test_malformed_ner_spans_are_ignored():
    doc = Doc(Article("زار الوفد الهيئة القومية للبريد."))
    for name in ("text", "countries"):
        doc = registered()[name](doc, SETTINGS)
    doc.extra["ner"] = [{"label": "ORG", "first": 5, "last": 99}, {"label": "LOC", "first": "x"}, {"label": "ORG"}]
    for name in ("organizations", "locations"):
        doc = registered()[name](doc, SETTINGS)
    assert list(orgs(doc)) == ["الهيئة القومية للبريد"]


def test_proper_names_after_a_head():
    names = orgs(run("وتقول الباحثة من جامعة كورنيل إن الفوارق بارزة، وأعلنت شركة لوكهيد مارتن أن الصفقة تمت."))
    assert {"جامعة كورنيل", "شركة لوكهيد مارتن"} <= set(names)
    assert "جامعة «نبراسكا» الأمريكية" in orgs(run("وقال أستاذ بجامعة «نبراسكا» الأمريكية إن العلاج ناجح."))


def test_no_proper_name_after_a_common_noun_or_an_agreeing_adjective():
    assert orgs(run("اعترضت على تصريحات أعضاء إدارة ترامب أمس.")) == {}
    assert orgs(run("وتوجد لديه لجنة متخصصة في ثقافة الطفل.")) == {}


def test_palestinian_authority_is_a_body_of_palestine():
    doc = run("دعت السلطة الفلسطينية إلى التحرك.")
    assert orgs(doc) == {"السلطة الفلسطينية": "PS"}
    assert {e.country for e in doc.entities_of("COUNTRY")} == {"PS"}


def test_chaired_by_a_person_is_no_body():
    assert orgs(run("عقد الاجتماع برئاسة خالد الفيصل أمس.")) == {}


def test_home_country_is_the_bare_reference_not_the_visitors():
    doc = run("استقبل المستشار في الديوان الملكي سفير فنلندا لدى المملكة، وسفير النرويج والسفير الدنماركي.")
    assert orgs(doc)["الديوان الملكي"] == "SA"


def test_the_bare_reference_names_home_even_as_a_destination():
    doc = run("نفذت وزارة الداخلية حكم القتل في مهرب باكستاني الجنسية عند تهريبه الهيروين إلى المملكة.")
    assert orgs(doc)["وزارة الداخلية"] == "SA"


def test_a_name_after_an_eponym_head_ends_with_its_sentence():
    doc = run("وظائف نسائية بجامعة الملك سعود\n\nأعلنت جامعة الملك سعود عن توافر وظائف.")
    assert set(orgs(doc)) == {"جامعة الملك سعود"}


def test_indefinite_descriptions_are_no_names():
    assert orgs(run("واقترح إنشاء مجمع للحوار الإقليمي ومركز إقليمي للأبحاث.")) == {}


def test_a_relaying_agency_that_announces_is_no_body():
    assert orgs(run("أعلنت وكالة الأنباء الفلسطينية (وفا)، الأربعاء، مقتل شخص.")) == {}


def test_an_agency_that_is_not_a_news_outlet_stays():
    assert "وكالة الفضاء الأوروبية" in orgs(run("أعلنت وكالة الفضاء الأوروبية إطلاق القمر."))


def test_a_title_after_و_and_a_purpose_after_a_ministry_end_the_name():
    names = orgs(run("برئاسة النائب الثاني لرئيس مجلس الوزراء ووزير الدفاع، "
                     "ودعا وزارة المياه والكهرباء للإسراع في المشروع."))
    assert {"مجلس الوزراء", "وزارة المياه والكهرباء"} <= set(names)
    assert "مؤسسة مكة للطباعة والإعلام" in orgs(run("استقبل الأمير قيادات مؤسسة مكة للطباعة والإعلام أمس."))


def test_town_centres_and_a_party_after_a_state_are_not_names():
    assert orgs(run("وصلت القوات إلى مركز محافظة الأنبار أمس.")) == {}
    names = orgs(run("وتديرها شركة شيفرون العربية السعودية والجانب الكويتي بالتساوي."))
    assert list(names) == ["شركة شيفرون العربية السعودية"]


def test_offices_and_municipalities_with_a_naming_complement():
    names = orgs(run("وقال مكتب الإحصاءات الوطنية إن العجز تراجع، وأعلنت أمانة الطائف افتتاح المتنزه."))
    assert {"مكتب الإحصاءات الوطنية", "أمانة الطائف"} <= set(names)
    assert orgs(run("وأغلق مكتب الاستقدام أبوابه.")) == {}


def test_an_office_named_after_a_person_is_no_body():
    assert orgs(run("وقال بيان صادر عن مكتب السيسي إن اللقاء ناجح.")) == {}


def test_a_state_whose_name_begins_like_a_body_is_no_body():
    doc = run("وقع الاتحاد الروسي اتفاقا مع الاتحاد السوفيتي السابق.")
    assert orgs(doc) == {}
    assert {e.country for e in doc.entities_of("COUNTRY")} == {"RU"}


def test_a_committee_for_a_purpose_is_no_name():
    assert orgs(run("وشكلت لجنة لتنقيح المناهج الدراسية.")) == {}


def test_random_mixtures_of_lexicon_words_and_noise_stay_inside_the_text():
    import random

    pieces = ["وزارة", "الهيئة", "للبريد", "والمعلومات", "لوزارة", "مصر", "العراقية", "«", "»", "(", ")", "،", ".",
              "في", "الملك", "فهد", "ABC", "123", "جامعة", "كورنيل", "المملكة", "عمان", "بالعراق", "ـ", "\u064b",
              "\n", "الجانب", "التابعة", "شركة", "لل", "و", "ال", "إيتيدا", "#وسم", "موسكو", "ترحب"]
    rng = random.Random(7)
    for _ in range(200):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        doc = Doc(Article(text))
        for name in ("text", "countries"):
            doc = registered()[name](doc, SETTINGS)
        n = len(doc.tokens)
        doc.extra["ner"] = [{"label": rng.choice(["ORG", "LOC", "PERS"]), "first": a, "last": a + rng.randint(1, 3)}
                            for a in (rng.randrange(n) for _ in range(3))] if n else []
        for name in ("organizations", "locations"):
            doc = registered()[name](doc, SETTINGS)
        check_spans(doc)
        assert all(0 <= m.start <= m.end <= len(text) for e in doc.entities for m in e.mentions)


def test_a_network_of_a_company_is_the_company():
    names = orgs(run("ربط المشروع بالشبكة العامة للشركة السعودية للكهرباء أمس."))
    assert list(names) == ["الشركة السعودية للكهرباء"]
    assert "الأركان العامة للقوات المسلحة السنغالية" in orgs(run("زار رئيس الأركان العامة للقوات المسلحة السنغالية المقر."))


def test_a_well_known_name_with_an_adjective_of_its_own_is_another_body():
    names = orgs(run("اجتمع مجلس الأمن الوطني أمس، ثم انعقد مجلس الأمن الدولي."))
    assert "مجلس الأمن الوطني" in names and names.get("مجلس الأمن الدولي", "x") is None


def test_known_body_takes_the_nationality_after_it():
    assert orgs(run("أعلنت شركة أرامكو السعودية عن شراكة جديدة.")) == {"شركة أرامكو السعودية": "SA"}


def test_a_definite_field_goes_on_with_the_name_an_indefinite_one_is_a_titles():
    doc = run("أوضحت المديرية العامة للشؤون الصحية بمنطقة جازان أن الحالة مستقرة، وقال وكيل وزارة الداخلية "
              "لشئون المناطق إن الحفل نجح، وحضر مساعد رئيس الديوان الملكي للشؤون التنفيذية.")
    assert set(orgs(doc)) == {"المديرية العامة للشؤون الصحية", "وزارة الداخلية", "الديوان الملكي"}


def test_chaired_by_a_person_or_title_is_no_body():
    doc = run("انطلق الاجتماع برئاسة مدير عام السجون اللواء إبراهيم الحمزي، وعقد المجلس جلسته برئاسة الأمير "
              "سلطان بن سلمان ثم برئاسة رئيسها. وأعلنت رئاسة مجلس الوزراء ورئاسة الجمهورية القرار.")
    check_spans(doc)
    assert set(orgs(doc)) == {"رئاسة مجلس الوزراء", "رئاسة الجمهورية"}


def test_a_head_counted_after_a_number_names_no_body():
    doc = run("ويعمل حاليا 90 مستشفى حكوميا بنظام التشغيل الذاتي، وقالت وزارة الصحة إن العمل مستمر.")
    assert set(orgs(doc)) == {"وزارة الصحة"}
    check_spans(doc)


def test_well_known_clubs_and_companies_without_a_head_are_bodies():
    doc = run("أبرم ريال مدريد صفقة مع مجموعة علي بابا الصينية، وأعلنت موبايلي نتائجها.")
    assert orgs(doc) == {"ريال مدريد": "ES", "مجموعة علي بابا الصينية": "CN", "موبايلي": "SA"}
    check_spans(doc)


def test_opec_by_its_long_name_with_petroleum_is_one_body():
    doc = run("وتملك إيران العضو في منظمة البلدان المصدرة للبترول (أوبك) احتياطات كبيرة.")
    assert orgs(doc) == {"منظمة البلدان المصدرة للبترول": None}


def test_a_head_before_a_well_known_body_of_a_state_names_that_body():
    doc = run("أعلن نادي تشيلسي الإنجليزي اليوم إقالة الطبيبة، لتترك تشلسي يلعب بتسعة لاعبين.")
    assert orgs(doc) == {"نادي تشيلسي الإنجليزي": "GB"}
    check_spans(doc)


def test_organ_systems_and_team_staff_are_not_bodies():
    assert orgs(run("يتطلب الجهاز الهضمي المزيد من الدم، ويضر التدخين بالجهاز التنفسي.")) == {}
    assert orgs(run("ويهدف الجهاز الفني للوقوف على جاهزية اللاعبين، وأعلن الجهاز الطبي إصابة المهاجم.")) == {}
    doc = run("وأعلن الجهاز المركزي للتعبئة العامة والإحصاء النتائج.")
    assert list(orgs(doc)) == ["الجهاز المركزي للتعبئة العامة والإحصاء"]
    check_spans(doc)


def test_marseille_written_either_way_is_the_known_club():
    for text in ("وغادر المدرب أولمبيك مارسيليا فجأة.", "وغادر المدرب اولمبيك مرسيليا فجأة."):
        assert list(orgs(run(text)).values()) == ["FR"]
