"""Close paraphrase: no page and no data text follows a source document clause by clause.

The source documents are not in the repository; their word stems are, hashed, in
tests/fixtures/source-fingerprints.txt (`make fingerprints` rewrites it from the documents).
The detector is tools/paraphrase.py; these tests say what it must catch and what it must let be.
"""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from tools import paraphrase

FINGERPRINTS = ROOT / "tests" / "fixtures" / "source-fingerprints.txt"

# Written for this test: it follows one sentence of the Cirad sheet (on pilot projects) clause by
# clause, in the same order, swapping a few words for synonyms, as the guide once did.
FOLLOWS_THE_SOURCE = (
    "Commencez par un projet pilote : il permet, à une petite échelle, d'éprouver l'organisation"
    " dans tous ses aspects, humains, techniques et si besoin financiers. Retenez également des"
    " actions simples qui donnent des résultats rapides, de façon à gagner la confiance des"
    " institutions comme des usagers."
)
# Written independently on the same subject, from what the advice means rather than its words.
OUR_OWN_WORDS = (
    "Avant d'engager tout le réseau, essayez la formule sur un seul service pendant quelques mois,"
    " en notant ce qui accroche : les personnes, les outils, l'argent. Un premier succès visible"
    " rassure les élus comme les lecteurs, et donne envie d'aller plus loin."
)


@pytest.fixture(scope="module")
def index():
    return paraphrase.read_fingerprints(FINGERPRINTS)


def test_no_page_and_no_data_text_follows_a_source(index):
    found = [
        f"{where}: {match.covered} stems in {match.source}'s order: {match.excerpt}"
        for where, text in paraphrase.project_texts(ROOT)
        for match in paraphrase.close_paraphrases(text, index)
    ]
    assert not found, "Rewrite in your own structure:\n" + "\n".join(found)


def test_a_paragraph_that_follows_a_source_sentence_by_sentence_is_caught(index):
    [match] = paraphrase.close_paraphrases(FOLLOWS_THE_SOURCE, index)
    assert match.source.startswith("000_")  # the Cirad sheet
    assert match.covered >= paraphrase.FLAG_AT


def test_the_same_advice_in_our_own_words_passes(index):
    assert paraphrase.close_paraphrases(OUR_OWN_WORDS, index) == []


def test_quotations_and_titles_are_citations_not_paraphrase(index):
    quoted = f"La fiche le dit ainsi : « {FOLLOWS_THE_SOURCE} »"
    assert paraphrase.close_paraphrases(quoted, index) == []


def test_the_checked_texts_are_every_page_paragraph_and_every_data_text():
    where = {place.split(":")[0] for place, _ in paraphrase.project_texts(ROOT)}
    assert "docs/fr/guide/projet-pilote.md" in where
    assert "docs/en/guide/projet-pilote.md" in where
    assert "data/case-studies/mediatheques-de-la-baie.yml" in where
    assert "data/glossary.yml" in where
    assert "data/sources.yml" not in where  # bibliographic: quoting a title is citing it


def test_stems_fold_case_and_accents_and_drop_stop_words():
    assert paraphrase.stems("Les Économies de la Mutualisation") == paraphrase.stems(
        "économie mutualisations"
    )
    assert paraphrase.stems("le la les de des et à") == []


def test_the_fingerprint_file_holds_hashes_only(index):
    lines = FINGERPRINTS.read_text(encoding="utf-8").splitlines()
    data = [line for line in lines if not line.startswith("#")]
    assert len(data) > 1000
    assert all(re.fullmatch(r"[0-9a-f]{16} \d+", line) for line in data)
    assert {source for entries in index.values() for source, _ in entries} >= {
        "000_8b0b6903a1060af8",
        "002_b7bc1aaa40a22e90",
        "004_c75eae8dfec65d40",
    }


def test_writing_fingerprints_keeps_other_sources_and_publishes_no_word():
    earlier = paraphrase.write_fingerprints({"web-page": "Une page du web sur les réseaux."})
    text = paraphrase.write_fingerprints(
        {"slides": "Quinze médiathèques partagent un catalogue commun."}, keep=earlier
    )
    assert "# source: web-page" in text
    assert "# source: slides" in text
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    assert not re.search(r"[g-z]", body)  # hex digits and positions only
