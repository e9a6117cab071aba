"""Contributing without being a developer: every page says how to edit it and how to report a
problem on it, in the reader's language; the issue forms are valid GitHub forms whose choices are
the site's vocabularies; a filled case-study form becomes a data file the validator accepts."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import CONTACT, ROOT
from playwright.sync_api import expect

from macros.contribute.case_from_issue import FORM, answers, form_labels
from macros.contribute.case_from_issue import main as case_from_issue
from macros.contribute.check_data import main as validate_main
from macros.contribute.check_translations import github_report as check_translations_report
from macros.contribute.github_report import pages_of, previews_of, summary
from macros.contribute.translations import UNCHECKED, translations
from macros.kit.offline_copy import preview
from macros.registry import load_site_data
from macros.site.i18n import url_language
from tools.issue_forms import CHOICES  # tools/: `make forms` writes the choices
from tools.project import copy_project, run_in_copy

BIN = Path(sys.executable).parent
FORMS = sorted((ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))
SAMPLE_BODY = ROOT / "tests" / "fixtures" / "issue-forms" / "propose-case-study.md"
MKDOCS_YML = (ROOT / "mkdocs.yml").read_text("utf-8")

# A page of each kind, in each language, and the file "Edit this page" must open.
PAGES = [
    ("guide/champs/", "docs/fr/guide/champs.md"),
    ("en/guide/champs/", "docs/en/guide/champs.md"),
    # The glossary's text is data/glossary.yml's, which its macro renders.
    ("glossaire/", "data/glossary.yml"),
    ("en/glossaire/", "data/glossary.yml"),
    ("cas/g2id/", "data/case-studies/g2id.yml"),
    ("en/cas/g2id/", "data/case-studies/g2id.yml"),
    ("partenaires/cnfpt/", "data/partners/cnfpt.yml"),
    ("en/partenaires/cnfpt/", "data/partners/cnfpt.yml"),
]
WORDS = {"fr": ("Modifier cette page", "Signaler un problème sur cette page")}
WORDS["en"] = ("Edit this page", "Report a problem on this page")


def contribute_links(site, page: str):
    links = site.html(page).select(".contribute-links a")
    assert len(links) == 2, page
    return links


@pytest.mark.parametrize(("page", "source"), PAGES)
def test_edit_and_report_links_lead_to_the_page_s_own_source_and_form(site, page, source):
    edit, report = contribute_links(site, page)
    language = "en" if page.startswith("en/") else "fr"
    assert edit.get_text(strip=True) == WORDS[language][0]
    assert report.get_text(strip=True) == WORDS[language][1]

    assert edit["href"].endswith(f"/edit/main/{source}")
    repository = edit["href"].removesuffix(f"/edit/main/{source}")
    address = urlsplit(report["href"])
    assert f"{address.scheme}://{address.netloc}{address.path}" == f"{repository}/issues/new"
    query = parse_qs(address.query)
    assert query["template"] == ["report-problem.yml"]
    assert query["page"] == [site.url + page]


def test_every_page_edits_a_file_that_exists_and_reports_through_a_field_of_the_form(site):
    form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/report-problem.yml").read_text("utf-8"))
    field_ids = {item.get("id") for item in form["body"]}
    for page in site.pages():
        if page.name == "404.html":
            continue
        edit, report = contribute_links(site, page)
        source = edit["href"].partition("/edit/main/")[2]
        assert (ROOT / source).is_file(), f"{page}: {source}"
        assert set(parse_qs(urlsplit(report["href"]).query)) - {"template"} <= field_ids, page


# --- A first change, for people new to GitHub ---------------------------------------------------

FIRST_TIME = {
    "fr": ("premiere-contribution/", "Première fois\u202f? Le pas-à-pas", "Contribuer"),
    "en": ("en/premiere-contribution/", "First time? Step by step", "Contribute"),
}


@pytest.mark.parametrize("language", FIRST_TIME)
def test_the_first_change_guide_is_in_the_contribute_section_of_each_language(site, language):
    address, _, section = FIRST_TIME[language]
    guide = site.html(address)
    assert guide.html["lang"] == language  # written in it, not a fallback to French
    steps = [h2["id"] for h2 in guide.select("article h2")]
    # From "I found a mistake" to "my change is published", the same anchors in both languages.
    assert steps == [
        "route", "edit", "change", "describe", "propose", "checks", "preview", "review", "published"
    ]  # fmt: skip
    # The guide's own section is the one open in the navigation.
    [nav] = guide.select(".md-nav--primary > .md-nav__list > .md-nav__item--active")
    assert nav.select_one(".md-nav__link").get_text(strip=True) == section
    pages = {site.path_of(urljoin(site.url + address, a["href"])) for a in nav.select("a[href]")}
    assert {address, address.replace("premiere-contribution", "contribuer")} <= pages


def test_every_page_s_first_time_link_leads_to_the_guide_in_the_page_s_language(site):
    for page in site.pages():
        if page.name == "404.html":
            continue
        language = url_language(page.as_posix())
        address, words, _ = FIRST_TIME[language]
        [link] = site.html(page).select(".contribute-first-time a")
        assert link.get_text(strip=True) == words, page
        here = site.url + page.as_posix().removesuffix("index.html")
        assert urljoin(here, link["href"]) == site.url + address, page


CONTRIBUTORS = {"fr": ("contributeurs/", "Personne n'a encore demandé à être crédité ici.")}
CONTRIBUTORS["en"] = ("en/contributeurs/", "Nobody has asked to be credited here yet.")


@pytest.mark.parametrize("language", CONTRIBUTORS)
def test_the_contributors_page_credits_exactly_those_the_records_credit(site, data, language):
    """Nobody is credited who did not add themselves (tests/test_spec_site.py shows a list)."""
    address, nobody = CONTRIBUTORS[language]
    page = site.html(address)
    [nav] = page.select(".md-nav--primary > .md-nav__list > .md-nav__item--active")
    assert nav.select_one(".md-nav__link").get_text(strip=True) == FIRST_TIME[language][2]
    credited = {
        person.name
        for records in data.records.values()
        for record in records.values()
        for person in record.contributors
    }
    listed = {name.get_text() for name in page.select("article .contributor__name")}
    assert listed == credited
    if not credited:
        assert nobody in page.select_one("article").get_text()


# --- Without a GitHub account: an e-mail ----------------------------------------------------------

MAIL_WORDS = {
    "fr": (
        "Sans compte GitHub\xa0:",
        "signaler un problème ou proposer une modification par e-mail",
    ),
    "en": ("Without a GitHub account:", "report a problem or suggest a change by e-mail"),
}
NO_PERSONAL_DATA = {"fr": "aucune donnée personnelle", "en": "no personal data"}
LANGUAGE_NAME = {"fr": "en français", "en": "in English"}


def mail_route(site, page):
    line = site.html(page).select_one(".contribute-mail")
    assert line is not None, page
    [link] = line.select("a[href^='mailto:']")
    address = urlsplit(link["href"])
    query = {name: values[0] for name, values in parse_qs(address.query).items()}
    return line, link, unquote(address.path), query


@pytest.mark.parametrize(("page", "source"), PAGES)
def test_an_e_mail_with_the_page_s_address_and_language_reports_without_github(site, page, source):
    language = "en" if page.startswith("en/") else "fr"
    line, link, to, query = mail_route(site, page)
    lead, words = MAIL_WORDS[language]
    assert line.get_text(" ", strip=True).startswith(f"{lead} {words}")  # words, not an icon
    assert link.get_text(strip=True) == words
    assert NO_PERSONAL_DATA[language] in line.get_text()  # said on the page, before writing
    assert to == CONTACT
    title = site.html(page).select_one("h1").get_text(strip=True).removesuffix("¶")
    assert title.split(" · ")[-1] in query["subject"]
    assert query["body"].splitlines()[0].endswith(f"{site.url + page} ({LANGUAGE_NAME[language]})")
    assert NO_PERSONAL_DATA[language] in query["body"]


def test_every_page_offers_the_e_mail_route(site):
    for page in site.pages():
        if page.name == "404.html":
            continue
        _, _, to, query = mail_route(site, page)
        assert to == CONTACT, page
        address = site.url + page.as_posix().removesuffix("index.html")
        assert address in query["body"], page


def test_without_an_address_no_page_offers_an_e_mail_nobody_reads(spec_site):
    # The specification site is built without CONTACT_EMAIL, as a fork would be.
    assert re.search(r'contact_email: !ENV \[CONTACT_EMAIL, ""\]', MKDOCS_YML)
    for page in ("index.html", "en/index.html", "cas/ended-network/index.html"):
        assert spec_site.html(page).select(".contribute-mail, a[href^='mailto:']") == [], page


def test_no_page_asks_github_for_the_repository_s_stars(site):
    # Material's header link to the repository fetches its facts from api.github.com.
    for page in ("index.html", "en/cas/g2id/index.html"):
        assert site.html(page).select('[data-md-component="source"]') == []


# --- Issue forms ---------------------------------------------------------------------------------


def test_the_ask_a_partner_form_says_who_reads_it_and_what_happens_next():
    """The partners are institutions named in sources, not people watching the repository: the
    form promises no partner's answer."""
    form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/partner-help.yml").read_text("utf-8"))
    intro = form["body"][0]["attributes"]["value"]
    assert "Qui la lit : l'équipe qui tient ce guide, et non les partenaires" in intro
    assert "Who reads it: the team that maintains this guide, not the partners" in intro
    assert "Ce qui se passe ensuite : l'équipe vous répond ici" in intro
    assert "What happens next: the team answers here" in intro
    assert "c'est vous qui les contactez" in intro
    assert "you contact them yourself" in intro
    assert "will answer here" not in intro
    assert "vous répondra ici" not in intro


