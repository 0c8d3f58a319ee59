"""PRV rules: every draft must say where its facts came from.

Editorial syntheses end with a provenance footer ("Wire provenance" and the
wire or social posts the piece draws on). These rules check that the footer
is there (PRV001), usable (PRV002), complete against the outlets the body
cites (PRV003) and that each entry is one the body actually names (PRV004).

The footer parse (:mod:`.footer`) and the attribution finder
(:mod:`.attribution`) are shared with the balance rules in
:mod:`editlint.rules.sourcing`; the outlet registry is :mod:`editlint.outlets`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable, Iterator

from editlint.diagnostic import Fix, Severity
from editlint.document import Document, Span
from editlint.errors import ConfigError
from editlint.hookspecs import hookimpl
from editlint.outlets import OutletConfigError, split_url, squash, validate_extra
from editlint.rule import Rule
from editlint.rules.provenance.attribution import attributions, body_blocks, body_mentions, first_by_outlet
from editlint.rules.provenance.footer import (
    SETTINGS,
    Footer,
    FooterEntry,
    FooterURL,
    UsesOutletRegistry,
    entry_has_name,
    footer_settings,
    normalized_text,
    normalized_url,
    provenance_footer,
    registry_for,
)

_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):", re.IGNORECASE)
_BAD_URL_CHARS = re.compile(r"[\s<>\"{}|\\^`]")


def _body_text(doc: Document) -> bool:
    return any(b.kind in ("paragraph", "list_item", "blockquote", "table") for b in doc.blocks)


class MissingProvenanceFooter(Rule):
    """The draft has no provenance footer saying where its facts come from.

    ## What it flags
    A draft with no provenance section: no heading such as "Wire provenance",
    "Provenance", "Sources", "References" or "Source material" (as a Markdown
    heading, a plain-text heading line or a "Sources:" label line), and no
    `sources:` list in its front matter. The finding points at the end of
    the draft, where the footer belongs.

    ## Why it matters
    A synthesis that does not say which wire copy, posts or reports it rests
    on cannot be checked by an editor, corrected by a reader or defended
    later. Newsroom policy is that such a draft is not published.

    ## Example
    ```text
    Iran-US talks have stalled for three weeks, Reuters reported.
    (end of draft)
    ```

    ## Use instead
    ```text
    Iran-US talks have stalled for three weeks, Reuters reported.

    Wire provenance
    - https://www.reuters.com/world/... (Reuters, 2 May 2026)
    ```

    The headings recognised are the `provenance-headings` setting, the
    front-matter keys the `provenance-front-matter-keys` setting (both
    top-level keys of `[tool.editlint]`).

    ## Known limitations
    Any section with a recognised heading counts, wherever it is; a footer
    under another heading ("Further reading") is not recognised until that
    heading is added to `provenance-headings`.
    """

    code = "PRV001"
    name = "missing-provenance-footer"
    severity = Severity.ERROR

    def check(self, doc: Document) -> Iterator:
        if not _body_text(doc) or provenance_footer(doc, self.settings) is not None:
            return
        end = len(doc.text.rstrip())
        headings, _, _ = footer_settings(self.settings)
        heading = headings[0] if headings else "Sources"
        if doc.format == "markdown":
            template = f"## {heading}\n- [Outlet: headline](https://…) (date)\n- https://t.me/<channel>/<post>"
        else:
            template = f"{heading}\n- https://… (Outlet, headline, date)\n- https://t.me/<channel>/<post>"
        yield self.diagnostic(
            doc,
            Span(end, end),
            f"no provenance footer: end the draft with a '{heading}' section listing its sources",
            help="add a footer such as:\n" + template,
        )


class MalformedProvenanceFooter(UsesOutletRegistry, Rule):
    """The provenance footer is there but cannot be used to check the draft.

    ## What it flags
    One finding per problem:

    * a footer with no source entries, or fewer than `min-entries`;
    * an entry with neither a URL nor a source name ("- TBD", "- link");
    * a malformed URL: no scheme (`www.reuters.com/…`), a scheme outside
      `allowed-schemes` (`ftp://`, `javascript:`), no domain, a space inside
      it (`…/2026-05-02 16:21`), unbalanced brackets or an unclosed
      Markdown link (`[Reuters](https://…`);
    * an entry that repeats an earlier one (same URL, ignoring scheme,
      `www.` and a trailing slash; or the same text).

    Entries may be bare URLs, Markdown links (`[TRT World: crossings
    reopen](https://…)`) or "Outlet, title, date" lines.

    ## Why it matters
    A footer an editor cannot follow is no better than none: broken links
    and placeholder entries hide which source a fact came from, and
    duplicated entries inflate how many sources a piece seems to rest on.

    ## Example
    ```markdown
    ## Sources
    - www.reuters.com/world/troops-germany
    - [AP: talks stall](https://apnews.com/article/talks
    - TBD
    ```

    ## Use instead
    ```markdown
    ## Sources
    - https://www.reuters.com/world/troops-germany
    - [AP: talks stall](https://apnews.com/article/talks)
    ```

    ## Options
    * `min-entries` (default `1`): the fewest entries a footer may list.
    * `allowed-schemes` (default `["https", "http"]`): URL schemes accepted.

    ## Fix safety
    A URL without a scheme gets `https://` prepended. The fix is unsafe: the
    site may only serve `http`, and the writer should check the link.
    """

    code = "PRV002"
    name = "malformed-provenance-footer"
    severity = Severity.ERROR
    options = {"min-entries": 1, "allowed-schemes": ["https", "http"]}

    def check(self, doc: Document) -> Iterator:
        footer = provenance_footer(doc, self.settings)
        if footer is None:
            return
        minimum = max(0, int(self.opt("min-entries")))
        count = len(footer.entries)
        if count == 0:
            yield self.diagnostic(
                doc, footer.heading, f"the provenance footer '{footer.title}' lists no sources",
                help="list each wire story, post or report the draft draws on, one per line, with its URL",
            )
        elif count < minimum:
            yield self.diagnostic(
                doc, footer.heading,
                f"the provenance footer lists {count} source{'s' if count != 1 else ''}; at least {minimum} are required",
            )
        allowed = [s.casefold().rstrip(":/") for s in self.opt("allowed-schemes")]
        seen_urls: dict[str, FooterEntry] = {}
        seen_text: dict[str, FooterEntry] = {}
        for entry in footer.entries:
            if not entry.urls and not entry_has_name(entry):
                yield self.diagnostic(
                    doc, entry.span, "provenance entry has neither a URL nor a source name",
                    help="give the source's URL, or its outlet, headline and date",
                )
                continue
            unbalanced = None if any(u.unclosed for u in entry.urls) else _unbalanced(_text_without_urls(entry))
            if unbalanced:
                yield self.diagnostic(doc, entry.span, f"unbalanced {unbalanced} in provenance entry")
            for u in entry.urls:
                problem = _url_problem(u, allowed)
                if problem:
                    message, fix = problem
                    yield self.diagnostic(doc, u.span, message, fix=fix)
            duplicate = None
            for u in entry.urls:
                key = normalized_url(u.url)
                if key in seen_urls:
                    duplicate = seen_urls[key]
                    break
            if not entry.urls:
                key = normalized_text(entry.text)
                duplicate = seen_text.get(key)
                seen_text.setdefault(key, entry)
            if duplicate is not None:
                yield self.diagnostic(
                    doc, entry.span, f"provenance entry repeats the entry on line {duplicate.line}",
                    help="list each source once",
                )
            for u in entry.urls:
                seen_urls.setdefault(normalized_url(u.url), entry)


def _text_without_urls(entry: FooterEntry) -> str:
    chars = list(entry.text)
    offset = entry.span.start
    for u in entry.urls:
        for i in range(max(0, u.span.start - offset), min(len(chars), u.span.end - offset)):
            chars[i] = " "
    return "".join(chars)


def _unbalanced(text: str) -> str | None:
    for opening, closing, label in (("[", "]", "square brackets"), ("(", ")", "parentheses")):
        depth = 0
        for ch in text:
            if ch == opening:
                depth += 1
            elif ch == closing:
                depth -= 1
                if depth < 0:
                    return label
        if depth:
            return label
    return None


def _url_problem(u: FooterURL, allowed: list[str]) -> tuple[str, Fix | None] | None:
    url = u.url
    shown = url if len(url) <= 60 else url[:57] + "…"
    if u.unclosed:
        return f"unclosed Markdown link: '{shown}' lacks its closing parenthesis", None
    if u.form == "markdown" and re.search(r"\s", url):
        return f"URL '{shown}' contains a space", None
    if u.continued:
        return f"URL '{shown}' seems broken by a space before '{u.continued}'", None
    if not url:
        return "empty URL", None
    m = _SCHEME.match(url)
    if m is None or (m.group(1).casefold() not in ("mailto", "javascript", "data", "file", "tel", "news") and not url[m.end() :].startswith("//")):
        if m is None or "." in m.group(1):
            fix = Fix.replace(u.span, "https://" + url, safe=False, title="prepend https://")
            return f"URL '{shown}' has no scheme (https://)", fix
        return f"malformed URL '{shown}'", None
    scheme = m.group(1).casefold()
    if scheme not in allowed:
        return f"URL scheme '{scheme}:' is not allowed in the provenance footer (use {' or '.join(allowed) or 'none'})", None
    host, _ = split_url(url)
    if not host or ("." not in host and host != "localhost") or host.startswith("-") or ".." in host:
        return f"URL '{shown}' has no valid domain", None
    if _BAD_URL_CHARS.search(url):
        return f"URL '{shown}' contains characters that are not allowed in URLs", None
    if url.count("(") != url.count(")") or url.count("[") != url.count("]"):
        return f"unbalanced brackets in URL '{shown}'", None
    return None


class AttributedSourceNotInProvenance(UsesOutletRegistry, Rule):
    """The body attributes something to an outlet the provenance footer does not list.

    ## What it flags
    A media outlet or news agency the body names as a source ("Reuters
    reported", "according to Foreign Affairs", "Tasnim said", "a Ukrainian
    official told the Associated Press", "seen by the Financial Times")
    when no footer entry is from that outlet. Reported once per outlet, at
    its first attribution outside quoted speech.

    Outlets are recognised from the outlet registry (bundled, plus the
    `outlets` setting), and unknown ones from how they are used: a name
    with a media word ("Gulf Times", "Daily Record") or a descriptor ("the
    Israeli daily Maariv") in a source position. Primary sources are not
    outlets: ministries, officials, armies, the Pentagon, companies.

    A footer entry matches an outlet through the registry (its domains and
    social handles: `t.me/alalamfa` is Al-Alam, which the body may call
    "Alalam News") and through the names the entries give.

    ## Why it matters
    If the body says Reuters reported something and the footer lists only
    Telegram posts, either the footer is incomplete or the draft relays
    second-hand what another outlet is said to have reported. An editor
    needs to see the original.

    ## Example
    ```text
    Reuters reported that the decision is connected to disputes within NATO.

    Wire provenance
    - https://t.me/alalamfa/2026-05-02T16:21
    ```

    ## Use instead
    ```text
    Reuters reported that the decision is connected to disputes within NATO.

    Wire provenance
    - https://www.reuters.com/world/europe/... (Reuters, 2 May 2026)
    - https://t.me/alalamfa/2026-05-02T16:21
    ```

    ## Known limitations
    When there is no footer, PRV001 reports it and this rule is silent; it
    is silent too when the footer is empty (PRV002). An outlet named in
    passing, not as a source ("RT was banned in the EU"), is not an
    attribution. Unknown outlets without a media word or descriptor ("Bild
    reported") are missed unless added to the `outlets` setting.
    """

    code = "PRV003"
    name = "attributed-source-not-in-provenance"
    severity = Severity.WARNING
    skip_quotes = True

    def check(self, doc: Document) -> Iterator:
        footer = provenance_footer(doc, self.settings)
        if footer is None or not footer.entries:
            return
        for item in missing_from_footer(doc, footer, self.settings):
            label = item.outlet.name if item.outlet is not None else item.name
            domain = item.outlet.domains[0] if item.outlet is not None and item.outlet.domains else None
            example = f" (a {domain} link)" if domain else ""
            yield self.diagnostic(
                doc,
                item.span,
                f"the body cites {label} as a source, but the provenance footer does not list {label}",
                help=f"add the {label} item the draft relies on to the footer{example}, or attribute the point to a listed source",
                data={"outlet": item.outlet.id if item.outlet is not None else None, "name": label},
            )


def missing_from_footer(doc: Document, footer: Footer, settings) -> list:
    """First attributions (outside quotes) to outlets the footer does not list, in order."""
    registry = registry_for(settings)
    items = attributions(doc, registry, footer.span, _settings_key(settings))
    out = []
    for item in first_by_outlet(items, doc).values():
        if not footer.lists(item.outlet, item.name):
            out.append(item)
    return out


def _settings_key(settings) -> str:
    headings, keys, outlets = footer_settings(settings)
    return repr((headings, keys, sorted((outlets or {}).keys())))


class UnnamedProvenanceEntry(UsesOutletRegistry, Rule):
    """A provenance entry whose outlet the body never names.

    ## What it flags
    A footer entry from an outlet (or account, or site) that the body
    never mentions, not even in passing: the reader cannot tell which
    statements rest on it. One finding per entry.

    ## Why it matters
    Attribution belongs in the text. A footer of five Tasnim posts behind
    a body that never says "Tasnim" hides where the story comes from; the
    BBC and Reuters name a state outlet whenever they rely on it.

    ## Example
    ```text
    Talks have stalled for three weeks.

    Wire provenance
    - https://t.me/tasnimnews_en/2026-05-02T15:57
    ```

    ## Use instead
    ```text
    Talks have stalled for three weeks, Iran's state-run Tasnim news agency reported.

    Wire provenance
    - https://t.me/tasnimnews_en/2026-05-02T15:57
    ```

    ## Known limitations
    An outlet counts as named when any of its names appears in the body,
    in any context. For sources the registry does not know, the entry's
    own name, site name or account name must appear in the body.
    """

    code = "PRV004"
    name = "unnamed-provenance-entry"
    severity = Severity.INFO

    def check(self, doc: Document) -> Iterator:
        footer = provenance_footer(doc, self.settings)
        if footer is None or not footer.entries:
            return
        named = _named_in_body(doc, footer, self.settings)
        for entry in footer.entries:
            key = entry.key
            if key is None or named(entry):
                continue
            label = entry.outlet.name if entry.outlet is not None else entry.label
            yield self.diagnostic(
                doc,
                entry.span,
                f"provenance entry from {label} is never named in the body",
                help=f"say where the draft relies on {label} (\"…, {entry.label} reported\"), or drop the entry",
                data={"outlet": entry.outlet.id if entry.outlet is not None else None, "key": key},
            )


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what ``\w`` matches in a str pattern


def _has_word(text: str, needle: str) -> bool:
    r"""``re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", text)``, with ``str.find``.

    The regex starts with a look-behind, so ``re`` tries it at every position
    of the body: ~0.2 ms per name on a long draft, where ``str.find`` jumps.
    """
    i = text.find(needle)
    while i != -1:
        j = i + len(needle)
        if (i == 0 or not _is_word_char(text[i - 1])) and (j == len(text) or not _is_word_char(text[j])):
            return True
        i = text.find(needle, i + 1)
    return False


def _named_in_body(doc: Document, footer: Footer, settings):
    registry = registry_for(settings)
    spans = body_blocks(doc, footer.span)
    prose = doc.prose
    mentioned = {m.outlet.id for m in body_mentions(doc, registry, footer.span)}
    state: dict[str, str] = {}

    def body_lower() -> str:
        if "lower" not in state:
            state["lower"] = "\n".join(prose[a:b] for a, b in spans).casefold()
        return state["lower"]

    def body_squashed() -> str:
        if "squashed" not in state:
            state["squashed"] = squash(body_lower())
        return state["squashed"]

    def named(entry: FooterEntry) -> bool:
        if entry.outlet is not None:
            if entry.outlet.id in mentioned:
                return True
            names = entry.outlet.names
        else:
            names = (entry.name,) if entry.name else ()
        for n in names:
            if n and _has_word(body_lower(), n.casefold()):
                return True
        key = entry.key or ""
        if entry.outlet is None and key.startswith(("account:", "host:")):
            # the account ("t.me/borderwatch") or the site ("harbourgazette.example") spelt in the body
            where = key.split(":", 1)[1]
            token = squash(where.rsplit("/", 1)[-1].lstrip("@") if key.startswith("account:") else where.split(".", 1)[0])
            return len(token) >= 4 and token in body_squashed()
        return False

    return named


# -- the plugin --------------------------------------------------------------------------------------

RULES = (MissingProvenanceFooter, MalformedProvenanceFooter, AttributedSourceNotInProvenance, UnnamedProvenanceEntry)


@hookimpl
def editlint_settings() -> dict[str, Any]:
    return {key: (list(value) if isinstance(value, list) else dict(value) if isinstance(value, dict) else value) for key, value in SETTINGS.items()}


@hookimpl
def editlint_rules(config) -> Iterable[type[Rule]]:
    # A generator: the registry iterates it outside the plugin guard, so an
    # invalid `outlets` table stops the run with a one-line config error
    # instead of silently dropping these rules.
    return _rules(config)


def _rules(config) -> Iterator[type[Rule]]:
    check_settings(config)
    yield from RULES


def check_settings(config) -> None:
    """Validate the PRV settings of ``config``; raise :class:`ConfigError` naming the file and line."""
    settings = getattr(config, "settings", None) or {}
    where = str(config.path) if getattr(config, "path", None) else "<config>"
    outlets = settings.get("outlets")
    if outlets:
        try:
            validate_extra(outlets)
        except OutletConfigError as exc:
            name = str(exc).split(".", 2)[1].split(":")[0].strip('"') if str(exc).startswith("outlets.") else "outlets"
            raise ConfigError(str(exc), where, _line_of(getattr(config, "path", None), name)) from None
    for key in ("provenance-headings", "provenance-front-matter-keys"):
        value = settings.get(key)
        if value is not None and (not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value)):
            raise ConfigError(f"'{key}' must be a list of non-empty strings (got {value!r})", where, _line_of(getattr(config, "path", None), key))


def _line_of(path: Path | None, needle: str) -> int | None:
    if not path or not needle:
        return None
    try:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8-sig").splitlines(), 1):
            if needle in line:
                return n
    except OSError:
        return None
    return None


__all__ = [
    "AttributedSourceNotInProvenance",
    "MalformedProvenanceFooter",
    "MissingProvenanceFooter",
    "UnnamedProvenanceEntry",
    "missing_from_footer",
    "provenance_footer",
]
