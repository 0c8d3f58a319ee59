"""The README's examples work as written: the Python plugin, the pack rule and the CLI.

Readers copy these snippets; a test keeps them from rotting when the API moves.
"""

from __future__ import annotations

import re
import types
from pathlib import Path

from editlint import lint_text

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def block(lang: str, containing: str) -> str:
    """The README's first ```lang fenced block that contains ``containing``."""
    for body in re.findall(rf"```{lang}\n(.*?)```", README, flags=re.S):
        if containing in body:
            return body
    raise AssertionError(f"no ```{lang} block with {containing!r} in README.md")


def test_python_plugin_example_runs():
    module = types.ModuleType("editlint_desk_readme")
    exec(compile(block("python", "class NoExclamation"), "README.md", "exec"), module.__dict__)
    found = lint_text('Prices rose again! "Stop!" he said.\n', plugins=[module], select=["DSK002"])
    assert [(d.code, d.span, d.message) for d in found] == [("DSK002", (17, 18), "exclamation mark in news copy")]


def test_pack_rule_example_runs(run_cli, tmp_path, monkeypatch):
    pack = tmp_path / "desk-style"
    pack.mkdir()
    (pack / "banned.toml").write_text(block("toml", 'code = "DSK001"'), encoding="utf-8")
    (tmp_path / "editlint.toml").write_text('packs = ["desk-style"]\n', encoding="utf-8")
    (tmp_path / "draft.md").write_text("A Very Unique plan, in order to win.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = run_cli("--no-cache", "--select", "DSK001", "--format", "concise", "draft.md")
    assert r.out.splitlines()[:2] == [
        "draft.md:1:3: DSK001 [warning] avoid 'Very Unique'",
        "draft.md:1:21: DSK001 [warning] avoid 'in order to'",
    ]


def test_configuration_example_is_valid(tmp_path):
    from editlint.config import load_config

    (tmp_path / "pyproject.toml").write_text(block("toml", "[tool.editlint.per-file-ignores]"), encoding="utf-8")
    config = load_config(tmp_path / "pyproject.toml")  # unknown keys or wrong types would raise ConfigError
    assert config.fail_on == "error"
    assert config.rules["CIT001"] == {"severity": "error", "min-confidence": 0.6}