def check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [BIN / "check-jsonschema", "--builtin-schema", schema, *files],
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_issue_forms_are_the_four_expected():
    assert {form.stem for form in FORMS} == {
        "propose-case-study",
        "report-problem",
        "translation",
        "partner-help",
    }


def test_the_issue_forms_pass_github_s_schema():
    result = check_jsonschema("vendor.github-issue-forms", *FORMS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_refuses_a_broken_form(tmp_path):
    form = yaml.safe_load(FORMS[0].read_text("utf-8"))
    del form["description"]  # required by GitHub
    form["body"][1]["type"] = "select"  # not a field type GitHub knows
    broken = tmp_path / "broken.yml"
    broken.write_text(yaml.safe_dump(form, allow_unicode=True), "utf-8")
    assert check_jsonschema("vendor.github-issue-forms", broken).returncode == 1


def test_every_form_and_label_speaks_both_languages():
    for path in FORMS:
        form = yaml.safe_load(path.read_text("utf-8"))
        assert " / " in form["name"], path.name
        assert all(" / " in label for label in form["labels"]), path.name
        for item in form["body"]:
            if item["type"] != "markdown":
                assert " / " in item["attributes"]["label"], f"{path.name}: {item['id']}"


def options(form: Path, field_id: str) -> list[str]:
    body = yaml.safe_load(form.read_text("utf-8"))["body"]
    item = next(item for item in body if item.get("id") == field_id)
    return [
        option["label"] if isinstance(option, dict) else option
        for option in item["attributes"]["options"]
    ]


@pytest.mark.parametrize(("form", "field_id", "vocabulary"), CHOICES)
def test_form_choices_are_the_vocabulary_s_labels(data, form, field_id, vocabulary):
    terms = getattr(data.vocabularies, vocabulary).values()
    expected = [f"{term.label['fr']} / {term.label['en']}" for term in terms]
    path = ROOT / ".github" / "ISSUE_TEMPLATE" / f"{form}.yml"
    assert options(path, field_id) == expected


def test_the_form_offers_each_language_for_the_answers():
    # tools/issue_forms.py writes them from LANGUAGES and the words language_<code>
    assert options(FORM, "language") == ["Français / French", "Anglais / English"]


# --- From a filled form to a data file -------------------------------------------------------------


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "data"


def propose_afresh(data: Path, case: str = "mediatheques-de-la-baie") -> None:
    """Take the sample form's case out of a copy of data/, as if the form proposed it for the
    first time: its file, its review day and its change notes (data/reviews.yml, changes.yml)."""
    (data / "case-studies" / f"{case}.yml").unlink()
    about = f"data/case-studies/{case}.yml"
    reviews = data / "reviews.yml"
    kept = [line for line in reviews.read_text("utf-8").splitlines() if f'"{about}"' not in line]
    reviews.write_text("\n".join(kept) + "\n", "utf-8")
    changes = data / "changes.yml"
    notes = changes.read_text("utf-8").split("\n  - about: ")
    kept = [notes[0], *(note for note in notes[1:] if not note.startswith(about + "\n"))]
    changes.write_text("\n  - about: ".join(kept), "utf-8")


def test_the_sample_body_is_read_answer_by_answer():
    given = answers(SAMPLE_BODY.read_text("utf-8"), form_labels(FORM))
    assert given["title"] == "Médiathèques de la Baie"
    assert given["status"] == "Réalisé / Realised"
    assert given["drawbacks"] is None  # "_No response_"
    assert given["steps"] == [
        "Définir les champs de la mutualisation / Define the scope of pooling"
    ]
    assert len(given["fields"]) == 3


def test_a_filled_form_becomes_a_case_study_that_validates(data_copy, capsys, monkeypatch):
    propose_afresh(data_copy)
    assert case_from_issue([str(SAMPLE_BODY), "--data", str(data_copy)]) == 0
    written = data_copy / "case-studies" / "mediatheques-de-la-baie.yml"
    assert capsys.readouterr().out.strip() == str(written)

    monkeypatch.chdir(data_copy.parent)
    assert validate_main(["data"]) == 0, capsys.readouterr().err
    case = load_site_data(data_copy).case_studies["mediatheques-de-la-baie"]
    assert case.status.id == "realised"
    assert [field.id for field in case.fields] == ["acquisition", "cataloguing", "tools"]
    assert [part.partner.id for part in case.partners] == ["mediatheques-de-la-baie", "cnfpt"]
    assert [step.step.id for step in case.steps]
    assert all(step.why["fr"] for step in case.steps)
    assert case.administrative_form.id == "agglomeration"
    assert [source.id for source in case.sources] == ["baie-2015"]  # known (part of) title
    assert case.lessons[0]["fr"] == "Leçon principale : partager les outils avant les collections."
    text = written.read_text("utf-8")
    # What the maintainer must finish is marked on its line.
    assert 'en: "Médiathèques de la Baie"  # TODO à traduire · to translate' in text
    assert "# TODO pas encore dans data/partners/ : Une association inconnue : soutien" in text


@pytest.mark.build  # builds the copy, to read the case's notice on its page
def test_a_converted_case_is_shown_as_never_checked_not_as_a_valid_translation(tmp_path):
    """The converter copies the French into the English for a translator to write: until someone
    records the English as checked, the case is "never checked" on its page, on the status page
    and on the pull request, never an up-to-date translation."""
    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / ".github", project / ".github")  # the form the converter reads
    case = "data/case-studies/mediatheques-de-la-baie.yml"
    propose_afresh(project / "data")  # as the form's sample does
    lock = project / "data" / "translations.lock.yml"
    lock.write_text(
        "".join(
            line
            for line in lock.read_text("utf-8").splitlines(keepends=True)
            if not line.startswith(f'"{case}')
        ),
        "utf-8",
    )  # the file is new: the lock never knew it
    converted = run_in_copy(project, "-m", "macros.contribute.case_from_issue", str(SAMPLE_BODY))
    assert converted.returncode == 0, converted.stderr
    data = load_site_data(project / "data")
    [state] = [item.state for item in translations(project, data) if item.key == case]
    assert state == UNCHECKED
    annotations, _ = check_translations_report(translations(project, data), data.words, [case])
    assert [line.split(",")[0] for line in annotations] == [f"::warning file={case}"]

    built = run_in_copy(project, "-m", "mkdocs", "build", "--strict", "-d", "out")
    assert built.returncode == 0, built.stderr
    english = BeautifulSoup(
        (project / "out/en/cas/mediatheques-de-la-baie/index.html").read_text("utf-8"),
        "html.parser",
    )
    notice = english.select_one("article .translation-notice")
    assert notice.select_one(".admonition-title").get_text(strip=True) == (
        "Translation never checked"
    )
    assert notice.select_one("a[hreflang='fr']")["href"] == "../../../cas/mediatheques-de-la-baie/"
    french = (project / "out/cas/mediatheques-de-la-baie/index.html").read_text("utf-8")
    assert "translation-notice" not in french  # the French is the source
    for language in ("", "en/"):
        status = BeautifulSoup(
            (project / f"out/{language}traductions/index.html").read_text("utf-8"), "html.parser"
        )
        row = status.select_one(f"tr:has(code:-soup-contains('{case}'))")
        assert row["data-state"] == UNCHECKED


