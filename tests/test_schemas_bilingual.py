"""What a message quotes from a schema is there in French too, so that a field cannot be added in
English only: every `title` and `description` of data/schemas/*.json has its French twin beside it
(`x-title-fr`, `x-description-fr`), except the schema's own, which is about the file and never
quoted. And every message of data/messages.yml says the same thing in both languages: the same
{placeholders}, and one message for each list of ids a schema refers to."""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT

from macros.model import messages

SCHEMAS = sorted((ROOT / "data" / "schemas").glob("*.schema.json"))
TEXTS = ("title", "description")


def schema_nodes(node, pointer: str = "") -> Iterator[tuple[str, dict]]:
    """Every mapping in a schema with its JSON pointer (a field named `title` or `description`
    is a subschema too); the values of `enum`, `const`, `required` are data, not schemas."""
    if isinstance(node, dict):
        yield pointer, node
        for key, value in node.items():
            if key not in ("enum", "const", "required", "examples"):
                yield from schema_nodes(value, f"{pointer}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from schema_nodes(value, f"{pointer}/{index}")


def texts_of(path: Path) -> list[tuple[str, str, dict]]:
    """(pointer, `title` or `description`, its node) for every quotable text of one schema."""
    nodes = schema_nodes(json.loads(path.read_text("utf-8")))
    return [
        (pointer, name, node)
        for pointer, node in nodes
        if pointer  # the root: what the file is, for editors and maintainers
        for name in TEXTS
        if isinstance(node.get(name), str)
    ]


@pytest.mark.parametrize("schema", SCHEMAS, ids=lambda path: path.name)
def test_every_title_and_description_has_its_french_twin(schema):
    texts = texts_of(schema)
    assert texts
    missing = [
        f"{schema.name}#{pointer}/{name}"
        for pointer, name, node in texts
        if not str(node.get(f"x-{name}-fr", "")).strip()
    ]
    assert missing == [], "add an x-title-fr / x-description-fr in French beside each"


@pytest.mark.parametrize("schema", SCHEMAS, ids=lambda path: path.name)
def test_no_french_text_without_the_english_it_translates(schema):
    orphans = [
        f"{schema.name}#{pointer}/x-{name}-fr"
        for pointer, node in schema_nodes(json.loads(schema.read_text("utf-8")))
        for name in TEXTS
        if f"x-{name}-fr" in node and not isinstance(node.get(name), str)
    ]
    assert orphans == []


def test_french_schema_texts_use_french_punctuation():
    """A space before « : ; ? ! » and inside « », as in data/messages.yml. What quotes the data's
    own syntax (`{fr: ...}`, « marks: start », an address) is left alone."""
    wrong = []
    for schema in SCHEMAS:
        for pointer, name, node in texts_of(schema):
            french = re.sub(r"« [^»]* »|\S*://\S*", "…", node.get(f"x-{name}-fr", ""))
            while re.search(r"\{[^{}]*\}", french):  # nested: {label: {fr: ...}}
                french = re.sub(r"\{[^{}]*\}", "…", french)
            if re.search(r"[^\s…][:;?!]", french) or re.search(r"[«»]", french):
                wrong.append(f"{schema.name}#{pointer}/x-{name}-fr: {node[f'x-{name}-fr']}")
    assert wrong == []


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("key", sorted(messages.catalogue()))
def test_each_message_fills_in_the_same_values_in_both_languages(key):
    worded = messages.catalogue()[key]
    assert set(worded) == {"fr", "en"}
    for part in ("message", "fix"):
        assert placeholders(worded["fr"].get(part, "")) == placeholders(
            worded["en"].get(part, "")
        ), part


def test_each_list_of_ids_a_schema_refers_to_has_its_message():
    lists = {
        node["x-reference"]
        for schema in SCHEMAS
        for _, node in schema_nodes(json.loads(schema.read_text("utf-8")))
        if "x-reference" in node
    }
    assert lists
    assert (
        sorted(
            f"schema.unknown.{name}"
            for name in lists
            if f"schema.unknown.{name}" not in messages.catalogue()
        )
        == []
    )
