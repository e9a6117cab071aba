"""How to cite a page: the "cite this page" block after its content, and the same facts as
metadata in its <head> for reference managers (Highwire `citation_*` tags, which Zotero reads
first, Dublin Core and Open Graph).

The project is the author, the page's last change its date (macros/publish/page_dates.py), its
absolute address the one of macros/site/i18n.py, the licence mkdocs.yml's extra.licence. The day
the reader consults the page is filled in by the browser
(overrides/assets/javascripts/page-tools.js). Every text goes through the autoescaped templates of
macros/templates/.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

from macros.model.changes import ChangeNote
from macros.model.reviews import ReviewState
from macros.publish.page_dates import day_text, page_day
from macros.render.templates import render
from macros.site.i18n import page_language, page_url

PLACEHOLDER = re.compile(r"({\w+})")
FEED = "feed.xml"  # each language's Atom feed, at its root (macros/build/feeds.py)


@dataclass(frozen=True)
class PageCitation:
    title: str
    description: str
    author: str  # the project
    updated: date | None  # None only in a preview built with PAGE_DATES=off
    url: str  # absolute
    language: str
    licence: dict  # {name, url}
    feed_url: str  # absolute: the Atom feed of this language


def page_citation(page, config) -> PageCitation:
    """The facts to cite a page of the build in progress (`config`: its MkDocs config)."""
    language = page_language(page)
    return PageCitation(
        # Material's titles are HTML (macros/build/page_titles.py escapes front matter into it):
        # text here
        title=Markup(page.title).striptags() if page.title else config.site_name,
        description=(page.meta or {}).get("description") or config.site_description or "",
        author=config.site_name,
        updated=page_day(page),
        url=page_url(page, site_url=config.site_url or "/"),
        language=language,
        licence=config.extra["licence"],
        feed_url=page_url(FEED, language, config.site_url or "/"),
    )


def fill(template: str, **parts: Markup) -> Markup:
    """An interface word with its {placeholders} replaced by ready HTML; the rest is escaped."""
    return Markup("").join(
        parts[piece[1:-1]] if PLACEHOLDER.fullmatch(piece) else escape(piece)
        for piece in PLACEHOLDER.split(template)
    )


def references(citation: PageCitation, words) -> list[tuple[str, str, Markup]]:
    """The page's reference in each style, (style id, style name, HTML): the title in <cite>,
    the day of consultation, which the browser writes (page-tools.js)."""
    language = citation.language

    def updated(form: str | None) -> Markup:
        if citation.updated is None:
            return escape(words["no_date"][language])
        text = day_text(citation.updated, language, words, form)
        return Markup('<time datetime="{}">{}</time>').format(citation.updated.isoformat(), text)

    def reference(template: str, updated_form: str | None, locale: str) -> Markup:
        # `locale`: how the browser writes the day of consultation, per style and language
        # (Intl): ISO 690 "21 November 2026", APA "November 21, 2026".
        # A <span> the browser turns into a <time> of today: a <time> must hold a date.
        consulted = Markup('<span data-consulted="{}">{}</span>').format(
            locale, words["cite.consulted_unknown"][language]
        )
        return fill(
            template,
            author=escape(citation.author),
            title=Markup("<cite>{}</cite>").format(citation.title),
            updated=updated(updated_form),
            url=escape(citation.url),
            consulted=consulted,
        )

    return [
        (
            "iso690",
            words["cite.style.iso690"][language],
            reference(words["cite.iso690"][language], None, words["cite.locale.iso690"][language]),
        ),
        (
            "apa",
            words["cite.style.apa"][language],
            reference(
                words["cite.apa"][language],
                words["cite.apa_date"][language],
                words["cite.locale.apa"][language],
            ),
        ),
    ]


def page_info_html(
    citation: PageCitation,
    words,
    review: ReviewState | None = None,
    today: date | None = None,
    history: list[ChangeNote] | None = None,
    retired: bool = False,
) -> Markup:
    """The block after the page's content: last change, review state (macros/model/reviews.py),
    its change notes, newest first (macros/model/changes.py), how to cite it, its licence. A
    `retired` page (archived or superseded) is due for no review: its last one only."""
    language = citation.language
    ui = {key: text[language] for key, text in words.items()}
    updated = day_text(citation.updated, language, words) if citation.updated else None

    def day(value: date | None) -> str | None:
        return day_text(value, language, words) if value else None

    return Markup(
        render(
            "page_info.html",
            citation=citation,
            updated=updated,
            review=review,
            reviewed=day(review.reviewed) if review else None,
            due=day(review.due) if review and not retired else None,
            overdue=review.overdue(today or date.today()) if review and not retired else False,
            history=[(note, day(note.day)) for note in history or ()],
            language=language,
            references=references(citation, words),
            ui=ui,
        )
    )


def metadata_html(
    citation: PageCitation, site_name: str, words, json_ld: dict, image: str
) -> Markup:
    """The <head> tags a reference manager reads, the page's schema.org JSON-LD
    (macros/publish/structured_data.py) and its link-preview image."""
    ui = {key: text[citation.language] for key, text in words.items()}
    return Markup(
        render(
            "page_metadata.html",
            citation=citation,
            site_name=site_name,
            locale=ui["cite.locale.open_graph"],
            json_ld=json_ld,
            image=image,
            ui=ui,
        )
    )
