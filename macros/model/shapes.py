"""The shape of one open-data value, as a JSON Schema fragment: what each kind's columns declare
(macros/kinds/), and what the published schemas are made of (macros/publish/open_data.py), so
that the files and their schemas come from the same declaration and cannot drift.
"""

from __future__ import annotations

from typing import Any

Shape = dict[str, Any]  # a JSON Schema fragment

TEXT = {"type": "string"}
ID = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}  # data/schemas/common.schema.json
URL = {"type": "string", "format": "uri"}
INTEGER = {"type": "integer"}
NUMBER = {"type": "number"}
BOOLEAN = {"type": "boolean"}
PARTIAL_DATE = {"type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"}  # 2014, 2014-06


def optional(shape: Shape) -> Shape:
    """The same value, or null where the data does not give it."""
    nullable = {**shape, "type": [shape["type"], "null"]}
    if "enum" in shape:
        nullable["enum"] = [*shape["enum"], None]  # an enum is checked besides the type
    return nullable


def one_of(*values: str) -> Shape:
    return {"type": "string", "enum": list(values)}


def list_of(item: Shape) -> Shape:
    return {"type": "array", "items": item}


def record(**properties: Shape) -> Shape:
    """An object with exactly these properties, each present (null where allowed)."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def base_type(shape: Shape) -> str:
    """The shape's type, null aside: "string", "integer", "array"..."""
    types: list[str] = shape["type"] if isinstance(shape["type"], list) else [shape["type"]]
    return next(each for each in types if each != "null")


def nullable(shape: Shape) -> bool:
    return isinstance(shape["type"], list) and "null" in shape["type"]
