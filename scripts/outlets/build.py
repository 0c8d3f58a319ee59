"""Build rules/data/outlets.toml from the curated list and the ASD State Media Matrix.

Usage (from the repository root)::

    .venv/bin/python scripts/outlets/build.py \
        --asd ../shared/data/state-media/State_Media_Matrix.csv

Inputs:

* ``scripts/outlets/curated.toml``: hand-written outlets (wires, broadcasters,
  papers and online outlets that matter for international and Middle East
  coverage), with names, aliases, country, ownership, kind, domains, handles.
* the ASD State Media Matrix (Alliance for Securing Democracy at GMF, MIT
  licence): 1,157 rows of state-controlled or state-linked media with
  domains, social profiles, country and typology.

What the merge does:

1. ASD rows are cleaned ("Print: Jiefang Daily" -> "Jiefang Daily", edition
   suffixes and unbalanced brackets dropped, platform URLs turned into
   handles) and grouped by country and outlet name.
2. A group whose domain, handle or name matches a curated outlet is folded
   into it: the curated outlet gains the ASD domains/handles and its
   typology (SC, CaPu, CaPr, ISFM, ISF, ISM, IP).
3. Other groups become outlets of their own. Their names are *strong*
   aliases (matched anywhere in prose) only when distinctive: two or more
   words with one that is not a generic media word, a country or a number.
   Otherwise they are *weak* (matched only where the prose uses them as a
   source), and names that are common English words or countries are
   dropped altogether.
4. A domain, handle or alias claimed by two outlets stays with the curated
   one; between two ASD outlets it is dropped (a name that could mean either
   is useless).

The output is deterministic (sorted by id) so diffs stay reviewable.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import tomllib
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from editlint.outlets import PLATFORM_HOSTS, account_key, registrable_domain, split_url

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CURATED = HERE / "curated.toml"
OUTPUT = ROOT / "rules" / "data" / "outlets.toml"
OUTPUT_ASD = ROOT / "rules" / "data" / "outlets-asd.tsv"
TSV_COLUMNS = ("id", "name", "aliases", "weak", "country", "ownership", "kind", "typology", "state_controlled", "domains", "handles")

OWNERSHIPS = ("state", "public", "private", "wire")
KINDS = ("agency", "broadcaster", "newspaper", "magazine", "online", "radio", "other")
STATE_TYPOLOGIES = frozenset({"SC", "CaPu", "CaPr"})
TYPOLOGY_OWNERSHIP = {"SC": "state", "CaPu": "state", "CaPr": "private", "ISFM": "public", "ISF": "public", "ISM": "public", "IP": "public"}

COUNTRY_NAMES = {
    "UAE": "United Arab Emirates",
    "United States of America": "United States",
    "Palestine territories": "Palestine",
    "Europen Union": "European Union",
    "The Gambia": "Gambia",
}

SOCIAL_COLUMNS = ("Twitter Link", "Telegram Link", "Youtube Link", "Facebook Link", "Instagram Link", "VK Link", "Tiktok Link")

# Words that do not make a name distinctive.
GENERIC_WORDS = frozenset(
    """
    the a of and de la le el al news agency press tv television radio channel network broadcasting
    broadcaster corporation company group media daily weekly online times post journal herald
    tribune gazette newspaper magazine international world national public state service
    first one two three four five six seven eight nine ten fm am live info today new
    """.split()
)
ARTICLES = frozenset("the le la les l el los las al il lo o a die der das de del".split())
PREFIXES = re.compile(
    r"^(?:print(?: media)?|television|tv|radio|online|news agency|newspaper|magazine|website|print & online)\s*:\s*",
    re.IGNORECASE,
)
LANGUAGES = (
    "English Arabic Spanish Español French Français German Deutsch Russian Русский Chinese Japanese Korean "
    "Portuguese Turkish Italian Persian Farsi Urdu Hindi Polish Greek Serbian Georgian Latvian Kurdi Kurdish "
    "Documentary Africa America Europe Global العربية"
).split()
_LANG_SUFFIX = re.compile(r"\s+(?:" + "|".join(map(re.escape, LANGUAGES)) + r")$")


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "outlet"


def host_of(url: str) -> tuple[str, str]:
    """Return (host, path) of a URL written with or without a scheme."""
    return split_url(url)


def registrable(host: str) -> str:
    return registrable_domain(host)


def handle_of(url: str) -> str | None:
    """``https://www.twitter.com/Foo/`` -> ``x.com/Foo``; None if not a profile page."""
    key = account_key(url)
    if key is None:
        return None
    account = key.split("/", 1)[1]
    if not re.fullmatch(r"[\w.@/-]+", account) or account in ("share", "home", "profile.php", "watch", "s", "i"):
        return None
    if key.startswith("tiktok.com/") and not account.startswith("@"):
        return None
    # keep the account's spelling as written (matching ignores case anyway)
    written = {part.casefold(): part for part in split_url(url)[1].split("/") if part}
    pieces = key.split("/")
    pieces[-1] = written.get(pieces[-1], pieces[-1])
    return "/".join(pieces)


