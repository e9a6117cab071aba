"""One-page printable sheets (A4 PDF) made from the built step pages, and a booklet per language.

sheet_address(link, "en")  -> "kit/en/e-4.pdf"
"""

from __future__ import annotations

import copy
import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from macros.kit.short_links import qr_code, short_address
from macros.model.records import ShortLink, SiteData
from macros.render.templates import render
from macros.site.i18n import LANGUAGES, page_url
from macros.site.paths import KIT_FOLDER
from macros.site.text import first_sentence

ADAPTED_WORK = "boussou-2014"  # the work this guide adapts (LICENSE-CONTENT.md): credited on paper


def sheet_address(link: ShortLink, language: str) -> str:
    return f"{KIT_FOLDER}/{language}/{link.short.replace('/', '-')}.pdf"


def booklet_address(language: str) -> str:
    return f"{KIT_FOLDER}/{language}/mutualiser-{language}.pdf"


def sheet_links(data: SiteData) -> list[ShortLink]:
    return [link for link in data.short_links if link.sheet]


@dataclass
class Sheet:
    """What one sheet prints, read from the built page."""

    title: str
    purpose: str
    actions: list[tuple[str, str]]  # (lead, detail): an action, or a factor and what it means
    checklist: list[str]
    pitfall: str | None
    address: str  # the short link's published address, printed and in the QR code
    page_address: str  # the page's own published address


def read_sheet(page_html: str, address: str, page_address: str) -> Sheet:
    """The sheet of a built page: a guide step ("what to do", "checklist", "pitfalls" sections)
    or the success factors (one section per factor, a self-assessment table)."""
    soup = BeautifulSoup(page_html, "html.parser")
    article = soup.select_one("article") or soup
    title = _text(article.h1)
    description = soup.find("meta", attrs={"name": "description"})
    purpose = str(description["content"]) if description else ""  # one value, not a list
    what_to_do = _section(article, "what-to-do")
    if what_to_do:  # a guide step: each numbered action's bold lead and the sentence after it
        actions = [_action(item) for item in _items(what_to_do, "ol")]
    else:  # the success factors: each factor's name and first sentence
        actions = []
        for heading in article.find_all("h2", id=True):
            paragraph = heading.find_next_sibling("p")
            if heading["id"] != "self-assessment" and paragraph:
                actions.append((_text(heading), first_sentence(_text(paragraph))))
    checklist_section = _section(article, "checklist")
    if checklist_section:
        checklist = [_text(item) for item in _items(checklist_section, "ul")]
    else:
        table = _first(_section(article, "self-assessment") or [], "table")
        checklist = (
            [_text(row.find_all("td")[-1]) for row in table.select("tbody tr")] if table else []
        )
    pitfalls = _section(article, "pitfalls")
    pitfall_items = _items(pitfalls, "ul") if pitfalls else []
    return Sheet(
        title=title,
        purpose=purpose,
        actions=actions,
        checklist=checklist,
        pitfall=_text(pitfall_items[0]) if pitfall_items else None,
        address=address,
        page_address=page_address,
    )


def _action(item: Tag) -> tuple[str, str]:
    """ "<strong>Lead.</strong> First sentence. More." -> ("Lead.", "First sentence.")."""
    lead = item.strong
    if lead is None:
        return _text(item), ""
    lead_text = _text(lead.extract())
    return lead_text, first_sentence(_text(item))


def _text(node) -> str:
    """The visible text of a node, without heading permalinks ("¶") or footnote marks."""
    for anchor in node.select("a.headerlink, sup"):
        anchor.decompose()
    text = " ".join(node.get_text(" ").split()).replace(" ,", ",").replace(" .", ".")
    return text.replace("( ", "(").replace(" )", ")")  # "(<a>Step 2</a>)" read as "( Step 2 )"


def _section(article: Tag, heading_id: str) -> list | None:
    """The nodes after the h2 with `heading_id`, up to the next h2."""
    heading = article.find("h2", id=heading_id)
    if heading is None:
        return None
    nodes = []
    for node in heading.next_siblings:
        if isinstance(node, Tag) and node.name == "h2":
            break
        nodes.append(node)
    return nodes


def _first(nodes: list, tag: str) -> Tag | None:
    """The first element named `tag` among `nodes` or inside them."""
    for node in nodes:
        if isinstance(node, Tag):
            found = node if node.name == tag else node.find(tag)
            if found:
                return found
    return None


def _items(nodes: list, list_tag: str) -> list[Tag]:
    """The items of the first list of `list_tag` among `nodes`."""
    found = _first(nodes, list_tag)
    return found.find_all("li", recursive=False) if found else []


def sheet_html(data: SiteData, sheets: list[Sheet], language: str, licence: dict, built: date):
    """The HTML WeasyPrint prints: one A4 page per sheet."""
    with_qr = [(sheet, qr_code(sheet.address).svg_data_uri(scale=4, border=2)) for sheet in sheets]
    return render(
        "sheet.html",
        language=language,
        ui=data.ui(language),
        sheets=with_qr,
        licence=licence,
        adapted=data.sources[ADAPTED_WORK],
        built=built.isoformat(),
    )


class SheetTooLong(Exception):
    pass


