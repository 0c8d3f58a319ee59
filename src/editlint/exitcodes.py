"""Exit codes of the ``editlint`` command."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    """What the exit status of a run means."""

    #: No finding at or above ``--fail-on``.
    OK = 0
    #: At least one finding at or above ``--fail-on`` (default: error).
    FINDINGS = 1
    #: Bad usage, configuration or input (missing file, bad option, invalid config or pack).
    USAGE_ERROR = 2
    #: Something inside editlint or a plugin went wrong (a rule crashed or returned garbage).
    INTERNAL_ERROR = 3
