"""Persons: names, honorifics, titles, roles and states, on short sentences written for the test."""
from __future__ import annotations

import pytest

from rasid.components import registered
from rasid.components.persons import find_persons
from rasid.doc import Article, Doc, Entity
from rasid.pipeline import analyze
from rasid.settings import Settings

PERSON_COMPONENTS = ("text", "countries", "persons", "coref")


@pytest.fixture(scope="module")
def settings() -> Settings:
    return Settings(components=PERSON_COMPONENTS)


def persons(text: str, settings: Settings) -> list[Entity]:
    doc = analyze(Article(text=text), settings)
    check_spans(doc)
    return doc.entities_of("PERSON")


def check_spans(doc: Doc) -> None:
    for entity in doc.entities:
        for mention in entity.mentions:
            assert doc.text[mention.start:mention.end] == mention.text
        for role in entity.roles:
            assert doc.text[role.start:role.end] == role.title


def by_name(found: list[Entity], name: str) -> Entity:
    matches = [p for p in found if p.name == name]
    assert matches, f"{name!r} not among {[p.name for p in found]}"
    return matches[0]


def titles(person: Entity) -> list[str]:
    return [role.title for role in person.roles]


def test_name_then_title(settings):
    found = persons("وأكد عمرو طلعت وزير الاتصالات وتكنولوجيا المعلومات على أهمية التعاون.", settings)
    person = by_name(found, "عمرو طلعت")
    assert titles(person) == ["وزير الاتصالات وتكنولوجيا المعلومات"]


def test_title_with_nationality_then_name(settings):
    found = persons("عقد الرئيس المصري عبدالفتاح السيسي لقاء مع عدد من الرؤساء.", settings)
    person = by_name(found, "عبدالفتاح السيسي")
    assert titles(person) == ["الرئيس المصري"]
    assert person.country == "EG"


def test_long_honorific_is_split_off(settings):
    found = persons("وصل صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز ولي العهد إلى عمان.", settings)
    person = by_name(found, "محمد بن سلمان بن عبدالعزيز")
    assert person.honorific == "صاحب السمو الملكي الأمير"
    assert titles(person) == ["ولي العهد"]


def test_mister_before_one_word_and_a_title_is_a_name(settings):
    text = "وأوضح السيد عزوز نائب رئيس الجهاز القومي لتنظيم الاتصالات للبنية التحتية، جهود مصر."
    person = by_name(persons(text, settings), "السيد عزوز")
    assert titles(person) == ["نائب رئيس الجهاز القومي لتنظيم الاتصالات للبنية التحتية"]
    assert person.honorific is None


def test_mister_before_a_full_name_is_an_honorific(settings):
    person = by_name(persons("وقال السيد علاء يوسف إن المباحثات كانت مثمرة.", settings), "علاء يوسف")
    assert person.honorific == "السيد"


def test_academic_and_style_honorifics(settings):
    text = "وحضر معالي وزير المالية الدكتور إبراهيم بن عبدالعزيز العساف الاجتماع."
    person = by_name(persons(text, settings), "إبراهيم بن عبدالعزيز العساف")
    assert person.honorific == "الدكتور"
    assert titles(person) == ["وزير المالية"]


def test_list_of_attendees_with_side_country(settings):
    text = ("حضر اللقاء من الجانب العراقي، وادي كريم وادي الوكيل الفني لوزارة الاتصالات، "
            "وعادل جبار الأعرجي معاون مدير عام الشركة العامة للاتصالات والمعلوماتية.")
    found = persons(text, settings)
    first = by_name(found, "وادي كريم وادي")
    second = by_name(found, "عادل جبار الأعرجي")  # the conjunction و is not part of the name
    assert titles(first) == ["الوكيل الفني لوزارة الاتصالات"]
    assert titles(second) == ["معاون مدير عام الشركة العامة للاتصالات والمعلوماتية"]
    assert first.country == second.country == "IQ"


def test_consecutive_titles_are_separate_roles(settings):
    text = "وحضر معالي وزير الدولة عضو مجلس الوزراء الدكتور سعد بن خالد الجبري الجلسة."
    person = by_name(persons(text, settings), "سعد بن خالد الجبري")
    assert titles(person) == ["وزير الدولة", "عضو مجلس الوزراء"]


def test_chain_title_with_complements_is_one_title(settings):
    text = ("وأوضح المهندس خالد العطار نائب وزير الاتصالات وتكنولوجيا المعلومات للتنمية الإدارية "
            "والتحول الرقمي التوجه الاستراتيجي.")
    person = by_name(persons(text, settings), "خالد العطار")
    assert person.honorific == "المهندس"
    assert titles(person) == ["نائب وزير الاتصالات وتكنولوجيا المعلومات للتنمية الإدارية والتحول الرقمي"]


