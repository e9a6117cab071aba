"""Life cycle: a page or record can be archived (kept for the record, no longer kept up to date) or
superseded (replaced). It then opens with a notice in the reader's language linking to what
replaces it in the same language, leaves every listing, and keeps its address.

On the specification dataset (tests/fixtures/spec-site/): the case study `superseded-plan` is
superseded by `running-catalogue` (its own file's `life_cycle`), and the guide page
guide/projet-pilote.md is archived, with boite-a-outils/indicateurs.md to read instead
(data/life-cycle.yml). Every expected text is written out by hand.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from urllib.parse import urljoin
from urllib.request import urlopen
from xml.etree import ElementTree

import feedparser
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, with_spec_records

from macros.contribute.review import report
from macros.model import messages
from macros.model.data import DataError
from macros.registry import load_site_data
from macros.render.record_nav import Link
from macros.render.templates import render
from macros.site.i18n import LANGUAGES


def text(element) -> str:
    return " ".join(element.get_text(" ").split()).replace("\u202f", " ").replace("\xa0", " ")


def resolved(site, page: str, href: str) -> str:
    """A link of `page`, as an address from the site's root: "en/cas/running-catalogue/"."""
    return site.path_of(urljoin(site.url + page, href))


# (the page, the reader's language, the notice's title, what it says, where it leads)
NOTICES = [
    (
        "cas/superseded-plan/",
        "fr",
        "Contenu remplacé",
        "Ce contenu n'est plus tenu à jour : il a été remplacé. Voir à la place : "
        "Un catalogue en cours",
        "cas/running-catalogue/",
    ),
    (
        "en/cas/superseded-plan/",
        "en",
        "Superseded",
        "This content is no longer kept up to date: it has been replaced. See instead: "
        "A catalogue under way",
        "en/cas/running-catalogue/",
    ),
    (
        "guide/projet-pilote/",
        "fr",
        "Contenu archivé",
        "Ce contenu est conservé pour mémoire et n'est plus tenu à jour. Voir à la place : "
        "Indicateurs avant et après",
        "boite-a-outils/indicateurs/",
    ),
    (
        "en/guide/projet-pilote/",
        "en",
        "Archived",
        "This content is kept for the record and is no longer kept up to date. See instead: "
        "Indicators before and after",
        "en/boite-a-outils/indicateurs/",
    ),
]


@pytest.mark.parametrize(("page", "language", "title", "says", "target"), NOTICES)
def test_an_archived_or_superseded_page_says_so_under_its_title_and_links_its_replacement(
    spec_site, page, language, title, says, target
):
    html = spec_site.html(page)
    (notice,) = html.select(".life-cycle-notice")
    assert notice.find_previous_sibling() is html.select_one("article h1")  # read right after it
    assert (notice["role"], notice["lang"]) == ("note", language)
    assert text(notice.select_one(".admonition-title")) == title
    assert text(notice).removeprefix(title).strip() == says
    (link,) = notice.select("a")
    assert resolved(spec_site, page, link["href"]) == target  # in the reader's language
    # named as the page names itself in the navigation and the browser's tab
    assert f"{text(link)} - Mutualiser" == text(spec_site.html(target).title)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_current_page_shows_a_notice(spec_site, language):
    retired = {page for page, *_ in NOTICES}
    pages = spec_site.pages(language)
    assert len(pages) > 40
    for page in pages:
        address = page.parent.as_posix() + "/"
        if address not in retired:
            assert not spec_site.html(page).select(".life-cycle-notice"), page


@pytest.mark.parametrize("page", ["cas/superseded-plan/", "guide/projet-pilote/"])
def test_a_retired_page_keeps_its_address_in_both_languages_and_in_the_sitemap(spec_site, page):
    sitemap = ElementTree.fromstring((spec_site.root / "sitemap.xml").read_bytes())
    in_sitemap = {spec_site.path_of(loc.text) for loc in sitemap.iter() if loc.tag.endswith("loc")}
    for address in (page, f"en/{page}"):
        with urlopen(spec_site.url + address) as response:  # served, as Pages serves it
            assert response.status == 200
        assert address in in_sitemap


