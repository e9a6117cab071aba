"""The data validator, as a specification.

Each kind of mistake a contributor can make in data/, and the exact line `make validate` prints
for it: `path:line:column: field: what is wrong (what is expected)`. Every case copies the real
data, adds or replaces one small file written out below, and expects that single line.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from macros.contribute.check_data import main as validate_main
from macros.model import messages
from macros.model.data import DataError
from macros.model.identifiers import SCHEMES, idref_check, luhn_check, orcid_check, ror_check
from macros.model.records import SiteData
from macros.model.validation import SchemaChecker
from macros.registry import KINDS, load_site_data
from tools.project import copy_project, run_in_copy

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
THIS_YEAR = date.today().year

# A valid new case study and a valid new partner; each bad input below breaks one thing in them.
CASE = """\
# yaml-language-server: $schema=../schemas/case-study.schema.json
id: new-case
status: realised
title: {fr: Un cas, en: A case}
summary: {fr: Des livres en commun., en: Shared books.}
territory:
  country: france
  label: {fr: Une ville, en: A town}
milestones:
  - {date: "2010", event: {fr: Début., en: Start.}, marks: start, source: boussou-2014}
  - {date: "2012-06", event: {fr: Fin., en: End.}, marks: end, source: boussou-2014}
partners:
  - {partner: cnfpt, role: member, source: boussou-2014}
fields: [tools]
administrative_form: charter
steps:
  - step: scope
    why: {fr: Le périmètre est écrit., en: The scope is written down.}