def clean_name(raw: str) -> tuple[str, list[str]]:
    """Return (display name, acronyms) for an ASD "Main assets" cell."""
    name = " ".join(raw.split())
    name = PREFIXES.sub("", name)
    acronyms: list[str] = []
    if name.count("(") > name.count(")"):  # "Al Ahram Publishing House (Al Ahram"
        name = name[: name.rfind("(")].strip()
    name = re.sub(r"^[^()]*\)\s*$", lambda m: m.group().rstrip(") "), name)
    for inner in re.findall(r"\(([^()]*)\)", name):
        if re.fullmatch(r"[A-Z][A-Z0-9&-]{1,6}", inner.strip()):
            acronyms.append(inner.strip())
    name = re.sub(r"\s*\([^()]*\)", "", name).strip(" -–,)")
    name = _LANG_SUFFIX.sub("", name).strip()
    return name, acronyms


def kind_of(raw: str, name: str) -> str:
    low = raw.lower()
    if low.startswith(("print", "newspaper")):
        return "newspaper"
    if low.startswith(("television", "tv:")):
        return "broadcaster"
    if low.startswith("radio"):
        return "radio"
    if low.startswith("online") or low.startswith("website"):
        return "online"
    if low.startswith("news agency") or re.search(r"\b(?:news agency|press agency|agency)\b", low):
        return "agency"
    if low.startswith("magazine") or "magazine" in low:
        return "magazine"
    words = set(re.findall(r"\w+", name.lower()))
    if words & {"tv", "television", "channel", "broadcasting", "kanal", "telewizja", "televisión", "televizija"}:
        return "broadcaster"
    if words & {"radio", "fm", "radyo"}:
        return "radio"
    if words & {"daily", "times", "gazette", "post", "tribune", "herald", "gazeta", "pravda", "newspaper", "journal"}:
        return "newspaper"
    return "other"


def load_easy_words() -> frozenset[str]:
    """Common English words (textstat's Dale-Chall list), to drop ASD names like "Star"."""
    try:
        import textstat

        path = Path(textstat.__file__).parent / "resources" / "en" / "easy_words.txt"
        return frozenset(w.strip().lower() for w in path.read_text(encoding="utf-8").split())
    except Exception:  # the build still works, just more conservatively below
        return frozenset()


def read_curated() -> dict[str, dict]:
    data = tomllib.loads(CURATED.read_text(encoding="utf-8"))
    out = {}
    for oid, entry in data.items():
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", oid):
            sys.exit(f"curated.toml: bad id {oid!r}")
        entry = dict(entry)
        entry.setdefault("aliases", [])
        entry.setdefault("weak", [])
        entry.setdefault("domains", [])
        entry.setdefault("handles", [])
        if entry.get("ownership") not in (*OWNERSHIPS, None):
            sys.exit(f"curated.toml: {oid}: bad ownership {entry.get('ownership')!r}")
        if entry.get("kind") not in KINDS:
            sys.exit(f"curated.toml: {oid}: bad kind {entry.get('kind')!r}")
        entry["source"] = "curated"
        out[oid] = entry
    return out


