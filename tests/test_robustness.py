"""Robustness: hostile input never crashes, hangs or touches the network.

The fuzz and property tests run every default rule; a long soak runs with
``pytest -m soak``.
"""

from __future__ import annotations

import os
import socket
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import editlint
from editlint.document import parse
from editlint.runner import RunOptions, Session

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

PIECES = st.sampled_from(
    [
        "Reuters reported that ", "According to officials, ", "5,000 troops ", "SaudiIsraeli ", "Tehran ", "Teheran ",
        '"We will go," he said. ', "“Quote” ", "sources said ", "critics argue ", "could ", "the regime ", "slammed ",
        "\n\n", "\n", "\r\n", "## Sources\n", "Wire provenance\n", "- https://t.me/alalamfa/1\n", "[x](http://y.z)",
        "`code`", "```\n", "<!-- editlint-disable -->", "<!-- editlint-enable -->", "> ", "* ", "1. ", "Dr. ", "U.S. ",
        "Zarif’s ", "Gölcük ", "عربي ", "עברית ", "e\u0301", "😀", "\u200f", "\t", "the the ", "deal.The ", "TODO ",
        "Tuesday, 2 May 2026 ", "10-20 ", "colour color ", "\ufeff", "---\nsources:\n  - x\n---\n",
    ]
)
DRAFTS = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60).map("".join)


def _all_rules(text: str, path: str):
    return editlint.lint_text(text, path, select=["ALL"])


@FAST
@given(DRAFTS, st.sampled_from(["d.md", "d.txt"]))
def test_every_rule_survives_random_documents(text, path):
    """No rule crashes; every span lies inside the document and maps to a position."""
    doc = parse(text, path)
    diagnostics = _all_rules(text, path)
    for d in diagnostics:
        assert d.code not in ("EL001", "EL004"), d.message
        assert 0 <= d.span.start <= d.span.end <= len(doc.text)
        pos = doc.position(d.span.start)
        assert 1 <= pos.line <= doc.text.count("\n") + 1
        if d.fix is not None:
            for e in d.fix.edits:
                assert 0 <= e.start <= e.end <= len(doc.text)


@FAST
@given(DRAFTS)
def test_output_is_deterministic(text):
    a = _all_rules(text, "d.md")
    b = _all_rules(text, "d.md")
    assert a == b


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400))
def test_random_bytes_into_the_cli(run_cli, data):
    """Exit code is always 0, 1 or 2, and there is never a traceback."""
    r = run_cli("--no-cache", "--select", "ALL", "--stdin-filename", "fuzz.md", "-", stdin=data)
    assert r.code in (0, 1, 2), r.out + r.err
    assert "Traceback" not in r.err


@FAST
@given(DRAFTS)
def test_fixes_keep_text_outside_edits_and_are_idempotent(text):
    """For random documents: fixed text equals the original outside the edited spans; a second fix is a no-op."""
    from editlint.fixes import apply_fixes

    diagnostics = _all_rules(text, "d.md")
    fixed, n = apply_fixes(text, diagnostics, unsafe=True)
    if n:
        edits = sorted((e for d in diagnostics if d.fix for e in d.fix.edits), key=lambda e: e.start)
        # everything before the first edit and after the last is untouched
        assert fixed.startswith(text[: edits[0].start])
        assert fixed.endswith(text[edits[-1].end :])
    # re-lint and fix until stable, as --fix does; a further pass changes nothing
    current = text
    for _ in range(10):
        new, n = apply_fixes(current, _all_rules(current, "d.md"), unsafe=True)
        if n == 0:
            break
        current = new
    again, n = apply_fixes(current, _all_rules(current, "d.md"), unsafe=True)
    assert n == 0 and again == current


class TestSizes:
    def test_empty_and_whitespace_files(self, run_cli, tmp_path):
        for name, content in [("empty.md", ""), ("ws.md", "  \n\n\t\n"), ("empty.txt", ""), ("nl.txt", "\n\n\n")]:
            (tmp_path / name).write_text(content)
        r = run_cli("--no-cache", "--select", "ALL", "--ignore", "PRV", "--format", "json", str(tmp_path))
        assert r.code in (0, 1), r.err
        assert "EL001" not in r.out

    def test_one_megabyte_line_is_linear(self):
        line = ("The minister said the talks would resume. " * 25000)[:1_000_000]
        started = time.perf_counter()
        diagnostics = _all_rules(line, "big.txt")
        elapsed = time.perf_counter() - started
        assert not [d for d in diagnostics if d.code.startswith("EL")], [d.message for d in diagnostics if d.code.startswith("EL")]
        assert elapsed < 120  # generous: a quadratic step would take hours

    def test_deep_nesting(self):
        lists = "".join("  " * i + "- level\n" for i in range(200))
        quotes = "".join(">" * i + " quoted\n" for i in range(1, 200))
        for text in (lists, quotes, "[" * 5000 + "]" * 5000, "`" * 10000, "*" * 10000, "<!--" * 2000):
            diagnostics = _all_rules(text, "d.md")
            assert not [d for d in diagnostics if d.code in ("EL001", "EL004")]

    def test_unterminated_constructs_and_mixed_line_endings(self):
        for text in ("```\nunterminated fence", "---\ntitle: x\nno end", "a\r\nb\nc\rd\r\n", "\u202e\u200f mixed rtl", "a" + "\u0301" * 1000):
            for path in ("d.md", "d.txt"):
                assert not [d for d in _all_rules(text, path) if d.code in ("EL001", "EL004")]


