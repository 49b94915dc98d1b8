from rasid.components.dates import dates
from rasid.components.events import events
from tests.events.docs import add_role, make_doc

EG_IQ = [
    ("COUNTRY", "مصر", "مصر", "EG"), ("COUNTRY", "العراق", "العراق", "IQ"),
    ("COUNTRY", "مصرية", "مصرية", "EG"), ("COUNTRY", "عراقية", "عراقية", "IQ"),
    ("COUNTRY", "العراقي", "العراقي", "IQ"),
]


def _events(text, entities=(), published=None):
    doc = make_doc(text, list(entities), published=published)
    doc = events(dates(doc, None), None)
    for event in doc.events:
        assert text[event.trigger.start:event.trigger.end] == event.trigger.text
        for start, end in event.evidence:
            assert 0 <= start < end <= len(text)
    return doc.events


def test_virtual_talks_told_in_several_sentences_are_one_consult():
    text = ("عقدت مباحثات مصرية عراقية عبر الفيديوكونفرنس لبحث التعاون بين مصر والعراق. "
            "وتناول الاجتماع سبل تعزيز التعاون. وشهد اللقاء استعراض المشروعات.")
    found = _events(text, EG_IQ)
    consults = [e for e in found if e.type == "CONSULT"]
    assert len(consults) == 1
    event = consults[0]
    assert (event.mode, event.status) == ("virtual", "occurred")
    assert sorted(event.countries) == ["EG", "IQ"]
    assert len(event.evidence) == 3


def test_an_earlier_dated_meeting_is_its_own_event():
    text = ("عقدت مباحثات مصرية عراقية عبر الفيديوكونفرنس. "
            "وتناول الاجتماع نتائج الاجتماع الافتراضي للخبراء الذي عقد في فبراير الماضي.")
    consults = [e for e in _events(text, EG_IQ) if e.type == "CONSULT"]
    assert len(consults) == 2
    assert all(e.mode == "virtual" and e.status == "occurred" for e in consults)


def test_future_prefix_and_markers_make_a_planned_event():
    text = "وسيلتقي الرئيس المصري نظيره العراقي في بغداد. ومن المقرر أن يبحث الجانبان التعاون بين مصر والعراق."
    entities = EG_IQ + [("COUNTRY", "المصري", "المصري", "EG")]
    consults = [e for e in _events(text, entities) if e.type == "CONSULT"]
    assert consults and all(e.status == "planned" for e in consults)


def test_a_negated_event_is_not_an_event():
    text = "ولم يلتقِ الرئيس المصري نظيره العراقي."
    entities = [("COUNTRY", "المصري", "المصري", "EG"), ("COUNTRY", "العراقي", "العراقي", "IQ")]
    assert _events(text, entities) == []


def test_phone_call_mode():
    text = "تلقى الرئيس المصري اتصالا هاتفيا من رئيس الوزراء العراقي بحثا خلاله العلاقات."
    entities = [("COUNTRY", "المصري", "المصري", "EG"), ("COUNTRY", "العراقي", "العراقي", "IQ")]
    consults = [e for e in _events(text, entities) if e.type == "CONSULT"]
    assert [e.mode for e in consults] == ["phone"]


def test_agreement_to_draw_up_an_mou_is_agree_mou_agreed():
    text = "واتفق الطرفان على تأطير مجالات الاهتمام المشترك من خلال مذكرة تفاهم بين مصر والعراق."
    agrees = [e for e in _events(text, EG_IQ) if e.type == "AGREE"]
    assert len(agrees) == 1
    assert agrees[0].agreement == {"instrument": "mou", "status": "agreed"}
    assert agrees[0].status == "occurred"


def test_signing_announced_for_the_future_is_planned_and_signed():
    text = "وسيوقع الجانبان اتفاقية للتعاون في مجال النقل بين مصر والعراق."
    agrees = [e for e in _events(text, EG_IQ) if e.type == "AGREE"]
    assert [(e.status, e.agreement["instrument"], e.agreement["status"]) for e in agrees] == \
        [("planned", "agreement", "signed")]


