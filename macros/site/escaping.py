"""One escaping function per place where text from data/ or front matter lands in the output.

Every text a contributor writes is plain text (data/schemas/common.schema.json): whatever it
holds, it must come out as the same characters, never as markup, a link, a template or a
formula. Which escaping that takes depends on where it lands, so each output context has its
function here, and the templates, hooks and writers use these, not their own (notes/security.md):

- HTML text and attributes: Jinja's autoescape (macros/render/templates.py), `html_attribute` in
  hooks and the theme (whose templates do not autoescape);
- text a Markdown parser will read (a citation inside a paragraph, a heading): `markdown_text`;
- a page title, which Material prints as HTML: `page_title`; front matter: `front_matter_value`;
- JSON inside <script>: `json_for_script`; a CSV cell: `csv_cell`;
- Turtle (RDF, donnees/glossary.ttl): `turtle_string` for a text, `turtle_iri` for an address.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup, escape

# Characters that Markdown or one of the project's extensions (attr_list's {: }, abbr's *[ ],
# footnotes' [^ ], tables' |, def_list's :) would read as syntax. Written as character
# references, they show as themselves and start nothing.
_MARKDOWN_SYNTAX = "\\`*_{}[]()#+-.!|~^:=<>&\"'$%"


def html_attribute(text: str) -> Markup:
    """Text for an HTML attribute value in double quotes, or for HTML text."""
    return escape(text)


def markdown_text(text: str) -> Markup:
    """Text placed where Markdown will be parsed: each syntax character becomes a numeric
    character reference, which Markdown passes through and the browser shows as the character.
    Line breaks become spaces: a line break could end a paragraph or an HTML block."""
    one_line = " ".join(str(text).split())
    return Markup("".join(f"&#{ord(c)};" if c in _MARKDOWN_SYNTAX else c for c in one_line))


def page_title(text: str) -> Markup:
    """A front-matter title as HTML: Material prints page titles unescaped (in <title>, the
    navigation, the search index), as it expects titles made from Markdown headings, but escapes
    them in a few attributes (the footer's aria-label): as Markup, `| e` leaves them as they are.
    Braces as character references too: mkdocs-macros renders a title holding `{{` as a template."""
    html = str(escape(" ".join(str(text).split())))
    return Markup(html.replace("{", "&#123;").replace("}", "&#125;"))


def front_matter_value(text: str) -> str:
    """A YAML front-matter string holding `text` exactly: JSON-quoted, which YAML reads."""
    return json.dumps(" ".join(text.split()), ensure_ascii=False)


def json_for_script(value: Any) -> Markup:
    """JSON safe inside <script>: no "</script>" or "<!--" can close or confuse the element."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV Injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str) -> str:
    """A CSV cell a spreadsheet shows as text: one starting like a formula gets a leading
    apostrophe, as OWASP recommends (the apostrophe is what spreadsheets themselves use)."""
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def turtle_string(text: str, language: str) -> str:
    """A Turtle string literal in `language` ("...."@fr): backslash, quote and line breaks
    escaped, so that any text stays one literal (Turtle's STRING_LITERAL_QUOTE)."""
    escaped = "".join(_TURTLE_ESCAPES.get(character, character) for character in text)
    return f'"{escaped}"@{language}'


_TURTLE_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}


def turtle_iri(address: str) -> str:
    """An address as a Turtle IRI (<...>); one holding what an IRI may not is refused."""
    if any(character in address for character in '<>"{}|^`\\ ') or not address.isprintable():
        raise ValueError(f"{address!r} cannot be an IRI")
    return f"<{address}>"