def test_a_superseded_record_is_in_no_listing_only_on_its_partners_page_marked(spec_site):
    """The case listing (its cards and their file), the plain list, the step cards, the findings,
    the partner directory's cards and the previous/next links of the other cases: no page links
    to it but its own (the language switcher), its partner's, which marks it, the plain list's
    folded section of retired cases, and the translation status page."""
    for language in LANGUAGES:
        root = "" if language == "fr" else "en/"
        target = f"{root}cas/superseded-plan/"
        linking = set()
        for page in spec_site.pages(language):
            address = page.parent.as_posix().removeprefix(".") + "/"
            address = address.lstrip("/")
            for link in spec_site.html(page).select("a[href]"):
                url = urljoin(spec_site.url + address, link["href"])
                if url.startswith(spec_site.url) and spec_site.path_of(url).split("#")[0] == target:
                    linking.add(address)
        assert linking == {
            target,
            f"{root}partenaires/beta-lab/",
            f"{root}cas/liste/",  # folded away, below the list (the next test)
            # for contributors, the state of every translation, a retired one's too
            f"{root}traductions/",
        }, language
    cards = spec_site.root / "cas" / "cards.json"
    assert not cards.exists() or "superseded-plan" not in cards.read_text("utf-8")
    for page, mark in [
        ("partenaires/beta-lab/", "(remplacé)"),
        ("en/partenaires/beta-lab/", "(superseded)"),
    ]:
        (item,) = [
            li
            for li in spec_site.html(page).select(".partner__cases li")
            if "superseded-plan" in li.a["href"]
        ]
        assert text(item.select_one(".life-cycle-mark")) == mark


@pytest.mark.parametrize(
    ("page", "summary", "item"),
    [
        ("cas/liste/", "Études de cas archivées ou remplacées (1)", "Un plan remplacé (remplacé)"),
        (
            "en/cas/liste/",
            "Archived or superseded case studies (1)",
            "A superseded plan (superseded)",
        ),
    ],
)
def test_the_plain_list_shows_retired_cases_only_when_asked(spec_site, page, summary, item):
    html = spec_site.html(page)
    listed = [text(link) for link in html.select("article ul.case-index")[0].select("a")]
    assert listed == [
        text(spec_site.html(f"{page.removesuffix('liste/')}{case}/").select_one("article h1"))
        for case in (
            "abandoned-idea",
            "ended-network",
            "hostile-text",
            "realised-store",
            "running-catalogue",
        )
    ]
    (folded,) = html.select("details.case-index__retired")
    assert "open" not in folded.attrs  # closed until the reader opens it
    assert text(folded.summary) == summary
    (retired,) = folded.select("li")
    assert text(retired) == item
    assert (
        resolved(spec_site, page, retired.a["href"])
        == f"{page.removesuffix('liste/')}superseded-plan/"
    )


@pytest.mark.parametrize(
    ("page", "mark"), [("nouveautes/", "(archivé)"), ("en/nouveautes/", "(archived)")]
)
def test_whats_new_keeps_the_history_of_a_retired_page_and_marks_it(spec_site, page, mark):
    items = spec_site.html(page).select(".whats-new li")
    marked = [
        (resolved(spec_site, page, item.a["href"]), text(item.select_one(".life-cycle-mark")))
        for item in items
        if item.select_one(".life-cycle-mark")
    ]
    root = page.removesuffix("nouveautes/")
    assert marked == [(f"{root}guide/projet-pilote/", mark)]


@pytest.mark.parametrize(
    ("page", "tooltip"),
    [
        ("guide/champs/", "Plus tenu à jour : archivé ou remplacé"),
        ("en/guide/champs/", "No longer kept up to date: archived or superseded"),
    ],
)
def test_the_navigation_marks_the_archived_page_alone(spec_site, page, tooltip):
    """With Material's "deprecated" status (its icon), beside the guide's other steps."""
    marks = spec_site.html(page).select("nav.md-nav--primary .md-status--deprecated")
    assert {mark["title"] for mark in marks} == {tooltip}
    links = {resolved(spec_site, page, mark.find_parent("a")["href"]) for mark in marks}
    assert links == {f"{'en/' if page.startswith('en/') else ''}guide/projet-pilote/"}


