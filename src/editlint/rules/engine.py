"""EL rules: what the engine itself reports.

These rules have no ``check`` logic of their own: the engine emits their
diagnostics. They are registered like any other rule so that they can be
listed, explained, selected and ignored.
"""

from __future__ import annotations

from typing import Iterable

from editlint.diagnostic import Severity
from editlint.hookspecs import hookimpl
from editlint.rule import Rule


class _EngineRule(Rule):
    engine_reported = True

    def check(self, doc) -> Iterable:
        return ()


class RuleCrashed(_EngineRule):
    """A rule raised an exception while checking this document.

    ## What it flags
    A rule, built-in or from a plugin, that raised instead of returning
    diagnostics. The message names the rule, its plugin and the exception.

    ## Why it matters
    A crashed rule has checked nothing: the draft may have problems it would
    have found. The other rules still ran, and the run exits with code 3 so
    CI notices.

    ## Example
    `rule XYZ001 (my-rule) from 'my-plugin[desk]' crashed: KeyError: 'x'`

    ## Use instead
    Report it to the plugin's authors; run with `--debug` for the traceback,
    or `--ignore XYZ001` to skip the rule until it is fixed.
    """

    code = "EL001"
    name = "rule-crashed"
    severity = Severity.ERROR


class UnusedSuppression(_EngineRule):
    """A suppression comment that suppressed nothing.

    ## What it flags
    `<!-- editlint-disable … -->` (or `-next-line`, `-file`) comments that did
    not hide any diagnostic, and suppressions naming unknown rules.

    ## Why it matters
    Stale suppressions hide future problems and clutter drafts.

    ## Example
    ```markdown
    <!-- editlint-disable-next-line NAM001 -->
    Talks on Saudi-Israeli normalisation resumed.
    ```

    ## Use instead
    Remove the comment (the line no longer has the problem).
    """

    code = "EL002"
    name = "unused-suppression"
    severity = Severity.INFO


class RuleTimeout(_EngineRule):
    """A rule's pattern took too long on this document and was stopped.

    ## What it flags
    A regular expression (built-in or from a pack) that ran past its timeout,
    usually through catastrophic backtracking on unusual input.

    ## Why it matters
    Without a timeout one bad pattern can hang a CI job. The rule's remaining
    matches in this document were skipped; other rules ran normally.

    ## Example
    A pack pattern such as `(a+)+$` on a long run of `a`s.

    ## Use instead
    Rewrite the pattern without nested quantifiers, or raise the timeout.
    """

    code = "EL003"
    name = "rule-timeout"
    severity = Severity.WARNING


class InvalidDiagnostic(_EngineRule):
    """A rule returned something that is not a valid diagnostic.

    ## What it flags
    Plugin output of the wrong type, spans outside the document, empty
    messages or fixes pointing outside the text.

    ## Why it matters
    Invalid output cannot be shown or fixed safely, so it is dropped; the run
    exits with code 3 because a plugin misbehaved.

    ## Example
    `rule XYZ001 … returned an invalid diagnostic: span (90, 120) lies outside the document`

    ## Use instead
    Fix the plugin: build diagnostics with `Rule.diagnostic()`.
    """

    code = "EL004"
    name = "invalid-diagnostic"
    severity = Severity.ERROR


class RuleTooSlow(_EngineRule):
    """A rule overran its time budget on one document and was interrupted.

    ## What it flags
    A rule that spent longer than the per-rule budget (10 s by default) on
    one document.

    ## Why it matters
    A slow plugin must not hang a pre-commit hook or a CI job. The rule's
    findings for this document are incomplete.

    ## Example
    `rule XYZ001 (my-rule) from 'my-plugin[desk]' was stopped after 10.0 s`

    ## Use instead
    Make the rule linear in document length, or ignore it.
    """

    code = "EL005"
    name = "rule-too-slow"
    severity = Severity.WARNING


@hookimpl
def editlint_rules():
    return [RuleCrashed, UnusedSuppression, RuleTimeout, InvalidDiagnostic, RuleTooSlow]
