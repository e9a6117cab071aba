"""Case studies as data: built from data/case-studies/, checked beyond their schema, and their
open-data columns. No rendering here: the listing, cards and pages are macros/render/cases.py."""

from __future__ import annotations

from typing import Any

from macros.model import messages
from macros.model.life_cycle import STATE_SHAPE, LifeCycle, state_of
from macros.model.record_dates import RecordDates
from macros.model.records import (
    ENDED,
    CasePartner,
    CaseStudy,
    Column,
    Contributor,
    Finding,
    Funding,
    GoverningBody,
    KeyFigure,
    Milestone,
    Scale,
    SiteData,
    StepLink,
    Territory,
    Text,
)
from macros.model.shapes import (
    BOOLEAN,
    ID,
    INTEGER,
    NUMBER,
    PARTIAL_DATE,
    TEXT,
    list_of,
    one_of,
    optional,
    record,
)
from macros.model.validation import Problem, YamlFile

FRANCE = "france"  # the country whose régions the regions vocabulary lists

# --- From the data -----------------------------------------------------------------------


def build_case_study(parsed: YamlFile, site: SiteData) -> CaseStudy:
    """A case study from its valid file, added to the case studies of each of its partners."""
    content, vocabularies, sources = parsed.content, site.vocabularies, site.sources
    territory, scale, funding = (
        content["territory"],
        content["territory"].get("scale"),
        content.get("funding"),
    )

    def finding(item: dict[str, Any]) -> Finding:
        return Finding(
            text=Text.of(item["text"]),
            audience=vocabularies.audiences.get(item.get("audience", "")),
            horizon=vocabularies.horizons.get(item.get("horizon", "")),
            source=sources.get(item.get("source", "")),
        )

    case = CaseStudy(
        id=content["id"],
        data_file=parsed.shown_path,
        status=vocabularies.status[content["status"]],
        title=Text.of(content["title"]),
        summary=Text.of(content["summary"]),
        territory=Territory(
            label=Text.of(territory["label"]),
            country=vocabularies.countries[territory["country"]],
            region=vocabularies.regions.get(territory.get("region", "")),
            scale=Scale(
                towns=scale.get("towns"),
                inhabitants=scale.get("inhabitants"),
                libraries=scale.get("libraries"),
                year=scale.get("year"),
                undated=scale.get("undated", False),
                source=sources[scale["source"]],
            )
            if scale
            else None,
        ),
        milestones=tuple(
            Milestone(
                date=milestone["date"],
                event=Text.of(milestone["event"]),
                marks=milestone.get("marks"),
                source=sources[milestone["source"]],
            )
            for milestone in content.get("milestones", ())
        ),
        partners=tuple(
            CasePartner(
                partner=site.partners[link["partner"]],
                role=vocabularies.partner_roles[link["role"]],
                source=sources[link["source"]],
            )
            for link in content["partners"]
        ),
        fields=tuple(vocabularies.fields[term] for term in content["fields"]),
        administrative_form=vocabularies.administrative_forms[content["administrative_form"]],
        key_figures=tuple(
            KeyFigure(
                label=Text.of(figure["label"]),
                value=figure["value"],
                unit=Text.optional(figure.get("unit")),
                year=figure.get("year"),
                undated=figure.get("undated", False),
                source=sources[figure["source"]],
            )
            for figure in content.get("key_figures", ())
        ),
        steps=tuple(
            StepLink(step=vocabularies.steps[link["step"]], why=Text.of(link["why"]))
            for link in content["steps"]
        ),
        gains=tuple(finding(item) for item in content.get("gains", ())),
        drawbacks=tuple(finding(item) for item in content.get("drawbacks", ())),
        governance=tuple(
            GoverningBody(
                body=Text.of(body["body"]),
                role=Text.of(body["role"]),
                source=sources[body["source"]],
            )
            for body in content.get("governance", ())
        ),
        funding=Funding(
            known=Text.of(funding["known"]),
            unknown=Text.of(funding["unknown"]),
            sources=tuple(sources[source_id] for source_id in funding["sources"]),
        )
        if funding
        else None,
        lessons=Text.all(content.get("lessons")),
        sources=tuple(sources[source_id] for source_id in content["sources"]),
        contributors=Contributor.all(content.get("contributors")),
        dates=RecordDates.of(content),
        life_cycle=LifeCycle.of(content.get("life_cycle")),
    )
    for link in case.partners:
        link.partner.case_studies.append(case)  # cases are built in id order
    return case


def check_case(parsed: YamlFile) -> list[Problem]:
    """What the schema cannot say: milestones in date order, at most one start and one end, an
    end for an ended or abandoned case, a partner or a step named once, a key figure or the
    territory's size with a year or marked undated (not both), a région only in France. Each
    problem points at the line to change."""
    content = parsed.content if isinstance(parsed.content, dict) else {}
    return [
        *_check_milestones(parsed, content.get("milestones")),
        *_check_end(parsed, content),
        *_check_once(parsed, content.get("partners"), "partner"),
        *_check_once(parsed, content.get("steps"), "step"),
        *_check_figure_years(parsed, content),
        *_check_region(parsed, content.get("territory")),
    ]


