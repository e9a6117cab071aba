"""The guide's terms stay the same across pages, data and languages (data/terminology.yml).

Drift the content review found (a "guide" that is a sheet, "towns" that are municipalities,
"joint" for "group" purchasing...) is caught here, on the Markdown of both languages and on every
data text, before it reaches a reader. `make validate` finds the forms to avoid too, and says
where each one is (macros/contribute/check_terms.py; tests/test_contributor_messages.py).
"""

from __future__ import annotations

import re
from functools import cache

import pytest
import yaml
from conftest import ROOT

from macros.registry import load_site_data
from macros.site.i18n import LANGUAGES

DATA = ROOT / "data"
MACRO = re.compile(r"\{\{.*?\}\}", re.DOTALL)


@cache
def terminology() -> list[dict]:
    """The terms, once `make validate` has checked the file against its schema."""
    load_site_data(DATA)  # raises on a schema error, with file and line
    return yaml.safe_load((DATA / "terminology.yml").read_text(encoding="utf-8"))["terms"]


def pattern(forms: list[str]) -> re.Pattern:
    """Any of the forms, as whole words, ignoring case."""
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)", re.IGNORECASE)


def page_texts(language: str) -> dict[str, str]:
    """Each page of a language (by path relative to its folder) without its macro calls."""
    folder = ROOT / "docs" / language
    return {
        str(page.relative_to(folder)): MACRO.sub(" ", page.read_text(encoding="utf-8"))
        for page in sorted(folder.rglob("*.md"))
    }


def data_texts(language: str) -> dict[str, str]:
    """Every {fr, en} text of data/, in one language, by file (bibliographic data excepted)."""
    texts: dict[str, list[str]] = {}

    def walk(value, into: list[str]) -> None:
        if isinstance(value, dict):
            if isinstance(value.get(language), str) and set(value) <= {"fr", "en"}:
                into.append(value[language])
            for item in value.values():
                walk(item, into)
        elif isinstance(value, list):
            for item in value:
                walk(item, into)

    for path in sorted(DATA.rglob("*.yml")):
        if path.name in ("sources.yml", "terminology.yml") or "templates" in path.parts:
            continue
        walk(yaml.safe_load(path.read_text(encoding="utf-8")), texts.setdefault(str(path), []))
    return {path: "\n".join(parts) for path, parts in texts.items()}


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_and_no_data_text_uses_a_form_to_avoid(language):
    texts = page_texts(language) | data_texts(language)
    found = [
        f"{where}: {match.group(0)!r} (write {term[language][0]!r})"
        for term in terminology()
        if term.get("avoid", {}).get(language)
        for where, text in texts.items()
        for match in pattern(term["avoid"][language]).finditer(text)
    ]
    assert not found, "\n".join(found)


def test_a_term_used_on_a_page_is_used_on_the_same_page_in_the_other_language():
    french, english = page_texts("fr"), page_texts("en")
    missing = [
        f"{path}: {term['fr'][0]!r} in French but no {term['en'][0]!r} in English"
        if uses_fr
        else f"{path}: {term['en'][0]!r} in English but no {term['fr'][0]!r} in French"
        for path in sorted(french.keys() & english.keys())
        for term in terminology()
        if term.get("parity", True)
        and (uses_fr := bool(pattern(term["fr"]).search(french[path])))
        != bool(pattern(term["en"]).search(english[path]))
    ]
    assert not missing, "\n".join(missing)


def test_a_term_in_the_glossary_is_spelt_as_the_glossary_spells_it():
    glossary = load_site_data(DATA).glossary
    for term in terminology():
        if "glossary" in term:
            entry = glossary[term["glossary"]]
            for language in LANGUAGES:
                assert pattern(term[language]).search(entry.term[language]), (term, language)


def test_the_check_catches_a_drifting_form():
    """A page that calls the Cirad sheet a guide is caught (the test above is not vacuous)."""
    [sheet] = [term for term in terminology() if term["fr"] == ["fiche du Cirad"]]
    assert pattern(sheet["avoid"]["fr"]).search("Le guide du Cirad retient sept facteurs.")
    assert not pattern(sheet["avoid"]["fr"]).search("La fiche du Cirad retient sept facteurs.")