@pytest.mark.parametrize(
    ("page", "line"),
    [
        ("guide/projet-pilote/", "Dernière relecture : jamais · responsable : l'équipe de test"),
        ("en/cas/superseded-plan/", "Last reviewed: never · responsible: the test team"),
    ],
)
def test_a_retired_page_is_due_for_no_review(spec_site, page, line):
    """Never reviewed, yet no "never reviewed" warning and no next review: it is no longer kept
    up to date, as its notice says (a current page never reviewed: tests/test_reviews.py)."""
    info = spec_site.html(page).select_one(".page-info")
    assert text(info.select_one(".page-info__review")) == line
    assert info.select_one(".page-info__overdue") is None


def test_make_review_leaves_out_what_is_archived_or_superseded(spec_data):
    lines = "\n".join(report(ROOT, spec_data, date(2100, 1, 1), ("en",)))
    assert "data/case-studies/running-catalogue.yml:1:1: never reviewed" in lines
    assert "docs/fr/guide/faire-ensemble.md:1:1: never reviewed" in lines
    assert "superseded-plan" not in lines
    assert "projet-pilote" not in lines


@pytest.mark.parametrize(
    ("feed", "page", "summary"),
    [
        ("feed.xml", "cas/superseded-plan/", "Contenu remplacé — Un premier plan de magasin"),
        ("en/feed.xml", "en/cas/superseded-plan/", "Superseded — A first plan for a shared store"),
        ("feed.xml", "guide/projet-pilote/", "Contenu archivé — Le pilote en six questions. — "),
        ("en/feed.xml", "en/guide/projet-pilote/", "Archived — The pilot in six questions. — "),
    ],
)
def test_a_retired_pages_feed_entry_says_so_first(spec_site, feed, page, summary):
    entries = feedparser.parse((spec_site.root / feed).read_bytes()).entries
    (entry,) = [entry for entry in entries if spec_site.path_of(entry.link) == page]
    assert entry.summary.startswith(summary)


def test_a_hostile_replacement_title_shows_as_text_in_the_notice(data):
    """The replacement's title is a contributor's text (a record's title, a page's front matter):
    the notice's template escapes it, whatever it holds."""
    hostile = "<script>alert('by')</script> & {{ 7 * 7 }}"
    notice = BeautifulSoup(
        render(
            "life_cycle_notice.html",
            state="superseded",
            replacement=Link(hostile, "../x/"),
            language="en",
            ui=data.ui("en"),
        ),
        "html.parser",
    )
    assert notice.select("script") == []
    assert notice.select_one("a").get_text() == hostile


# --- make validate: each mistake refused where it is, in both languages -----------------------

CASE = "data/case-studies/superseded-plan.yml"
PAGES = "data/life-cycle.yml"
BY_CASE = "life_cycle: {state: superseded, by: data/case-studies/running-catalogue.yml}"
BY_PAGE = '"docs/fr/guide/projet-pilote.md": {state: archived, by: "docs/fr/boite-a-outils/indicateurs.md"}'

