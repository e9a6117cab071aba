"""Puts the project's root on the import path, so that every hook can use the `macros` package
(MkDocs loads each hook as a lone module, with only hooks/ on the path)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
