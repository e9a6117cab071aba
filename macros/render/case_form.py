"""The "propose a case study" form, generated from data/schemas/case-study.schema.json.

Each field the form asks for becomes a labelled control in the page's language: its label is the
schema's `title` (`x-title-fr`), or the interface word `case_form.field.<name>` where the schema
has none; its help is the schema's `description` (`x-description-fr`). Vocabularies become
choices with their labels; sources are typed, with the known ids suggested; lists of objects
(key figures, guide steps) and of sources are repeatable rows.

overrides/assets/javascripts/case-form.js reads the controls back into a record, writes it as
the YAML a contributor would commit to data/case-studies/<id>.yml and checks it with the same
rules as `make validate` (macros/model/validation.py, macros/kinds/case_studies.py): it receives
the schemas themselves, the known ids, and the messages of data/messages.yml in the page's
language, in one JSON data block. Nothing is sent anywhere: the contributor chooses to open
GitHub's editor, download the file, or e-mail it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.utils import get_relative_url

from macros.model import messages
from macros.model.records import SiteData
from macros.render.context import PageContext
from macros.render.templates import render
from macros.site.i18n import LANGUAGES

SCRIPT_IN_SITE = "assets/javascripts/case-form.js"
SCHEMA = "case-study.schema.json"
# What the form asks for, in this order; the other fields (milestones, partners, gains...) are
# written later on GitHub, where the pull request is reviewed. `partners` is required but may be
# empty: the form writes `partners: []` (a partner needs its own file first).
ASKED = (
    "id",
    "status",
    "title",
    "summary",
    "territory",
    "fields",
    "administrative_form",
    "steps",
    "key_figures",
    "sources",
)
LEFT_OUT = {("territory", "scale")}  # a second level of figures: on GitHub, with the rest
# The messages case-form.js can give, and the words they use.
MESSAGES_CHECKED = ("schema.", "text.", "case.", "value.", "choices.", "word.dated.")
# Lists of ids too long to choose from a list: typed, with the known ids as suggestions.
TYPED_LISTS = {"sources", "partners"}
# The schema's note for editors of the YAML; the form shows the two texts as two fields.
BILINGUAL_NOTE = re.compile(r",? *\{fr: \.\.\., en: \.\.\.\}$")


@dataclass
class Control:
    """One node of the form: an object (a fieldset), a list (repeatable rows) or a value."""

    kind: str  # object, list, choices, select, text, number, boolean, id
    name: str  # the data key, e.g. "title"; "" for a list's item
    id: str  # the HTML id, unique in the page; "__N__" stands for a row's number
    label: str
    hint: str | None
    required: bool
    children: list[Control] = field(default_factory=list)  # object: its fields; list: its item
    options: list[tuple[str, str]] = field(default_factory=list)  # (id, label)
    multiline: bool = False
    integer: bool = False
    suggestions: str | None = None  # a datalist's id


class _Schemas:
    def __init__(self, folder: Path):
        self.files = {
            path.name: json.loads(path.read_text(encoding="utf-8"))
            for path in sorted(folder.glob("*.schema.json"))
        }

    def resolve(self, node: dict, base: str) -> tuple[dict, str]:
        """Follow `$ref`s until a node that says what it is (a type, an enum, properties)."""
        while "$ref" in node and not ({"type", "enum"} & set(node)):
            target, _, pointer = node["$ref"].partition("#")
            base = target or base
            found: Any = self.files[base]
            for part in pointer.strip("/").split("/"):
                found = found[part]
            own = {key: value for key, value in node.items() if key != "$ref"}
            node = {**found, **own}  # the property's own description and x-reference win
        return node, base


def case_form(
    data: SiteData, page: PageContext, schemas_dir: Path, repo_url: str, contact: str
) -> str:
    schemas = _Schemas(schemas_dir)
    language, ui = page.language, page.ui
    vocabularies = vars(data.vocabularies)

    def text(node: dict, name: str) -> str | None:
        own = node.get(f"x-{name}-{language}", node.get(name))
        return own if isinstance(own, str) else None

    def control(node: dict, base: str, name: str, path: tuple, required: bool) -> Control:
        raw_title = text(node, "title")  # the property's own, before a $ref gives a generic one
        referred = schemas.resolve({"$ref": node["$ref"]}, base)[0] if "$ref" in node else {}
        node, base = schemas.resolve(node, base)
        html_id = "case-" + "-".join(str(part) for part in path)
        if name in LANGUAGES:  # a bilingual text's two halves: "French", "English"
            label = ui[f"language_{name}"].capitalize()
        else:
            label = raw_title or _field_words(ui).get(name) or text(node, "title") or name
        label = label[:1].upper() + label[1:]  # the schema's titles are written lowercase
        hint = BILINGUAL_NOTE.sub("", text(node, "description") or "") or None
        made = Control("text", name, html_id, label, hint, required)
        reference = node.get("x-reference")
        if node.get("type") == "object":
            made.kind = "object"
            for child, child_node in node.get("properties", {}).items():
                if (*path, child) not in LEFT_OUT:
                    needed = child in node.get("required", ())
                    made.children.append(control(child_node, base, child, (*path, child), needed))
        elif node.get("type") == "array":
            item, _ = schemas.resolve(node["items"], base)
            item_reference = item.get("x-reference")
            if item_reference in vocabularies:
                made.kind = "choices"
                made.options = _options(vocabularies[item_reference], language)
            else:
                made.kind = "list"
                item_control = control(node["items"], base, "", (*path, "__N__"), True)
                item_control.label = text(item, "title") or label
                made.children.append(item_control)
        elif reference in vocabularies:  # its choices say it all: "an id from ..." does not help
            made.kind, made.options = "select", _options(vocabularies[reference], language)
            made.hint = None
        elif "enum" in node:
            made.kind, made.options = "select", [(value, value) for value in node["enum"]]
        elif reference in TYPED_LISTS:
            made.kind, made.suggestions = "id", f"case-known-{reference}"
        elif node.get("type") in ("integer", "number"):
            made.kind, made.integer = "number", node["type"] == "integer"
        elif node.get("type") == "boolean":
            made.kind = "boolean"
        else:
            made.multiline = node.get("x-text") == "paragraph"
            rule = text(referred, "description")  # what a pattern asks, e.g. an id's letters
            if "pattern" in node and "x-text" not in node and rule and rule != made.hint:
                made.hint = f"{made.hint} ({rule})" if made.hint else rule
        return made

    schema = schemas.files[SCHEMA]
    controls = [
        control(schema["properties"][name], SCHEMA, name, (name,), name in schema["required"])
        for name in ASKED
    ]
    repository = repo_url.rstrip("/")
    checks = {
        "schemas": {name: schemas.files[name] for name in (SCHEMA, "common.schema.json")},
        "schema": SCHEMA,
        "known": {
            **{name: list(terms) for name, terms in vocabularies.items()},
            "sources": list(data.sources),
            "partners": list(data.records["partners"]),
        },
        "cases": list(data.records["case-studies"]),
        "messages": {
            key: wording[language]
            for key, wording in messages.catalogue().items()
            if key.startswith(MESSAGES_CHECKED) or key == "case_from_issue.exists"
        },
        "language": language,
        "new_file": f"{repository}/new/main/data/case-studies",
        "contact": contact,
        "mail_subject": ui["case_form.mail_subject"],
        "where": ui["case_form.where"],
    }
    html = render(
        "case_form.html",
        controls=controls,
        sources=[(source_id, source.title) for source_id, source in data.sources.items()],
        checks=checks,
        contact=contact,
        script_url=get_relative_url(SCRIPT_IN_SITE, page.url),
        ui=ui,
    )
    # Markdown ends a raw HTML block at its first blank line: the form must have none.
    return "\n".join(line for line in html.splitlines() if line.strip())


def _options(terms: dict, language: str) -> list[tuple[str, str]]:
    return [(term_id, term.label[language]) for term_id, term in terms.items()]


def _field_words(ui: dict[str, str]) -> dict[str, str]:
    """The labels of the fields whose schema gives no title of their own (a `$ref` to `id`,
    `line`, `text` or `year` only says what kind of value they hold)."""
    return {
        "id": ui["case_form.field.id"],
        "status": ui["case_form.field.status"],
        "title": ui["case_form.field.title"],
        "summary": ui["case_form.field.summary"],
        "country": ui["case_form.field.country"],
        "region": ui["case_form.field.region"],
        "label": ui["case_form.field.label"],
        "administrative_form": ui["case_form.field.administrative_form"],
        "step": ui["case_form.field.step"],
        "why": ui["case_form.field.why"],
        "unit": ui["case_form.field.unit"],
        "year": ui["case_form.field.year"],
        "source": ui["case_form.field.source"],
    }
