"""The self-assessment in a real browser: filled in from the keyboard and the mouse, kept on
reload, exported as CSV and JSON with the answers given, carried by its address to another
browser, printed on one page, and never sending anything anywhere."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tools.chromium import arrive, settle

# factor -> (rating, note); the notes hold what exports must keep intact or make inert.
ANSWERS = {
    "solidarity": (3, "Hébergement partagé, catalogage tournant"),
    "political-will": (1, '=HYPERLINK("http://example.org","x")'),
    "shared-gains": (2, 'Coûts "cachés", à mesurer\nen 2027'),
    "user-orientation": (2, ""),
    "pragmatism": (3, "Pilote d'abord"),
    "belonging": (1, "Confiance à construire"),
    "visibility": (2, "<b>pas de site</b>"),
}
WEAKEST = {"political-will", "belonging"}
ADDRESS = "en/auto-evaluation/"


def fill(page) -> None:
    for factor, (rating, note) in ANSWERS.items():
        if factor == "solidarity":  # from the keyboard: focus the group, arrows move the choice
            page.locator(f"#{factor}-1").focus()
            page.keyboard.press("Space")
            page.keyboard.press("ArrowDown")
            page.keyboard.press("ArrowDown")
        else:
            page.locator(f"label[for='{factor}-{rating}']").click()
        if note:
            page.locator(f"#{factor}-note").fill(note)


def shown_answers(page) -> dict:
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll("fieldset[data-factor]")]
            .map(set => [set.dataset.factor, [
                Number((set.querySelector("input:checked") || {}).value || 0),
                set.querySelector("textarea").value]]))"""
    )


def expected_answers() -> dict:
    return {factor: [rating, note] for factor, (rating, note) in ANSWERS.items()}


@pytest.fixture
def filled(browser, site):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    arrive(page, site.url + ADDRESS)
    fill(page)
    yield page, context, requests
    context.close()


def test_answers_are_kept_when_the_page_is_reloaded(filled):
    page, _, _ = filled
    assert shown_answers(page) == expected_answers()
    page.reload()
    settle(page)
    assert shown_answers(page) == expected_answers()


def test_the_summary_names_the_weakest_factors_with_links_to_the_guide(filled, site):
    page, _, _ = filled
    summary = page.get_by_role("status")
    assert "To build" in summary.inner_text()
    links = summary.get_by_role("link")
    hrefs = {
        links.nth(i).evaluate("a => a.href").removeprefix(site.url) for i in range(links.count())
    }
    assert hrefs == {f"en/facteurs-de-reussite/#{factor}" for factor in WEAKEST}
    for href in hrefs:  # the sections exist
        page_path, anchor = href.split("#")
        assert site.html(page_path).find(id=anchor) is not None


def test_csv_export_holds_every_answer_and_no_live_formula(filled):
    page, _, _ = filled
    with page.expect_download() as download:
        page.get_by_role("button", name="Export as CSV").click()
    assert download.value.suggested_filename == "self-assessment.csv"
    text = Path(download.value.path()).read_text("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["factor"] for row in rows] == list(ANSWERS)
    for row in rows:
        rating, note = ANSWERS[row["factor"]]
        assert row["rating"] == str(rating)
        assert row["note"] == ("'" + note if note.startswith("=") else note)
    assert rows[0]["label"] == "Solidarity"
    assert rows[0]["level"] == "3 · In place"


def test_json_export_holds_every_answer(filled, site):
    page, _, _ = filled
    with page.expect_download() as download:
        page.get_by_role("button", name="Export as JSON").click()
    content = json.loads(Path(download.value.path()).read_text("utf-8"))
    assert content["language"] == "en"
    assert content["page"] == site.url + ADDRESS
    assert {row["factor"]: [row["rating"], row["note"]] for row in content["answers"]} == (
        expected_answers()
    )


def test_the_address_carries_the_answers_to_a_fresh_browser(filled, browser):
    page, _, _ = filled
    address = page.get_by_role(
        "link", name=re.compile("Link to this page with my answers")
    ).evaluate("a => a.href")
    assert "#answers=" in address
    trainer = browser.new_context()
    elsewhere = trainer.new_page()
    arrive(elsewhere, address)
    assert shown_answers(elsewhere) == expected_answers()
    trainer.close()


def test_it_prints_on_one_page(filled):
    page, _, _ = filled
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=False)
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1
    assert page.locator("label[for='solidarity-3']").is_visible()
    assert page.locator("label[for='solidarity-1']").is_hidden()


def test_nothing_leaves_the_browser(filled, site):
    page, _, requests = filled
    page.reload()
    settle(page)
    host = urlsplit(site.url).netloc
    assert {urlsplit(url).netloc for url in requests} == {host}
    assert not [url for url in requests if "answers" in url or "Pilote" in url]


def test_clearing_empties_the_grid_and_what_is_kept(filled):
    page, _, _ = filled
    page.get_by_role("button", name="Clear my answers").click()
    assert all(answer == [0, ""] for answer in shown_answers(page).values())
    page.reload()
    settle(page)
    assert all(answer == [0, ""] for answer in shown_answers(page).values())
