"""A hostile pull request: every text field of every data file filled with attacks, at once.

The fields are found by walking each data file with its schema (every string the schema marks
`x-text`, and every URL), so a field added to a schema is attacked without touching this file.
The attacks are one table. Those the validator must refuse are each put in every field and must
come back as one problem per field; the others are all placed in one build of a copy of the
project, whose every output must be inert: in Chromium no dialog, no navigation, no CSP
violation, no request to another host; in the HTML no script, handler or javascript:/data:/
vbscript: link that the site did not write; JSON, JSON-LD and CSV that hold the text as text.
(notes/security.md)
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, spec_data_copy

from macros.model.data import SINGLE_FILES, DataError, schema_comment
from macros.model.validation import field_name
from macros.registry import KINDS, load_site_data
from macros.site.i18n import LANGUAGES
from tools.chromium import arrive
from tools.project import copy_project, run_in_copy
from tools.serve_like_pages import serving

# --- The attacks -------------------------------------------------------------------------------

# Accepted as plain text, and inert wherever the text lands. Two groups, because a one-line field
# holds 300 characters: records alternate between them, so each field meets both.
INERT = [
    [
        "=cmd|' /C calc'!A0",  # a formula (at the start of the value, where spreadsheets look)
        "<script>alert('script')</script>",
        '"><svg onload=alert("attribute")>',
        "' autofocus onfocus='alert(`quote`)",
        "[link](javascript:alert('markdown'))",
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "{{ 7 * 7 }} {% raw %}",
    ],
    [
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "</script><script>alert('json-ld')</script>",
        "[vb](vbscript:msgbox('vb')) <javascript:alert('autolink')>",
        '*emphasis*{: onclick="alert(`attr_list`)" }',
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        "![tracker](https://evil.example/pixel.png) &lt;b&gt;",
    ],
]
# Where line breaks are allowed: a blank line would end an HTML block and let Markdown in.
PARAGRAPH_EXTRA = "\n\n[blank line](javascript:alert('blank'))\n\n"
# A URL that passes the URL pattern but tries to leave its attribute.
HOSTILE_URL = "https://evil.example/a'onmouseover='alert(`url`)'"

# Refused by the validator, wherever they are put: (rule they apply to, value).
REFUSED = {
    "line break in a one-line text": ("line", "two\nlines"),
    "direction override": ("text", "admin\u202etxt.exe"),
    "control character": ("text", "bell\u0007"),
    # Invisible characters: what a reviewer reads is not what is stored (look-alikes, hidden text)
    "zero-width space": ("text", "ad\u200bmin"),
    "soft hyphen": ("text", "bi\u00adbliotheque"),
    "Unicode tag characters": ("text", "hidden\U000e0041\U000e0042"),
    "right-to-left mark": ("text", "mark\u200f"),
    "zero-width joiner in a URL": ("url", "https://example.org/a\u200db"),
    "oversized text": ("text", None),  # one more character than the field allows
    "javascript: URL": ("url", "javascript:alert(1)"),
    "data: URL": ("url", "data:text/html,<script>alert(1)</script>"),
    "vbscript: URL": ("url", "vbscript:msgbox(1)"),
}

# --- Every text field, found from the schemas ----------------------------------------------------

SCHEMAS = {
    path.name: json.loads(path.read_text("utf-8"))
    for path in (ROOT / "data" / "schemas").glob("*.schema.json")
}


def resolved(schema: dict, schema_name: str) -> tuple[dict, str]:
    """The schema with its `$ref` followed, the keywords beside the `$ref` merged in."""
    while "$ref" in schema:
        file, _, pointer = schema["$ref"].partition("#")
        schema_name = file or schema_name
        target = SCHEMAS[schema_name]
        for part in pointer.strip("/").split("/"):
            target = target[part] if part else target
        extra = {key: value for key, value in schema.items() if key != "$ref"}
        merged = {**target, **extra}
        if "properties" in target and "properties" in extra:
            merged["properties"] = {
                name: {**target["properties"].get(name, {}), **rule}
                for name, rule in {**target["properties"], **extra["properties"]}.items()
            }
        schema = merged
    return schema, schema_name


def text_fields(content, schema: dict, schema_name: str, path=()) -> Iterator[tuple]:
    """(path, rule, maxLength) of every text in `content`: rule is "line", "paragraph" or
    "url"."""
    schema, schema_name = resolved(schema, schema_name)
    if isinstance(content, dict):
        for key, value in content.items():
            rule = schema.get("properties", {}).get(key, schema.get("additionalProperties"))
            if isinstance(rule, dict):
                yield from text_fields(value, rule, schema_name, (*path, key))
    elif isinstance(content, list) and "items" in schema:
        for index, item in enumerate(content):
            yield from text_fields(item, schema["items"], schema_name, (*path, index))
    elif isinstance(content, str) and "x-text" in schema:
        yield path, schema["x-text"], schema["maxLength"]
    elif isinstance(content, str) and schema.get("title") == "URL":
        yield path, "url", schema["maxLength"]


# libyaml's safe loader and dumper where PyYAML has them: every attack reads and writes every data
# file, which PyYAML's own parser and emitter take seconds to do.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def data_files(data: Path) -> Iterator[tuple[Path, str, bool]]:
    """Every data file with its schema, and whether it sits in a folder of records."""
    for name, schema in SINGLE_FILES.items():
        yield data / name, schema, False
    for kind in KINDS:
        for path in sorted((data / kind.name).glob("*.yml")):
            yield path, kind.schema, True


def set_at(content, path: tuple, value) -> None:
    for part in path[:-1]:
        content = content[part]
    content[path[-1]] = value


def rewrite(data: Path, value_for) -> dict[str, list[tuple[tuple, str]]]:
    """Give every text field of every file in `data` the value `value_for(rule, original,
    number, path, maxLength)` returns (None: leave it); return the (path, rule) changed, by
    file name."""
    changed: dict[str, list[tuple[tuple, str]]] = {}
    number = 0
    for file, schema_name, in_folder in data_files(data):
        content = yaml.load(file.read_text("utf-8"), Loader=SAFE_LOADER)
        hostile = copy.deepcopy(content)
        for path, rule, limit in text_fields(content, SCHEMAS[schema_name], schema_name):
            original = content
            for part in path:
                original = original[part]
            value = value_for(rule, original, number, path, limit)
            number += 1
            if value is not None:
                set_at(hostile, path, value)
                changed.setdefault(file.name, []).append((path, rule))
        text = yaml.dump(
            hostile, Dumper=SAFE_DUMPER, allow_unicode=True, sort_keys=False, width=10_000
        )
        file.write_text(schema_comment(schema_name, in_folder) + "\n" + text, "utf-8")
    return changed


def test_the_attack_reaches_every_kind_and_every_text_rule(tmp_path):
    data = copy_project(tmp_path) / "data"
    changed = rewrite(data, lambda rule, original, number, path, limit: original)
    assert {"sources.yml", "glossary.yml", "vocabularies.yml", "interface.yml"} <= set(changed)
    for kind in KINDS:
        assert any((data / kind.name / name).is_file() for name in changed), kind.name
    rules = {rule for fields in changed.values() for _, rule in fields}
    assert rules == {"line", "paragraph", "url"}
    load_site_data(data)  # rewritten as they were, the files are still valid


# --- Refused: each attack in every field it applies to, one problem per field -------------------


def fields_by_kind(data: Path) -> dict[str, set[str]]:
    """Each kind's text fields in `data`'s records, list positions left out."""
    return {
        kind.name: {
            ".".join(str(part) for part in path if not isinstance(part, int))
            for file in (data / kind.name).glob("*.yml")
            for path, _, _ in text_fields(
                yaml.load(file.read_text("utf-8"), Loader=SAFE_LOADER),
                SCHEMAS[kind.schema],
                kind.schema,
            )
        }
        for kind in KINDS
    }


def test_the_specification_records_hold_every_text_field_the_real_records_use(tmp_path):
    """The refused attacks below use the specification records (spec_data_copy): they must
    hold every text field the real records use."""
    real = fields_by_kind(copy_project(tmp_path / "real") / "data")
    specified = fields_by_kind(spec_data_copy(tmp_path / "spec"))
    for kind, fields in real.items():
        assert fields, kind
        assert fields - specified[kind] == set(), kind


@pytest.mark.parametrize(("applies_to", "value"), REFUSED.values(), ids=REFUSED.keys())
def test_each_refused_attack_is_reported_in_every_field(tmp_path, applies_to, value):
    spec_data_copy(tmp_path)

    def attack(rule, original, number, path, limit):
        if value is None:  # oversized, in every fourth field: the files stay under their limit
            return "x" * (limit + 1) if number % 4 == 0 else None
        if rule == applies_to or (applies_to == "text" and rule in ("line", "paragraph")):
            return value
        return None

    changed = rewrite(tmp_path / "data", attack)
    with pytest.raises(DataError) as caught:
        load_site_data(tmp_path / "data")
    reported = {(Path(problem.file).name, problem.field) for problem in caught.value.problems}
    expected = {(file, field_name(path)) for file, fields in changed.items() for path, _ in fields}
    assert expected, "the attack was placed somewhere"
    assert reported == expected
    assert all(problem.line > 1 for problem in caught.value.problems), "each at its line"


# --- The rules themselves, written by hand --------------------------------------------------------

# The attacks above find their fields in the schemas: weaken a schema and they move with it. These
# rules are written here instead, from what the pages need (a title, a name or a label is one
# line: a line break there would end a heading or an HTML block), in both languages, and the
# specification records (tests/fixtures/spec-site/) hold each field.
ONE_LINE = [
    ("case-studies/hostile-text.yml", path)
    for field in [
        ("title",),
        ("territory", "label"),
        ("key_figures", 0, "label"),
        ("key_figures", 0, "unit"),
        ("governance", 0, "body"),
    ]
    for path in [(*field, "fr"), (*field, "en")]
] + [
    ("partners/alpha-network.yml", path)
    for field in [("name",), ("region",)]
    for path in [(*field, "fr"), (*field, "en")]
]


def test_a_line_break_in_a_one_line_text_is_refused_in_both_languages(tmp_path):
    data = spec_data_copy(tmp_path)
    for file in sorted({file for file, _ in ONE_LINE}):
        record = data / file
        content = yaml.safe_load(record.read_text("utf-8"))
        for path in [path for named, path in ONE_LINE if named == file]:
            set_at(content, path, "two\nlines")
        kind = next(kind for kind in KINDS if file.startswith(kind.name + "/"))
        text = yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=10_000)
        record.write_text(schema_comment(kind.schema, True) + "\n" + text, "utf-8")
    with pytest.raises(DataError) as caught:
        load_site_data(data)
    reported = sorted(
        (Path(problem.file).name, problem.field, problem.key) for problem in caught.value.problems
    )
    expected = sorted(
        (Path(file).name, field_name(path), "text.line_break") for file, path in ONE_LINE
    )
    assert reported == expected


# --- Accepted: every field attacked in one build, every output inert ----------------------------

SITE_URL = "https://owner.github.io/mutualiser/"


def inert_value(rule: str, original: str, number: int, path: tuple, limit: int) -> str:
    return _inert_value(rule, original, number, path)[-limit:]  # the end keeps it unique


def _inert_value(rule: str, original: str, number: int, path: tuple) -> str:
    group = " ".join(INERT[number % 2])
    if rule == "url":
        return HOSTILE_URL
    if path[0] == "terms" and path[-2] == "term":  # abbreviations: no [ ] \ (schema)
        group = group.replace("[", "(").replace("]", ")")
    if re.search(r"\{\w+\}", original):  # an interface word: keep its {placeholders}
        return original + " " + group.replace("{", "(").replace("}", ")")
    value = f"{group} #{number}"  # unique: glossary terms and ids of labels stay distinct
    if rule == "paragraph":
        value = f"{group}{PARAGRAPH_EXTRA}{group} #{number}"
    return value


# A page's title and description, within their limits (120 and 300 characters)
FRONT_MATTER_ATTACK = {
    "title": INERT[0][1] + " " + INERT[1][4],  # a script, and a refresh to another site
    "description": " ".join([INERT[0][2], INERT[0][3], INERT[0][6], INERT[1][1]]),
}


def attack_front_matter(page: Path) -> None:
    text = page.read_text("utf-8")
    body = text.split("\n---\n", 1)[1]
    front_matter = yaml.safe_dump(FRONT_MATTER_ATTACK, allow_unicode=True, width=10_000)
    page.write_text(f"---\n{front_matter}---\n{body}", "utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    rewrite(project / "data", inert_value)
    for language in ("fr", "en"):  # a page's front matter: its two declared keys
        attack_front_matter(project / "docs" / language / "a-propos.md")
    # A small page of cards: the listing's script adds the others from cards.json, as HTML.
    settings = project / "mkdocs.yml"
    settings.write_text(
        re.sub(r"case_listing_page_size: \d+", "case_listing_page_size: 5", settings.read_text())
    )
    # A history, so that pages are dated and the feeds list them, with the attacks
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "hostile"]):
        git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *command]
        subprocess.run(git, cwd=project, check=True, capture_output=True)
    result = run_in_copy(
        project,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-d",
        "out",
        SITE_URL=SITE_URL,
        PAGE_DATES="on",
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "out"


SCRIPT_URL = re.compile(r"^\s*(javascript|data|vbscript):", re.IGNORECASE)
DATA_TYPES = {"application/json", "application/ld+json"}


INTERNAL_REFRESH = re.compile(r"^0; url=(?![a-zA-Z][a-zA-Z0-9+.-]*:|//)[^\s]*$")


def test_no_page_carries_a_script_a_handler_or_a_script_link(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        html = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        where = page.relative_to(hostile_site)
        for element in html.find_all(True):
            for name, value in element.attrs.items():
                assert not name.startswith("on"), f"{where}: <{element.name} {name}>"
                values = value if isinstance(value, list) else [value]
                if name in ("href", "src", "action", "formaction", "xlink:href"):
                    assert not any(SCRIPT_URL.match(v) for v in values), f"{where}: {value}"
            assert element.name not in ("iframe", "object", "embed", "base"), where
        for meta in html.find_all("meta", attrs={"http-equiv": True}):
            # The short links' redirect pages refresh, to a page of the site only (relative).
            internal = meta["http-equiv"] == "refresh" and INTERNAL_REFRESH.match(meta["content"])
            assert meta["http-equiv"] == "Content-Security-Policy" or internal, f"{where}: {meta}"
        for script in html.find_all("script"):
            if script.get("type") in DATA_TYPES:
                assert "</script" not in script.string.lower()
                json.loads(script.string)
            else:
                assert "alert(" not in (script.string or ""), f"{where}: {script}"
        for image in html.find_all("img"):
            assert "evil.example" not in image.get("src", ""), f"{where}: {image}"


def test_the_listing_cards_file_holds_the_text_as_text(hostile_site):
    for listing in ("cas", "en/cas"):
        cards = json.loads((hostile_site / listing / "cards.json").read_text("utf-8"))
        html = BeautifulSoup("".join(cards), "html.parser")
        assert len(html.find_all("li", recursive=False)) == len(cards) > 5
        assert html.find_all(["script", "svg", "meta", "img", "iframe"]) == []
        for element in html.find_all(True):
            assert not any(name.startswith("on") for name in element.attrs), element
        assert "<script>alert(" in html.get_text()


def test_the_attacks_are_shown_as_text(hostile_site):
    page = BeautifulSoup(
        (hostile_site / "en/cas/g2id/index.html").read_text("utf-8"), "html.parser"
    )
    shown = page.get_text()
    for attack in [*INERT[0], *INERT[1]]:
        if not attack.startswith(("=", "@")):  # those only start a value
            assert attack.replace("\n", " ") in " ".join(shown.split()) or attack in shown, attack
    assert "<script>alert(" in page.title.get_text(), "the window title shows the markup"
    (description,) = page.select('meta[name="description"]')
    assert description["content"].startswith(("=cmd|' /C calc'!A0 <", "@SUM(1+1)*cmd|"))
    assert "<script>alert(" in description["content"]


def test_open_data_holds_the_text_and_no_formula(hostile_site):
    for path in [
        hostile_site / "donnees" / f"{kind.name}.{language}.json"
        for kind in KINDS
        for language in LANGUAGES
    ]:
        records = json.loads(path.read_text("utf-8"))["records"]
        assert any("<script>alert('script')</script>" in json.dumps(r) for r in records), path
    cells = 0
    for path in sorted((hostile_site / "donnees").glob("*.csv")):
        rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig"))))
        for row in rows[1:]:
            for cell in row:
                cells += 1
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (path.name, cell)
        assert any(cell.startswith(("'=cmd|", "'@SUM")) for row in rows for cell in row), path.name
    assert cells > 100


def test_the_rdf_files_hold_the_text_as_it_is(hostile_site):
    from rdflib import Graph, Literal
    from rdflib.compare import isomorphic
    from rdflib.namespace import DCTERMS, SKOS

    data = load_site_data(hostile_site.parent / "data")
    folder = hostile_site / "donnees"
    turtle = Graph().parse(folder / "glossary.ttl", format="turtle")
    assert isomorphic(turtle, Graph().parse(folder / "glossary.jsonld", format="json-ld"))
    labels = set(turtle.objects(None, SKOS.prefLabel))
    definitions = set(turtle.objects(None, SKOS.definition))
    for term in data.glossary.values():
        for language in LANGUAGES:
            assert Literal(term.term[language], lang=language) in labels
            assert Literal(term.definition[language], lang=language) in definitions
    assert any("<script>alert(" in str(label) for label in labels)
    catalogue = Graph().parse(folder / "catalogue.jsonld", format="json-ld")
    titles = set(catalogue.objects(None, DCTERMS.title))
    assert Literal(data.words["glossary.dataset"]["fr"], lang="fr") in titles


def test_in_chromium_no_page_runs_navigates_or_reaches_out(hostile_site, browser):
    from every_page import RECORD_VIOLATIONS

    problems = []
    with serving(hostile_site, base="/mutualiser/") as url:
        context = browser.new_context()
        page = context.new_page()
        page.add_init_script(RECORD_VIOLATIONS)
        page.on(
            "dialog", lambda dialog: (problems.append(f"dialog {dialog.message}"), dialog.dismiss())
        )
        page.on(
            "request",
            lambda request: (
                request.url.startswith(url) or problems.append(f"request {request.url}")
            ),
        )
        for path in sorted(hostile_site.rglob("*.html")):
            if 'http-equiv="refresh"' in path.read_text("utf-8"):
                continue  # a short link's redirect page: checked as HTML above, and followed
                # in a browser by tests/test_trainers_kit.py
            address = url + path.relative_to(hostile_site).as_posix().removesuffix("index.html")
            page.goto(address, wait_until="load")
            page.wait_for_load_state("load")
            if page.url != address:
                problems.append(f"navigated from {address} to {page.url}")
            problems += page.evaluate("window.__violations")
            page.keyboard.press("Tab")  # an autofocus/onfocus break-out would fire here
        # The case listing adds the cards past its first page as HTML: show them all.
        for listing in ("cas/", "en/cas/"):
            arrive(page, url + listing)
            more = page.locator("[data-show-more]")
            while more.is_visible():
                more.click()
            cards = page.locator("[data-listing-items] > li").count()
            if cards != len(list((hostile_site.parent / "data/case-studies").glob("*.yml"))):
                problems.append(f"{listing}: {cards} cards after showing them all")
            problems += page.evaluate("window.__violations")
        # Search renders results as HTML: look up the attacks in each language's index.
        for language in ("", "en/"):
            arrive(page, url + language)
            page.keyboard.press("s")
            page.keyboard.type("alert script")
            page.wait_for_selector(".md-search-result__item", timeout=30_000)
            page.wait_for_timeout(500)
            problems += page.evaluate("window.__violations")
        context.close()
    assert problems == []


def test_the_feeds_hold_the_attacks_as_plain_text(hostile_site):
    """A feed reader shows a `text` title as it is: the attack arrives as its characters."""
    import feedparser

    for feed in ("feed.xml", "en/feed.xml"):
        parsed = feedparser.parse((hostile_site / feed).read_bytes())
        assert not parsed.bozo, parsed.get("bozo_exception")
        texts = []
        for entry in parsed.entries:
            for detail in (entry.title_detail, entry.get("summary_detail")):
                if detail:
                    assert detail.type == "text/plain", (feed, detail)
                    texts.append(detail.value)
        for attack in (FRONT_MATTER_ATTACK["title"], "<script>alert('script')</script>"):
            assert any(attack in text for text in texts), (feed, attack)


def test_front_matter_reaches_the_navigation_of_every_page_as_text(hostile_site):
    for language, root in (("fr", ""), ("en", "en/")):
        page = BeautifulSoup((hostile_site / root / "index.html").read_text("utf-8"), "html.parser")
        nav = page.select_one("nav.md-nav--primary")
        assert FRONT_MATTER_ATTACK["title"] in nav.get_text(), language
        assert nav.find_all(["script", "meta", "iframe"]) == [], language


# --- Refused by the build itself, even if `make validate` is skipped -----------------------------


@pytest.mark.build  # runs the build of a copy, which must refuse the page
@pytest.mark.parametrize("key", ["subtitle", "status", "template"])
def test_a_page_with_an_undeclared_front_matter_key_is_never_published(tmp_path, key):
    """Material prints `subtitle` and `status` into every page's navigation, unescaped."""
    project = copy_project(tmp_path)
    page = project / "docs/fr/a-propos.md"
    refresh = '<meta http-equiv="refresh" content="0;url=https://evil.example/">'
    page.write_text(
        page.read_text("utf-8").replace("---\n", f"---\n{key}: '{refresh}'\n", 1), "utf-8"
    )
    result = run_in_copy(project, "-m", "mkdocs", "build", "--strict", "-d", "out")
    assert result.returncode != 0
    assert f"docs/fr/a-propos.md:2:1: {key}: unknown key (one of: title, description)" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not any((project / "out").rglob("index.html")) or "evil.example" not in "".join(
        path.read_text("utf-8") for path in (project / "out").rglob("*.html")
    )
