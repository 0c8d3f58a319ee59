"""Every registered rule is documented and has test cases; every hook is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from editlint import hookspecs
from editlint.config import Config
from editlint.plugins import get_plugin_host
from editlint.registry import build_registry
from editlint.rule import REQUIRED_SECTIONS, doc_sections
from editlint.testing import read_cases

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).parent / "rules"


def _rules():
    host = get_plugin_host(load_entrypoints=False)
    registry, _ = build_registry(host, Config())
    return list(registry)


RULES = _rules()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_documented(rule):
    """A rule's docstring has a summary and the required sections."""
    doc = rule.documentation()
    assert rule.summary(), f"{rule.code} has no summary line"
    sections = doc_sections(doc)
    missing = [s for s in REQUIRED_SECTIONS if not sections.get(s)]
    assert not missing, f"{rule.code} documentation lacks sections: {missing}"
    if rule.default_options():
        assert sections.get("Options"), f"{rule.code} has options but no '## Options' section"
        for option in rule.default_options():
            assert f"`{option}`" in sections["Options"], f"{rule.code} does not document option {option!r}"


@pytest.mark.parametrize("rule", [r for r in RULES if not r.code.startswith("EL")], ids=lambda r: r.code)
def test_rule_has_cases(rule):
    """Every rule has a case file with at least one failing and one passing case."""
    path = CASES / f"{rule.code}.md"
    assert path.is_file(), f"{rule.code} has no case file {path.relative_to(ROOT)}"
    cases = read_cases(path)
    assert any(c.expected and not c.options.get("fix") for c in cases), f"{rule.code}: no case where it fires"
    assert any(not c.expected for c in cases), f"{rule.code}: no case where it stays silent"


def test_every_hook_is_documented_in_readme():
    """Plugin authors find every hook in the README (datasette's test_docs)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    hooks = [name for name in dir(hookspecs) if name.startswith("editlint_")]
    assert hooks
    for hook in hooks:
        assert f"`{hook}`" in readme, f"hook {hook} is not documented in README.md"
        spec = getattr(hookspecs, hook)
        assert spec.__doc__ and ":returns:" in spec.__doc__ or "-> None" in str(spec.__annotations__)


def test_codes_are_unique_and_well_formed():
    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]{2,4}\d{3}", c) for c in codes)