def test_country_by_prepositional_phrase_is_kept(settings):
    text = "وأكد أركان شهاب الشيباني وزير الاتصالات بجمهورية العراق على العلاقات."
    person = by_name(persons(text, settings), "أركان شهاب الشيباني")
    assert titles(person) == ["وزير الاتصالات بجمهورية العراق"]
    assert person.country == "IQ"


def test_locative_country_is_not_the_served_state(settings):
    text = "وأعلن السفير الكويتي في العراق علي المؤمن عن زيارة قريبة."
    person = by_name(persons(text, settings), "علي المؤمن")
    assert titles(person) == ["السفير الكويتي في العراق"]
    assert person.country == "KW"


def test_foreign_name_after_genitive_country_title(settings):
    text = "التقى وزير خارجية روسيا سيرجي لافروف بنظيره في موسكو."
    person = by_name(persons(text, settings), "سيرجي لافروف")
    assert titles(person) == ["وزير خارجية روسيا"]
    assert person.country == "RU"


def test_title_with_definite_name_after_it(settings):
    person = by_name(persons("وقال الرئيس دوتيرتي إن الأزمة انتهت.", settings), "دوتيرتي")
    assert titles(person) == ["الرئيس"]


def test_role_links_the_organization_inside_the_title(settings):
    doc = analyze(Article(text="وذكر شريف فاروق رئيس مجلس إدارة الهيئة القومية للبريد، مجالات التعاون."),
                  Settings(components=("text", "countries")))
    start = doc.text.index("الهيئة القومية للبريد")
    org = Entity(type="ORG", name="الهيئة القومية للبريد", country="EG")
    org.add_mention(doc.mention(start, start + len(org.name)))
    doc.entities.append(org)
    find_persons(doc, None)
    person = by_name(doc.entities_of("PERSON"), "شريف فاروق")
    assert person.roles[0].title == "رئيس مجلس إدارة الهيئة القومية للبريد"
    assert person.roles[0].organization is org


def test_no_person_in_plain_text(settings):
    assert persons("وتناول الاجتماع استعراض نتائج التعاون بين البلدين في مجال الاتصالات.", settings) == []


def test_title_without_a_name_is_no_person(settings):
    assert persons("وقال وزير الخارجية إن المباحثات كانت بناءة.", settings) == []


@pytest.mark.parametrize("text", [
    "محمد " * 400,
    "وزير " * 300 + "الخارجية",
    "بن " * 200,
    "قال John Smith وزير الخارجية Trump و Pompeo في Washington يوم 12/5 بن",
    "الرئيس",
    "السيد",
    "صاحب السمو الملكي الأمير",
    "عمرو طلعت وزير",
    "— ، . « » ؟",
    "Only English text here, no Arabic at all: Minister John Smith.",
    "",
])
def test_bad_input_does_not_crash_or_leave_the_text(text, settings):
    doc = Doc(article=Article(text=text))  # straight through the components: the pipeline refuses non-Arabic
    components = registered()
    for name in PERSON_COMPONENTS:
        doc = components[name](doc, settings)
    check_spans(doc)


def test_honorific_inside_a_title_belongs_to_the_title(settings):
    text = "وكان في استقباله مستشار جلالة الملك للشؤون العسكرية الفريق أول ركن مشعل الزبن."
    person = by_name(persons(text, settings), "مشعل الزبن")
    assert titles(person) == ["مستشار جلالة الملك للشؤون العسكرية"]
    assert person.honorific == "الفريق أول ركن"


def test_service_branch_after_a_rank_is_part_of_the_honorific():
    text = "وقال العميد بحري أحمد الحربي إن التدريبات ناجحة. وحضر اللواء طيار ركن محمد العتيبي."
    found = persons(text, Settings())  # the whole pipeline: the tagger finds الحربي
    assert by_name(found, "أحمد الحربي").honorific == "العميد بحري"
    assert by_name(found, "محمد العتيبي").honorific == "اللواء طيار ركن"
    assert all("بحري" not in p.name for p in found)


def test_agreeing_modifier_is_not_a_new_title(settings):
    text = "وحضر الوزير المفوض مستشار الرئيس بابا عبدو سيسي الجلسة."
    person = by_name(persons(text, settings), "بابا عبدو سيسي")
    assert titles(person) == ["الوزير المفوض", "مستشار الرئيس"]


