from rasid.components.dates import dates
from rasid.dates.published import parse_published
from tests.events.docs import make_doc


def _dates(text: str, published: str | None = None):
    doc = dates(make_doc(text, published=published), None)
    for d in doc.extra["dates"]:
        assert text[d["start"]:d["stop"]].strip() == text[d["start"]:d["stop"]]
    return doc, {text[d["start"]:d["stop"]]: d for d in doc.extra["dates"]}


def test_publication_dates_in_the_metadata_formats_become_iso():
    assert parse_published("2015-08-08 06:22:43").isoformat() == "2015-08-08"
    assert parse_published("Sun, 13 May 2018 19:09:46 GMT").isoformat() == "2018-05-13"
    assert parse_published("2017-04-11T18:23:00+01:00").isoformat() == "2017-04-11"
    assert parse_published("not a date") is None


def test_doc_published_is_the_iso_date():
    doc, _ = _dates("التقى الوزير نظيره أمس.", "Tue, 01 May 2018 20:12:10 +0400")
    assert doc.published == "2018-05-01"


def test_absolute_gregorian_day_with_a_slashed_month_name():
    _, found = _dates("تعقد القمة في 12 يونيو/حزيران 2018 في سنغافورة.")
    d = found["12 يونيو/حزيران 2018"]
    assert (d["value"], d["granularity"], d["end"]) == ("2018-06-12", "day", None)


def test_hijri_date_is_converted_to_gregorian():
    _, found = _dates("وقع الجانبان الاتفاقية يوم 26 شوال 1436 هـ في الرياض.")
    assert found["26 شوال 1436 هـ"]["value"] == "2015-08-11"


def test_day_range_month_and_year():
    _, found = _dates("يزور الوزير تونس يومي 1 و2 مارس 2017، بعد اجتماع نوفمبر 2013 وآخر عام 2007.")
    assert (found["1 و2 مارس 2017"]["value"], found["1 و2 مارس 2017"]["end"]) == ("2017-03-01", "2017-03-02")
    assert found["1 و2 مارس 2017"]["granularity"] == "range"
    assert (found["نوفمبر 2013"]["value"], found["نوفمبر 2013"]["granularity"]) == ("2013-11-01", "month")
    assert (found["عام 2007"]["value"], found["عام 2007"]["granularity"]) == ("2007-01-01", "year")


def test_dates_relative_to_the_publication_date():
    _, found = _dates("التقى الوزير نظيره أمس، بعد اجتماع عقد في فبراير الماضي والخميس الماضي، ويسافر غدا الأربعاء.",
                      "2018-05-15")  # a Tuesday
    assert found["أمس"]["value"] == "2018-05-14"
    assert found["فبراير الماضي"]["value"] == "2018-02-01"
    assert found["الخميس الماضي"]["value"] == "2018-05-10"
    assert found["غدا الأربعاء"]["value"] == "2018-05-16"
    assert found["غدا الأربعاء"]["relation"] == "future"
    assert found["أمس"]["relation"] == "past"


def test_relative_dates_without_a_publication_date_keep_their_direction_only():
    _, found = _dates("عقد الاجتماع في فبراير الماضي.")
    assert found["فبراير الماضي"]["value"] is None
    assert found["فبراير الماضي"]["relation"] == "past"


def test_a_month_name_without_a_number_or_direction_is_no_date():
    _, found = _dates("أعلن شعبان الموافقة على المشروع.")
    assert found == {}


def test_publication_date_from_the_dateline_when_the_metadata_has_none():
    text = "الرياض 12 مارس 2018 (واس) - التقى الوزير نظيره أمس."
    doc, found = _dates(text)
    assert doc.published == "2018-03-12"
    assert found["أمس"]["value"] == "2018-03-11"


def test_numeric_dates_hijri_by_year_range_or_suffix():
    _, found = _dates("وقع التفجير يوم الخميس 21/10/1436ه في المسجد، وفي 13/5/2018 عقد الاجتماع.")
    assert found["21/10/1436ه"]["value"] == "2015-08-06"
    assert found["13/5/2018"]["value"] == "2018-05-13"


def test_each_date_says_what_it_is_anchored_to():
    _, found = _dates("التقى الوزير نظيره أمس بعد اجتماع الخميس الماضي وآخر في فبراير الماضي و3 مارس 2018.")
    assert [found[k]["anchor"] for k in ("أمس", "الخميس الماضي", "فبراير الماضي", "3 مارس 2018")] == \
        ["day_offset", "weekday", "month", "absolute"]


def test_an_unreadable_publication_date_becomes_null():
    doc, _ = _dates("التقى الوزير نظيره.", "yesterday evening")
    assert doc.published is None
