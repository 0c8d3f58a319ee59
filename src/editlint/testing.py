"""Data-driven rule tests, public for pack and plugin authors.

A case file holds cases in markdown-it-py's dot-delimited format: a title
line (optionally followed by ``|`` and options), a line with ``.``, the
draft, a ``.``, the expected diagnostics, and a closing ``.``::

    merged name in body text
    .
    Talks on SaudiIsraeli normalisation resumed on Tuesday.
    .
    1:10-1:22 NAM001 [error] merged proper noun 'SaudiIsraeli': did you mean 'Saudi-Israeli'?
    .

    quoted speech is left alone | path=draft.txt
    .
    "We discussed SaudiIsraeli ties," she said.
    .
    .

Expected lines are ``line:col-end_line:end_col CODE [severity] message``
(1-based, columns in code points, end exclusive). Options after ``|`` are
``key=value`` pairs separated by spaces:

* ``path=NAME``: the draft's file name (``.txt`` parses plain text; default ``draft.md``);
* ``select=CODES``: the rules to run (default: the case file's name, e.g. ``NAM001``);
* ``CODE.option=VALUE``: a rule option (the value is read as TOML, e.g. ``0.5``, ``true``, ``"x"``);
* ``setting.key=VALUE``: a top-level setting;
* ``fix=safe`` or ``fix=unsafe``: the expected block is the fixed draft instead;
* ``packs=DIR[,DIR]``: pack folders to load, relative to the case file.

Use it from pytest::

    from editlint.testing import case_params, check_case

    @pytest.mark.parametrize("case", case_params("tests/rules"))
    def test_rule(case):
        check_case(case)

A pack author keeps rule files and case files side by side and tests both::

    from editlint.testing import case_params, check_case, check_pack

    PACK = Path(__file__).parent / "my-pack"

    def test_pack_is_valid():
        check_pack(PACK)          # loads every file, checks its documentation

    @pytest.mark.parametrize("case", case_params(PACK / "cases"))
    def test_rule(case):
        check_case(case, packs=[PACK])

A plugin author passes the plugin module (or object) with ``plugins=[...]``.
For one-off assertions, :func:`lint_text` lints a string and returns the
diagnostics.

Set ``EDITLINT_UPDATE_CASES=1`` to rewrite the expected blocks from what the
rules report now (review the diff before committing).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from editlint.config import Config
from editlint.document import parse
from editlint.document.span import LineIndex


@dataclass
class Case:
    """One test case read from a case file."""

    file: Path
    line: int
    title: str
    draft: str
    expected: list[str]
    options: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.file.stem}:{self.line}:{self.title}"

    @property
    def code(self) -> str:
        return self.file.stem


def read_cases(path: str | Path) -> list[Case]:
    """Read every case of one case file."""
    path = Path(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    cases: list[Case] = []
    i = 0
    while i < len(lines):
        title = lines[i].strip()
        if not title or title.startswith("<!--") and title.endswith("-->"):
            i += 1
            continue
        if i + 1 >= len(lines) or lines[i + 1] != ".":
            raise ValueError(f"{path}:{i + 1}: expected '.' after the case title {title!r}")
        start = i + 1
        blocks: list[list[str]] = []
        j = i + 2
        current: list[str] = []
        while j < len(lines) and len(blocks) < 2:
            if lines[j] == ".":
                blocks.append(current)
                current = []
            else:
                current.append(lines[j])
            j += 1
        if len(blocks) < 2:
            raise ValueError(f"{path}:{start}: case {title!r} is not closed by '.' lines")
        name, _, raw_opts = title.partition(" | ")
        options = dict(opt.split("=", 1) for opt in raw_opts.split() if "=" in opt)
        draft = "\n".join(blocks[0]) + ("\n" if blocks[0] else "")
        cases.append(Case(path, start, name.strip(), draft, blocks[1], options))
        i = j
    return cases


def case_params(folder: str | Path) -> list[Any]:
    """Return ``pytest.param`` objects for every case in ``folder/*.md``."""
    import pytest

    params = []
    for file in sorted(Path(folder).glob("*.md")):
        for case in read_cases(file):
            params.append(pytest.param(case, id=case.id))
    return params


def _toml_value(raw: str) -> Any:
    try:
        return tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        return raw


def case_packs(case: Case) -> list[Path]:
    """The pack folders named by a case's ``packs=`` option (relative to its file)."""
    raw = case.options.get("packs", "")
    return [(case.file.parent / p).resolve() for p in raw.split(",") if p]


def case_config(case: Case, packs: Sequence[Path] = ()) -> Config:
    rules: dict[str, dict[str, Any]] = {}
    settings: dict[str, Any] = {}
    for key, raw in case.options.items():
        if key.startswith("setting."):
            settings[key[len("setting.") :]] = _toml_value(raw)
        elif "." in key:
            code, opt = key.split(".", 1)
            rules.setdefault(code, {})[opt] = _toml_value(raw)
    return Config(rules=rules, settings=settings, packs=tuple(dict.fromkeys([*packs, *case_packs(case)])))


def render(diagnostics: Iterable, text: str) -> list[str]:
    """Render diagnostics as expected-block lines."""
    index = LineIndex(text[1:] if text.startswith("\ufeff") else text)
    out = []
    for d in diagnostics:
        a, b = index.position(d.span.start), index.position(d.span.end)
        out.append(f"{a.line}:{a.column}-{b.line}:{b.column} {d.code} [{d.severity}] {d.message}")
    return out


def run_case(case: Case, plugins: Sequence[object] = (), packs: Sequence[Path] = ()) -> list[str]:
    """Lint a case's draft; return rendered diagnostics, or the fixed text for fix cases."""
    from editlint.engine import Linter
    from editlint.fixes import apply_fixes
    from editlint.plugins import get_plugin_host
    from editlint.registry import build_registry

    host = get_plugin_host(load_entrypoints=False, extra=plugins)
    registry, config = build_registry(host, case_config(case, packs))
    select = [s for s in case.options.get("select", case.code).split(",") if s]
    linter = Linter(host, registry, config, select=select)
    path = case.options.get("path", "draft.md")
    doc = parse(case.draft, path)
    diagnostics = linter.check(doc).diagnostics
    mode = case.options.get("fix")
    if mode:
        text = case.draft
        for _ in range(10):
            new, n = apply_fixes(text, diagnostics, unsafe=mode == "unsafe")
            if n == 0:
                break
            text = new
            diagnostics = linter.check(parse(text, path)).diagnostics
        return text.rstrip("\n").split("\n") if text else []
    return render(diagnostics, case.draft)


def check_case(case: Case, plugins: Sequence[object] = (), packs: Sequence[Path] = ()) -> None:
    """Assert that a case's draft gives exactly its expected block."""
    got = run_case(case, plugins, packs)
    if os.environ.get("EDITLINT_UPDATE_CASES"):
        _update(case, got)
        return
    if got != case.expected:
        expected = "\n".join(case.expected) or "(nothing)"
        actual = "\n".join(got) or "(nothing)"
        raise AssertionError(f"{case.file}:{case.line} {case.title!r}\n--- expected\n{expected}\n--- got\n{actual}")


def _update(case: Case, got: list[str]) -> None:
    """Rewrite this case's expected block (found again by title and draft)."""
    current = next(
        (c for c in read_cases(case.file) if c.title == case.title and c.draft == case.draft), None
    )
    if current is None:
        raise AssertionError(f"cannot find case {case.title!r} in {case.file} to update it")
    lines = case.file.read_text(encoding="utf-8").split("\n")
    first_dot = current.line  # 0-based index of the '.' after the title
    second_dot = lines.index(".", first_dot + 1)
    third_dot = lines.index(".", second_dot + 1)
    lines[second_dot + 1 : third_dot] = got
    case.file.write_text("\n".join(lines), encoding="utf-8")
    case.expected = got


def lint_text(
    text: str,
    select: Sequence[str] | None = None,
    *,
    path: str = "draft.md",
    options: dict[str, dict[str, Any]] | None = None,
    settings: dict[str, Any] | None = None,
    plugins: Sequence[object] = (),
    packs: Sequence[Path] = (),
) -> list:
    """Lint ``text`` with the built-in rules plus ``plugins`` and ``packs``; return the diagnostics.

    ``select`` works as on the command line (codes, prefixes, slugs);
    ``None`` runs the default rule set. Suppression comments, the quotation
    policy and engine diagnostics (``EL001``–``EL005``) apply as in a real run.
    """
    from editlint.engine import Linter
    from editlint.plugins import get_plugin_host
    from editlint.registry import build_registry

    host = get_plugin_host(load_entrypoints=False, extra=plugins)
    config = Config(rules=options or {}, settings=settings or {}, packs=tuple(Path(p).resolve() for p in packs))
    registry, config = build_registry(host, config)
    linter = Linter(host, registry, config, select=list(select) if select is not None else None)
    return linter.check(parse(text, path)).diagnostics


def assert_documented(rule) -> None:
    """Assert a rule's documentation has a summary and the required sections (as the built-ins must)."""
    from editlint.rule import REQUIRED_SECTIONS, doc_sections

    doc = rule.documentation()
    assert rule.summary(), f"{rule.code} has no summary line"
    sections = doc_sections(doc)
    missing = [s for s in REQUIRED_SECTIONS if not sections.get(s)]
    assert not missing, f"{rule.code} documentation lacks sections: {missing}"
    for option in rule.default_options():
        assert f"`{option}`" in sections.get("Options", ""), f"{rule.code} does not document option {option!r}"


def check_pack(folder: str | Path, plugins: Sequence[object] = ()) -> list:
    """Load one pack folder (raising :class:`~editlint.errors.PackError` if invalid) and check every rule's documentation.

    Returns the pack's rules. Kinds from ``plugins`` are available to it.
    """
    from editlint.packs.loader import iter_rule_files, load_rule_file, rule_kinds
    from editlint.plugins import get_plugin_host

    host = get_plugin_host(load_entrypoints=False, extra=plugins)
    kinds = rule_kinds(host)
    rules = [load_rule_file(path, kinds) for path in iter_rule_files(Path(folder))]
    assert rules, f"no rule files (*.toml) in {folder}"
    for rule in rules:
        assert_documented(rule)
    return rules
