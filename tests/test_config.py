"""Configuration: discovery, validation with file/line/key errors, and effects."""

from __future__ import annotations

import json

import pytest

PLUGIN = ("-p", "support.core_plugin")


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


class TestDiscovery:
    def test_pyproject_found_walking_up(self, run_cli, tmp_path):
        write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.editlint]\nselect = ["TST002"]\n')
        draft = write(tmp_path / "a" / "b" / "draft.md", "foo BAD\n")
        r = run_cli(*PLUGIN, "--format", "concise", str(draft))
        assert "TST002" in r.out and "TST001" not in r.out

    def test_pyproject_without_tool_table_is_skipped(self, run_cli, tmp_path):
        write(tmp_path / "editlint.toml", 'select = ["TST001"]\n')
        write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
        draft = write(tmp_path / "sub" / "draft.md", "foo BAD\n")
        r = run_cli(*PLUGIN, "--format", "concise", str(draft))
        assert "TST001" in r.out and "TST002" not in r.out

    def test_nearest_config_wins_per_file(self, run_cli, tmp_path):
        write(tmp_path / ".editlint.toml", 'select = ["TST001"]\n')
        write(tmp_path / "desk" / "editlint.toml", 'select = ["TST002"]\n')
        write(tmp_path / "top.md", "foo BAD\n")
        write(tmp_path / "desk" / "story.md", "foo BAD\n")
        r = run_cli(*PLUGIN, "--format", "concise", str(tmp_path))
        lines = sorted(line.split(": ")[1].split()[0] + "@" + line.split(":")[0].rsplit("/", 1)[-1] for line in r.out.splitlines() if ": TST" in line)
        assert lines == ["TST001@top.md", "TST002@story.md"]

    def test_config_option_overrides_and_isolated(self, run_cli, tmp_path):
        write(tmp_path / "editlint.toml", 'select = ["TST001"]\n')
        other = write(tmp_path / "other.toml", 'select = ["TST002"]\n')
        draft = write(tmp_path / "d.md", "foo BAD\n")
        r = run_cli(*PLUGIN, "--format", "concise", "--config", str(other), str(draft))
        assert "TST002" in r.out and "TST001" not in r.out
        r = run_cli(*PLUGIN, "--format", "concise", "--isolated", "--select", "TST", str(draft))
        assert "TST001" in r.out and "TST002" in r.out

    def test_show_config(self, run_cli, tmp_path):
        cfg = write(tmp_path / "editlint.toml", 'fail-on = "warning"\n[rules.TST001]\nreplacement = "baz"\n')
        r = run_cli(*PLUGIN, "--show-config", str(tmp_path))
        data = json.loads(r.out)
        assert data["config-file"] == str(cfg)
        assert data["fail-on"] == "warning"
        assert data["rules"] == {"TST001": {"replacement": "baz"}}


class TestValidation:
    @pytest.mark.parametrize(
        "content, message",
        [
            ('selct = ["X"]\n', "editlint.toml:1: unknown key 'selct' in the top level (did you mean 'select'?)"),
            ('select = "TST001"\n', "editlint.toml:1: 'select' must be a list of strings (got 'TST001')"),
            ('fail-on = "warn"\n', "editlint.toml:1: 'fail-on' must be one of error, warning, info, never (got 'warn') (did you mean 'warning'?)"),
            ('\n[rules.TST01]\nseverity = "error"\n', "editlint.toml:2: unknown rule code 'TST01' in [rules] (did you mean 'TST001'?)"),
            ('[rules.TST001]\nreplacment = "x"\n', "editlint.toml:2: unknown option 'replacment' for rule TST001 (did you mean 'replacement'?)"),
            ('[rules.TST001]\nreplacement = 3\n', "editlint.toml:2: option 'replacement' of rule TST001 must be a string (got 3)"),
            ('[rules.TST001]\nseverity = "fatal"\n', "editlint.toml:2: rules.TST001.severity must be one of error, warning, info (got 'fatal')"),
            ('select = [\n', "editlint.toml:2: invalid TOML"),
            ('ignore = ["TST0X"]\n', "unknown rule selector 'TST0X' in ignore"),
        ],
    )
    def test_errors_are_one_line_with_file_line_key(self, run_cli, tmp_path, content, message):
        write(tmp_path / "editlint.toml", content)
        draft = write(tmp_path / "d.md", "foo\n")
        r = run_cli(*PLUGIN, str(draft))
        assert r.code == 2
        assert r.err.count("\n") == 1, r.err
        assert message in r.err
        assert "Traceback" not in r.err

    def test_pyproject_errors_name_the_table(self, run_cli, tmp_path):
        write(tmp_path / "pyproject.toml", '[tool.editlint]\nfail_on = "x"\n')
        r = run_cli(*PLUGIN, str(write(tmp_path / "d.md", "x\n")))
        assert r.code == 2
        assert "pyproject.toml:2: unknown key 'fail_on' in [tool.editlint] (did you mean 'fail-on'?)" in r.err

    def test_missing_config_file(self, run_cli, tmp_path):
        r = run_cli("--config", str(tmp_path / "none.toml"), str(tmp_path))
        assert r.code == 2 and "does not exist" in r.err


class TestEffects:
    def test_severity_override_and_slug_keys(self, run_cli, tmp_path):
        write(tmp_path / "editlint.toml", 'select = ["TST"]\n[rules.flag-foo]\nseverity = "error"\n')
        r = run_cli(*PLUGIN, "--format", "concise", str(write(tmp_path / "d.md", "foo\n")))
        assert r.code == 1 and "TST001 [*] [error]" in r.out

    def test_rule_option(self, run_cli, tmp_path):
        write(tmp_path / "editlint.toml", '[rules.TST001]\nreplacement = "baz"\n')
        d = write(tmp_path / "d.md", "foo\n")
        run_cli(*PLUGIN, "--select", "TST001", "--fix", str(d))
        assert d.read_text() == "baz\n"

    def test_per_file_ignores_and_exclude(self, run_cli, tmp_path):
        write(tmp_path / "editlint.toml", 'select = ["TST"]\nextend-exclude = ["archive"]\n[per-file-ignores]\n"wire/*.md" = ["TST001"]\n')
        write(tmp_path / "wire" / "a.md", "foo BAD\n")
        write(tmp_path / "archive" / "old.md", "foo BAD\n")
        r = run_cli(*PLUGIN, "--format", "concise", str(tmp_path))
        codes = [line.split(": ")[1].split()[0] for line in r.out.splitlines() if ": TST" in line]
        assert codes == ["TST002"]

    def test_select_prefix_longest_wins(self, run_cli, tmp_path):
        d = write(tmp_path / "d.md", "foo BAD\n")
        r = run_cli(*PLUGIN, "--format", "concise", "--select", "TST", "--ignore", "TST00", "--extend-select", "TST002", str(d))
        assert [line.split(": ")[1].split()[0] for line in r.out.splitlines() if ": TST" in line] == ["TST002"]
