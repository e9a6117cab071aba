"""Check the data files and report every problem with its line and column.

Usage: `python -m macros.check_data [data_dir]` (what `make validate` runs).

Prints every problem as `path:line:column: field: what is wrong (what is expected)` and exits 1,
or prints a one-line summary and exits 0.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .data import DataError, load_site_data
from .kinds import KINDS

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m macros.check_data", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "data_dir",
        nargs="?",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help="the data folder (default: the repository's data/)",
    )
    data_dir = parser.parse_args(argv).data_dir
    if data_dir.resolve().is_relative_to(Path.cwd()):
        data_dir = data_dir.resolve().relative_to(Path.cwd())  # shorter to read
    try:
        site = load_site_data(data_dir)
    except DataError as error:
        print(error, file=sys.stderr)
        count = len(error.problems)
        print(f"{count} problem{'s' * (count != 1)} in {data_dir}", file=sys.stderr)
        return 1
    vocabularies = vars(site.vocabularies)
    terms = sum(len(terms) for terms in vocabularies.values())
    counts = [
        *(f"{len(site.records[kind.name])} {kind.name}" for kind in KINDS),
        f"{len(site.sources)} sources",
        f"{len(vocabularies)} vocabularies ({terms} terms)",
        f"{len(site.glossary)} glossary terms",
        f"{len(site.words)} interface words",
    ]
    print(f"{data_dir} is valid: {', '.join(counts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
