import json

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from rasid.search.articles import search_articles
from rasid.search.filters import Filters, Paging
from rasid.store import StoreError, open_store
from rasid.store.articles import get_record
from rasid.store.schema import metadata
from tests.kb_fixtures import add_records, make_record

TEXT = "التقى أحمد مصطفى وزير الصحة في مكتبة الجامعة بالرياض لبحث التعاون الصحي."


def _differences(store):
    with store.engine.connect() as connection:
        diffs = compare_metadata(MigrationContext.configure(connection), metadata)
    return [d for d in diffs if "articles_fts" not in str(d)]


def test_migrated_schema_is_the_declared_schema(any_store):
    assert _differences(any_store) == []


def test_sqlite_store_uses_wal(sqlite_store):
    with sqlite_store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_readonly_refuses_a_missing_store_and_any_write(tmp_path):
    with pytest.raises(StoreError, match="no Rasid store"):
        open_store(str(tmp_path / "absent.db"), readonly=True)
    open_store(str(tmp_path / "kb.db")).close()
    reader = open_store(str(tmp_path / "kb.db"), readonly=True)
    with reader.engine.connect() as connection, pytest.raises(sa.exc.OperationalError):
        connection.exec_driver_sql("DELETE FROM articles")
    reader.close()


def test_a_stored_record_comes_back_exactly(any_store):
    record = make_record(TEXT, entities=[{"type": "PERSON", "name": "أحمد مصطفى", "titles": ["وزير الصحة"]}])
    add_records(any_store, [record])
    with any_store.engine.connect() as connection:
        back = get_record(connection, record["id"])
    assert json.dumps(back, ensure_ascii=False) == json.dumps(record, ensure_ascii=False)


@pytest.mark.parametrize("query", ["احمد", "أحمد", "مكتبه", "مكتبة", "مصطفي", "مُصْطَفَى", "الريـــاض", "إحمد"])
def test_full_text_ignores_hamza_maqsura_ta_marbuta_diacritics_tatweel(any_store, query):
    add_records(any_store, [make_record(TEXT)])
    with any_store.engine.connect() as connection:
        page = search_articles(connection, query, Filters(), Paging())
    assert page["total"] == 1


def test_full_text_needs_every_word(any_store):
    add_records(any_store, [make_record(TEXT)])
    with any_store.engine.connect() as connection:
        assert search_articles(connection, "مكتبة الجامعة", Filters(), Paging())["total"] == 1
        assert search_articles(connection, "مكتبة القاهرة", Filters(), Paging())["total"] == 0


HOSTILE = ['"; DROP TABLE articles; --', "' OR 1=1 --", "احمد OR NOT x", 'NEAR("a" "b")', "*", '"', "body:احمد",
           "احمد) UNION SELECT text FROM articles --", "\\'; DELETE FROM entities; --", "%", "_"]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_search_text_cannot_inject(any_store, query):
    add_records(any_store, [make_record(TEXT)])
    with any_store.engine.connect() as connection:
        page = search_articles(connection, query, Filters(), Paging())
        assert page["total"] <= 1
        assert connection.execute(sa.text("SELECT count(*) FROM articles")).scalar() == 1
