"""The records the data becomes: typed, frozen, with references resolved.

`macros/model/data.py` builds them from data/ (nothing else reads YAML); every other module reads
them. A case study holds its `Partner`, `Source`, `Step` and `Term` records, not their ids, and each
partner lists the case studies naming it (derived, never typed twice).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from macros.model.life_cycle import LifeCycle, life_cycle_of
from macros.model.record_dates import RecordDates
from macros.site.i18n import LANGUAGES

if TYPE_CHECKING:  # changes.py builds its notes of Text, from this module
    from macros.model.changes import ChangeNote


class Text(Mapping[str, str]):
    """A human-readable text in every language of the site (macros/site/i18n.py `LANGUAGES`),
    keyed by language code: `text["en"]`. Immutable and hashable, like the records holding it."""

    __slots__ = ("_texts",)

    def __init__(self, texts: Mapping[str, str]):
        missing = [language for language in LANGUAGES if language not in texts]
        if missing:  # the schemas require each language: only code can get here
            raise KeyError(f"no {', '.join(missing)} text in {dict(texts)!r}")
        self._texts = {language: texts[language] for language in LANGUAGES}

    def __getitem__(self, language: str) -> str:
        try:
            return self._texts[language]
        except KeyError:
            raise KeyError(
                f"no {language!r} text: the site speaks {', '.join(LANGUAGES)}"
            ) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def __hash__(self) -> int:
        return hash(tuple(self._texts.items()))

    def __repr__(self) -> str:
        return f"Text({self._texts!r})"

    @classmethod
    def of(cls, value: Mapping[str, str]) -> Text:
        """From valid data, `{fr: ..., en: ...}`."""
        return cls(value)

    @classmethod
    def optional(cls, value: Mapping[str, str] | None) -> Text | None:
        return cls.of(value) if value is not None else None

    @classmethod
    def all(cls, values: list[Mapping[str, str]] | None) -> tuple[Text, ...]:
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
class GuideTerm:
    """One of the guide's terms (data/terminology.yml): per language, the accepted forms (the
    preferred one first) and the forms to avoid; the glossary entry that defines it, if any;
    `parity`: a page using it in one language uses it in the other."""

    forms: dict[str, tuple[str, ...]]
    avoid: dict[str, tuple[str, ...]]
    glossary: str | None
    parity: bool


@dataclass(frozen=True)
class AccessibilityTest:
    """A test module that checks accessibility, and what it checks (data/accessibility.yml)."""

    module: str  # "tests/test_keyboard.py"
    checks: Text


@dataclass(frozen=True)
class Accessibility:
    """What the accessibility statement states (data/accessibility.yml). `compliance` is the
    RGAA audit's finding, "full", "partial" or "none"; "none" while there is no audit."""

    tests: tuple[AccessibilityTest, ...]
    known_issues: tuple[Text, ...]
    audit_day: str | None = None
    audit_report: str | None = None
    compliance: str = "none"


@dataclass(frozen=True)
class Vocabularies:
    """Every controlled list, each mapping id -> term in the order of data/vocabularies.yml."""

    status: dict[str, Term]
    fields: dict[str, Term]
    administrative_forms: dict[str, Term]
    partner_types: dict[str, Term]
    competences: dict[str, Term]
    partner_roles: dict[str, Term]
    audiences: dict[str, Term]
    horizons: dict[str, Term]
    countries: dict[str, Term]
    regions: dict[str, Term]  # French régions, ISO 3166-2:FR codes in lowercase
    source_types: dict[str, Term]
    no_url_reasons: dict[str, Term]
    undated_reasons: dict[str, Term]
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
    year: int | None  # None: no date is known, and undated_reason says why
    pages: int | None
    url: str | None
    licence: Licence | None
    note: Text
    no_url_reason: Term | None = None  # why there is no url (then url is None)
    undated_reason: Term | None = None  # why there is no year (then year is None)


@dataclass(frozen=True)
class Competence:
    """What a partner can bring, with the source that shows it."""

    term: Term
    source: Source


@dataclass(frozen=True)
class Identifier:
    """A persistent identifier: `scheme` is "ror", "isil", "siren", "wikidata" or "idref"."""

    scheme: str
    value: str


@dataclass(frozen=True)
class Contributor:
    """A person credited for a record, as they asked (`contributors:`): nobody is listed
    otherwise. `orcid` is checked by macros/model/identifiers.py."""

    name: str
    orcid: str | None
    institution: str | None

    @classmethod
    def all(cls, values: list[dict[str, Any]] | None) -> tuple[Contributor, ...]:
        return tuple(
            cls(value["name"], value.get("orcid"), value.get("institution"))
            for value in values or ()
        )


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
    identifiers: tuple[Identifier, ...]  # checked and linked by macros/model/identifiers.py
    competences: tuple[Competence, ...]
    description: Text
    contributors: tuple[Contributor, ...]
    dates: RecordDates
    life_cycle: LifeCycle | None = None  # None: current (macros/model/life_cycle.py)
    case_studies: list[CaseStudy] = field(default_factory=list, compare=False, repr=False)

    def role_in(self, case: CaseStudy) -> Term:
        return next(link.role for link in case.partners if link.partner is self)

    def identifier(self, scheme: str) -> str | None:
        return next((each.value for each in self.identifiers if each.scheme == scheme), None)


@dataclass(frozen=True)
class Scale:
    """The size of a territory, as one source gives it."""

    towns: int | None
    inhabitants: int | None
    libraries: int | None
    year: int | None
    undated: bool  # the source gives no year for them (then year is None): the page says so
    source: Source


