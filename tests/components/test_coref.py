"""Coreference of persons: short forms, spelling variants, title references, honorific pronouns."""
from __future__ import annotations

import pytest

from rasid.doc import Article, Entity
from rasid.persons.coref import name_key, same_person
from rasid.pipeline import analyze
from rasid.settings import Settings

from tests.components.test_persons import PERSON_COMPONENTS, by_name, check_spans


@pytest.fixture(scope="module")
def settings() -> Settings:
    return Settings(components=PERSON_COMPONENTS)


def persons(text: str, settings: Settings) -> tuple[str, list[Entity]]:
    doc = analyze(Article(text=text), settings)
    check_spans(doc)
    return doc.text, doc.entities_of("PERSON")


def mention_texts(person: Entity) -> list[str]:
    return [m.text for m in sorted(person.mentions, key=lambda m: m.start)]


def test_surname_in_quotes_is_a_mention_and_an_alias(settings):
    text = ("وأكد عمرو طلعت وزير الاتصالات على تميز العلاقات. واستعرض «طلعت» استراتيجية مصر. "
            "كما أشار «طلعت» إلى استعداد الوزارة.")
    _, found = persons(text, settings)
    assert len(found) == 1
    person = found[0]
    assert person.name == "عمرو طلعت"
    assert person.aliases == ["طلعت"]
    assert mention_texts(person) == ["عمرو طلعت", "طلعت", "طلعت"]


def test_short_form_found_as_its_own_name_merges_into_the_full_name(settings):
    text = "وقال وزير الخارجية عادل بن أحمد الجبير إن المباحثات مثمرة. وأضاف الوزير الجبير أن البلدين متفقان."
    _, found = persons(text, settings)
    assert [p.name for p in found] == ["عادل بن أحمد الجبير"]
    assert "الجبير" in found[0].aliases


def test_name_without_the_fathers_name_is_the_same_person(settings):
    text = ("حضر الاستقبال السفير الدكتور رائد بن خالد قرملي. وذلك بحضور السفير الدكتور رائد قرملي "
            "وعدد من المسؤولين.")
    _, found = persons(text, settings)
    person = by_name(found, "رائد بن خالد قرملي")
    assert "رائد قرملي" in person.aliases
    assert len(found) == 1


def test_title_reference_is_a_mention_of_the_holder(settings):
    text = ("التقى الرئيس عبدالفتاح السيسي برئيس الوزراء الروسي ديمتري ميدفيديف. "
            "وأضاف رئيس الوزراء الروسي أنه لمس سعادة الشعب.")
    doc_text, found = persons(text, settings)
    person = by_name(found, "ديمتري ميدفيديف")
    second = doc_text.rindex("رئيس الوزراء الروسي")
    assert any(m.start == second and m.text == "رئيس الوزراء الروسي" for m in person.mentions)


def test_honorific_pronoun_refers_to_the_latest_honored_person(settings):
    text = "زار معالي وزير الخارجية الأستاذ عادل الجبير روما. ورافق معاليه خلال الزيارة وفد رسمي."
    _, found = persons(text, settings)
    person = by_name(found, "عادل الجبير")
    assert "معاليه" in mention_texts(person)


def test_two_persons_with_one_surname_stay_apart_by_first_name(settings):
    text = "وقال الرئيس كيم جونغ أون إن القمة مهمة. والتقى الجنرال كيم جونغ تشول بالوزير."
    _, found = persons(text, settings)
    assert {p.name for p in found} == {"كيم جونغ أون", "كيم جونغ تشول"}


@pytest.mark.parametrize("short, long, same", [
    ("طلعت", "عمرو طلعت", True),
    ("سلمان", "سلمان بن عبدالعزيز", True),
    ("أوهورو كنياتا", "أوهورو كيناتا", True),
    ("عبد الفتاح السيسي", "عبدالفتاح السيسي", True),
    ("رائد قرملي", "رائد بن خالد قرملي", True),
    ("كيم جونغ تشول", "كيم جونغ أون", False),
    ("محمد بن زايد", "محمد بن راشد آل مكتوم", False),
    ("مريع", "أحمد بن علي آل مريع", True),
    ("عبدالعزيز", "محمد بن عبدالعزيز", False),
])
def test_same_person(short, long, same):
    assert same_person(name_key(short), name_key(long)) is same


def test_bare_title_refers_to_the_latest_holder_of_that_office(settings):
    text = ("وأكد وزير الخارجية سامح شكري أهمية التعاون. وقال الرئيس عبدالفتاح السيسي إن العلاقات قوية. "
            "وأضاف الوزير أن المباحثات كانت مثمرة.")
    doc_text, found = persons(text, settings)
    person = by_name(found, "سامح شكري")
    reference = doc_text.rindex("الوزير")
    assert any(m.start == reference and m.text == "الوزير" for m in person.mentions)


def test_a_person_named_only_in_the_headline_is_dropped(settings):
    title = "الملك وولي عهده يبعثان ببرقيتي تهنئة لرئيس تونس"
    text = title + "\n\nبعث وزير الخارجية عادل الجبير برقية تهنئة إلى نظيره التونسي."
    doc = analyze(Article(text=text, title=title), settings)
    check_spans(doc)
    assert [p.name for p in doc.entities_of("PERSON")] == ["عادل الجبير"]


def test_a_headline_name_told_in_the_story_stays(settings):
    title = "الجبير يستقبل شكري"
    text = title + "\n\nاستقبل وزير الخارجية عادل الجبير اليوم وزير الخارجية المصري سامح شكري."
    doc = analyze(Article(text=text, title=title), settings)
    names = sorted(p.name for p in doc.entities_of("PERSON"))
    assert names == ["سامح شكري", "عادل الجبير"]
    assert all(len(p.mentions) == 2 for p in doc.entities_of("PERSON"))


def test_a_surname_two_persons_share_names_the_one_mentioned_latest_before_it(settings):
    text = ("استقبل الرئيس عبدالفتاح السيسي وزير الخارجية الأمريكي جون كيري. وقال كيري إن العلاقات قوية. "
            "وحضر اللقاء السفير الأمريكي ستيفن كيري. وأضاف كيري أن السفارة تعمل.")
    doc_text, found = persons(text, settings)
    john, stephen = by_name(found, "جون كيري"), by_name(found, "ستيفن كيري")
    first_short = doc_text.index("كيري إن")
    last_short = doc_text.rindex("كيري أن")
    assert any(m.start == first_short and m.text == "كيري" for m in john.mentions)
    assert any(m.start == last_short and m.text == "كيري" for m in stephen.mentions)
    assert not any(m.start == last_short for m in john.mentions)


def test_a_surname_that_opens_with_a_clitic_letter_is_mentioned_whole():
    text = "قال فينسن لابرون رئيس النادي إن المدرب سيرحل. واستقال المدرب مارسيلو بيلسا أمس. وقال لابرون: فوجئت بالقرار."
    doc = analyze(Article(text=text))
    check_spans(doc)
    president = by_name(doc.entities_of("PERSON"), "فينسن لابرون")
    assert [m.text for m in president.mentions] == ["فينسن لابرون", "لابرون"]
    assert [s.speaker.name for s in doc.statements] == ["فينسن لابرون", "فينسن لابرون"]
