"""Load the site's data once: parse, validate, resolve references, hand out typed records.

The only code in the project that reads data/*.yml. The build, `make validate` and the tests all
go through `load_site_data`, which either returns a complete `SiteData` (macros/model/records.py) or
raises one `DataError` listing every problem found, so the site is never built from half-valid
data. Folders of records are the kinds of macros/registry.py; the other files are listed here.

    site = load_site_data(Path("data"))
    case = site.case_studies["g2id"]
    case.title["en"], [partner.name["fr"] for partner in case.partners]
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from macros.model import messages
from macros.model.changes import ChangeNote
from macros.model.kind import Kind
from macros.model.life_cycle import LifeCycle
from macros.model.records import (
    Accessibility,
    AccessibilityTest,
    GlossaryTerm,
    GuideTerm,
    Licence,
    ShortLink,
    SiteData,
    Source,
    Step,
    Term,
    Text,
    TranslationCheck,
    Vocabularies,
)
from macros.model.reviews import Reviews
from macros.model.validation import (
    FieldPath,
    Problem,
    SchemaChecker,
    YamlFile,
    file_size_limits,
    file_too_large,
    read_yaml,
    symbolic_links,
)
from macros.site.i18n import LANGUAGES
from macros.site.outputs import OUTPUT_FOLDERS

# Which schema checks which single file. Folders hold one record per file, named after its id.
SINGLE_FILES = {
    "vocabularies.yml": "vocabularies.schema.json",
    "sources.yml": "sources.schema.json",
    "glossary.yml": "glossary.schema.json",
    "interface.yml": "interface.schema.json",
    "terminology.yml": "terminology.schema.json",  # macros/contribute/check_terms.py
    "messages.yml": "messages.schema.json",  # also read first: messages_catalogue
    "translations.lock.yml": "translations.lock.schema.json",  # macros/contribute/translations.py
    "short-links.yml": "short-links.schema.json",
    "accessibility.yml": "accessibility.schema.json",  # the accessibility statement
    "reviews.yml": "reviews.schema.json",  # macros/model/reviews.py
    "changes.yml": "changes.schema.json",  # macros/model/changes.py
    "life-cycle.yml": "life-cycle.schema.json",  # the pages' (macros/model/life_cycle.py)
}
OTHER_FOLDERS = {"schemas", "templates"}  # not data: read by editors and contributors
VOCABULARIES = tuple(Vocabularies.__dataclass_fields__)  # one list per field of Vocabularies


def schema_comment(schema_name: str, in_folder: bool) -> str:
    """The first line every data file carries, so that editors find its schema."""
    prefix = "../schemas/" if in_folder else "schemas/"
    return f"# yaml-language-server: $schema={prefix}{schema_name}"


class DataError(Exception):
    """The data is invalid. `problems` holds every problem, one line each when printed."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(problem) for problem in self.problems))


# --- Loading ---------------------------------------------------------------------------------

# Files already read and checked without a problem, by path: a reload after one edit (`make
# serve`) parses and checks only what changed. A file's entry holds what its check depends on.
_read_files: dict[str, tuple[tuple[str, str], YamlFile]] = {}  # path -> ((schema, hash), parsed)
# path -> ((schema, hash, schemas, today), the ids known then, by list)
_checked_files: dict[str, tuple[tuple[object, ...], dict[str, frozenset[str]]]] = {}


def _still_valid(known_then: dict[str, frozenset[str]], known: dict[str, frozenset[str]]) -> bool:
    """Whether a file that passed when `known_then` were the ids a reference may use passes
    with `known`: a reference is only ever refused for naming an id its list lacks (an unread
    list checks nothing), so every list checked now must have been checked then with no more
    ids. Adding a record then re-checks that record alone, not every file that may name it."""
    return all(name in known_then and known_then[name] <= ids for name, ids in known.items())


