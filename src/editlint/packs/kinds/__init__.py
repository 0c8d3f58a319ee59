"""Rule kinds for declarative packs.

A pack file names its kind with ``extends``; the kind's class reads and
validates the file's keys, compiles its patterns once, and checks
documents. The built-in kinds are ``existence``, ``substitution``,
``repetition``, ``occurrence``, ``consistency``, ``conditional`` and ``metric``; plugins add
kinds through the ``editlint_rule_kinds`` hook by subclassing
:class:`PackRule` (declare :attr:`PackRule.KEYS`, implement
:meth:`PackRule.setup`, :meth:`PackRule.run` and :meth:`PackRule.flags`).

Every kind accepts the common keys in :data:`COMMON_KEYS`; the rule's
documentation (``editlint explain CODE``) is generated from them.

Layout: :mod:`.base` holds :class:`PackRule` (keys, validation, matching,
diagnostics) and the helpers the kinds share; each kind has its module.
"""

from __future__ import annotations

from editlint.packs.kinds.base import COMMON_KEYS, DEFAULT_TIMEOUT, TIMEOUT_SETTING, Key, PackRule, SpecError, adjust_case
from editlint.packs.kinds.conditional import ConditionalRule
from editlint.packs.kinds.consistency import ConsistencyRule
from editlint.packs.kinds.existence import ExistenceRule
from editlint.packs.kinds.metric import METRIC_VARIABLES, MetricRule
from editlint.packs.kinds.occurrence import OccurrenceRule
from editlint.packs.kinds.substitution import RepetitionRule, SubstitutionRule

BUILTIN_KINDS: dict[str, type[PackRule]] = {
    cls.kind: cls for cls in (ExistenceRule, SubstitutionRule, RepetitionRule, OccurrenceRule, ConsistencyRule, ConditionalRule, MetricRule)
}

__all__ = [
    "BUILTIN_KINDS", "COMMON_KEYS", "DEFAULT_TIMEOUT", "METRIC_VARIABLES", "TIMEOUT_SETTING", "ConditionalRule", "ConsistencyRule",
    "ExistenceRule", "Key", "MetricRule", "OccurrenceRule", "PackRule", "RepetitionRule", "SpecError", "SubstitutionRule", "adjust_case",
]  # fmt: skip
