from rasid.components.dates import dates
from rasid.components.events import events
from rasid.components.sectors import article_variants, sector_ids, sector_matcher, sectors
from rasid.doc import Article
from rasid.lang import load_table
from rasid.pipeline import analyze
from tests.events.docs import add_role, make_doc

EG_IQ = [("COUNTRY", "مصر", "مصر", "EG"), ("COUNTRY", "العراق", "العراق", "IQ")]


def _run(doc):
    return sectors(events(dates(doc, None), None), None)


def test_every_cue_names_a_sector_of_the_taxonomy():
    assert sector_matcher().size > 100
    assert {sector for _cue, sector, _flag in load_table("sector_cues.tsv", 3)} <= sector_ids()


def test_a_cue_with_the_article_also_matches_without_it():
    assert article_variants("الأمن السيبراني") == ["الأمن السيبراني", "أمن سيبراني"]
    assert "النفط" in article_variants("نفط")


def test_event_sectors_come_from_its_sentences_and_the_article_takes_the_union():
    text = ("بحث وزير الاتصالات مع نظيره سبل التعاون بين مصر والعراق في مجال التحول الرقمي والخدمات البريدية. "
            "ووقع الجانبان مذكرة تفاهم بين مصر والعراق في مجال الأمن السيبراني.")
    doc = _run(make_doc(text, EG_IQ))
    by_type = {e.type: e.sectors for e in doc.events}
    assert set(by_type["CONSULT"]) == {"ict", "post"}
    assert by_type["AGREE"] == ["cybersecurity"]
    assert set(doc.sectors) == {"ict", "post", "cybersecurity"}


def test_an_exact_cue_does_not_match_another_form():
    text = "أبدت الهيئة استعدادها لنقل الخبرات إلى مصر والعراق."
    doc = _run(make_doc(text, EG_IQ))
    assert "transport" not in doc.sectors


def test_cues_inside_a_persons_title_do_not_count():
    text = "حضر اللقاء بين مصر والعراق وزير المالية أحمد علي، وبحث الجانبان العلاقات الثنائية."
    doc = make_doc(text, EG_IQ + [("PERSON", "أحمد علي", "أحمد علي", "EG")])
    add_role(doc, "أحمد علي", "وزير المالية")
    doc = _run(doc)
    assert "finance" not in doc.sectors
    assert "diplomacy" in doc.sectors


def test_greeting_formulas_and_a_persons_condition_name_no_sector():
    text = ("بعث رئيس مصر برقية تهنئة إلى رئيس العراق، متمنيا له موفور الصحة والسعادة ولشعب العراق التقدم. "
            "وأعرب عن أطيب التمنيات بالصحة والعافية. وقال الطبيب إن حالته الصحية مستقرة.")
    doc = _run(make_doc(text, EG_IQ))
    assert "health" not in doc.sectors
    assert all("health" not in e.sectors for e in doc.events)


def test_health_named_as_a_topic_still_counts():
    text = "بحث وزير الصحة في مصر مع نظيره في العراق التعاون في مجال الصحة والأدوية."
    doc = _run(make_doc(text, EG_IQ))
    assert "health" in doc.sectors


def test_coaching_a_team_is_no_training_sector():
    text = ("تعاقد نادي الرياض مع مدرب من أمريكا اللاتينية لتدريب الفريق الأول خلفا للمدرب التونسي، "
            "ويتوقع أن يصل المدرب إلى المملكة ليبدأ تدريب الفريق الأسبوع المقبل.")
    assert "education_training" not in analyze(Article(text=text)).sectors
    text = "بحث وزير التعليم في مصر مع نظيره في العراق برامج تدريب المعلمين."
    assert "education_training" in _run(make_doc(text, EG_IQ)).sectors


def test_a_places_capacity_is_no_energy():
    text = ("نفى مدير الفرع أن يؤثر إغلاق المنشآت على الطاقة الاستيعابية لمرافق الإيواء، وقال إن المشروع "
            "يرفع الطاقة الاستيعابية للمطاف إلى 107 آلاف طائف في الساعة.")
    assert "energy" not in analyze(Article(text=text)).sectors


def test_energy_drinks_are_no_energy():
    text = ("أوقفت سلسلة المتاجر بيع مشروبات الطاقة في جميع فروعها، وحذرت هيئة الغذاء والدواء من الإفراط "
            "في تناول مشروب الطاقة.")
    sectors = analyze(Article(text=text)).sectors
    assert "energy" not in sectors


def test_energy_supply_is_still_energy():
    text = "وقعت الوزارة اتفاقية لتطوير مشاريع الطاقة الشمسية وإنتاج الكهرباء."
    assert "energy" in analyze(Article(text=text)).sectors