def load(data_dir: Path, kinds: tuple[Kind, ...]) -> SiteData:
    """Read, validate and cross-link everything in `data_dir`, the records being of `kinds` (in
    the order they are built); raise DataError with all problems. macros/registry.py passes the
    project's kinds: `load_site_data(data_dir)`."""
    data_dir = Path(data_dir)
    repository = data_dir.parent
    if not data_dir.is_dir():
        raise DataError([messages.problem("file.missing_folder", data_dir.name)])
    links = symbolic_links(data_dir, repository)
    if links:  # refused before anything is read: nothing outside the project is ever opened
        raise DataError(links)
    problems: list[Problem] = []
    size_limits = file_size_limits(data_dir / "schemas")
    digests: dict[str, tuple[str, str]] = {}  # path -> (schema, content hash)

    def read(path: Path, schema_name: str, in_folder: bool) -> YamlFile | None:
        shown = path.relative_to(repository).as_posix()
        if not path.is_file():
            problems.append(messages.problem("file.missing", shown))
            return None
        too_large = file_too_large(path, shown, size_limits[schema_name])
        if too_large:
            problems.append(too_large)
            return None
        parsed, reading_problems, digests[shown] = _read(path, shown, schema_name, in_folder)
        problems.extend(reading_problems)
        return parsed

    def check(
        parsed: YamlFile, schema_name: str, extra_check: Callable[[YamlFile], list[Problem]]
    ) -> list[Problem]:
        key = (*digests[parsed.shown_path], checker_inputs)
        cached = _checked_files.get(parsed.shown_path)
        if cached and cached[0] == key and _still_valid(cached[1], known_sets):
            return []
        found = checker.check(parsed, schema_name) + extra_check(parsed)
        if not found:
            _checked_files[parsed.shown_path] = (key, known_sets)
        return found

    singles = {name: read(data_dir / name, schema, False) for name, schema in SINGLE_FILES.items()}
    records: dict[str, dict[str, YamlFile | None]] = {}
    for kind in kinds:
        paths = _record_files(data_dir / kind.name, repository, problems)
        records[kind.name] = {path.stem: read(path, kind.schema, True) for path in paths}
    problems += _unexpected_files(data_dir, repository, kinds)

    known_ids = _known_ids(singles, records, kinds)
    checker = SchemaChecker(data_dir / "schemas", known_ids, date.today().year)
    checker_inputs = (
        tuple(sorted((name, json.dumps(schema)) for name, schema in checker.schemas.items())),
        date.today(),  # record dates are checked against today
    )
    known_sets = {name: frozenset(ids) for name, ids in known_ids.items()}
    beyond_schema = {"sources.yml": lambda parsed: _check_sources(parsed, checker)}
    for name, parsed in singles.items():
        if parsed:
            problems += check(parsed, SINGLE_FILES[name], beyond_schema.get(name, lambda _: []))
    for kind in kinds:
        for parsed in filter(None, records[kind.name].values()):
            problems += check(parsed, kind.schema, kind.check)
    problems += _check_unique_ids(singles)
    problems += _check_file_names(records)
    docs_dir = repository / "docs"
    if singles["short-links.yml"] and not problems and docs_dir.is_dir():  # not data alone
        problems += _check_short_links(singles["short-links.yml"], docs_dir, kinds)
    if singles["reviews.yml"] and not problems:
        named = singles["reviews.yml"].content["reviewed"]
        problems += _check_named_files(singles["reviews.yml"], "reviewed", named, repository)
    if singles["changes.yml"] and not problems:
        named = [note["about"] for note in singles["changes.yml"].content["changes"]]
        problems += _check_named_files(singles["changes.yml"], "changes", named, repository)
    if singles["life-cycle.yml"] and not problems:
        problems += _check_life_cycles(singles["life-cycle.yml"], records, repository)

    if problems:
        raise DataError(problems)
    return _build(
        _all_read(singles), {name: _all_read(files) for name, files in records.items()}, kinds
    )


def _read(
    path: Path, shown: str, schema_name: str, in_folder: bool
) -> tuple[YamlFile | None, list[Problem], tuple[str, str]]:
    """One data file parsed, with its problems and its digest (schema, content hash); parsed
    only if its content changed since it was last read without a problem."""
    digest = (schema_name, hashlib.sha256(path.read_bytes()).hexdigest())
    known = _read_files.get(shown)
    if known and known[0] == digest:
        return known[1], [], digest
    parsed, problems = read_yaml(path, shown, schema_comment(schema_name, in_folder))
    if parsed and not problems:
        _read_files[shown] = (digest, parsed)
    return parsed, problems, digest


