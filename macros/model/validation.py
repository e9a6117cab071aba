"""Read data files and check them against their JSON Schema, with line and column for every problem.

Used only by macros/model/data.py. Each problem reads `path:line:column: field: what is wrong (what
is expected)`, so that a contributor can jump straight to the spot in an editor; it is worded in
French and in English by data/messages.yml (macros/model/messages.py). What a message quotes from a
schema, a field's `description` or `title`, has its French twin beside it: `x-description-fr`,
`x-title-fr`.
"""

from __future__ import annotations

import json
import math
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import yaml
from jsonschema import Draft202012Validator, ValidationError, validators
from referencing import Registry, Resource

from macros.model import messages
from macros.model.messages import Problem as Problem  # re-exported: where checks have found it
from macros.model.messages import Translated, Worded
from macros.site.i18n import LANGUAGES

FieldPath = tuple[str | int, ...]
Position = tuple[int, int]  # 1-based line and column


@dataclass
class YamlFile:
    """A parsed data file: its content, and where each value and key starts in the text."""

    shown_path: str  # as printed in problems: relative to the repository root
    content: Any
    value_positions: dict[FieldPath, Position] = field(default_factory=dict)
    key_positions: dict[FieldPath, Position] = field(default_factory=dict)

    def position(self, path: FieldPath, *, of_key: bool = False) -> Position:
        """Where the value (or the key) at `path` starts; the closest known parent otherwise."""
        positions = self.key_positions if of_key else self.value_positions
        while path not in positions and path:
            path = path[:-1]
        return positions.get(path, (1, 1))

    def worded(
        self, path: FieldPath, key: str, *, of_key: bool = False, **values: object
    ) -> Problem:
        """A problem at `path` (its value, or its key) worded in both languages by
        data/messages.yml."""
        line, column = self.position(path, of_key=of_key)
        return messages.problem(
            key, self.shown_path, line, column, field=field_name(path), **values
        )


def field_name(path: FieldPath) -> str:
    """`('key_figures', 2, 'label', 'en')` -> `key_figures[2].label.en`; the root is `file`."""
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "file"


# --- Reading YAML ----------------------------------------------------------------------------


# libyaml's parser when PyYAML was built with it: it reads the data about 3x faster. Its syntax
# errors are worded less clearly, so a file it cannot read is read again by PyYAML's own parser
# for the message (see _clearer_error).
if TYPE_CHECKING:  # one base for mypy: libyaml's loader has the same interface as PyYAML's
    _SafeLoader = yaml.SafeLoader
else:
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _DataLoader(_SafeLoader):
    """SafeLoader reading only JSON-like values: `no`, `on` and dates stay text, as writers mean."""