# Tagged for screen readers (structure, reading order, language), as PDF/UA-1 asks.
TAGGED = "pdf/ua-1"


def write_sheets(
    data: SiteData,
    site_dir: Path,
    site_url: str,
    licence: dict,
    built: date,
    cache: Path | None = None,
) -> list[str]:
    """Every sheet in every language as a one-page PDF, and a booklet per language gathering
    them. Raises SheetTooLong if a sheet needs more than one page: it would be cut on paper.

    A language's PDFs are a function of the HTML WeasyPrint prints (the sheets' texts, their
    addresses, the day, the styles) and of WeasyPrint itself: with a `cache` folder, they are
    kept there under a fingerprint of both and copied from it while it holds; the languages
    taken from the cache are returned."""
    links = sheet_links(data)
    reused = []
    for language in LANGUAGES:
        sheets = [
            read_sheet(
                (site_dir / page_url(link.page, language) / "index.html").read_text("utf-8"),
                address=site_url.rstrip("/") + "/" + short_address(link, language),
                page_address=page_url(link.page, language, site_url),
            )
            for link in links
        ]
        html = sheet_html(data, sheets, language, licence, built)
        files = [sheet_address(link, language) for link in links] + [booklet_address(language)]
        kept = cache / f"sheets-{language}-{_fingerprint(html)}" if cache else None
        if taken_from_cache(site_dir, files, kept):
            reused.append(language)
            continue
        _print(data, links, sheets, html, language, site_dir, licence, built)
        if kept:
            keep_in_cache(site_dir, files, kept)
    return reused


def _fingerprint(html: str) -> str:
    import weasyprint

    printed = f"{weasyprint.__version__}\n{TAGGED}\n{html}"
    return hashlib.sha256(printed.encode("utf-8")).hexdigest()[:16]


def taken_from_cache(site_dir: Path, files: list[str], kept: Path | None) -> bool:
    """Copy `files` from the cache folder `kept` into the site, if it holds them all."""
    if kept is None or not all((kept / file).is_file() for file in files):
        return False
    for file in files:
        (site_dir / file).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(kept / file, site_dir / file)
    return True


def keep_in_cache(site_dir: Path, files: list[str], kept: Path) -> None:
    """Copy `files` into the cache folder `kept`, whole or not at all (a build may stop midway)."""
    partial = kept.with_name(kept.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    for file in files:
        (partial / file).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(site_dir / file, partial / file)
    shutil.rmtree(kept, ignore_errors=True)
    partial.rename(kept)


def _fitted(sheet: Sheet, pages: Callable[[Sheet], int], name: str) -> Sheet:
    """`sheet` on one page: without the sentences under its actions, the longest first, where
    they take more. Raises SheetTooLong if the rest still needs more than a page."""
    while (count := pages(sheet)) > 1:
        longest = max(
            range(len(sheet.actions)), key=lambda i: len(sheet.actions[i][1]), default=None
        )
        if longest is None or not sheet.actions[longest][1]:
            raise SheetTooLong(
                f"{name} needs {count} pages: "
                "shorten its key actions, checklist or first pitfall, or the sheet's styles"
            )
        actions = list(sheet.actions)
        actions[longest] = (actions[longest][0], "")
        sheet = replace(sheet, actions=actions)
    return sheet


def _pages_per_sheet(booklet) -> list[int]:
    """How many pages each sheet of a rendered booklet takes: a sheet starts on the page that
    holds its title's anchor (sheet.html: id="sheet-1", "sheet-2"...)."""
    counts: list[int] = []
    for page in booklet.pages:
        if any(anchor.startswith("sheet-") for anchor in page.anchors):
            counts.append(1)
        else:
            counts[-1] += 1
    return counts


def _print(
    data: SiteData,
    links: list[ShortLink],
    sheets: list[Sheet],
    html: str,
    language: str,
    site_dir: Path,
    licence: dict,
    built: date,
) -> None:
    """A language's booklet, and each of its pages as a sheet of its own."""
    from weasyprint import HTML  # imported here: only builds that make sheets need Pango

    # One rendering per language (each sheet starts a page), split into one file per sheet.
    booklet = HTML(string=html).render()
    if len(booklet.pages) != len(sheets):  # some sheet runs over: those are fitted alone

        def pages(sheet: Sheet) -> int:
            return len(
                HTML(string=sheet_html(data, [sheet], language, licence, built)).render().pages
            )

        over = _pages_per_sheet(booklet)
        sheets = [
            _fitted(sheet, pages, f"the {language} sheet of {link.page}") if count > 1 else sheet
            for link, sheet, count in zip(links, sheets, over, strict=True)
        ]
        booklet = HTML(string=sheet_html(data, sheets, language, licence, built)).render()
    for link, sheet, page in zip(links, sheets, booklet.pages, strict=True):
        path = site_dir / sheet_address(link, language)
        path.parent.mkdir(parents=True, exist_ok=True)
        alone = booklet.copy([page])
        alone.metadata = copy.copy(booklet.metadata)  # shared with the booklet otherwise
        alone.metadata.title = sheet.title  # a reader's window and list say which sheet
        alone.write_pdf(path, pdf_variant=TAGGED)
    booklet.write_pdf(site_dir / booklet_address(language), pdf_variant=TAGGED)
