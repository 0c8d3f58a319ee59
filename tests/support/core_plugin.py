"""A small plugin used by the core tests: rules with predictable behaviour."""

from __future__ import annotations

import time

from editlint import hookimpl
from editlint.diagnostic import Diagnostic, Fix, Severity
from editlint.document import Span
from editlint.rule import Rule

import re

_FOO = re.compile(r"\bfoo\b")
_BAD = re.compile(r"\bBAD\b")


class FlagFoo(Rule):
    """Flags the word 'foo' (a test rule).

    ## What it flags
    The word `foo`.

    ## Why it matters
    Tests need a rule with a safe fix.

    ## Example
    The foo is here.

    ## Use instead
    The bar is here.

    ## Options
    - `replacement`: what to write instead.

    ## Fix safety
    Safe.
    """

    code = "TST001"
    name = "flag-foo"
    severity = Severity.WARNING
    options = {"replacement": "bar"}
    skip_quotes = True

    def check(self, doc):
        for m in _FOO.finditer(doc.prose):
            yield self.diagnostic(doc, Span(m.start(), m.end()), "found 'foo'", fix=Fix.replace(Span(m.start(), m.end()), self.opt("replacement"), title="use 'bar'"))


class FlagBad(Rule):
    """Flags the word 'BAD' as an error (a test rule).

    ## What it flags
    `BAD`.

    ## Why it matters
    Tests need an error with an unsafe fix.

    ## Example
    This is BAD.

    ## Use instead
    This is good.
    """

    code = "TST002"
    name = "flag-bad"
    severity = Severity.ERROR

    def check(self, doc):
        for m in _BAD.finditer(doc.prose):
            yield self.diagnostic(doc, Span(m.start(), m.end()), "found 'BAD'", fix=Fix.replace(Span(m.start(), m.end()), "good", safe=False), confidence=0.9)


class Misbehaves(Rule):
    """Crashes, returns garbage or hangs on trigger words (a test rule).

    ## What it flags
    Nothing useful.

    ## Why it matters
    Tests of isolation.

    ## Example
    CRASH

    ## Use instead
    Nothing.
    """

    code = "TST003"
    name = "misbehaves"
    severity = Severity.INFO

    def check(self, doc):
        if "CRASH" in doc.text:
            raise ValueError("boom")
        if "GARBAGE" in doc.text:
            yield Diagnostic("TST003", "misbehaves", Severity.INFO, "bad span", Span(0, len(doc.text) + 10), doc.path)
        if "NOTADIAG" in doc.text:
            yield "not a diagnostic"
        if "SLOW" in doc.text:
            while True:
                time.sleep(0.01)
        if "PATTERNTIMEOUT" in doc.text:
            raise TimeoutError("regex timed out")


@hookimpl
def editlint_rules():
    return [FlagFoo, FlagBad, Misbehaves]