def test_answers_in_english_leave_the_french_to_translate(data_copy, capsys, tmp_path):
    propose_afresh(data_copy)
    body = SAMPLE_BODY.read_text("utf-8").replace("Français / French", "Anglais / English", 1)
    (tmp_path / "body.md").write_text(body, "utf-8")
    assert case_from_issue([str(tmp_path / "body.md"), "--data", str(data_copy)]) == 0
    text = (data_copy / "case-studies" / "mediatheques-de-la-baie.yml").read_text("utf-8")
    assert 'fr: "Médiathèques de la Baie"  # TODO à traduire · to translate' in text
    assert '  en: "Médiathèques de la Baie"\n' in text


def test_a_new_source_is_added_to_the_sources(data_copy, capsys, monkeypatch, tmp_path):
    body = SAMPLE_BODY.read_text("utf-8").replace(
        "l'exemple des Médiathèques de la Baie",
        "Un autre document",
    )
    (tmp_path / "body.md").write_text(
        body.replace("Médiathèques de la Baie\n\n###", "Un réseau\n\n###", 1), "utf-8"
    )
    assert case_from_issue([str(tmp_path / "body.md"), "--data", str(data_copy)]) == 0
    monkeypatch.chdir(data_copy.parent)
    assert validate_main(["data"]) == 0, capsys.readouterr().err
    site = load_site_data(data_copy)
    source = site.sources["mediatheques-de-la-baie-2015"]
    assert (source.title, source.year, source.source_type.id) == (
        "Un autre document",
        2015,
        "slides",
    )
    assert (source.url, source.no_url_reason.id) == (None, "slide-deck")
    assert [s.id for s in site.case_studies["un-reseau"].sources] == [source.id]