def test_each_body_offering_expertise_is_its_own_aid_event():
    text = ("عقدت مباحثات مصرية عراقية لبحث التعاون بين مصر والعراق. "
            "وأعرب شريف فاروق عن استعداد الهيئة القومية للبريد لنقل الخبرات للجانب العراقي. "
            "وأكدت هبة صالح إمكانية التعاون في تقديم الخدمات التدريبية. "
            "وأشار شريف فاروق إلى توفير برامج تدريبية للكوادر العراقية.")
    entities = EG_IQ + [
        ("PERSON", "شريف فاروق", "شريف فاروق", "EG"), ("PERSON", "هبة صالح", "هبة صالح", "EG"),
        ("ORG", "الهيئة القومية للبريد", "الهيئة القومية للبريد", "EG"),
    ]
    aid = [e for e in _events(text, entities) if e.type == "AID"]
    assert len(aid) == 2
    assert all(e.status == "proposed" and sorted(e.countries) == ["EG", "IQ"] for e in aid)
    actors = [next(p.entity.name for p in e.participants if p.role == "actor") for e in aid]
    assert actors == ["شريف فاروق", "هبة صالح"]


def test_states_named_as_the_topic_are_not_parties():
    text = "بحث وزير الخارجية المصري مع نظيره العراقي الأوضاع في سوريا وليبيا."
    entities = [("COUNTRY", "المصري", "المصري", "EG"), ("COUNTRY", "العراقي", "العراقي", "IQ"),
                ("COUNTRY", "سوريا", "سوريا", "SY"), ("COUNTRY", "ليبيا", "ليبيا", "LY")]
    consults = [e for e in _events(text, entities) if e.type == "CONSULT"]
    assert [sorted(e.countries) for e in consults] == [["EG", "IQ"]]


def test_event_date_from_an_absolute_date_in_its_sentence():
    text = "وقع الجانبان مذكرة تفاهم بين مصر والعراق في 3 مارس 2021."
    agrees = [e for e in _events(text, EG_IQ) if e.type == "AGREE"]
    assert agrees[0].date["value"] == "2021-03-03"
    assert text[agrees[0].date["start"]:agrees[0].date["stop"]] == "3 مارس 2021"


def test_a_signing_without_an_instrument_is_no_agreement():
    text = "وجلس الرئيس في مطار القاهرة لتوقيع كتاب ذهبي قبل لقائه مع الرئيس العراقي."
    entities = [("COUNTRY", "القاهرة", "القاهرة", "EG"), ("COUNTRY", "العراقي", "العراقي", "IQ")]
    assert [e for e in _events(text, entities) if e.type == "AGREE"] == []


def test_reaching_an_agreement_names_the_instrument():
    text = "واقترح الرئيس المصري التوصل إلى اتفاق منفصل مع العراق."
    entities = [("COUNTRY", "المصري", "المصري", "EG"), ("COUNTRY", "العراق", "العراق", "IQ")]
    agrees = [e for e in _events(text, entities) if e.type == "AGREE"]
    assert [(e.status, e.agreement) for e in agrees] == [("proposed", {"instrument": "agreement", "status": "proposed"})]


def test_a_letter_handed_over_at_a_meeting_is_a_second_interaction():
    text = "والتقى الرئيس المصري رئيس مجلس الأمة الجزائري الذي سلمه رسالة خطية من الرئيس الجزائري."
    entities = [("COUNTRY", "المصري", "المصري", "EG"), ("COUNTRY", "الجزائري", "الجزائري", "DZ")]
    consults = [e for e in _events(text, entities) if e.type == "CONSULT"]
    assert sorted(e.mode for e in consults) == ["in_person", "written"]


def test_praise_by_different_actors_is_two_support_events():
    text = ("بحث علي لاريجاني مع محمد اللحام العلاقات بين إيران وسورية. وأكد علي لاريجاني دعم بلاده لسورية. "
            "وفي وقت سابق التقى سعيد جليلي مع اللحام في طهران. ثم أشار اللحام إلى الوضع. وأكد سعيد جليلي دعم بلاده لسورية.")
    entities = [("COUNTRY", "إيران", "إيران", "IR"), ("COUNTRY", "سورية", "سورية", "SY"),
                ("PERSON", "علي لاريجاني", "علي لاريجاني", "IR"), ("PERSON", "سعيد جليلي", "سعيد جليلي", "IR"),
                ("PERSON", "محمد اللحام", "اللحام", "SY")]
    support = [e for e in _events(text, entities) if e.type == "SUPPORT"]
    assert len(support) == 2


def test_a_visit_an_invitation_asks_for_is_no_event_of_its_own():
    text = "ووجه رئيس الوزراء اليوناني الدعوة للرئيس المصري لإجراء زيارة إلى اليونان."
    entities = [("COUNTRY", "اليوناني", "اليوناني", "GR"), ("COUNTRY", "المصري", "المصري", "EG"),
                ("COUNTRY", "اليونان", "اليونان", "GR")]
    assert [e.type for e in _events(text, entities)] == ["REQUEST"]