def parsed_file(path: Path, shown: str) -> YamlFile | None:
    """A data file with its positions, as `load` last read it if it has not changed since (the
    checks after the load, macros/contribute/check_terms.py, read every file's texts again);
    else read now. None if it cannot be read: its problems are the load's to report."""
    known = _read_files.get(shown)
    if known and known[0][1] == hashlib.sha256(path.read_bytes()).hexdigest():
        return known[1]
    return read_yaml(path, shown, "")[0]


# --- The words of every problem ----------------------------------------------------------------

MESSAGES = "messages.yml"
# The project's own: the folder beside this code, whichever folder `load` is given (a copy of the
# project run as a subprocess imports its own code, so reads its own messages).
PROJECT_DATA = Path(__file__).resolve().parents[2] / "data"
_messages: dict[str, messages.Wording] | None = None  # read once per process, as it was first found


class _KeysOnly(dict[str, messages.Wording]):
    """The catalogue while data/messages.yml is itself being read: a problem in it cannot be
    worded by it, so it is told by its key alone (`data/messages.yml:3:1: yaml.tab`)."""

    def __missing__(self, key: str) -> messages.Wording:
        return {language: {"message": key} for language in LANGUAGES}


_reading_messages = False  # while data/messages.yml is being read


def messages_catalogue() -> dict[str, messages.Wording]:
    """data/messages.yml (`key: {language: {message, fix}}`), the words of every problem
    (macros/model/messages.py), read by this loader's reader like every other data file: `load`
    finds it parsed already. Its schema is checked by `load`, with the rest of the data; a file
    the reader refuses raises DataError, its problems told by their keys."""
    global _messages, _reading_messages
    if _messages is not None:
        return _messages
    if _reading_messages:
        return _KeysOnly()
    _reading_messages = True
    try:
        shown = f"{PROJECT_DATA.name}/{MESSAGES}"
        parsed, problems, _ = _read(PROJECT_DATA / MESSAGES, shown, SINGLE_FILES[MESSAGES], False)
    finally:
        _reading_messages = False
    if parsed is None or problems:
        raise DataError(problems)
    _messages = parsed.content
    return _messages


def _all_read(files: dict[str, YamlFile | None]) -> dict[str, YamlFile]:
    """The files of a load without problems: each was read (one that was not is a problem)."""
    read = {name: parsed for name, parsed in files.items() if parsed is not None}
    assert len(read) == len(files), "a file was not read, yet no problem was reported"
    return read


def _record_files(folder: Path, repository: Path, problems: list[Problem]) -> list[Path]:
    """The .yml files of a record folder, sorted; anything else there is reported."""
    if not folder.is_dir():
        return []
    paths = []
    for path in sorted(folder.iterdir()):
        if path.suffix == ".yml" and path.is_file():
            paths.append(path)
        else:
            shown = path.relative_to(repository).as_posix()
            problems.append(messages.problem("file.not_yml", shown))
    return paths


def _unexpected_files(data_dir: Path, repository: Path, kinds: tuple[Kind, ...]) -> list[Problem]:
    """YAML files nobody reads would silently be ignored: report them."""
    known = ", ".join([*SINGLE_FILES, *(f"{kind.name}/<id>.yml" for kind in kinds)])
    return [
        messages.problem("file.no_schema", path.relative_to(repository).as_posix(), known=known)
        for path in sorted(data_dir.iterdir())
        if path.suffix in (".yml", ".yaml") and path.name not in SINGLE_FILES
    ]


def _known_ids(
    singles: dict[str, YamlFile | None],
    records: dict[str, dict[str, YamlFile | None]],
    kinds: tuple[Kind, ...],
) -> dict[str, list[str]]:
    """The ids references may use, read leniently so that one broken entry does not make every
    reference to its neighbours look unknown. Lists that could not be read are left out."""
    known = {kind.name: list(records[kind.name]) for kind in kinds}
    vocabularies = _content(singles["vocabularies.yml"])
    for name in VOCABULARIES:
        if isinstance(vocabularies.get(name), list):
            known[name] = list(dict.fromkeys(_ids(vocabularies[name])))
    sources = _content(singles["sources.yml"]).get("sources")
    if isinstance(sources, list):
        known["sources"] = list(dict.fromkeys(_ids(sources)))
    return known


