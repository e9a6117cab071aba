"""Review state you can see: every content page and record says, beside its last change, when its
content was last reviewed, when the next review is due and who answers for it; an overdue one says
so plainly; `make review` lists what is due, in the contributor's language.

The dates are the specification dataset's (tests/fixtures/spec-site/data/reviews.yml), chosen
for these tests, never the real data's: a guide step reviewed on 2020-01-31 (every 12 months),
the `ended-network` case on 2021-02-28 (every 24 months), the `beta-lab` partner on 2026-12-01
(partners have no period of their own: `other`, 6 months), everything else never reviewed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date

import pytest
from conftest import ROOT

from macros.contribute.review import report
from macros.model.data import DataError
from macros.registry import load_site_data
from macros.site.i18n import LANGUAGES

RESPONSIBLE = {"fr": "l'équipe de test", "en": "the test team"}
LAST = {"fr": "Dernière relecture :", "en": "Last reviewed:"}


def text(element) -> str:
    return " ".join(element.get_text(" ").split()).replace("\u202f", " ").replace("\xa0", " ")


def review_line(site, page: str):
    return site.html(page).select_one(".page-info .page-info__review")


def overdue_notice(site, page: str) -> str | None:
    notice = site.html(page).select_one(".page-info .page-info__overdue")
    return text(notice) if notice else None


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_content_page_shows_last_change_last_review_due_date_and_who_answers(
    spec_site, language
):
    pages = spec_site.pages(language)
    assert len(pages) > 40
    for page in pages:
        info = spec_site.html(page).select_one(".page-info")
        assert info.select_one(".page-info__updated time"), page
        line = text(review_line(spec_site, page))
        assert line.startswith(LAST[language]), page
        assert line.endswith(RESPONSIBLE[language]), page


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (
            "guide/champs/",
            "Dernière relecture : 31 janvier 2020 · prochaine relecture prévue : 31 janvier 2021"
            " · responsable : l'équipe de test",
        ),
        (
            "en/guide/champs/",
            "Last reviewed: 31 January 2020 · next review due: 31 January 2021"
            " · responsible: the test team",
        ),
        (
            "cas/ended-network/",
            "Dernière relecture : 28 février 2021 · prochaine relecture prévue : 28 février 2023"
            " · responsable : l'équipe de test",
        ),
        (
            "en/partenaires/beta-lab/",
            "Last reviewed: 1 December 2026 · next review due: 1 June 2027"
            " · responsible: the test team",
        ),
        ("index.html", "Dernière relecture : jamais · responsable : l'équipe de test"),
        ("en/cas/running-catalogue/", "Last reviewed: never · responsible: the test team"),
    ],
)
def test_each_page_shows_its_own_review_in_its_language(spec_site, page, expected):
    assert text(review_line(spec_site, page)) == expected


def test_the_dates_are_machine_readable(spec_site):
    times = review_line(spec_site, "guide/champs/").select("time")
    assert [time["datetime"] for time in times] == ["2020-01-31", "2021-01-31"]


def test_an_overdue_page_says_so_plainly_before_anything_else(spec_site):
    assert overdue_notice(spec_site, "guide/champs/") == (
        "Relecture en retard : cette page devait être relue au plus tard le 31 janvier 2021. "
        "Son contenu n'a pas été vérifié depuis et peut ne plus être à jour."
    )
    assert overdue_notice(spec_site, "en/cas/ended-network/") == (
        "Review overdue: this page was due for review by 28 February 2023. "
        "Its content has not been checked since and may be out of date."
    )
    info = spec_site.html("guide/champs/").select_one(".page-info")
    assert "page-info__overdue" in info.find("p")["class"]
    assert overdue_notice(spec_site, "en/index.html") == (
        "This page has never been reviewed: its content may be out of date."
    )
    # Reviewed on 2026-12-01, due on 2027-06-01: overdue only after that day.
    beta = overdue_notice(spec_site, "partenaires/beta-lab/")
    assert (beta is not None) == (date.today() > date(2027, 6, 1))


def test_make_review_lists_what_is_due_oldest_first_in_the_contributors_language(spec_data):
    lines = report(ROOT, spec_data, date(2026, 12, 7), ("fr",))
    never = [line for line in lines if "jamais relu" in line]
    assert (
        "docs/fr/index.md:1:1: jamais relu (relisez le contenu, puis ajoutez ce fichier avec"
        in ("\n".join(never))
    )
    assert "data/case-studies/running-catalogue.yml:1:1: jamais relu" in "\n".join(never)
    dated = [line for line in lines if line not in never][:-1]
    assert dated == [
        "docs/fr/guide/champs.md:1:1: relecture en retard : prévue au plus tard le 2021-01-31,"
        " la dernière date du 2020-01-31 (relisez le contenu, puis inscrivez la date du jour en"
        " face de ce fichier dans data/reviews.yml)",
        "data/case-studies/ended-network.yml:1:1: relecture en retard : prévue au plus tard le"
        " 2023-02-28, la dernière date du 2021-02-28 (relisez le contenu, puis inscrivez la date"
        " du jour en face de ce fichier dans data/reviews.yml)",
    ]
    assert (
        lines[-1]
        == f"{len(lines) - 1} page(s) ou fiche(s) à relire, dont {len(lines) - 1} en retard (data/reviews.yml)"
    )
    assert lines.index(never[-1]) < lines.index(dated[0])  # never reviewed first


def test_make_review_lists_a_review_due_within_thirty_days(spec_data):
    soon = [
        line for line in report(ROOT, spec_data, date(2027, 5, 10), ("en",)) if "beta-lab" in line
    ]
    assert soon == [
        "data/partners/beta-lab.yml:1:1: review due on 2027-06-01, the last one was on 2026-12-01"
        " (review the content by then, then write today's date beside this file in"
        " data/reviews.yml)"
    ]
    assert not [
        line for line in report(ROOT, spec_data, date(2027, 4, 30), ("en",)) if "beta-lab" in line
    ]


def test_make_review_speaks_the_contributors_language_and_fills_the_job_summary(tmp_path):
    summary = tmp_path / "summary.md"
    command = [sys.executable, "-m", "macros.contribute.review", "--today", "2100-01-01"]
    french = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, check=True, env={"LANG": "fr_FR.UTF-8"}
    ).stdout.splitlines()
    assert "docs/fr/guide/champs.md:1:1: relecture en retard" in "\n".join(french)
    assert french[-1].endswith("en retard (data/reviews.yml)")
    subprocess.run(
        [*command, "--github"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        env={"GITHUB_STEP_SUMMARY": str(summary), "LANG": "C"},
    )
    written = summary.read_text("utf-8")
    assert "- `docs/fr/guide/champs.md:1:1: relecture en retard" in written
    assert "- `docs/fr/guide/champs.md:1:1: review overdue" in written


def test_a_review_of_a_page_that_does_not_exist_is_refused_with_file_and_line(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    reviews = data / "reviews.yml"
    reviews.write_text(
        reviews.read_text("utf-8") + '  "docs/fr/guide/chmaps.md": "2026-01-05"\n', "utf-8"
    )
    line = len(reviews.read_text("utf-8").splitlines())
    with pytest.raises(DataError) as refused:
        load_site_data(data)
    assert [str(problem) for problem in refused.value.problems] == [
        f"data/reviews.yml:{line}:3: reviewed.docs/fr/guide/chmaps.md: no file"
        ' "docs/fr/guide/chmaps.md" (the path of a French page'
        " (docs/fr/guide/champs.md) or of a record (data/case-studies/g2id.yml) that exists)"
    ]
