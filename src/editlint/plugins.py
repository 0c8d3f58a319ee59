"""Build the plugin manager and call hooks through a small typed facade.

Built-in features are plugins like any other: each module in
:data:`BUILTIN_PLUGINS` implements hooks from :mod:`editlint.hookspecs`.
Third-party plugins are loaded from the ``editlint`` entry-point group unless
``EDITLINT_DISABLE_PLUGIN_AUTOLOAD`` is set. ``EDITLINT_TRACE_PLUGINS=1``
prints every hook call to stderr.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any, Callable, Iterable

import pluggy

from editlint import hookspecs
from editlint.errors import PluginError

#: Modules registered as plugins in every run, in this order.
BUILTIN_PLUGINS: tuple[str, ...] = (
    "editlint.rules.engine",
    "editlint.rules.provenance",
    "editlint.rules.sourcing",
    "editlint.rules.claims",
    "editlint.rules.names",
    "editlint.rules.framing",
    "editlint.rules.readability",
    "editlint.rules.dates",
    "editlint.output",
    "editlint.packs",
)
ENTRY_POINT_GROUP = "editlint"


class PluginHost:
    """The plugin manager plus what went wrong while loading plugins."""

    def __init__(self, manager: pluggy.PluginManager) -> None:
        self.manager = manager
        self.load_errors: list[str] = []

    # -- typed facade over the hooks ----------------------------------------
    def each(self, hook: str, **kwargs: Any) -> Iterable[tuple[str, Any]]:
        """Call every implementation of ``hook`` separately.

        Yields ``(plugin display name, result)`` so callers know who provided
        what; an implementation that raises is recorded in ``load_errors``
        and skipped instead of taking the run down.
        """
        caller = getattr(self.manager.hook, hook)
        for impl in reversed(caller.get_hookimpls()):
            args = {k: kwargs[k] for k in impl.argnames if k in kwargs}
            try:
                result = impl.function(**args)
            except Exception as exc:  # a broken plugin must not stop the run
                self.load_errors.append(f"plugin {self.display_name(impl.plugin_name)!r} failed in {hook}: {exc!r}")
                continue
            if result is not None:
                yield self.display_name(impl.plugin_name), result

    def first(self, hook: str, **kwargs: Any) -> Any:
        """Call a ``firstresult`` hook."""
        return getattr(self.manager.hook, hook)(**kwargs)

    def display_name(self, plugin_name: str) -> str:
        """``editlint`` for built-ins, ``dist[entry]`` for entry-point plugins."""
        if plugin_name in BUILTIN_PLUGINS or plugin_name.startswith("editlint."):
            return "editlint"
        return plugin_name

    def has_impls(self, hook: str) -> bool:
        return bool(getattr(self.manager.hook, hook).get_hookimpls())


def get_plugin_host(
    *,
    load_entrypoints: bool | None = None,
    blocked: Iterable[str] = (),
    extra: Iterable[object] = (),
) -> PluginHost:
    """Return a fresh plugin host with the built-ins (and entry points) loaded.

    Args:
        load_entrypoints: load third-party plugins; by default unless
            ``EDITLINT_DISABLE_PLUGIN_AUTOLOAD`` is set.
        blocked: plugin names (entry-point names or module names) to skip.
        extra: plugin objects to register too (tests, embedding).
    """
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    host = PluginHost(pm)
    blocked = set(blocked)
    for name in BUILTIN_PLUGINS:
        if name not in blocked:
            pm.register(importlib.import_module(name), name=name)
    if load_entrypoints is None:
        load_entrypoints = not os.environ.get("EDITLINT_DISABLE_PLUGIN_AUTOLOAD")
    if load_entrypoints:
        _load_entrypoints(host, blocked)
    for plugin in extra:
        pm.register(plugin)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise PluginError(f"invalid plugin: {exc}") from None
    if os.environ.get("EDITLINT_TRACE_PLUGINS"):
        _trace(pm)
    return host


def _declares_entry_points() -> bool:
    """Cheaply tell whether any installed distribution declares ``[editlint]`` entry points.

    importlib.metadata costs ~15 ms to import (email parsing and friends),
    which would be a good share of a single draft's cold start; most
    installations have no editlint plugin, so look for the section in
    ``entry_points.txt`` files first and import it only when one is there.
    """
    marker = f"[{ENTRY_POINT_GROUP}]"
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                try:
                    with open(os.path.join(entry or ".", name, "entry_points.txt"), encoding="utf-8") as handle:
                        if marker in handle.read():
                            return True
                except OSError:
                    continue
    return False


def _load_entrypoints(host: PluginHost, blocked: set[str]) -> None:
    if not _declares_entry_points():
        return
    from importlib.metadata import entry_points

    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name in blocked:
            continue
        dist = getattr(ep, "dist", None)
        name = f"{dist.name}[{ep.name}]" if dist is not None else ep.name
        if host.manager.has_plugin(name):
            continue
        try:
            plugin = ep.load()
            host.manager.register(plugin, name=name)
        except Exception as exc:  # a plugin that cannot load must not stop the run
            host.load_errors.append(f"plugin {name!r} failed to load: {exc!r}")


def _trace(pm: pluggy.PluginManager) -> None:
    def before(hook_name: str, impls: list, kwargs: dict) -> None:
        print(f"editlint: trace: {hook_name} -> {[i.plugin_name for i in impls]}", file=sys.stderr)

    def after(outcome: Any, hook_name: str, impls: list, kwargs: dict) -> None:
        pass

    pm.add_hookcall_monitoring(before, after)


def call_guarded(func: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Any, BaseException | None]:
    """Call ``func``; return ``(result, None)`` or ``(None, exception)``."""
    try:
        return func(*args, **kwargs), None
    except Exception as exc:  # isolation point for plugin code
        return None, exc