def test_a_new_source_without_address_must_say_why(data_copy, capsys, tmp_path):
    """make validate would refuse a source with neither an address nor a reason: so does the
    converter, before it writes anything, saying in both languages which answer is missing."""
    body = filled_form(
        tmp_path,
        **{
            "l'exemple des Médiathèques de la Baie": "Un autre document",
            "diaporama présenté lors d'une rencontre, sans adresse web connue / slides shown at a "
            "meeting, with no known web address": "_No response_",
        },
    )
    sources = (data_copy / "sources.yml").read_text("utf-8")
    assert case_from_issue([str(body), "--data", str(data_copy)]) == 1
    error = capsys.readouterr().err
    assert "le formulaire ne répond pas à « source_no_url_reason »" in error
    assert 'the form gives no answer to "source_no_url_reason"' in error
    assert (data_copy / "sources.yml").read_text("utf-8") == sources


def test_a_form_without_a_required_answer_is_refused_in_both_languages(data_copy, capsys, tmp_path):
    body = SAMPLE_BODY.read_text("utf-8").replace("- [X] Définir", "- [ ] Définir")
    (tmp_path / "body.md").write_text(body, "utf-8")
    propose_afresh(data_copy)
    assert case_from_issue([str(tmp_path / "body.md"), "--data", str(data_copy)]) == 1
    error = capsys.readouterr().err
    assert "le formulaire ne répond pas à « steps »" in error
    assert 'the form gives no answer to "steps"' in error
    assert not (data_copy / "case-studies" / "mediatheques-de-la-baie.yml").exists()