def read_asd(path: Path) -> list[dict]:
    """Group the matrix rows into candidate outlets."""
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    groups: dict[tuple[str, str], dict] = {}
    for row in rows:
        country = COUNTRY_NAMES.get(row["Country"].strip(), row["Country"].strip())
        raw = row["Main assets"].strip() or row["Media company"].strip()
        if not country or not raw:
            continue
        name, acronyms = clean_name(raw)
        if not name or len(name) < 2:
            continue
        typology = row["Typology"].strip().rstrip("?") or None
        key = (country, name.lower())
        group = groups.setdefault(
            key,
            {"name": name, "country": country, "typologies": Counter(), "domains": [], "handles": [], "acronyms": [], "kinds": Counter(), "company": row["Media company"].strip()},
        )
        if typology:
            group["typologies"][typology] += 1
        group["kinds"][kind_of(raw, name)] += 1
        group["acronyms"].extend(a for a in acronyms if a not in group["acronyms"])
        url = row["URL"].strip()
        if url:
            handle = handle_of(url)
            if handle:
                group["handles"].append(handle)
            else:
                host, _ = host_of(url)
                if "." in host and host not in PLATFORM_HOSTS and re.fullmatch(r"[a-z0-9.-]+", host):
                    group["domains"].append(host)
        for column in SOCIAL_COLUMNS:
            value = row.get(column, "").strip()
            if value:
                handle = handle_of(value)
                if handle:
                    group["handles"].append(handle)
    return list(groups.values())


def _dedupe(items):
    seen, out = set(), []
    for item in items:
        key = item.lower()
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def build(asd_path: Path | None) -> tuple[dict[str, dict], list[str]]:
    curated = read_curated()
    log: list[str] = []
    outlets: dict[str, dict] = {oid: dict(e) for oid, e in curated.items()}
    domain_owner: dict[str, str] = {}
    handle_owner: dict[str, str] = {}
    name_owner: dict[tuple[str, str], str] = {}
    for oid, e in outlets.items():
        for d in e["domains"]:
            domain_owner[registrable(d.lower())] = oid
            domain_owner[d.lower()] = oid
        for h in e["handles"]:
            handle_owner[h.lower()] = oid
        for n in [e["name"], e.get("short", ""), *e["aliases"]]:
            if n:
                name_owner[(e["country"], n.lower())] = oid

    asd_groups = read_asd(asd_path) if asd_path else []
    easy = load_easy_words()
    countries = {g["country"].lower() for g in asd_groups} | {e["country"].lower() for e in outlets.values()}
    new: dict[str, dict] = {}
    for g in asd_groups:
        reg_domains = _dedupe(registrable(d) for d in g["domains"])
        target = None
        for d in [*g["domains"], *reg_domains]:
            target = target or domain_owner.get(d)
        for h in g["handles"]:
            target = target or handle_owner.get(h.lower())
        target = target or name_owner.get((g["country"], g["name"].lower()))
        typology = g["typologies"].most_common(1)[0][0] if g["typologies"] else None
        if target and target in outlets:
            e = outlets[target]
            if e["source"] == "curated":
                e["source"] = "curated+asd"
            if typology and not e.get("typology"):
                e["typology"] = typology
            e.setdefault("_asd_names", []).append(g["name"])
            for d in reg_domains:
                if d not in domain_owner:
                    domain_owner[d] = target
                    e["domains"].append(d)
            for h in g["handles"]:
                if h.lower() not in handle_owner:
                    handle_owner[h.lower()] = target
                    e["handles"].append(h)
            continue
        # a new outlet from the ASD table
        base = slug(g["name"])
        oid = base if base not in outlets and base not in new else f"{base}-{slug(g['country'])}"
        n = 2
        while oid in outlets or oid in new:
            oid, n = f"{base}-{slug(g['country'])}-{n}", n + 1
        domains = []
        for d in reg_domains:
            if d in domain_owner:
                log.append(f"domain {d} of ASD {g['name']!r} ({g['country']}) already belongs to {domain_owner[d]}")
                continue
            domain_owner[d] = oid
            domains.append(d)
        handles = []
        for h in _dedupe(g["handles"]):
            if h.lower() in handle_owner:
                continue
            handle_owner[h.lower()] = oid
            handles.append(h)
        strong, weak = classify_names(g["name"], g["acronyms"], easy, countries)
        kind = g["kinds"].most_common(1)[0][0]
        entry = {
            "name": g["name"],
            "aliases": strong,
            "weak": weak,
            "country": g["country"],
            "ownership": TYPOLOGY_OWNERSHIP.get(typology or "", "public"),
            "kind": kind,
            "typology": typology,
            "domains": domains,
            "handles": handles,
            "source": "asd",
        }
        new[oid] = entry
        name_owner.setdefault((g["country"], g["name"].lower()), oid)
    outlets.update(new)

    # finalise curated outlets: ownership and state control from the typology when unset
    for oid, e in outlets.items():
        typology = e.get("typology")
        if not e.get("ownership"):
            if not typology:
                sys.exit(f"{oid}: no ownership and no ASD typology to derive it from")
            e["ownership"] = TYPOLOGY_OWNERSHIP[typology]
        if "state_controlled" not in e:
            e["state_controlled"] = (typology in STATE_TYPOLOGIES) if typology else e["ownership"] == "state"
        if e["source"] != "asd" and typology and (typology in STATE_TYPOLOGIES) != (e["ownership"] == "state") and e["ownership"] != "private":
            log.append(f"note: {oid} is {e['ownership']} in curated.toml but {typology} in the ASD table")
        e["domains"] = _dedupe(e["domains"])
        e["handles"] = _dedupe(e["handles"])

    resolve_name_conflicts(outlets, log)
    return outlets, log