_BOOL_TAG = "tag:yaml.org,2002:bool"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_DataLoader.yaml_implicit_resolvers = {
    first_char: [
        (tag, regexp) for tag, regexp in resolvers if tag not in (_BOOL_TAG, _TIMESTAMP_TAG)
    ]
    for first_char, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_DataLoader.add_implicit_resolver(
    _BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _clearer_error(text: str) -> yaml.MarkedYAMLError | None:
    """The syntax error as PyYAML's pure-Python parser words it ("expected ',' or '}', but got
    ':'" rather than libyaml's "did not find expected ',' or '}'")."""
    try:
        yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        return error
    return None


def read_yaml(
    path: Path, shown_path: str, schema_comment: str
) -> tuple[YamlFile | None, list[Problem]]:
    """Parse one file; return it with its positions (None if it cannot be read) and its problems."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark is harmless: accept it
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - raw.rfind(b"\n", 0, error.start)
        byte = f"{raw[error.start]:02x}"
        return None, [messages.problem("file.not_utf8", shown_path, line, column, byte=byte)]
    return parse_yaml(text, shown_path, schema_comment)


def parse_yaml(
    text: str, shown_path: str, schema_comment: str | None = None
) -> tuple[YamlFile | None, list[Problem]]:
    """Parse a text of YAML (a data file, or a page's front matter: no schema comment); return it
    with its positions (None if it cannot be read) and its problems."""
    # YAML's own errors for a tab or a non-breaking space are cryptic, or absent.
    invisible = messages.invisible_character_problems(shown_path, text)
    if invisible:
        return None, invisible
    refused = _structure_problem(text, shown_path)
    if refused:
        return None, [refused]

    schema_name = (schema_comment or "").rpartition("/")[2]
    empty = messages.problem(
        "file.empty", shown_path, expected=Worded("fields_described_in", schema=schema_name)
    )
    if not text.strip():
        return None, [empty]
    problems = []
    if schema_comment and text.partition("\n")[0].strip() != schema_comment:
        problems.append(
            messages.problem("file.no_schema_comment", shown_path, comment=schema_comment)
        )
    loader = _DataLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:  # nothing but comments
            return None, [*problems, empty]
        parsed = YamlFile(shown_path, None)
        problems += _record_positions(node, (), parsed)
        parsed.content = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        error = _clearer_error(text) or error
        return None, [*problems, messages.yaml_syntax_problem(shown_path, text, error)]
    finally:
        loader.dispose()
    return parsed, problems


# Data files nest 5 levels at most; a few kilobytes of brackets nest thousands, which the
# composer and the walks over a file's values would follow until Python's recursion limit.
MAX_DEPTH = 12


def _structure_problem(text: str, shown_path: str) -> Problem | None:
    """What is refused before anything is built, in one pass of the parser's events (which does
    not recurse): YAML anchors (&name) and aliases (*name), whose nesting expands exponentially
    (a few KB take the loader to a MemoryError) and which nothing in data/ needs; and nesting
    deeper than MAX_DEPTH. Syntax errors are left to the parse that follows, which words them."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_SafeLoader):
            if isinstance(event, yaml.NodeEvent) and event.anchor:  # an alias, or an anchor
                sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
                line, column = _position(event.start_mark)
                return messages.problem(
                    "yaml.anchor", shown_path, line, column, sign=sign, name=event.anchor
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    line, column = _position(event.start_mark)
                    return messages.problem(
                        "yaml.too_deep", shown_path, line, column, limit=MAX_DEPTH
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None
    return None


def symbolic_links(folder: Path, shown_from: Path) -> list[Problem]:
    """Every symbolic link under `folder` (the folder included), named and never followed: a link
    could make the build read, print or publish a file from outside the project."""
    links = [folder] if folder.is_symlink() else []
    if not links:
        for directory, subfolders, files in os.walk(folder):  # os.walk does not follow links
            links += [Path(directory, name) for name in (*subfolders, *files)]
        links = [path for path in links if path.is_symlink()]
    return [
        messages.problem(
            "file.symbolic_link",
            path.relative_to(shown_from).as_posix()
            if path.is_relative_to(shown_from)
            else str(path),
        )
        for path in sorted(links)
    ]


DEFAULT_MAX_FILE_BYTES = 65_536  # for a schema that states no limit (each shipped one does)


def file_size_limits(schemas_dir: Path) -> dict[str, int]:
    """Each schema's `x-max-file-bytes`: how large a file it checks may be."""
    return {
        path.name: json.loads(path.read_text(encoding="utf-8")).get(
            "x-max-file-bytes", DEFAULT_MAX_FILE_BYTES
        )
        for path in sorted(schemas_dir.glob("*.schema.json"))
    }


def file_too_large(path: Path, shown_path: str, limit: int) -> Problem | None:
    """A file over its schema's `x-max-file-bytes`: it is not read at all."""
    size = path.stat().st_size
    if size <= limit:
        return None
    return messages.problem("file.too_large", shown_path, size=size, limit=limit)


class _Mark(Protocol):
    """Where a YAML token starts, as either parser marks it (0-based)."""

    line: int
    column: int


def _position(mark: _Mark | None) -> Position:
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _record_positions(node: yaml.Node, path: FieldPath, parsed: YamlFile) -> list[Problem]:
    """Note where every value and key starts, and report duplicate keys (PyYAML keeps the last)."""
    parsed.value_positions[path] = _position(node.start_mark)
    problems = []
    if isinstance(node, yaml.MappingNode):
        first_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            key_path = (*path, key)
            if key in first_lines:
                line, column = _position(key_node.start_mark)
                problems.append(
                    messages.problem(
                        "file.duplicate_key",
                        parsed.shown_path,
                        line,
                        column,
                        field=field_name(key_path),
                        first=first_lines[key],
                    )
                )
                continue
            first_lines[key] = _position(key_node.start_mark)[0]
            parsed.key_positions[key_path] = _position(key_node.start_mark)
            problems += _record_positions(value_node, key_path, parsed)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            problems += _record_positions(item, (*path, index), parsed)
    return problems


# --- Checking against the schemas ------------------------------------------------------------


class SchemaChecker:
    """Checks parsed files against data/schemas/*.schema.json, plus the project's two keywords:
    `x-reference: <list>` (the id must exist in that list of `known_ids`) and `x-past-year`."""

    def __init__(self, schemas_dir: Path, known_ids: Mapping[str, list[str]], this_year: int):
        self.schemas = {
            path.name: json.loads(path.read_text(encoding="utf-8"))
            for path in sorted(schemas_dir.glob("*.schema.json"))
        }
        self.registry = Registry().with_resources(
            (name, Resource.from_contents(schema)) for name, schema in self.schemas.items()
        )
        self.known_ids = known_ids
        self.this_year = this_year
        checker_class = validators.extend(
            Draft202012Validator,
            {"x-reference": self._reference, "x-past-year": self._past_year, "x-text": _text_rule},
        )
        self._checkers = {
            name: checker_class(schema, registry=self.registry)
            for name, schema in self.schemas.items()
        }

    def check(self, parsed: YamlFile, schema_name: str) -> list[Problem]:
        problems: list[Problem] = []
        for error in self._checkers[schema_name].iter_errors(parsed.content):
            problems += self._describe(error, parsed, schema_name)
        # One problem per field is enough: a malformed id need not also be reported as unknown.
        # An invisible character is told first: by a text's own rule (with what the text may
        # hold), else by unsafe_values (an id, a URL, a key), not as an unknown id or a pattern.
        own_rule = [problem for problem in problems if problem.key.startswith("text.")]
        first_per_field: dict[str, Problem] = {}
        for problem in [*own_rule, *unsafe_values(parsed), *problems]:
            first_per_field.setdefault(problem.field, problem)
        return sorted(first_per_field.values())

    def choices(self, given: object, list_name: str) -> Worded:
        return messages.choices(given, self.known_ids[list_name], list_name)

    # Custom keywords: jsonschema calls them with (checker, keyword value, instance, schema).

    def _reference(
        self, checker: object, list_name: str, instance: object, schema: object
    ) -> Iterator[ValidationError]:
        # A list missing from known_ids could not be read: its own problems say why.
        known = self.known_ids.get(list_name)
        if known is not None and isinstance(instance, str) and instance not in known:
            yield ValidationError(f"unknown {list_name} id {instance!r}")

    def _past_year(
        self, checker: object, enabled: bool, instance: object, schema: object
    ) -> Iterator[ValidationError]:
        if not enabled or not isinstance(instance, int) or isinstance(instance, bool):
            return  # not a year (true is an int to Python): the schema's `type` reports it
        if instance > self.this_year:
            yield ValidationError(f"year {instance} is in the future")

    # From a jsonschema error to problems a contributor can act on.

    def _describe(
        self, error: ValidationError, parsed: YamlFile, schema_name: str
    ) -> list[Problem]:
        path: FieldPath = tuple(error.absolute_path)
        instance, keyword, expected_value = error.instance, error.validator, error.validator_value
        nodes = list(self._schema_nodes(schema_name, error.schema_path))
        # What belongs here (for a wrong type), and what the failing rule itself asks (a pattern).
        here = _location_description(nodes) or Worded("fields_described_in", schema=schema_name)
        explained = schema_text(error.schema, "description") or here

        def worded(key: str, at: FieldPath = path, **values: object) -> list[Problem]:
            return [parsed.worded(at, key, of_key=False, **values)]

        if keyword == "required":
            properties = nodes[-1][1].get("properties", {})
            return [
                parsed.worded(
                    (*path, name),
                    "schema.missing_translation" if name in LANGUAGES else "schema.missing_field",
                    expected=self._property_description(properties.get(name, {}), schema_name)
                    or here,
                )
                for name in expected_value
                if name not in instance
            ]
        if keyword == "additionalProperties":
            allowed = ", ".join(nodes[-1][1].get("properties", {}))
            return [
                parsed.worded((*path, str(key)), "schema.unknown_key", of_key=True, allowed=allowed)
                for key in instance
                if key not in nodes[-1][1].get("properties", {})
            ]
        if keyword == "type":
            return worded("schema.wrong_type", found=_described_value(instance), expected=here)
        if keyword == "pattern" and not instance.strip():
            empty = "translation" if path and path[-1] in LANGUAGES else "text"
            return worded(f"schema.empty_{empty}", expected=explained)
        invisible = INVISIBLE.search(instance) if isinstance(instance, str) else None
        if keyword == "pattern" and invisible:  # an id or a URL: the character, named
            code, name = character_name(invisible[0])
            return worded("text.invisible_anywhere", code=code, name=name)
        if keyword == "pattern":
            title = schema_text(error.schema, "title") or Worded("value.value")
            return worded(
                "schema.invalid", title=title, value=messages.quoted(instance), expected=explained
            )
        if keyword == "minItems":
            return worded("schema.empty_list", expected=here)
        if keyword == "uniqueItems":
            index = next(i for i, item in enumerate(instance) if item in instance[:i])
            return worded(
                "schema.duplicate_item", (*path, index), value=messages.quoted(instance[index])
            )
        if keyword == "x-reference":
            return worded(
                f"schema.unknown.{expected_value}",
                value=messages.quoted(instance),
                choices=self.choices(instance, expected_value),
            )
        if keyword == "x-past-year":
            return worded("schema.future_year", year=instance, this_year=self.this_year)
        if keyword == "maxLength":
            return worded("schema.too_long", length=len(instance), limit=expected_value)
        if keyword == "maxItems":
            return worded(
                "schema.too_many", count=len(instance), limit=expected_value, expected=here
            )
        if keyword == "x-text":
            mistake = _text_mistake(expected_value, instance)
            assert mistake, "x-text reports only a text with a mistake (_text_rule)"
            key, code, name = mistake
            return worded(key, code=code, name=name, expected=Worded(f"text.{expected_value}"))
        if keyword in ("minimum", "maximum"):
            return worded("schema.out_of_range", found=_described_value(instance), expected=here)
        return worded("schema.other", detail=error.message, expected=here)

    def _schema_nodes(
        self, schema_name: str, schema_path: Iterable[str | int]
    ) -> Iterator[tuple[Any, Any]]:
        """The schema nodes from the root to the failing keyword, as (step, node) pairs.
        jsonschema's schema_path skips `$ref` hops: they are followed here, as ('$ref', node)."""
        resolver = self.registry.resolver(base_uri=schema_name)
        node: Any = self.schemas[schema_name]
        yield None, node
        for step in list(schema_path)[:-1]:
            while isinstance(node, dict) and step not in node and "$ref" in node:
                resolved = resolver.lookup(node["$ref"])
                node, resolver = resolved.contents, resolved.resolver
                yield "$ref", node
            node = node[step]
            yield step, node
        while isinstance(node, dict) and "$ref" in node and "type" not in node:
            resolved = resolver.lookup(node["$ref"])
            node, resolver = resolved.contents, resolved.resolver
            yield "$ref", node

    def _property_description(self, schema: dict[str, Any], schema_name: str) -> Translated | None:
        if "description" in schema or "$ref" not in schema:
            return schema_text(schema, "description")
        resolved = self.registry.resolver(base_uri=schema_name).lookup(schema["$ref"])
        return schema_text(resolved.contents, "description")


def schema_text(node: Any, name: str) -> Translated | None:
    """A schema's `description` or `title` in each language: the English one, and its twin in
    each other language beside it, `x-description-fr` / `x-title-fr`
    (tests/test_schemas_bilingual.py checks each has one)."""
    text = node.get(name) if isinstance(node, dict) else None
    if not isinstance(text, str):
        return None
    return Translated({language: node.get(f"x-{name}-{language}", text) for language in LANGUAGES})


# --- What a text may contain (`x-text`) ------------------------------------------------------

# Every text is plain text, escaped for wherever it lands; these characters have no place in it.
# Direction controls can make a text read differently from how it is stored (Trojan Source).
_DIRECTION_CONTROLS = set(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_LINE_BREAKS = set("\n\r\x0b\x0c\x85\u2028\u2029")
# Unicode's format characters (category Cf, Unicode 14): zero-width spaces and joiners, direction
# marks and overrides, the soft hyphen, tag characters... They show nothing, or change how the
# text around them reads: look-alike names, hidden text. French typography needs none of them:
# its no-break spaces (U+00A0, U+202F) are spaces, not format characters, and stay allowed; the
# browser hyphenates, so a soft hyphen (U+00AD) is refused too (README, "What contributors
# write").
_FORMAT_CHARACTERS = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f"
)
INVISIBLE = re.compile(f"[{_FORMAT_CHARACTERS}]")
# The characters the rules below look at (category Cc is U+0000-U+001F and U+007F-U+009F), found
# by one search: a thousand case studies hold 44 000 texts.
_UNUSUAL = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{_FORMAT_CHARACTERS}]")


def _text_rule(
    checker: object, rule: str, instance: object, schema: object
) -> Iterator[ValidationError]:
    mistake = _text_mistake(rule, instance)
    if mistake:
        yield ValidationError(f"{mistake[0]} {mistake[1]}")


def character_name(character: str) -> tuple[str, str]:
    """`U+200B` and `ZERO WIDTH SPACE`: how a message names a character no one can see."""
    return f"U+{ord(character):04X}", unicodedata.name(character, "?")


def invisible_mistake(character: str) -> str:
    """The message key for a format character (INVISIBLE)."""
    if character in _DIRECTION_CONTROLS:
        return "text.direction_character"
    return "text.invisible_character"


def _text_mistake(rule: str, instance: Any) -> tuple[str, str, str] | None:
    """The first character a text of this rule (`line` or `paragraph`) may not hold: the key of
    the message that says so, the character's code and its name."""
    if not isinstance(instance, str):
        return None
    for found in _UNUSUAL.finditer(instance):
        character = found[0]
        code, name = character_name(character)
        if character in _LINE_BREAKS and (rule == "line" or character not in "\n"):
            key = "text.line_break" if rule == "line" else "text.unusual_line_break"
            return key, code, name
        if INVISIBLE.match(character):
            return invisible_mistake(character), code, name
        if unicodedata.category(character) == "Cc" and character not in _LINE_BREAKS:
            return "text.control_character", code, name
    return None


def unsafe_values(parsed: YamlFile) -> list[Problem]:
    """What no schema keyword catches, in every value and key of a file, texts or not (ids,
    URLs, keys): an invisible character, and a number that is not one (`.nan`, `.inf`,
    `1.0e+999`: the open data would not be JSON). The walk follows the parsed values, whose
    depth _structure_problem has bounded."""
    problems = []

    def text(value: str, path: FieldPath, of_key: bool = False) -> None:
        found = INVISIBLE.search(value)
        if found:
            code, name = character_name(found[0])
            key = "text.invisible_anywhere"
            problems.append(parsed.worded(path, key, of_key=of_key, code=code, name=name))

    def walk(value: Any, path: FieldPath) -> None:
        if isinstance(value, str):
            text(value, path)
        elif isinstance(value, float) and not math.isfinite(value):
            problems.append(parsed.worded(path, "number.not_finite", value=str(value)))
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(key, str):
                    text(key, (*path, key), of_key=True)
                walk(item, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, (*path, index))

    walk(parsed.content, ())
    return problems


def _location_description(nodes: list[tuple[Any, Any]]) -> Translated | None:
    """The description of the value being checked: the schema met where the data path last went
    one level down (a property or a list item), else the schema its `$ref` leads to."""
    description, previous = None, None
    for step, node in nodes[1:]:  # the root's description is about the file, not a value in it
        entering_value = previous == "properties" or step == "items"
        if entering_value or (step == "$ref" and description is None):
            description = schema_text(node, "description")
        previous = step
    return description


def _described_value(value: Any) -> Worded | str:
    """What was found instead, as a message says it: "the number 2010", "a list"..."""
    if value is None:
        return Worded("value.nothing")
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return Worded("value.number", value=value)
    if isinstance(value, str):
        return Worded("value.text", value=messages.quoted(value))
    if isinstance(value, list):
        return Worded("value.list")
    if isinstance(value, dict):
        return Worded("value.mapping")
    return type(value).__name__
