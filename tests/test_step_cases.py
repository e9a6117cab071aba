"""A step's "in practice" section stays light however many case studies there are: it shows
the first few (macros/render/cases.py STEP_CARDS) and links to the case listing filtered by the step,
where the filter is in the address and applies at once. The decision-makers' page quotes the
findings of the first few cases (FINDINGS_CASES) the same way."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from mkdocs.structure.files import File, Files
from playwright.sync_api import expect

from macros.render import cases
from macros.render.context import PageContext


def step_page(data, language: str) -> PageContext:
    """The pilot step's page as the macros see it, with the pages it may link to."""
    paths = ["cas/index.md", "sources.md", *(f"cas/{case_id}.md" for case_id in data.case_studies)]
    files = Files([File(f"{language}/{path}", str(ROOT / "docs"), "site", True) for path in paths])
    return PageContext(
        language=language,
        url=("" if language == "fr" else "en/") + "guide/projet-pilote/",
        files=files,
        site_url="https://example.org/mutualiser/",
        site_name="Mutualiser",
        licence={},
        ui=data.ui(language),
    )


def busiest_step(data) -> tuple[str, int]:
    counts = {
        step: sum(
            step in [link.step.id for link in case.steps] for case in data.case_studies.values()
        )
        for step in data.vocabularies.steps
    }
    step = max(counts, key=counts.get)
    assert counts[step] >= 2, "no step has two case studies: the cap cannot be shown"
    return step, counts[step]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_step_shows_its_first_cases_then_links_to_the_filtered_listing(
    data, monkeypatch, language
):
    step, total = busiest_step(data)
    monkeypatch.setattr(cases, "STEP_CARDS", 1)
    html = BeautifulSoup(cases.cases_for_step(data, step_page(data, language), step), "html.parser")
    assert len(html.select("li.case-card")) == 1
    more = html.select_one(".case-cards__more a")
    assert more["href"] == f"../../cas/?step={step}"
    assert str(total) in more.get_text()


def test_a_step_with_few_cases_shows_them_all_without_a_link(data, monkeypatch):
    step, total = busiest_step(data)
    monkeypatch.setattr(cases, "STEP_CARDS", total)  # exactly as many cards as cases
    html = BeautifulSoup(cases.cases_for_step(data, step_page(data, "fr"), step), "html.parser")
    assert len(html.select("li.case-card")) == total
    assert html.select_one(".case-cards__more") is None


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_decision_makers_page_quotes_the_first_cases_then_links_to_all(
    data, monkeypatch, language
):
    with_gains = [case for case in data.case_studies.values() if case.gains]
    assert len(with_gains) >= 2, "fewer than two cases with gains: the cap cannot be shown"
    monkeypatch.setattr(cases, "FINDINGS_CASES", 1)
    html = BeautifulSoup(
        cases.case_findings(data, step_page(data, language), "gains"), "html.parser"
    )
    assert [link.get_text() for link in html.select("dt > a")] == [with_gains[0].title[language]]
    more = html.select_one(".case-cards__more a")
    assert more["href"] == "../../cas/"
    assert str(len(with_gains)) in more.get_text()
    monkeypatch.setattr(cases, "FINDINGS_CASES", len(with_gains))
    html = BeautifulSoup(
        cases.case_findings(data, step_page(data, language), "gains"), "html.parser"
    )
    assert len(html.select("dt")) == len(with_gains)
    assert html.select_one(".case-cards__more") is None


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_listing_filtered_by_step_from_the_address(data, visit, prefix):
    step, total = busiest_step(data)
    others = len(data.case_studies) - total
    page, record = visit(f"{prefix}cas/?step={step}")
    assert page.locator("select[name=step]").input_value() == step
    assert others > 0, "every case illustrates the step: the filter cannot be seen narrowing"
    expect(page.locator("[data-listing-items] > li:visible")).to_have_count(total)
    expect(page.locator("[data-listing-items] > li")).to_have_count(total)  # the others left out
    assert record.errors == []