def filled_form(tmp_path: Path, **replaced: str) -> Path:
    """The sample form with some answers replaced: {sample text: new text}."""
    body = SAMPLE_BODY.read_text("utf-8")
    for old, new in replaced.items():
        assert old in body, old
        body = body.replace(old, new, 1)
    (tmp_path / "body.md").write_bytes(body.encode("utf-8"))
    return tmp_path / "body.md"


# Line breaks that YAML honours but an editor or GitHub's web page may show as nothing.
HIDDEN_BREAKS = {"CR": "\r", "NEL": "\x85", "LINE SEPARATOR": "\u2028", "PARAGRAPH": "\u2029"}


@pytest.mark.parametrize("name", HIDDEN_BREAKS)
def test_a_line_break_hidden_in_an_answer_never_turns_a_comment_into_data(
    data_copy, capsys, monkeypatch, tmp_path, name
):
    """An unknown partner's name goes into a `# TODO` comment: a break there must not end it."""
    hidden = HIDDEN_BREAKS[name]
    body = filled_form(
        tmp_path,
        **{
            "Une association inconnue : soutien": f"Une association{hidden}status: abandoned",
            "Un catalogue commun.": f"Un catalogue{hidden}commun.",
        },
    )
    propose_afresh(data_copy)
    assert case_from_issue([str(body), "--data", str(data_copy)]) == 0
    written = data_copy / "case-studies" / "mediatheques-de-la-baie.yml"
    text = written.read_text("utf-8")
    assert not set(text) & set(HIDDEN_BREAKS.values()), "only \\n ends a line of the file"
    assert yaml.safe_load(text)["status"] == "realised"  # PyYAML's reading, not ours
    monkeypatch.chdir(data_copy.parent)
    assert validate_main(["data"]) == 0, capsys.readouterr().err


