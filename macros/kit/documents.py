"""The kit's documents read back as a reader's software reads them: a PDF has pages, an EPUB's
structure and internal links hold (book.epub_problems). The build's last step asks it of each
PDF and EPUB it publishes (macros/build/integrity.py).

A document is read once per process for each content: reading a book back takes seconds (pypdf
parses its object streams), and the tests check many copies of one site.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pypdf import PdfReader

from macros.kit.book import epub_problems

_read: dict[str, str | None] = {}  # sha256 of a document -> why it cannot be read, or None


def document_problem(path: Path) -> str | None:
    """Why the PDF or EPUB at `path` cannot be read back; None if it can."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest not in _read:
        _read[digest] = _read_back(path)
    return _read[digest]


def _read_back(path: Path) -> str | None:
    try:
        if path.suffix == ".epub":
            return "; ".join(epub_problems(path)[:3]) or None
        if not PdfReader(path, strict=True).pages:
            return "a PDF without pages"
    except Exception as error:  # whatever the reader raises, the document cannot be published
        return f"{type(error).__name__}: {str(error)[:200]}"
    return None
