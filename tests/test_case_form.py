"""The "propose a case study" form agrees with `make validate`.

One table of inputs, a valid case and the mistakes contributors make, is fed both to the form in
a real browser (typed into its fields, as a contributor would) and to the Python validator (as
a file in a copy of data/, read by the same loader `make validate` runs). Both must give the
same verdict and the same message keys, field by field. The valid case's YAML, as the form
writes it, passes `make validate` unchanged; the form with its errors shown passes axe; and
every control has a label, every error is tied to its control.
"""

from __future__ import annotations

import copy
import json
import shutil
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from conftest import CONTACT, ROOT
from every_page import axe_violations

from macros.model import messages
from macros.model.data import DataError
from macros.registry import load_site_data
from tools.project import copy_project, run_in_copy

PAGE = {"fr": "proposer-un-cas/", "en": "en/proposer-un-cas/"}
SOURCE = "boussou-2014"
VALID = {
    "id": "reseau-du-formulaire",
    "status": "in-progress",
    "title": {"fr": "Le réseau du formulaire", "en": "The form's network"},
    "summary": {
        "fr": "Des bibliothèques partagent un catalogue : « à suivre ».",
        "en": 'Libraries share a catalogue: "to be continued".',
    },
    "territory": {"country": "france", "label": {"fr": "Bocage", "en": "Bocage country"}},
    "fields": ["cataloguing", "tools"],
    "administrative_form": "charter",
    "key_figures": [
        {
            "label": {"fr": "Bibliothèques", "en": "Libraries"},
            "value": 12,
            "year": 2020,
            "source": SOURCE,
        },
        {
            "label": {"fr": "Budget", "en": "Budget"},
            "value": 17.5,
            "unit": {"fr": "k€", "en": "k€"},
            "undated": True,
            "source": SOURCE,
        },
    ],
    "steps": [
        {"step": "together", "why": {"fr": "Ils font ensemble.", "en": "They act together."}}
    ],
    "sources": [SOURCE],
}


def changed(change) -> dict:
    record = copy.deepcopy(VALID)
    change(record)
    return record


def without_year(record):
    del record["key_figures"][0]["year"]


# (name, input, the expected (field, message key) pairs: the specification both must meet)
CASES = [
    ("valid", VALID, set()),
    ("no title", changed(lambda r: r.pop("title")), {("title", "schema.missing_field")}),
    (
        "English left empty",
        changed(lambda r: r["summary"].pop("en")),
        {("summary.en", "schema.missing_translation")},
    ),
    (
        "unknown source id",
        changed(lambda r: r["key_figures"][0].update(source="boussou-2041")),
        {("key_figures[0].source", "schema.unknown.sources")},
    ),
    (
        "unknown source in the list",
        changed(lambda r: r["sources"].append("nowhere")),
        {("sources[1]", "schema.unknown.sources")},
    ),
    (
        "a year to come",
        changed(lambda r: r["key_figures"][0].update(year=date.today().year + 1)),
        {("key_figures[0].year", "schema.future_year")},
    ),
    (
        "a year too old",
        changed(lambda r: r["key_figures"][0].update(year=1850)),
        {("key_figures[0].year", "schema.out_of_range")},
    ),
    (
        "a year in words",
        changed(lambda r: r["key_figures"][0].update(year="vers 2010")),
        {("key_figures[0].year", "schema.wrong_type")},
    ),
    (
        "a key figure without year nor undated",
        changed(without_year),
        {("key_figures[0]", "case.without_year")},
    ),
    (
        "a key figure dated and undated",
        changed(lambda r: r["key_figures"][0].update(undated=True)),
        {("key_figures[0].undated", "case.dated_and_undated")},
    ),
    (
        "a value in words",
        changed(lambda r: r["key_figures"][0].update(value="douze")),
        {("key_figures[0].value", "schema.wrong_type")},
    ),
    (
        "an id with capitals",
        changed(lambda r: r.update(id="Reseau-Form")),
        {("id", "schema.invalid")},
    ),
    ("no field chosen", changed(lambda r: r.update(fields=[])), {("fields", "schema.empty_list")}),
    (
        "a step twice",
        changed(lambda r: r["steps"].append(copy.deepcopy(r["steps"][0]))),
        {("steps[1].step", "case.step_twice")},
    ),
    (
        "a zero-width space in a title",
        changed(lambda r: r["title"].update(fr="Le réseau\u200bdu formulaire")),
        {("title.fr", "text.invisible_character")},
    ),
]


