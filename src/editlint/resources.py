"""Find the bundled top-level ``rules/`` folder (packs and data).

In a wheel it is installed as ``editlint/_rules``; in a source checkout or
an editable install it is the ``rules/`` folder at the repository root.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def rules_dir() -> Path:
    """Return the folder holding the bundled packs and data files."""
    here = Path(__file__).resolve().parent
    installed = here / "_rules"
    if installed.is_dir():
        return installed
    checkout = here.parent.parent / "rules"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"editlint's bundled rules/ folder is missing (looked in {installed} and {checkout})")


def data_file(name: str) -> Path:
    """Return the path of a bundled data file under ``rules/data/``."""
    return rules_dir() / "data" / name
