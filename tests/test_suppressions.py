"""Inline suppressions, EL002 unused-suppression, baselines and the result cache."""

from __future__ import annotations

import json

import pytest

import editlint
from support import core_plugin

PLUGIN = ("-p", "support.core_plugin", "--select", "TST,EL")


def codes(text: str, path: str = "d.md", select=("TST", "EL")) -> list[str]:
    diags = editlint.lint_text(text, path, select=list(select), plugins=[core_plugin])
    return [f"{d.code}@{d.span.start}" for d in diags]


def lint(text: str, path: str = "d.md") -> list[tuple[str, int]]:
    diags = editlint.lint_text(text, path, select=["TST", "EL"], plugins=[core_plugin])
    doc = editlint.parse(text, path)
    return [(d.code, doc.position(d.span.start).line) for d in diags]


class TestInlineSuppressions:
    def test_disable_next_line(self):
        text = "foo\n<!-- editlint-disable-next-line TST001 -->\nfoo BAD\nfoo\n"
        assert lint(text) == [("TST001", 1), ("TST002", 3), ("TST001", 4)]

    def test_next_line_skips_blank_lines(self):
        text = "<!-- editlint-disable-next-line TST001 -->\n\nfoo\n"
        assert lint(text) == []

    def test_disable_enable_region_and_bare_disable(self):
        text = "foo\n\n<!-- editlint-disable TST001 -->\n\nfoo\n\n<!-- editlint-enable TST001 -->\n\nfoo\n"
        assert lint(text) == [("TST001", 1), ("TST001", 9)]
        bare = "<!-- editlint-disable -->\nfoo BAD\n"
        assert lint(bare) == []

    def test_disable_file_with_slug_and_prefix(self):
        assert lint("foo BAD\n\n<!-- editlint-disable-file flag-foo -->\n") == [("TST002", 1)]
        assert lint("<!-- editlint-disable-file TST -->\nfoo BAD\n") == []

    def test_plain_text_comment_lines(self):
        text = "foo\n<!-- editlint-disable-next-line TST001 -->\nfoo\n"
        assert lint(text, "d.txt") == [("TST001", 1)]

    def test_unused_and_unknown_suppressions_are_el002(self):
        text = "<!-- editlint-disable-next-line TST001 -->\nclean line\n\n<!-- editlint-disable-file XYZ123 -->\n"
        diags = editlint.lint_text(text, "d.md", select=["TST", "EL"], plugins=[core_plugin])
        assert [(d.code, d.message) for d in diags] == [
            ("EL002", "unused suppression: TST001 reported nothing here"),
            ("EL002", "suppression names an unknown rule 'XYZ123'"),
        ]

    def test_comment_inside_code_is_not_a_suppression(self):
        text = "```\n<!-- editlint-disable-file -->\n```\n\nfoo\n"
        assert lint(text) == [("TST001", 5)]


class TestBaseline:
    def test_only_new_findings_fail(self, run_cli, tmp_path, monkeypatch):
        monkeypatch.chdir(tmp_path)
        (tmp_path / "old.md").write_text("BAD\n")
        baseline = tmp_path / "baseline.json"
        r = run_cli(*PLUGIN, "--write-baseline", str(baseline), ".")
        assert r.code == 0 and "wrote 1 findings" in r.err
        assert run_cli(*PLUGIN, "--baseline", str(baseline), ".").code == 0
        (tmp_path / "old.md").write_text("New intro.\n\nBAD\n")  # moved, still known
        assert run_cli(*PLUGIN, "--baseline", str(baseline), ".").code == 0
        (tmp_path / "old.md").write_text("BAD BAD\n")  # a second copy is new
        assert run_cli(*PLUGIN, "--baseline", str(baseline), ".").code == 1

    def test_bad_baseline_file(self, run_cli, tmp_path):
        (tmp_path / "b.json").write_text("{nope")
        (tmp_path / "d.md").write_text("x\n")
        r = run_cli(*PLUGIN, "--baseline", str(tmp_path / "b.json"), str(tmp_path / "d.md"))
        assert r.code == 2 and "not a valid editlint baseline" in r.err


class TestCache:
    def _session(self, **kw):
        from editlint.runner import RunOptions, Session

        return Session(RunOptions(select=("TST",), plugins=("support.core_plugin",), **kw))

    def test_second_run_reuses_results_until_the_file_changes(self, tmp_path):
        draft = tmp_path / "d.md"
        draft.write_text("foo\n")
        first = self._session().run([str(draft)])
        assert not first.files[0].cached
        second = self._session().run([str(draft)])
        assert second.files[0].cached
        assert [d.code for d in second.files[0].diagnostics] == ["TST001"]
        assert second.files[0].diagnostics == first.files[0].diagnostics
        draft.write_text("foo BAD and more\n")
        third = self._session().run([str(draft)])
        assert not third.files[0].cached
        assert [d.code for d in third.files[0].diagnostics] == ["TST001", "TST002"]

    def test_config_change_invalidates(self, tmp_path):
        draft = tmp_path / "d.md"
        draft.write_text("foo\n")
        self._session().run([str(draft)])
        (tmp_path / "editlint.toml").write_text('[rules.TST001]\nseverity = "error"\n')
        again = self._session().run([str(draft)])
        assert not again.files[0].cached
        assert str(again.files[0].diagnostics[0].severity) == "error"

    def test_no_cache(self, tmp_path):
        draft = tmp_path / "d.md"
        draft.write_text("foo\n")
        self._session(use_cache=False).run([str(draft)])
        assert not self._session(use_cache=False).run([str(draft)]).files[0].cached

    def test_corrupt_cache_is_ignored(self, tmp_path, monkeypatch):
        cache_dir = tmp_path / "cache"
        monkeypatch.setenv("EDITLINT_CACHE_DIR", str(cache_dir))
        draft = tmp_path / "d.md"
        draft.write_text("foo\n")
        self._session().run([str(draft)])
        for f in cache_dir.glob("results-*.json"):
            f.write_text("{broken")
        result = self._session().run([str(draft)])
        assert [d.code for d in result.files[0].diagnostics] == ["TST001"]


@pytest.mark.parametrize("fmt", ["json", "concise", "full", "sarif", "github"])
def test_cached_and_fresh_output_are_identical(run_cli, tmp_path, fmt):
    (tmp_path / "d.md").write_text("Zarif’s foo and BAD.\n")
    fresh = run_cli(*PLUGIN, "--format", fmt, str(tmp_path))
    cached = run_cli(*PLUGIN, "--format", fmt, str(tmp_path))
    assert fresh.out == cached.out
    if fmt == "json":
        assert json.loads(fresh.out)["summary"]["diagnostics"] == 2
