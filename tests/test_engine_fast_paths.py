"""Engine shortcuts: the same findings and the same rule budgets as the general code."""

from __future__ import annotations

import time

import pytest

from editlint.config import Config
from editlint.diagnostic import Diagnostic, Fix, Severity
from editlint.document import Span, parse
from editlint.engine import Linter
from editlint.hookspecs import hookimpl
from editlint.plugins import get_plugin_host
from editlint.registry import build_registry
from editlint.rule import Rule


class _Sleeper(Rule):
    """Sleeps, then reports.

    ## What it flags
    Nothing real.

    ## Why it matters
    Tests.

    ## Example
    x

    ## Use instead
    y
    """

    name = "sleeper"
    seconds = 0.0

    def check(self, doc):
        time.sleep(self.seconds)
        yield self.diagnostic(doc, Span(0, 1), f"{self.code} done")


def _sleepers(*durations: float):
    classes = []
    for i, seconds in enumerate(durations):
        classes.append(type(f"S{i}", (_Sleeper,), {"code": f"TSB{i:03d}", "name": f"sleeper-{i}", "seconds": seconds}))

    class Plugin:
        @staticmethod
        @hookimpl
        def editlint_rules():
            return classes

    return Plugin


def _run(budget: float, *durations: float) -> list[str]:
    host = get_plugin_host(load_entrypoints=False, extra=[_sleepers(*durations)])
    registry, config = build_registry(host, Config(rule_budget=budget))
    linter = Linter(host, registry, config, select=["TSB", "EL"])
    return [d.code if d.code != "EL005" else "EL005:" + d.message.split()[1] for d in linter.check(parse("x\n", "a.md")).diagnostics]


@pytest.mark.skipif(not hasattr(__import__("signal"), "setitimer"), reason="budgets need setitimer")
def test_each_rule_gets_its_whole_budget_though_the_timer_is_set_once():
    # four rules of 0.6 budget each: together past any single budget, each within its own
    assert _run(0.25, 0.15, 0.15, 0.15, 0.15) == ["TSB000", "TSB001", "TSB002", "TSB003"]


@pytest.mark.skipif(not hasattr(__import__("signal"), "setitimer"), reason="budgets need setitimer")
def test_a_rule_past_its_budget_is_stopped_and_the_next_one_runs():
    codes = _run(0.2, 0.1, 0.5, 0.05)
    assert sorted(codes) == ["EL005:TSB001", "TSB000", "TSB002"]


def test_engine_rules_are_not_run_and_report_the_same():
    host = get_plugin_host(load_entrypoints=False)
    registry, config = build_registry(host, Config())
    linter = Linter(host, registry, config, select=["ALL"])
    assert any(r.engine_reported for r in linter.rules)
    doc = parse("<!-- editlint-disable-next-line NAM001 -->\nA clean line.\n", "a.md")
    assert [d.code for d in linter.check(doc).diagnostics].count("EL002") == 1
    for rule in linter.rules:
        if rule.engine_reported:
            assert list(rule.check(doc)) == []


def test_rule_diagnostic_builds_what_the_keyword_constructor_builds():
    class R(Rule):
        code, name, severity = "TST123", "t", Severity.WARNING

    doc = parse("abc\n", "a.md")
    rule = R()
    fix = Fix.replace(Span(0, 1), "x")
    for args in [
        dict(span=Span(0, 1), message="m"),
        dict(span=(1, 2), message="m", confidence=0.12345, help="h", notes=["a", "b"], data={"k": 1}, fix=fix),
        dict(span=[0, 3], message="m", notes=("n",), severity=Severity.ERROR, data=None),
    ]:
        got = rule.diagnostic(doc, args.pop("span") if False else args["span"], args["message"], **{k: v for k, v in args.items() if k not in ("span", "message")})
        expected = Diagnostic(
            code="TST123",
            name="t",
            severity=args.get("severity", Severity.WARNING),
            message="m",
            span=Span(*args["span"]),
            path="a.md",
            confidence=None if args.get("confidence") is None else round(float(args["confidence"]), 3),
            fix=args.get("fix"),
            help=args.get("help"),
            notes=tuple(args.get("notes", ())),
            source="editlint",
            data=dict(args.get("data") or {}),
        )
        assert got == expected and type(got.span) is Span and type(got) is Diagnostic
    with pytest.raises(TypeError):
        rule.diagnostic(doc, (0, 1, 2), "m")


class Special(Diagnostic):
    """A rule's own subclass of Diagnostic: sent as it is."""


def test_results_cross_processes_as_plain_tuples_and_come_back_equal():
    import pickle

    from editlint.runner import _flat, _unflat

    plain = Diagnostic("TST001", "t", Severity.INFO, "m", Span(1, 2), "a.md", 0.5, Fix.replace(Span(1, 2), "x", safe=False, title="t"), "h", ("n",), "src", {"k": [1]})
    bare = Diagnostic("TST002", "t", Severity.ERROR, "m", Span(0, 0), "a.md")
    odd = Special(*plain)
    for d in (plain, bare, odd):
        back = _unflat(pickle.loads(pickle.dumps(_flat(d))))
        assert back == d and type(back) is type(d) and type(back.span) is Span
        assert back.fix is None or (type(back.fix) is Fix and all(type(e).__name__ == "Edit" for e in back.fix.edits))
    assert type(_flat(plain)) is tuple and _flat(odd) is odd


def test_the_claims_rules_know_the_analysis_key():
    from editlint.rules.claims import analysis, rules

    assert rules._ANALYSIS_KEY == analysis.ANALYSIS_KEY
    doc = parse("Sources said 300 troops left.\n", "a.md")
    assert rules.claims_analysis(doc) is analysis.claims_analysis(doc) is doc.peek(analysis.ANALYSIS_KEY)