def test_possessive_title_names_the_state_before_it(settings):
    text = "وأعلنت روسيا عن زيارة وزير خارجيتها سيرغي لافروف إلى بيونغ يانغ."
    person = by_name(persons(text, settings), "سيرغي لافروف")
    assert person.country == "RU"


def test_unmarked_official_serves_the_unmarked_state(settings):
    text = ("بحث وزير الخارجية سامح شكري مع وزير الخارجية الروسي سيرغي لافروف العلاقات بين مصر وروسيا. "
            "وأكد شكري أهمية العلاقات مع روسيا. وقال إن مصر حريصة على التعاون.")
    found = persons(text, settings)
    assert by_name(found, "سيرغي لافروف").country == "RU"
    assert by_name(found, "سامح شكري").country == "EG"


def test_the_reports_own_name_for_its_state_marks_no_foreign_side(settings):
    text = ("استقبل ولي العهد وزير الداخلية محمد بن نايف وزير الخارجية المصري سامح شكري بحضور وزير الدولة "
            "مساعد العيبان وسفير المملكة لدى جمهورية مصر العربية أحمد قطان وسفير جمهورية مصر العربية "
            "لدى المملكة عفيفي عبدالوهاب. وبحث الجانبان العلاقات بين المملكة العربية السعودية ومصر.")
    found = persons(text, settings)
    assert by_name(found, "سامح شكري").country == "EG"
    assert by_name(found, "عفيفي عبدالوهاب").country == "EG"
    assert by_name(found, "محمد بن نايف").country == "SA"
    assert by_name(found, "مساعد العيبان").country == "SA"


def test_an_occupation_takes_no_home_state(settings):
    text = ("وصل المدرب الألماني إلى تركيا مع الفريق، ولحق به اللاعب محمد كنو في تركيا. "
            "وأقام الفريق معسكره في تركيا.")
    assert by_name(persons(text, settings), "محمد كنو").country is None


def test_a_nationality_adjective_before_the_name_gives_the_country(settings):
    text = "وتوج النمساوي دومينيك ثييم بطلا للدورة بعد فوزه على البلجيكي \"دافيد جوفان\" في النهائي."
    found = persons(text, settings)
    assert by_name(found, "دومينيك ثييم").country == "AT"
    assert by_name(found, "دافيد جوفان").country == "BE"


def test_an_adjective_that_closes_a_title_is_not_the_next_names_country(settings):
    text = "استقبل سامح شكري وزير الخارجية المصري جون كيري في القاهرة."
    found = persons(text, settings)
    assert by_name(found, "سامح شكري").country == "EG"
    assert by_name(found, "جون كيري").country is None


def test_a_state_closes_the_title_before_a_conjoined_noun(settings):
    text = "استقبل الملك أمس سامح شكري وزير الخارجية المصري والوفد المرافق له."
    assert titles(by_name(persons(text, settings), "سامح شكري")) == ["وزير الخارجية المصري"]


def test_a_title_after_a_preposition_names_someone_else(settings):
    text = "ونقل سامح شكري لخادم الحرمين الشريفين تحيات الرئيس المصري."
    assert titles(by_name(persons(text, settings), "سامح شكري")) == []


def test_a_rank_word_after_an_office_noun_is_its_genitive(settings):
    text = "وغاب لاعب الفريق محمد كنو عن البعثة. وكان في الاستقبال اللواء خالد الزهراني."
    found = persons(text, settings)
    assert by_name(found, "محمد كنو").honorific is None
    assert by_name(found, "خالد الزهراني").honorific == "اللواء"


def test_a_given_name_that_starts_with_waw_keeps_it(settings):
    text = "وبينت وجدان بوقس أن الأمن مستتب، وقالت وصال الغامدي إن الجميع شركاء."
    names = {p.name for p in persons(text, settings)}
    assert names == {"وجدان بوقس", "وصال الغامدي"}


def test_an_adverbial_participle_after_a_title_is_no_name(settings):
    text = "وقال الفنان مخاطبا الجمهور إن الحب أهم شيء، وقالت الممثلة ماريا كاري إن الفيلم ناجح."
    assert [p.name for p in persons(text, settings)] == ["ماريا كاري"]


def test_given_name_that_is_a_common_word_needs_a_name_after_it(settings):
    assert persons("وتبادل الجانبان رؤى طموحة للتنمية في المنطقة.", settings) == []


def test_ner_person_span_is_used_when_present(settings):
    doc = analyze(Article(text="وتقول ماريا كريويل من جامعة كورنيل إن الفوارق بارزة."),
                  Settings(components=("text", "countries")))
    words = [t.i for t in doc.tokens if t.text in ("ماريا", "كريويل")]
    doc.extra["ner"] = [{"label": "PERS", "first": words[0], "last": words[-1] + 1,
                         "start": doc.tokens[words[0]].start, "end": doc.tokens[words[-1]].end}]
    find_persons(doc, None)
    assert [p.name for p in doc.entities_of("PERSON")] == ["ماريا كريويل"]


