"""The record's Spark schema, derived from the JSON Schema, and the shape of rows read back."""
from __future__ import annotations

import pytest
from pyspark.sql import types as T

from rasid.batch.schema import (SchemaError, admits_null, fields_outside_schema, record_fields,
                                record_spark_schema, spark_type, strip_absent)
from rasid.doc import Article
from rasid.pipeline import process
from rasid.readers import read_inputs


def field_type(struct: T.StructType, path: str):
    for name in path.split("."):
        struct = struct[name].dataType
        while isinstance(struct, T.ArrayType):
            struct = struct.elementType
    return struct


def test_nested_fields_keep_their_structure():
    schema = record_spark_schema()
    assert schema.fieldNames() == record_fields()
    assert isinstance(schema["entities"].dataType, T.ArrayType)
    assert field_type(schema, "entities.mentions.start") == T.LongType()
    assert field_type(schema, "entities.roles.organization") == T.StringType()
    assert field_type(schema, "events.participants.role") == T.StringType()
    assert field_type(schema, "events.agreement").fieldNames() == ["instrument", "status"]
    assert field_type(schema, "events.trigger").fieldNames() == ["start", "end", "text"]
    assert field_type(schema, "events.evidence").fieldNames() == ["start", "end"]
    assert field_type(schema, "events.date.granularity") == T.StringType()
    assert field_type(schema, "statements").fieldNames()[:2] == ["speaker", "cue"]
    assert field_type(schema, "sectors") == T.StringType()


def test_nullable_enum_and_type_list():
    assert spark_type({"enum": ["a", "b", None]}) == T.StringType()
    assert spark_type({"type": ["integer", "null"]}) == T.LongType()
    assert admits_null({"type": ["string", "null"]})
    assert admits_null({"oneOf": [{"type": "null"}, {"type": "object"}]})
    assert not admits_null({"type": "array", "items": {"type": "string"}})


def test_constructs_without_a_column_type_are_refused():
    with pytest.raises(SchemaError, match="one non-null alternative"):
        spark_type({"oneOf": [{"type": "string"}, {"type": "integer"}]})
    with pytest.raises(SchemaError, match="string enums"):
        spark_type({"enum": [1, 2]})


def test_strip_absent_drops_nulls_the_schema_does_not_admit():
    row = {"id": "0123456789abcdef", "title": None, "published": None, "source": None, "file": None, "text": "x",
           "entities": [{"id": "e1", "type": "ORG", "name": "x", "honorific": None, "country": None,
                         "aliases": [], "mentions": [{"start": 0, "end": 1, "text": "x"}], "roles": None}],
           "events": [], "statements": [], "sectors": [], "metadata": None, "rasid_version": "1",
           "published_month": "unknown"}
    record = strip_absent(row)
    assert "roles" not in record["entities"][0] and "metadata" not in record  # absent, not null
    assert record["title"] is None and record["entities"][0]["honorific"] is None  # null is a value here
    assert "published_month" not in record  # a partition column is no record field


def test_every_field_of_real_records_has_a_column():
    articles = [item.article for item in read_inputs(["rasid/examples"]) if item.article]
    articles.append(Article(text="وقال وزير الخارجية المصري إن البلدين وقعا مذكرة تفاهم في القاهرة أمس."))
    for article in articles:
        assert fields_outside_schema(process(article)) == []


def test_fields_outside_schema_names_their_path():
    record = {"id": "x", "entities": [{"id": "e1", "mentions": [{"start": 0, "end": 1, "text": "x", "new": 1}]}],
              "novel": True}
    assert fields_outside_schema(record) == ["novel", "entities.[].mentions.[].new"]