def test_a_domestic_event_and_a_purpose_alone_are_no_events():
    text = "واستقبل أمير المنطقة رئيس البلدية في الرياض. وسافر العامل لبحثه عن لقمة العيش في السعودية."
    entities = [("COUNTRY", "السعودية", "السعودية", "SA"), ("COUNTRY", "الرياض", "الرياض", "SA")]
    assert _events(text, entities) == []


def test_the_subject_named_before_a_verb_is_its_actor_and_an_object_is_not():
    text = "ترامب يلغي قمته مع كيم جونغ أون في سنغافورة. ورحب الرئيس المصري بالوزير العراقي."
    entities = [("PERSON", "دونالد ترامب", "ترامب", "US"), ("PERSON", "كيم جونغ أون", "كيم جونغ أون", "KP"),
                ("PERSON", "الوزير العراقي", "الوزير العراقي", "IQ"), ("COUNTRY", "المصري", "المصري", "EG")]
    found = {e.type: e for e in _events(text, entities)}
    actor = next(p.entity.name for p in found["SANCTION"].participants if p.role == "actor")
    assert actor == "دونالد ترامب"
    assert all(p.role != "actor" for p in found["SUPPORT"].participants if p.entity.name == "الوزير العراقي")


def test_agreeing_with_a_view_is_no_agreement():
    text = "وقال الرئيس الأمريكي للرئيس الكيني: لقد اتفقنا أن السبيل الأمثل هو الحوار."
    entities = [("COUNTRY", "الأمريكي", "الأمريكي", "US"), ("COUNTRY", "الكيني", "الكيني", "KE")]
    assert [e for e in _events(text, entities) if e.type == "AGREE"] == []


def test_a_readiness_is_an_offer_of_aid_only_when_what_it_offers_follows():
    text = ("وأبدى وزير الداخلية المصري استعداده لتقديم التدريب للكوادر العراقية. "
            "وحذر وزير الداخلية المصري من استعدادهم لاستهداف المدنيين في العراق.")
    entities = [("COUNTRY", "المصري", "المصري", "EG"), ("COUNTRY", "العراقية", "العراقية", "IQ"),
                ("COUNTRY", "العراق", "العراق", "IQ"),
                ("PERSON", "وزير الداخلية المصري", "وزير الداخلية المصري", "EG")]
    aid = [e for e in _events(text, entities) if e.type == "AID"]
    assert len(aid) == 1 and aid[0].status == "proposed"
    assert doc_text_of(text, aid[0]).startswith("وأبدى")


def doc_text_of(text, event):
    start, end = event.evidence[0]
    return text[start:end]


def test_a_joint_statement_issued_is_an_agreement():
    text = "وأصدر الجانبان بيانا مشتركا في ختام زيارة الرئيس المصري إلى العراق."
    entities = [("COUNTRY", "المصري", "المصري", "EG"), ("COUNTRY", "العراق", "العراق", "IQ")]
    agrees = [e for e in _events(text, entities) if e.type == "AGREE"]
    assert [e.agreement for e in agrees] == [{"instrument": "joint_statement", "status": "agreed"}]


def test_a_possessed_verbal_noun_is_no_rejection():
    text = "وأكد رئيس مجلس الشورى الإيراني دعم بلاده لسورية مجددا رفضه للتدخلات الأجنبية في سورية."
    entities = [("COUNTRY", "الإيراني", "الإيراني", "IR"), ("COUNTRY", "سورية", "سورية", "SY")]
    assert [e.type for e in _events(text, entities) if e.type == "REJECT"] == []


TUNISIA_BELGIUM_TALKS = "التقى الجهيناوي نظيره البلجيكي في تونس. وثمن الجهيناوي قرار الحكومة البلجيكية. "
TUNISIA_BELGIUM_ENTITIES = [
    ("PERSON", "خميس الجهيناوي", "الجهيناوي", "TN"), ("COUNTRY", "البلجيكي", "البلجيكي", "BE"),
    ("COUNTRY", "البلجيكية", "البلجيكية", "BE"), ("COUNTRY", "تونس", "تونس", "TN")]