def test_a_word_after_the_taggers_name_that_is_no_name_word_ends_it(settings):
    doc = analyze(Article(text="وبين أن طفله نبيل مكث في المستشفى مدة أسبوع."), Settings(components=("text", "countries")))
    word = next(t for t in doc.tokens if t.text == "نبيل")
    doc.extra["ner"] = [{"label": "PERS", "first": word.i, "last": word.i + 1, "start": word.start, "end": word.end}]
    find_persons(doc, None)
    check_spans(doc)
    assert [p.name for p in doc.entities_of("PERSON")] == ["نبيل"]


def test_a_compound_with_god_goes_on_to_the_family_name(settings):
    doc = analyze(Article(text="وصرح رئيس البنك المركزي الإيراني ولي الله سيف بأن العقوبات سترفع."))
    check_spans(doc)
    assert [p.name for p in doc.entities_of("PERSON")] == ["ولي الله سيف"]


def test_malformed_ner_spans_are_ignored(settings):
    doc = analyze(Article(text="وقال الرئيس دوتيرتي إن الأزمة انتهت."), Settings(components=("text", "countries")))
    doc.extra["ner"] = [{"label": "PERS", "first": 5, "last": 999}, {"label": "LOC"}, "junk"]
    find_persons(doc, None)
    check_spans(doc)


def test_regnal_ordinal_is_part_of_the_name(settings):
    text = "تلبية لدعوة من جلالة الملك عبدالله الثاني بن الحسين ملك المملكة الأردنية الهاشمية."
    person = by_name(persons(text, settings), "عبدالله الثاني بن الحسين")
    assert titles(person) == ["ملك المملكة الأردنية الهاشمية"]


def test_pronoun_object_of_a_title_preposition(settings):
    text = "حسبما جاء في حساب الناطق باسمه أفيخاي أدرعي عبر موقع تويتر."
    person = by_name(persons(text, settings), "أفيخاي أدرعي")
    assert titles(person) == ["الناطق باسمه"]


def test_a_thing_named_after_a_king_is_no_mention_of_him(settings):
    text = "وبدأت البلدية إصلاح جسر طريق الملك عبدالله ومدخل جامعة الملك سعود."
    assert persons(text, settings) == []


def test_a_known_surname_after_a_title_stands_alone(settings):
    text = "التقى الجبير الرئيس الروسي فلاديمير بوتين. ونقل الجبير إلى الرئيس بوتين تحيات خادم الحرمين."
    found = persons(text, settings)
    person = by_name(found, "فلاديمير بوتين")
    assert "بوتين" in [m.text for m in person.mentions]
    assert all("تحيات" not in p.name for p in found)


def test_tagger_spans_do_not_outweigh_places_verbs_and_acronyms(settings):
    text = "وقالت ميركل تلتقي ترامب في إيطاليا بحسب بي بي سي."
    doc = analyze(Article(text=text), Settings(components=("text", "countries")))
    words = {t.text: t.i for t in doc.tokens}
    doc.extra["ner"] = [
        {"label": "PERS", "first": words["ميركل"], "last": words["ترامب"] + 1},
        {"label": "PERS", "first": words["إيطاليا"], "last": words["إيطاليا"] + 1},
        {"label": "PERS", "first": words["بي"], "last": words["سي"] + 1},
    ]
    find_persons(doc, None)
    names = {p.name for p in doc.entities_of("PERSON")}
    assert "ميركل تلتقي ترامب" not in names
    assert "إيطاليا" not in names
    assert "بي بي سي" not in names


def test_office_of_an_international_body_serves_no_state(settings):
    text = ("وأكد الرئيس المصري عبدالفتاح السيسي أهمية مبادرة المبعوث الأممي غسان سلامة للحل في ليبيا. "
            "وقال السيسي إن مصر تدعم الحل.")
    found = persons(text, settings)
    assert by_name(found, "غسان سلامة").country is None
    assert by_name(found, "عبدالفتاح السيسي").country == "EG"


def test_name_opening_with_the_article_after_a_title(settings):
    text = "وتطرقا إلى مبادرة رئيس الجمهورية الباجي قايد السبسي الهادفة لحل الأزمة."
    person = by_name(persons(text, settings), "الباجي قايد السبسي")
    assert titles(person) == ["رئيس الجمهورية"]


def test_adjective_after_a_bare_occupation_is_no_name(settings):
    assert persons("وانضم اللاعب الأجنبي إلى النادي أمس.", settings) == []


