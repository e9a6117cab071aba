"""The glossary page, and the abbreviations that become tooltips on every page: Markdown's `abbr`
extension on written pages, `abbreviator` on the text the record pages' templates print (the
extension leaves their HTML alone)."""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup, escape

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
        letters=first_of_each_letter(terms, page.language),
        language=page.language,
        others=other_languages(page.language),
        ui=page.ui,
    )


def initial(text: str) -> str:
    """The letter a term files under in the A-Z index ("État" under E), "#" for a digit."""
    first = sort_key(text)[:1].upper()
    return first if first.isalpha() else "#"


def first_of_each_letter(terms: list, language: str) -> dict[str, str]:
    """The A-Z index of the sorted `terms`: each initial and the id of its first term."""
    letters: dict[str, str] = {}
    for term in terms:
        letters.setdefault(initial(term.term[language]), term.id)
    return letters


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


def abbreviator(data: SiteData, language: str) -> Callable[[str], Markup]:
    """A function that escapes a contributor's text and makes each glossary abbreviation in it an
    <abbr title>, as the `abbr` extension does on written pages: whole words, case as written."""
    expansions = {
        term.term[language]: " ".join(term.expansion[language].split())
        for term in data.glossary.values()
        if term.expansion
    }
    if not expansions:
        return escape
    alternatives = "|".join(re.escape(each) for each in sorted(expansions, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")

    def abbreviate(text: str) -> Markup:
        parts, last = [], 0
        for found in pattern.finditer(text):
            parts.append(escape(text[last : found.start()]))
            parts.append(
                Markup('<abbr title="{}">{}</abbr>').format(expansions[found[0]], found[0])
            )
            last = found.end()
        parts.append(escape(text[last:]))
        return Markup("").join(parts)

    return abbreviate
