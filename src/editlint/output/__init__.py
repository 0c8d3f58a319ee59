"""Output formats. This module is the built-in plugin that provides them."""

from __future__ import annotations

from editlint.hookspecs import hookimpl


@hookimpl
def editlint_formatters():
    from editlint.output.github import GithubFormatter
    from editlint.output.json import JsonFormatter
    from editlint.output.sarif import SarifFormatter
    from editlint.output.text import ConciseFormatter, FullFormatter

    return {
        "full": FullFormatter,
        "concise": ConciseFormatter,
        "json": JsonFormatter,
        "sarif": SarifFormatter,
        "github": GithubFormatter,
    }
