"""Errors shown to users: one line each, naming the culprit.

The hierarchy::

    EditlintError                 exit 2 unless stated
    ├── UsageError                bad command-line use
    ├── ConfigError               invalid config file: file, line and key
    ├── PackError                 invalid rule pack: file, line and key
    ├── InputError                a file that cannot be read or decoded
    │   └── BinaryFileError       a file with NUL bytes (skipped when found in a folder)
    └── PluginError               a plugin that failed to load (exit 3)

A rule that crashes while checking a document is not an exception here: it
becomes an ``EL001 rule-crashed`` diagnostic and the run goes on.
"""

from __future__ import annotations

from typing import Iterable

from editlint.exitcodes import ExitCode


class EditlintError(Exception):
    """Base class; ``str(error)`` is the whole one-line message."""

    exit_code: ExitCode = ExitCode.USAGE_ERROR


class UsageError(EditlintError):
    """The command line asks for something that cannot be done."""


class ConfigError(EditlintError):
    """A configuration file is invalid."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        where = f"{path}:{line}: " if path and line else f"{path}: " if path else ""
        super().__init__(f"{where}{message}")
        self.path, self.line = path, line


class PackError(ConfigError):
    """A rule pack file is invalid."""


class InputError(EditlintError):
    """A file given to editlint cannot be read or decoded."""


class BinaryFileError(InputError):
    """A file holds NUL bytes: not a draft."""


class PluginError(EditlintError):
    """A plugin failed to load or to provide what it promised."""

    exit_code = ExitCode.INTERNAL_ERROR


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return `` (did you mean 'x'?)`` for the closest choice, or an empty string."""
    import difflib  # only on the error path: keeps it off the start-up path

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
