"""The Rule base class shared by built-in rules, pack rules and plugins.

A rule is a class with a code, a slug name, a default severity, options with
defaults, and a Markdown docstring that is its documentation (printed by
``editlint explain CODE``). The docstring's first line is the summary; its
sections follow ruff's layout::

    ## What it flags
    ## Why it matters
    ## Example
    ## Use instead
    ## Options            (when the rule has options)
    ## Known limitations  (optional)
    ## Fix safety         (when the rule offers fixes)

Rules yield :class:`~editlint.diagnostic.Diagnostic` values from
:meth:`Rule.check`; they never print, read files or touch the network.
"""

from __future__ import annotations

import inspect
import re
from typing import Any, ClassVar, Iterable, Mapping

from editlint.diagnostic import Diagnostic, Fix, Severity
from editlint.document import Document, Span

_new = tuple.__new__
CODE_PATTERN = re.compile(r"[A-Z]{2,4}\d{3}")
NAME_PATTERN = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
#: Code families reserved by editlint.
FAMILIES = {
    "PRV": "provenance",
    "CIT": "citations and claims",
    "NAM": "names",
    "BAL": "balance and framing",
    "RDB": "readability",
    "STY": "house style",
    "EL": "editlint itself",
}
REQUIRED_SECTIONS = ("What it flags", "Why it matters", "Example", "Use instead")


class Rule:
    """Base class of every rule.

    Subclasses set the class attributes and implement :meth:`check`.
    Options declared in :attr:`options` can be set per rule in the
    configuration (``[tool.editlint.rules.CODE]``); their type is the type of
    the default value.
    """

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    severity: Severity = Severity.WARNING
    #: Option names (kebab-case, as written in config) and their defaults.
    options: ClassVar[Mapping[str, Any]] = {}
    #: Off-by-default rules run only when selected explicitly.
    default_enabled: ClassVar[bool] = True
    #: Drop this rule's diagnostics that overlap quoted speech.
    skip_quotes: ClassVar[bool] = False
    #: The plugin that provided the rule (set by the registry).
    source: str = "editlint"
    #: Settings (top-level config keys) shared by all rules; set by the registry.
    settings: Mapping[str, Any] = {}
    #: The engine reports this rule's findings itself (the EL rules): its
    #: ``check`` finds nothing and is not called.
    engine_reported: ClassVar[bool] = False

    def __init__(self, options: Mapping[str, Any] | None = None, severity: Severity | None = None) -> None:
        self.option_values: dict[str, Any] = {**self.default_options(), **(options or {})}
        if severity is not None:
            self.severity = severity

    # -- identity and documentation -----------------------------------------
    @classmethod
    def default_options(cls) -> dict[str, Any]:
        return dict(cls.options)

    def documentation(self) -> str:
        """Return the rule's Markdown documentation (its docstring)."""
        return inspect.cleandoc(type(self).__doc__ or "")

    def summary(self) -> str:
        """Return the first line of the documentation."""
        doc = self.documentation()
        return doc.splitlines()[0].strip() if doc else ""

    def opt(self, name: str) -> Any:
        """Return the value of option ``name`` (kebab-case)."""
        return self.option_values[name]

    # -- checking --------------------------------------------------------------
    def prepare(self) -> None:
        """Load data and compile patterns now: many documents follow.

        The runner calls this once before linting a folder of drafts, before
        forking ``--jobs`` workers, so that they inherit the work instead of
        each repeating it. A single draft never calls it: rules load what
        they need on first use, and may load only what that document needs.
        The default does nothing; errors are ignored here (the first
        :meth:`check` meets and reports them).
        """

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        """Yield the diagnostics of this rule for ``doc``."""
        raise NotImplementedError

    def diagnostic(
        self,
        doc: Document,
        span: Span,
        message: str,
        *,
        fix: Fix | None = None,
        confidence: float | None = None,
        help: str | None = None,
        notes: Iterable[str] = (),
        severity: Severity | None = None,
        data: Mapping[str, Any] | None = None,
    ) -> Diagnostic:
        """Build a diagnostic of this rule at ``span`` of ``doc``."""
        # tuple.__new__: the fields in order, without NamedTuple's keyword handling
        at = tuple(span)
        if len(at) != 2:
            at = Span(*at)  # raises as Span(*span) would
        return _new(
            Diagnostic,
            (
                self.code,
                self.name,
                severity if severity is not None else self.severity,
                message,
                _new(Span, at),
                doc.path,
                None if confidence is None else round(float(confidence), 3),
                fix,
                help,
                notes if type(notes) is tuple else tuple(notes),
                self.source,
                dict(data) if data else {},
            ),
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.code} {self.name}>"


def doc_sections(markdown: str) -> dict[str, str]:
    """Split a rule's documentation into ``{heading: body}`` by ``##`` headings."""
    sections: dict[str, str] = {}
    current = None
    lines: list[str] = []
    for line in markdown.splitlines():
        m = re.match(r"##\s+(.+?)\s*$", line)
        if m:
            if current is not None:
                sections[current] = "\n".join(lines).strip()
            current, lines = m.group(1), []
        elif current is not None:
            lines.append(line)
    if current is not None:
        sections[current] = "\n".join(lines).strip()
    return sections