def _check_region(parsed: YamlFile, territory: object) -> list[Problem]:
    """The régions are French: elsewhere the country alone is the case's territory."""
    if not isinstance(territory, dict) or "region" not in territory:
        return []
    country = territory.get("country")
    if not isinstance(country, str) or country == FRANCE:
        return []
    return [
        parsed.worded(
            ("territory", "region"), "case.region_outside_france", country=messages.quoted(country)
        )
    ]


def _check_figure_years(parsed: YamlFile, content: dict[str, object]) -> list[Problem]:
    """A figure changes with time: each key figure, and the territory's size, gives the year its
    source gives, or says that the source gives none (`undated: true`), so that a reader never
    takes an old count for today's."""
    figures = content.get("key_figures")
    territory = content.get("territory")
    dated: list[tuple[tuple[str | int, ...], object, str]] = [
        (("key_figures", index), figure, "figure")
        for index, figure in enumerate(figures if isinstance(figures, list) else [])
    ]
    if isinstance(territory, dict) and "scale" in territory:
        dated.append((("territory", "scale"), territory["scale"], "scale"))
    problems: list[Problem] = []
    for path, figure, what in dated:
        if not isinstance(figure, dict):
            continue  # the schema reports it
        undated, word = figure.get("undated") is True, messages.Word(f"dated.{what}")
        if "year" in figure and undated:
            problems.append(
                parsed.worded((*path, "undated"), "case.dated_and_undated", of_key=True, what=word)
            )
        elif "year" not in figure and not undated:
            problems.append(parsed.worded(path, "case.without_year", what=word))
    return problems


def _check_milestones(parsed: YamlFile, milestones: object) -> list[Problem]:
    problems: list[Problem] = []
    previous: str | None = None
    marked: dict[str, tuple[int, int, str]] = {}  # "start"/"end" -> (line, index, date)
    for index, milestone in enumerate(milestones if isinstance(milestones, list) else []):
        if not isinstance(milestone, dict) or not isinstance(milestone.get("date"), str):
            continue  # the schema reports it
        date = milestone["date"]
        if previous is not None and date < previous:
            problems.append(
                parsed.worded(
                    ("milestones", index, "date"),
                    "case.milestone_order",
                    date=date,
                    previous=previous,
                )
            )
        previous = date
        marks = milestone.get("marks")
        if marks in marked:
            problems.append(
                parsed.worded(
                    ("milestones", index, "marks"),
                    "case.second_mark",
                    marks=marks,
                    first=marked[marks][0],
                )
            )
        elif marks in ("start", "end"):
            marked[marks] = (parsed.position(("milestones", index, "marks"))[0], index, date)
    if not problems and "start" in marked and "end" in marked:
        (_, _, start), (_, end_index, end) = marked["start"], marked["end"]
        if end < start:
            problems.append(
                parsed.worded(
                    ("milestones", end_index, "date"), "case.end_before_start", end=end, start=start
                )
            )
    return problems


def _check_end(parsed: YamlFile, content: dict[str, object]) -> list[Problem]:
    milestones = content.get("milestones")
    marks = (
        [m.get("marks") for m in milestones if isinstance(m, dict)]
        if isinstance(milestones, list)
        else []
    )
    if content.get("status") in ENDED and "end" not in marks:
        return [
            parsed.worded(("status",), "case.no_end", status=messages.quoted(content["status"]))
        ]
    return []


def _check_once(parsed: YamlFile, links: object, key: str) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}  # value -> the line it is first named on
    for index, link in enumerate(links if isinstance(links, list) else []):
        value = link.get(key) if isinstance(link, dict) else None
        if not isinstance(value, str):
            continue
        if value in seen:
            problems.append(
                parsed.worded(
                    (key + "s", index, key),
                    f"case.{key}_twice",
                    value=messages.quoted(value),
                    first=seen[value],
                )
            )
        else:
            seen[value] = parsed.position((key + "s", index, key))[0]
    return problems


def _key_figure(figure: KeyFigure, language: str) -> dict[str, Any]:
    return {
        "label": figure.label[language],
        "value": figure.value,
        "unit": figure.unit[language] if figure.unit else None,
        "year": figure.year,
        "undated": figure.undated,
        "source": figure.source.id,
    }


def _scale(case: CaseStudy, name: str) -> int | None:
    return getattr(case.territory.scale, name) if case.territory.scale else None


def _region(case: CaseStudy, language: str, what: str) -> str | None:
    region = case.territory.region
    if region is None:
        return None
    return region.id if what == "id" else region.label[language]


