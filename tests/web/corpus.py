"""Small articles written for the web tests: hand-built records (known entities, events and
agreements, so pages can be checked exactly) and raw articles for the real ingest pipeline,
some carrying script and HTML payloads."""
from __future__ import annotations

from tests.kb_fixtures import make_record

# Egypt and Iraq talk and propose a memorandum (March), then sign it (September).
TALKS_TEXT = ("استقبل وزير الاتصالات المصري عمرو طلعت في القاهرة اليوم وزير الاتصالات العراقي هيام الياسري، "
              "وبحث الجانبان التعاون في التحول الرقمي.\n"
              "واقترح الجانب المصري توقيع مذكرة تفاهم في مجال الأمن السيبراني بين البلدين.")
SIGNING_TEXT = ("وقع وزير الاتصالات المصري عمرو طلعت ووزير الاتصالات العراقي هيام الياسري في بغداد "
                "مذكرة تفاهم للتعاون في الأمن السيبراني بين مصر والعراق.")
CALL_TEXT = ("أجرى وزير الخارجية السعودي فيصل بن فرحان اتصالا هاتفيا مع وزير الخارجية المصري سامح شكري "
             "بحثا فيه العلاقات الثنائية.")

TALAAT = {"type": "PERSON", "name": "عمرو طلعت", "country": "EG", "titles": ["وزير الاتصالات المصري"]}
YASIRI = {"type": "PERSON", "name": "هيام الياسري", "country": "IQ", "titles": ["وزير الاتصالات العراقي"]}
EGYPT = {"type": "COUNTRY", "name": "مصر", "country": "EG", "mention": "المصري"}
IRAQ = {"type": "COUNTRY", "name": "العراق", "country": "IQ", "mention": "العراقي"}

TALKS = make_record(
    TALKS_TEXT, published="2024-03-05", title="مباحثات مصرية عراقية في الاتصالات",
    entities=[TALAAT, YASIRI, EGYPT, IRAQ, {"type": "LOCATION", "name": "القاهرة", "country": "EG"}],
    events=[{"type": "CONSULT", "mode": "in_person", "countries": ["EG", "IQ"], "participants": ["e1", "e2"],
             "trigger": "استقبل", "sectors": ["ict"]},
            {"type": "AGREE", "status": "proposed", "countries": ["EG", "IQ"], "participants": ["e1"],
             "trigger": "مذكرة تفاهم", "agreement": {"instrument": "mou", "status": "proposed"},
             "sectors": ["cybersecurity"]}],
    sectors=["ict", "cybersecurity"])
TALKS["events"][1]["evidence"] = [{"start": TALKS_TEXT.index("واقترح"), "end": len(TALKS_TEXT)}]

SIGNING = make_record(
    SIGNING_TEXT, published="2024-09-20", title="توقيع مذكرة تفاهم بين مصر والعراق",
    entities=[TALAAT, YASIRI, {**EGYPT, "mention": "مصر"}, {**IRAQ, "mention": "والعراق"}],
    events=[{"type": "AGREE", "countries": ["EG", "IQ"], "participants": ["e1", "e2"], "trigger": "وقع",
             "agreement": {"instrument": "mou", "status": "signed"}, "sectors": ["cybersecurity"]},
            {"type": "CONSULT", "mode": "in_person", "countries": ["EG", "IQ"], "participants": ["e1", "e2"],
             "trigger": "بغداد", "sectors": ["ict"]}],
    sectors=["cybersecurity", "ict"])

CALL = make_record(
    CALL_TEXT, published="2023-11-02", title="اتصال هاتفي سعودي مصري",
    entities=[{"type": "PERSON", "name": "فيصل بن فرحان", "country": "SA", "titles": ["وزير الخارجية السعودي"]},
              {"type": "PERSON", "name": "سامح شكري", "country": "EG", "titles": ["وزير الخارجية المصري"]},
              {"type": "COUNTRY", "name": "السعودية", "country": "SA", "mention": "السعودي"}, EGYPT],
    events=[{"type": "CONSULT", "mode": "phone", "countries": ["EG", "SA"], "participants": ["e1", "e2"],
             "trigger": "اتصالا هاتفيا", "sectors": ["diplomacy"]}],
    sectors=["diplomacy"])

# Payloads that must stay text wherever they are shown.
SCRIPT = "<script>alert('x-script')</script>"
IMG = "<img src=x onerror=alert('x-img')>"
LINK = "<a href=\"javascript:alert('x-link')\">انقر</a>"
SVG = "<svg onload=alert('x-svg')>"
PAYLOADS = (SCRIPT, IMG, LINK, SVG)

HOSTILE_TEXT = (f"{SCRIPT} التقى السفير {IMG} مع وزير الخارجية المصري في القاهرة.\n"
                f"وقال {LINK} إن العلاقات {SVG} متينة.")
HOSTILE = make_record(
    HOSTILE_TEXT, published="2024-04-01", title=f"{SCRIPT}عنوان",
    entities=[{"type": "PERSON", "name": IMG, "country": "EG", "titles": ["وزير الخارجية المصري"]},
              {"type": "ORG", "name": LINK, "country": "IQ"},
              EGYPT],
    events=[{"type": "CONSULT", "countries": ["EG", "IQ"], "participants": ["e1", "e2"], "trigger": "التقى",
             "sectors": ["diplomacy"]}],
    sectors=["diplomacy"])
HOSTILE["source"] = "<b onmouseover=alert('x-source')>src</b>"
HOSTILE["statements"] = [{"speaker": "e1", "cue": "وقال", "start": HOSTILE_TEXT.index("إن"),
                          "end": len(HOSTILE_TEXT)}]

RECORDS = [TALKS, SIGNING, CALL, HOSTILE]

# Raw articles for `rasid ingest` (JSON Lines): the pipeline extracts them.
INGESTED = [
    {"title": f"{SCRIPT} لقاء وزيري الخارجية",
     "text": ("الرباط - استقبل وزير الخارجية المغربي ناصر بوريطة اليوم في الرباط نظيره التونسي نبيل عمار، "
              "وبحث الجانبان العلاقات الثنائية بين البلدين وسبل تعزيزها.\n"
              f"{SCRIPT} {IMG} {LINK}\n"
              "وأكد بوريطة حرص المغرب على تعزيز التعاون مع تونس في مجالات الطاقة والنقل."),
     "published": "2024-05-01", "source": "<i>test</i>", "url": "javascript:alert('x-url')"},
    {"title": "وزير الطاقة السعودي يلتقي نظيره الأردني",
     "text": ("الرياض - التقى وزير الطاقة السعودي الأمير عبدالعزيز بن سلمان اليوم في الرياض وزير الطاقة "
              "والثروة المعدنية الأردني صالح الخرابشة، وبحث الجانبان التعاون في مجال الطاقة المتجددة."),
     "published": "2024-06-10", "source": "test", "url": "https://example.org/energy"},
]
