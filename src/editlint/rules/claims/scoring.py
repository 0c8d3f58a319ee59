"""Check-worthiness: signals with weights, combined into a confidence in [0, 1].

The score is a plain additive model, so an editor can read why a sentence
was flagged (the diagnostic's ``data`` lists the signals):

* every **signal** found in the sentence (a percentage, a sum of money, a
  count, a date, a named actor doing something…) adds its weight;
* every **damper** (a prescription, a hedge, a prediction, "I think"…)
  subtracts its weight, because such sentences state no checkable fact even
  when they hold a number;
* the sum, plus a negative bias (most sentences are not claims), goes
  through the logistic function: ``confidence = 1 / (1 + exp(-(bias + Σ)))``.
  One figure alone scores about 0.44; a figure and a named actor who did
  something about 0.85; a named actor alone 0.18.

Each signal counts once per sentence, however often it occurs. A sentence
with no signal but a named actor is not a claim candidate (confidence 0),
nor is a question.

Where the weights come from: the signals are the ones fact-checkers and the
ClaimBuster authors name (numbers, money, statistics, past-tense reports of
events, named actors; opinions, predictions and advice are not check-worthy),
written from general knowledge. Their sizes are rounded values, checked
against a logistic fit on one half of the ClaimBuster sentences (the even
``sentence_id``; the odd half is held out and scores the same), and set by
editorial policy where the issue says so: hedged speculation, conditionals
and the writer's analysis openers are "not claims" here, so they weigh more
than the debate transcripts alone would suggest.
"""

from __future__ import annotations

import math
from editlint.rules.claims.lexicon import BIT, bit

#: Log-odds of a sentence being a claim before any signal.
BIAS = -2.0
#: Positive signals and their weights (log-odds).
SIGNAL_WEIGHTS: dict[str, float] = {
    "percent": 2.0,  # "76%", "per cent", "percentage points"
    "number": 1.75,  # any other figure
    "magnitude": 1.75,  # "million", "tens of thousands", "dozens"
    "money": 1.5,  # "$1.1bn", "£600m", "5 million dollars"
    "statistic": 1.25,  # a measured quantity: rate, deficit, troops, turnout
    "count": 1.0,  # "three weeks", "twice", "half"
    "comparison": 1.0,  # "more than", "higher than"
    "event": 1.0,  # a checkable event or change: voted, signed, rose, killed
    "past": 0.75,  # a past-tense verb: a report of what happened
    "year": 0.75,  # "in 2018", "the 1990s"
    "superlative": 0.75,  # largest, highest, deadliest
    "policy": 0.5,  # a law, programme or deal: bill, treaty, sanctions
    "actor": 0.5,  # a named actor (a capitalised word after the first)
    "actor-event": 0.5,  # ... who did something (with event or past)
    "date": 0.5,  # "2 May", "on Tuesday", "a year ago", "10:30"
    "state": 0.25,  # a standing fact: maintains, owns, employs
}
#: Dampers and their weights (subtracted).
DAMPER_WEIGHTS: dict[str, float] = {
    "first-person-opinion": 1.5,  # "I think", "we believe"
    "analysis": 1.5,  # "What is clear is that", "On one reading"
    "hedge": 3.0,  # could, might, likely: speculation is BAL004's, not a claim
    "conditional": 1.5,  # opens with "if", "unless"
    "prescription": 1.25,  # should, must, ought to, have to: advice
    "future": 1.0,  # will, going to, is set to, is expected to: a plan or forecast cannot be checked yet
    "imperative": 1.0,  # "Let us", "Look,"
    "evaluative": 0.75,  # good, wrong, dramatic: judgement words
    "first-person": 0.5,  # "I", "my": the writer's own experience
    "ability": 0.5,  # can, cannot: what is possible, not what happened
    "conditional-clause": 0.5,  # an "if" clause further on
    "second-person": 0.5,  # "you": addressed to the reader
    "short": 0.5,  # fewer than five words
    "hypothetical": 0.25,  # would: a hypothesis, not a record
    "generic": 0.25,  # everybody, always: a sweeping generalisation
}
#: Signals that make a vague attribution's content a factual claim.
QUANTITY_SIGNALS = frozenset({"percent", "money", "magnitude", "number", "year", "date"})

SIGNAL_BITS = {name: bit(name) for name in SIGNAL_WEIGHTS}
DAMPER_BITS = {name: bit(name) for name in DAMPER_WEIGHTS}
#: All signal bits, all damper bits, and the bits of a figure or date.
SIGNAL_MASK = sum(SIGNAL_BITS.values())
DAMPER_MASK = sum(DAMPER_BITS.values())
QUANTITY_MASK = sum(SIGNAL_BITS[name] for name in QUANTITY_SIGNALS)
#: Signals that alone do not make a sentence a claim candidate.
WEAK_MASK = SIGNAL_BITS["actor"]
_WEIGHTED = [(SIGNAL_BITS[n], w) for n, w in SIGNAL_WEIGHTS.items()] + [(DAMPER_BITS[n], -w) for n, w in DAMPER_WEIGHTS.items()]
_SCORES: dict[int, float] = {}
_NAMES: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}
_SCORED_MASK = SIGNAL_MASK | DAMPER_MASK
_CANDIDATE_MASK = SIGNAL_MASK & ~WEAK_MASK


class Signals:
    """The signals and dampers found in one sentence, as one bit mask.

    Names are the keys of :data:`SIGNAL_WEIGHTS` and :data:`DAMPER_WEIGHTS`.
    """

    __slots__ = ("mask", "question")

    def __init__(self, mask: int = 0, question: bool = False) -> None:
        self.mask = mask
        self.question = question

    def add(self, name: str) -> None:
        self.mask |= SIGNAL_BITS[name]

    def damp(self, name: str) -> None:
        self.mask |= DAMPER_BITS[name]

    def has(self, name: str) -> bool:
        return bool(self.mask & BIT[name])

    @property
    def found(self) -> set[str]:
        return {n for n, b in SIGNAL_BITS.items() if self.mask & b}

    @property
    def dampers(self) -> set[str]:
        return {n for n, b in DAMPER_BITS.items() if self.mask & b}

    def has_quantity(self) -> bool:
        return bool(self.mask & QUANTITY_MASK)

    def as_data(self) -> dict[str, list[str]]:
        """Signals and dampers, strongest first, for a diagnostic's ``data``."""
        names = _NAMES.get(self.mask)
        if names is None:
            names = _NAMES[self.mask] = (
                tuple(sorted(self.found, key=lambda s: (-SIGNAL_WEIGHTS[s], s))),
                tuple(sorted(self.dampers, key=lambda s: (-DAMPER_WEIGHTS[s], s))),
            )
        return {"signals": list(names[0]), "dampers": list(names[1])}

    def __repr__(self) -> str:
        return f"Signals({sorted(self.found)}, dampers={sorted(self.dampers)}, question={self.question})"


def score(signals: Signals) -> float:
    """Return the confidence that a sentence states a checkable fact."""
    return score_mask(signals.mask, signals.question)


def score_mask(mask: int, question: bool = False) -> float:
    """:func:`score` of a bit mask (memoised: few masks occur)."""
    mask &= _SCORED_MASK
    if question or not mask & _CANDIDATE_MASK:
        return 0.0
    value = _SCORES.get(mask)
    if value is None:
        total = BIAS
        for b, w in _WEIGHTED:
            if mask & b:
                total += w
        value = _SCORES[mask] = round(1.0 / (1.0 + math.exp(-total)), 3)
    return value
