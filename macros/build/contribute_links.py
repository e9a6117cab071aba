"""Each page's "Edit this page" and "Report a problem on this page" addresses.

Edit: the page's own source in its own language (docs/en/... for an English page), or, for a
page generated from data/, that record's YAML file, or, for a page whose text is mostly a data
file's (the glossary), that file, in GitHub's web editor. Material shows it
(feature `content.action.edit`, `page.edit_url`); overrides/partials/actions.html words it.
Report: the "report a problem" issue form (.github/ISSUE_TEMPLATE/report-problem.yml) with the
page's address filled in, as `page.report_url`.
Mail: the same without a GitHub account, to the address set once in mkdocs.yml
(`extra.contact_email`), the page's address and language already in the message, as
`page.mail_url`.
First time: the step-by-step guide for people new to GitHub, in the build's language, as
`page.first_time_url`, relative (the offline copies rewrite relative links only).
"""

from __future__ import annotations

import html
from pathlib import Path
from urllib.parse import quote, urlencode, urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from macros.build.state import Build
from macros.site.i18n import build_language, page_url, source_path
from macros.site.paths import FIRST_TIME_PAGE, GLOSSARY_PAGE

REPORT_FORM = "report-problem.yml"  # the issue form, and its field for the page's address:
REPORT_FIELD = "page"


# Pages whose text a macro draws from a data file: what a contributor comes to change is there.
DATA_PAGES = {GLOSSARY_PAGE: "data/glossary.yml"}


def source_file(build: Build, page: Page, config: MkDocsConfig) -> str:
    """The file a contributor edits to change this page, from the repository's root."""
    data_file = build.data_files.get(page.file.src_uri) or DATA_PAGES.get(source_path(page))
    return data_file or f"{Path(config.docs_dir).name}/{page.file.src_uri}"


def set_addresses(build: Build, page: Page, config: MkDocsConfig) -> None:
    set_mail_address(build, page, config)
    if not config.repo_url:
        return
    repository = config.repo_url.rstrip("/") + "/"
    # edit_uri ends with the docs folder ("edit/main/docs/"): the branch's root is one folder up.
    branch_root = urljoin(repository, config.edit_uri or "edit/main/docs/") + "../"
    page.edit_url = urljoin(branch_root, source_file(build, page, config))
    query = urlencode(
        {"template": REPORT_FORM, REPORT_FIELD: page_url(page, None, config.site_url)}
    )
    # Not one of MkDocs' attributes: overrides/ reads it for the "report a problem" link.
    page.report_url = f"{repository}issues/new?{query}"  # type: ignore[attr-defined]
    guide = page_url(FIRST_TIME_PAGE, build_language(config))
    page.first_time_url = get_relative_url(guide, page.url)  # type: ignore[attr-defined]


def set_mail_address(build: Build, page: Page, config: MkDocsConfig) -> None:
    """A mailto: address whose subject names the page and whose body gives its address and
    language, then asks what is wrong, and warns against personal data."""
    contact = config.extra.get("contact_email")
    if not contact:
        return
    words, language = build.site_data(config).words, build_language(config)
    title = html.unescape(page.title or config.site_name)  # page_titles escaped it for HTML
    values = {
        "title": title,
        "address": page_url(page, None, config.site_url),
        "language": words[f"language_{language}"][language],
    }
    subject = words["mail.subject"][language].format(**values)
    body = "\n".join(
        (
            words["mail.page"][language].format(**values),
            "",
            words["mail.ask"][language],
            "",
            "",
            words["mail.no_personal_data"][language],
        )
    )
    query = f"subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    # Not one of MkDocs' attributes: overrides/partials/actions.html reads it.
    page.mail_url = f"mailto:{quote(contact, safe='@')}?{query}"  # type: ignore[attr-defined]
