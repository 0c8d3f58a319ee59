"""Read, validate and resolve configuration.

Configuration lives in ``[tool.editlint]`` of ``pyproject.toml``, or at the
top level of ``editlint.toml`` / ``.editlint.toml``. The file nearest to a
linted file wins (found by walking up from its folder); ``--config PATH``
overrides discovery. Unknown keys, wrong types and unknown rule codes are
errors naming the file, the line and the key, with a did-you-mean.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Mapping

from editlint.diagnostic import Severity
from editlint.errors import ConfigError, did_you_mean

CONFIG_FILES = ("editlint.toml", ".editlint.toml", "pyproject.toml")
FAIL_ON = ("error", "warning", "info", "never")
DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    ".tox",
    ".nox",
    "node_modules",
    "__pycache__",
    ".editlint_cache",
    "build",
    "dist",
    "site-packages",
)

# key -> (attribute, expected type(s), description for errors)
_LIST = "a list of strings"
_KEYS: dict[str, tuple[str, str]] = {
    "select": ("select", _LIST),
    "extend-select": ("extend_select", _LIST),
    "ignore": ("ignore", _LIST),
    "fail-on": ("fail_on", "one of " + ", ".join(FAIL_ON)),
    "exclude": ("exclude", _LIST),
    "extend-exclude": ("extend_exclude", _LIST),
    "per-file-ignores": ("per_file_ignores", "a table of glob = [codes]"),
    "rules": ("rules", "a table of [rules.CODE] tables"),
    "packs": ("packs", _LIST),
    "cache-dir": ("cache_dir", "a path"),
    "encoding": ("encoding", "an encoding name"),
    "baseline": ("baseline", "a path"),
    "rule-budget": ("rule_budget", "a number of seconds"),
}


@dataclass(frozen=True)
class Config:
    """The resolved settings for a group of files.

    Paths in the config file (``packs``, ``cache-dir``, ``baseline``) are
    resolved against the folder of that file (``root``).
    """

    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    packs: tuple[Path, ...] = ()
    cache_dir: Path | None = None
    encoding: str = "utf-8"
    baseline: Path | None = None
    rule_budget: float = 10.0
    settings: Mapping[str, Any] = field(default_factory=dict)

    # -- derived -------------------------------------------------------------
    @property
    def fail_threshold(self) -> Severity | None:
        """The lowest severity that fails the run, or None for ``never``."""
        return None if self.fail_on == "never" else Severity.parse(self.fail_on)

    def rule_options(self, code: str) -> dict[str, Any]:
        """The options set for rule ``code`` (without ``severity``)."""
        return {k: v for k, v in self.rules.get(code, {}).items() if k != "severity"}

    def rule_severity(self, code: str) -> Severity | None:
        value = self.rules.get(code, {}).get("severity")
        return Severity.parse(value) if value else None

    def setting(self, key: str, default: Any = None) -> Any:
        return self.settings.get(key, default)

    def with_overrides(self, **changes: Any) -> Config:
        """Return a copy with command-line overrides applied (None = unchanged)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def fingerprint(self) -> str:
        """A stable hash of everything that changes lint results (for the cache)."""
        payload = {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name not in ("path", "root", "cache_dir", "exclude", "extend_exclude", "baseline")
        }
        pack_stamps = []
        for folder in self.packs:
            for p in sorted(Path(folder).rglob("*.toml")) if Path(folder).is_dir() else []:
                pack_stamps.append((str(p), p.stat().st_mtime_ns, p.stat().st_size))
        payload["pack_files"] = pack_stamps
        import json

        from editlint.prepared import digest

        blob = json.dumps(payload, sort_keys=True, default=str).encode()
        return digest(blob, 8)


# -- discovery ---------------------------------------------------------------