@dataclass(frozen=True)
class Territory:
    label: Text  # the place in the case's own words, shown on its page and card
    country: Term
    region: Term | None  # a French région, for a case within one: what the listing groups by
    scale: Scale | None


@dataclass(frozen=True)
class Milestone:
    date: str  # a partial ISO date: "2014", "2014-06" or "2014-06-23"
    event: Text
    marks: str | None  # "start", "end" or None
    source: Source

    @property
    def year(self) -> int:
        return int(self.date[:4])


@dataclass(frozen=True)
class CasePartner:
    """A partner's part in one case study."""

    partner: Partner
    role: Term
    source: Source


@dataclass(frozen=True)
class StepLink:
    """A guide step a case illustrates, and why (shown on the step's page)."""

    step: Step
    why: Text


@dataclass(frozen=True)
class Finding:
    """A gain or a drawback, with whom it concerns and when, where the source says."""

    text: Text
    audience: Term | None
    horizon: Term | None
    source: Source | None


@dataclass(frozen=True)
class GoverningBody:
    body: Text
    role: Text
    source: Source


@dataclass(frozen=True)
class Funding:
    known: Text  # who pays and how much, as far as the sources say
    unknown: Text  # what they leave out
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class KeyFigure:
    label: Text
    value: int | float
    unit: Text | None  # None for a plain count
    year: int | None
    undated: bool  # the source gives no year for it (then year is None): the page says so
    source: Source


# The statuses of a project that is over: its page says when and why, from its end milestone.
ENDED = ("ended", "abandoned")


@dataclass(frozen=True)
class CaseStudy:
    id: str
    data_file: str  # e.g. data/case-studies/g2id.yml, relative to the repository root
    status: Term
    title: Text
    summary: Text
    territory: Territory
    milestones: tuple[Milestone, ...]  # in date order
    partners: tuple[CasePartner, ...]
    fields: tuple[Term, ...]
    administrative_form: Term
    key_figures: tuple[KeyFigure, ...]
    steps: tuple[StepLink, ...]
    gains: tuple[Finding, ...]
    drawbacks: tuple[Finding, ...]
    governance: tuple[GoverningBody, ...]
    funding: Funding | None
    lessons: tuple[Text, ...]
    sources: tuple[Source, ...]
    contributors: tuple[Contributor, ...]
    dates: RecordDates
    life_cycle: LifeCycle | None = None  # None: current (macros/model/life_cycle.py)

    @property
    def start(self) -> Milestone | None:
        """The milestone marked `start`: the listing's and the exports' start date."""
        return next((m for m in self.milestones if m.marks == "start"), None)

    @property
    def end(self) -> Milestone | None:
        return next((m for m in self.milestones if m.marks == "end"), None)

    def why(self, step: Step) -> Text | None:
        """Why this case illustrates `step`, or None if it does not."""
        return next((link.why for link in self.steps if link.step == step), None)


@dataclass(frozen=True)
class GlossaryTerm:
    id: str
    term: Text
    expansion: Text | None  # what an abbreviation stands for
    definition: Text


@dataclass(frozen=True)
class TranslationCheck:
    """When an English translation was last checked, and against which French text (its
    fingerprint): one entry of data/translations.lock.yml (macros/contribute/translations.py)."""

    french: str
    checked: str  # YYYY-MM-DD


@dataclass(frozen=True)
class SiteData:
    """Everything in data/, validated and cross-linked. Dicts map id -> record: the records of
    each kind (macros/registry.py) ordered by id, sources and glossary terms in their file's order.
    `words` are the interface words of data/interface.yml; `translation_checks` the record of
    data/translations.lock.yml."""

    records: dict[str, dict[str, Any]]  # kind name ("case-studies") -> id -> record
    sources: dict[str, Source]
    vocabularies: Vocabularies
    glossary: dict[str, GlossaryTerm]
    words: dict[str, Text]
    translation_checks: dict[str, TranslationCheck] = field(default_factory=dict)  # key -> check
    short_links: tuple[ShortLink, ...] = ()
    terminology: tuple[GuideTerm, ...] = ()
    accessibility: Accessibility = Accessibility((), ())
    reviews: Any = None  # macros/model/reviews.py Reviews, from data/reviews.yml
    changes: tuple[ChangeNote, ...] = ()  # from data/changes.yml
    life_cycle: dict[str, LifeCycle] = field(default_factory=dict)  # page -> data/life-cycle.yml

    def life_cycle_of(self, key: str) -> LifeCycle | None:
        """A page's (docs/fr/<path>.md) or record's (data/<kind>/<id>.yml) life cycle; None
        while it is current."""
        return life_cycle_of(key, self.life_cycle, self.records)

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
    """One column of a kind's open data: its name, its value for a record in a language, and
    the shape of that value (macros/model/shapes.py), which the published schemas are made of.
    Its meaning, shown on the open data page, is the interface word `<kind>.column.<name>`."""

    name: str
    value: Callable[[Any, str], Any]
    shape: dict[str, Any]


Value = TypeVar("Value")


def lookup(mapping: Mapping[str, Value], key: str, noun: str) -> Value:
    """`mapping[key]`, or a KeyError a contributor can act on: unknown X 'y' (one of: ...)."""
    try:
        return mapping[key]
    except KeyError:
        raise KeyError(f"unknown {noun} {key!r} (one of: {', '.join(mapping)})") from None