def test_title_after_an_oblique_honorific_belongs_to_someone_else(settings):
    text = "ويضم الوفد المرافق لسمو ولي ولي العهد وزير الشؤون الاجتماعية الدكتور ماجد القصبي."
    person = by_name(persons(text, settings), "ماجد القصبي")
    assert titles(person) == ["وزير الشؤون الاجتماعية"]


def test_a_long_run_of_names_and_titles_stays_linear(settings):
    import time

    given = ["محمد", "أحمد", "خالد", "سعيد", "فهد", "علي", "حسن", "عمر", "يوسف", "سلمان"]
    family = ["العتيبي", "القحطاني", "الشمري", "الدوسري", "الغامدي", "الزهراني", "المطيري", "الحربي"]
    parts = [f"وحضر المهندس {given[k % 10]} {given[k // 10 % 10]} {family[k % 8]} مدير إدارة التخطيط"
             for k in range(3000)]
    doc = Doc(article=Article(text="، ".join(parts) + "."))
    components = registered()
    started = time.process_time()
    for name in PERSON_COMPONENTS:
        doc = components[name](doc, settings)
    assert time.process_time() - started < 20  # quadratic passes took minutes here
    assert len(doc.entities_of("PERSON")) >= 100
    check_spans(doc)


def test_given_name_spelt_like_an_article_word(settings):
    text = "وقال في مؤتمر صحفي مع نظيره الفلبيني ألان بيتر كايتانو إن الأزمة انتهت."
    person = by_name(persons(text, settings), "ألان بيتر كايتانو")
    assert person.country == "PH"


def test_a_known_word_after_a_bare_title_is_no_name(settings):
    assert persons("ووجه المفتي رسالة إلى الشباب.", settings) == []


def _persons_with_tagger_spans(text: str, tagged: list[tuple[str, int]]) -> list[str]:
    """The persons found when the tagger's PERS spans are given by hand: (first word, words)."""
    settings, components = Settings(), registered()
    doc = Doc(article=Article(text=text))
    for name in ("text", "countries"):
        doc = components[name](doc, settings)
    spans = []
    for first_word, length in tagged:
        first = next(t.i for t in doc.tokens if doc.text[t.start:t.end] == first_word)
        spans.append({"label": "PERS", "first": first, "last": first + length,
                      "start": doc.tokens[first].start, "end": doc.tokens[first + length - 1].end})
    doc.extra["ner"] = spans
    for name in ("persons", "coref"):
        doc = components[name](doc, settings)
    check_spans(doc)
    return [person.name for person in doc.entities_of("PERSON")]


def test_a_clitic_letter_is_split_off_a_tagged_name_only_when_the_word_is_unknown():
    assert _persons_with_tagger_spans("وقالت المراسلة لهايلي مريام إن الاجتماع كان مثمرا.",
                                      [("لهايلي", 2)]) == ["هايلي مريام"]
    assert _persons_with_tagger_spans("وقالت المراسلة باربرا بليت اشر إن الاجتماع كان مثمرا.",
                                      [("باربرا", 3)]) == ["باربرا بليت اشر"]  # a known name word


def test_the_state_a_report_names_as_home_is_home_over_a_more_named_topic(settings):
    text = ("التقى وزير الخارجية عادل الجبير في موسكو وزير خارجية روسيا سيرغي لافروف. "
            "وأكد الجبير أن موقف المملكة تجاه سوريا لن يتغير، وأن الحل في سوريا سياسي. "
            "وقال إن المملكة تدعم وحدة سوريا وأمنها.")
    found = persons(text, settings)
    assert by_name(found, "سيرغي لافروف").country == "RU"
    assert by_name(found, "عادل الجبير").country == "SA"


def test_particles_and_the_passive_auxiliary_open_no_name(settings):
    text = ("وأما السيارة الجديدة فإن محركها أهدأ من غيره. وفي مفارقة لافتة تم الإعلان أمس عن إطلاق مجلة. "
            "وقال وزير الخارجية سامح شكري إن الزيارة ناجحة.")
    assert [p.name for p in persons(text, settings)] == ["سامح شكري"]


def test_a_stop_word_that_normalizes_to_a_name_particle_counts_only_as_written():
    from rasid.persons.lexicon import stop_words
    written, normalized = stop_words()
    assert "فإن" in written
    assert "فان" not in normalized  # فان دايك