def _praises(last_sentence: str) -> list:
    text = TUNISIA_BELGIUM_TALKS + "وأشار إلى الوضع في ليبيا. " + last_sentence
    return [e for e in _events(text, TUNISIA_BELGIUM_ENTITIES) if e.type == "SUPPORT"]


def test_praise_by_a_subject_named_only_by_title_is_its_own_act():
    assert len(_praises("من جهته ثمن الضيف البلجيكي المسار الديمقراطي في تونس.")) == 2


def test_praise_again_by_the_same_named_actor_is_the_same_act():
    """A named actor right after the verb (ثمن الجهيناوي ...) is no unnamed subject."""
    assert len(_praises("كما ثمن الجهيناوي المسار الديمقراطي في تونس.")) == 1


def test_a_sum_of_money_sent_is_aid_given():
    text = "وأرسلت الحكومة السعودية 100 مليون دولار إلى واشنطن. وأرسل الوزير وفدا إلى واشنطن."
    entities = [("COUNTRY", "السعودية", "السعودية", "SA"), ("COUNTRY", "واشنطن", "واشنطن", "US")]
    aid = [e for e in _events(text, entities) if e.type == "AID"]
    assert [(e.status, e.trigger.text) for e in aid] == [("occurred", "أرسلت")]


def test_a_trigger_inside_an_organizations_name_is_no_event():
    text = "وقال المشرف على مركز الملك سلمان للإغاثة إن الأوضاع في اليمن صعبة بعد زيارة السعودية."
    entities = [("ORG", "مركز الملك سلمان للإغاثة", "مركز الملك سلمان للإغاثة", "SA"),
                ("COUNTRY", "اليمن", "اليمن", "YE"), ("COUNTRY", "السعودية", "السعودية", "SA")]
    assert [e for e in _events(text, entities) if e.type == "AID"] == []


def test_a_clubs_trip_abroad_is_no_interaction_between_states():
    text = "ووصلت بعثة نادي الاتفاق السعودي إلى تركيا أمس لإقامة معسكرها."
    entities = [("ORG", "نادي الاتفاق", "نادي الاتفاق", "SA"), ("COUNTRY", "السعودي", "السعودي", "SA"),
                ("COUNTRY", "تركيا", "تركيا", "TR")]
    assert _events(text, entities) == []


def test_a_ministers_visit_abroad_stays_an_event():
    text = "ووصل وزير الرياضة السعودي إلى تركيا أمس في زيارة رسمية يلتقي خلالها نظيره التركي."
    entities = [("COUNTRY", "السعودي", "السعودي", "SA"), ("COUNTRY", "تركيا", "تركيا", "TR"),
                ("COUNTRY", "التركي", "التركي", "TR")]
    assert {e.type for e in _events(text, entities)} == {"CONSULT"}


def test_the_guest_received_after_the_hosts_long_titles_takes_part():
    text = ("استقبل صاحب السمو الملكي الأمير محمد بن نايف بن عبدالعزيز ولي العهد نائب رئيس مجلس الوزراء "
            "وزير الداخلية - حفظه الله - في قصر سموه بجدة مساء أمس وزير الخارجية المصري سامح شكري.")
    doc = make_doc(text, [("PERSON", "محمد بن نايف بن عبدالعزيز", "محمد بن نايف بن عبدالعزيز", "SA"),
                          ("PERSON", "سامح شكري", "سامح شكري", "EG"), ("COUNTRY", "المصري", "المصري", "EG")])
    add_role(doc, "محمد بن نايف بن عبدالعزيز", "ولي العهد نائب رئيس مجلس الوزراء وزير الداخلية")
    found = events(dates(doc, None), None).events
    consult = next(e for e in found if e.type == "CONSULT")
    assert sorted(consult.countries) == ["EG", "SA"]
    assert {p.entity.name for p in consult.participants} == {"محمد بن نايف بن عبدالعزيز", "سامح شكري"}


def test_an_event_after_a_topic_shift_lends_no_states_to_one_before_it():
    entities = [("PERSON", "محمد بن نايف", "محمد بن نايف", "SA"), ("PERSON", "سلمان بن عبدالعزيز", "الملك سلمان", "SA"),
                ("PERSON", "ميشيل كفاندو", "ميشيل كفاندو", "BF"), ("COUNTRY", "بوركينا فاسو", "بوركينا فاسو", "BF"),
                ("COUNTRY", "الرياض", "الرياض", "SA")]
    told = ("استقبل الأمير محمد بن نايف في الرياض أمس الأمراء والمواطنين. {}بعث الملك سلمان برقية تهنئة "
            "لرئيس بوركينا فاسو ميشيل كفاندو بمناسبة ذكرى استقلال بلاده.")
    found = _events(told.format("من جهة أخرى، "), entities)
    assert [(e.type, e.mode, sorted(e.countries)) for e in found] == [("CONSULT", "written", ["BF", "SA"])]
    assert len(_events(told.format(""), entities)) == 2  # told together, the reception is the same occasion's