sources: [boussou-2014]
added: "2020-05-04"
"""

PARTNER = """\
# yaml-language-server: $schema=../schemas/partner.schema.json
id: new-partner
name: {fr: Une médiathèque, en: A library}
type: library-network
website: https://www.example.org
description: {fr: Elle prête des livres., en: It lends books.}
added: "2020-05-04"
"""

GLOSSARY = """\
# yaml-language-server: $schema=schemas/glossary.schema.json
terms:
  - id: ist
    term: {fr: IST, en: STI}
    definition: {fr: L'information scientifique et technique., en: Scientific information.}
  - id: ist
    term: {fr: IST, en: STI}
    definition: {fr: Encore elle., en: Again.}
"""


# A few hundred bytes that PyYAML would expand into 10**9 strings ("billion laughs").
ALIAS_BOMB = (
    CASE.partition("\n")[0]
    + "\n"
    + "".join(
        f"{name}: &{name} [{', '.join([f'*{previous}'] * 10)}]\n"
        for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
    ).replace("b: &b [*a", "a: &a [lol]\nb: &b [*a", 1)
)


def changed(text: str, old: str, new: str) -> str:
    """`text` with its one occurrence of `old` replaced: a typo in a test fails loudly."""
    assert text.count(old) == 1, f"{old!r} should occur once"
    return text.replace(old, new)


@functools.cache
def shipped() -> SiteData:
    return load_site_data(DATA)


NEW_CASE = "case-studies/new-case.yml"
NEW_PARTNER = "partners/new-partner.yml"
CASE_AT = "data/case-studies/new-case.yml"
PARTNER_AT = "data/partners/new-partner.yml"
STEPS = (
    "together, success-factors, motivated-partners, scope, administrative-form, pilot, communicate"
)
FIELDS = (
    "acquisition, cataloguing, expertise, tools, products-services, training, communication, "
    "governance, storage"
)

# (file written under data/, its content, the expected problem). `one of: <partner ids>` and
# `one of: <source ids>` stand for the shipped ids, which grow with the data: a short list is
# spelt out, a long one (more than 12) is named with its size instead.
BAD_INPUTS = [
    pytest.param(
        NEW_CASE,
        changed(CASE, "title: {fr: Un cas, en: A case}", "title: {fr: Un cas, en: A case"),
        (
            f'{CASE_AT}:5:8: file: a brace "{{" or bracket "[" is not closed where it should '
            'be (check the commas and close with "}" or "]"; quote any text containing a comma '
            "or a colon)"
        ),
        id="YAML syntax error",
    ),
    pytest.param(
        NEW_CASE,
        changed(CASE, "  label:", "\tlabel:"),
        (
            f'{CASE_AT}:8:1: file: a tab (→) in the line "→label: {{fr: Une ville, en: A town}}" '
            "(replace the tab with spaces: these files use spaces only)"
        ),
        id="tab",
    ),
    pytest.param(
        NEW_CASE,
        CASE + "status: ended\n",
        f"{CASE_AT}:21:1: status: duplicate key (each key once; first at line 3)",
        id="duplicate key",
    ),
    pytest.param(
        NEW_CASE,
        "",
        (
            f"{CASE_AT}:1:1: file: empty file "
            "(a mapping of the fields described in data/schemas/case-study.schema.json)"
        ),
        id="empty file",
    ),
    pytest.param(
        NEW_PARTNER,
        PARTNER.encode("latin-1"),
        (
            f"{PARTNER_AT}:3:17: file: the file is not saved as UTF-8: byte 0xe9 cannot be read "
            "(save it as UTF-8; GitHub's web editor always does)"
        ),
        id="not UTF-8",
    ),
    pytest.param(
        NEW_CASE,
        CASE.partition("\n")[2],
        (
            f"{CASE_AT}:1:1: file: no schema comment on line 1 "
            "(# yaml-language-server: $schema=../schemas/case-study.schema.json)"
        ),
        id="no schema comment",
    ),
    pytest.param(
        NEW_CASE,
        changed(
            CASE,
            "  label: {fr: Une ville, en: A town}\n",
            "  label: {fr: Une ville, en: A town}\n  population: 5000\n",
        ),
        f"{CASE_AT}:9:3: territory.population: unknown key (one of: country, region, label, scale)",
        id="unknown key",
    ),
    pytest.param(
        NEW_CASE,
        CASE + "lesons:\n  - {fr: Une leçon., en: A lesson.}\n",
        (
            f"{CASE_AT}:21:1: lesons: unknown key (one of: id, status, title, summary, territory, "
            "milestones, partners, fields, administrative_form, key_figures, steps, gains, "
            "drawbacks, governance, funding, lessons, sources, contributors, added, updated, life_cycle)"
        ),
        id="unknown top-level key",
    ),
    pytest.param(
        NEW_PARTNER,
        changed(PARTNER, "website:", "websit:"),
        (
            f"{PARTNER_AT}:5:1: websit: unknown key (one of: id, name, type, country, region, "
            "website, identifiers, competences, description, contributors, added, updated, life_cycle)"
        ),
        id="unknown top-level key of a partner",
    ),
    pytest.param(
        NEW_CASE,
        changed(CASE, "  country: france\n", ""),
        (
            f"{CASE_AT}:7:3: territory.country: missing field (the country where the partners "
            "pool their resources (a network with partners abroad: the country it is based in), "
            "an id from the countries vocabulary)"
        ),
        id="no country",
    ),
    pytest.param(
        NEW_CASE,
        changed(CASE, "  country: france\n", "  country: fr\n"),
        (
            f"{CASE_AT}:7:12: territory.country: unknown country 'fr' "
            "(one of: france, belgium, switzerland, luxembourg, canada)"
        ),
        id="unknown country",
    ),
    pytest.param(
        NEW_CASE,
        changed(
            changed(CASE, "status: realised", "status: abandoned"),
            '  - {date: "2012-06", event: {fr: Fin., en: End.}, marks: end, source: boussou-2014}\n',
            "",
        ),
        (
            f"{CASE_AT}:3:9: status: 'abandoned' says the project is over, but no milestone "
            "marks its end (a dated milestone with 'marks: end' saying when and why it ended, "
            "with its source)"
        ),
        id="abandoned without an end",
    ),
    pytest.param(
        NEW_CASE,
        changed(CASE, '{date: "2010",', "{date: 2010,"),
        (
            f"{CASE_AT}:10:12: milestones[0].date: wrong type, found the number 2010 "
            '(a partial ISO date in quotes: "2014", "2014-06" or "2014-06-23")'
        ),
        id="wrong type",
    ),
    pytest.param(
        NEW_CASE,
        changed(CASE, "administrative_form: charter\n", ""),
        (
            f"{CASE_AT}:2:1: administrative_form: missing field "
            "(an id from the administrative_forms vocabulary)"
        ),
        id="missing field",
    ),
    pytest.param(
        NEW_CASE,
        changed(CASE, "{fr: Un cas, en: A case}", "{fr: Un cas}"),
        f"{CASE_AT}:4:8: title.en: missing translation "
        "(English text, one line, at most 300 characters)",
        id="missing translation",
    ),
    pytest.param(
        NEW_CASE,
        changed(CASE, "{fr: Un cas, en: A case}", "{fr: Un cas, en: ' '}"),
        f"{CASE_AT}:4:25: title.en: empty translation "
        "(English text, one line, at most 300 characters)",
        id="empty translation",
    ),
    pytest.param(
        "glossary.yml",
        GLOSSARY,
        (
            "data/glossary.yml:6:9: terms[1].id: duplicate id 'ist' "
            "(ids unique in terms; first used at line 3)"
        ),
        id="duplicate id",
    ),
    pytest.param(
        "partners/other-name.yml",
        PARTNER,
        (
            "data/partners/other-name.yml:2:5: id: 'new-partner' differs from the file name "
            "(other-name, the file name without .yml)"
        ),
        id="id differs from file name",
    ),
    pytest.param(
        NEW_CASE,
        changed(CASE, "partner: cnfpt", "partner: nobody"),
        f"{CASE_AT}:13:15: partners[0].partner: unknown partner 'nobody' (one of: <partner ids>)",
        id="unknown partner",
    ),
    pytest.param(
        NEW_CASE,
        changed(CASE, "sources: [boussou-2014]", "sources: [boussou-2041]"),
        # Among the 179 sources, the one meant rather than a list or a count (messages.choices).
        f"{CASE_AT}:19:11: sources[0]: unknown source 'boussou-2041' (did you mean boussou-2014?)",
        id="unknown source",
    ),
    pytest.param(
        NEW_CASE,
        changed(CASE, "step: scope", "step: conclusion"),
        f"{CASE_AT}:17:11: steps[0].step: unknown step 'conclusion' (one of: {STEPS})",
        id="unknown step",
    ),
    pytest.param(
        NEW_CASE,
        changed(CASE, "fields: [tools]", "fields: [tools, knitting]"),
        f"{CASE_AT}:14:17: fields[1]: unknown field 'knitting' (one of: {FIELDS})",
        id="unknown vocabulary term",
    ),
    pytest.param(
        NEW_PARTNER,
        changed(PARTNER, "https://www.example.org", "javascript:alert(1)"),
        (
            f"{PARTNER_AT}:5:10: website: invalid URL 'javascript:alert(1)' "
            "(a web address starting with http:// or https://)"
        ),
        id="javascript URL",
    ),
    pytest.param(
        NEW_PARTNER,
        changed(PARTNER, "https://www.example.org", "www.example.org"),
        (
            f"{PARTNER_AT}:5:10: website: invalid URL 'www.example.org' "
            "(a web address starting with http:// or https://)"
        ),
        id="malformed URL",
    ),
    pytest.param(
        NEW_CASE,
        changed(
            CASE,
            "  label: {fr: Une ville, en: A town}\n",
            "  label: {fr: Une ville, en: A town}\n"
            f"  scale: {{libraries: 3, year: {THIS_YEAR + 1}, source: boussou-2014}}\n",
        ),
        (
            f"{CASE_AT}:9:31: territory.scale.year: year {THIS_YEAR + 1} is in the future "
            f"(a year up to {THIS_YEAR})"
        ),
        id="year in the future",
    ),
    pytest.param(
        NEW_CASE,
        changed(
            CASE,
            '  - {date: "2010", event: {fr: Début., en: Start.}, marks: start, source: boussou-2014}\n'
            '  - {date: "2012-06", event: {fr: Fin., en: End.}, marks: end, source: boussou-2014}\n',
            '  - {date: "2009", event: {fr: Fin., en: End.}, marks: end, source: boussou-2014}\n'
            '  - {date: "2010", event: {fr: Début., en: Start.}, marks: start, source: boussou-2014}\n',
        ),
        (
            f"{CASE_AT}:10:12: milestones[0].date: the end (2009) comes before the start (2010) "
            "(an end after the start)"
        ),
        id="end before start",
    ),
    pytest.param(
        NEW_CASE,
        changed(CASE, '"2020-05-04"', "2026-02-30"),
        f"{CASE_AT}:20:8: added: no such day '2026-02-30' (a real day, YYYY-MM-DD)",
        id="day that does not exist",
    ),
    pytest.param(
        NEW_PARTNER,
        changed(PARTNER, '"2020-05-04"', "21/11/2026"),
        (
            f"{PARTNER_AT}:7:8: added: invalid date '21/11/2026' "
            "(a day written YYYY-MM-DD, in quotes or not, e.g. 2026-11-21, not in the future)"
        ),
        id="day in another format",
    ),
    pytest.param(
        NEW_PARTNER,
        changed(PARTNER, '"2020-05-04"', f"{THIS_YEAR + 1}-01-01"),
        (
            f"{PARTNER_AT}:7:8: added: {THIS_YEAR + 1}-01-01 is in the future "
            f"(a day up to {date.today().isoformat()})"
        ),
        id="day in the future",
    ),
    pytest.param(
        NEW_CASE,
        CASE + "updated: 2020-05-03\n",
        (
            f"{CASE_AT}:21:10: updated: 2020-05-03 is before the day it was added "
            "(a day from 2020-05-04 on)"
        ),
        id="updated before added",
    ),
    pytest.param(
        NEW_CASE,
        changed(CASE, '"2012-06"', '"2009"'),
        (
            f"{CASE_AT}:11:12: milestones[1].date: 2009 comes before the milestone above it "
            "(2010) (milestones in date order)"
        ),
        id="milestones out of order",
    ),
    pytest.param(
        NEW_CASE,
        changed(CASE, "marks: end", "marks: start"),
        (
            f"{CASE_AT}:11:59: milestones[1].marks: a second milestone marks the start "
            "(at most one 'start', already at line 10)"
        ),
        id="two starts",
    ),
    pytest.param(
        NEW_CASE,
        changed(CASE, '"2012-06"', '"2012-13"'),
        (
            f"{CASE_AT}:11:12: milestones[1].date: invalid date '2012-13' "
            '(a partial ISO date in quotes: "2014", "2014-06" or "2014-06-23")'
        ),
        id="impossible month",
    ),
    pytest.param(
        NEW_CASE,
        changed(
            CASE, "    why: {fr: Le périmètre est écrit., en: The scope is written down.}\n", ""
        ),
        (
            f"{CASE_AT}:17:5: steps[0].why: missing field (why this case illustrates this step, "
            "shown on the step's page, {fr: ..., en: ...})"
        ),
        id="step without why",
    ),
    pytest.param(
        NEW_CASE,
        changed(
            CASE,
            "  - {partner: cnfpt, role: member, source: boussou-2014}\n",
            "  - {partner: cnfpt, source: boussou-2014}\n",
        ),
        (
            f"{CASE_AT}:13:5: partners[0].role: missing field "
            "(an id from the partner_roles vocabulary (lead, member, funder, training-provider, "
            "supplier))"
        ),
        id="partner without role",
    ),
    pytest.param(
        NEW_CASE,
        changed(CASE, "role: member", "role: sponsor"),
        (
            f"{CASE_AT}:13:28: partners[0].role: unknown partner role 'sponsor' "
            "(one of: lead, member, funder, training-provider, supplier)"
        ),
        id="unknown role",
    ),
    pytest.param(
        NEW_PARTNER,
        PARTNER + "competences:\n  - {competence: training}\n",
        (
            f"{PARTNER_AT}:9:5: competences[0].source: missing field "
            "(the id of the source that shows it, from data/sources.yml)"
        ),
        id="competence without source",
    ),
    pytest.param(
        "case-studies/new-case.yaml",
        CASE,
        "data/case-studies/new-case.yaml:1:1: file: not a .yml file (only <id>.yml files)",
        id="wrong extension",
    ),
    pytest.param(
        "links.yml",
        "# yaml-language-server: $schema=schemas/links.schema.json\nhome: /\n",
        (
            "data/links.yml:1:1: file: no schema for this file (one of: vocabularies.yml, "
            "sources.yml, glossary.yml, interface.yml, terminology.yml, messages.yml, "
            "translations.lock.yml, short-links.yml, accessibility.yml, reviews.yml, changes.yml,"
            " life-cycle.yml, partners/<id>.yml, case-studies/<id>.yml)"
        ),
        id="file without schema",
    ),
    # --- Bounded input and what a text may contain (notes/security.md) ---
    pytest.param(
        NEW_CASE,
        changed(CASE, "title: {fr: Un cas, en: A case}", "title: &name {fr: Un cas, en: A case}"),
        (
            f"{CASE_AT}:4:8: file: YAML anchor or alias &name is not allowed "
            "(each value written out in full, without & anchors or * aliases)"
        ),
        id="YAML anchor",
    ),
    pytest.param(
        NEW_CASE,
        ALIAS_BOMB,
        (
            f"{CASE_AT}:2:4: file: YAML anchor or alias &a is not allowed "
            "(each value written out in full, without & anchors or * aliases)"
        ),
        id="nested aliases",
    ),
    pytest.param(
        NEW_CASE,
        CASE + "# " + "x" * 70_000 + "\n",
        (
            f"{CASE_AT}:1:1: file: file too large, {len(CASE.encode()) + 70_003} bytes "
            "(at most 65536 bytes: split it or shorten it)"
        ),
        id="file too large",
    ),
    pytest.param(
        NEW_CASE,
        changed(CASE, "en: A case}", f"en: {'A case ' * 50}}}"),
        (f"{CASE_AT}:4:25: title.en: too long, 349 characters (at most 300 characters)"),
        id="text too long",
    ),
    pytest.param(
        NEW_CASE,
        changed(CASE, "en: A case}", 'en: "A case\\nwith a second line"}'),
        (
            f"{CASE_AT}:4:25: title.en: line break (U+000A) in one-line text "
            "(one line of plain text, without control or text-direction characters)"
        ),
        id="line break in one-line text",
    ),
    pytest.param(
        NEW_CASE,
        changed(CASE, "Shared books.}", 'Shared \u202eskoob."}').replace(
            "en: Shared", 'en: "Shared'
        ),
        (
            f"{CASE_AT}:5:42: summary.en: invisible text-direction character U+202E "
            "(plain text, without control or text-direction characters)"
        ),
        id="direction override",
    ),
    # Invisible characters (Unicode's format characters), named, in a text, an id, a URL
    pytest.param(
        NEW_CASE,
        changed(CASE, "en: A case}", 'en: "A ca\u00adse"}'),
        (
            f"{CASE_AT}:4:25: title.en: invisible character U+00AD (SOFT HYPHEN) "
            "(one line of plain text, without control or text-direction characters)"
        ),
        id="soft hyphen",
    ),
    pytest.param(
        NEW_CASE,
        changed(CASE, "en: A case}", 'en: "A case\U000e0069\U000e0067\U000e006e"}'),
        (
            f"{CASE_AT}:4:25: title.en: invisible character U+E0069 (TAG LATIN SMALL LETTER I) "
            "(one line of plain text, without control or text-direction characters)"
        ),
        id="Unicode tag characters",
    ),
    pytest.param(
        NEW_CASE,
        changed(CASE, "Shared books.}", '"Shared\u200fbooks."}'),
        (
            f"{CASE_AT}:5:42: summary.en: invisible text-direction character U+200F "
            "(plain text, without control or text-direction characters)"
        ),
        id="right-to-left mark",
    ),
    pytest.param(
        NEW_CASE,
        changed(CASE, "fields: [tools]", 'fields: ["to\u200bols"]'),
        (
            f"{CASE_AT}:14:10: fields[0]: invisible character U+200B (ZERO WIDTH SPACE) "
            "(delete it: type the characters around it again, or paste the text as plain text)"
        ),
        id="zero-width space in an id",
    ),
    pytest.param(
        NEW_PARTNER,
        changed(PARTNER, "https://www.example.org", '"https://www.example.org/\u2060a"'),
        (
            f"{PARTNER_AT}:5:10: website: invisible character U+2060 (WORD JOINER) "
            "(delete it: type the characters around it again, or paste the text as plain text)"
        ),
        id="word joiner in a URL",
    ),
    pytest.param(
        NEW_CASE,
        changed(CASE, "fields: [tools]", "fields: [tools]\n\u200dnotes: x"),
        (
            f"{CASE_AT}:15:1: \u200dnotes: invisible character U+200D (ZERO WIDTH JOINER) "
            "(delete it: type the characters around it again, or paste the text as plain text)"
        ),
        id="zero-width joiner in a key",
    ),
    # Numbers that are not numbers: the open data would not be JSON
    *(
        pytest.param(
            NEW_CASE,
            changed(
                CASE,
                "fields: [tools]",
                "key_figures:\n  - {label: {fr: Prêts, en: Loans}, value: "
                + written
                + ", undated: true, source: boussou-2014}\nfields: [tools]",
            ),
            (
                f'{CASE_AT}:15:44: key_figures[0].value: "{shown}" is not a number '
                "(write the number in digits, or remove the field)"
            ),
            id=f"{written} as a number",
        )
        for written, shown in ((".nan", "nan"), ("-.inf", "-inf"), ("1.0e+999", "inf"))
    ),
    # Depth, bounded before anything walks the file
    pytest.param(
        NEW_CASE,
        changed(CASE, "fields: [tools]", "fields: " + "[" * 2000 + "tools" + "]" * 2000),
        (
            f"{CASE_AT}:14:20: file: more than 12 levels of nested lists or fields "
            '(no data file needs that many: check that each bracket "[" and each brace is closed)'
        ),
        id="brackets nested 2000 deep",
    ),
    pytest.param(
        NEW_CASE,
        changed(CASE, "Shared books.}", 'Shared\\u0007 books."}').replace(
            "en: Shared", 'en: "Shared'
        ),
        (
            f"{CASE_AT}:5:42: summary.en: control character U+0007 "
            "(plain text, without control or text-direction characters)"
        ),
        id="control character",
    ),
    pytest.param(
        "glossary.yml",
        GLOSSARY.replace(
            "- id: ist\n    term: {fr: IST, en: STI}\n    definition: {fr: Encore",
            "- id: sti\n    term: {fr: IST, en: 'S\\TI'}\n    definition: {fr: Encore",
        ),
        (
            "data/glossary.yml:7:25: terms[1].term.en: invalid term 'S\\\\TI' "
            "(a term without [, ] or \\ (they would break its tooltip on every page))"
        ),
        id="glossary term breaking its tooltip",
    ),
]


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the shipped data, to break."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    return copy


@pytest.mark.parametrize(("file", "content", "expected"), BAD_INPUTS)
def test_each_mistake_is_reported_at_its_place(data_copy, file, content, expected):
    path = data_copy / file
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(DataError) as caught:
        load_site_data(data_copy)
    for placeholder, name, ids in [
        ("<partner ids>", "partners", list(shipped().partners)),
        ("<source ids>", "sources", list(shipped().sources)),
    ]:
        listed = (
            f"one of: {', '.join(ids)}" if len(ids) <= 12 else f"one of the {len(ids)} {name} ids"
        )
        expected = expected.replace(f"one of: {placeholder}", listed)
    assert str(caught.value).splitlines() == [expected]


def test_every_problem_is_reported_at_once(data_copy):
    (data_copy / NEW_CASE).write_text(changed(CASE, "status: realised", "status: done"), "utf-8")
    (data_copy / NEW_PARTNER).write_text(
        changed(PARTNER, "type: library-network", "type: shop"), "utf-8"
    )
    with pytest.raises(DataError) as caught:
        load_site_data(data_copy)
    assert [f"{problem.file}:{problem.field}" for problem in caught.value.problems] == [
        f"{CASE_AT}:status",
        f"{PARTNER_AT}:type",
    ]


def test_yes_no_and_dates_stay_text(data_copy):
    """YAML 1.1 would read `Non` as false and 2014-06-23 as a date; writers mean text."""
    (data_copy / NEW_PARTNER).write_text(
        changed(PARTNER, "{fr: Une médiathèque, en: A library}", "{fr: Non, en: 2014-06-23}"),
        "utf-8",
    )
    site = load_site_data(data_copy)
    assert site.partners["new-partner"].name["fr"] == "Non"
    assert site.partners["new-partner"].name["en"] == "2014-06-23"


# --- The shipped data --------------------------------------------------------------------------


def test_shipped_data_is_valid():
    site = shipped()
    for kind in KINDS:
        files = sorted(p.stem for p in (DATA / kind.name).glob("*.yml"))
        assert list(site.records[kind.name]) == files, kind.name
    assert all(site.records[kind.name] for kind in KINDS)


def test_partners_list_the_case_studies_that_name_them():
    site = shipped()
    for partner in site.partners.values():
        naming = [
            case
            for case in site.case_studies.values()
            if partner in [link.partner for link in case.partners]
        ]
        assert partner.case_studies == naming
    sivu = "sivu-inforoutes-ardeche"
    assert site.partners[sivu].case_studies == [site.case_studies[sivu]]


def data_files() -> list[Path]:
    return sorted(p for p in DATA.rglob("*") if p.suffix in (".yml", ".yaml"))


@pytest.mark.parametrize("path", data_files(), ids=lambda p: p.relative_to(DATA).as_posix())
def test_every_data_file_names_its_schema_on_line_one(path: Path):
    """So that editors (yaml-language-server) complete fields and flag errors as you type."""
    schemas = {kind.name: kind.schema.removesuffix(".schema.json") for kind in KINDS}
    kind = schemas.get(path.parent.name, path.stem)
    first_line = path.read_text(encoding="utf-8").partition("\n")[0]
    prefix = "# yaml-language-server: $schema="
    assert first_line.startswith(prefix)
    schema = (path.parent / first_line.removeprefix(prefix)).resolve()
    assert schema == DATA / "schemas" / f"{kind}.schema.json"
    assert schema.is_file()


@pytest.mark.parametrize("path", sorted((DATA / "schemas").glob("*.json")), ids=lambda p: p.name)
def test_every_schema_is_a_valid_json_schema(path: Path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("path", sorted((DATA / "schemas").glob("*.json")), ids=lambda p: p.name)
def test_every_schema_of_a_data_file_states_how_large_the_file_may_be(path: Path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    if path.name != "common.schema.json":  # definitions only, no file of its own
        assert 1_000 <= schema["x-max-file-bytes"] <= 1_000_000


def test_templates_are_valid_once_copied(data_copy):
    """A contributor who copies the templates starts from valid files."""
    for kind in KINDS:  # each kind's template is named after its schema: case-study.yml
        template = DATA / "templates" / kind.schema.replace(".schema.json", ".yml")
        shutil.copy(template, data_copy / kind.name / "example.yml")
    site = load_site_data(data_copy)
    assert site.partners["example"].case_studies == [site.case_studies["example"]]


# --- The command behind `make validate` --------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "summary"),
    [
        ("C.UTF-8", r"data is valid: \d+ partners, \d+ case studies, \d+ sources, "),
        ("fr_FR.UTF-8", r"data est valable : \d+ partenaires, \d+ études de cas, \d+ sources, "),
    ],
)
def test_validate_command_prints_a_summary_in_the_contributors_language(
    capsys, monkeypatch, locale, summary
):
    monkeypatch.chdir(ROOT)
    for name in ("GITHUB_ACTIONS", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", locale)
    assert validate_main(["data"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert re.match(summary, line), line


def test_validate_command_prints_every_problem_and_fails(data_copy, capsys, monkeypatch):
    monkeypatch.chdir(data_copy.parent)
    for name in ("GITHUB_ACTIONS", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")  # English (in French: tests/test_contributor_messages.py)
    (data_copy / NEW_CASE).write_text(changed(CASE, "status: realised", "status: done"), "utf-8")
    statuses = ", ".join(shipped().vocabularies.status)  # the vocabulary's order
    assert validate_main(["data"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{CASE_AT}:3:9: status: unknown status 'done' (one of: {statuses})",
        "1 problem",
    ]


# --- Bounded input (notes/security.md) ----------------------------------------------------------


@pytest.mark.parametrize("target_is_folder", [False, True], ids=["file", "folder"])
def test_a_symbolic_link_in_data_is_named_and_its_target_never_read(
    data_copy, tmp_path, target_is_folder
):
    secret = tmp_path / "outside" / "secret.yml"
    secret.parent.mkdir()
    secret.write_text("password: TOP-SECRET\n", encoding="utf-8")
    link = data_copy / "partners" / ("more" if target_is_folder else "leak.yml")
    link.symlink_to(secret.parent if target_is_folder else secret)
    with pytest.raises(DataError) as caught:
        load_site_data(data_copy)
    shown = link.relative_to(tmp_path).as_posix()
    assert str(caught.value).splitlines() == [
        f"{shown}:1:1: file: symbolic link "
        "(a regular file or folder: links are refused, their target is never read)"
    ]


def test_validate_refuses_nested_aliases_at_once(data_copy):
    """`make validate` on a "billion laughs" file: the first anchor stops it, naming the file
    (unguarded, the loader ran for tens of seconds into a MemoryError: the timeout fails it)."""
    (data_copy / NEW_CASE).write_text(ALIAS_BOMB, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "macros.contribute.check_data", "data"],
        cwd=data_copy.parent,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.startswith(f"{CASE_AT}:2:4: YAML anchor or alias &a is not allowed")


# --- Partner identifiers (macros/model/identifiers.py) ------------------------------------------

# Each scheme with a check digit, a real identifier with its last character changed, and what
# that character should be. The real ones: the BnF's SIREN (data/partners/bnf.yml), the CNRS's
# ROR id, an IdRef of a stored HAL record; the tests below check that they pass untouched.
WRONG_CHECK = [
    ("ror", "02feahw73", "02feahw74", "73", "ror.org"),
    ("siren", "180046252", "180046253", "2", "annuaire-entreprises.data.gouv.fr"),
    ("idref", "116736127", "11673612X", "7", "idref.fr"),
]
# Each scheme, an identifier in the wrong form, and the form the message asks for.
WRONG_FORM = [
    (
        "ror",
        "https://ror.org/02feahw73",
        "0, six letters or digits, then two check digits, without https://ror.org/",
    ),
    (
        "isil",
        "751052116",
        "a country prefix in capitals and a hyphen (FR-, CH-, BE-), then up to 11 letters, "
        "digits, ':', '/' or '-'",
    ),
    ("siren", "180 046 252", "9 digits, without spaces"),
    ("wikidata", "wikidata:Q90", "Q followed by digits, without the wikidata.org address"),
    (
        "idref",
        "11673612",
        "8 digits then a check character (a digit or X), without the idref.fr address",
    ),
]


def at_identifier(scheme: str) -> str:
    """Where the value of `identifiers.<scheme>` starts in partner_with's file."""
    return f"{PARTNER_AT}:7:{len(f'  {scheme}: ') + 1}"


def partner_with(scheme: str, value: str) -> str:
    return changed(
        PARTNER,
        "website: https://www.example.org\n",
        f'website: https://www.example.org\nidentifiers:\n  {scheme}: "{value}"\n',
    )


def problem_lines(data_copy, text: str) -> dict[str, list[str]]:
    """What `make validate` prints for the new partner, in French and in English."""
    (data_copy / NEW_PARTNER).write_text(text, "utf-8")
    with pytest.raises(DataError) as caught:
        load_site_data(data_copy)
    return {
        language: [messages.in_language(found, language) for found in caught.value.problems]
        for language in ("fr", "en")
    }


@pytest.mark.parametrize(("scheme", "right", "wrong", "digit", "register"), WRONG_CHECK)
def test_a_wrong_check_digit_is_named_at_its_line_in_both_languages(
    data_copy, scheme, right, wrong, digit, register
):
    name = SCHEMES[scheme].name
    assert problem_lines(data_copy, partner_with(scheme, wrong)) == {
        "fr": [
            f"{at_identifier(scheme)}: identifiers.{scheme}: la clé de contrôle de l'identifiant "
            f"{name} « {wrong} » est fausse (recopiez-le depuis {register} ; avec ces premiers "
            f"caractères, il finirait par {digit})"
        ],
        "en": [
            f"{at_identifier(scheme)}: identifiers.{scheme}: the check digit of {name} identifier "
            f"'{wrong}' is wrong (copy it again from {register}; with these first characters "
            f"it would end in {digit})"
        ],
    }
    (data_copy / NEW_PARTNER).write_text(partner_with(scheme, right), "utf-8")
    partner = load_site_data(data_copy).partners["new-partner"]
    assert partner.identifier(scheme) == right


@pytest.mark.parametrize(("scheme", "wrong", "form"), WRONG_FORM)
def test_an_identifier_in_the_wrong_form_is_named_with_the_form_expected(
    data_copy, scheme, wrong, form
):
    lines = problem_lines(data_copy, partner_with(scheme, wrong))
    name = SCHEMES[scheme].name
    assert lines["en"] == [
        f"{at_identifier(scheme)}: identifiers.{scheme}: '{wrong}' is not in the form of a "
        f"{name} identifier ({form})"
    ]
    [french] = lines["fr"]
    assert french.startswith(
        f"{at_identifier(scheme)}: identifiers.{scheme}: « {wrong} » n'a pas la forme d'un "
        f"identifiant {name} ("
    )


@pytest.mark.parametrize(
    ("check", "known"),
    [
        # IdRef ids of HAL records stored with the sources (hal.science TEI exports)
        (idref_check, ["116736127", "166290904", "143794957", "050806181", "033483809"]),
        # SIRENs the stored Wikipedia pages give: the BnF's, and the Abes's within its VAT number
        (luhn_check, ["180046252", "180044224"]),
        (ror_check, ["02feahw73"]),  # the CNRS
        # ORCID's documentation examples (fictitious people), one ending in X
        (orcid_check, ["0000-0002-1825-0097", "0000-0001-5109-3700", "0000-0002-1694-233X"]),
    ],
    ids=["idref", "siren", "ror", "orcid"],
)
def test_the_check_digits_of_real_identifiers_check(check, known):
    assert [value for value in known if not value.endswith(check(value))] == []


def test_an_unknown_identifier_scheme_is_refused_by_the_schema(data_copy):
    lines = problem_lines(data_copy, partner_with("orcid", "0000-0001-7408-3089"))
    assert lines["en"] == [
        f"{PARTNER_AT}:7:3: identifiers.orcid: unknown key "
        "(one of: ror, isil, siren, wikidata, idref)"
    ]


# --- Contributors' ORCID iDs (macros/model/identifiers.py) ---------------------------------------


def case_crediting(orcid: str) -> str:
    """The new case study crediting one contributor with `orcid`, on line 22, column 12."""
    return changed(
        CASE,
        'added: "2020-05-04"\n',
        f'contributors:\n  - name: Camille Exemple\n    orcid: "{orcid}"\nadded: "2020-05-04"\n',
    )


def test_a_contributor_s_orcid_with_a_wrong_check_digit_stops_make_validate(
    data_copy, capsys, monkeypatch
):
    (data_copy / NEW_CASE).write_text(case_crediting("0000-0002-1825-0096"), "utf-8")
    monkeypatch.chdir(data_copy.parent)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")  # both languages, as in CI
    assert validate_main(["data"]) == 1
    printed = capsys.readouterr().err
    assert (
        f"{CASE_AT}:22:12: contributors[0].orcid: la clé de contrôle de l'identifiant ORCID "
        "« 0000-0002-1825-0096 » est fausse (recopiez-le depuis orcid.org ; avec ces premiers "
        "caractères, il finirait par 7)"
    ) in printed
    assert (
        f"{CASE_AT}:22:12: contributors[0].orcid: the check digit of ORCID identifier "
        "'0000-0002-1825-0096' is wrong (copy it again from orcid.org; with these first "
        "characters it would end in 7)"
    ) in printed


def test_a_contributor_s_orcid_given_as_an_address_is_refused_with_the_form_expected(data_copy):
    (data_copy / NEW_CASE).write_text(
        case_crediting("https://orcid.org/0000-0002-1825-0097"), "utf-8"
    )
    with pytest.raises(DataError) as caught:
        load_site_data(data_copy)
    [problem] = caught.value.problems
    assert messages.in_language(problem, "en") == (
        f"{CASE_AT}:22:12: contributors[0].orcid: 'https://orcid.org/0000-0002-1825-0097' is not "
        "in the form of a ORCID identifier (four groups of four digits joined by hyphens, the "
        "last character possibly X, without https://orcid.org/)"
    )
    assert messages.in_language(problem, "fr").startswith(
        f"{CASE_AT}:22:12: contributors[0].orcid: « https://orcid.org/0000-0002-1825-0097 » n'a "
        "pas la forme d'un identifiant ORCID ("
    )


def test_contributors_are_optional_and_each_needs_only_a_name(data_copy):
    (data_copy / NEW_CASE).write_text(case_crediting("0000-0002-1825-0097"), "utf-8")
    case = load_site_data(data_copy).case_studies["new-case"]
    assert [(c.name, c.orcid, c.institution) for c in case.contributors] == [
        ("Camille Exemple", "0000-0002-1825-0097", None)
    ]
    (data_copy / NEW_CASE).write_text(CASE, "utf-8")
    assert load_site_data(data_copy).case_studies["new-case"].contributors == ()


def test_a_messages_file_that_cannot_be_read_is_told_by_its_line_and_key(tmp_path):
    """data/messages.yml words every problem, its own too: when it cannot be read, its problem
    is told by its place and its key, not by the words it cannot give."""
    project = copy_project(tmp_path)
    words = project / "data" / "messages.yml"
    words.write_text(words.read_text("utf-8") + "broken:\n\tfr: tab\n", "utf-8")
    line = len(words.read_text("utf-8").splitlines())
    result = run_in_copy(project, "-m", "macros.contribute.check_data", "data")
    assert result.returncode != 0
    assert result.stderr.splitlines()[-1] == (
        f"macros.model.data.DataError: data/messages.yml:{line}:1: file: yaml.tab ()"
    )


# --- Loading again after an edit ---------------------------------------------------------------


def checked_files(monkeypatch) -> list[str]:
    """The files the next loads check against their schema, in order."""
    checked: list[str] = []
    original = SchemaChecker.check

    def check(self, parsed, schema_name):
        checked.append(parsed.shown_path)
        return original(self, parsed, schema_name)

    monkeypatch.setattr(SchemaChecker, "check", check)
    return checked


def test_a_new_record_is_checked_alone_and_a_file_again_when_an_id_it_had_goes(
    data_copy, monkeypatch
):
    """A load after an edit (`make serve`, the next test) checks only what may have changed: a
    new record, but not the files that passed before, since more ids cannot make a reference
    wrong. A file that passed while an id existed is checked again once the id is gone."""
    load_site_data(data_copy)
    checked = checked_files(monkeypatch)
    (data_copy / NEW_PARTNER).write_text(PARTNER, "utf-8")
    citing = changed(CASE, "partner: cnfpt", "partner: new-partner")
    (data_copy / NEW_CASE).write_text(citing, "utf-8")
    assert load_site_data(data_copy).case_studies["new-case"].partners
    assert sorted(checked) == [CASE_AT, PARTNER_AT]

    checked.clear()
    (data_copy / NEW_PARTNER).unlink()
    with pytest.raises(DataError) as caught:
        load_site_data(data_copy)
    assert [f"{problem.file}:{problem.field}" for problem in caught.value.problems] == [
        f"{CASE_AT}:partners[0].partner"
    ]
    assert checked == [CASE_AT]