def test_titles_spelled_with_the_hamza_on_ya(settings):
    text = ("بحضور الأمير منصور بن محمد وكيل وزارة الداخلية لشئون المناطق. "
            "وقال المسئول الإعلامي بالوزارة خالد العتيبي إن الحفل نجح.")
    found = persons(text, settings)
    assert titles(by_name(found, "منصور بن محمد")) == ["وكيل وزارة الداخلية لشئون المناطق"]
    assert titles(by_name(found, "خالد العتيبي")) == ["المسئول الإعلامي بالوزارة"]


def test_a_name_word_after_a_prefix_particle_keeps_a_letter_read_as_a_clitic(settings):
    text = ("استقبل الأمير الشيخ سعد بن محمد آل فريان الذي هنأ سموه بالعيد. "
            "وسجل اللاعب كيفن دي بروين هدفا، وقال محمد بن علي وعلي بن سعد إن المباراة صعبة.")
    names = [p.name for p in persons(text, settings)]
    assert "سعد بن محمد آل فريان" in names
    assert "كيفن دي بروين" in names
    assert "آل" not in names and "محمد بن علي وعلي بن سعد" not in names


def test_a_bare_name_after_a_named_after_head_names_a_thing(settings):
    text = ("قتل الرجل مساء الثلاثاء في حي سلطان غازي، وأقيم الحفل بقاعة عبدالله الشيخ للفنون. "
            "وسجل الفريق هدفه عن طريق عبدالعزيز الظفيري.")
    assert [p.name for p in persons(text, settings)] == ["عبدالعزيز الظفيري"]


def test_a_title_followed_by_an_honorific_and_a_name_is_that_persons_not_of_the_words_before(settings):
    text = "إنفاذا لتوجيهات خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز وصلت الطائرة إلى عدن."
    found = persons(text, settings)
    assert [(p.name, [r.title for r in p.roles]) for p in found] == \
        [("سلمان بن عبدالعزيز", ["خادم الحرمين الشريفين"])]


def test_an_ambiguous_given_name_before_a_definite_noun_is_no_person(settings):
    assert persons("وبينت ضرورة سلامة المتبرع من الأمراض المعدية.", settings) == []
    assert persons("وقال إن عمر اللقاء كان ساعة واحدة.", settings) == []


def test_an_ambiguous_given_name_before_a_nisba_is_a_person(settings):
    found = persons("وزار عمر الترابي الخرطوم أمس.", settings)
    assert [p.name for p in found] == ["عمر الترابي"]


def test_ramadan_the_month_is_no_person_but_a_ramadan_with_a_given_name_is(settings):
    assert persons("وولد خلال رمضان المبارك 48 طفلا.", settings) == []
    assert [p.name for p in persons("وقال رمضان عبدالله شلح إن الحركة مستمرة.", settings)] == ["رمضان عبدالله شلح"]


def test_thanks_and_condolences_after_a_name_are_not_part_of_it(settings):
    text = ("وقال السفير عبدالله بن عبدالملك آل الشيخ إن الأمن مهم. ورفع الدكتور عبدالله الربيعة الشكر للقيادة. "
            "ورفع السفير آل الشيخ التعازي إلى الملك.")
    found = persons(text, settings)
    assert sorted(p.name for p in found) == ["عبدالله الربيعة", "عبدالله بن عبدالملك آل الشيخ"]
    ambassador = next(p for p in found if p.name.endswith("آل الشيخ"))
    assert [m.text for m in ambassador.mentions] == ["عبدالله بن عبدالملك آل الشيخ", "آل الشيخ"]


def test_a_phrase_of_common_indefinite_nouns_after_a_title_is_not_part_of_it(settings):
    text = "وأمر الأمير محمد بن سلمان وزير الدفاع بتأمين طائرات شحن للقوات الجوية."
    assert [[r.title for r in p.roles] for p in persons(text, settings)] == [["وزير الدفاع"]]


def test_a_prepositional_construct_closed_by_a_definite_word_or_a_head_stays_in_the_title(settings):
    text = "وقال وكيل وزارة الداخلية لشئون المناطق الدكتور أحمد السالم إن المستشار الخاص لرئيس الجمهورية حمد الهاشمي وصل."
    titles = {p.name: [r.title for r in p.roles] for p in persons(text, settings)}
    assert titles["أحمد السالم"] == ["وكيل وزارة الداخلية لشئون المناطق"]
    assert titles["حمد الهاشمي"] == ["المستشار الخاص لرئيس الجمهورية"]


def test_a_common_feminine_nisba_after_a_definite_noun_goes_on_in_the_title(settings):
    text = "وتابع العمل مدير عام الشؤون الصحية بمنطقة تبوك محمد علي الطويلعي خلال الشهر."
    titles = {p.name: [r.title for r in p.roles] for p in persons(text, settings)}
    assert titles == {"محمد علي الطويلعي": ["مدير عام الشؤون الصحية بمنطقة تبوك"]}


