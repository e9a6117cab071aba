"""The reader's language, and the few interface words the macros print around the data.

mkdocs-static-i18n builds each language in turn, but per-language `extra` does not reach the
macros reliably: the language of a page is read from its source path instead (docs/en/... is
English), the build's theme language being the answer for a page outside any language folder.
"""

from __future__ import annotations

from .data import LANGUAGES, Text


def page_language(src_uri: str, build_language: str) -> str:
    """`en/guide/champs.md` -> "en"; a path outside the language folders -> `build_language`."""
    folder = src_uri.replace("\\", "/").partition("/")[0]
    return folder if folder in LANGUAGES else build_language


def other_language(language: str) -> str:
    return next(other for other in LANGUAGES if other != language)


# Interface words, never data: the data carries its own translations.
UI_TEXT: dict[str, Text] = {
    # Citations and references
    "no_date": Text(fr="s. d.", en="n.d."),
    "and": Text(fr="et", en="and"),
    "pages": Text(fr="{count} p.", en="{count} pp."),
    "issue": Text(fr="n° {issue}", en="no. {issue}"),
    "licence": Text(fr="Licence {name}", en="Licence: {name}"),
    "see_reference": Text(fr="Voir la référence : {title}", en="See the reference: {title}"),
    # Glossary
    "in_other_language": Text(fr="En anglais :", en="In French:"),
    # Case studies
    "no_case_for_step": Text(
        fr="Aucune étude de cas n'illustre encore cette étape.",
        en="No case study illustrates this step yet.",
    ),
    "all_cases": Text(fr="Toutes les études de cas", en="All case studies"),
    "status": Text(fr="Statut", en="Status"),
    "field": Text(fr="Champ mutualisé", en="Pooled activity"),
    "fields": Text(fr="Ce qui est mutualisé", en="What is pooled"),
    "administrative_form": Text(fr="Forme administrative", en="Administrative form"),
    "partner_type": Text(fr="Type de partenaire", en="Partner type"),
    "territory": Text(fr="Territoire", en="Territory"),
    "since": Text(fr="depuis {start}", en="since {start}"),
    "from_to": Text(fr="{start}\u2013{end}", en="{start}\u2013{end}"),  # an en dash
    "towns": Text(fr="Communes", en="Municipalities"),
    "inhabitants": Text(fr="Habitants", en="Inhabitants"),
    "libraries": Text(fr="Bibliothèques", en="Libraries"),
    "key_figures": Text(fr="Chiffres clés", en="Key figures"),
    "partners": Text(fr="Partenaires", en="Partners"),
    "no_partner": Text(
        fr="Les sources ne nomment aucun partenaire.", en="The sources name no partner."
    ),
    "steps": Text(fr="Étapes du guide illustrées", en="Guide steps it illustrates"),
    "step_link": Text(fr="Étape {number} : {label}", en="Step {number}: {label}"),
    "gains": Text(fr="Gains", en="Gains"),
    "drawbacks": Text(fr="Inconvénients", en="Drawbacks"),
    "lessons": Text(fr="Enseignements", en="Lessons"),
    "sources": Text(fr="Sources", en="Sources"),
    "compare_forms": Text(
        fr="Comparer les formes administratives", en="Compare administrative forms"
    ),
    # Partners
    "competence": Text(fr="Compétence", en="Competence"),
    "competences": Text(fr="Compétences", en="Competences"),
    "website": Text(fr="Site web", en="Website"),
    "location": Text(fr="Localisation", en="Location"),
    "takes_part_in": Text(fr="Études de cas", en="Case studies"),
    "no_case_for_partner": Text(
        fr="Aucune étude de cas ne le cite encore.", en="No case study names it yet."
    ),
    # Open data
    "dataset": Text(fr="Jeu de données", en="Dataset"),
    "dataset_case-studies": Text(fr="Études de cas", en="Case studies"),
    "dataset_partners": Text(fr="Partenaires", en="Partners"),
    "records": Text(fr="{count} fiches", en="{count} records"),
    "language": Text(fr="Langue", en="Language"),
    "language_fr": Text(fr="français", en="French"),
    "language_en": Text(fr="anglais", en="English"),
    "schema": Text(fr="Schéma des fichiers source", en="Schema of the source files"),
    "column": Text(fr="Colonne", en="Column"),
    "meaning": Text(fr="Contenu", en="Content"),
    # Filters
    "filters": Text(fr="Filtrer", en="Filter"),
    "any": Text(fr="Tous", en="All"),
    "reset": Text(fr="Tout afficher", en="Show all"),
    "cases_count_none": Text(
        fr="Aucune étude de cas ne correspond à ces critères.",
        en="No case study matches these filters.",
    ),
    "cases_count_one": Text(fr="1 étude de cas sur {total}", en="1 case study of {total}"),
    "cases_count_many": Text(
        fr="{count} études de cas sur {total}", en="{count} case studies of {total}"
    ),
    "partners_count_none": Text(
        fr="Aucun partenaire ne correspond à ces critères.",
        en="No partner matches these filters.",
    ),
    "partners_count_one": Text(fr="1 partenaire sur {total}", en="1 partner of {total}"),
    "partners_count_many": Text(
        fr="{count} partenaires sur {total}", en="{count} partners of {total}"
    ),
}


def ui_text(language: str) -> dict[str, str]:
    """Every interface word in one language, for a template: `ui.key_figures`."""
    return {key: text[language] for key, text in UI_TEXT.items()}


def format_number(value: int | float, language: str) -> str:
    """22500 -> "22 500" in French (narrow no-break space), "22,500" in English."""
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.{_decimals(value)}f}"
    if language == "fr":
        return text.replace(",", "\u202f").replace(".", ",")
    return text


def _decimals(value: float) -> int:
    return len(repr(value).partition(".")[2].rstrip("0")) or 0


def format_quantity(value: int | float, unit: str | None, language: str) -> str:
    """A value and its unit as each language writes them: "17,52 %" / "17.52%", "550 000 €" /
    "€550,000"."""
    number = format_number(value, language)
    if not unit:
        return number
    if language == "en" and unit == "%":
        return f"{number}%"
    if language == "en" and unit in ("€", "$", "£"):
        return f"{unit}{number}"
    return f"{number}\u00a0{unit}"