def _content(parsed: YamlFile | None) -> dict[str, Any]:
    return parsed.content if parsed and isinstance(parsed.content, dict) else {}


def _ids(entries: list[Any]) -> Iterator[str]:
    for entry in entries:
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            yield entry["id"]


def _check_unique_ids(singles: dict[str, YamlFile | None]) -> list[Problem]:
    """Within each list of entries (sources, glossary terms, each vocabulary), ids are unique."""
    lists = [("sources.yml", "sources"), ("glossary.yml", "terms")]
    lists += [("vocabularies.yml", name) for name in VOCABULARIES]
    problems = []
    for file_name, key in lists:
        parsed = singles[file_name]
        if parsed is None:
            continue  # not read: already a problem
        entries = _content(parsed).get(key)
        first_lines: dict[str, int] = {}
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            entry_id = entry.get("id") if isinstance(entry, dict) else None
            if not isinstance(entry_id, str):
                continue  # the schema reports it
            path = (key, index, "id")
            if entry_id in first_lines:
                problems.append(
                    parsed.worded(
                        path,
                        "record.duplicate_id",
                        id=messages.quoted(entry_id),
                        list=key,
                        first=first_lines[entry_id],
                    )
                )
            else:
                first_lines[entry_id] = parsed.position(path)[0]
    return problems


# A source without an address or a year says why: the field, the key giving the reason, the
# vocabulary it is taken from, the message when it is missing.
REASONS = (
    ("url", "no_url_reason", "no_url_reasons", "source.no_url"),
    ("year", "undated_reason", "undated_reasons", "source.undated"),
)


def _check_sources(parsed: YamlFile, checker: SchemaChecker) -> list[Problem]:
    """What the schema cannot say: a source with no url, or with year: null, gives the reason
    (`no_url_reason`, `undated_reason`: ids of vocabularies.yml), so that a reader knows a missing
    address or date is a fact about the document, not an oversight; and no reason stands beside
    the value it excuses."""
    problems = []
    entries = _content(parsed).get("sources")
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        if not isinstance(entry, dict):
            continue  # the schema reports it
        for missing, reason, vocabulary, key in REASONS:
            given = entry.get(missing) is not None
            if reason in entry and given:
                problems.append(
                    parsed.worded(
                        ("sources", index, reason),
                        "source.reason_not_needed",
                        of_key=True,
                        reason=reason,
                        missing=missing,
                    )
                )
            # (a year left out altogether is the schema's to report: it is required, maybe null)
            elif reason not in entry and not given and (missing == "url" or missing in entry):
                where = ("sources", index, missing) if missing in entry else ("sources", index)
                problems.append(
                    parsed.worded(where, key, choices=checker.choices(None, vocabulary))
                )
    return problems


def _check_file_names(records: dict[str, dict[str, YamlFile | None]]) -> list[Problem]:
    """A record's id is its file name, so that links and file names never disagree."""
    problems = []
    for files in records.values():
        for stem, parsed in files.items():
            if parsed is None:
                continue  # not read: already a problem
            record_id = _content(parsed).get("id")
            if isinstance(record_id, str) and record_id != stem:
                problems.append(
                    parsed.worded(
                        ("id",), "record.id_not_file_name", id=messages.quoted(record_id), stem=stem
                    )
                )
    return problems


# Addresses a short link may not take: each language's root and the site's output folders.
RESERVED_FOLDERS = {*LANGUAGES, *OUTPUT_FOLDERS}