@pytest.mark.parametrize(
    ("title", "expected_id"),
    [
        ("Библиотеки Москвы", "biblioteki-moskvy"),
        ("Βιβλιοθήκες Αθηνών", "bibliothekes-athenon"),
        ("図書館", "tu-shu-guan"),
        ("Réseau " * 40, "reseau-" * 7 + "reseau"),  # 280 characters: cut at a hyphen, under 60
    ],
)
def test_any_title_gives_an_id_of_latin_letters_at_most_60_long(
    data_copy, capsys, tmp_path, title, expected_id
):
    body = filled_form(tmp_path, **{"Médiathèques de la Baie\n\n###": f"{title}\n\n###"})
    assert case_from_issue([str(body), "--data", str(data_copy)]) == 0
    assert (data_copy / "case-studies" / f"{expected_id}.yml").is_file()
    assert len(expected_id) <= 60


@pytest.mark.parametrize("title", ["???", "🙂 🙂", "—"])
def test_a_title_without_letters_or_digits_is_refused_rather_than_given_an_empty_id(
    data_copy, capsys, tmp_path, title
):
    before = sorted((data_copy / "case-studies").iterdir())
    body = filled_form(tmp_path, **{"Médiathèques de la Baie\n\n###": f"{title}\n\n###"})
    assert case_from_issue([str(body), "--data", str(data_copy)]) == 1
    error = capsys.readouterr().err
    assert "aucun identifiant ne peut être tiré du titre" in error
    assert "no id can be made from the title" in error
    assert sorted((data_copy / "case-studies").iterdir()) == before


# --- On the pull request ---------------------------------------------------------------------------


def test_the_pull_request_check_gives_annotations_fast_tests_and_the_preview_before_slow_tests():
    workflow = yaml.safe_load((ROOT / ".github/workflows/check.yml").read_text("utf-8"))
    steps = workflow["jobs"]["check"]["steps"]
    runs = [step.get("run", "") for step in steps]
    validate = next(i for i, run in enumerate(runs) if run.startswith("make validate"))
    assert "--github" in runs[validate]
    assert "--changed-since" in runs[validate]
    assert validate < runs.index("make lint test-fast") < runs.index("make build")
    # The preview is the offline copies, unpacked (they open from disk; the built site does not).
    unpack = runs.index(".venv/bin/python -m macros.kit.offline_copy site preview")
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert runs.index("make build") < unpack < steps.index(upload)
    assert upload["with"] == {"name": "site-preview", "path": "preview", "retention-days": 14}
    assert upload["if"] == "github.event_name == 'pull_request'"
    assert steps[unpack]["if"] == upload["if"]
    how_to_open = next(
        i for i, run in enumerate(runs) if "github_report preview site-preview" in run
    )
    assert steps.index(upload) < how_to_open < runs.index("make test-site")
    # Together the steps run what make test runs (.ci/run): lint, validate, both tiers.
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert "\n\t$(MAKE) --no-print-directory lint validate test-fast test-site " in makefile


