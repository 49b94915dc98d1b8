from rasid.components.statements import statements
from tests.events.docs import make_doc


def _said(text, entities):
    doc = statements(make_doc(text, entities), None)
    for s in doc.statements:
        assert text[s.cue.start:s.cue.end] == s.cue.text
        assert 0 <= s.start < s.end <= len(text)
    return [(s.speaker.name, s.cue.text, text[s.start:s.end]) for s in doc.statements]


def test_speaker_follows_the_reporting_verb():
    text = "وأكد عمرو طلعت وزير الاتصالات على تميز العلاقات بين البلدين."
    found = _said(text, [("PERSON", "عمرو طلعت", "عمرو طلعت", "EG")])
    assert [(name, cue) for name, cue, _ in found] == [("عمرو طلعت", "أكد")]
    assert found[0][2].startswith("وزير الاتصالات على تميز")


def test_a_participle_continues_the_speaker_and_splits_the_content():
    text = "وأكد عمرو طلعت أهمية التعاون، مشيرا إلى استعداد الوزارة لنقل الخبرات."
    found = _said(text, [("PERSON", "عمرو طلعت", "عمرو طلعت", "EG")])
    assert [(name, cue) for name, cue, _ in found] == [("عمرو طلعت", "أكد"), ("عمرو طلعت", "مشيرا")]
    assert found[0][2] == "أهمية التعاون، "
    assert found[1][2].startswith("إلى استعداد")


def test_a_statement_that_refers_back_takes_the_previous_speaker():
    text = "وقال الشيباني إن العلاقات متينة. وأضاف أن التعاون سيتسع."
    found = _said(text, [("PERSON", "أركان الشيباني", "الشيباني", "IQ")])
    assert [(name, cue) for name, cue, _ in found] == [("أركان الشيباني", "قال"), ("أركان الشيباني", "أضاف")]


def test_an_addressee_outlet_is_not_the_speaker_and_an_unnamed_subject_gives_none():
    text = "وقال الوزير لوكالة الأنباء السعودية إن المباحثات كانت مثمرة. وأكد الجانبان أهمية التعاون."
    found = _said(text, [("ORG", "وكالة الأنباء السعودية", "وكالة الأنباء السعودية", "SA")])
    assert found == []


def test_person_preferred_over_the_organization_of_their_title():
    text = "وصرح الناطق الرسمي باسم الرئاسة المصرية السفير علاء يوسف بأن اللقاءات شملت اجتماعا."
    found = _said(text, [("ORG", "الرئاسة المصرية", "الرئاسة المصرية", "EG"),
                         ("PERSON", "علاء يوسف", "علاء يوسف", "EG")])
    assert [name for name, _, _ in found] == ["علاء يوسف"]


def test_a_relay_gives_the_statement_to_the_source_not_the_outlet():
    text = "ونقلت وكالة فرانس برس عن مسؤول في الوفد الفلبيني قوله إن الأزمة انتهت."
    found = _said(text, [("ORG", "وكالة فرانس برس", "وكالة فرانس برس", None)])
    assert found == []
    found = _said("ونقلت وكالة فرانس برس عن كايتانو قوله إن الأزمة انتهت.",
                  [("ORG", "وكالة فرانس برس", "وكالة فرانس برس", None), ("PERSON", "كايتانو", "كايتانو", "PH")])
    assert [name for name, _, _ in found] == ["كايتانو"]


def test_according_to_a_statement_by_a_body():
    text = "وترمي المذكرة، وفق بيان صحفي اصدرته رئاسة الحكومة اليوم، الى تعزيز التعاون."
    found = _said(text, [("ORG", "رئاسة الحكومة", "رئاسة الحكومة", "TN")])
    assert [name for name, _, _ in found] == ["رئاسة الحكومة"]


def test_an_outlet_after_a_quoted_preposition_is_an_addressee():
    text = 'وقال مستشار الوزير لـ"السومرية نيوز" إن الاتفاق نهائي.'
    found = _said(text, [("ORG", "السومرية نيوز", "السومرية نيوز", "IQ")])
    assert found == []