def classify_names(name: str, acronyms: list[str], easy: frozenset[str], countries: set[str]) -> tuple[list[str], list[str]]:
    """Decide which names of an ASD-only outlet may match anywhere (strong) or only as a source (weak)."""
    strong: list[str] = []
    weak: list[str] = []
    words = re.findall(r"[\w'’.-]+", name)
    lowered = [w.lower().strip(".") for w in words]
    # articles do not make a name longer: "Le Matin", "Al Watan" are one-word names
    content = [w for w in lowered if w not in ARTICLES]
    def common(w: str) -> bool:
        return w in GENERIC_WORDS or w in countries or w in easy or w.rstrip("s") in easy or any(c.isdigit() for c in w) or len(w) < 3

    distinctive = [w for w in content if not common(w)]
    if len(content) >= 2 and distinctive and not name.lower().startswith("the ") and not all(w in countries for w in distinctive):
        strong.append(name)
    elif len(content) >= 2:
        weak.append(name)
    elif content and len(content[0]) >= 4 and content[0] not in easy and content[0] not in countries and content[0] not in GENERIC_WORDS:
        weak.append(name)
    for a in acronyms:  # three-letter acronyms (ABC, NTV) mean too many things
        if len(a) >= 4 and a.lower() not in easy:
            weak.append(a)
    return strong, weak