def test_a_test_or_build_failure_after_valid_data_says_what_to_do_in_both_languages(tmp_path):
    workflow = yaml.safe_load((ROOT / ".github/workflows/check.yml").read_text("utf-8"))
    steps = workflow["jobs"]["check"]["steps"]
    validate = next(step for step in steps if step.get("run", "").startswith("make validate"))
    failed = next(step for step in steps if step.get("run", "").endswith("github_report failed"))
    assert steps.index(failed) > max(
        i
        for i, step in enumerate(steps)
        if step.get("run") in ("make lint test-fast", "make build", "make test-site")
    )
    # Only when the data passed: a problem in the data is already said, at its line.
    assert failed["if"] == (
        f"failure() && steps.{validate['id']}.outcome == 'success' "
        "&& github.event_name == 'pull_request'"
    )
    summary_file = tmp_path / "summary.md"
    result = subprocess.run(
        [sys.executable, "-m", "macros.contribute.github_report", "failed"],
        cwd=ROOT,
        env={"GITHUB_STEP_SUMMARY": str(summary_file), "PATH": ""},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    [annotation] = result.stdout.splitlines()
    assert annotation.startswith("::error title=Les tests ou la construction du site ont échoué")
    text = summary_file.read_text("utf-8")
    assert "Ouvrez l'étape marquée d'une croix rouge" in text
    assert "Open the step marked with a red cross" in text
    assert "écrivez-le dans la discussion de la demande" in text
    assert "say so in the pull request's discussion" in text


def test_the_summary_tells_how_to_open_the_preview_in_two_lines(tmp_path):
    summary = tmp_path / "summary.md"
    result = subprocess.run(
        [sys.executable, "-m", "macros.contribute.github_report", "preview", "site-preview"],
        cwd=ROOT,
        env={"GITHUB_STEP_SUMMARY": str(summary), "PATH": ""},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = [line for line in summary.read_text("utf-8").splitlines() if line.strip()]
    assert lines[0] == "## Aperçu du site · Preview of the site"
    assert len(lines[1:]) == 2
    assert all("« site-preview »" in lines[1] or '"site-preview"' in line for line in lines[1:])
    assert "index.html" in lines[1]
    assert "index.html" in lines[2]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_preview_opens_from_disk_at_the_files_the_summary_names(
    site, browser, data, tmp_path, language
):
    """The artefact as CI makes it (the built site's offline copies, unpacked by the same
    command): the summary's file for a changed page opens from file://, its links open pages,
    not folder listings, and the search answers; nothing is requested off the disk."""
    preview(site.root, tmp_path)
    [(_, [file])] = previews_of([f"docs/{language}/guide/champs.md"], data)
    text = summary(
        [],
        pages_of([f"docs/{language}/guide/champs.md"], data, site.url),
        [(f"docs/{language}/guide/champs.md", [file])],
    )
    assert f"`{file}`" in text
    assert (tmp_path / f"mutualiser-{language}" / "index.html").is_file()  # what the summary says

    context = browser.new_context()
    requests: list[str] = []
    errors: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto((tmp_path / file).as_uri())
        expect(page.locator("h1")).to_contain_text(data.vocabularies.steps["scope"].label[language])
        page.locator("a[href$='cas/index.html']").first.click()
        assert page.url.endswith("cas/index.html")
        box = page.locator(".md-search__input")  # the header's box answers from disk
        box.click()
        box.fill("Baie")
        results = page.locator(".md-search-result__link")
        expect(results.first).to_be_visible()
        results.first.click()
        assert page.url.startswith((tmp_path / f"mutualiser-{language}").as_uri())
        expect(page.locator("h1")).to_be_visible()
    finally:
        context.close()
    assert errors == []
    assert [url for url in requests if not url.startswith(("file:", "data:"))] == []
