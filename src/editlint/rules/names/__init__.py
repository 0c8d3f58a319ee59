"""Names (NAM): proper nouns run together and names spelled two ways.

* ``NAM001 merged-proper-noun`` (:mod:`.merged`): "SaudiIsraeli" for
  "Saudi-Israeli".
* ``NAM002 inconsistent-name-spelling`` (:mod:`.spelling`): "Tehran" and
  "Teheran" in one document.

Both read the gazetteer in ``rules/data/names/`` (:mod:`.gazetteer`),
extended by two top-level settings declared here: ``known-names`` (a list
of names) and ``name-files`` (files of names, relative to the config file).
"""

from __future__ import annotations

from editlint.hookspecs import hookimpl
from editlint.rules.names.merged import MergedProperNoun
from editlint.rules.names.spelling import InconsistentNameSpelling

__all__ = ["InconsistentNameSpelling", "MergedProperNoun"]


@hookimpl
def editlint_rules(config):
    root = getattr(config, "root", None)
    rules = [MergedProperNoun(), InconsistentNameSpelling()]
    for rule in rules:
        rule.root = root
    return rules


@hookimpl
def editlint_settings():
    return {"known-names": [], "name-files": []}