def resolve_name_conflicts(outlets: dict[str, dict], log: list[str]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for oid, e in outlets.items():
        for n in {e["name"], *e.get("aliases", []), *e.get("weak", [])}:
            owners[n.lower()].add(oid)
    for key, ids in owners.items():
        if len(ids) < 2:
            continue
        curated = {i for i in ids if outlets[i]["source"] != "asd"}
        keep = curated if len(curated) == 1 else set()
        for oid in ids - keep:
            e = outlets[oid]
            e["aliases"] = [a for a in e.get("aliases", []) if a.lower() != key]
            e["weak"] = [a for a in e.get("weak", []) if a.lower() != key]
            if e["name"].lower() == key:
                e["ambiguous_name"] = True
        log.append(f"name {key!r} is shared by {sorted(ids)}: kept for {sorted(keep) or 'none'}")


# -- output ---------------------------------------------------------------------

HEADER = """\
# editlint outlet registry. GENERATED by scripts/outlets/build.py: do not edit
# by hand; edit scripts/outlets/curated.toml and rebuild (see that script).
#
# Sources: the hand-curated list in scripts/outlets/curated.toml, and the
# State Media Matrix of the Alliance for Securing Democracy at GMF
# (ASD-at-GMF/state-media-profiles, commit d878fee, 2024-02-07), MIT licence,
# Copyright (c) 2023 ASD-at-GMF: see LICENSE-state-media.txt in this folder.
# Entries with source = "asd" or "curated+asd" contain data derived from it.
#
# Fields: name, short, aliases (matched anywhere, like the name unless
# match_name = false), weak (matched only where used as a source), country, ownership (state|public|private|wire), kind,
# typology (raw ASD code: SC state-controlled, CaPu captured public, CaPr
# captured private, ISFM/ISF/ISM independent state-funded and/or -managed,
# IP independent public), state_controlled, domains, handles, source.
"""


def _toml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _toml_list(values) -> str:
    return "[" + ", ".join(_toml_str(v) for v in values) + "]"


def render(outlets: dict[str, dict]) -> str:
    """The curated outlets (with what the ASD table adds to them) as TOML."""
    lines = [HEADER]
    for oid in sorted(i for i, e in outlets.items() if e["source"] != "asd"):
        e = outlets[oid]
        lines.append(f"[outlets.{oid}]")
        lines.append(f"name = {_toml_str(e['name'])}")
        if e.get("short") and e["short"] != e["name"]:
            lines.append(f"short = {_toml_str(e['short'])}")
        aliases = [a for a in _dedupe(e.get("aliases", [])) if a != e["name"]]
        if aliases:
            lines.append(f"aliases = {_toml_list(aliases)}")
        if e.get("weak"):
            lines.append(f"weak = {_toml_list(_dedupe(e['weak']))}")
        if e.get("ambiguous_name"):
            lines.append("match_name = false")
        lines.append(f"country = {_toml_str(e['country'])}")
        lines.append(f"ownership = {_toml_str(e['ownership'])}")
        lines.append(f"kind = {_toml_str(e['kind'])}")
        if e.get("typology"):
            lines.append(f"typology = {_toml_str(e['typology'])}")
        lines.append(f"state_controlled = {'true' if e['state_controlled'] else 'false'}")
        if e["domains"]:
            lines.append(f"domains = {_toml_list(e['domains'])}")
        if e["handles"]:
            lines.append(f"handles = {_toml_list(e['handles'])}")
        lines.append(f"source = {_toml_str(e['source'])}")
        lines.append("")
    return "\n".join(lines)


TSV_HEADER = """\
# editlint outlet registry, part 2: outlets known only from the ASD State Media
# Matrix (Alliance for Securing Democracy at GMF, ASD-at-GMF/state-media-profiles,
# commit d878fee, 2024-02-07; MIT licence, Copyright (c) 2023 ASD-at-GMF: see
# LICENSE-state-media.txt). GENERATED by scripts/outlets/build.py: do not edit.
#
# Tab-separated, one outlet per line (a compact table: tomllib would take
# ~70 ms to read it as TOML, this takes a few). Lists are "|"-separated.
# The display name is matched in prose only when it is listed in `aliases`
# (see outlets.toml for what the fields mean). Columns:
"""


def render_tsv(outlets: dict[str, dict]) -> str:
    """The outlets known only from the ASD table, one tab-separated line each."""
    lines = [TSV_HEADER + "# " + "\t".join(TSV_COLUMNS)]
    for oid in sorted(i for i, e in outlets.items() if e["source"] == "asd"):
        e = outlets[oid]
        cells = [
            oid,
            e["name"],
            "|".join(_dedupe(e.get("aliases", []))),
            "|".join(_dedupe(e.get("weak", []))),
            e["country"],
            e["ownership"],
            e["kind"],
            e.get("typology") or "",
            "1" if e["state_controlled"] else "0",
            "|".join(e["domains"]),
            "|".join(e["handles"]),
        ]
        if any("\t" in c or "\n" in c for c in cells):
            sys.exit(f"{oid}: a cell contains a tab or a line break")
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--asd", type=Path, help="path of State_Media_Matrix.csv (omit to build from the curated list only)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--output-asd", type=Path, default=OUTPUT_ASD)
    parser.add_argument("--verbose", action="store_true", help="print merge notes")
    args = parser.parse_args(argv)
    outlets, log = build(args.asd)
    text = render(outlets)
    tomllib.loads(text)  # the output must parse
    args.output.write_text(text, encoding="utf-8")
    args.output_asd.write_text(render_tsv(outlets), encoding="utf-8")
    counts = Counter(e["source"] for e in outlets.values())
    print(f"wrote {args.output} and {args.output_asd}: {len(outlets)} outlets ({dict(counts)}); {len(log)} merge notes")
    if args.verbose:
        print("\n".join(log))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
