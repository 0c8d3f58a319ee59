"""The seed synthesis and its footer-less copy, end to end; PRV settings from a config file."""

from __future__ import annotations

import json

import pytest

from editlint.config import Config
from editlint.document import parse
from editlint.engine import Linter
from editlint.plugins import get_plugin_host
from editlint.registry import build_registry

CODES = ["PRV", "BAL001", "BAL006"]


def lint(text: str, path: str = "seed.txt", settings=None):
    host = get_plugin_host(load_entrypoints=False)
    registry, config = build_registry(host, Config(settings=settings or {}))
    return Linter(host, registry, config, select=CODES).check(parse(text, path))


def without_footer(seed: str) -> str:
    return seed[: seed.index("\nWire provenance")] + "\n"


class TestSeed:
    def test_seed(self, seed_text):
        report = lint(seed_text)
        by_code = {}
        for d in report.diagnostics:
            by_code.setdefault(d.code, []).append(d)
        assert sorted(by_code) == ["BAL001", "BAL006", "PRV003", "PRV004"]
        # PRV003: Reuters and Foreign Affairs, once each
        assert [(d.data["outlet"], seed_text[d.span.start : d.span.end]) for d in by_code["PRV003"]] == [
            ("reuters", "Reuters"),
            ("foreign-affairs", "Foreign Affairs Magazine"),
        ]
        # PRV004: the three Tasnim entries, since the body never names Tasnim
        assert [d.data["outlet"] for d in by_code["PRV004"]] == ["tasnim"] * 3
        assert all("t.me/" in seed_text[d.span.start : d.span.end].casefold() for d in by_code["PRV004"])
        assert "tasnim" not in " ".join(seed_text[: seed_text.index("Wire provenance")].casefold().split())
        # BAL001 with the distribution and the outlets the footer lacks
        (bal001,) = by_code["BAL001"]
        assert "5 of 5 sources: state-affiliated media of Iran (Al-Alam ×2, Tasnim ×3)" in bal001.message
        assert "Reuters and Foreign Affairs" in bal001.message
        assert seed_text[bal001.span.start : bal001.span.end] == "Wire provenance"
        # BAL006 for "Alalam News"
        (bal006,) = by_code["BAL006"]
        assert seed_text[bal006.span.start : bal006.span.end] == "Alalam News"

    def test_seed_without_footer(self, seed_text):
        text = without_footer(seed_text)
        report = lint(text)
        prv = [d for d in report.diagnostics if d.code.startswith("PRV")]
        assert [d.code for d in prv] == ["PRV001"]
        assert prv[0].span.start == prv[0].span.end == len(text.rstrip())
        assert "Wire provenance" in prv[0].help
        assert "BAL001" not in {d.code for d in report.diagnostics}

    def test_seed_summary(self, seed_text):
        summary = lint(seed_text).summary["sources"]
        assert summary == {
            "footer": True,
            "total": 5,
            "by_outlet": {"Al-Alam": 2, "Tasnim": 3},
            "by_country": {"Iran": 5},
            "by_ownership": {"state": 5},
            "state_affiliated": 5,
        }
        assert "sources" not in lint(without_footer(seed_text)).summary


class TestConfig:
    def write(self, tmp_path, body: str):
        (tmp_path / "pyproject.toml").write_text("[tool.editlint]\n" + body, encoding="utf-8")
        draft = tmp_path / "draft.md"
        draft.write_text("Desk Wire reported it.\n\n## Sources\n\n- https://deskwire.example/a\n", encoding="utf-8")
        return draft

    def test_outlets_from_config(self, run_cli, tmp_path):
        draft = self.write(
            tmp_path,
            '[tool.editlint.outlets."Desk Wire"]\ndomains = ["deskwire.example"]\ncountry = "Lebanon"\nownership = "private"\n',
        )
        r = run_cli("--select", "PRV", "--format", "json", "--no-cache", str(draft))
        assert r.code == 0, r.err
        assert json.loads(r.out)["diagnostics"] == []

    @pytest.mark.parametrize(
        "body, message, line",
        [
            ('[tool.editlint.outlets."Desk Wire"]\nownership = "gov"\n', "outlets.\"Desk Wire\".ownership must be one of state, public, private, wire (got 'gov')", 2),
            ('[tool.editlint.outlets."Desk Wire"]\ndomain = ["x.example"]\n', "unknown field 'domain' (did you mean 'domains'?)", 2),
            ('provenance-headings = "Sources"\n', "'provenance-headings' must be a list", 2),
            ('provenance-headings = ["Sources", ""]\n', "'provenance-headings' must be a list of non-empty strings", 2),
        ],
    )
    def test_invalid_settings_are_one_line_errors(self, run_cli, tmp_path, body, message, line):
        draft = self.write(tmp_path, body)
        r = run_cli("--no-cache", str(draft))
        assert r.code == 2
        assert r.err.count("\n") == 1, r.err
        assert message in r.err
        assert f"pyproject.toml:{line}:" in r.err

    def test_headings_setting(self, run_cli, tmp_path):
        draft = self.write(tmp_path, 'provenance-headings = ["Further reading"]\n')
        r = run_cli("--select", "PRV001", "--format", "json", "--no-cache", str(draft))
        assert [d["code"] for d in json.loads(r.out)["diagnostics"]] == ["PRV001"]