def find_config_file(start: Path, memo: dict[str, Path | None] | None = None) -> Path | None:
    """Return the nearest config file at or above folder ``start``.

    ``pyproject.toml`` counts only if it has a ``[tool.editlint]`` table.
    ``memo`` (folder -> result) makes repeated lookups for many files cheap.
    """
    memo = {} if memo is None else memo
    folder = os.path.abspath(start)
    visited: list[str] = []
    found: Path | None = None
    while True:
        if folder in memo:
            found = memo[folder]
            break
        visited.append(folder)
        hit = _config_in(folder)
        if hit is not None:
            found = hit
            break
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    for v in visited:
        memo[v] = found
    return found


def _config_in(folder: str) -> Path | None:
    for name in CONFIG_FILES:
        candidate = os.path.join(folder, name)
        if os.path.isfile(candidate):
            if name == "pyproject.toml" and not _has_tool_table(Path(candidate)):
                continue
            return Path(candidate)
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return bool(re.search(r"^\s*\[\s*tool\s*\.\s*editlint\b", text, re.MULTILINE))


# -- loading -----------------------------------------------------------------


def load_config(path: Path, settings_schema: Mapping[str, Any] | None = None) -> Config:
    """Read and validate the config file at ``path``."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ConfigError(f"cannot read config file: {exc.strerror or exc}", str(path)) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"config file is not valid UTF-8 (byte {exc.start})", str(path)) from None
    import tomllib  # only when there is a config file

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = _toml_error_line(str(exc)) or (text.count("\n") + 1 if "end of document" in str(exc) else None)
        raise ConfigError(f"invalid TOML: {_strip_position(str(exc))}", str(path), line) from None
    section = "tool.editlint" if path.name == "pyproject.toml" else ""
    table = data.get("tool", {}).get("editlint", {}) if section else data
    if not isinstance(table, dict):
        raise ConfigError("[tool.editlint] must be a table", str(path))
    return config_from_table(table, path=path, text=text, section=section, settings_schema=settings_schema)


def config_from_table(
    table: Mapping[str, Any],
    *,
    path: Path | None = None,
    text: str = "",
    section: str = "",
    settings_schema: Mapping[str, Any] | None = None,
) -> Config:
    """Validate a config table and build a :class:`Config`."""
    where = str(path) if path else "<config>"
    root = path.parent.resolve() if path else Path.cwd()
    schema = dict(settings_schema or {})
    values: dict[str, Any] = {"path": path, "root": root}
    settings: dict[str, Any] = {}

    def fail(key: str, message: str) -> ConfigError:
        return ConfigError(message, where, _key_line(text, section, key))

    for key, value in table.items():
        if key in schema:
            settings[key] = _check_setting(key, value, schema[key], fail)
            continue
        if key not in _KEYS:
            hint = did_you_mean(key, [*_KEYS, *schema])
            label = f"[{section}]" if section else "the top level"
            raise fail(key, f"unknown key {key!r} in {label}{hint}")
        attr, expected = _KEYS[key]
        values[attr] = _convert(key, value, expected, root, fail)
    values["settings"] = settings
    return Config(**values)


def _convert(key: str, value: Any, expected: str, root: Path, fail) -> Any:
    if expected == _LIST:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, f"{key!r} must be {expected} (got {value!r})")
        if key == "packs":
            return tuple((root / v).resolve() for v in value)
        if key in ("exclude",):
            return tuple(value)
        return tuple(v.strip() for v in value)
    if key == "fail-on":
        if value not in FAIL_ON:
            raise fail(key, f"'fail-on' must be {expected} (got {value!r}){did_you_mean(str(value), FAIL_ON)}")
        return value
    if key == "per-file-ignores":
        if not isinstance(value, dict) or not all(
            isinstance(v, list) and all(isinstance(c, str) for c in v) for v in value.values()
        ):
            raise fail(key, f"'per-file-ignores' must be {expected} (got {value!r})")
        return tuple((glob, tuple(codes)) for glob, codes in value.items())
    if key == "rules":
        if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
            raise fail(key, f"'rules' must be {expected}, e.g. [tool.editlint.rules.CIT001]")
        for code, opts in value.items():
            sev = opts.get("severity")
            if sev is not None and (not isinstance(sev, str) or sev.lower() not in ("error", "warning", "info")):
                raise fail("severity", f"rules.{code}.severity must be one of error, warning, info (got {sev!r})")
        return {code: dict(opts) for code, opts in value.items()}
    if key in ("cache-dir", "baseline"):
        if not isinstance(value, str):
            raise fail(key, f"{key!r} must be {expected} (got {value!r})")
        return (root / value).resolve()
    if key == "rule-budget":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise fail(key, f"'rule-budget' must be a positive number of seconds (got {value!r})")
        return float(value)
    if key == "encoding":
        import codecs

        try:
            codecs.lookup(value)
        except (LookupError, TypeError):
            raise fail(key, f"unknown encoding {value!r}") from None
        return value
    return value  # pragma: no cover


def _check_setting(key: str, value: Any, default: Any, fail) -> Any:
    if type_matches(default, value):
        return value
    raise fail(key, f"{key!r} must be {_type_name(default)} (got {value!r})")


def type_matches(default: Any, value: Any) -> bool:
    """Return True if ``value`` has the type of ``default`` (ints count as floats)."""
    if default is None:
        return True
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float))
    return isinstance(value, type(default))


def _type_name(value: Any) -> str:
    return {bool: "true or false", int: "an integer", float: "a number", str: "a string", list: "a list", dict: "a table"}.get(
        type(value), type(value).__name__
    )


def validate_rule_tables(config: Config, rules_by_code: Mapping[str, Any], slugs: Mapping[str, str]) -> Config:
    """Check ``[rules.CODE]`` tables against the known rules and their options.

    Returns a config whose rule tables are keyed by code (slugs resolved).
    """
    text = config.path.read_text(encoding="utf-8-sig") if config.path and config.path.is_file() else ""
    section = "tool.editlint.rules" if config.path and config.path.name == "pyproject.toml" else "rules"
    where = str(config.path) if config.path else "<config>"
    resolved: dict[str, dict[str, Any]] = {}
    for key, opts in config.rules.items():
        code = slugs.get(key, key)
        rule = rules_by_code.get(code)
        if rule is None:
            hint = did_you_mean(key, [*rules_by_code, *slugs])
            raise ConfigError(f"unknown rule code {key!r} in [{section}]{hint}", where, _key_line(text, section, key))
        defaults = rule.default_options()
        for opt, value in opts.items():
            if opt == "severity":
                continue
            if opt not in defaults:
                hint = did_you_mean(opt, [*defaults, "severity"])
                raise ConfigError(
                    f"unknown option {opt!r} for rule {code}{hint}", where, _key_line(text, f"{section}.{key}", opt)
                )
            default = defaults[opt]
            if not type_matches(default, value):
                raise ConfigError(
                    f"option {opt!r} of rule {code} must be {_type_name(default)} (got {value!r})",
                    where,
                    _key_line(text, f"{section}.{key}", opt),
                )
        resolved[code] = dict(opts)
    return replace(config, rules=resolved)


# -- locating keys for error messages ------------------------------------------


def _toml_error_line(message: str) -> int | None:
    m = re.search(r"line (\d+)", message)
    return int(m.group(1)) if m else None


def _strip_position(message: str) -> str:
    return re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", message).strip() or message


def _key_line(text: str, section: str, key: str) -> int | None:
    """Find the line of ``key`` inside ``[section]`` (tomllib keeps no lines)."""
    if not text:
        return None
    lines = text.splitlines()
    in_section = section == ""
    header = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]\s*(?:#.*)?$")
    key_re = re.compile(r'^\s*["\']?' + re.escape(key) + r'["\']?\s*=')
    for n, line in enumerate(lines, 1):
        h = header.match(line)
        if h:
            name = re.sub(r"\s*\.\s*", ".", h.group(1)).replace('"', "")
            if name == f"{section}.{key}" if section else name == key:
                return n  # the key is itself a table header
            in_section = name == section
            continue
        if in_section and key_re.match(line):
            return n
    for n, line in enumerate(lines, 1):  # dotted keys or inline tables
        if key in line:
            return n
    return None
