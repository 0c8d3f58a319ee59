"""Declarative rule packs: TOML rule files in folders, loaded as rules.

This module is the built-in plugin that provides the bundled packs (every
folder under the top-level ``rules/`` except ``data/``) and the built-in
rule kinds.
"""

from __future__ import annotations

from pathlib import Path

from editlint.hookspecs import hookimpl


@hookimpl
def editlint_rule_packs(config):
    from editlint.resources import rules_dir

    root = rules_dir()
    return sorted(p for p in root.iterdir() if p.is_dir() and p.name != "data" and not p.name.startswith((".", "_")))


@hookimpl
def editlint_rule_kinds():
    from editlint.packs.kinds import BUILTIN_KINDS

    return BUILTIN_KINDS
