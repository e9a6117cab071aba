"""Load the site's data once: parse, validate, resolve references, hand out typed records.

The only code in the project that reads data/*.yml. The build, `make validate` and the tests all
go through `load_site_data`, which either returns a complete `SiteData` or raises one `DataError`
listing every problem found, so the site is never built from half-valid data.

    site = load_site_data(Path("data"))
    case = site.case_studies["g2id"]
    case.title["en"], [partner.name["fr"] for partner in case.partners]

References are resolved: a case study holds its `Partner`, `Source`, `Step` and `Term` records,
not their ids, and each partner lists the case studies naming it (derived, never typed twice).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .validation import Problem, SchemaChecker, YamlFile, read_yaml

LANGUAGES = ("fr", "en")

# Which schema checks which file. Folders hold one record per file, named after its id.
SINGLE_FILES = {
    "vocabularies.yml": "vocabularies.schema.json",
    "sources.yml": "sources.schema.json",
    "glossary.yml": "glossary.schema.json",
    "terminology.yml": "terminology.schema.json",  # on the pages: tests/test_terminology.py
}
RECORD_FOLDERS = {
    "partners": "partner.schema.json",
    "case-studies": "case-study.schema.json",
}
OTHER_FOLDERS = {"schemas", "templates"}  # not data: read by editors and contributors
VOCABULARIES = (
    "status",
    "fields",
    "administrative_forms",
    "partner_types",
    "competences",
    "countries",
    "source_types",
    "steps",
)


def schema_comment(schema_name: str, in_folder: bool) -> str:
    """The first line every data file carries, so that editors find its schema."""
    prefix = "../schemas/" if in_folder else "schemas/"
    return f"# yaml-language-server: $schema={prefix}{schema_name}"


# --- Records ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """A human-readable text in both languages; `text["en"]` picks one (also `text.en`)."""

    fr: str
    en: str

    def __getitem__(self, language: str) -> str:
        if language not in LANGUAGES:
            raise KeyError(f"no {language!r} text: the site speaks {', '.join(LANGUAGES)}")
        return getattr(self, language)


@dataclass(frozen=True)
class Term:
    """A term of a controlled vocabulary."""

    id: str
    label: Text


@dataclass(frozen=True)
class Step(Term):
    """A guide step: `number` from 1 to 7, `page` under docs/<language>/, e.g. guide/champs.md."""

    number: int
    page: str


@dataclass(frozen=True)
class Vocabularies:
    """Every controlled list, each mapping id -> term in the order of data/vocabularies.yml."""

    status: dict[str, Term]
    fields: dict[str, Term]
    administrative_forms: dict[str, Term]
    partner_types: dict[str, Term]
    competences: dict[str, Term]
    countries: dict[str, Term]
    source_types: dict[str, Term]
    steps: dict[str, Step]


@dataclass(frozen=True)
class Licence:
    name: str
    url: str | None


@dataclass(frozen=True)
class Source:
    """A cited document. Bibliographic fields keep the document's language; `note` is bilingual."""

    id: str
    source_type: Term
    authors: tuple[str, ...]  # "Family, Given" or an institution's name; may be empty
    title: str
    publisher: str | None
    venue: str | None
    issue: str | None
    place: str | None
    year: int | None  # None: the document gives no date
    pages: int | None
    url: str | None
    licence: Licence | None
    note: Text


@dataclass(frozen=True)
class Partner:
    """An institution. `case_studies` is derived from the case files, ordered by case id."""

    id: str
    data_file: str  # e.g. data/partners/cnfpt.yml, relative to the repository root
    name: Text
    partner_type: Term
    country: Term | None
    region: Text | None
    website: str | None
    competences: tuple[Term, ...]
    description: Text
    case_studies: list[CaseStudy] = field(default_factory=list, compare=False, repr=False)


@dataclass(frozen=True)
class Scale:
    """The size of a territory, as one source gives it."""

    towns: int | None
    inhabitants: int | None
    libraries: int | None
    year: int | None
    source: Source


@dataclass(frozen=True)
class Territory:
    label: Text
    scale: Scale | None


@dataclass(frozen=True)
class Period:
    start: int
    end: int | None  # None: still running, or the sources do not say


@dataclass(frozen=True)
class KeyFigure:
    label: Text
    value: int | float
    unit: Text | None  # None for a plain count
    year: int | None
    source: Source