# The régions (a territory's `region`), where the case schema has them.
TERRITORY = json.loads((ROOT / "data/schemas/case-study.schema.json").read_text("utf-8"))[
    "properties"
]["territory"]["properties"]
if "region" in TERRITORY:
    CASES += [
        (
            "a région in France",
            changed(lambda r: r["territory"].update(region="fr-occ")),
            set(),
        ),
        (
            "a French région outside France",
            changed(lambda r: r["territory"].update(country="belgium", region="fr-occ")),
            {("territory.region", "case.region_outside_france")},
        ),
    ]


def full_record(record: dict) -> dict:
    """What the form adds: the day it is written and the partners, named later on GitHub."""
    return {**record, "added": date.today().isoformat(), "partners": []}


# --- The Python side: the loader of `make validate`, on a file in a copy of data/ -----------


@pytest.fixture(scope="module")
def data_copy(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("case-form") / "data"
    shutil.copytree(ROOT / "data", data)
    return data


def python_verdict(data: Path, record: dict) -> set[tuple[str, str]]:
    file_id = record.get("id", "unnamed")
    path = data / "case-studies" / f"{file_id}.yml"
    text = "# yaml-language-server: $schema=../schemas/case-study.schema.json\n"
    path.write_text(text + yaml.safe_dump(full_record(record), allow_unicode=True), "utf-8")
    try:
        load_site_data(data)
        return set()
    except DataError as error:
        shown = f"data/case-studies/{file_id}.yml"
        return {(p.field, p.key) for p in error.problems if p.file == shown}
    finally:
        path.unlink()


# --- The browser side: typed into the form ---------------------------------------------------


def fill(node, value) -> None:
    """Type `value` into the form's node for it (a [data-node] element), as a contributor."""
    kind = node.get_attribute("data-node")
    if kind == "object":
        for key, item in value.items():
            fill(node.locator(f":scope > [data-key='{key}']"), item)
    elif kind == "list":
        rows = node.locator(":scope > ol > li")
        for index, item in enumerate(value):
            if index >= rows.count():
                node.locator(":scope > [data-add]").click()
            fill(rows.nth(index).locator(":scope > [data-node]"), item)
    elif kind == "choices":
        for item in value:
            node.locator(f"input[value='{item}']").check()
    elif kind == "select":
        node.locator("select").select_option(value)
    elif kind == "boolean":
        if value:
            node.locator("input").check()
    else:
        node.locator("input, textarea").fill(str(value))


def submit(tab, record: dict) -> set[tuple[str, str]]:
    for key, value in record.items():
        fill(tab.locator(f"form[data-case-form] > [data-key='{key}']"), value)
    tab.locator("form[data-case-form] [type=submit]").click()
    keys = tab.locator("form[data-case-form]").get_attribute("data-keys") or ""
    return {tuple(line.split(" ", 1)) for line in keys.splitlines()}


@pytest.fixture(scope="module")
def tab(site, browser):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    off_site = []
    page.on(
        "request",
        lambda request: request.url.startswith(site.url) or off_site.append(request.url),
    )
    policy_errors = []
    page.on("console", lambda m: "Content Security Policy" in m.text and policy_errors.append(m))
    page.off_site, page.policy_errors = off_site, policy_errors
    yield page
    context.close()


def open_form(tab, site, language="fr"):
    tab.goto(site.url + PAGE[language], wait_until="load")
    tab.wait_for_selector("form[data-case-form] [data-row-item]")  # the script has run


@pytest.mark.parametrize(("name", "record", "expected"), CASES, ids=[c[0] for c in CASES])
def test_the_form_and_make_validate_give_the_same_verdict(
    name, record, expected, data_copy, tab, site
):
    assert python_verdict(data_copy, record) == expected
    open_form(tab, site)
    assert submit(tab, record) == expected
    assert tab.off_site == []
    assert tab.policy_errors == []


def test_each_problem_is_shown_in_the_page_language_tied_to_its_field(tab, site):
    problem_cases = [case for case in CASES if case[2]]
    for language in ("fr", "en"):
        for _, record, expected in problem_cases[:4]:
            open_form(tab, site, language)
            submit(tab, record)
            summary = tab.locator("[data-error-summary]")
            assert summary.is_visible()
            assert tab.evaluate("document.activeElement.matches('[data-error-summary]')")
            for field, key in expected:
                link = summary.locator(f"a[data-field='{field}']")
                message = messages.catalogue()[key][language]["message"]
                # Where (the field's labels), then the message of data/messages.yml.
                if "{" not in message:
                    assert message in link.inner_text()
                target = tab.locator(link.get_attribute("href"))
                error = tab.locator(f".case-form__error[data-key='{key}']:visible").first
                error_id = error.get_attribute("id")
                # The error is read with its control (or its group), as GOV.UK ties them.
                described = tab.locator(f"[aria-describedby~='{error_id}']")
                assert described.count() == 1
                assert link.inner_text().endswith(error.inner_text())
                link.click()
                assert target.evaluate("element => element === document.activeElement")


def test_the_form_with_its_errors_shown_has_no_axe_violation(browser, site):
    # A page of its own: no pointer left hovering a link by an earlier test.
    context = browser.new_context()
    tab = context.new_page()
    for language in ("fr", "en"):
        open_form(tab, site, language)
        submit(tab, changed(lambda r: (r.pop("title"), without_year(r))))
        assert tab.locator(".case-form__error:visible").count() == 2
        # Scrolling up to the summary brings Material's "back to top" button, fading in.
        tab.locator(".md-top").evaluate(
            "top => Promise.all(top.getAnimations().map(a => a.finished))"
        )
        assert axe_violations(tab) == []
    context.close()


def text_of(element) -> str:
    return "".join(element.find_all(string=True)).strip()


def test_every_control_has_a_label_in_the_page_language(site):
    for language, path in PAGE.items():
        page = site.html(path)
        form = page.select_one("form[data-case-form]")
        controls = form.select("input, select, textarea")
        assert len(controls) > 20
        for control in controls:  # a row's template too: its text is a TemplateString
            label = page.select_one(f"label[for='{control['id']}']")
            assert label, control
            assert text_of(label), control
        for fieldset in form.select("fieldset"):
            assert text_of(fieldset.legend)
        # The vocabularies' labels, in the page's language.
        status = form.select_one("#case-status")
        expected = "En cours" if language == "fr" else "In progress"
        assert status.select_one("option[value='in-progress']").get_text() == expected
        # The schema's own bilingual titles and help.
        figures = form.select_one("#case-key_figures legend").get_text()
        assert figures.startswith("Chiffres clés" if language == "fr" else "Key figures")


def test_the_valid_case_is_offered_three_ways_and_its_yaml_passes_make_validate(
    tab, site, tmp_path
):
    open_form(tab, site, "en")
    assert submit(tab, VALID) == set()
    result = tab.locator("[data-result]")
    assert result.is_visible()
    text = tab.locator("[data-yaml]").input_value()
    assert yaml.safe_load(text) == full_record(VALID)

    # GitHub's new-file editor, with the file named and filled in.
    github = urlsplit(tab.locator("[data-github]").get_attribute("href"))
    assert github.path.endswith("/new/main/data/case-studies")
    assert parse_qs(github.query) == {"filename": [f"{VALID['id']}.yml"], "value": [text]}
    # The download.
    with tab.expect_download() as download:
        tab.locator("[data-download]").click()
    assert download.value.suggested_filename == f"{VALID['id']}.yml"
    assert Path(download.value.path()).read_text("utf-8") == text
    # The e-mail, to the address the site is built with.
    mail = urlsplit(tab.locator("[data-mail]").get_attribute("href"))
    assert mail.scheme == "mailto"
    assert mail.path == CONTACT
    assert parse_qs(mail.query)["body"] == [text]
    assert tab.off_site == []
    assert tab.policy_errors == []

    # The file as the form wrote it, in a copy of the project: `make validate` passes.
    project = copy_project(tmp_path / "project")
    (project / "data" / "case-studies" / f"{VALID['id']}.yml").write_text(text, "utf-8")
    checked = run_in_copy(project, "-m", "macros.contribute.check_data", "data")
    assert checked.returncode == 0, checked.stderr


def test_without_a_contact_address_the_mail_way_is_hidden_and_says_why(site):
    # The test site has one (conftest CONTACT); the page without one is rendered by the macro.
    page = site.html(PAGE["en"])
    assert page.select_one("[data-mail]") is not None
    from macros.render import case_form

    data = load_site_data(ROOT / "data")

    class Page:
        language, url, ui = "en", "en/proposer-un-cas/", data.ui("en")

    html = case_form.case_form(data, Page, ROOT / "data" / "schemas", "https://github.com/o/r", "")
    assert "data-mail" not in html
    assert data.ui("en")["case_form.no_mail"] in html.replace("&#34;", '"')