class TestPaths:
    def test_broken_symlink_and_folder_given_as_file(self, run_cli, tmp_path):
        (tmp_path / "ok.md").write_text("Fine text.\n")
        os.symlink(tmp_path / "missing.md", tmp_path / "broken.md")
        r = run_cli("--no-cache", "--select", "EL", str(tmp_path))
        assert r.code == 2
        assert f"{tmp_path / 'broken.md'}: broken symbolic link" in r.err
        assert r.err.count("\n") == 1

    @pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read files without permission")
    def test_permission_denied(self, run_cli, tmp_path):
        secret = tmp_path / "secret.md"
        secret.write_text("x\n")
        secret.chmod(0)
        try:
            r = run_cli("--no-cache", str(secret))
        finally:
            secret.chmod(0o644)
        assert r.code == 2 and "permission denied" in r.err

    def test_unreadable_file_among_others(self, tmp_path, monkeypatch):
        # Root reads any file, so the denial is simulated where editlint opens drafts.
        import builtins

        import editlint.files as files

        for name in ("a.md", "b-secret.md", "c.md"):
            (tmp_path / name).write_text("Text.\n")

        def guarded(path, *args, **kwargs):
            if str(path).endswith("b-secret.md"):
                raise PermissionError(13, "Permission denied", str(path))
            return builtins.open(path, *args, **kwargs)

        monkeypatch.setattr(files, "open", guarded, raising=False)
        report = Session(RunOptions(use_cache=False, select=("EL",), jobs=1)).run([str(tmp_path)])
        assert [f.error is None for f in report.files] == [True, False, True]
        assert report.files[1].error == f"{tmp_path / 'b-secret.md'}: permission denied"

    def test_path_vanishing_mid_run(self, tmp_path, monkeypatch):
        for name in ("a.md", "b.md", "c.md"):
            (tmp_path / name).write_text("Text.\n")
        import editlint.runner as runner

        real = runner.discover

        def vanishing(*args, **kwargs):
            for item in real(*args, **kwargs):
                if str(item).endswith("b.md"):
                    os.unlink(item)
                yield item

        monkeypatch.setattr(runner, "discover", vanishing)
        report = Session(RunOptions(use_cache=False, select=("EL",))).run([str(tmp_path)])
        assert [f.error is None for f in report.files] == [True, False, True]
        assert report.files[1].error.endswith("b.md: no such file")


def test_linting_never_touches_the_network(monkeypatch, tmp_path):
    """Drafts can be embargoed: no rule, formatter or the engine opens a socket."""
    from conftest import ROOT, SEED

    example = (ROOT / "examples" / "draft.md").read_text(encoding="utf-8")

    def refuse(*args, **kwargs):
        raise AssertionError("editlint tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for module in [m for m in sys.modules if m.startswith("textstat")]:
        monkeypatch.delitem(sys.modules, module)
    (tmp_path / "example.md").write_text(example, encoding="utf-8")
    if SEED.is_file():
        (tmp_path / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    report = Session(RunOptions(use_cache=False, select=("ALL",))).run([str(tmp_path)])
    assert report.files and all(f.error is None for f in report.files)
    for f in report.files:
        assert f.diagnostics and not [d for d in f.diagnostics if d.code.startswith("EL")]


@pytest.mark.soak
def test_soak_many_files_and_a_large_file(run_cli, tmp_path):
    """100,000 tiny files and a 50 MB file lint without error (run with -m soak)."""
    tiny = tmp_path / "tiny"
    tiny.mkdir()
    for i in range(100_000):
        (tiny / f"{i:06}.md").write_text("A short draft, Reuters reported.\n")
    r = run_cli("--no-cache", "--format", "concise", "-q", str(tiny))
    assert r.code in (0, 1), r.err
    big = tmp_path / "big.txt"
    big.write_text(("The minister said the talks would resume on Monday.\n" * 1_000_000)[:50_000_000])
    r = run_cli("--no-cache", "--format", "concise", "-q", str(big))
    assert r.code in (0, 1), r.err