# (the file, its line as the fixture has it, the line written instead, the column reported, the
# English line after `file:line:column: `, the French one)
MISTAKES = [
    pytest.param(
        PAGES,
        BY_PAGE,
        '"docs/fr/guide/pilote.md": {state: archived}',
        3,
        'pages.docs/fr/guide/pilote.md: no file "docs/fr/guide/pilote.md" (the path of a French'
        " page (docs/fr/guide/champs.md) or of a record (data/case-studies/g2id.yml) that exists)",
        "pages.docs/fr/guide/pilote.md: pas de fichier « docs/fr/guide/pilote.md » (le chemin"
        " d'une page en français (docs/fr/guide/champs.md) ou d'une fiche"
        " (data/case-studies/g2id.yml) qui existe)",
        id="an unknown page",
    ),
    pytest.param(
        CASE,
        BY_CASE,
        "life_cycle: {state: superseded, by: data/case-studies/running-catalog.yml}",
        37,
        'life_cycle.by: no page or record "data/case-studies/running-catalog.yml" to replace it'
        " (the path of a French page (docs/fr/guide/champs.md) or of a record"
        " (data/case-studies/g2id.yml) that exists)",
        "life_cycle.by: pas de page ni de fiche « data/case-studies/running-catalog.yml » pour"
        " la remplacer (le chemin d'une page en français (docs/fr/guide/champs.md) ou d'une fiche"
        " (data/case-studies/g2id.yml) qui existe)",
        id="a replacement that does not exist",
    ),
    pytest.param(
        CASE,
        BY_CASE,
        "life_cycle: {state: superseded, by: data/case-studies/superseded-plan.yml}",
        37,
        'life_cycle.by: "data/case-studies/superseded-plan.yml" replaces itself (name in by the'
        " page (docs/fr/<path>.md) or the record (data/<kind>/<id>.yml) that replaces it, or"
        " remove by and write state: archived if there is none)",
        "life_cycle.by: « data/case-studies/superseded-plan.yml » se remplace elle-même (nommez"
        " dans by la page (docs/fr/<chemin>.md) ou la fiche (data/<type>/<id>.yml) qui la"
        " remplace, ou retirez by et écrivez state: archived s'il n'y en a pas)",
        id="a record that replaces itself",
    ),
    pytest.param(
        PAGES,
        BY_PAGE,
        '"docs/fr/guide/projet-pilote.md": {state: archived, by: "data/case-studies/superseded-plan.yml"}',
        59,
        "pages.docs/fr/guide/projet-pilote.md.by: what replaces it,"
        ' "data/case-studies/superseded-plan.yml", is itself superseded (name what replaces'
        ' "data/case-studies/superseded-plan.yml" (its own by): the notice must lead to a'
        " current page)",
        "pages.docs/fr/guide/projet-pilote.md.by: ce qui la remplace,"
        " « data/case-studies/superseded-plan.yml », est lui-même superseded (nommez ce qui"
        " remplace « data/case-studies/superseded-plan.yml » (son propre by) : l'avis doit"
        " mener à une page à jour)",
        id="a replacement retired itself",
    ),
    pytest.param(
        CASE,
        BY_CASE,
        "life_cycle: {state: superseded}",
        13,
        "life_cycle.by: missing field (what replaces it, and what its notice links to: a French"
        " page, docs/fr/<path>.md, or a record, data/<kind>/<id>.yml, that exists and is current;"
        " required when superseded, optional when archived)",
        "life_cycle.by: champ manquant (ce qui la remplace, et ce vers quoi son avis renvoie :"
        " une page en français, docs/fr/<chemin>.md, ou une fiche, data/<type>/<id>.yml, qui"
        " existe et reste à jour ; obligatoire si superseded, facultatif si archived)",
        id="superseded by nothing",
    ),
]


@pytest.mark.parametrize(("file", "line", "instead", "column", "english", "french"), MISTAKES)
def test_a_life_cycle_mistake_is_refused_at_its_line_in_both_languages(
    tmp_path, file, line, instead, column, english, french
):
    data = with_spec_records(_copy(tmp_path))
    path = tmp_path / file
    lines = path.read_text("utf-8").splitlines()
    number = [each.strip() for each in lines].index(line) + 1
    indent = lines[number - 1].removesuffix(line)
    lines[number - 1] = indent + instead
    path.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(DataError) as refused:
        load_site_data(data)
    (problem,) = refused.value.problems
    assert messages.in_language(problem, "en") == f"{file}:{number}:{column}: {english}"
    assert messages.in_language(problem, "fr") == f"{file}:{number}:{column}: {french}"


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path / "data"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_open_data_keeps_every_record_with_its_life_cycle(spec_site, language):
    path = spec_site.root / "donnees" / f"case-studies.{language}.json"
    states = {
        record["id"]: record["life_cycle"] for record in json.loads(path.read_text())["records"]
    }
    assert states == {
        "abandoned-idea": None,
        "ended-network": None,
        "hostile-text": None,
        "realised-store": None,
        "running-catalogue": None,
        "superseded-plan": "superseded",
    }
