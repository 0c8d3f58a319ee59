"""Declarative rule packs: TOML rule files in folders, loaded as rules.

This module is the built-in plugin that provides the bundled packs (every
folder under the top-level ``rules/`` except ``data/``), the built-in rule
kinds, and the ``pack-regex-timeout`` setting (seconds a pack rule's
patterns may run on one document before the rule is stopped with ``EL003``).

The pack format is documented in ``rules/README.md``; the kinds live in
:mod:`editlint.packs.kinds`, the loader in :mod:`editlint.packs.loader`.
"""

from __future__ import annotations

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


@hookimpl
def editlint_settings():
    from editlint.packs.kinds import DEFAULT_TIMEOUT, TIMEOUT_SETTING

    return {TIMEOUT_SETTING: DEFAULT_TIMEOUT}