def test_an_omitted_subject_refers_back_but_an_unnamed_one_gives_no_speaker():
    text = "وقال الجهيناوي إن اللقاء كان مثمرا. وأكد أهمية التعاون. وأكد الجانبان ضرورة التنسيق."
    found = _said(text, [("PERSON", "خميس الجهيناوي", "الجهيناوي", "TN")])
    assert [(name, cue) for name, cue, _ in found] == [("خميس الجهيناوي", "قال"), ("خميس الجهيناوي", "أكد")]


def test_a_state_an_outlet_and_a_verb_after_an_are_no_statements():
    text = ("أعلنت روسيا عن زيارة وزير خارجيتها سيرغي لافروف. "
            "وأعلنت وكالة الأنباء الفلسطينية مقتل شخص. "
            "ورفض ترامب أن يقول ما إذا كان مكتب التحقيقات مشاركا.")
    found = _said(text, [("COUNTRY", "روسيا", "روسيا", "RU"), ("PERSON", "سيرغي لافروف", "سيرغي لافروف", "RU"),
                         ("ORG", "وكالة الأنباء الفلسطينية", "وكالة الأنباء الفلسطينية", "PS"),
                         ("ORG", "مكتب التحقيقات", "مكتب التحقيقات", "US")])
    assert found == []


def test_a_cue_inside_a_quotation_is_part_of_what_was_said():
    text = 'واعتبر السيسي أن "الاشتباكات الأخيرة أوضحت خطورة الاعتماد على الميليشيات".'
    found = _said(text, [("PERSON", "عبدالفتاح السيسي", "السيسي", "EG")])
    assert [(name, cue) for name, cue, _ in found] == [("عبدالفتاح السيسي", "اعتبر")]


def test_an_unrecognized_name_or_a_bare_title_is_not_taken_for_the_previous_speaker():
    text = "وقال الشيباني إن العلاقات متينة. وتقول باربرا بليت اشر إن النغمة تغيرت. وأكد وزير الخارجية أهمية التعاون."
    found = _said(text, [("PERSON", "أركان الشيباني", "الشيباني", "IQ")])
    assert [(name, cue) for name, cue, _ in found] == [("أركان الشيباني", "قال")]


def test_a_quoted_outlet_after_the_cue_is_no_omitted_subject():
    text = 'التقى أنور قرقاش رئيس الوزراء اليمني. وذكرت " وكالة الأنباء اليمنية " أن الجانبين بحثا الوضع.'
    found = _said(text, [("PERSON", "أنور قرقاش", "أنور قرقاش", "AE")])
    assert found == []


def test_content_starts_after_the_speakers_title_and_a_purpose_is_no_cue():
    from tests.events.docs import add_role
    text = "وأكد عمرو طلعت وزير الاتصالات على تميز العلاقات، معربا عن استعداد الوزارة لنقل الخبرات إلى العراق."
    doc = make_doc(text, [("PERSON", "عمرو طلعت", "عمرو طلعت", "EG")])
    add_role(doc, "عمرو طلعت", "وزير الاتصالات")
    doc = statements(doc, None)
    said = [(s.cue.text, text[s.start:s.end]) for s in doc.statements]
    assert said[0] == ("أكد", "على تميز العلاقات، ")
    assert said[1][0] == "معربا" and said[1][1].endswith("لنقل الخبرات إلى العراق.")


def test_a_statement_in_a_later_sentence_refers_back_to_the_speaker():
    text = "وأعرب الشيباني عن تطلعه إلى التعاون. وفي كلمته خلال الاجتماع، أكد أن العلاقات استراتيجية."
    found = _said(text, [("PERSON", "أركان الشيباني", "الشيباني", "IQ")])
    assert [(name, cue) for name, cue, _ in found] == [("أركان الشيباني", "أعرب"), ("أركان الشيباني", "أكد")]
    assert found[1][2] == "أن العلاقات استراتيجية."


