from urllib.parse import parse_qsl

import pytest
from starlette.datastructures import QueryParams

from rasid.search.filters import BadQuery
from rasid.web.params import Form, parse_pair


def form(query: str, extra=()) -> Form:
    return Form.read(QueryParams(query), extra)


def test_a_form_reads_lists_trims_and_validates_into_filters():
    f = form("q=+وزير+&country=eg&country=IQ&country=&type=consult&sector=ict&since=2024-01-01&page=2")
    assert (f.q, f.country, f.type, f.page, f.offset) == ("وزير", ("EG", "IQ"), ("CONSULT",), 2, 20)
    filters = f.filters()
    assert (filters.countries, filters.types, filters.sectors, filters.since) == (
        ("EG", "IQ"), ("CONSULT",), ("ict",), "2024-01-01")


@pytest.mark.parametrize("query", ["page=0", "page=x", "page=501", "since=yesterday", "country=EGY",
                                   "sector=a;b", "q=" + "x" * 501, "&".join(["person=a"] * 11)])
def test_bad_values_are_refused_with_a_message(query):
    with pytest.raises(BadQuery):
        form(query).filters()


def test_links_keep_the_form_and_reset_paging():
    f = form("q=مصر&country=EG&page=3&kind=persons", extra=("kind",))
    assert dict(parse_qsl(f.query())) == {"q": "مصر", "country": "EG", "kind": "persons"}
    assert parse_qsl(f.query(page=4))[-2:] == [("page", "4"), ("kind", "persons")]
    assert parse_qsl(f.adding("country", "IQ")) == [("q", "مصر"), ("country", "EG"), ("country", "IQ"),
                                                     ("kind", "persons")]
    assert parse_qsl(f.adding("country", "EG")).count(("country", "EG")) == 1
    assert ("country", "EG") not in parse_qsl(f.without("country", "EG"))
    assert form("").is_empty() and not f.is_empty()


def test_pairs_are_ordered_and_checked():
    assert parse_pair("iq-EG") == ("EG", "IQ")
    for bad in ("EG", "EG-EG", "EGY-IQ", "EG_IQ", "<b>-x"):
        with pytest.raises(BadQuery):
            parse_pair(bad)
