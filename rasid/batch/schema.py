"""The record's columnar schema, derived from rasid/schema/record.schema.json (never inferred).

One walk over the JSON Schema gives the Spark type of every field (objects are
structs, arrays are arrays, enums and strings are strings, integers are longs);
every Spark field is nullable. A field whose JSON Schema type does not admit
null (``roles`` of a non-person, an event date's ``start``) is absent from the
record when its column is null: ``strip_absent`` puts a row read back from
Parquet into the record's exact shape.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any

JsonNode = dict[str, Any]

SCALAR_SPARK_TYPES = {"string": "StringType", "integer": "LongType", "number": "DoubleType",
                      "boolean": "BooleanType"}


class SchemaError(ValueError):
    """A JSON Schema construct that has no columnar type."""


@lru_cache(maxsize=1)
def record_json_schema() -> JsonNode:
    return json.loads((files("rasid") / "schema" / "record.schema.json").read_text(encoding="utf-8"))


def record_fields() -> list[str]:
    """The record's top-level fields, in the schema's order."""
    return list(record_json_schema()["properties"])


def _resolve(node: JsonNode) -> JsonNode:
    while "$ref" in node:
        ref = node["$ref"]
        if not ref.startswith("#/$defs/"):
            raise SchemaError(f"unsupported $ref {ref!r}: only #/$defs/... references are resolved")
        node = record_json_schema()["$defs"][ref.removeprefix("#/$defs/")]
    return node


def _branches(node: JsonNode) -> list[JsonNode]:
    node = _resolve(node)
    alternatives = node.get("oneOf") or node.get("anyOf")
    return [_resolve(b) for b in alternatives] if alternatives else [node]


def _is_null(node: JsonNode) -> bool:
    return node.get("type") == "null"


def admits_null(node: JsonNode) -> bool:
    """Whether the JSON Schema node accepts null as a value."""
    for branch in _branches(node):
        kind = branch.get("type")
        if kind == "null" or (isinstance(kind, list) and "null" in kind) or None in branch.get("enum", ()):
            return True
    return False


def value_node(node: JsonNode) -> JsonNode:
    """The node's one non-null alternative, with a type list reduced to its non-null type."""
    branches = [b for b in _branches(node) if not _is_null(b)]
    if len(branches) != 1:
        raise SchemaError(f"a field must have exactly one non-null alternative, got {len(branches)}")
    branch = branches[0]
    kind = branch.get("type")
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"]
        if len(kinds) != 1:
            raise SchemaError(f"a field must have one non-null type, got {kinds}")
        branch = {**branch, "type": kinds[0]}
    return branch


def _kind(node: JsonNode) -> str:
    if "enum" in node:
        values = [v for v in node["enum"] if v is not None]
        if not all(isinstance(v, str) for v in values):
            raise SchemaError(f"only string enums have a columnar type, got {values}")
        return "string"
    kind = node.get("type")
    if not isinstance(kind, str):
        raise SchemaError(f"a field needs a type or an enum, got {sorted(node)}")
    return kind


def spark_type(node: JsonNode):
    """The Spark type of a JSON Schema node (pyspark is imported here: it is the batch extra)."""
    from pyspark.sql import types as T

    node = value_node(node)
    kind = _kind(node)
    if kind == "object":
        return T.StructType([T.StructField(name, spark_type(child), nullable=True)
                             for name, child in node.get("properties", {}).items()])
    if kind == "array":
        return T.ArrayType(spark_type(node["items"]), containsNull=True)
    if kind in SCALAR_SPARK_TYPES:
        return getattr(T, SCALAR_SPARK_TYPES[kind])()
    raise SchemaError(f"no Spark type for the JSON Schema type {kind!r}")


def record_spark_schema():
    """The explicit Spark schema of a record."""
    return spark_type(record_json_schema())


def _strip(value: Any, node: JsonNode) -> Any:
    if value is None:
        return None
    node = value_node(node)
    kind = _kind(node)
    if kind == "object":
        return strip_absent(value, node)
    if kind == "array":
        return [_strip(item, node["items"]) for item in value]
    return value


def strip_absent(row: dict[str, Any], node: JsonNode | None = None) -> dict[str, Any]:
    """A row read from columns, in the record's shape: a null where the schema admits none means absent."""
    node = value_node(node or record_json_schema())
    properties = node.get("properties", {})
    return {
        name: _strip(value, properties[name])
        for name, value in row.items()
        if name in properties and (value is not None or admits_null(properties[name]))
    }


def fields_outside_schema(record: Any, node: JsonNode | None = None, path: str = "") -> list[str]:
    """Paths of the record's fields that the schema does not name (they would be lost in Parquet)."""
    node = value_node(node or record_json_schema())
    kind = _kind(node)
    if kind == "object" and isinstance(record, dict):
        properties = node.get("properties", {})
        missing = [f"{path}{name}" for name in record if name not in properties]
        for name, child in properties.items():
            if record.get(name) is not None:
                missing += fields_outside_schema(record[name], child, f"{path}{name}.")
        return missing
    if kind == "array" and isinstance(record, list):
        return sorted({m for item in record for m in fields_outside_schema(item, node["items"], f"{path}[].")})
    return []
