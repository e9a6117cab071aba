"""The languages are data: a third one is declared, not programmed.

The proof: a copy of the project declares Spanish (`es`) the way README.md's "Adding a language"
says, in the files it names (macros/site/i18n.py `LANGUAGES`, mkdocs.yml's i18n languages, the
schemas' bilingual texts, the interface words and messages, the data's texts), with two Spanish
pages (docs/es/index.md, docs/es/guide/champs.md). The real build then gives Spanish its pages
under /es/, its own Pagefind index, an entry in every page's language switcher, and serves every
page it lacks from French, marked `lang="fr"`, with the notice of an untranslated page in Spanish.

A data text is never shown in a language it is not written in: the validator refuses a bilingual
text without one of the declared languages. So the copy writes a Spanish text for every data
text (here the French one, copied, which is enough for a test; a real translation would go
there) and every word, except a handful it words in Spanish; a data file it leaves without its
Spanish is refused, with the file, line and field.
"""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT

from macros.model.validation import read_yaml
from macros.site.i18n import DEFAULT_LANGUAGE, LANGUAGES, TRANSLATIONS
from tools.project import copy_project, run_in_copy

pytestmark = pytest.mark.build

FIXTURE = ROOT / "tests" / "fixtures" / "third-language"
SITE_URL = "https://owner.github.io/mutualiser/"
NEW = "es"
SPANISH_PAGES = ("index.md", "guide/champs.md")  # docs/es/: the others are served from French
OUTDATED = "guide/champs.md"  # its Spanish was checked against a French text that has changed

# Words the copy writes in Spanish; every other word gets its French text.
SPANISH_WORDS = {
    "translation.missing.title": "Todavía no traducida",
    "translation.missing.text": "Esta página solo existe en francés por ahora: el texto "
    "siguiente es el original francés.",
    "translation.status.untranslated": "Solo en francés: todavía no traducida",
    "translation.outdated.title": "Traducción por revisar",
    "translation.unchecked.title": "Traducción nunca revisada",
    "in_language": "En {language}:",
    "cite.locale.iso690": "es-ES",
    "cite.locale.apa": "es-ES",
    "cite.locale.open_graph": "es_ES",
}
# Each language's name in Spanish, and the name of Spanish in each language.
LANGUAGE_NAMES = {"language_fr": "francés", "language_en": "inglés"}
SPANISH = {"fr": "espagnol", "en": "Spanish", "es": "español"}
MKDOCS_LANGUAGE = """\
        - locale: es
          name: Español
          build: true
          site_description: >-
            Una guía bilingüe para mutualizar recursos entre servicios de información.
          nav_translations:
            Guide en 7 étapes: La guía en 7 pasos
            Repères: Referencias
"""


def run(project: Path, *command: str) -> object:
    return run_in_copy(project, *command, SITE_URL=SITE_URL)


# --- Declaring the language in the copy, file by file (README.md, "Adding a language") --------


def declare_in_code(project: Path) -> None:
    i18n = project / "macros" / "site" / "i18n.py"
    declared = "LANGUAGES = ({})".format(", ".join(map(json.dumps, LANGUAGES)))
    text = i18n.read_text("utf-8")
    assert declared in text
    i18n.write_text(text.replace(declared, declared[:-1] + f', "{NEW}")'), "utf-8")


