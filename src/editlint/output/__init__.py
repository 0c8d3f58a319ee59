"""Output formats. This module is the built-in plugin that provides them.

The mapping it returns imports a format's module only when that format is
used, so linting with the default format never imports JSON or SARIF code.
"""

from __future__ import annotations

import importlib
from typing import Iterator, Mapping

from editlint.hookspecs import hookimpl

BUILTIN_FORMATS = {
    "full": "editlint.output.text:FullFormatter",
    "concise": "editlint.output.text:ConciseFormatter",
    "json": "editlint.output.json:JsonFormatter",
    "sarif": "editlint.output.sarif:SarifFormatter",
    "github": "editlint.output.github:GithubFormatter",
}


class LazyFormatters(Mapping):
    """Formatter classes by name, imported on first access."""

    def __init__(self, targets: Mapping[str, str]) -> None:
        self._targets = dict(targets)

    def __getitem__(self, name: str):
        module, _, attr = self._targets[name].partition(":")
        return getattr(importlib.import_module(module), attr)

    def __iter__(self) -> Iterator[str]:
        return iter(self._targets)

    def __len__(self) -> int:
        return len(self._targets)


@hookimpl
def editlint_formatters():
    return LazyFormatters(BUILTIN_FORMATS)
