"""The plugin contract: every hook editlint calls.

Built-in rules, formatters and packs are registered through these same hooks
(see :data:`editlint.plugins.BUILTIN_PLUGINS`); third-party plugins are found
through the ``editlint`` entry-point group::

    [project.entry-points.editlint]
    my_desk = "my_desk.rules"

and implement any of the hooks below with ``@editlint.hookimpl``. All hooks
take keyword arguments; an implementation may accept fewer arguments than
the spec (pluggy's opt-in arguments), so specs can grow without breaking
plugins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Mapping

import pluggy

if TYPE_CHECKING:
    from pathlib import Path

    from editlint.config import Config
    from editlint.diagnostic import Diagnostic
    from editlint.document import Document
    from editlint.output.base import Formatter
    from editlint.packs.kinds import PackRule
    from editlint.rule import Rule

PROJECT = "editlint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


# -- What a plugin provides -------------------------------------------------


@hookspec
def editlint_rules(config: Config) -> Iterable[Rule | type[Rule]]:
    """Return the rules this plugin provides.

    :param config: The resolved configuration. Rules read their own options
        from it when the registry builds them; most plugins ignore it.
    :returns: Rule classes (built with their options from ``config``) or
        ready rule instances.

    Every rule needs a unique code (a family prefix and three digits, e.g.
    ``XYZ001``), a kebab-case name and a Markdown docstring.

    .. versionadded:: 0.1
    """


@hookspec
def editlint_rule_packs(config: Config) -> Iterable[Path]:
    """Return folders of declarative rule packs (TOML files) to load.

    :param config: The resolved configuration.
    :returns: Directories; each ``*.toml`` file in them is one rule.

    The bundled packs in the top-level ``rules/`` folder are provided by a
    built-in implementation of this hook.

    .. versionadded:: 0.1
    """


@hookspec
def editlint_rule_kinds() -> Mapping[str, type[PackRule]]:
    """Return declarative rule kinds by name, usable as ``extends`` in packs.

    :returns: ``{"existence": ExistenceRule, ...}``; each class is a
        :class:`~editlint.packs.kinds.PackRule` subclass.

    .. versionadded:: 0.1
    """


@hookspec
def editlint_formatters() -> Mapping[str, type[Formatter]]:
    """Return output formats by name, selectable with ``--format``.

    :returns: ``{"name": FormatterClass}``; the built-in formats
        (``full``, ``concise``, ``json``, ``sarif``, ``github``) come from
        this hook too.

    .. versionadded:: 0.1
    """


@hookspec
def editlint_settings() -> Mapping[str, Any]:
    """Declare top-level configuration keys this plugin reads, with defaults.

    :returns: ``{"key": default}``. The config loader accepts these keys in
        ``[tool.editlint]`` and checks their values have the default's type;
        rules read them from ``self.settings``.

    .. versionadded:: 0.1
    """


# -- Hooks called per document ----------------------------------------------


@hookspec(firstresult=True)
def editlint_parse(text: str, path: str, config: Config) -> Document | None:
    """Parse a draft into a :class:`~editlint.document.Document`.

    :param text: The decoded file, BOM removed.
    :param path: The display path; its suffix usually picks the format.
    :param config: The resolved configuration.
    :returns: A document, or ``None`` to let the built-in Markdown and
        plain-text parsers handle it.

    Stops at the first non-None result.

    .. versionadded:: 0.1
    """


@hookspec
def editlint_document_summary(
    document: Document, diagnostics: list[Diagnostic], config: Config
) -> Mapping[str, Any] | None:
    """Contribute facts to a document's summary (JSON ``summary``, ``--statistics``).

    :param document: The linted document.
    :param diagnostics: Its diagnostics after suppression.
    :param config: The resolved configuration.
    :returns: A mapping merged into the document's summary, or ``None``.

    .. versionadded:: 0.1
    """
