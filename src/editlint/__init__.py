"""editlint: an editorial linter for newsrooms.

Public API::

    import editlint
    diagnostics = editlint.lint_text(text, path="draft.md")

Plugins implement hooks with ``@editlint.hookimpl`` and subclass
``editlint.Rule``; see :mod:`editlint.hookspecs`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from editlint._version import __version__

if TYPE_CHECKING:
    from editlint.config import Config
    from editlint.diagnostic import Diagnostic

_LAZY = {
    "Applicability": "editlint.diagnostic",
    "Config": "editlint.config",
    "Diagnostic": "editlint.diagnostic",
    "Document": "editlint.document",
    "Edit": "editlint.diagnostic",
    "Fix": "editlint.diagnostic",
    "Position": "editlint.document",
    "Rule": "editlint.rule",
    "Severity": "editlint.diagnostic",
    "Span": "editlint.document",
    "hookimpl": "editlint.hookspecs",
    "parse": "editlint.document",
}


def __getattr__(name: str) -> Any:
    # Lazy re-exports keep `import editlint` (and the CLI's start-up) cheap.
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'editlint' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def lint_text(
    text: str,
    path: str = "draft.md",
    config: Config | None = None,
    *,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    plugins: list[object] | None = None,
) -> list[Diagnostic]:
    """Lint one draft given as a string and return its diagnostics.

    Args:
        text: the draft.
        path: a display path; its suffix picks Markdown (default) or plain text.
        config: a :class:`~editlint.config.Config`; defaults apply when None.
        select: rule selectors replacing the configured selection.
        ignore: rule selectors to leave out.
        plugins: extra plugin objects to register (entry points are loaded too).
    """
    from editlint.config import Config as _Config
    from editlint.document import parse as _parse
    from editlint.engine import Linter
    from editlint.plugins import get_plugin_host
    from editlint.registry import build_registry

    host = get_plugin_host(extra=plugins or ())
    registry, cfg = build_registry(host, config or _Config())
    linter = Linter(host, registry, cfg, select=select, ignore=ignore or ())
    doc = host.first("editlint_parse", text=text, path=path, config=cfg) or _parse(text, path)
    return linter.check(doc).diagnostics


__all__ = sorted(["__version__", "lint_text", *_LAZY])
