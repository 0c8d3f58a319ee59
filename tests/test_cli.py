"""The command line end to end: exit codes, formats, fixes, stdin, subcommands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SHARED

PLUGIN = ("-p", "support.core_plugin", "--select", "TST")


@pytest.fixture
def draft(tmp_path):
    def make(text: str, name: str = "draft.md", raw: bytes | None = None) -> Path:
        path = tmp_path / name
        if raw is not None:
            path.write_bytes(raw)
        else:
            path.write_text(text, encoding="utf-8", newline="")
        return path

    return make


class TestExitCodes:
    def test_clean_draft_exits_0(self, run_cli, draft):
        r = run_cli(*PLUGIN, str(draft("Nothing to see.\n")))
        assert r.code == 0, r.err
        assert "All checks passed" in r.out

    def test_error_exits_1(self, run_cli, draft):
        r = run_cli(*PLUGIN, str(draft("This is BAD.\n")))
        assert r.code == 1
        assert "TST002 [error] found 'BAD'" in r.out

    def test_warning_passes_by_default_and_fails_with_fail_on_warning(self, run_cli, draft):
        path = str(draft("A foo here.\n"))
        assert run_cli(*PLUGIN, path).code == 0
        assert run_cli(*PLUGIN, "--fail-on", "warning", path).code == 1
        assert run_cli(*PLUGIN, "--fail-on", "never", str(draft("BAD\n", "b.md"))).code == 0

    def test_missing_file_is_a_usage_error(self, run_cli, tmp_path):
        r = run_cli(str(tmp_path / "nope.md"))
        assert r.code == 2
        assert r.err.strip() == f"editlint: error: {tmp_path / 'nope.md'}: no such file or folder"

    def test_bad_option_is_one_line(self, run_cli):
        r = run_cli("--no-such-option", "x.md")
        assert r.code == 2
        assert r.err.count("\n") == 1 and "unrecognized arguments: --no-such-option" in r.err

    def test_unknown_format_and_selector(self, run_cli, draft):
        path = str(draft("x\n"))
        r = run_cli("--format", "jsn", path)
        assert r.code == 2 and "did you mean 'json'" in r.err
        r = run_cli(*PLUGIN, "--ignore", "TST0O1", path)
        assert r.code == 2 and "unknown rule selector 'TST0O1'" in r.err
        r = run_cli(*PLUGIN, "--select", "tst01", path)
        assert r.code == 2 and "unknown rule selector 'tst01' in select (did you mean 'TST001'?)" in r.err
        r = run_cli(*PLUGIN, "--select", "flag-fo", path)
        assert r.code == 2 and "(did you mean 'flag-foo'?)" in r.err

    def test_binary_file_given_explicitly(self, run_cli, draft):
        path = draft("", "bin.md", raw=b"abc\x00def")
        r = run_cli(str(path))
        assert r.code == 2
        assert f"{path}: binary file" in r.err
        assert "Traceback" not in r.err

    def test_invalid_utf8_names_the_byte(self, run_cli, draft):
        path = draft("", "latin.md", raw="Caf\u00e9 au lait.\n".encode("latin-1"))
        r = run_cli(str(path))
        assert r.code == 2
        assert "invalid UTF-8 at byte 3 (0xe9)" in r.err
        ok = run_cli(*PLUGIN, "--encoding", "latin-1", str(path))
        assert ok.code == 0, ok.err

    def test_rule_crash_exits_3_and_others_still_report(self, run_cli, draft):
        r = run_cli(*PLUGIN, "--format", "concise", str(draft("CRASH and BAD\n")))
        assert r.code == 3
        assert "EL001 [error] rule TST003 (misbehaves) from 'support.core_plugin' crashed: ValueError: boom" in r.out
        assert "TST002" in r.out

    def test_garbage_output_exits_3(self, run_cli, draft):
        r = run_cli(*PLUGIN, "--format", "concise", str(draft("GARBAGE\n")))
        assert r.code == 3
        assert "EL004" in r.out and "lies outside the document" in r.out
        r = run_cli(*PLUGIN, "--format", "concise", str(draft("NOTADIAG\n", "n.md")))
        assert r.code == 3 and "expected a Diagnostic, got str" in r.out

    def test_pattern_timeout_is_a_warning_not_an_internal_error(self, run_cli, draft):
        r = run_cli(*PLUGIN, "--format", "concise", str(draft("PATTERNTIMEOUT\n")))
        assert r.code == 0
        assert "EL003 [warning]" in r.out

    def test_slow_rule_is_interrupted(self, run_cli, draft, tmp_path):
        (tmp_path / "editlint.toml").write_text("rule-budget = 0.2\n")
        r = run_cli(*PLUGIN, "--format", "concise", "--fail-on", "warning", str(draft("SLOW and foo\n")))
        assert r.code == 1
        assert "EL005 [warning] rule TST003 (misbehaves)" in r.out
        assert "TST001" in r.out


class TestFormats:
    def test_concise(self, run_cli, draft):
        path = draft("Line one.\nA foo and BAD.\n")
        r = run_cli(*PLUGIN, "--format", "concise", str(path))
        assert r.out.splitlines()[:2] == [
            f"{path}:2:3: TST001 [*] [warning] found 'foo'",
            f"{path}:2:11: TST002 [error] found 'BAD'",
        ]

    def test_full_frame(self, run_cli, draft):
        path = draft("Zarif’s foo here.\n")
        r = run_cli(*PLUGIN, str(path))
        lines = r.out.splitlines()
        assert lines[0] == f"{path}:1:9 TST001 [*] [warning] found 'foo'"
        assert lines[1:4] == ["  |", "1 | Zarif’s foo here.", "  |         ^^^"]
        assert "fix: use 'bar' (safe: applied by --fix)" in r.out

    def test_full_frame_windows_long_lines(self, run_cli, draft):
        text = "word " * 60 + "foo " + "word " * 60 + "\n"
        r = run_cli(*PLUGIN, str(draft(text)))
        excerpt = r.out.splitlines()[2]
        assert excerpt.startswith("1 | …") and excerpt.endswith("…") and "foo" in excerpt
        caret_line = r.out.splitlines()[3]
        assert caret_line.index("^") == excerpt.index("foo")

    def test_json_contract(self, run_cli, draft):
        path = draft("A foo.\n\nThis is BAD.\n")
        r = run_cli(*PLUGIN, "--format", "json", str(path))
        data = json.loads(r.out)
        assert data["version"] == 1
        first, second = data["diagnostics"]
        assert first == {
            "path": str(path), "code": "TST001", "name": "flag-foo", "severity": "warning", "message": "found 'foo'",
            "line": 1, "column": 3, "end_line": 1, "end_column": 6, "offset": 2, "end_offset": 5, "confidence": None,
            "fix": {"applicability": "safe", "title": "use 'bar'", "edits": [
                {"line": 1, "column": 3, "end_line": 1, "end_column": 6, "offset": 2, "end_offset": 5, "content": "bar"}]},
            "help": None, "notes": [], "source": "support.core_plugin", "data": {},
        }
        assert second["confidence"] == 0.9 and second["fix"]["applicability"] == "unsafe"
        summary = data["summary"]
        assert summary["files"] == 1 and summary["diagnostics"] == 2
        assert summary["by_severity"] == {"error": 1, "warning": 1, "info": 0}
        assert summary["by_code"] == {"TST001": 1, "TST002": 1}

    def test_github_annotations(self, run_cli, draft):
        path = draft("A foo, BAD.\n")
        r = run_cli(*PLUGIN, "--format", "github", str(path))
        assert r.out.splitlines() == [
            f"::warning file={path},line=1,col=3,endLine=1,endColumn=6,title=TST001 flag-foo::TST001 found 'foo'",
            f"::error file={path},line=1,col=8,endLine=1,endColumn=11,title=TST002 flag-bad::TST002 found 'BAD'",
        ]

    def test_sarif_validates_against_the_official_schema(self, run_cli, draft, tmp_path, monkeypatch):
        schema_path = SHARED / "schemas" / "sarif-schema-2.1.0.json"
        if not schema_path.is_file():
            pytest.skip("the shared SARIF schema is not available")
        jsonschema = pytest.importorskip("jsonschema")
        monkeypatch.chdir(tmp_path)
        draft("A foo and BAD.\nA foo again.\n")
        r = run_cli(*PLUGIN, "--format", "sarif", "draft.md")
        data = json.loads(r.out)
        jsonschema.validate(data, json.loads(schema_path.read_text(encoding="utf-8")))
        run = data["runs"][0]
        assert [res["ruleId"] for res in run["results"]] == ["TST001", "TST002", "TST001"]
        loc = run["results"][0]["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"] == {"uri": "draft.md", "uriBaseId": "%SRCROOT%"}
        assert loc["region"] == {"startLine": 1, "startColumn": 3, "endLine": 1, "endColumn": 6}
        prints = [res["partialFingerprints"]["editlintFingerprint/v1"] for res in run["results"]]
        assert len(set(prints)) == 3  # the two 'foo's differ by occurrence

    def test_sarif_fingerprints_survive_edits_elsewhere(self, run_cli, draft, tmp_path, monkeypatch):
        monkeypatch.chdir(tmp_path)
        draft("A foo here.\n")
        before = json.loads(run_cli(*PLUGIN, "--format", "sarif", "draft.md").out)
        draft("New first line.\n\nA foo here.\n")
        after = json.loads(run_cli(*PLUGIN, "--format", "sarif", "draft.md").out)
        fp = lambda d: d["runs"][0]["results"][0]["partialFingerprints"]  # noqa: E731
        assert fp(before) == fp(after)

    def test_output_file_statistics_and_quiet(self, run_cli, draft, tmp_path):
        out = tmp_path / "report.txt"
        r = run_cli(*PLUGIN, "--statistics", "--format", "concise", "-o", str(out), str(draft("foo foo BAD\n")))
        assert r.out == ""
        text = out.read_text()
        assert "    2  TST001  [*] flag-foo" in text
        assert "Found 3 diagnostics (1 error, 2 warnings) in 1 file. 2 fixable with --fix." in text
        q = run_cli(*PLUGIN, "-q", "--format", "concise", str(draft("foo\n", "q.md")))
        assert "Found" not in q.out and "TST001" in q.out


class TestStdin:
    def test_stdin_with_filename(self, run_cli):
        r = run_cli(*PLUGIN, "--format", "concise", "--stdin-filename", "story.md", "-", stdin=b"A foo.\n")
        assert r.out.startswith("story.md:1:3: TST001")

    def test_stdin_fix_prints_fixed_text(self, run_cli):
        r = run_cli(*PLUGIN, "--fix", "-", stdin=b"A foo.\n")
        assert r.out == "A bar.\n"
        assert "All checks passed" in r.err


class TestFixes:
    def test_fix_writes_safe_fixes_keeping_crlf_and_bom(self, run_cli, draft):
        path = draft("", raw="\ufeffA foo.\r\nThe foo is BAD.\r\n".encode("utf-8"))
        r = run_cli(*PLUGIN, "--fix", str(path))
        assert r.code == 1  # BAD remains: its fix is unsafe
        assert path.read_bytes() == "\ufeffA bar.\r\nThe bar is BAD.\r\n".encode("utf-8")
        again = path.read_bytes()
        run_cli(*PLUGIN, "--fix", str(path))
        assert path.read_bytes() == again  # idempotent

    def test_unsafe_fixes(self, run_cli, draft):
        path = draft("foo BAD\n")
        assert run_cli(*PLUGIN, "--unsafe-fixes", str(path)).code == 0
        assert path.read_text() == "bar good\n"

    def test_fix_never_touches_quotes(self, run_cli, draft):
        path = draft('He said "foo is BAD" and foo.\n')
        run_cli(*PLUGIN, "--unsafe-fixes", str(path))
        assert path.read_text() == 'He said "foo is BAD" and bar.\n'

    def test_diff_writes_nothing(self, run_cli, draft):
        path = draft("A foo.\n")
        r = run_cli(*PLUGIN, "--diff", str(path))
        assert r.code == 1
        assert "-A foo.\n+A bar.\n" in r.out
        assert f"--- a/{str(path).lstrip('/')}\n+++ b/{str(path).lstrip('/')}\n" in r.out  # git's form, absolute or not
        assert path.read_text() == "A foo.\n"


class TestSubcommands:
    def test_rules_lists_codes_and_sources(self, run_cli):
        r = run_cli("rules")
        assert r.code == 0
        assert any(line.startswith("EL001   rule-crashed") for line in r.out.splitlines())

    def test_rules_json(self, run_cli):
        rows = json.loads(run_cli("rules", "--format", "json").out)
        assert {"code", "name", "severity", "enabled", "source", "summary"} <= set(rows[0])

    def test_explain(self, run_cli):
        r = run_cli("explain", "el001")
        assert r.code == 0
        assert r.out.startswith("# EL001 rule-crashed")
        assert "## Why it matters" in r.out
        assert run_cli("explain", "rule-crashed").code == 0

    @pytest.mark.parametrize(
        "query, hint",
        [("EL01", "EL001"), ("el01", "EL001"), ("rule-crash", "rule-crashed"), ("Rule-Crashd", "rule-crashed")],
    )
    def test_explain_unknown(self, run_cli, query, hint):
        r = run_cli("explain", query)
        assert r.code == 2 and r.err == f"editlint: error: unknown rule {query!r} (did you mean {hint!r}?)\n"

    def test_version(self, run_cli, capsys):
        with pytest.raises(SystemExit) as exc:
            run_cli("--version")
        assert exc.value.code == 0


class TestFolders:
    def test_walks_folders_skips_binary_and_excluded(self, run_cli, tmp_path):
        (tmp_path / "a.md").write_text("foo\n")
        (tmp_path / "b.txt").write_text("foo\n")
        (tmp_path / "c.rst").write_text("foo\n")
        (tmp_path / "bin.md").write_bytes(b"\x00\x01")
        (tmp_path / "node_modules").mkdir()
        (tmp_path / "node_modules" / "x.md").write_text("foo\n")
        r = run_cli(*PLUGIN, "--format", "concise", "--fail-on", "warning", str(tmp_path))
        assert r.code == 1  # the findings; the binary file is only skipped
        assert r.err == f"editlint: notice: skipped {tmp_path / 'bin.md'}: binary file (contains NUL bytes)\n"
        paths = sorted({line.split(":")[0] for line in r.out.splitlines() if "TST001" in line})
        assert paths == [str(tmp_path / "a.md"), str(tmp_path / "b.txt")]

    def test_parallel_output_is_deterministic(self, run_cli, tmp_path):
        for i in range(40):
            (tmp_path / f"d{i:02}.md").write_text("foo " * (i % 5) + "end\n")
        one = run_cli(*PLUGIN, "--no-cache", "--jobs", "1", "--format", "json", str(tmp_path))
        two = run_cli(*PLUGIN, "--no-cache", "--jobs", "2", "--format", "json", str(tmp_path))
        assert one.out == two.out
        assert json.loads(one.out)["summary"]["diagnostics"] == 80


class TestFixSafety:
    def test_fix_refuses_a_file_changed_since_it_was_read(self, tmp_path):
        """--fix never overwrites an edit made while editlint was running."""
        from editlint.files import read_source
        from editlint.runner import RunOptions, Session

        path = tmp_path / "d.md"
        path.write_text("A foo.\n", encoding="utf-8")
        session = Session(RunOptions(fix=True, select=("TST",), plugins=("support.core_plugin",), use_cache=False))
        source = read_source(path)
        path.write_text("A foo, edited meanwhile.\n", encoding="utf-8")
        result = session.lint_source(source, session.linter(None), path)
        assert result.fixed == 0
        assert result.error == f"{path}: changed on disk since it was read; fixes not written"
        assert path.read_text(encoding="utf-8") == "A foo, edited meanwhile.\n"

    def test_fix_keeps_permissions_and_leaves_no_temporary_files(self, run_cli, tmp_path):
        path = tmp_path / "d.md"
        path.write_text("A foo.\n", encoding="utf-8")
        path.chmod(0o640)
        run_cli(*PLUGIN, "--fix", str(path))
        assert path.read_text(encoding="utf-8") == "A bar.\n"
        assert (path.stat().st_mode & 0o777) == 0o640
        assert sorted(p.name for p in tmp_path.iterdir()) == ["d.md"]

    def test_directory_named_like_a_draft_is_walked(self, run_cli, tmp_path):
        folder = tmp_path / "story.md"
        folder.mkdir()
        (folder / "inner.md").write_text("foo\n", encoding="utf-8")
        r = run_cli(*PLUGIN, "--format", "concise", str(folder))
        assert r.code == 0 and "inner.md:1:1: TST001" in r.out
