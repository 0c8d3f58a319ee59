"""Run rules over one document.

The engine isolates every rule: a rule that raises becomes an ``EL001
rule-crashed`` diagnostic, one that returns something that is not a valid
diagnostic becomes ``EL004 invalid-diagnostic``, a regex that times out
becomes ``EL003 rule-timeout`` and a rule that overruns its time budget is
interrupted and reported as ``EL005 rule-too-slow``. The other rules still
run.
"""

from __future__ import annotations

import fnmatch
import os
import signal
import _signal
import sys
import threading
import time
from pathlib import PurePath
from typing import Any, Iterable, NamedTuple

from editlint.config import Config
from editlint.diagnostic import Diagnostic, Severity
from editlint.document import Document, Span
from editlint.plugins import PluginHost
from editlint.registry import RuleRegistry
from editlint.rule import Rule
from editlint.suppressions import apply_suppressions, parse_suppressions

class RuleOverran(Exception):
    """Raised inside a rule that used up its time budget."""


class DocumentReport(NamedTuple):
    """Diagnostics of one document and facts about the run."""

    diagnostics: list[Diagnostic]
    summary: dict[str, Any]
    internal_error: bool = False


class Linter:
    """The rules selected for one configuration, ready to check documents."""

    def __init__(
        self,
        host: PluginHost,
        registry: RuleRegistry,
        config: Config,
        *,
        select: Iterable[str] | None = None,
        extend_select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        rule_budget: float | None = None,
        debug: bool = False,
        summaries: bool = True,
    ) -> None:
        self.host = host
        self.registry = registry
        self.config = config
        sel = list(select) if select is not None else (list(config.select) if config.select is not None else None)
        self.rules: list[Rule] = registry.enabled(
            sel, [*config.extend_select, *extend_select], [*config.ignore, *ignore]
        )
        self.rule_budget = rule_budget if rule_budget is not None else config.rule_budget
        self.debug = debug
        #: Collect document summaries (JSON ``summary``, ``--statistics``); they
        #: cost time, so the CLI asks for them only when they will be shown.
        self.summaries = summaries
        self._el = {code: registry.rules.get(code) for code in ("EL001", "EL002", "EL003", "EL004", "EL005")}
        self._enabled_codes = {r.code for r in self.rules}
        self._by_code = {r.code: r for r in self.rules}

    # -- which rules run for which file ---------------------------------------
    def rules_for(self, path: str) -> list[Rule]:
        """The enabled rules minus the per-file ignores matching ``path``."""
        if not self.config.per_file_ignores:
            return self.rules
        ignored: list[str] = []
        rel = _relative(path, self.config.root)
        for glob, codes in self.config.per_file_ignores:
            if _glob_match(rel, glob):
                ignored.extend(codes)
        if not ignored:
            return self.rules
        return [r for r in self.rules if not any(self.registry.matches(s, r.code) for s in ignored)]

    # -- checking ----------------------------------------------------------------
    def check(self, doc: Document) -> DocumentReport:
        """Run the rules on ``doc``; apply quotes policy and suppressions."""
        rules = self.rules_for(doc.path)
        found: list[Diagnostic] = []
        internal = False
        budget = _budget(self.rule_budget)
        try:
            for rule in rules:
                if rule.engine_reported:
                    continue  # the EL rules: the engine reports them, their check() finds nothing
                produced, problem = self._run_rule(rule, doc, budget)
                found.extend(produced)
                if problem is not None:
                    found.append(problem)
                    internal = internal or problem.code in ("EL001", "EL004")
        finally:
            budget.close()
        found = self._quote_policy(doc, found, self._by_code if rules is self.rules else {r.code: r for r in rules})
        suppressions = parse_suppressions(doc)
        kept = apply_suppressions(found, suppressions, self.registry.matches)
        if "EL002" in self._enabled_codes:
            kept.extend(self._unused(doc, suppressions))
        kept.sort(key=Diagnostic.sort_key)
        summary = self._summary(doc, kept) if self.summaries else {}
        return DocumentReport(kept, summary, internal)

    def _run_rule(self, rule: Rule, doc: Document, budget: _budget) -> tuple[list[Diagnostic], Diagnostic | None]:
        start = time.perf_counter()
        out: list[Diagnostic] = []
        try:
            with budget:
                for item in rule.check(doc) or ():
                    problem = _validate(item, rule, doc)
                    if problem:
                        return out, self._engine_diag("EL004", doc, f"rule {rule.code} ({rule.name}) from {rule.source!r} returned an invalid diagnostic: {problem}")
                    out.append(item)
        except RuleOverran:
            elapsed = time.perf_counter() - start
            return out, self._engine_diag(
                "EL005", doc, f"rule {rule.code} ({rule.name}) from {rule.source!r} was stopped after {elapsed:.1f} s on this document (budget {self.rule_budget:g} s)"
            )
        except TimeoutError as exc:
            where = getattr(exc, "span", None)
            return out, self._engine_diag(
                "EL003", doc, f"rule {rule.code} ({rule.name}): a pattern timed out ({exc}); its remaining matches were skipped", where
            )
        except Exception as exc:  # isolation: one broken rule never stops the run
            if self.debug:
                import traceback

                traceback.print_exc(file=sys.stderr)
            return out, self._engine_diag(
                "EL001", doc, f"rule {rule.code} ({rule.name}) from {rule.source!r} crashed: {type(exc).__name__}: {exc}", notes=(_where(exc),)
            )
        return out, None

    def _engine_diag(self, code: str, doc: Document, message: str, span: Span | None = None, notes: Iterable[str] = ()) -> Diagnostic:
        rule = self._el.get(code)
        name = rule.name if rule else code.lower()
        severity = rule.severity if rule else Severity.ERROR
        return Diagnostic(code, name, severity, message, span or Span(0, 0), doc.path, notes=tuple(n for n in notes if n))

    def _quote_policy(self, doc: Document, found: list[Diagnostic], by_code: dict[str, Rule]) -> list[Diagnostic]:
        """Drop findings inside quotes for rules that ask; never fix inside quotes."""
        if not doc.quotes:
            return found
        out = []
        for d in found:
            rule = by_code.get(d.code)
            if rule is not None and rule.skip_quotes and doc.in_quote(d.span):
                continue
            if d.fix is not None and any(doc.in_quote(e.span) for e in d.fix.edits):
                d = d.with_(fix=None)
            out.append(d)
        return out

    def _unused(self, doc: Document, suppressions) -> list[Diagnostic]:
        out = []
        for s in suppressions.items:
            if s.used:
                continue
            if s.selector is not None and not any(self.registry.matches(s.selector, c) for c in self.registry.rules):
                msg = f"suppression names an unknown rule {s.selector!r}"
            else:
                what = s.selector or "all rules"
                msg = f"unused suppression: {what} reported nothing here"
            rule = self._el["EL002"]
            out.append(Diagnostic("EL002", rule.name, rule.severity, msg, s.comment, doc.path, source=rule.source))
        return out

    def _summary(self, doc: Document, diagnostics: list[Diagnostic]) -> dict[str, Any]:
        summary: dict[str, Any] = {}
        for _, extra in self.host.each("editlint_document_summary", document=doc, diagnostics=diagnostics, config=self.config):
            summary.update(extra)
        return summary