def test_a_title_takes_the_whole_name_of_an_eponymous_body():
    text = "وأوضح رأفت الصباغ المتحدث الرسمي لمركز الملك سلمان للإغاثة والأعمال الإنسانية، أن الرحلة وصلت."
    with_bodies = Settings(components=("text", "countries", "organizations", "persons", "coref"))
    titles = {p.name: [r.title for r in p.roles] for p in persons(text, with_bodies)}
    assert titles == {"رأفت الصباغ": ["المتحدث الرسمي لمركز الملك سلمان للإغاثة والأعمال الإنسانية"]}


def test_a_given_name_that_is_also_a_verb_opens_a_name_after_a_title_only_before_a_name_word(settings):
    found = persons("وقال الرئيس الأفغاني أشرف عبدالغني إن السلام قريب.", settings)
    assert [p.name for p in found] == ["أشرف عبدالغني"]
    assert persons("وقال إن المدير أشرف على الحفل بنفسه.", settings) == []


def test_a_title_preposition_after_a_title_opens_no_name(settings):
    text = "وقال المتحدث باسم العشائر محمد الشعباني إن المعارك مستمرة، وحضر الإعلامي باسم يوسف."
    found = persons(text, settings)
    assert sorted(p.name for p in found) == ["باسم يوسف", "محمد الشعباني"]


def test_a_single_letter_written_apart_is_no_name(settings):
    text = "وقال المدير التنفيذي لـ \"نوكيا\" راجيف سوري إن الشركة تنمو."
    assert all(len(p.name) > 2 for p in persons(text, settings))


def test_a_pronoun_honorific_before_a_comma_takes_no_title_from_the_next_name(settings):
    text = ("ويضم الوفد المرافق لسموه، المستشار بالديوان الملكي أحمد الخطيب. "
            "وحضر مدير مكتب معاليه السفير محمد بن عباس الكلابي.")
    titles = {p.name: [r.title for r in p.roles] for p in persons(text, settings)}
    assert titles["أحمد الخطيب"] == ["المستشار بالديوان الملكي"]
    assert titles["محمد بن عباس الكلابي"] == ["مدير مكتب"]


def test_an_official_in_local_news_that_names_no_state_serves_the_state_of_its_cities():
    text = "وقال مدير مستشفى تيماء العام عبدالعزيز سليمان الشولي إن العمل مستمر في منطقة تبوك."
    found = persons(text, Settings(components=("text", "countries", "organizations", "persons", "coref")))
    assert [(p.name, p.country) for p in found] == [("عبدالعزيز سليمان الشولي", "SA")]


def test_a_quoted_name_after_a_named_after_head_is_a_thing():
    text = "وحضر فهد الغامدي فعاليات ملتقى \"نور الهدى\" أمس."
    assert [p.name for p in analyze(Article(text=text)).entities_of("PERSON")] == ["فهد الغامدي"]


def test_ruling_house_names_the_state(settings):
    text = ("يزور الأردن اليوم الأمير محمد بن سلمان بن عبدالعزيز آل سعود ولي ولي العهد، ويلتقي الملك عبدالله الثاني "
            "ملك الأردن، بحضور الشيخ خالد بن خليفة آل ثاني رئيس الديوان الأميري.")
    found = persons(text, settings)
    assert by_name(found, "محمد بن سلمان بن عبدالعزيز آل سعود").country == "SA"
    assert by_name(found, "خالد بن خليفة آل ثاني").country == "QA"
    ambassador = by_name(persons("وصل الأمير خالد بن بندر آل سعود سفير بريطانيا لدى ألمانيا إلى برلين.", settings),
                         "خالد بن بندر آل سعود")
    assert ambassador.country == "GB"  # a title that names its state wins


def test_present_verb_after_a_headline_title_is_no_name(settings):
    assert persons("وزير التعليم يتفقد مدارس الحد الجنوبي ويبحث آلية الدراسة فيها", settings) == []
    found = persons("أمير منطقة تبوك يدشن مشروع النقل العام ويكرم الأمير فهد بن سلطان.", settings)
    assert [p.name for p in found] == ["فهد بن سلطان"]


def test_delegation_in_construct_with_a_state_is_its_side(settings):
    text = ("ورأس وفد المملكة العربية السعودية إلى أعمال الاجتماع وزير الدولة للشؤون الخارجية الدكتور نزار بن عبيد. "
            "ويبحث الاجتماع التصعيد الإسرائيلي الأخير في القدس والسياسات التي تقوم بها إسرائيل.")
    assert by_name(persons(text, settings), "نزار بن عبيد").country == "SA"