def _check_short_links(parsed: YamlFile, docs_dir: Path, kinds: tuple[Kind, ...]) -> list[Problem]:
    """Each short link leads to a page that exists in both languages, is unique, and takes no
    address a real page (written or generated from data) already has."""
    taken = set(RESERVED_FOLDERS) | {kind.page_folder for kind in kinds}
    for language in LANGUAGES:
        for path in (docs_dir / language).rglob("*.md"):
            page = path.relative_to(docs_dir / language).with_suffix("").as_posix()
            taken.add(page.removesuffix("/index").removesuffix("index"))
    problems = []
    first_lines: dict[tuple[str, str], int] = {}
    for index, link in enumerate(parsed.content["links"]):
        for key in ("short", "page"):
            seen = first_lines.get((key, link[key]))
            if seen:
                problems.append(
                    parsed.worded(
                        ("links", index, key),
                        f"short_link.duplicate_{key}",
                        value=link[key],
                        first=seen,
                    )
                )
            else:
                first_lines[key, link[key]] = parsed.position(("links", index, key))[0]
        short = link["short"]
        if short in taken or short.partition("/")[0] in taken:
            problems.append(
                parsed.worded(("links", index, "short"), "short_link.taken", short=short)
            )
        missing = [lang for lang in LANGUAGES if not (docs_dir / lang / link["page"]).is_file()]
        if missing:
            folders = " + ".join(f"docs/{lang}/" for lang in missing)
            problems.append(
                parsed.worded(
                    ("links", index, "page"),
                    "short_link.no_page",
                    page=link["page"],
                    folders=folders,
                )
            )
    return problems


def _check_named_files(
    parsed: YamlFile, field: str, named: Iterable[str], repository: Path
) -> list[Problem]:
    """Each page or record that data/reviews.yml (`reviewed`, by key), data/changes.yml
    (`changes`, by `about`) or data/life-cycle.yml (`pages`, by key) names exists: a renamed
    page would lose its reviews, notes and life cycle. The pages only where the data sits beside
    them (not for data alone)."""
    pages_here = (repository / "docs").is_dir()
    return [
        parsed.worded(
            (field, key) if field != "changes" else (field, index, "about"),
            "named_file.missing",
            of_key=field != "changes",
            page=key,
        )
        for index, key in enumerate(named)
        if (pages_here or not key.startswith("docs/")) and not (repository / key).is_file()
    ]


def _check_life_cycles(
    pages: YamlFile, records: dict[str, dict[str, YamlFile | None]], repository: Path
) -> list[Problem]:
    """Each archived or superseded page exists, and what replaces a page or a record exists, is
    current and is not itself: a reader following the notice must land on a live page. The pages
    only where the data sits beside them (not for data alone)."""
    pages_here = (repository / "docs").is_dir()
    retired = dict(pages.content["pages"])  # what is archived or superseded -> its life cycle
    # (the file, where its life cycle is, what it is)
    entries: list[tuple[YamlFile, FieldPath, str]] = [
        (pages, ("pages", key), key) for key in pages.content["pages"]
    ]
    for files in records.values():
        for parsed in files.values():
            if parsed is not None and parsed.content.get("life_cycle"):
                retired[parsed.shown_path] = parsed.content["life_cycle"]
                entries.append((parsed, ("life_cycle",), parsed.shown_path))
    problems = _check_named_files(pages, "pages", pages.content["pages"], repository)
    for parsed, at, key in entries:
        by = retired[key].get("by")
        if by is None:
            continue
        if by == key:
            problems.append(parsed.worded((*at, "by"), "life_cycle.replaces_itself", by=by))
        elif (pages_here or not by.startswith("docs/")) and not (repository / by).is_file():
            problems.append(parsed.worded((*at, "by"), "life_cycle.no_replacement", by=by))
        elif by in retired:
            problems.append(
                parsed.worded(
                    (*at, "by"), "life_cycle.replacement_retired", by=by, state=retired[by]["state"]
                )
            )
    return problems


# --- Building records from valid data ----------------------------------------------------------


