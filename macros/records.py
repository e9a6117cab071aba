"""The records the data becomes: typed, frozen, with references resolved.

`macros/data.py` builds them from data/ (nothing else reads YAML); every other module reads them.
A case study holds its `Partner`, `Source`, `Step` and `Term` records, not their ids, and each
partner lists the case studies naming it (derived, never typed twice).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .i18n import LANGUAGES


@dataclass(frozen=True)
class Text:
    """A human-readable text in both languages; `text["en"]` picks one (also `text.en`)."""

    fr: str
    en: str

    def __getitem__(self, language: str) -> str:
        if language not in LANGUAGES:
            raise KeyError(f"no {language!r} text: the site speaks {', '.join(LANGUAGES)}")
        return getattr(self, language)

    @classmethod
    def of(cls, value: dict) -> Text:
        """From valid data, `{fr: ..., en: ...}`."""
        return cls(fr=value["fr"], en=value["en"])

    @classmethod
    def optional(cls, value: dict | None) -> Text | None:
        return cls.of(value) if value is not None else None

    @classmethod
    def all(cls, values: list[dict] | None) -> tuple[Text, ...]:
        return tuple(cls.of(value) for value in values or ())


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
class ShortLink:
    """A short address for trainers (data/short-links.yml): `short` ("e/4") leads to `page`
    (a path inside each language folder), in both languages; `sheet`: it has a printable sheet."""

    short: str
    page: str
    sheet: bool


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
    data_file: str  # e.g. data/partners/cirad.yml, relative to the repository root
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
    """Everything in data/, validated and cross-linked. Dicts map id -> record: the records of
    each kind (macros/kinds.py) ordered by id, sources and glossary terms in their file's order.
    `words` are the interface words of data/interface.yml."""

    records: dict[str, dict[str, Any]]  # kind name ("case-studies") -> id -> record
    sources: dict[str, Source]
    vocabularies: Vocabularies
    glossary: dict[str, GlossaryTerm]
    words: dict[str, Text]
    short_links: tuple[ShortLink, ...] = ()

    @property
    def case_studies(self) -> dict[str, CaseStudy]:
        return self.records["case-studies"]

    @property
    def partners(self) -> dict[str, Partner]:
        return self.records["partners"]

    def ui(self, language: str) -> dict[str, str]:
        """Every interface word in one language, for a template: `ui.key_figures`."""
        return {key: text[language] for key, text in self.words.items()}


@dataclass(frozen=True)
class Column:
    """One column of a kind's open data: its name, and its value for a record in a language.
    Its meaning, shown on the open data page, is the interface word `<kind>.column.<name>`."""

    name: str
    value: Callable[[Any, str], Any]


def lookup(mapping: dict, key: str, noun: str):
    """`mapping[key]`, or a KeyError a contributor can act on: unknown X 'y' (one of: ...)."""
    try:
        return mapping[key]
    except KeyError:
        raise KeyError(f"unknown {noun} {key!r} (one of: {', '.join(mapping)})") from None