def declare_in_mkdocs(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    last = "            Repères: Reference\n"  # the end of the last language's entry
    assert text.count(last) == 1
    config.write_text(text.replace(last, last + MKDOCS_LANGUAGE), "utf-8")


def with_new_language(node):
    """A schema where each object of texts keyed by language also takes the new one."""
    if isinstance(node, list):
        return [with_new_language(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: with_new_language(value) for key, value in node.items()}
    if set(LANGUAGES) <= set(node.get("properties", {})):
        english = json.dumps(node["properties"]["en"], ensure_ascii=False)
        spanish = english.replace("English", "Spanish").replace("anglais", "espagnol")
        node["properties"][NEW] = json.loads(spanish)
        if set(LANGUAGES) <= set(node.get("required", [])):
            node["required"] = [*node["required"], NEW]
    return node


def declare_in_schemas(project: Path) -> None:
    for path in (project / "data" / "schemas").glob("*.schema.json"):
        schema = json.loads(path.read_text("utf-8"))
        path.write_text(json.dumps(with_new_language(schema), ensure_ascii=False), "utf-8")


def in_new_language(value, key: str = ""):
    """Data where each text keyed by language also has the new one: the French, copied."""
    if isinstance(value, list):
        return [in_new_language(item) for item in value]
    if not isinstance(value, dict):
        return value
    if set(LANGUAGES) <= set(value):
        spanish = SPANISH_WORDS.get(key, value[DEFAULT_LANGUAGE])
        return {**value, NEW: copy.deepcopy(spanish)}  # not shared: YAML would write an alias
    return {name: in_new_language(item, name) for name, item in value.items()}


def write_data_file(path: Path, content) -> None:
    first_line = path.read_text("utf-8").partition("\n")[0]  # the schema comment
    text = yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(first_line + "\n" + text, "utf-8")


def declare_in_data(project: Path) -> None:
    data = project / "data"
    for path in [*data.glob("*.yml"), *data.glob("*/*.yml")]:
        if path.parent.name == "templates" or path.name == "translations.lock.yml":
            continue
        first_line = path.read_text("utf-8").partition("\n")[0]
        parsed, problems = read_yaml(path, path.name, first_line)
        assert parsed is not None, problems
        content = in_new_language(parsed.content)
        if path.name == "interface.yml":
            for key, name in LANGUAGE_NAMES.items():
                content[key] = {**content[key], NEW: name}
            content[f"language_{NEW}"] = SPANISH
        if path.name == "short-links.yml":  # a printed link leads to its page in each language
            content["links"] = [link for link in content["links"] if link["page"] in SPANISH_PAGES]
        if path.name == "messages.yml":  # "the page has no Spanish version yet"
            content[f"word.language.{NEW}"] = {
                "fr": {"message": "espagnole"},
                "en": {"message": "Spanish"},
                "es": {"message": "española"},
            }
        write_data_file(path, content)


@pytest.fixture(scope="module")
def project_in_three_languages(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("three-languages"))
    declare_in_code(project)
    declare_in_mkdocs(project)
    declare_in_schemas(project)
    declare_in_data(project)
    shutil.copytree(FIXTURE / "docs", project / "docs", dirs_exist_ok=True)
    with (project / "data" / "translations.lock.yml").open("a", encoding="utf-8") as lock:
        lock.write(f'"docs/{NEW}/{OUTDATED}": {{french: "000000000000", checked: "2026-01-01"}}\n')
    return project


@pytest.fixture(scope="module")
def built(project_in_three_languages) -> Path:
    result = run(project_in_three_languages, "-m", "mkdocs", "build", "--strict", "-d", "out")
    assert result.returncode == 0, result.stderr
    return project_in_three_languages / "out"


def html(site: Path, address: str) -> BeautifulSoup:
    return BeautifulSoup((site / address / "index.html").read_text("utf-8"), "html.parser")


def french_pages(project: Path) -> list[str]:
    """Every Markdown page, as a path inside a language folder."""
    french = project / "docs" / DEFAULT_LANGUAGE
    return sorted(path.relative_to(french).as_posix() for path in french.rglob("*.md"))


def address(page: str, language: str) -> str:
    """`guide/champs.md` in Spanish -> `es/guide/champs/` (the copy's own rule, mkdocs' URLs)."""
    folder = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    path = page.removesuffix(".md").removesuffix("index").rstrip("/")
    return folder + (f"{path}/" if path else "")


# --- What the copy shows --------------------------------------------------------------------


def test_the_copy_with_its_spanish_texts_is_valid(project_in_three_languages):
    result = run(project_in_three_languages, "-m", "macros.contribute.check_data", "data")
    told = result.stdout + result.stderr
    assert result.returncode == 0, told
    # A warning for each French page not yet in Spanish: a translation's twin is its French.
    untranslated = [
        line.partition(":")[0] for line in told.splitlines() if "no Spanish version yet" in line
    ]
    assert untranslated == [
        f"docs/{DEFAULT_LANGUAGE}/{page}"
        for page in french_pages(project_in_three_languages)
        if page not in SPANISH_PAGES
    ]


def test_a_data_text_without_its_spanish_is_refused(project_in_three_languages, tmp_path):
    project = tmp_path / "copy"
    shutil.copytree(project_in_three_languages, project, ignore=shutil.ignore_patterns("out"))
    glossary = project / "data" / "glossary.yml"
    text = glossary.read_text("utf-8")
    first_spanish = next(line for line in text.splitlines() if line.strip().startswith("es: "))
    line_number = text.splitlines().index(first_spanish) + 1
    glossary.write_text(text.replace(first_spanish + "\n", "", 1), "utf-8")
    result = run(project, "-m", "macros.contribute.check_data", "data")
    assert result.returncode == 1
    told = result.stdout + result.stderr
    missing = [line for line in told.splitlines() if "missing translation" in line]
    assert len(missing) == 1, told
    # Reported at the text that lacks it, which starts with its French two lines above.
    assert text.splitlines()[line_number - 3].strip().startswith("fr: ")
    assert missing[0].startswith(f"data/glossary.yml:{line_number - 2}:"), missing
    assert ": terms[0].term.es: missing translation (Spanish text, one line" in missing[0]


def test_spanish_pages_are_under_es(built, project_in_three_languages):
    for page in SPANISH_PAGES:
        spanish = html(built, address(page, NEW))
        assert spanish.html["lang"] == NEW
        assert spanish.select_one("article h1").get_text(strip=True)
    home = html(built, address("index.md", NEW))
    assert home.select_one("article h1").get_text(strip=True).startswith("Mutualizar")
    # Every page of the site exists under /es/, translated or not.
    for page in french_pages(project_in_three_languages):
        assert (built / address(page, NEW) / "index.html").is_file(), page


def test_each_language_has_its_own_translation_states(built):
    """The Spanish of OUTDATED is out of date, its English is not; the Spanish home was never
    checked, which its notice says (macros/build/translation_notices.py), its English is."""
    notice = html(built, address(OUTDATED, NEW)).select_one("article .translation-notice")
    assert notice.select_one(".admonition-title").get_text() == "Traducción por revisar"
    assert notice.select_one("a[data-keep-place]")["hreflang"] == DEFAULT_LANGUAGE
    assert html(built, address(OUTDATED, "en")).select_one(".translation-notice") is None
    home = html(built, address("index.md", NEW)).select_one("article .translation-notice")
    assert home.select_one(".admonition-title").get_text() == "Traducción nunca revisada"
    assert html(built, address("index.md", "en")).select_one(".translation-notice") is None


def test_pages_without_spanish_are_served_from_french_with_the_notice(
    built, project_in_three_languages
):
    untranslated = [p for p in french_pages(project_in_three_languages) if p not in SPANISH_PAGES]
    assert len(untranslated) > 10
    for page in untranslated:
        served = html(built, address(page, NEW))
        assert served.html["lang"] == NEW, page  # the words around it are Spanish
        notice = served.select_one(".translation-notice")
        assert notice is not None, page
        assert notice.get_text(" ", strip=True).startswith(
            SPANISH_WORDS["translation.missing.title"]
        )
        french = notice.find_next_sibling("div")
        assert french["lang"] == DEFAULT_LANGUAGE, page  # the French text is marked French
        assert french.get_text(strip=True), page


def test_every_page_links_to_its_spanish_twin_in_the_switcher(built):
    pages = dict.fromkeys((*LANGUAGES, NEW), 0)
    for path in sorted(built.rglob("index.html")):
        page = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        if page.select_one(".md-header") is None:  # a short link's redirect page
            continue
        where = path.parent.relative_to(built).as_posix().removeprefix(".") + "/"
        first, _, rest = where.lstrip("/").partition("/")
        in_folder = rest if first in (*TRANSLATIONS, NEW) else where.lstrip("/")
        served_in = first if first in (*TRANSLATIONS, NEW) else DEFAULT_LANGUAGE
        pages[served_in] += 1
        links = {
            link["hreflang"]: urljoin(SITE_URL + where.lstrip("/"), link["href"])
            for link in page.select("a.md-select__link[hreflang]")
        }
        # The switcher names the other languages (overrides/partials/alternate.html).
        assert links == {
            language: SITE_URL
            + ("" if language == DEFAULT_LANGUAGE else f"{language}/")
            + in_folder
            for language in (*LANGUAGES, NEW)
            if language != served_in
        }, where
    assert len(set(pages.values())) == 1, pages  # every page, in each language
    assert pages[NEW] > 50


def test_spanish_has_its_own_search_index(built):
    entries = json.loads((built / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert set(entries["languages"]) == {*LANGUAGES, NEW}
    assert entries["languages"][NEW]["page_count"] >= 2


def test_the_glossary_gives_each_term_in_every_other_language(built):
    words = {"fr": ["En anglais :", "En espagnol :"], "en": ["In French:", "In Spanish:"]}
    for language, expected in words.items():
        glossary = html(built, address("glossaire.md", language))
        terms = glossary.select("dl.glossary > dd")
        assert terms
        for term in terms:
            equivalents = term.select(".glossary__equivalent")
            # French typography makes the space before the colon a narrow no-break space.
            assert [" ".join(p.span.previous_sibling.split()) for p in equivalents] == expected
            others = [other for other in (*LANGUAGES, NEW) if other != language]
            assert [p.span["lang"] for p in equivalents] == others


def test_a_spanish_page_speaks_spanish_to_reference_managers(built):
    home = html(built, address("index.md", NEW))
    assert home.select_one('meta[property="og:locale"]')["content"] == "es_ES"
