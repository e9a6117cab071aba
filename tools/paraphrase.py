"""Close paraphrase: long runs of the same word stems, in the same order, as a source document.

The copy check (../shared/tools/copycheck.py) finds copied words. A sentence can escape it and
still follow its source clause by clause, with a synonym here and a reordered phrase there. This
module reduces text to word stems (lowercase, accents folded, stop words dropped, a crude French
and English suffix stripper), fingerprints a source as hashed stem n-grams with their position,
and finds, in our text, chains of n-grams that match a source in the same order, allowing a few
words inserted or changed between them.

The fingerprints are hashes only, so the project can check itself against sources that it may
not publish (tests/fixtures/source-fingerprints.txt, written by `make fingerprints`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

N = 2  # stems per fingerprint
GAP = 6  # at most this many stems skipped between two matching n-grams, in our text and the source
FLAG_AT = 12  # a chain covering this many of our stems in the source's order is a close paraphrase

_STOP_WORDS = """
    a ai au aux avec c ce ces cet cette ci d dans de des du elle elles en est et etre eux il ils
    j je l la le les leur leurs lui m ma mais me meme mes moi mon n ne ni nos notre nous on ont ou
    par pas plus pour qu que qui s sa sans se ses si son sont sur t ta te tes toi ton tu un une vos
    votre vous y ete etait sera soit dont tout tous toute toutes aussi tres bien peut peuvent fait
    faire cela ceci celle celui ceux comme donc ainsi alors
    an and are as at be been but by can do does for from had has have he her his how i if in into is
    it its may more most must no not of on or our she should so such than that the their them then
    there these they this those to too was we were what when where which while who will with would
    you your
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())
_SUFFIXES = """
    issements issement ements ement ments ment ations ation itions ition ateurs ateur atrices atrice
    ances ance ences ence ites ite iques ique ables able ibles ible istes iste ismes isme euses euse
    eux ive if ion eur ee er ez ent ant ie e
    ing ed ly ness al y
"""
SUFFIXES = sorted(_SUFFIXES.split(), key=len, reverse=True)
WORD = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lowercase, without accents: "Économie" -> "economie"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("\u2019", "'").lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def stem(word: str) -> str:
    """A crude stem: the plural off, then the longest known suffix, keeping three letters."""
    if word.endswith(("s", "x")) and len(word) > 4:
        word = word[:-1]
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


# Quoting is citing: words in quotation marks or in italics (titles, terms left in French) and
# addresses are the source's own and are shown as such, so they are left out of the comparison.
CITED = re.compile(r"«[^»]*»|“[^”]*”|(?<![*\w])\*[^*\n]+\*(?!\*)|<?https?://\S+")


def stems(text: str) -> list[str]:
    """The text's own content words, stemmed, in order."""
    words = WORD.findall(fold(CITED.sub(" ", text)))
    return [stem(word) for word in words if word not in STOP_WORDS]


def fingerprint(gram: Iterable[str]) -> str:
    return hashlib.sha256(" ".join(gram).encode()).hexdigest()[:16]


def fingerprints(text: str) -> list[str]:
    """One hash per position: the hash of the N stems that start there."""
    words = stems(text)
    return [fingerprint(words[i : i + N]) for i in range(len(words) - N + 1)]


# --- The fingerprint file: "# source: <id>" lines, then "<hash> <position>" lines ------------


HEADER = [
    "# Hashed word-stem fingerprints of the source documents, for tests/test_paraphrase.py.",
    "# Written by `make fingerprints` (tools/paraphrase.py): no source text, only hashes.",
    f"# Each line: sha256 of {N} stems (16 hex digits), then the position of those stems in",
    "# the source. Append other sources as a new '# source: <id>' group in the same format.",
]


def write_fingerprints(sources: dict[str, str], keep: str = "") -> str:
    """The file's text for {source id: source text}; hashes only, never a word of the source.
    The groups of `keep` (an earlier file) for other sources are kept as they are."""
    groups = {source: lines for source, lines in _groups(keep).items() if source not in sources}
    for source_id, text in sources.items():
        groups[source_id] = [f"{digest} {at}" for at, digest in enumerate(fingerprints(text))]
    lines = list(HEADER)
    for source_id, group in groups.items():
        lines.append(f"# source: {source_id}")
        lines.extend(group)
    return "\n".join(lines) + "\n"


def _groups(text: str) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        if line.startswith("# source:"):
            current = groups.setdefault(line.partition(":")[2].strip(), [])
        elif current is not None and line.strip() and not line.startswith("#"):
            current.append(line)
    return groups


