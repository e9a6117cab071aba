"""What the accessibility statement and the legal notice state, from the facts the project keeps:
data/accessibility.yml (the audit, if any, the tests that check accessibility, the known issues)
and mkdocs.yml's `extra.publisher` and `extra.host`, set once there."""

from __future__ import annotations

from macros.model.records import SiteData
from macros.render.context import PageContext
from macros.render.templates import render
from macros.site.i18n import page_url
from macros.site.paths import ACCESSIBILITY_PAGE, LEGAL_NOTICE_PAGE

STATEMENT_PARTS = ("status", "tests", "known-issues")


def compliance_word(data: SiteData, language: str) -> str:
    """ "non conforme" / "non-compliant" until an RGAA audit says otherwise: the statement's
    status, also shown in every page's footer."""
    words = data.words
    return {
        "none": words["accessibility.compliance.none"],
        "partial": words["accessibility.compliance.partial"],
        "full": words["accessibility.compliance.full"],
    }[data.accessibility.compliance][language]


def footer_links(data: SiteData, language: str) -> list[tuple[str, str]]:
    """The footer's links to the accessibility statement (with the site's status, as the French
    model asks) and to the legal notice: (address from the site root, text)."""
    words = data.words
    return [
        (
            page_url(ACCESSIBILITY_PAGE, language),
            words["accessibility.link"][language].format(status=compliance_word(data, language)),
        ),
        (page_url(LEGAL_NOTICE_PAGE, language), words["legal.link"][language]),
    ]


def accessibility_statement(
    data: SiteData, page: PageContext, part: str, repository: str | None
) -> str:
    """One part of the accessibility statement: "status", "tests" or "known-issues"."""
    if part not in STATEMENT_PARTS:
        raise ValueError(f"accessibility_statement({part!r}): one of {', '.join(STATEMENT_PARTS)}")
    source = repository.rstrip("/") + "/blob/main/" if repository else None
    return render(
        "accessibility.html",
        part=part,
        statement=data.accessibility,
        compliance=compliance_word(data, page.language),
        sources={
            test.module: source + test.module if source else None
            for test in data.accessibility.tests
        },
        language=page.language,
        ui=page.ui,
    )


def legal_notice(page: PageContext, extra: dict, repository: str | None) -> str:
    """Who publishes the site, how to reach them, and who hosts it (mkdocs.yml `extra`)."""
    return render(
        "legal_notice.html",
        publisher=extra["publisher"][page.language],
        contact=repository.rstrip("/") + "/issues" if repository else None,
        host=extra["host"],
        ui=page.ui,
    )