def _validate(item: Any, rule: Rule, doc: Document) -> str | None:
    if not isinstance(item, Diagnostic):
        return f"expected a Diagnostic, got {type(item).__name__}"
    start, end = item.span
    if not (isinstance(start, int) and isinstance(end, int)) or not 0 <= start <= end <= len(doc.text):
        return f"span {tuple(item.span)!r} lies outside the document (length {len(doc.text)})"
    if not isinstance(item.severity, Severity):
        return f"severity {item.severity!r} is not a Severity"
    if not isinstance(item.message, str) or not item.message:
        return "empty message"
    if item.fix is not None:
        for edit in item.fix.edits:
            if not 0 <= edit.start <= edit.end <= len(doc.text) or not isinstance(edit.replacement, str):
                return f"fix edit {edit!r} lies outside the document"
    return None


def _where(exc: BaseException) -> str:
    import traceback  # a crash only: keeps it off the start-up path

    tb = traceback.extract_tb(exc.__traceback__)
    if not tb:
        return ""
    frame = tb[-1]
    return f"raised at {os.path.basename(frame.filename)}:{frame.lineno} in {frame.name}"


class _budget:
    """Interrupt each block run under it after ``seconds`` (main thread on POSIX only).

    One per document: the checks and the SIGALRM handler are set up once,
    and the timer is started once, by the first rule. Each rule (``with
    budget:``) only notes when it started (its deadline is ``seconds`` after
    that). The timer, set for the rule that started it, fires no later than
    any later rule's deadline; when it fires early for the rule running then,
    the handler sets it again for what is left of that rule's time, and
    raises only once a rule has had all of it. So each rule gets exactly its
    budget, as if the clock were restarted around every rule, for two
    ``setitimer`` calls per document instead of one per rule and document
    (~1 µs each: ~0.05 s of CPU over a 2,000-draft corpus). :meth:`close`
    stops the timer after the last rule; an alarm that falls between rules is
    ignored.
    """

    armed_now = False
    installed = False
    #: Monotonic time at which the running rule's budget ends.
    deadline = 0.0
    #: Whether the timer is set (it fires at most ``seconds`` after being set).
    ticking = False

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.armed = (
            seconds > 0
            and hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
        )
        # _signal.getsignal skips the enum wrapping of signal.getsignal
        if self.armed and (not _budget.installed or _signal.getsignal(signal.SIGALRM) is not _overran):
            signal.signal(signal.SIGALRM, _overran)
            _budget.installed = True

    def __enter__(self) -> None:
        if self.armed:
            _budget.deadline = _monotonic() + self.seconds
            if not _budget.ticking:
                _budget.ticking = True
                signal.setitimer(signal.ITIMER_REAL, self.seconds)
            _budget.armed_now = True

    def __exit__(self, *exc: object) -> None:
        _budget.armed_now = False

    def close(self) -> None:
        """Stop the clock (after the document's last rule)."""
        _budget.armed_now = False
        if self.armed and _budget.ticking:
            _budget.ticking = False
            signal.setitimer(signal.ITIMER_REAL, 0)


_monotonic = time.monotonic


def _overran(signum: int, frame: object) -> None:
    if not _budget.armed_now:
        _budget.ticking = False  # fired between rules: the next rule starts it again
        return
    left = _budget.deadline - _monotonic()
    if left > 0:  # set by an earlier rule: this one still has time
        signal.setitimer(signal.ITIMER_REAL, left)
        return
    _budget.armed_now = False
    _budget.ticking = False
    raise RuleOverran()


def _relative(path: str, root) -> str:
    try:
        return PurePath(os.path.relpath(os.path.abspath(path), root)).as_posix()
    except ValueError:
        return PurePath(path).as_posix()


def _glob_match(rel: str, glob: str) -> bool:
    """Match like ruff: a glob matches the relative path or any trailing part of it."""
    if fnmatch.fnmatch(rel, glob):
        return True
    name = rel.rsplit("/", 1)[-1]
    return "/" not in glob and fnmatch.fnmatch(name, glob)
