"""A sample third-party editlint plugin (installed for real by tests/test_thirdparty_plugin.py).

It provides a Python rule, a pack folder, and a new pack kind.
"""

from pathlib import Path

from editlint.diagnostic import Severity
from editlint.hookspecs import hookimpl
from editlint.packs.kinds import Key, PackRule
from editlint.rule import Rule


class NoExclamation(Rule):
    """Exclamation mark in news copy.

    ## What it flags
    Any `!` outside quoted speech.

    ## Why it matters
    News copy states facts; exclamation marks editorialise.

    ## Example
    ```text
    Prices rose again!
    ```

    ## Use instead
    ```text
    Prices rose again.
    ```
    """

    code = "DSK001"
    name = "no-exclamation"
    severity = Severity.WARNING
    skip_quotes = True

    def check(self, doc):
        start = 0
        while (i := doc.prose.find("!", start)) != -1:
            yield self.diagnostic(doc, (i, i + 1), "exclamation mark in news copy")
            start = i + 1


class ShoutingKind(PackRule):
    """A kind added by this plugin: words written in capitals, longer than `min-length`."""

    kind = "shouting"
    KEYS = (Key("min-length", "int", 5, doc="Shortest all-capitals word to flag."),)

    def setup(self, values):
        import re

        self.pattern = re.compile(rf"\b[A-Z]{{{values['min-length']},}}\b")

    def flags(self):
        return f"Words of {self.values['min-length']} or more capitals."

    def run(self, doc, deadline):
        for m in self.pattern.finditer(doc.prose):
            if not self.excepted(m.group()):
                yield self.hit(doc, m.span(), {"match": m.group()})


@hookimpl
def editlint_rules():
    return [NoExclamation]


@hookimpl
def editlint_rule_packs():
    return [Path(__file__).parent / "pack"]


@hookimpl
def editlint_rule_kinds():
    return {"shouting": ShoutingKind}
