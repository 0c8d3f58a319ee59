"""The base of every pack rule kind: keys, validation, matching, diagnostics, shared helpers."""

from __future__ import annotations

import bisect
import re
import string
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Iterable, Iterator, Mapping, Sequence

from editlint.diagnostic import Diagnostic, Fix, Severity
from editlint.document import Document, Span
from editlint.errors import did_you_mean
from editlint.packs import scopes as _scopes
from editlint.packs.patterns import (
    Matcher,
    PatternError,
    Shifted,
    trusted_patterns,
)
from editlint.rule import Rule

#: Top-level setting: seconds a pack rule's patterns may run on one document.
TIMEOUT_SETTING = "pack-regex-timeout"
DEFAULT_TIMEOUT = 1.0


class SpecError(ValueError):
    """A key of a rule file is invalid. ``needle`` helps find its line."""

    def __init__(self, key: str, message: str, needle: str | None = None) -> None:
        super().__init__(message)
        self.key = key
        self.needle = needle


@dataclass(frozen=True)
class Key:
    """One key of a rule file: its type, default and documentation.

    ``type`` is one of ``string``, ``bool``, ``int``, ``number``,
    ``strings`` (a list of strings), ``table`` (string keys to string
    values), ``rows`` (a list of lists of strings) or ``scope`` (a scope
    name or a list of them).
    """

    name: str
    type: str
    default: Any = None
    required: bool = False
    doc: str = ""
    choices: tuple[str, ...] = ()


_TYPE_NAMES = {
    "string": "a string",
    "bool": "true or false",
    "int": "an integer",
    "number": "a number",
    "strings": "a list of strings",
    "table": "a table of strings",
    "rows": "a list of lists of strings",
    "scope": "a scope name or a list of them",
}

COMMON_KEYS: tuple[Key, ...] = (
    Key("code", "string", required=True, doc="The rule's code: two to four capitals and three digits (`DSK001`)."),
    Key("name", "string", required=True, doc="The rule's kebab-case slug (`banned-words`)."),
    Key("extends", "string", required=True, doc="The kind of rule: `existence`, `substitution`, `repetition`, `occurrence`, `consistency`, `conditional`, `metric`, or a kind added by a plugin."),
    Key("message", "string", required=True, doc="The diagnostic message; `{match}` and the kind's other placeholders are filled in."),
    Key("summary", "string", doc="One line for `editlint rules` and the top of `editlint explain` (default: the first sentence of `description`)."),
    Key("severity", "string", "warning", doc="`error`, `warning` or `info`.", choices=("error", "warning", "info")),
    Key("scope", "scope", None, doc="Where the rule looks (see Scopes); one name or a list."),
    Key("ignore-case", "bool", False, doc="Match tokens and patterns case-insensitively."),
    Key("engine", "string", "regex", doc="`regex` (default: the `regex` module, stopped by `pack-regex-timeout`) or `re` (the standard library: faster on simple patterns, no timeout, no `\\p{…}`; only for patterns you trust).", choices=("regex", "re")),
    Key("exceptions", "strings", (), doc="Matches to leave alone, compared with the matched text (case-insensitively with `ignore-case`)."),
    Key("skip-quotes", "bool", True, doc="Leave quoted speech alone: matches inside quotation marks are not reported or counted."),
    Key("enabled", "bool", True, doc="`false` makes the rule off by default (run it with `--extend-select CODE`)."),
    Key("help", "string", doc="A line shown under the diagnostic (`help:`); placeholders work as in `message`."),
    Key("description", "string", doc="Why it matters: the `## Why it matters` section of the rule's documentation."),
    Key("example", "string", doc="A draft excerpt the rule flags: the `## Example` section."),
    Key("use-instead", "string", doc="The corrected excerpt or advice: the `## Use instead` section."),
    Key("limitations", "string", doc="Known false positives or gaps: the `## Known limitations` section."),
    Key("link", "string", doc="A style-guide or reference URL, shown in the documentation and in JSON output."),
)
_CONTEXT_KEYS = (
    Key("not-preceded-by", "strings", (), doc="Patterns that must not end right before a match (a lookbehind; no capturing groups)."),
    Key("not-followed-by", "strings", (), doc="Patterns that must not start right after a match (a lookahead; no capturing groups)."),
)
_FIX_KEY_DOC = "`safe` (applied by `--fix`), `unsafe` (needs `--unsafe-fixes`) or `none`."