@dataclass(frozen=True)
class CaseStudy:
    id: str
    data_file: str  # e.g. data/case-studies/g2id.yml, relative to the repository root
    status: Term
    title: Text
    summary: Text
    territory: Territory
    period: Period | None
    partners: tuple[Partner, ...]
    fields: tuple[Term, ...]
    administrative_form: Term
    key_figures: tuple[KeyFigure, ...]
    steps: tuple[Step, ...]
    gains: tuple[Text, ...]
    drawbacks: tuple[Text, ...]
    lessons: tuple[Text, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class GlossaryTerm:
    id: str
    term: Text
    expansion: Text | None  # what an abbreviation stands for
    definition: Text


@dataclass(frozen=True)
class SiteData:
    """Everything in data/, validated and cross-linked. Dicts map id -> record: case studies and
    partners ordered by id, sources and glossary terms in their file's order."""

    case_studies: dict[str, CaseStudy]
    partners: dict[str, Partner]
    sources: dict[str, Source]
    vocabularies: Vocabularies
    glossary: dict[str, GlossaryTerm]


class DataError(Exception):
    """The data is invalid. `problems` holds every problem, one line each when printed."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(problem) for problem in self.problems))


# --- Loading ---------------------------------------------------------------------------------


def load_site_data(data_dir: Path) -> SiteData:
    """Read, validate and cross-link everything in `data_dir`; raise DataError with all problems."""
    data_dir = Path(data_dir)
    repository = data_dir.parent
    if not data_dir.is_dir():
        raise DataError([Problem.about_file(data_dir.name, "missing folder", "the data folder")])
    problems: list[Problem] = []

    def read(path: Path, schema_name: str, in_folder: bool) -> YamlFile | None:
        shown = path.relative_to(repository).as_posix()
        if not path.is_file():
            problems.append(Problem.about_file(shown, "missing file", "a required data file"))
            return None
        parsed, reading_problems = read_yaml(path, shown, schema_comment(schema_name, in_folder))
        problems.extend(reading_problems)
        return parsed

    singles = {name: read(data_dir / name, schema, False) for name, schema in SINGLE_FILES.items()}
    records: dict[str, dict[str, YamlFile | None]] = {}
    for folder, schema in RECORD_FOLDERS.items():
        paths = _record_files(data_dir / folder, repository, problems)
        records[folder] = {path.stem: read(path, schema, True) for path in paths}
    problems += _unexpected_files(data_dir, repository)

    checker = SchemaChecker(data_dir / "schemas", _known_ids(singles, records), date.today().year)
    for name, parsed in singles.items():
        if parsed:
            problems += checker.check(parsed, SINGLE_FILES[name])
    for folder, files in records.items():
        for parsed in filter(None, files.values()):
            problems += checker.check(parsed, RECORD_FOLDERS[folder])
    problems += _check_unique_ids(singles)
    problems += _check_file_names(records)
    problems += _check_periods(records["case-studies"])

    if problems:
        raise DataError(problems)
    return _build(singles, records)


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
            problems.append(Problem.about_file(shown, "not a .yml file", "only <id>.yml files"))
    return paths


def _unexpected_files(data_dir: Path, repository: Path) -> list[Problem]:
    """YAML files nobody reads would silently be ignored: report them."""
    known = ", ".join([*SINGLE_FILES, *(f"{folder}/<id>.yml" for folder in RECORD_FOLDERS)])
    return [
        Problem.about_file(
            path.relative_to(repository).as_posix(), "no schema for this file", f"one of: {known}"
        )
        for path in sorted(data_dir.iterdir())
        if path.suffix in (".yml", ".yaml") and path.name not in SINGLE_FILES
    ]


def _known_ids(singles: dict[str, YamlFile | None], records: dict) -> dict[str, list[str]]:
    """The ids references may use, read leniently so that one broken entry does not make every
    reference to its neighbours look unknown. Lists that could not be read are left out."""
    known = {"partners": list(records["partners"])}
    vocabularies = _content(singles["vocabularies.yml"])
    for name in VOCABULARIES:
        if isinstance(vocabularies.get(name), list):
            known[name] = list(dict.fromkeys(_ids(vocabularies[name])))
    sources = _content(singles["sources.yml"]).get("sources")
    if isinstance(sources, list):
        known["sources"] = list(dict.fromkeys(_ids(sources)))
    return known


def _content(parsed: YamlFile | None) -> dict:
    return parsed.content if parsed and isinstance(parsed.content, dict) else {}


def _ids(entries: list) -> Iterator[str]:
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
        entries = _content(parsed).get(key)
        first_lines: dict[str, int] = {}
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            entry_id = entry.get("id") if isinstance(entry, dict) else None
            if not isinstance(entry_id, str):
                continue  # the schema reports it
            path = (key, index, "id")
            if entry_id in first_lines:
                expected = f"ids unique in {key}; first used at line {first_lines[entry_id]}"
                problems.append(parsed.problem(path, f"duplicate id {entry_id!r}", expected))
            else:
                first_lines[entry_id] = parsed.position(path)[0]
    return problems


def _check_file_names(records: dict[str, dict[str, YamlFile | None]]) -> list[Problem]:
    """A record's id is its file name, so that links and file names never disagree."""
    problems = []
    for files in records.values():
        for stem, parsed in files.items():
            record_id = _content(parsed).get("id")
            if isinstance(record_id, str) and record_id != stem:
                wrong = f"{record_id!r} differs from the file name"
                problems.append(
                    parsed.problem(("id",), wrong, f"{stem}, the file name without .yml")
                )
    return problems


def _check_periods(case_files: dict[str, YamlFile | None]) -> list[Problem]:
    problems = []
    for parsed in filter(None, case_files.values()):
        period = _content(parsed).get("period")
        if not isinstance(period, dict):
            continue
        start, end = period.get("start"), period.get("end")
        if isinstance(start, int) and isinstance(end, int) and end < start:
            wrong = f"ends in {end}, before it starts"
            problems.append(parsed.problem(("period", "end"), wrong, f"a year from {start} on"))
    return problems


# --- Building records from valid data ----------------------------------------------------------


def _build(singles: dict[str, YamlFile | None], records: dict) -> SiteData:
    """Turn validated content into records. Everything here may assume the schemas hold."""
    vocabularies = _build_vocabularies(singles["vocabularies.yml"].content)
    sources = {
        entry["id"]: _build_source(entry, vocabularies)
        for entry in singles["sources.yml"].content["sources"]
    }
    partners = {
        stem: _build_partner(parsed, vocabularies) for stem, parsed in records["partners"].items()
    }
    case_studies = {
        stem: _build_case_study(parsed, vocabularies, sources, partners)
        for stem, parsed in records["case-studies"].items()
    }
    for case in case_studies.values():
        for partner in case.partners:
            partner.case_studies.append(case)
    glossary = {
        entry["id"]: GlossaryTerm(
            id=entry["id"],
            term=_text(entry["term"]),
            expansion=_optional_text(entry.get("expansion")),
            definition=_text(entry["definition"]),
        )
        for entry in singles["glossary.yml"].content["terms"]
    }
    return SiteData(case_studies, partners, sources, vocabularies, glossary)


def _text(value: dict) -> Text:
    return Text(fr=value["fr"], en=value["en"])


def _optional_text(value: dict | None) -> Text | None:
    return _text(value) if value is not None else None


def _texts(values: list[dict] | None) -> tuple[Text, ...]:
    return tuple(_text(value) for value in values or ())


def _build_vocabularies(content: dict) -> Vocabularies:
    lists: dict[str, Any] = {
        name: {term["id"]: Term(term["id"], _text(term["label"])) for term in content[name]}
        for name in VOCABULARIES
        if name != "steps"
    }
    lists["steps"] = {
        step["id"]: Step(step["id"], _text(step["label"]), number=number, page=step["page"])
        for number, step in enumerate(content["steps"], start=1)
    }
    return Vocabularies(**lists)


def _build_source(entry: dict, vocabularies: Vocabularies) -> Source:
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
        note=_text(entry["note"]),
    )


