"""The Jinja templates of macros/templates/: every value they print is HTML-escaped.

Their output goes into Markdown, where a raw HTML block ends at the first blank line: the
templates are written so that each HTML block comes out without one.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from macros.model.identifiers import ORCID
from macros.site.escaping import json_for_script, markdown_text
from macros.site.text import format_date, format_number, format_quantity

TEMPLATES = Path(__file__).parent / "templates"

_environment = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)

_environment.filters["number"] = format_number
_environment.filters["quantity"] = format_quantity
_environment.filters["date"] = format_date
_environment.filters["json_for_script"] = json_for_script
_environment.filters["markdown_text"] = markdown_text
_environment.globals["orcid_url"] = lambda value: (ORCID.link or "").format(id=value)


def render(template_name: str, **context) -> str:
    return _environment.get_template(template_name).render(**context).strip()