def test_a_relay_from_an_unnamed_official_gives_no_speaker():
    text = "ونقلت وكالة فرانس برس عن مسؤول في الوفد الفلبيني قوله إن الأزمة انتهت."
    found = _said(text, [("ORG", "الوفد الفلبيني", "الوفد الفلبيني", "PH")])
    assert found == []


def test_an_agency_that_relays_after_according_to_is_no_speaker():
    text = "وأكد أوباما عزمه على المضي في الاتفاق، حسب وكالة الصحافة الفرنسية."
    found = _said(text, [("PERSON", "باراك أوباما", "أوباما", "US"),
                         ("ORG", "وكالة الصحافة الفرنسية", "وكالة الصحافة الفرنسية", "FR")])
    assert [name for name, _cue, _ in found] == ["باراك أوباما"]


def test_a_social_network_a_statement_is_posted_on_is_no_speaker():
    text = "وأوضح الدفاع المدني عبر حسابه بموقع “تويتر” أن الحملة مستمرة، مضيفا أنه تم رصد المخالفات."
    found = _said(text, [("ORG", "تويتر", "تويتر", None)])
    assert [name for name, _cue, _ in found] == []



def _titled_doc(text, titles):
    from tests.events.docs import add_role

    body = "الهيئة العامة للسياحة والتراث الوطني"
    doc = make_doc(text, [("ORG", body, body, "SA"), ("PERSON", "محمد العمري", "محمد العمري", "SA")])
    for title in titles:
        add_role(doc, "محمد العمري", title)
    return doc


def test_a_person_named_after_a_long_chain_of_titles_is_the_speaker():
    text = ("وأوضح مدير عام الهيئة العامة للسياحة والتراث الوطني بالمنطقة أمين عام مجلس التنمية السياحية "
            "المهندس محمد العمري قائلا إن السباق من أهم السباقات.")
    doc = _titled_doc(text, ["مدير عام الهيئة العامة للسياحة والتراث الوطني بالمنطقة", "أمين عام مجلس التنمية السياحية"])
    found = statements(doc, None).statements
    assert found and {s.speaker.name for s in found} == {"محمد العمري"}


def test_a_chain_of_titles_does_not_reach_over_what_was_said():
    text = ("وأكد مدير عام الهيئة العامة للسياحة والتراث الوطني أن السباق من أهم السباقات التي شارك فيها "
            "الفارس محمد العمري أمين عام مجلس التنمية السياحية.")
    doc = _titled_doc(text, ["أمين عام مجلس التنمية السياحية"])
    assert "محمد العمري" not in {s.speaker.name for s in statements(doc, None).statements if s.speaker}


def test_an_unnamed_official_spelled_with_the_hamza_on_ya_is_no_speaker():
    text = "وقال مسئول في وزارة الصحة إن الحالات مستقرة."
    assert _said(text, [("ORG", "وزارة الصحة", "وزارة الصحة", "SA")]) == []


def test_an_honorific_pronoun_before_anyone_has_spoken_is_the_reports_protagonist():
    people = [("PERSON", "فهد بن سلطان", "فهد بن سلطان", "SA"), ("PERSON", "سلمان بن عبدالعزيز", "الملك سلمان", "SA"),
              ("PERSON", "محمد بن سلمان", "محمد بن سلمان", "SA")]
    lead = "رفع الأمير فهد بن سلطان التهاني للملك سلمان والأمير محمد بن سلمان على نجاح الخطط. "
    said = _said(lead + "وقال سموه إن الخطط نجحت.", people)
    assert [(name, cue) for name, cue, _ in said] == [("فهد بن سلطان", "قال")]
    said = _said(lead + "وقال إن الخطط نجحت.", people)  # no pronoun: the last person named, as before
    assert [(name, cue) for name, cue, _ in said] == [("محمد بن سلمان", "قال")]


