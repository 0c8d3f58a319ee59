"""Claims, attribution and hedging: CIT001-CIT003, BAL003 and BAL004.

One analysis per document (:mod:`editlint.rules.claims.analysis`) finds, for
every sentence, its claim signals (:mod:`~editlint.rules.claims.scoring`),
its attributions, its hedges and whether it is a question, a prescription
or a conditional; the rules (:mod:`~editlint.rules.claims.rules`) only
read it. The word lists are in :mod:`~editlint.rules.claims.lexicon`.

The plugin also adds to each document's summary (``--statistics``, JSON
``summary``) the attributions per actor and the share of hedged sentences.
"""

from __future__ import annotations

import sys
from collections import Counter
from typing import TYPE_CHECKING, Any, Mapping

from editlint.hookspecs import hookimpl
from editlint.rules.claims.rules import RULES

if TYPE_CHECKING:
    from editlint.rules.claims.analysis import ClaimsAnalysis


@hookimpl
def editlint_rules():
    return list(RULES)


@hookimpl
def editlint_document_summary(document, diagnostics) -> Mapping[str, Any] | None:
    # Read the analysis only if one of the rules computed it: a run that
    # selects none of them must not pay for it (nor import it).
    module = sys.modules.get("editlint.rules.claims.analysis")
    analysis = document.peek(module.ANALYSIS_KEY) if module else None
    if analysis is None:
        return None
    return summarise(analysis)


def summarise(analysis: "ClaimsAnalysis") -> dict[str, Any]:
    """Attributions per actor and the share of hedged sentences."""
    actors: Counter[str] = Counter()
    for facts in analysis.sentences:
        for att in facts.attributions:
            if att.kind == "named":
                if att.actor.lower() in ("he", "she", "they", "it", "him", "her", "them"):
                    continue
                actors[att.actor] += 1
            elif att.kind in ("vague", "group"):
                actors[f"unnamed: {att.actor}"] += 1
    counted = [f for f in analysis.sentences if not f.skipped]
    hedged = sum(1 for f in counted if f.hedges)
    total = len(counted)
    return {
        "attributions": dict(actors.most_common()),
        "hedged-sentences": {"hedged": hedged, "sentences": total, "share": round(hedged / total, 3) if total else 0.0},
    }
