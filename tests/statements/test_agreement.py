from rasid.doc import Entity, Role
from rasid.statements.agreement import FEMININE, MASCULINE, agrees, cue_gender, entity_gender
from rasid.statements.lexicon import cue_matcher
from tests.events.docs import make_doc

FORMS = frozenset({"قال", "قالت", "يقول", "تقول", "مشيرا", "مشيرة", "بينت"})


def test_a_cue_has_the_gender_its_counterpart_shows():
    assert cue_gender("قالت", FORMS) == FEMININE
    assert cue_gender("قال", FORMS) == MASCULINE
    assert cue_gender("تقول", FORMS) == FEMININE
    assert cue_gender("يقول", FORMS) == MASCULINE
    assert cue_gender("مشيرة", FORMS) == FEMININE
    assert cue_gender("مشيرا", FORMS) == MASCULINE
    assert cue_gender("بينت", FORMS) is None  # no counterpart: unknown


def test_the_cue_lexicon_carries_the_gender():
    doc = make_doc("وقالت الوزيرة إن الزيارة ناجحة، مشيرا إلى التعاون.")
    found = {doc.text[m.start:m.end]: m.payload.gender for m in cue_matcher().find(doc.tokens)}
    assert found == {"قالت": FEMININE, "مشيرا": MASCULINE}


def test_person_gender_from_name_honorific_kinship_and_title():
    assert entity_gender(Entity("PERSON", "سعد بن حيا الصاعدي")) == MASCULINE
    assert entity_gender(Entity("PERSON", "فاطمة الزهراني")) == FEMININE
    assert entity_gender(Entity("PERSON", "ريتنو مرسودي", roles=[Role("وزيرة خارجية إندونيسيا", 0, 0)])) == FEMININE
    assert entity_gender(Entity("PERSON", "الصاعدي", honorific="فضيلة الشيخ")) == MASCULINE
    assert entity_gender(Entity("PERSON", "كيم براون")) is None  # a name borne by both
    assert entity_gender(Entity("PERSON", "ريتنو مرسودي")) is None  # nothing known


def test_body_gender_from_its_head():
    assert entity_gender(Entity("ORG", "وزارة العدل")) == FEMININE
    assert entity_gender(Entity("ORG", "القوات الجوية")) == FEMININE
    assert entity_gender(Entity("ORG", "مجلس الوزراء")) == MASCULINE
    assert entity_gender(Entity("ORG", "سامسونج")) is None


def test_agreement_needs_both_genders_known_and_different():
    man = Entity("PERSON", "طارق بن زياد")
    assert not agrees(man, FEMININE)
    assert agrees(man, MASCULINE)
    assert agrees(man, None)
    assert agrees(Entity("PERSON", "كيم براون"), MASCULINE)


def test_a_masculine_title_says_nothing_of_a_woman_who_holds_it():
    assert entity_gender(Entity("PERSON", "ريتنو مرسودي", roles=[Role("مساعد مدير القسم", 0, 0)])) is None
