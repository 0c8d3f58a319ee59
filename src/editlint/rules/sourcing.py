"""Registry-based balance rules: whose outlets a draft rests on.

* ``BAL001 one-sided-sourcing``: the provenance footer's sources rest on one
  outlet, on state-affiliated media, or on one country.
* ``BAL006 unlabelled-state-media``: the body cites a state-controlled
  outlet without telling the reader so.

Both read the outlet registry (:mod:`editlint.outlets`) and the shared
footer parse (:mod:`editlint.rules.provenance.footer`). The plugin also
contributes ``sources`` to the document summary (``--statistics``, JSON
``summary``): the footer's sources by outlet, country and ownership.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Iterator, Mapping

from editlint.diagnostic import Severity
from editlint.document import Document, Span
from editlint.hookspecs import hookimpl
from editlint.lazyre import lazy
from editlint.rule import Rule
from editlint.rules.provenance.attribution import body_mentions, is_source_context
from editlint.rules.provenance.footer import SETTINGS, Footer, UsesOutletRegistry, provenance_footer, registry_for


# -- the footer's sources, counted -------------------------------------------------------------------


def source_profile(footer: Footer) -> dict[str, Any]:
    """Count a footer's entries by outlet, country and ownership.

    Entries whose source cannot be told (no outlet, name, site or account)
    are left out; unknown outlets count under their name with country and
    ownership "unknown".
    """
    outlets: Counter[str] = Counter()
    labels: dict[str, str] = {}
    countries: Counter[str] = Counter()
    ownership: Counter[str] = Counter()
    state: Counter[str] = Counter()  # state-controlled entries by country
    state_outlets: dict[str, Counter[str]] = {}
    order: list[str] = []
    total = 0
    for entry in footer.entries:
        key = entry.key
        if key is None:
            continue
        total += 1
        if key not in labels:
            order.append(key)
        labels[key] = entry.label
        outlets[key] += 1
        o = entry.outlet
        countries[o.country if o is not None and o.country else "unknown"] += 1
        ownership[o.ownership if o is not None else "unknown"] += 1
        if o is not None and o.state_controlled:
            state[o.country or "unknown"] += 1
            state_outlets.setdefault(o.country or "unknown", Counter())[key] += 1
    return {
        "total": total,
        "outlets": outlets,
        "labels": labels,
        "order": order,
        "countries": countries,
        "ownership": ownership,
        "state": state,
        "state_outlets": state_outlets,
    }


def _list_outlets(profile: Mapping[str, Any], counts: Counter[str]) -> str:
    keys = [k for k in profile["order"] if counts.get(k)]
    return ", ".join(f"{profile['labels'][k]} ×{counts[k]}" if counts[k] > 1 else profile["labels"][k] for k in keys)


def _and(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def one_sided(profile: Mapping[str, Any], *, max_share: float, min_outlets: int, min_countries: int, min_sources: int) -> str | None:
    """Describe how a source profile is one-sided, or return None.

    Checked in order: state-affiliated media holding at least ``max_share``
    of the sources; one outlet holding at least ``max_share`` (or fewer than
    ``min_outlets`` distinct outlets); fewer than ``min_countries``
    countries when every source's country is known.
    """
    n = profile["total"]
    if n < max(1, min_sources):
        return None
    state_total = sum(profile["state"].values())
    if state_total and state_total / n >= max_share:
        countries = [c for c, _ in profile["state"].most_common()]
        merged: Counter[str] = Counter()
        for c in countries:
            merged.update(profile["state_outlets"][c])
        where = f"of {countries[0]}" if len(countries) == 1 else f"of {_and(countries)}"
        return f"{state_total} of {n} sources: state-affiliated media {where} ({_list_outlets(profile, merged)})"
    top, count = profile["outlets"].most_common(1)[0]
    if count / n >= max_share or len(profile["outlets"]) < min_outlets:
        return f"{count} of {n} sources: one outlet ({_list_outlets(profile, Counter({top: count}))})"
    known = {c: k for c, k in profile["countries"].items() if c != "unknown"}
    if min_countries > 1 and "unknown" not in profile["countries"] and len(known) < min_countries:
        country = next(iter(known))
        return f"{n} of {n} sources from one country, {country} ({_list_outlets(profile, profile['outlets'])})"
    return None


class OneSidedSourcing(UsesOutletRegistry, Rule):
    """The provenance footer rests on one outlet, on state media, or on one country.

    ## What it flags
    A provenance footer whose sources are dominated by a single outlet, by
    state-affiliated media (state-controlled or state-captured outlets per
    the outlet registry, after the ASD State Media Monitor typology), or
    that all come from one country. The message gives the distribution
    ("5 of 5 sources: state-affiliated media of Iran (Al-Alam ×2, Tasnim
    ×3)") and names the outlets the body cites that the footer lacks.

    A normal wire roundup (four outlets from three countries) is not
    one-sided.

    ## Why it matters
    A synthesis drawn only from one government's media reproduces that
    government's framing, whatever the writer intends. Editors weigh where
    the sources come from before a piece goes out, and the reader should be
    told when a story rests on one side's outlets.

    ## Example
    ```text
    Wire provenance
    - https://t.me/alalamfa/2026-05-02T16:21
    - https://t.me/tasnimnews_en/2026-05-02T15:57
    - https://t.me/JahanTasnim/2026-05-02T15:55
    ```

    ## Use instead
    Add independent sources (wires, outlets from other countries) and say
    in the body which claims rest on state media:
    ```text
    Wire provenance
    - https://t.me/tasnimnews_en/2026-05-02T15:57
    - https://www.reuters.com/world/middle-east/...
    - https://apnews.com/article/...
    ```

    ## Options
    * `max-share` (default `0.8`): the share of sources from state media,
      or from one outlet, at or above which sourcing is one-sided.
    * `min-outlets` (default `2`): fewer distinct outlets is one-sided.
    * `min-countries` (default `2`): fewer distinct countries is one-sided
      (only when every source's country is known; `1` turns this off, e.g.
      for a domestic desk).
    * `min-sources` (default `3`): footers with fewer sources are not judged.

    ## Known limitations
    Sources the registry does not know count as distinct outlets of unknown
    country and ownership, so they never make a footer one-sided by state
    or country; add them to the `outlets` setting. The rule judges the
    footer, not how the body weighs each source.
    """

    code = "BAL001"
    name = "one-sided-sourcing"
    severity = Severity.WARNING
    options = {"max-share": 0.8, "min-outlets": 2, "min-countries": 2, "min-sources": 3}

    def check(self, doc: Document) -> Iterator:
        footer = provenance_footer(doc, self.settings)
        if footer is None or not footer.entries:
            return
        profile = source_profile(footer)
        verdict = one_sided(
            profile,
            max_share=float(self.opt("max-share")),
            min_outlets=int(self.opt("min-outlets")),
            min_countries=int(self.opt("min-countries")),
            min_sources=int(self.opt("min-sources")),
        )
        if verdict is None:
            return
        from editlint.rules.provenance import missing_from_footer

        missing = list(dict.fromkeys(item.outlet.name if item.outlet is not None else item.name for item in missing_from_footer(doc, footer, self.settings)))
        message = f"one-sided sourcing: {verdict}"
        notes = []
        if missing:
            message += f"; the body also cites {_and(missing)}, which the footer does not list"
            notes.append("list the sources the body cites in the footer (PRV003)")
        yield self.diagnostic(
            doc,
            footer.heading,
            message,
            help="add independent sources (wires, outlets of other countries or ownership), or tell the reader the story rests on these outlets",
            notes=notes,
            data={
                "total": profile["total"],
                "by_outlet": {profile["labels"][k]: v for k, v in profile["outlets"].items()},
                "by_country": dict(profile["countries"]),
                "by_ownership": dict(profile["ownership"]),
                "not_in_footer": missing,
            },
        )


# -- BAL006 ------------------------------------------------------------------------------------------------

# Words that tell the reader an outlet is state-controlled, within a few words of its name.
_LABEL = lazy(
    r"""
    \bstate[- ](?:run|owned|controlled|affiliated|backed|funded|sponsored|linked|aligned|media|broadcaster|broadcasting|
       television|tv|radio|news|newspaper|daily|agency|outlet|channel|network|mouthpiece|wire|press|tabloid)
    | \b(?:government|regime|party|military|army|kremlin|communist[ ]party|ccp|irgc|revolutionary[ ]guards?|hezbollah|houthi)
       [- ](?:run|owned|controlled|affiliated|backed|funded|sponsored|linked|aligned|mouthpiece|organ|newspaper|daily|broadcaster|outlet|media)
    | \b[\w]+-(?:run|owned|controlled|backed|funded|sponsored|affiliated|aligned|linked)\b
    | \bpro-(?:government|kremlin|regime|beijing|tehran|erdogan|hezbollah|houthi)\b
    | \b(?:semi-)?official\b
    | \bmouthpiece\b | \bpropaganda\b
    | \bpublic(?:ly)?[- ](?:funded|broadcaster|television|tv|radio|service)
    | \b(?:run|owned|controlled|funded|financed|backed|operated)\s+by\s+(?:the\s+)?(?:\w+['’]s\s+)?(?:state|government|regime|kremlin|communist|irgc|revolutionary|military|army|ministry|hezbollah|houthi|islamic[ ]revolutionary)
    | \b(?:affiliated|aligned|linked|close)\s+(?:with|to)\s+(?:the\s+)?(?:\w+['’]s\s+)?(?:state|government|regime|kremlin|irgc|revolutionary|islamic[ ]revolutionary|military|army|hezbollah|houthi|communist)
    | \bstate\b(?=\s+(?:media|television|tv|radio|news|broadcaster|agency|outlet))
    """,
    re.IGNORECASE | re.VERBOSE,
)
# "the CCP's Global Times", "the Kremlin's RT": the owner's possessive, right before the name
_OWNER_POSSESSIVE = lazy(
    r"\b(?:ccp|cpc|communist\s+party|kremlin|irgc|revolutionary\s+guards|hezbollah|houthis?|government|regime|state)['’]s?\s+\Z",
    re.IGNORECASE,
)
# a label must sit this close to the outlet's name, within the same sentence
_LABEL_BEFORE = 60
_LABEL_AFTER = 90


def _sentence_bounds(doc: Document, span: Span, lo: int, hi: int) -> tuple[int, int]:
    for sentence in doc.sentences_in(span):
        return max(lo, sentence.span.start), min(hi, sentence.span.end)
    return lo, hi


def is_labelled(doc: Document, span: Span, lo: int, hi: int) -> bool:
    """Is there a state-media label near ``span`` in its sentence?"""
    s_lo, s_hi = _sentence_bounds(doc, span, lo, hi)
    text = doc.prose
    if _LABEL.search(text, max(s_lo, span.start - _LABEL_BEFORE), span.start):
        return True
    if _OWNER_POSSESSIVE.search(text, max(s_lo, span.start - 30), span.start):
        return True
    if _LABEL.search(text, span.end, min(s_hi, span.end + _LABEL_AFTER)):
        return True
    # a label inside the matched name itself ("Iranian state TV" style aliases)
    return bool(_LABEL.search(text, span.start, span.end))


class UnlabelledStateMedia(UsesOutletRegistry, Rule):
    """The body cites a state-controlled outlet without telling the reader so.

    ## What it flags
    The first mention (outside quoted speech) of a state-controlled outlet,
    per the outlet registry, when nothing near it says what it is: "Iran's
    state-run Tasnim news agency", "Turkish state broadcaster TRT", "the
    Kremlin-backed RT", "Qatar-funded Al Jazeera", "IRNA, the official news
    agency", "the semi-official Fars" are labelled; a bare "Alalam News" is
    not. Once per outlet per document: if the first mention is labelled,
    later bare mentions are fine.

    An ambiguous name ("Fars", "CCTV") counts only where it is used as a
    source ("Fars reported").

    ## Why it matters
    BBC and Reuters style is to tell readers when a source is controlled
    by a government: it changes how much weight a claim can bear. An
    unlabelled state outlet reads like an independent one.

    ## Example
    ```text
    Per reporting cited in the Telegram thread of Alalam News, talks have stalled.
    ```

    ## Use instead
    ```text
    Per reporting cited by Al-Alam, the Arabic-language channel of Iran's state broadcaster, talks have stalled.
    ```

    ## Known limitations
    The label must be in the same sentence, within about ten words of the
    name; a label given in an earlier paragraph is not seen. Which outlets
    are state-controlled follows the ASD typology (state-controlled and
    captured outlets), so public broadcasters it classes as captured (NHK)
    are flagged unless described ("public broadcaster NHK" counts as a
    label).
    """

    code = "BAL006"
    name = "unlabelled-state-media"
    severity = Severity.WARNING
    skip_quotes = True

    def check(self, doc: Document) -> Iterator:
        registry = registry_for(self.settings)
        footer = provenance_footer(doc, self.settings)
        prose = doc.prose
        done: set[str] = set()
        footer_span = footer.span if footer is not None else None
        mentions = [m for m in body_mentions(doc, registry, footer_span) if m.outlet.state_controlled]
        if not mentions:
            return
        for m in mentions:
            outlet = m.outlet
            if outlet.id in done:
                continue
            span = Span(m.start, m.end)
            if doc.in_quote(span):
                continue
            block = doc.block_at(m.start)
            lo, hi = block.span if block is not None else (0, len(prose))
            if m.weak and not is_source_context(prose, m.start, m.end, lo, hi):
                continue
            done.add(outlet.id)
            if is_labelled(doc, span, lo, hi):
                continue
            owner = f"state-controlled ({outlet.country})" if outlet.country else "state-controlled"
            yield self.diagnostic(
                doc,
                span,
                f"'{doc[span]}' is {owner} media, but the text does not say so",
                help=f"label it on first mention, e.g. \"{_example_label(outlet)}\"",
                data={"outlet": outlet.id, "country": outlet.country, "typology": outlet.typology},
            )


_DEMONYMS = {
    "Iran": "Iran's", "Russia": "Russia's", "China": "China's", "Turkey": "Turkey's", "Qatar": "Qatar's",
    "Saudi Arabia": "Saudi Arabia's", "United Arab Emirates": "the UAE's", "Syria": "Syria's", "Egypt": "Egypt's",
}


def _example_label(outlet) -> str:
    owner = _DEMONYMS.get(outlet.country, f"{outlet.country}'s" if outlet.country else "the")
    noun = {"agency": "news agency", "broadcaster": "broadcaster", "radio": "radio", "newspaper": "newspaper"}.get(outlet.kind, "outlet")
    return f"{owner} state-run {noun} {outlet.label}"


# -- the plugin -----------------------------------------------------------------------------------------------


@hookimpl
def editlint_rules() -> list[type[Rule]]:
    return [OneSidedSourcing, UnlabelledStateMedia]


@hookimpl
def editlint_document_summary(document: Document, config) -> Mapping[str, Any] | None:
    settings = {**SETTINGS, **dict(getattr(config, "settings", None) or {})}
    footer = provenance_footer(document, settings)
    if footer is None:
        return None  # nothing to report: PRV001 says the footer is missing
    profile = source_profile(footer)
    return {
        "sources": {
            "footer": True,
            "total": profile["total"],
            "by_outlet": {profile["labels"][k]: profile["outlets"][k] for k in profile["order"]},
            "by_country": dict(profile["countries"].most_common()),
            "by_ownership": dict(profile["ownership"].most_common()),
            "state_affiliated": sum(profile["state"].values()),
        }
    }


__all__ = ["OneSidedSourcing", "UnlabelledStateMedia", "is_labelled", "one_sided", "source_profile"]