def _triggers(text, entities, kind):
    """The trigger words of the events of one type."""
    return [e.trigger.text for e in _events(text, entities) if e.type == kind]


SA_YE = [("COUNTRY", "السعودية", "السعودية", "SA"), ("COUNTRY", "اليمن", "اليمن", "YE"),
         ("ORG", "مركز الإغاثة السعودي", "مركز الإغاثة السعودي", "SA")]


def test_an_arriving_aircraft_delivers_and_visits_no_one():
    for text in ("وبتوجيه من مركز الإغاثة السعودي وصلت اليوم ثاني طائرة إلى اليمن.",
                 "وأكد مركز الإغاثة السعودي أن طائرات ستصل إلى اليمن وفق برنامج زمني."):
        assert _triggers(text, SA_YE, "CONSULT") == []


def test_a_visitor_on_board_an_aircraft_still_arrives():
    text = "وصل رئيس مركز الإغاثة السعودي إلى اليمن على متن طائرة خاصة قادما من السعودية."
    found = [e for e in _events(text, SA_YE) if e.type == "CONSULT"]
    assert [(e.trigger.text, sorted(e.countries)) for e in found] == [("وصل", ["SA", "YE"])]


SA_JO = [("COUNTRY", "السعودية", "السعودية", "SA"), ("COUNTRY", "الأردن", "الأردن", "JO"),
         ("PERSON", "سلمان بن عبدالعزيز", "سلمان بن عبدالعزيز", "SA"),
         ("PERSON", "عبدالله الثاني", "عبدالله الثاني", "JO")]


def test_asking_god_is_a_prayer_not_a_request():
    text = "وعزى عبدالله الثاني ملك الأردن سلمان بن عبدالعزيز ملك السعودية في الشهداء، داعيا الله أن يتغمدهم برحمته."
    assert _triggers(text, SA_JO, "REQUEST") == []


def test_a_request_of_a_state_is_still_a_request():
    text = "ودعا عبدالله الثاني ملك الأردن السعودية إلى دعم المبادرة."
    assert _triggers(text, SA_JO, "REQUEST") == ["دعا"]


def test_a_verb_form_after_a_number_is_a_counted_noun_but_a_noun_trigger_is_an_event():
    text = "وقالت الأردن إن السعودية اعتقلت 43 طالبا."
    assert _triggers(text, SA_JO, "REQUEST") == []
    text = "وعقدت السعودية والأردن 3 اجتماعات في إطار اللجنة المشتركة."
    assert _triggers(text, SA_JO, "CONSULT") == ["اجتماعات"]


SA_GB = [("COUNTRY", "السعودية", "السعودية", "SA"), ("COUNTRY", "بريطانيا", "بريطانيا", "GB"),
         ("ORG", "الجمعية العلمية", "الجمعية العلمية", "SA"), ("ORG", "جامعة برمنجهام", "جامعة برمنجهام", "GB")]


def test_receiving_applications_is_no_reception_of_guests():
    text = "بدأت الجمعية العلمية في بريطانيا استقبال طلبات المبتعثين من السعودية للمشاركة مع جامعة برمنجهام."
    assert _triggers(text, SA_GB, "CONSULT") == []


def test_receiving_a_delegation_is_a_reception():
    text = "استقبلت الجمعية العلمية في بريطانيا وفدا من جامعة برمنجهام والسعودية."
    assert _triggers(text, SA_GB, "CONSULT") == ["استقبلت"]


def test_a_visit_during_which_someone_will_meet_is_planned():
    text = ("تلبية لدعوة من عبدالله الثاني ملك الأردن، يغادر محمد بن سلمان اليوم إلى الأردن، وسيلتقي سموه "
            "خلال الزيارة عبدالله الثاني لبحث العلاقات مع السعودية.")
    entities = SA_JO + [("PERSON", "محمد بن سلمان", "محمد بن سلمان", "SA")]
    visits = [e for e in _events(text, entities) if e.type == "CONSULT"]
    assert visits and all(e.status == "planned" for e in visits)