def _finding(finding: Finding, language: str) -> dict[str, Any]:
    return {
        "text": finding.text[language],
        "audience": finding.audience.id if finding.audience else None,
        "horizon": finding.horizon.id if finding.horizon else None,
        "source": finding.source.id if finding.source else None,
    }


def _partner(link: CasePartner, language: str) -> dict[str, Any]:
    return {
        "id": link.partner.id,
        "name": link.partner.name[language],
        "role": link.role.id,
        "role_label": link.role.label[language],
        "source": link.source.id,
    }


# The open data's columns after id and url; their meanings are the words case-studies.column.*,
# their shapes (macros/model/shapes.py) make the published schemas.
FINDING = record(text=TEXT, audience=optional(ID), horizon=optional(ID), source=optional(ID))
COLUMNS = (
    Column("title", lambda case, language: case.title[language], TEXT),
    Column("summary", lambda case, language: case.summary[language], TEXT),
    Column("status", lambda case, language: case.status.id, ID),
    Column("status_label", lambda case, language: case.status.label[language], TEXT),
    Column("territory", lambda case, language: case.territory.label[language], TEXT),
    Column("country", lambda case, language: case.territory.country.id, ID),
    Column("country_label", lambda case, language: case.territory.country.label[language], TEXT),
    Column("region", lambda case, language: _region(case, language, "id"), optional(ID)),
    Column("region_label", lambda case, language: _region(case, language, "label"), optional(TEXT)),
    Column("towns", lambda case, language: _scale(case, "towns"), optional(INTEGER)),
    Column("inhabitants", lambda case, language: _scale(case, "inhabitants"), optional(INTEGER)),
    Column("libraries", lambda case, language: _scale(case, "libraries"), optional(INTEGER)),
    Column(
        "start_date",
        lambda case, language: case.start.date if case.start else None,
        optional(PARTIAL_DATE),
    ),
    Column(
        "end_date",
        lambda case, language: case.end.date if case.end else None,
        optional(PARTIAL_DATE),
    ),
    Column(
        "milestones",
        lambda case, language: [
            {"date": m.date, "event": m.event[language], "marks": m.marks, "source": m.source.id}
            for m in case.milestones
        ],
        list_of(
            record(
                date=PARTIAL_DATE,
                event=TEXT,
                marks=optional(one_of("start", "end")),
                source=ID,
            )
        ),
    ),
    Column("fields", lambda case, language: [term.id for term in case.fields], list_of(ID)),
    Column(
        "field_labels",
        lambda case, language: [term.label[language] for term in case.fields],
        list_of(TEXT),
    ),
    Column("administrative_form", lambda case, language: case.administrative_form.id, ID),
    Column(
        "administrative_form_label",
        lambda case, language: case.administrative_form.label[language],
        TEXT,
    ),
    Column(
        "partners",
        lambda case, language: [link.partner.id for link in case.partners],
        list_of(ID),
    ),
    Column(
        "partner_names",
        lambda case, language: [link.partner.name[language] for link in case.partners],
        list_of(TEXT),
    ),
    Column(
        "partner_roles",
        lambda case, language: [_partner(link, language) for link in case.partners],
        list_of(record(id=ID, name=TEXT, role=ID, role_label=TEXT, source=ID)),
    ),
    Column("steps", lambda case, language: [link.step.id for link in case.steps], list_of(ID)),
    Column(
        "step_reasons",
        lambda case, language: [
            {"step": link.step.id, "why": link.why[language]} for link in case.steps
        ],
        list_of(record(step=ID, why=TEXT)),
    ),
    Column(
        "key_figures",
        lambda case, language: [_key_figure(figure, language) for figure in case.key_figures],
        list_of(
            record(
                label=TEXT,
                value=NUMBER,
                unit=optional(TEXT),
                year=optional(INTEGER),
                undated=BOOLEAN,
                source=ID,
            )
        ),
    ),
    Column(
        "gains",
        lambda case, language: [_finding(item, language) for item in case.gains],
        list_of(FINDING),
    ),
    Column(
        "drawbacks",
        lambda case, language: [_finding(item, language) for item in case.drawbacks],
        list_of(FINDING),
    ),
    Column(
        "governance",
        lambda case, language: [
            {"body": b.body[language], "role": b.role[language], "source": b.source.id}
            for b in case.governance
        ],
        list_of(record(body=TEXT, role=TEXT, source=ID)),
    ),
    Column(
        "funding",
        lambda case, language: (
            {
                "known": case.funding.known[language],
                "unknown": case.funding.unknown[language],
                "sources": [source.id for source in case.funding.sources],
            }
            if case.funding
            else None
        ),
        optional(record(known=TEXT, unknown=TEXT, sources=list_of(ID))),
    ),
    Column(
        "lessons",
        lambda case, language: [text[language] for text in case.lessons],
        list_of(TEXT),
    ),
    Column("sources", lambda case, language: [source.id for source in case.sources], list_of(ID)),
    Column("life_cycle", state_of, STATE_SHAPE),
)
