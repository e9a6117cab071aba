"""Interface words live in data/interface.yml only: each in both languages, each used, none missing.

"Used" is read off the code: `ui.key`, `ui["key"]` and `words["key"]` in macros/, hooks/ and
overrides/, plus the words every kind needs (`<kind>.dataset`, `<kind>.count_*`, one per open-data
column), those of each open-data table (`<table>.dataset`, `.description`, `.column.*`) and the
name of each language (`language_<code>`).
"""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from macros.publish.open_data import column_names, tables
from macros.registry import KINDS
from macros.site.i18n import LANGUAGES

CODE = [ROOT / "macros", ROOT / "hooks", ROOT / "overrides"]
STATIC_KEY = re.compile(r"""\bui\.([a-z_]+)|\b(?:ui|words)\[["']([a-z][\w.-]*)["']\]""")
PLACEHOLDER = re.compile(r"{\w+}")


def keys_in_code() -> set[str]:
    keys = set()
    for folder in CODE:
        for path in folder.rglob("*"):
            if path.suffix in (".py", ".html", ".md") and path.is_file():
                for match in STATIC_KEY.finditer(path.read_text("utf-8")):
                    keys.add(match.group(1) or match.group(2))
    return keys


def keys_of_kinds() -> set[str]:
    keys = set()
    for kind in KINDS:
        keys.add(f"{kind.name}.dataset")
        keys |= {f"{kind.name}.count_{amount}" for amount in ("none", "one", "many")}
        keys |= {f"{kind.name}.column.{name}" for name in column_names(kind)}
    for table in tables():  # each kind's open data, and the glossary's
        keys |= {f"{table.name}.dataset", f"{table.name}.description"}
        keys |= {f"{table.name}.column.{name}" for name in column_names(table)}
    return keys | {f"language_{language}" for language in LANGUAGES}


def test_every_word_used_exists_and_every_word_is_used(data):
    assert set(data.words) == keys_in_code() | keys_of_kinds()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_word_is_written_in_each_language(data, language):
    for key, text in data.words.items():
        assert text[language].strip(), key


def test_every_language_fills_in_the_same_values(data):
    for key, text in data.words.items():
        placeholders = [sorted(PLACEHOLDER.findall(text[language])) for language in LANGUAGES]
        assert all(found == placeholders[0] for found in placeholders), key


def test_no_interface_word_is_left_in_the_code():
    # The words the project printed before they moved to data/interface.yml, in both languages.
    for word in ("Page introuvable", "Page not found", "Lien permanent", "Tout afficher"):
        for folder in CODE:
            for path in folder.rglob("*"):
                if path.suffix in (".py", ".html", ".md", ".js") and path.is_file():
                    assert word not in path.read_text("utf-8"), path
