"""What a contributor reads when something is wrong, as a specification: each mistake a librarian
makes in a data file or a page, and the exact line `make validate` prints for it, in French and in
English, with file and line; in CI, the same as a GitHub annotation and in the job summary.

Each case copies the project (docs/, data/, mkdocs.yml), makes one mistake, and runs the validator
as CI runs it (both languages, --github).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from macros.contribute.check_data import main as validate_main
from macros.contribute.github_report import annotation, escape_data, pages_of
from macros.kit.trainers_kit import page_title
from macros.model import messages
from macros.model.validation import Problem

CASE = "data/case-studies/mediatheques-de-la-baie.yml"
PARTNER = "data/partners/cnfpt.yml"
COUPERIN = "data/partners/couperin.yml"
OCCITANIE = "data/case-studies/pcp-occitanie.yml"
RERO = "data/case-studies/rero.yml"
GUIDE = "docs/fr/guide/champs.md"
FACTORS = "docs/fr/facteurs-de-reussite.md"
FORM_STEP = "docs/fr/guide/forme-administrative.md"
GUIDE_EN = "docs/en/guide/champs.md"
VOLUNTEERS = '{fr: "Bénévoles'  # where the case's second key figure starts
SOURCES = "data/sources.yml"
COUPERIN_YEAR = "    year: null                        # the page carries no date"


def at(file: str, text: str, column: int | None = None) -> str:
    """`file:line:column`, the line being the first that holds `text` in the shipped file (and
    the column where `text` starts, unless given), so that the expectations follow the content
    as it is edited."""
    lines = (ROOT / file).read_text("utf-8").splitlines()
    line = next(number for number, line in enumerate(lines, 1) if text in line)
    return f"{file}:{line}:{column or lines[line - 1].index(text) + 1}"


def edit(project: Path, file: str, old: str, new: str, count: int = 1) -> None:
    path = project / file
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new, count), "utf-8")


# (the mistake, made to a copy of the project; where it is reported; what the French and the
# English lines say; "error" stops the pull request, "warning" does not).
MISTAKES = [
    pytest.param(
        lambda p: edit(
            p, CASE, "  fr: Les Médiathèques de la Baie,", "  fr: Les Médiathèques de la Baie :"
        ),
        at(CASE, "  fr: Les Médiathèques de la Baie,", 35),
        "un deux-points suivi d'une espace dans un texte sans guillemets (mettez tout le texte entre guillemets",
        "a colon followed by a space in text without quotes (put the whole text in straight double quotes",
        "error",
        id="French colon in unquoted text",
    ),
    pytest.param(
        lambda p: edit(p, CASE, "    value: 90\n", "  value: 90\n"),
        at(CASE, "    value: 90", 3),
        "un champ d'un élément de liste n'est pas aligné sur le premier champ",
        "a field of a list item is not lined up with the item's first field",
        "error",
        id="field of a list item not aligned",
    ),
    pytest.param(
        lambda p: edit(p, CASE, '\n  - label: {fr: "Bénévoles', '\n   - label: {fr: "Bénévoles'),
        at(CASE, '  - label: {fr: "Bénévoles', 4),
        "un élément de liste n'est pas aligné sur les autres (alignez son tiret",
        'a list item is not aligned with the others (put its dash "-" exactly below',
        "error",
        id="misaligned dash",
    ),
    pytest.param(
        lambda p: edit(p, PARTNER, "\nname:", "\nname:\t"),
        at(PARTNER, "name:", 6),
        "une tabulation (→) dans la ligne « name:→ » (remplacez la tabulation par des espaces",
        'a tab (→) in the line "name:→" (replace the tab with spaces',
        "error",
        id="tab, shown",
    ),
    pytest.param(
        lambda p: edit(p, PARTNER, "\n  fr: CNFPT", "\n\u00a0 fr: CNFPT"),
        at(PARTNER, "  fr: CNFPT", 1),
        "une espace insécable (⍽) dans l'indentation de la ligne « ⍽ fr: CNFPT »",
        'a non-breaking space (⍽) in the indentation of the line "⍽ fr: CNFPT"',
        "error",
        id="non-breaking space in the indentation, shown",
    ),
    pytest.param(
        lambda p: edit(p, PARTNER, "\n  fr: CNFPT", '\n  fr: "CNFPT'),
        at(PARTNER, "  fr: CNFPT", 7),
        "des guillemets ouverts ne sont jamais fermés (fermez les guillemets",
        "a quotation mark is opened and never closed (close the quotes",
        "error",
        id="quote never closed",
    ),
    pytest.param(
        lambda p: edit(p, GUIDE, 'cite("boussou-2014")', 'cite("boussu-2014")'),
        at(GUIDE, 'cite("boussou-2014")'),
        "source inconnue « boussu-2014 » (vouliez-vous dire boussou-2014 ?)",
        "unknown source 'boussu-2014' (did you mean boussou-2014?)",
        "error",
        id="unknown source in cite()",
    ),
    pytest.param(
        lambda p: edit(p, GUIDE, 'cases_for_step("scope")', 'cases_for_step("scopes")'),
        at(GUIDE, 'cases_for_step("scope")', 4),
        "étape inconnue « scopes » (au choix : together,",
        "unknown step 'scopes' (one of: together,",
        "error",
        id="unknown step in cases_for_step()",
    ),
    # Links between pages, a record's page included (generated from data/: cas/<id>.md).
    pytest.param(
        lambda p: edit(p, FACTORS, "(cas/ctles.md)", "(cas/ctle.md)"),
        at(FACTORS, "cas/ctles.md"),
        "le lien mène à « cas/ctle.md », qui n'est ni une page ni un fichier du site "
        "(vouliez-vous dire cas/ctles.md ?)",
        'the link leads to "cas/ctle.md", which is no page or file of the site '
        "(did you mean cas/ctles.md?)",
        "error",
        id="link to a misspelt case page",
    ),
    pytest.param(
        lambda p: edit(p, FORM_STEP, "(champs.md#what-to-do)", "(champs.md#what-todo)"),
        at(FORM_STEP, "champs.md#what-to-do", 99),
        "la page docs/fr/guide/champs.md n'a pas d'ancre #what-todo (au choix : checklist,",
        "the page docs/fr/guide/champs.md has no anchor #what-todo (one of: checklist,",
        "error",
        id="link to a missing anchor",
    ),
    pytest.param(
        lambda p: edit(p, "docs/en/index.md", "\ndescription:", "\nsummary:"),
        "docs/en/index.md:1:1",
        "description: l'en-tête de la page n'a pas de « description » (ajoutez une ligne",
        'description: the page\'s header has no "description" (add a line',
        "error",
        id="front matter without description",
    ),
    pytest.param(
        lambda p: edit(p, "docs/en/guide/champs.md", "---\ntitle:", "title:"),
        "docs/en/guide/champs.md:1:1",
        "la page ne commence pas par son en-tête (title, description) (ajoutez en tout début",
        "the page does not start with its header (title, description) (add at the very top",
        "error",
        id="no front matter",
    ),
    pytest.param(
        lambda p: edit(p, GUIDE, "---\n", '---\nsubtitle: "<meta http-equiv=refresh>"\n'),
        f"{GUIDE}:2:1",
        "subtitle: champ inconnu à cet endroit (l'un de : title, description",
        "subtitle: unknown key (one of: title, description)",
        "error",
        id="undeclared front-matter key",
    ),
    pytest.param(
        lambda p: edit(p, GUIDE, "Presque tout", "Presque\u200btout"),
        at(GUIDE, "Presque tout", 8),
        "caractère invisible U+200B (ZERO WIDTH SPACE) (effacez-le : retapez les caractères",
        "invisible character U+200B (ZERO WIDTH SPACE) (delete it: type the characters",
        "error",
        id="zero-width space in a page",
    ),
    pytest.param(
        lambda p: edit(p, CASE, "    value: 90\n", "    value: .nan\n"),
        at(CASE, "    value: 90", 12),
        "key_figures[0].value: « nan » n'est pas un nombre (écrivez le nombre en chiffres",
        'key_figures[0].value: "nan" is not a number (write the number in digits',
        "error",
        id="not a number",
    ),
    pytest.param(
        lambda p: edit(p, GUIDE, "{ #what-to-do }", "{ #que-faire }"),
        at(GUIDE, "{ #what-to-do }", 1),
        "le titre « Que faire » a l'ancre #que-faire, que docs/en/guide/champs.md n'a pas",
        'the heading "Que faire" has the anchor #que-faire, which docs/en/guide/champs.md lacks',
        "error",
        id="heading anchor in one language only",
    ),
    pytest.param(
        lambda p: edit(p, "mkdocs.yml", "      - glossaire.md\n", ""),
        "docs/fr/glossaire.md:1:1",
        "la page n'est pas dans le menu du site (ajoutez « glossaire.md » à la liste « nav: »",
        'the page is not in the site\'s menu (add "glossaire.md" to the "nav:" list',
        "error",
        id="page missing from the navigation",
    ),
    pytest.param(
        lambda p: (p / "mkdocs.yml").write_text("", encoding="utf-8"),
        "docs/fr/glossaire.md:1:1",
        "la page n'est pas dans le menu du site (ajoutez « glossaire.md » à la liste « nav: »",
        'the page is not in the site\'s menu (add "glossaire.md" to the "nav:" list',
        "error",
        id="empty mkdocs.yml",
    ),
    pytest.param(
        lambda p: (p / "docs/en/sources.md").unlink(),
        "docs/fr/sources.md:1:1",
        "la page n'a pas encore de version anglaise (créez docs/en/sources.md,",
        "the page has no English version yet (create docs/en/sources.md,",
        "warning",
        id="page without its twin",
    ),
    # Against the schemas (macros/model/validation.py): what is expected is the field's description,
    # in French its `x-description-fr`.
    pytest.param(
        lambda p: edit(p, CASE, "    role: member\n", ""),
        at(CASE, "partner: mediatheques-de-la-baie"),
        "partners[1].role: champ manquant (un identifiant du vocabulaire partner_roles (lead,",
        "partners[1].role: missing field (an id from the partner_roles vocabulary (lead,",
        "error",
        id="partner without a role",
    ),
    pytest.param(
        lambda p: edit(p, CASE, "role: training-provider", "role: trainer"),
        at(CASE, "training-provider"),
        "partners[2].role: rôle de partenaire inconnu « trainer » (au choix : lead, member, "
        "funder, training-provider, supplier)",
        "partners[2].role: unknown partner role 'trainer' (one of: lead, member, funder, "
        "training-provider, supplier)",
        "error",
        id="unknown vocabulary term",
    ),
    pytest.param(
        lambda p: edit(
            p,
            CASE,
            '{fr: "Bénévoles", en: "Volunteers"}',
            '{fr: "Bénévoles"}',
        ),
        at(CASE, '{fr: "Bénévoles'),
        "key_figures[1].label.en: traduction manquante (texte en anglais, sur une ligne, "
        "300 caractères au plus)",
        "key_figures[1].label.en: missing translation (English text, one line, "
        "at most 300 characters)",
        "error",
        id="missing translation",
    ),
    pytest.param(
        lambda p: edit(p, CASE, "value: 17.52", "value: 17,52"),
        at(CASE, "17.52"),
        "key_figures[5].value: type de valeur inattendu : le texte « 17,52 » (un nombre, "
        "par exemple 120000 ou 17.52 : avec un point, sans espace)",
        "key_figures[5].value: wrong type, found the text '17,52' (a number, e.g. 120000 or 17.52)",
        "error",
        id="wrong type: a French decimal comma",
    ),
    pytest.param(
        lambda p: edit(
            p,
            CASE,
            "  fr: Les Médiathèques de la Baie, un réseau intercommunal de lecture publique",
            "  fr: " + "a" * 301,
        ),
        at(CASE, "Les Médiathèques de la Baie, un réseau"),
        "title.fr: texte trop long : 301 caractères (au plus 300 caractères)",
        "title.fr: too long, 301 characters (at most 300 characters)",
        "error",
        id="too long",
    ),
    pytest.param(
        lambda p: edit(p, COUPERIN, "http://www.couperin.org", "www.couperin.org"),
        at(COUPERIN, "http://www.couperin.org"),
        "website: adresse web non valable : « www.couperin.org » (une adresse web qui commence "
        "par http:// ou https://)",
        "website: invalid URL 'www.couperin.org' (a web address starting with http:// or https://)",
        "error",
        id="invalid pattern",
    ),
    pytest.param(
        lambda p: edit(
            p, CASE, "  - partner: agglomeration-baie", "  - partenaire: agglomeration-baie"
        ),
        at(CASE, "partner: agglomeration-baie"),
        "partners[0].partenaire: champ inconnu à cet endroit (l'un de : partner, role, source ;",
        "partners[0].partenaire: unknown key (one of: partner, role, source)",
        "error",
        id="unknown key",
    ),
    pytest.param(
        lambda p: edit(p, CASE, "    value: 90\n", '    value: "90\\n000"\n'),
        at(CASE, "    value: 90", 12),
        "key_figures[0].value: type de valeur inattendu : le texte « 90\\n000 » (un nombre,",
        "key_figures[0].value: wrong type, found the text '90\\n000' (a number,",
        "error",
        id="a quoted line break stays on the message's line",
    ),
    # What the schema cannot say (macros/render/cases.py).
    pytest.param(
        lambda p: edit(p, CASE, '"2015-10-08"', '"2013-10-08"'),
        at(CASE, '"2015-10-08"'),
        "milestones[3].date: 2013-10-08 précède la date du jalon au-dessus (2014-06-23) "
        "(les jalons dans l'ordre chronologique)",
        "milestones[3].date: 2013-10-08 comes before the milestone above it (2014-06-23) "
        "(milestones in date order)",
        "error",
        id="milestones out of order",
    ),
    # A figure changes with time: a reader must know when it was true, or that no one says.
    pytest.param(
        lambda p: edit(p, CASE, "    value: 90\n    undated: true\n", "    value: 90\n"),
        at(CASE, '  - label: {fr: "Professionnels', 5),
        "key_figures[0]: ce chiffre n'a pas d'année (ajoutez « year: AAAA », l'année que donne "
        "sa source, ou « undated: true » si la source n'en donne aucune)",
        "key_figures[0]: this figure has no year (add 'year: YYYY', the year its source gives, "
        "or 'undated: true' if the source gives none)",
        "error",
        id="a key figure without a year",
    ),
    pytest.param(
        lambda p: edit(p, CASE, "    value: 40\n", "    value: 40\n    year: 2015\n"),
        # label, value, the year added, then undated: three lines below the label
        f"{CASE}:{int(at(CASE, VOLUNTEERS).split(':')[1]) + 3}:5",
        "key_figures[1].undated: ce chiffre a une année et porte aussi « undated: true » (gardez "
        "l'année et retirez « undated: true », ou l'inverse si la source ne donne pas d'année)",
        "key_figures[1].undated: this figure has a year and is also marked 'undated: true' (keep "
        "the year and remove 'undated: true', or the reverse if the source gives no year)",
        "error",
        id="a key figure both dated and undated",
    ),
    pytest.param(
        lambda p: edit(p, CASE, "    libraries: 15\n    undated: true\n", "    libraries: 15\n"),
        at(CASE, "    towns: 14", 5),
        "territory.scale: la taille du territoire n'a pas d'année (ajoutez « year: AAAA », l'année "
        "que donne sa source, ou « undated: true » si la source n'en donne aucune)",
        "territory.scale: the territory's size has no year (add 'year: YYYY', the year its source "
        "gives, or 'undated: true' if the source gives none)",
        "error",
        id="the territory's size without a year",
    ),
    # The territory filter groups cases by French région: a code from the vocabulary, in France.
    pytest.param(
        lambda p: edit(p, OCCITANIE, "  region: fr-occ\n", "  region: fr-oc\n"),
        at(OCCITANIE, "  region: fr-occ", 11),
        "territory.region: code de région inconnu « fr-oc » (un code ISO 3166-2:FR en minuscules "
        "du vocabulaire regions de data/vocabularies.yml ; vouliez-vous dire fr-occ ?)",
        "territory.region: unknown French region code 'fr-oc' (a lowercase ISO 3166-2:FR code "
        "from the regions vocabulary of data/vocabularies.yml; did you mean fr-occ?)",
        "error",
        id="an unknown region code",
    ),
    pytest.param(
        lambda p: edit(
            p, RERO, "  country: switzerland\n", "  country: switzerland\n  region: fr-ara\n"
        ),
        f"{RERO}:{int(at(RERO, '  country: switzerland').split(':')[1]) + 1}:11",
        "territory.region: une région française pour un cas situé en « switzerland » (retirez "
        "« region » : hors de France, le filtre « Territoire » regroupe les cas par pays)",
        "territory.region: a French region for a case in 'switzerland' (remove 'region': outside "
        "France, the territory filter groups cases by country)",
        "error",
        id="a French region for a case abroad",
    ),
    # A source without an address or a year says why, from a closed list.
    pytest.param(
        lambda p: edit(p, SOURCES, "    no_url_reason: slide-deck\n", ""),
        at(SOURCES, "  - id: baie-2015", 5),
        "sources[1]: cette source n'a pas d'adresse (url) et ne dit pas pourquoi (ajoutez « url: » "
        "avec l'adresse du document, ou « no_url_reason: » avec une raison (au choix : "
        "print-only, slide-deck, internal, cited-only, copy-without-address))",
        "sources[1]: this source has no address (url) and does not say why (add 'url:' with the "
        "document's address, or 'no_url_reason:' with a reason (one of: print-only, slide-deck, "
        "internal, cited-only, copy-without-address))",
        "error",
        id="a source without an address or a reason",
    ),
    pytest.param(
        lambda p: edit(
            p, SOURCES, COUPERIN_YEAR + "\n    undated_reason: undated-document", COUPERIN_YEAR
        ),
        at(SOURCES, COUPERIN_YEAR, 11),
        "sources[8].year: cette source n'a pas d'année et ne dit pas pourquoi (l'année que donne "
        "le document, ou « undated_reason: » avec une raison (au choix : undated-document, "
        "copy-undated))",
        "sources[8].year: this source has no year and does not say why (the year the document "
        "gives, or 'undated_reason:' with a reason (one of: undated-document, copy-undated))",
        "error",
        id="a source without a year or a reason",
    ),
    pytest.param(
        lambda p: edit(
            p,
            SOURCES,
            "    no_url_reason: cited-only\n",
            "    no_url_reason: cited-only\n    url: https://bbf.enssib.fr/\n",
        ),
        at(SOURCES, "    no_url_reason: cited-only", 5),
        "sources[4].no_url_reason: « no_url_reason » dit pourquoi il manque « url », qui est "
        "pourtant donné (retirez « no_url_reason », ou « url » s'il est faux)",
        "sources[4].no_url_reason: 'no_url_reason' says why 'url' is missing, but it is given "
        "(remove 'no_url_reason', or 'url' if it is wrong)",
        "error",
        id="a reason beside the address it excuses",
    ),
    pytest.param(
        lambda p: edit(p, SOURCES, "no_url_reason: cited-only", "no_url_reason: lost"),
        at(SOURCES, "no_url_reason: cited-only", 20),
        "sources[4].no_url_reason: raison inconnue « lost » pour une source sans adresse (au "
        "choix : print-only, slide-deck, internal, cited-only, copy-without-address)",
        "sources[4].no_url_reason: unknown reason 'lost' for a source without an address (one "
        "of: print-only, slide-deck, internal, cited-only, copy-without-address)",
        "error",
        id="a reason not in the list",
    ),
    # The forms the guide avoids (data/terminology.yml), in either language, page or data.
    pytest.param(
        lambda p: edit(p, GUIDE_EN, "The Cirad sheet lists", "The Cirad guide lists"),
        at(GUIDE_EN, "Cirad sheet lists"),
        "« Cirad guide » est une forme que le guide évite (data/terminology.yml) (écrivez « Cirad "
        "sheet », la forme du guide)",
        "'Cirad guide' is a form the guide avoids (data/terminology.yml) (write 'Cirad sheet', the "
        "guide's form)",
        "error",
        id="an English page uses a form the guide avoids",
    ),
    pytest.param(
        lambda p: edit(p, GUIDE, "La fiche du Cirad cite", "Le guide du Cirad cite"),
        at(GUIDE, "fiche du Cirad cite", 4),
        "« guide du Cirad » est une forme que le guide évite (data/terminology.yml) (écrivez "
        "« fiche du Cirad », la forme du guide)",
        "'guide du Cirad' is a form the guide avoids (data/terminology.yml) (write 'fiche du "
        "Cirad', the guide's form)",
        "error",
        id="a French page uses a form the guide avoids",
    ),
    pytest.param(
        lambda p: edit(p, CASE, "Savings (group purchasing,", "Savings (joint purchasing,"),
        at(CASE, '"Savings (group purchasing,'),
        "gains[4].text.en: « joint purchasing » est une forme que le guide évite "
        "(data/terminology.yml) (écrivez « group purchasing », la forme du guide)",
        "gains[4].text.en: 'joint purchasing' is a form the guide avoids (data/terminology.yml) "
        "(write 'group purchasing', the guide's form)",
        "error",
        id="an English data text uses a form the guide avoids",
    ),
]


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    """A copy of what `make validate` reads, as the current folder."""
    for folder in ("docs", "data"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def validate_as_ci(monkeypatch, capsys, summary: Path) -> tuple[int, list[str], list[str]]:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    status = validate_main(["data", "--github"])
    captured = capsys.readouterr()
    return status, captured.err.splitlines(), captured.out.splitlines()


@pytest.mark.parametrize(("mistake", "where", "french", "english", "severity"), MISTAKES)
def test_each_mistake_is_told_in_both_languages_with_file_and_line(
    project, monkeypatch, capsys, mistake, where, french, english, severity
):
    mistake(project)
    summary = project / "summary.md"
    status, printed, annotations = validate_as_ci(monkeypatch, capsys, summary)

    assert status == (1 if severity == "error" else 0)
    assert any(line.startswith(f"{where}: {french}") for line in printed), printed
    assert any(line.startswith(f"{where}: {english}") for line in printed), printed
    assert "Traceback" not in "\n".join(printed)
    # On the pull request: an annotation on the file and line, with both languages.
    file, line, column = where.split(":")
    annotation = next(a for a in annotations if a.startswith(f"::{severity} file={file},"))
    assert f"line={line},col={column}," in annotation
    body = annotation.split("::", 2)[2]
    assert french.split(" (")[0] in body
    assert english.split(" (")[0] in body
    assert "\n" not in annotation  # one line: GitHub's workflow commands end at a newline
    # ... and the job summary says it in both languages, with the fix.
    text = summary.read_text("utf-8")
    assert f"`{file}:{line}`" in text
    assert french.split(" (")[0] in text
    assert english.split(" (")[0] in text


def untranslated(languages: tuple[str, ...] = ("fr", "en")) -> list[str]:
    """The only lines the shipped project may print: a warning for each French page whose
    English is still to write (published with a notice; tests/test_translations.py)."""
    french = {p.relative_to(ROOT / "docs/fr") for p in (ROOT / "docs/fr").rglob("*.md")}
    english = {p.relative_to(ROOT / "docs/en") for p in (ROOT / "docs/en").rglob("*.md")}
    return [
        line
        for page in sorted(french - english)
        for line in messages.lines(
            messages.warning(
                "docs.twin_missing",
                f"docs/fr/{page.as_posix()}",
                twin=f"docs/en/{page.as_posix()}",
                other=messages.Word("language.en"),
            ),
            languages,
        )
    ]


def test_the_shipped_project_has_no_problem(project, monkeypatch, capsys):
    status, printed, out = validate_as_ci(monkeypatch, capsys, project / "summary.md")
    assert (status, printed) == (0, untranslated())
    annotations = [line for line in out if line.startswith("::")]
    assert all(line.startswith("::warning ") for line in annotations)
    assert len(annotations) == len(untranslated(("en",)))
    if not untranslated():
        assert "Aucun problème trouvé. · No problem found." in (project / "summary.md").read_text()


def test_a_byte_order_mark_and_windows_line_endings_are_accepted(project, monkeypatch, capsys):
    for file in (GUIDE, "docs/en/guide/champs.md", CASE, PARTNER):
        path = project / file
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    status, printed, _ = validate_as_ci(monkeypatch, capsys, project / "summary.md")
    assert (status, printed) == (0, untranslated())
    # ... and are the same page for the build: the trainers' kit read the title of a page saved
    # with a byte-order mark as missing, and the build stopped on a KeyError.
    assert page_title(project / "docs", "fr", "guide/champs.md") == (
        "Étape 4 · Définir les champs de la mutualisation"
    )


@pytest.mark.parametrize(
    ("environment", "languages"),
    [
        ({"LANG": "fr_FR.UTF-8"}, ("fr",)),
        ({"LC_ALL": "fr_CA.UTF-8", "LANG": "en_GB.UTF-8"}, ("fr",)),
        ({"LANG": "en_GB.UTF-8"}, ("en",)),
        ({}, ("en",)),
        ({"GITHUB_ACTIONS": "true", "LANG": "C.UTF-8"}, ("fr", "en")),
    ],
)
def test_french_when_the_locale_is_french_both_in_ci(environment, languages):
    assert messages.output_languages(environment) == languages


def test_a_french_locale_prints_french_only(project, monkeypatch, capsys):
    edit(project, GUIDE, 'cite("boussou-2014")', 'cite("boussu-2014")')
    for name in ("GITHUB_ACTIONS", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert validate_main(["data"]) == 1
    printed = capsys.readouterr().err.splitlines()
    printed = [line for line in printed if line not in untranslated(("fr",))]
    where = at(GUIDE, 'cite("boussou-2014")')
    assert printed[0].startswith(f"{where}: source inconnue « boussu-2014 »")
    assert not any("unknown source" in line for line in printed)


def test_a_french_locale_prints_schema_problems_in_french_only(project, monkeypatch, capsys):
    edit(
        project,
        CASE,
        '{fr: "Bénévoles", en: "Volunteers"}',
        '{fr: "Bénévoles"}',
    )
    for name in ("GITHUB_ACTIONS", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert validate_main(["data"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{at(CASE, VOLUNTEERS)}: key_figures[1].label.en: traduction manquante "
        "(texte en anglais, sur une ligne, 300 caractères au plus)",
        *untranslated(("fr",)),  # the pages' warnings follow the data's problems
        "1 problème à corriger",
    ]


def test_annotations_escape_what_would_end_or_split_them():
    problem = Problem("data/a,b:c.yml", 3, 4, "title", "50% off\nnow", "a fix")
    line = annotation(problem)
    assert line.startswith("::error file=data/a%2Cb%3Ac.yml,line=3,col=4,title=")
    assert "50%25 off%0Anow" in line
    assert "\n" not in line
    assert escape_data("a\r\nb%") == "a%0D%0Ab%25"


def test_changed_files_become_the_addresses_of_their_pages(data):
    site_url = "https://owner.github.io/mutualiser/"
    changed = ["docs/en/guide/champs.md", "data/case-studies/g2id.yml", "README.md"]
    assert pages_of(changed, data, site_url) == [
        ("docs/en/guide/champs.md", [f"{site_url}en/guide/champs/"]),
        ("data/case-studies/g2id.yml", [f"{site_url}cas/g2id/", f"{site_url}en/cas/g2id/"]),
    ]
