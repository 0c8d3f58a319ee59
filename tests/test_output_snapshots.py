"""Snapshot tests of the rendered output of every format.

Set ``EDITLINT_UPDATE_SNAPSHOTS=1`` to rewrite ``tests/snapshots/`` from the
current output (then review the diff).
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from editlint.output.base import FormatOptions
from editlint.runner import RunOptions, Session

HERE = Path(__file__).parent
DRAFTS = HERE / "drafts"
SNAPSHOTS = HERE / "snapshots"


def render(fmt: str, draft: str, *, color: bool = False, statistics: bool = False, monkeypatch=None) -> str:
    session = Session(RunOptions(select=("TST",), use_cache=False, plugins=("support.core_plugin",)))
    formatters = dict(p for _, m in session.host.each("editlint_formatters") for p in dict(m).items())
    report = session.run([str(Path("tests/drafts") / draft)])
    stream = io.StringIO()
    formatters[fmt](stream, FormatOptions(color=color, statistics=statistics, width=100)).write(report)
    return stream.getvalue()


def check_snapshot(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("EDITLINT_UPDATE_SNAPSHOTS") or not path.exists():
        path.write_text(text, encoding="utf-8")
        if not os.environ.get("EDITLINT_UPDATE_SNAPSHOTS"):
            pytest.fail(f"snapshot {name} was missing and has been written; review and commit it")
        return
    assert text == path.read_text(encoding="utf-8"), f"output differs from tests/snapshots/{name}"


@pytest.fixture(autouse=True)
def _in_repo_root(monkeypatch):
    monkeypatch.chdir(HERE.parent)


@pytest.mark.parametrize("fmt", ["full", "concise", "json", "github"])
def test_format_snapshot(fmt):
    check_snapshot(f"formats.{fmt}.txt", render(fmt, "formats.md"))


def test_sarif_snapshot():
    data = json.loads(render("sarif", "formats.md"))
    data["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] = "file:///ROOT/"
    data["runs"][0]["tool"]["driver"]["version"] = data["runs"][0]["tool"]["driver"]["semanticVersion"] = "X"
    check_snapshot("formats.sarif.json", json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def test_statistics_snapshot():
    check_snapshot("formats.statistics.txt", render("concise", "formats.md", statistics=True))


def test_color_output_uses_styles_but_same_text():
    plain = render("full", "formats.md")
    colored = render("full", "formats.md", color=True)
    assert "\x1b[" in colored
    import re

    assert re.sub(r"\x1b\[[0-9;]*m", "", colored) == plain


def _render_example(fmt: str) -> str:
    """The bundled example draft with every default rule, as a user sees it."""
    session = Session(RunOptions(use_cache=False, summaries=fmt == "json"))
    formatters = dict(p for _, m in session.host.each("editlint_formatters") for p in dict(m).items())
    report = session.run(["examples/draft.md"])
    stream = io.StringIO()
    formatters[fmt](stream, FormatOptions(width=100)).write(report)
    return stream.getvalue()


@pytest.mark.parametrize("fmt", ["full", "json"])
def test_example_draft_snapshot(fmt):
    """Every rule family on the example draft: messages, spans, help and fixes."""
    check_snapshot(f"example.{fmt}.txt", _render_example(fmt))
