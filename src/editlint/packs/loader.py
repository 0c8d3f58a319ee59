"""Load pack folders into rules.

Folders come from the ``editlint_rule_packs`` hook (the bundled packs under
``rules/`` and third-party plugins) and from ``packs = [...]`` in the config.
Each ``*.toml`` file in a folder is one rule; its ``extends`` key names a
kind registered through ``editlint_rule_kinds``.

Every problem is a one-line :class:`~editlint.errors.PackError` naming the
file, the line and the key: tomllib reports lines only for syntax errors, so
keys are located in the text here.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable, Mapping

from editlint.errors import PackError, PluginError, did_you_mean
from editlint.packs.kinds import PackRule, SpecError
from editlint.packs.patterns import trusted_patterns


def rule_kinds(host) -> dict[str, type[PackRule]]:
    """Every kind registered by a plugin, by name."""
    kinds: dict[str, type[PackRule]] = {}
    owners: dict[str, str] = {}
    for source, provided in host.each("editlint_rule_kinds"):
        for name, cls in dict(provided).items():
            if not (isinstance(cls, type) and issubclass(cls, PackRule)):
                raise PluginError(f"plugin {source!r} registers kind {name!r} as {cls!r}, not a PackRule subclass")
            if name in kinds and kinds[name] is not cls:
                raise PluginError(f"rule kind {name!r} is provided twice: by {owners[name]!r} and by {source!r}")
            kinds[name], owners[name] = cls, source
    return kinds


def pack_folders(host, config) -> list[tuple[str, Path]]:
    """``(source, folder)`` for every pack folder: plugins first, then config."""
    folders: list[tuple[str, Path]] = []
    for source, provided in host.each("editlint_rule_packs", config=config):
        for folder in provided:
            folder = Path(folder)
            if not folder.is_dir():
                raise PluginError(f"plugin {source!r} provides a pack folder that does not exist: {folder}")
            folders.append((source, folder))
    for folder in config.packs:
        folder = Path(folder)
        if not folder.is_dir():
            where = str(config.path) if config.path else "<config>"
            raise PackError(f"pack folder not found: {folder} (key 'packs')", where, _config_line(config, "packs"))
        folders.append(("config", folder))
    return folders


def load_pack_rules(host, config) -> list[tuple[str, PackRule]]:
    """Load every pack folder; return ``(source, rule)`` pairs for the registry."""
    kinds = rule_kinds(host)
    out: list[tuple[str, PackRule]] = []
    defined: dict[str, Path] = {}
    seen_folders: set[Path] = set()
    bundled = _bundled_root()
    for source, folder in pack_folders(host, config):
        resolved = folder.resolve()
        if resolved in seen_folders:
            continue
        seen_folders.add(resolved)
        files = list(iter_rule_files(folder))
        specs = _parsed_folder(resolved, files)
        # the bundled packs are checked by the test suite: their rules are
        # set up on first use (see trusted_patterns)
        trusted = bundled is not None and resolved.parent == bundled
        for path in files:
            if specs is not None:
                spec = specs[path.name]
                with _trust(trusted):
                    rule = build_rule(spec, kinds, path=path, text=None)
            else:
                with _trust(trusted):
                    rule = load_rule_file(path, kinds)
            if rule.code in defined:
                raise PackError(
                    f"rule code {rule.code} is defined twice: in {defined[rule.code]} and in {path} (key 'code')",
                    str(path),
                    _line(path.read_text(encoding="utf-8-sig"), "code"),
                )
            defined[rule.code] = path
            out.append((f"{source}:{folder.name}", rule))
    return out


def load_rule_file(path: Path, kinds: Mapping[str, type[PackRule]]) -> PackRule:
    """Read one rule file and build its rule; raise :class:`PackError`."""
    text, spec = _parse_file(path)
    return build_rule(spec, kinds, path=path, text=text)


def _parse_file(path: Path) -> tuple[str, dict[str, Any]]:
    """The text and the parsed TOML of a rule file; raise :class:`PackError`."""
    import tomllib

    from editlint.config import _strip_position, _toml_error_line

    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"cannot read rule file: {exc}", str(path)) from None
    try:
        spec = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = _toml_error_line(str(exc)) or (len(text.splitlines()) or None)
        message = re.sub(r"\s*\(at end of document\)", "", _strip_position(str(exc)))
        raise PackError(f"invalid TOML: {message}", str(path), line) from None
    return text, spec


def _parsed_folder(folder: Path, files: list[Path]) -> dict[str, dict[str, Any]] | None:
    """The parsed rule files of a folder, kept between runs (``editlint.prepared``).

    None when a file cannot be read or parsed: the caller then loads the
    files one by one, which reports the first problem as before.
    """
    if not files:
        return {}
    import zlib

    from editlint.prepared import load

    name = f"pack-{zlib.crc32(str(folder).encode('utf-8', 'surrogatepass')):08x}"
    try:
        return load(name, files, lambda: {p.name: _parse_file(p)[1] for p in files}, builder=__file__)
    except PackError:
        return None


def _bundled_root() -> Path | None:
    from editlint.resources import rules_dir

    try:
        return rules_dir().resolve()
    except FileNotFoundError:
        return None


class _trust:
    """``trusted_patterns`` when ``on``, else nothing."""

    def __init__(self, on: bool) -> None:
        self.context = trusted_patterns() if on else None

    def __enter__(self) -> None:
        if self.context is not None:
            self.context.__enter__()

    def __exit__(self, *exc: object) -> None:
        if self.context is not None:
            self.context.__exit__(*exc)


def build_rule(spec: Mapping[str, Any], kinds: Mapping[str, type[PackRule]], *, path: Path, text: str | None = "") -> PackRule:
    """Build a rule from a parsed rule file (``text`` locates keys for errors; None: read it if needed)."""
    extends = spec.get("extends")
    if extends is None:
        raise PackError("missing required key 'extends' (the kind of rule, e.g. 'existence')", str(path), 1)
    if not isinstance(extends, str) or extends not in kinds:
        hint = did_you_mean(str(extends), kinds)
        known = ", ".join(sorted(kinds))
        if text is None:
            text = _read_quietly(path)
        raise PackError(f"unknown kind {extends!r} in key 'extends'{hint}; known kinds: {known}", str(path), _line(text, "extends"))
    try:
        return kinds[extends](spec, path)
    except SpecError as exc:
        if text is None:
            text = _read_quietly(path)
        raise PackError(f"{exc} (key {exc.key!r})", str(path), _line(text, exc.key, exc.needle)) from None


def _read_quietly(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return ""


def _line(text: str, key: str, needle: str | None = None) -> int | None:
    """The line of ``key`` (a top-level key or ``[key]`` table), or of ``needle`` in its value."""
    if not text:
        return None
    lines = text.splitlines()
    key_re = re.compile(r'^\s*(?:["\']?' + re.escape(key) + r'["\']?\s*=|\[\s*["\']?' + re.escape(key) + r'["\']?\s*\])')
    start = next((n for n, line in enumerate(lines) if key_re.match(line)), None)
    if needle:
        variants = [needle, needle.replace("\\", "\\\\"), needle.replace('"', '\\"')]
        for n in range(start or 0, len(lines)):
            if any(v and v in lines[n] for v in variants):
                return n + 1
    return start + 1 if start is not None else None


def _config_line(config, key: str) -> int | None:
    if not config.path or not Path(config.path).is_file():
        return None
    return _line(Path(config.path).read_text(encoding="utf-8-sig"), key)


def iter_rule_files(folder: Path) -> Iterable[Path]:
    """The rule files of a pack folder, in load order (config files are not rules)."""
    from editlint.config import CONFIG_FILES

    return sorted(p for p in Path(folder).glob("*.toml") if p.name not in CONFIG_FILES)
