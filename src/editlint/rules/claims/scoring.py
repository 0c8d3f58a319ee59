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
    "percent": 3.0,  # "76%", "per cent", "percentage points"
    "number": 2.0,  # any other figure
    "magnitude": 2.0,  # "million", "tens of thousands", "dozens"
    "money": 1.75,  # "$1.1bn", "£600m", "5 million dollars"
    "record": 1.5,  # for the first time, the only country to, a record high, has never
    "statistic": 1.25,  # a measured quantity: rate, deficit, troops, turnout
    "year": 1.25,  # "in 2018", "the 1990s"
    "count": 1.0,  # "three weeks", "twice", "fifty-five", "a third of"
    "comparison": 1.0,  # "more than", "higher than"
    "trend": 1.0,  # a comparison with the present: now higher, fewer today
    "event": 1.0,  # a checkable event or change: voted, signed, rose, killed
    "superlative": 1.0,  # largest, highest, deadliest
    "past": 0.75,  # a past-tense verb: a report of what happened
    "actor": 0.5,  # a named actor (a capitalised word after the first)
    "policy": 0.5,  # a law, programme or deal: bill, treaty, sanctions
    "perfect": 0.5,  # a completed action with no simple past: has cut, have lost, had never been
    "actors": 0.25,  # three or more capitalised words: several named actors
    "date": 0.25,  # "2 May", "on Tuesday", "a year ago", "10:30"
    "state": 0.25,  # a standing fact: maintains, owns, employs
    "actor-event": 0.0,  # a named actor who did something: shown, adds nothing to actor + event
}
#: Dampers and their weights (subtracted).
DAMPER_WEIGHTS: dict[str, float] = {
    "hedge": 3.0,  # could, might, likely: speculation is BAL004's, not a claim
    "first-person-opinion": 1.5,  # "I think", "we believe", "we propose"
    "analysis": 1.5,  # "What is clear is that", "On one reading"
    "conditional": 3.0,  # opens with "if", "unless": a hypothesis, not a claim (as hedges)
    "prescription": 1.25,  # should, must, ought to, have to: advice
    "future": 1.25,  # will, going to, is set to, is expected to: a plan or forecast cannot be checked yet
    "imperative": 1.0,  # "Let us", "Look,"
    "evaluative": 0.75,  # good, wrong, dramatic: judgement words
    "conditional-clause": 0.75,  # an "if" clause further on
    "first-person": 0.5,  # "I", "my": the writer's own experience
    "ability": 0.5,  # can, cannot: what is possible, not what happened
    "short": 0.5,  # fewer than five words
    "second-person": 0.25,  # "you": addressed to the reader
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
#: Signals that alone do not make a sentence a claim candidate: names.
WEAK_MASK = SIGNAL_BITS["actor"] | SIGNAL_BITS["actors"] | SIGNAL_BITS["actor-event"]
_WEIGHTED = [(SIGNAL_BITS[n], w) for n, w in SIGNAL_WEIGHTS.items()] + [(DAMPER_BITS[n], -w) for n, w in DAMPER_WEIGHTS.items()]
#: Weight of each signal and damper bit. (Every weight is a multiple of
#: 0.25, so their sum is exact whatever the order of the additions.)
_WEIGHT_OF_BIT = dict(_WEIGHTED)
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
        # a few thousand masks in a corpus: add the weights of the set bits
        # only (a handful) rather than test every weight
        total = BIAS
        weight = _WEIGHT_OF_BIT
        rest = mask
        while rest:
            low = rest & -rest
            total += weight[low]
            rest ^= low
        value = _SCORES[mask] = round(1.0 / (1.0 + math.exp(-total)), 3)
    return value