class PackRule(Rule):
    """Base class of rules defined in pack files.

    Subclasses set :attr:`kind`, :attr:`KEYS` (their own keys),
    :attr:`PLACEHOLDERS` (what ``message`` may interpolate) and implement
    :meth:`setup` (validate and compile, raising :class:`SpecError`),
    :meth:`run` (yield diagnostics) and :meth:`flags` (the "What it flags"
    text).
    """

    kind: ClassVar[str] = ""
    KEYS: ClassVar[tuple[Key, ...]] = ()
    PLACEHOLDERS: ClassVar[tuple[str, ...]] = ("match",)
    DEFAULT_SCOPE: ClassVar[str] = "document"
    options = {"extend-exceptions": []}

    def __init__(self, spec: Mapping[str, Any], path: Path | str | None = None) -> None:
        super().__init__()
        self.path = Path(path) if path else None
        values = self.validate(spec)
        self.values = values
        self.code = values["code"]
        self.name = values["name"]
        self.severity = Severity.parse(values["severity"])
        self.message = values["message"]
        self.help_template = values["help"]
        scope = values["scope"] or self.DEFAULT_SCOPE
        self.scopes: tuple[str, ...] = (scope,) if isinstance(scope, str) else tuple(scope)
        self.ignore_case: bool = values["ignore-case"]
        self.skip_quoted: bool = values["skip-quotes"]
        self.default_enabled = values["enabled"]
        # Quoted speech is handled here, match by match, not by the engine's
        # span-overlap policy: a paragraph-level finding must not be dropped
        # because the paragraph contains a quotation.
        self.skip_quotes = False
        if trusted_patterns.active:
            # a bundled rule (see trusted_patterns): set up on first use, so
            # rules a draft never reaches cost nothing at start-up
            self._pending_setup = values
        else:
            self.setup(values)

    def _ready(self) -> None:
        """Run a deferred :meth:`setup` (bundled rules set up on first use)."""
        values = self.__dict__.pop("_pending_setup", None)
        if values is not None:
            with trusted_patterns():
                self.setup(values)

    def prepare(self) -> None:
        self._ready()

    # -- reading the file -----------------------------------------------------
    @classmethod
    def all_keys(cls) -> tuple[Key, ...]:
        return COMMON_KEYS + cls.KEYS

    def validate(self, spec: Mapping[str, Any]) -> dict[str, Any]:
        """Check keys, types and choices; return values with defaults."""
        keys = {k.name: k for k in self.all_keys()}
        for name in spec:
            if name not in keys:
                raise SpecError(name, f"unknown key {name!r} for kind {self.kind!r}{did_you_mean(name, keys)}")
        values: dict[str, Any] = {}
        for key in keys.values():
            if key.name not in spec:
                if key.required:
                    raise SpecError(key.name, f"missing required key {key.name!r}")
                values[key.name] = key.default
                continue
            values[key.name] = _check_type(key, spec[key.name])
        code, name = values["code"], values["name"]
        if not re.fullmatch(r"[A-Z]{2,4}\d{3}", code):
            raise SpecError("code", f"invalid code {code!r} (expected two to four capitals and three digits, e.g. 'DSK001')")
        if not re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", name):
            raise SpecError("name", f"invalid name {name!r} (expected kebab-case, e.g. 'banned-words')")
        scope = values["scope"]
        for s in [scope] if isinstance(scope, str) else scope or ():
            if s not in _scopes.SCOPES:
                raise SpecError("scope", f"unknown scope {s!r}{did_you_mean(s, _scopes.SCOPES)}", s)
        for field in ("message", "help"):
            if values[field] is not None:
                self._check_placeholders(field, values[field])
        return values

    def _check_placeholders(self, key: str, template: str) -> None:
        try:
            fields = [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
        except ValueError as exc:
            raise SpecError(key, f"invalid {key}: {exc} (write '{{{{' for a literal brace)") from None
        for f in fields:
            if f not in self.PLACEHOLDERS:
                allowed = ", ".join("{" + p + "}" for p in self.PLACEHOLDERS)
                raise SpecError(key, f"unknown placeholder {{{f}}} in {key}{did_you_mean(f, self.PLACEHOLDERS)}; {self.kind} rules know {allowed}", "{" + f)

    def setup(self, values: dict[str, Any]) -> None:
        """Validate and compile the kind's own keys (raise :class:`SpecError`)."""

    # -- documentation ----------------------------------------------------------
    def flags(self) -> str:
        """The "What it flags" text (Markdown)."""
        return f"Matches of this {self.kind} rule."

    def fix_safety(self) -> str:
        """The "Fix safety" text, or an empty string when the rule never fixes."""
        return ""

    def documentation(self) -> str:
        self._ready()
        v = self.values
        summary = v["summary"] or _first_sentence(v["description"] or "") or _strip_placeholders(self.message)
        where = ", ".join(f"`{s}`" for s in self.scopes)
        what = self.flags().rstrip() + f"\n\nScope: {where}."
        if self.skip_quoted:
            what += " Quoted speech is skipped."
        parts = [summary, "", "## What it flags", what]
        if v["description"]:
            parts += ["", "## Why it matters", v["description"].strip()]
        if v["example"]:
            parts += ["", "## Example", _fenced(v["example"])]
        if v["use-instead"]:
            parts += ["", "## Use instead", _fenced(v["use-instead"])]
        parts += [
            "",
            "## Options",
            "- `extend-exceptions` (list of strings, default `[]`): more matches to leave alone, "
            "added to the rule file's `exceptions`.",
        ]
        if v["limitations"]:
            parts += ["", "## Known limitations", v["limitations"].strip()]
        safety = self.fix_safety()
        if safety:
            parts += ["", "## Fix safety", safety]
        if v["link"]:
            parts += ["", "## See also", v["link"]]
        origin = f" in `{_display_path(self.path)}`" if self.path else ""
        parts += ["", f"Defined{origin} (kind `{self.kind}`)."]
        return "\n".join(parts)

    # -- checking ---------------------------------------------------------------
    def check(self, doc: Document) -> Iterable[Diagnostic]:
        if "_pending_setup" in self.__dict__:
            self._ready()
        timeout = self.settings.get(TIMEOUT_SETTING, DEFAULT_TIMEOUT)
        return self.run(doc, time.monotonic() + float(timeout))

    def run(self, doc: Document, deadline: float) -> Iterator[Diagnostic]:
        """Yield diagnostics; patterns must stop at ``deadline`` (monotonic)."""
        raise NotImplementedError

    # -- helpers for kinds --------------------------------------------------------
    def normalize(self, text: str) -> str:
        text = " ".join(text.split())
        return text.casefold() if self.ignore_case else text

    def excepted(self, text: str) -> bool:
        exceptions = self.__dict__.get("_exceptions")
        if exceptions is None:
            raw = [*self.values["exceptions"], *self.opt("extend-exceptions")]
            exceptions = self._exceptions = {self.normalize(e) for e in raw}
        return bool(exceptions) and self.normalize(text) in exceptions

    def matches(self, doc: Document, matcher: Matcher, spans: Sequence[Span], deadline: float) -> Iterator[Shifted]:
        """Matches of ``matcher`` in ``spans`` minus exceptions and (maybe) quotes."""
        check_quotes = self.skip_quoted and bool(doc.quotes)
        for m in matcher.finditer(doc.prose, spans, deadline):
            if check_quotes and doc.in_quote(m.span):
                continue
            if self.excepted(m.group()):
                continue
            yield m

    def hit(self, doc: Document, span: Span, values: Mapping[str, Any], fix: Fix | None = None) -> Diagnostic:
        """A diagnostic with the message (and help) filled in from ``values``."""
        data = {"kind": self.kind}
        if self.values["link"]:
            data["link"] = self.values["link"]
        help_text = self.help_template.format_map(_Values(values)) if self.help_template else None
        return self.diagnostic(doc, span, self.message.format_map(_Values(values)), fix=fix, help=help_text, data=data)


class _Values(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


# -- shared helpers ------------------------------------------------------------------------


def adjust_case(found: str, suggestion: str, ignore_case: bool, sentence_start: bool) -> str:
    """Give ``suggestion`` the capitalisation the context needs.

    With ``ignore_case``, an all-capitals match gets an all-capitals
    suggestion and a capitalised match a capitalised one; at the start of a
    sentence a lower-case suggestion is capitalised (Typerighter's approach,
    so rules need no capitalised duplicates).
    """
    if not suggestion:
        return suggestion
    if ignore_case and suggestion.islower():
        if len(found) > 1 and found.isupper():
            return suggestion.upper()
        if found[:1].isupper():
            return suggestion[0].upper() + suggestion[1:]
    if sentence_start and suggestion[0].islower():
        return suggestion[0].upper() + suggestion[1:]
    return suggestion


_OPENERS = "\"'“‘([«"


def _sentence_start(prose: str, lower: int, pos: int) -> bool:
    """True if ``pos`` starts a sentence (nothing but openers since ``lower`` or an end mark)."""
    i = pos - 1
    while i >= lower and (prose[i].isspace() or prose[i] in _OPENERS):
        i -= 1
    return i < lower or prose[i] in ".!?…"


def _overlaps(spans: list[Span], starts: list[int], span: Span) -> bool:
    i = bisect.bisect_right(starts, span.start) - 1
    if i >= 0 and spans[i].end > span.start:
        return True
    return i + 1 < len(spans) and spans[i + 1].start < span.end


def _trimmed(span: Span, text: str) -> Span:
    """``span`` without the white space a pattern matched at its edges (the fix keeps it)."""
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip())
    if lead + trail >= len(text):
        return span
    return Span(span.start + lead, span.end - trail)


def _unit_span(unit: tuple[Span, ...]) -> Span:
    return Span(unit[0].start, unit[-1].end) if len(unit) > 1 else unit[0]


def _shown(text: str) -> str:
    return " ".join(text.split())


def _needle(row: Sequence[str]) -> str | None:
    return next((c for c in row if c), None)


def _matcher(values, tokens, patterns, *, tokens_key: str = "tokens", patterns_key: str = "patterns", prefilter: bool = True) -> Matcher:
    """Build a :class:`Matcher`, turning pattern errors into :class:`SpecError`."""
    try:
        return Matcher(
            tokens,
            patterns,
            ignore_case=values["ignore-case"],
            not_preceded_by=values.get("not-preceded-by", ()),
            not_followed_by=values.get("not-followed-by", ()),
            engine=values["engine"],
            prefilter=prefilter,
        )
    except PatternError as exc:
        key = {"tokens": tokens_key, "patterns": patterns_key}.get(exc.role, exc.role)
        message = str(exc)
        if message.startswith("nothing to match"):
            key, message = "extends", f"nothing to match: give '{tokens_key}' or '{patterns_key}'"
        raise SpecError(key, message, exc.pattern or None) from None


def _check_template(key: str, template: str, compiled) -> None:
    for ref in re.findall(r"\\(\d+)|\\g<(\w+)>", template):
        number, name = ref
        if number and int(number) > compiled.groups:
            raise SpecError("swap", f"replacement {template!r} refers to group {number}, but {key!r} has {compiled.groups}", key)
        if name and not name.isdigit() and name not in compiled.groupindex:
            raise SpecError("swap", f"replacement {template!r} refers to unknown group {name!r}", key)


def _describe_matcher(values, tokens, patterns) -> str:
    parts = []
    case = " (ignoring case)" if values["ignore-case"] else ""
    if tokens:
        shown = ", ".join(f"`{t}`" for t in tokens[:15]) + (" …" if len(tokens) > 15 else "")
        parts.append(f"these words or phrases, as whole words{case}: {shown}")
    if patterns:
        shown = ", ".join(f"`{p}`" for p in patterns[:6]) + (" …" if len(patterns) > 6 else "")
        parts.append(f"text matching{case}: {shown}")
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "." + _describe_context(values)


def _describe_context(values) -> str:
    out = ""
    if values.get("not-preceded-by"):
        out += " Not right after: " + ", ".join(f"`{p}`" for p in values["not-preceded-by"]) + "."
    if values.get("not-followed-by"):
        out += " Not right before: " + ", ".join(f"`{p}`" for p in values["not-followed-by"]) + "."
    if values.get("exceptions"):
        out += " Exceptions: " + ", ".join(f"`{e}`" for e in values["exceptions"][:12]) + (" …" if len(values["exceptions"]) > 12 else "") + "."
    return out


def _check_type(key: Key, value: Any) -> Any:
    t = key.type
    ok = {
        "string": lambda v: isinstance(v, str),
        "bool": lambda v: isinstance(v, bool),
        "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
        "strings": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
        "table": lambda v: isinstance(v, dict) and all(isinstance(x, str) for x in v.values()),
        "rows": lambda v: isinstance(v, list) and all(isinstance(r, list) and all(isinstance(c, str) for c in r) for r in v),
        "scope": lambda v: isinstance(v, str) or (isinstance(v, list) and v and all(isinstance(x, str) for x in v)),
    }[t](value)
    if not ok:
        raise SpecError(key.name, f"{key.name!r} must be {_TYPE_NAMES[t]} (got {value!r})")
    if key.choices and value not in key.choices:
        raise SpecError(key.name, f"{key.name!r} must be one of {', '.join(key.choices)} (got {value!r}){did_you_mean(str(value), key.choices)}")
    return value


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    m = re.match(r"(.+?[.!?])(?:\s|$)", text)
    return m.group(1) if m else text


def _strip_placeholders(message: str) -> str:
    text = re.sub(r"\{\w+\}", "…", message).strip()
    return text[:1].upper() + text[1:]


def _fenced(text: str) -> str:
    text = text.strip("\n")
    return f"```text\n{text}\n```"


def _display_path(path: Path) -> str:
    parts = path.parts
    if "rules" in parts:  # bundled packs: show rules/<pack>/<file>
        i = len(parts) - 1 - parts[::-1].index("rules")
        return "/".join(parts[i:])
    if "_rules" in parts:
        i = len(parts) - 1 - parts[::-1].index("_rules")
        return "/".join(("rules", *parts[i + 1 :]))
    return str(path)
