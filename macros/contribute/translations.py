"""Translations that stay honest: is each translated text still a translation of today's French?

French is the source language (macros/site/i18n.py `DEFAULT_LANGUAGE`), every other language of
`TRANSLATIONS` translates it. Each translation (a page of docs/<language>/, or a data record's
texts in one language) is recorded in data/translations.lock.yml with the fingerprint of the
French text it was last checked against, and the day of that check. A page's key is its file
("docs/en/guide/champs.md"); a data record's is its file and entry ("data/glossary.yml#abf") for
English, whose keys came first, and with its language after it for any other
("data/glossary.yml#abf@es"). Comparing the fingerprint with the
French text of today needs no git history (CI checks out shallow clones), and the build, the
status page, `make translations` and the tests all ask this module.

Its command line is macros/contribute/check_translations.py (`make translations`, `make
translations-done`).
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from mkdocs.utils import get_relative_url

from macros.model.records import SiteData, Text, TranslationCheck
from macros.registry import KINDS
from macros.render.templates import render
from macros.site.escaping import csv_cell
from macros.site.i18n import DEFAULT_LANGUAGE, LANGUAGES, TRANSLATIONS, page_url
from macros.site.paths import GLOSSARY_PAGE, SOURCES_PAGE, TRANSLATION_STATUS_PAGE

ROOT = Path(__file__).resolve().parents[2]
LOCK_FILE = "data/translations.lock.yml"
LOCK_SCHEMA_COMMENT = "# yaml-language-server: $schema=schemas/translations.lock.schema.json"

# The states, from best to worst.
UP_TO_DATE = "up-to-date"  # checked against the French text of today
OUTDATED = "outdated"  # the French changed since the translation was checked
UNCHECKED = "unchecked"  # a translation that was never recorded as checked
MISSING = "missing"  # no translated page: the French one is served in its place
STATES = (UP_TO_DATE, OUTDATED, UNCHECKED, MISSING)


@dataclass(frozen=True)
class Translation:
    """One translation and how it stands against its French source."""

    key: str  # its name in the lock: "docs/en/guide/champs.md", "data/glossary.yml#abf"
    french_file: str  # where its French text is, from the repository root
    translated_file: str  # where its translated text is (the same file for data; "": none yet)
    fingerprint: str  # of the French text of today
    check: TranslationCheck | None  # the lock's record, if any
    page: str | None = None  # the page showing it, in each language folder: "guide/champs.md"
    anchor: str | None = None  # where on that page, for an entry of a list ("abf")
    language: str = TRANSLATIONS[0]  # the language it is in

    @property
    def state(self) -> str:
        if not self.translated_file:
            return MISSING
        if self.check is None:
            return UNCHECKED
        return UP_TO_DATE if self.check.french == self.fingerprint else OUTDATED

    @property
    def whole_page(self) -> bool:
        """The translation is a whole page (a guide page, a record's page), not a part of one."""
        return self.page is not None and self.anchor is None


# --- Fingerprints ------------------------------------------------------------------------------


def fingerprint(texts: Iterable[str]) -> str:
    """12 hexadecimal characters that change whenever one of the French `texts` does. Line
    endings, a byte-order mark and spaces at the end of lines are not changes."""
    normalised = [
        "\n".join(line.rstrip() for line in text.lstrip("\ufeff").splitlines()).strip()
        for text in texts
    ]
    digest = hashlib.sha256(json.dumps(normalised, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()[:12]


def french_texts(value, top: bool = True) -> Iterator[str]:
    """The French texts a record holds, in order: its own bilingual texts and those of the parts
    it is made of (a case's key figures), not those of the records it refers to (its partners,
    sources, vocabulary terms, which are translations of their own)."""
    if isinstance(value, Text):
        yield value[DEFAULT_LANGUAGE]
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from french_texts(item, top=False)
    elif dataclasses.is_dataclass(value) and (top or not hasattr(value, "id")):
        for field in dataclasses.fields(value):
            if field.compare:  # derived fields (a partner's case studies) are not its text
                yield from french_texts(getattr(value, field.name), top=False)


# --- Every translation of the project -----------------------------------------------------------


def translations(project: Path, data: SiteData) -> list[Translation]:
    """Every page and every data record in each translated language, pages first, in path
    order."""
    checks = data.translation_checks
    global _last_data_translations
    if _last_data_translations[0] is not data:  # asked for by several pages and hooks per build
        _last_data_translations = (data, list(_data_translations(data, checks)))
    return [*page_translations(Path(project), checks), *_last_data_translations[1]]


_last_data_translations: tuple[SiteData | None, list[Translation]] = (None, [])


def french_fingerprints(project: Path, data: SiteData) -> dict[str, str]:
    """The fingerprint of the French text of today of every page ("docs/fr/guide/champs.md") and
    every record ("data/case-studies/g2id.yml"), as the translations see them: what the change
    notes are checked against (macros/contribute/changes.py)."""
    return {
        item.french_file: item.fingerprint
        for item in translations(project, data)
        if item.language == TRANSLATIONS[0] and item.whole_page
    }


def page_translations(project: Path, checks: dict) -> Iterator[Translation]:
    """The Markdown pages' translations (`checks`: the lock, `data.translation_checks`)."""
    french_folder = project / "docs" / DEFAULT_LANGUAGE
    for language in TRANSLATIONS:
        for french in sorted(french_folder.rglob("*.md")):
            path = french.relative_to(french_folder).as_posix()
            translated = f"docs/{language}/{path}"
            yield Translation(
                key=translated,
                french_file=f"docs/{DEFAULT_LANGUAGE}/{path}",
                translated_file=translated if (project / translated).is_file() else "",
                fingerprint=fingerprint([french.read_text("utf-8")]),
                check=checks.get(translated),
                page=path,
                language=language,
            )


def _data_translations(data: SiteData, checks: dict) -> Iterator[Translation]:
    for language in TRANSLATIONS:
        yield from _data_translations_in(language, data, checks)


def _data_translations_in(language: str, data: SiteData, checks: dict) -> Iterator[Translation]:
    def record(file: str, texts, entry: str | None = None, page=None, anchor=None):
        key = f"{file}#{entry}" if entry else file
        key += "" if language == TRANSLATIONS[0] else f"@{language}"
        return Translation(
            key, file, file, fingerprint(texts), checks.get(key), page, anchor, language
        )

    for kind in KINDS:
        for record_id, value in data.records[kind.name].items():
            file = f"data/{kind.name}/{record_id}.yml"
            yield record(file, french_texts(value), page=kind.page_path(record_id))
    for source_id, source in data.sources.items():
        yield record("data/sources.yml", french_texts(source), source_id, SOURCES_PAGE, source_id)
    for term_id, term in data.glossary.items():
        yield record("data/glossary.yml", french_texts(term), term_id, GLOSSARY_PAGE, term_id)
    for name, terms in vars(data.vocabularies).items():
        labels = [term.label[DEFAULT_LANGUAGE] for term in terms.values()]
        yield record("data/vocabularies.yml", labels, name)
    yield record("data/interface.yml", [text[DEFAULT_LANGUAGE] for text in data.words.values()])


def by_page(all_translations: list[Translation], language: str) -> dict[str, Translation]:
    """The translations into `language` that are whole pages, by the page's path in a language
    folder."""
    return {
        item.page: item
        for item in all_translations
        if item.whole_page and item.language == language and item.page is not None
    }


# --- The status page ------------------------------------------------------------------------------


# The status page's table holds this many rows, those that need work first: it stays light
# whatever the number of records (594 KB of HTML and 14,143 elements with every row at 1000
# case studies). 200 rows: the real site's every translation (158), as many elements as today.
# Every translation is in the file STATUS_FILE next to the page, and in `make translations`.
STATUS_ROWS = 200
STATUS_FILE = "translations.csv"


def needing_work_first(all_translations: list[Translation]) -> list[Translation]:
    """The worst state first (missing, never checked, outdated, up to date), each in path order."""
    return sorted(all_translations, key=lambda item: -STATES.index(item.state))


def status_table(context, all_translations: list[Translation], edit_root: str | None) -> str:
    """The translation status page's table: the first STATUS_ROWS translations, those needing
    work first, each with its state, when it was last checked, its French and English versions
    and where to edit it, and a link to every one (STATUS_FILE). `edit_root`: the address that
    a repository path is appended to for GitHub's editor (None: no edit links)."""

    def link(item: Translation, language: str) -> str | None:
        if item.page is None:
            return None
        url = get_relative_url(page_url(item.page, language), context.url)
        return f"{url}#{item.anchor}" if item.anchor else url

    rows = [
        {
            "item": item,
            "links": {
                language: link(item, language) for language in (DEFAULT_LANGUAGE, item.language)
            },
            "edit": edit_root + (item.translated_file or item.french_file) if edit_root else None,
        }
        for item in needing_work_first(all_translations)[:STATUS_ROWS]
    ]
    counts = {state: sum(item.state == state for item in all_translations) for state in STATES}
    every_one = page_url(TRANSLATION_STATUS_PAGE, context.language) + STATUS_FILE
    return render(
        "translation_status.html",
        rows=rows,
        total=len(all_translations),
        counts=counts,
        status_file=get_relative_url(every_one, context.url),
        ui=context.ui,
        languages=LANGUAGES,
    )


def status_file(all_translations: list[Translation], ui: dict[str, str]) -> str:
    """STATUS_FILE in the language of `ui`: every translation, needing work first, with its
    state, the day it was checked and the fingerprint to record once it is."""
    states = {state: ui[f"translation.state.{state.replace('-', '_')}"] for state in STATES}
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow(
        ui[f"translation.column.{name}"] for name in ("text", "state", "checked", "fingerprint")
    )
    for item in needing_work_first(all_translations):
        checked = item.check.checked if item.check else ui["translation.never_checked"]
        writer.writerow(
            csv_cell(text) for text in (item.key, states[item.state], checked, item.fingerprint)
        )
    return output.getvalue()


def edit_root(config) -> str | None:
    """Where GitHub's editor opens a file of the repository, from mkdocs.yml's repo_url and
    edit_uri (which points at docs/); None when the site names no repository."""
    if not config.repo_url or not config.edit_uri:
        return None
    docs = config.repo_url.rstrip("/") + "/" + config.edit_uri.strip("/") + "/"
    return docs.removesuffix("docs/")


# --- The record: data/translations.lock.yml ---------------------------------------------------


def select(all_translations: list[Translation], targets: Iterable[str]) -> list[Translation]:
    """The translations named by `targets`: a translated page (docs/en/x.md), a French page
    (docs/fr/x.md: each of its translations that exists), a data file (every record it holds)
    or one entry (data/glossary.yml#abf)."""
    chosen = []
    for target in targets:
        target = target.strip().lstrip("./")
        found = [
            item
            for item in all_translations
            if target in (item.key, item.key.partition("#")[0], item.french_file)
        ]
        if not found:
            known = ", ".join(item.key for item in all_translations[:3])
            raise LookupError(f"no translation {target!r} (for instance: {known}, ...)")
        if target.startswith(f"docs/{DEFAULT_LANGUAGE}/"):  # those translated so far
            found = [item for item in found if item.state != MISSING] or found[:1]
        for item in found:
            if item.state == MISSING:
                raise LookupError(f"{item.key} does not exist: translate {item.french_file} first")
        chosen += found
    return chosen


def mark_checked(project: Path, all_translations, chosen, today: date) -> None:
    """Record the `chosen` translations as checked against today's French, in the lock file.
    Entries of translations that no longer exist are dropped."""
    keys = {item.key for item in chosen}
    entries = {}
    for item in all_translations:
        if item.key in keys:
            entries[item.key] = TranslationCheck(item.fingerprint, today.isoformat())
        elif item.check is not None:
            entries[item.key] = item.check
    (Path(project) / LOCK_FILE).write_text(lock_text(entries), encoding="utf-8")


def lock_text(entries: dict[str, TranslationCheck]) -> str:
    lines = [
        LOCK_SCHEMA_COMMENT,
        "# For each English translation, the French text it was last checked against (a",
        "# fingerprint) and when. Written by `make translations-done PATH`; in GitHub's editor,",
        "# copy the line `make translations` or the site's translation status page gives.",
    ]
    for key in sorted(entries):
        check = entries[key]
        lines.append(f'"{key}": {{french: "{check.french}", checked: "{check.checked}"}}')
    if not entries:
        lines.append("{}")
    return "\n".join(lines) + "\n"


def lock_line(item: Translation, today: date) -> str:
    """The line recording `item` as checked today, for those who edit the lock by hand."""
    return f'"{item.key}": {{french: "{item.fingerprint}", checked: "{today.isoformat()}"}}'
