"""Collect rules from plugins and packs, and select the ones that run.

Selection follows ruff: ``select`` replaces the default set, ``extend-select``
adds to it, ``ignore`` removes from it; selectors are codes, code prefixes
(``PRV``), slugs (``merged-proper-noun``) or ``ALL``, and the most specific
(longest) matching selector decides (``ignore`` wins a tie). Off-by-default
rules run only when a selector covers them.
"""

from __future__ import annotations

from typing import Iterable, Mapping

from editlint.config import Config, validate_rule_tables
from editlint.errors import ConfigError, PluginError, UsageError, did_you_mean
from editlint.plugins import PluginHost
from editlint.rule import CODE_PATTERN, FAMILIES, NAME_PATTERN, Rule


class RuleRegistry:
    """Every known rule, by code, configured for one :class:`Config`."""

    def __init__(self) -> None:
        self.rules: dict[str, Rule] = {}
        self.slugs: dict[str, str] = {}

    def add(self, rule: Rule, source: str) -> None:
        code, name = rule.code, rule.name
        if not CODE_PATTERN.fullmatch(code or ""):
            raise PluginError(f"plugin {source!r} provides a rule with an invalid code {code!r} (expected e.g. 'ABC001')")
        if not NAME_PATTERN.fullmatch(name or ""):
            raise PluginError(f"rule {code} from {source!r} has an invalid name {name!r} (expected kebab-case)")
        if code in self.rules:
            other = self.rules[code].source
            raise PluginError(f"rule code {code} is provided twice: by {other!r} and by {source!r}")
        rule.source = source
        self.rules[code] = rule
        self.slugs[name] = code

    def __iter__(self):
        return iter(sorted(self.rules.values(), key=lambda r: r.code))

    def __len__(self) -> int:
        return len(self.rules)

    def get(self, code_or_slug: str) -> Rule | None:
        key = code_or_slug.strip()
        return self.rules.get(key.upper()) or self.rules.get(self.slugs.get(key.lower(), ""))

    # -- selection -----------------------------------------------------------
    def normalize_selector(self, selector: str, *, origin: str = "--select") -> str:
        """Return a code prefix (or ``ALL``) for a code, prefix or slug."""
        s = selector.strip()
        if s.upper() == "ALL":
            return "ALL"
        if s.lower() in self.slugs:
            return self.slugs[s.lower()]
        upper = s.upper()
        if any(code.startswith(upper) for code in self.rules) or upper in FAMILIES:
            return upper
        raise UsageError(f"unknown rule selector {s!r} in {origin}{self.hint(s)}")

    def hint(self, query: str) -> str:
        """`` (did you mean 'CIT001'?)`` for an unknown code or slug, or an empty string."""
        # codes are upper case and hold digits ("cit01" -> CIT001); slugs are lower case
        query = query.upper() if any(c.isdigit() for c in query) else query.lower()
        return did_you_mean(query, [*self.rules, *self.slugs])

    def matches(self, selector: str | None, code: str) -> bool:
        """Return True if ``selector`` (normalised or raw) covers ``code``."""
        if selector is None:
            return True
        s = selector.strip()
        if s.upper() == "ALL":
            return True
        if s.lower() in self.slugs:
            return self.slugs[s.lower()] == code
        return code.startswith(s.upper())

    def enabled(
        self,
        select: Iterable[str] | None,
        extend_select: Iterable[str] = (),
        ignore: Iterable[str] = (),
    ) -> list[Rule]:
        """Return the rules that run, sorted by code."""
        sel = [self.normalize_selector(s, origin="select") for s in select] if select is not None else None
        ext = [self.normalize_selector(s, origin="extend-select") for s in extend_select]
        ign = [self.normalize_selector(s, origin="ignore") for s in ignore]
        chosen = []
        for rule in self:
            if _decide(rule, sel, ext, ign):
                chosen.append(rule)
        return chosen


def _specificity(selector: str, code: str) -> int:
    if selector == "ALL":
        return 0
    return len(selector) if code.startswith(selector) else -1


def _decide(rule: Rule, select: list[str] | None, extend: list[str], ignore: list[str]) -> bool:
    code = rule.code
    best_on = max((_specificity(s, code) for s in (select or []) + extend), default=-1)
    best_off = max((_specificity(s, code) for s in ignore), default=-1)
    if best_off >= 0 and best_off >= best_on:
        return False
    if best_on >= 0:
        return True
    return select is None and rule.default_enabled


def build_registry(host: PluginHost, config: Config) -> tuple[RuleRegistry, Config]:
    """Collect and configure every rule for ``config``.

    Returns the registry and the config with rule tables validated and keyed
    by code.
    """
    registry = RuleRegistry()
    settings = dict(config.settings)
    for _, defaults in host.each("editlint_settings"):
        for key, value in dict(defaults).items():
            settings.setdefault(key, value)
    for source, provided in host.each("editlint_rules", config=config):
        for item in provided:
            rule = item() if isinstance(item, type) else item
            if not isinstance(rule, Rule):
                raise PluginError(f"plugin {source!r} returned {item!r} from editlint_rules, not a Rule")
            registry.add(rule, source)
    from editlint.packs.loader import load_pack_rules

    for source, rule in load_pack_rules(host, config):
        registry.add(rule, source)
    config = validate_rule_tables(config, registry.rules, registry.slugs)
    for rule in registry.rules.values():
        rule.option_values = {**rule.default_options(), **config.rule_options(rule.code)}
        severity = config.rule_severity(rule.code)
        if severity is not None:
            rule.severity = severity
        rule.settings = settings
    return registry, config


def settings_schema(host: PluginHost) -> Mapping[str, object]:
    """The top-level config keys plugins declare, with their defaults."""
    schema: dict[str, object] = {}
    for _, defaults in host.each("editlint_settings"):
        schema.update(dict(defaults))
    return schema


def check_selectors(registry: RuleRegistry, config: Config) -> None:
    """Validate every selector in config (codes, prefixes, slugs) with a did-you-mean."""
    where = str(config.path) if config.path else "<config>"
    for key, values in (("select", config.select or ()), ("extend-select", config.extend_select), ("ignore", config.ignore)):
        for value in values:
            try:
                registry.normalize_selector(value, origin=key)
            except UsageError as exc:
                raise ConfigError(str(exc), where) from None
    for glob, codes in config.per_file_ignores:
        for value in codes:
            try:
                registry.normalize_selector(value, origin=f"per-file-ignores[{glob!r}]")
            except UsageError as exc:
                raise ConfigError(str(exc), where) from None