def test_a_feminine_verb_is_not_said_by_the_man_named_before():
    text = "واعتقلت الشرطة رجلا هدد السفير مارك بن لي. وقالت الشرطة إنه عاطل عن العمل."
    found = _said(text, [("PERSON", "مارك بن لي", "مارك بن لي", None)])
    assert found == []


def test_a_masculine_participle_skips_a_ministry_for_the_man_of_the_sentence():
    text = ("وصل إلى مقر وزارة العدل الشيخ سعد بن حيا الصاعدي ورفع التهاني لمنسوبي الوزارة "
            "مشيرا إلى أن العيد يجمع الموظفين.")
    found = _said(text, [("ORG", "وزارة العدل", "وزارة العدل", "SA"),
                         ("PERSON", "سعد بن حيا الصاعدي", "سعد بن حيا الصاعدي", "SA")])
    assert [(name, cue) for name, cue, _ in found] == [("سعد بن حيا الصاعدي", "مشيرا")]


def test_a_feminine_verb_keeps_a_woman_named_before():
    text = "التقت الوزيرة فاطمة الزهراني بالطلاب. وقالت إن التعليم أولوية."
    found = _said(text, [("PERSON", "فاطمة الزهراني", "فاطمة الزهراني", "SA")])
    assert [(name, cue) for name, cue, _ in found] == [("فاطمة الزهراني", "قالت")]


def test_a_definite_title_head_after_the_cue_is_no_unnamed_subject_when_its_holder_is_named():
    text = "وأوضح المتحدث الرسمي باسم المركز رأفت الصباغ أن الفريق وصل. وقال متحدث باسم الوزارة إن العمل مستمر."
    found = _said(text, [("PERSON", "رأفت الصباغ", "رأفت الصباغ", "SA")])
    assert [(name, cue) for name, cue, _ in found] == [("رأفت الصباغ", "أوضح")]
    assert found[0][2].startswith("أن الفريق وصل")


def test_the_noun_written_like_a_cue_and_a_verb_with_a_preposition_are_no_reports():
    text = ("وقال محمد العلي إن العمل مستمر. وأبرزت استطلاعات رأي أجريت أمس أن العمل جيد. "
            "وبرأت اللجنة اللاعب من التهمة. ورأى محمد العلي أن الخطة ناجحة.")
    found = _said(text, [("PERSON", "محمد العلي", "محمد العلي", "SA")])
    assert [(name, cue) for name, cue, _ in found] == [("محمد العلي", "قال"), ("محمد العلي", "رأى")]


def test_abana_and_mufidan_are_cues_but_ibbana_and_a_name_after_the_cue_are_not_openers():
    text = ("أبان علي الناصر أن الأعداد كبيرة، مفيدا أن الطلب يزداد. "
            "وكان ذلك إبان الأزمة التي مرت.")
    found = _said(text, [("PERSON", "علي الناصر", "علي الناصر", "SA")])
    assert [(name, cue) for name, cue, _ in found] == [("علي الناصر", "أبان"), ("علي الناصر", "مفيدا")]


def test_a_party_inside_a_relative_clause_is_no_speaker():
    text = "وأعطيت المنشآت مهلة للاعتراض حسب اللوائح التي تنص عليها أنظمة الهيئة. وحسب الهيئة فإن المهلة كافية."
    found = _said(text, [("ORG", "الهيئة العامة للسياحة", "الهيئة", "SA")])
    assert [(name, cue) for name, cue, _ in found] == [("الهيئة العامة للسياحة", "حسب")]
    assert found[0][2].startswith("فإن المهلة")


def test_the_speakers_nationality_in_quotes_is_not_what_was_said():
    text = "وطالب علي حسن عيسى «يمني» بإيجاد آلية لإنجاز المعاملات."
    found = _said(text, [("PERSON", "علي حسن عيسى", "علي حسن عيسى", "YE")])
    assert [(name, cue, said) for name, cue, said in found] == [
        ("علي حسن عيسى", "طالب", "بإيجاد آلية لإنجاز المعاملات.")]