def _build_partner(parsed: YamlFile, vocabularies: Vocabularies) -> Partner:
    content = parsed.content
    return Partner(
        id=content["id"],
        data_file=parsed.shown_path,
        name=_text(content["name"]),
        partner_type=vocabularies.partner_types[content["type"]],
        country=vocabularies.countries.get(content.get("country", "")),
        region=_optional_text(content.get("region")),
        website=content.get("website"),
        competences=tuple(
            vocabularies.competences[term] for term in content.get("competences", ())
        ),
        description=_text(content["description"]),
    )


def _build_case_study(
    parsed: YamlFile,
    vocabularies: Vocabularies,
    sources: dict[str, Source],
    partners: dict[str, Partner],
) -> CaseStudy:
    content = parsed.content
    territory, scale, period = (
        content["territory"],
        content["territory"].get("scale"),
        content.get("period"),
    )
    return CaseStudy(
        id=content["id"],
        data_file=parsed.shown_path,
        status=vocabularies.status[content["status"]],
        title=_text(content["title"]),
        summary=_text(content["summary"]),
        territory=Territory(
            label=_text(territory["label"]),
            scale=Scale(
                towns=scale.get("towns"),
                inhabitants=scale.get("inhabitants"),
                libraries=scale.get("libraries"),
                year=scale.get("year"),
                source=sources[scale["source"]],
            )
            if scale
            else None,
        ),
        period=Period(period["start"], period.get("end")) if period else None,
        partners=tuple(partners[partner_id] for partner_id in content["partners"]),
        fields=tuple(vocabularies.fields[term] for term in content["fields"]),
        administrative_form=vocabularies.administrative_forms[content["administrative_form"]],
        key_figures=tuple(
            KeyFigure(
                label=_text(figure["label"]),
                value=figure["value"],
                unit=_optional_text(figure.get("unit")),
                year=figure.get("year"),
                source=sources[figure["source"]],
            )
            for figure in content.get("key_figures", ())
        ),
        steps=tuple(vocabularies.steps[step_id] for step_id in content["steps"]),
        gains=_texts(content.get("gains")),
        drawbacks=_texts(content.get("drawbacks")),
        lessons=_texts(content.get("lessons")),
        sources=tuple(sources[source_id] for source_id in content["sources"]),
    )