def test_personal_representative_keeps_the_whole_title(settings):
    text = "وحضر الاجتماع سمو الشيخ جاسم بن حمد آل ثاني الممثل الشخصي لأمير دولة قطر."
    person = by_name(persons(text, settings), "جاسم بن حمد آل ثاني")
    assert titles(person) == ["الممثل الشخصي لأمير دولة قطر"] and person.country == "QA"


def test_a_municipality_or_village_named_after_a_man_is_no_mention_of_him():
    text = ("كان الرتل في طريقه إلى الثكنة العسكرية في بلدية طارق بن زياد بولاية عين الدفلى، "
            "وانقطع الطريق في قرية خالد بن الوليد. وقال رئيس بلدية جدة خالد الغامدي إن الأعمال مستمرة.")
    doc = analyze(Article(text=text))
    check_spans(doc)
    assert [p.name for p in doc.entities_of("PERSON")] == ["خالد الغامدي"]


def test_a_nationality_in_quotes_after_the_name_is_the_persons_state(settings):
    text = "وطالب المراجع علي حسن عيسى «يمني» بإيجاد آلية، وقال محمد الغامدي (سعودي) إن الخدمة ممتازة."
    found = persons(text, settings)
    assert by_name(found, "علي حسن عيسى").country == "YE"
    assert by_name(found, "محمد الغامدي").country == "SA"


def test_a_title_over_the_two_holy_mosques_is_whole():
    text = ("أشاد الشيخ عبد الرحمن السديس الرئيس العام لشؤون المسجد الحرام والمسجد النبوي بنجاح موسم العمرة، "
            "خلال حفل أقامته الرئاسة العامة لشؤون المسجد الحرام والمسجد النبوي.")
    doc = analyze(Article(text=text))
    check_spans(doc)
    assert titles(by_name(doc.entities_of("PERSON"), "عبد الرحمن السديس")) == [
        "الرئيس العام لشؤون المسجد الحرام والمسجد النبوي"]
    assert "الرئاسة العامة لشؤون المسجد الحرام والمسجد النبوي" in [e.name for e in doc.entities_of("ORG")]


def test_the_president_of_a_well_known_club_named_without_a_head():
    text = "قال فينسن لابرون رئيس اولمبيك مرسيليا أمس إن مساعد المدرب سيتولى مسؤولية الفريق."
    doc = analyze(Article(text=text))
    check_spans(doc)
    person = by_name(doc.entities_of("PERSON"), "فينسن لابرون")
    assert titles(person) == ["رئيس اولمبيك مرسيليا"] and person.country == "FR"


@pytest.fixture(scope="module")
def full_settings() -> Settings:
    return Settings()  # the whole pipeline: the tagger and the bodies bound a title's object


def test_a_head_takes_the_preposition_it_governs(full_settings):
    found = persons("أقام المستشفى حفلا بحضور المشرف العام على المستشفى، منصور بن علي مزهر، والعاملين.", full_settings)
    assert titles(by_name(found, "منصور بن علي مزهر")) == ["المشرف العام على المستشفى"]
    found = persons("وقال المشرف على البرنامج الدكتور سعد الحربي إن العمل مستمر.", full_settings)
    assert titles(by_name(found, "سعد الحربي")) == ["المشرف على البرنامج"]


def test_a_governed_preposition_without_a_closed_object_is_left_out(full_settings):
    found = persons("وقال الدكتور سعد الحربي المشرف العام على مشروع إفطار صائم إن العمل مستمر.", full_settings)
    assert titles(by_name(found, "سعد الحربي")) == ["المشرف العام"]


def test_an_abbreviated_honorific_keeps_its_dot_and_joins_title_and_name(full_settings):
    found = persons("وقال محافظ المؤسسة العامة للتدريب التقني د. علي بن ناصر الغفيص إن الميزانية كبيرة.", full_settings)
    person = by_name(found, "علي بن ناصر الغفيص")
    assert person.honorific == "د."
    assert titles(person) == ["محافظ المؤسسة العامة للتدريب التقني"]


def test_a_particle_written_without_a_hamza_is_not_a_hamza_word(full_settings):
    found = persons("ووفقا للناطق الإعلامي لشرطة المنطقة الرائد بدر السحيباني فإن الشرطة تلقت بلاغا.", full_settings)
    assert [p.name for p in found] == ["بدر السحيباني"]
    found = persons("وقال رئيس الوزراء الياباني شينزو آبي رئيسا للجلسة إن العمل مستمر.", full_settings)
    assert "شينزو آبي" in [p.name for p in found]
