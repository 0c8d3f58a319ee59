"""``--format github``: GitHub Actions workflow annotations.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE name::message``
(``info`` becomes ``notice``). Values are escaped as the Actions toolkit
does: ``%``, CR and LF everywhere, and ``:`` and ``,`` in properties.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from editlint.diagnostic import Severity
from editlint.output.base import Formatter, Locator

if TYPE_CHECKING:
    from editlint.runner import RunReport

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter(Formatter):
    name = "github"
    accepts_excerpts = True
    needs_text = True

    def write(self, report: RunReport) -> None:
        for result in report.files:
            locator = Locator(result)
            for d in result.diagnostics:
                a, b = locator.start(d), locator.end(d)
                props = [
                    f"file={escape_property(d.path)}",
                    f"line={a.line}",
                    f"col={a.column}",
                    f"endLine={b.line}",
                    f"endColumn={b.column}",
                    f"title={escape_property(f'{d.code} {d.name}')}",
                ]
                self.stream.write(f"::{LEVEL[d.severity]} {','.join(props)}::{escape_data(f'{d.code} {d.message}')}\n")
        for error in report.errors:
            self.stream.write(f"::error::{escape_data(error)}\n")
