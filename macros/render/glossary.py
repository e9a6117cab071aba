"""The glossary page, and the abbreviations that become tooltips on every page."""

from __future__ import annotations

from macros.model.records import SiteData
from macros.render.context import PageContext
from macros.render.templates import render
from macros.site.i18n import other_languages
from macros.site.text import sort_key


def glossary_definitions(data: SiteData, page: PageContext) -> str:
    """Every term as a definition list, in the page's alphabetical order, anchored by term id."""
    terms = sorted(data.glossary.values(), key=lambda term: sort_key(term.term[page.language]))
    return render(
        "glossary.html",
        terms=terms,
        language=page.language,
        others=other_languages(page.language),
        ui=page.ui,
    )


def abbreviation_definitions(data: SiteData, language: str) -> str:
    """Markdown abbreviation lines (`*[IST]: information scientifique et technique`) for the
    terms that have an expansion, so that every occurrence gets an <abbr title> tooltip."""
    lines = []
    for term in data.glossary.values():
        if term.expansion is None:
            continue
        # The extension puts the expansion in a title attribute, escaped, but a line it cannot
        # read as a definition stays in the page as Markdown: the schema refuses terms that would
        # end the line early (a line break, "]", "\\"), and this refuses them again.
        abbreviation = term.term[language]
        if any(character in abbreviation for character in "[]\\\n\r"):
            raise ValueError(f"glossary term {abbreviation!r} cannot be an abbreviation")
        expansion = " ".join(term.expansion[language].split())
        lines.append(f"*[{abbreviation}]: {expansion}")
    return "\n".join(lines)
