"""Shared fixtures: a deterministic environment and helpers to run the CLI."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_5e0464b434412781.txt"
CORPUS = SHARED / "corpus" / "dev"


@pytest.fixture(autouse=True)
def _deterministic_env(monkeypatch, tmp_path_factory):
    """Output must not depend on the terminal or on installed third-party plugins."""
    for var in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "EDITLINT_TRACE_PLUGINS"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("EDITLINT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def run_cli():
    """Run ``editlint.cli.main`` in-process and capture its output."""
    from editlint.cli import main

    def run(*args: str, stdin: bytes | None = None) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        saved = sys.stdout, sys.stderr, sys.stdin
        sys.stdout, sys.stderr = out, err
        if stdin is not None:
            sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
        try:
            code = main(list(args))
        finally:
            sys.stdout, sys.stderr, sys.stdin = saved
        return CliResult(code, out.getvalue(), err.getvalue())

    return run


@pytest.fixture
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip("the shared seed draft is not available")
    return SEED.read_text(encoding="utf-8")