def _build(
    singles: dict[str, YamlFile], records: dict[str, dict[str, YamlFile]], kinds: tuple[Kind, ...]
) -> SiteData:
    """Turn validated content into records. Everything here may assume the schemas hold."""
    vocabularies = _build_vocabularies(singles["vocabularies.yml"].content)
    sources = {
        entry["id"]: _build_source(entry, vocabularies)
        for entry in singles["sources.yml"].content["sources"]
    }
    glossary = {
        entry["id"]: GlossaryTerm(
            id=entry["id"],
            term=Text.of(entry["term"]),
            expansion=Text.optional(entry.get("expansion")),
            definition=Text.of(entry["definition"]),
        )
        for entry in singles["glossary.yml"].content["terms"]
    }
    words = {key: Text.of(text) for key, text in singles["interface.yml"].content.items()}
    checks = {
        key: TranslationCheck(french=check["french"], checked=check["checked"])
        for key, check in (singles["translations.lock.yml"].content or {}).items()
    }
    short_links = tuple(
        ShortLink(link["short"], link["page"], link.get("sheet", False))
        for link in singles["short-links.yml"].content["links"]
    )
    terminology = tuple(
        GuideTerm(
            forms={language: tuple(term[language]) for language in LANGUAGES if language in term},
            avoid={language: tuple(forms) for language, forms in term.get("avoid", {}).items()},
            glossary=term.get("glossary"),
            parity=term.get("parity", True),
        )
        for term in singles["terminology.yml"].content["terms"]
    )
    accessibility = singles["accessibility.yml"].content
    audit = accessibility.get("audit") or {}
    statement = Accessibility(
        tests=tuple(
            AccessibilityTest(test["module"], Text.of(test["checks"]))
            for test in accessibility["tests"]
        ),
        known_issues=tuple(Text.of(issue) for issue in accessibility["known_issues"]),
        audit_day=str(audit["day"]) if audit else None,
        audit_report=audit.get("report"),
        compliance=audit.get("compliance", "none"),
    )
    review_file = singles["reviews.yml"].content
    reviews = Reviews(
        responsible=Text.of(review_file["responsible"]),
        periods=dict(review_file["periods"]),
        reviewed={
            key: date.fromisoformat(str(day)) for key, day in review_file["reviewed"].items()
        },
    )
    changes = tuple(
        ChangeNote(
            about=note["about"],
            day=date.fromisoformat(str(note["day"])),
            major=note["major"],
            note=Text.of(note["note"]),
            fingerprint=note["fingerprint"],
        )
        for note in singles["changes.yml"].content["changes"]
    )
    life_cycle = {
        key: LifeCycle(value["state"], value.get("by"))
        for key, value in singles["life-cycle.yml"].content["pages"].items()
    }
    site = SiteData(
        {},
        sources,
        vocabularies,
        glossary,
        words,
        checks,
        short_links,
        accessibility=statement,
        reviews=reviews,
        changes=changes,
        life_cycle=life_cycle,
        terminology=terminology,
    )
    for kind in kinds:  # in order: a kind's records may refer to those of an earlier kind
        site.records[kind.name] = {
            stem: kind.build(parsed, site) for stem, parsed in records[kind.name].items()
        }
    return site


def _build_vocabularies(content: dict[str, Any]) -> Vocabularies:
    lists: dict[str, Any] = {
        name: {term["id"]: Term(term["id"], Text.of(term["label"])) for term in content[name]}
        for name in VOCABULARIES
        if name != "steps"
    }
    lists["steps"] = {
        step["id"]: Step(step["id"], Text.of(step["label"]), number=number, page=step["page"])
        for number, step in enumerate(content["steps"], start=1)
    }
    return Vocabularies(**lists)


def _build_source(entry: dict[str, Any], vocabularies: Vocabularies) -> Source:
    licence = entry.get("licence")
    return Source(
        id=entry["id"],
        source_type=vocabularies.source_types[entry["type"]],
        authors=tuple(entry.get("authors", ())),
        title=entry["title"],
        publisher=entry.get("publisher"),
        venue=entry.get("venue"),
        issue=entry.get("issue"),
        place=entry.get("place"),
        year=entry["year"],
        pages=entry.get("pages"),
        url=entry.get("url"),
        licence=Licence(licence["name"], licence.get("url")) if licence else None,
        note=Text.of(entry["note"]),
        no_url_reason=vocabularies.no_url_reasons.get(entry.get("no_url_reason", "")),
        undated_reason=vocabularies.undated_reasons.get(entry.get("undated_reason", "")),
    )