Index = dict[str, list[tuple[str, int]]]  # hash -> [(source id, position)]


def read_fingerprints(path: Path) -> Index:
    index: Index = defaultdict(list)
    source = "?"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("# source:"):
            source = line.partition(":")[2].strip()
        elif line.strip() and not line.startswith("#"):
            digest, _, position = line.partition(" ")
            if not re.fullmatch(r"[0-9a-f]{16}", digest) or not position.strip().isdigit():
                raise ValueError(f"{path}:{number}: expected '<16 hex digits> <position>'")
            index[digest].append((source, int(position)))
    return index


# --- Detection ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    source: str
    covered: int  # how many of our stems the chain covers
    excerpt: str  # our own words, never the source's


def chains(text: str, index: Index) -> Iterator[Match]:
    """Chains of matching n-grams in the same order in our text and one source, each step moving
    forward by 1 to GAP + 1 positions on both sides."""
    words = stems(text)
    hits = [
        (i, source, position)
        for i in range(len(words) - N + 1)
        for source, position in index.get(fingerprint(words[i : i + N]), ())
    ]
    best: dict[tuple[int, str, int], tuple[int, int]] = {}  # hit -> (chain start, covered stems)
    for i, source, position in hits:
        start, covered = i, N
        for back in range(1, GAP + 2):
            for skip in range(1, GAP + 2):
                previous = best.get((i - back, source, position - skip))
                if previous and previous[1] + min(back, N) > covered:
                    start, covered = previous[0], previous[1] + min(back, N)
        best[(i, source, position)] = (start, covered)
    reported: set[int] = set()
    for (i, source, _), (start, covered) in sorted(best.items(), key=lambda item: -item[1][1]):
        if covered >= FLAG_AT and start not in reported:
            reported.add(start)
            yield Match(source, covered, " ".join(words[start : i + N]))


def close_paraphrases(text: str, index: Index) -> list[Match]:
    return list(chains(text, index))


# --- What the project writes -------------------------------------------------------------------

MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
LINK_TARGET = re.compile(r"\]\([^)]*\)|\{ *#[\w-]+ *\}")


def markdown_blocks(text: str) -> Iterator[tuple[int, str]]:
    """(line number, paragraph) for each block of a page, macros and link targets left out."""
    start, lines = 1, []
    for number, line in enumerate([*text.splitlines(), ""], 1):
        if line.strip():
            if not lines:
                start = number
            lines.append(line)
        elif lines:
            yield start, LINK_TARGET.sub("]", MACRO.sub(" ", "\n".join(lines)))
            lines = []


def data_texts(value, path: str = "") -> Iterator[tuple[str, str]]:
    """(key path, text) for every string in a YAML document."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from data_texts(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for number, item in enumerate(value):
            yield from data_texts(item, f"{path}[{number}]")
    elif isinstance(value, str):
        yield path, value


def project_texts(root: Path) -> Iterator[tuple[str, str]]:
    """(where, text) for every paragraph of docs/ and every text of data/ (bibliographic data
    excepted: quoting a title is citing it)."""
    import yaml

    for page in sorted((root / "docs").rglob("*.md")):
        for line, block in markdown_blocks(page.read_text(encoding="utf-8")):
            yield f"{page.relative_to(root)}:{line}", block
    for data_file in sorted((root / "data").rglob("*.yml")):
        if data_file.name == "sources.yml" or "templates" in data_file.parts:
            continue
        document = yaml.safe_load(data_file.read_text(encoding="utf-8"))
        for key, text in data_texts(document):
            yield f"{data_file.relative_to(root)}: {key}", text


def main(argv: list[str]) -> int:
    """`python tools/paraphrase.py SOURCES_DIR OUT_FILE`: write the fingerprints of every *.txt
    in SOURCES_DIR (named by file stem) to OUT_FILE, keeping the groups of other sources."""
    sources_dir, out = Path(argv[0]), Path(argv[1])
    texts = {
        path.stem: path.read_text(encoding="utf-8", errors="replace")
        for path in sorted(sources_dir.glob("*.txt"))
    }
    if not texts:
        print(f"paraphrase: no *.txt in {sources_dir}")
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    earlier = out.read_text(encoding="utf-8") if out.exists() else ""
    out.write_text(write_fingerprints(texts, keep=earlier), encoding="utf-8")
    print(
        f"paraphrase: {sum(len(fingerprints(t)) for t in texts.values())} fingerprints of "
        f"{len(texts)} sources written to {out}"
    )
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
