"""The result cache keeps the lines findings touch: cached output without reading drafts."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from editlint.cache import ResultCache
from editlint.diagnostic import Diagnostic, Fix, Severity
from editlint.document.span import LineIndex, Span
from editlint.excerpt import SourceLines, spans_of

# -- SourceLines answers as the text does ----------------------------------------------------

TEXTS = [
    "",
    "one line, no newline",
    "ends with a newline\n",
    "a\r\nb\r\n\r\nc",
    "\n\n\nthree blank lines first",
    "Zarif’s line\nGölcük\r\n\rodd carriage return\n\n",
    "x" * 50 + "\n" + "y" * 80 + "\n" + "z",
]


@pytest.mark.parametrize("text", TEXTS)
def test_source_lines_agree_with_the_text(text):
    rnd = random.Random(len(text))
    index = LineIndex(text)
    n = len(text)
    for _ in range(200):
        a = rnd.randint(0, n + 2)
        b = rnd.randint(a, n + 3)
        lines = SourceLines.covering(text, [(a, b)])
        for offset in (a, b):
            assert lines.position(offset) == index.position(offset)
        start = index.position(a)
        assert lines.line_text(start.line) == text[slice(*index.line_span(start.line, text))]
        assert lines.slice(a, b) == text[a:b]
        assert SourceLines.from_list(json.loads(json.dumps(lines.to_list()))) == lines


def test_source_lines_say_when_they_cannot_answer():
    text = "first\nsecond\nthird\n"
    lines = SourceLines.covering(text, [(0, 2)])
    assert lines.numbers == [1]
    assert lines.position(8) is None and lines.line_text(2) is None
    assert lines.slice(0, 10) is None  # runs into a line that was not kept
    both = SourceLines.covering(text, [(0, 2), (14, 15)])
    assert both.numbers == [1, 3] and both.slice(0, 15) is None and both.slice(14, 16) == "hi"


@pytest.mark.parametrize("raw", [[], [3, 1, 0], [3, "1", 0, "abc"], ["x"], [3, 1, 0, 5]])
def test_malformed_source_lines_are_refused(raw):
    with pytest.raises((ValueError, IndexError, TypeError)):
        SourceLines.from_list(raw)


# -- the cache file ---------------------------------------------------------------------------


def _diag(path: str, start: int, end: int, **extra) -> Diagnostic:
    return Diagnostic("TST001", "flag-foo", Severity.WARNING, f"message {start}", Span(start, end), path, **extra)


def test_entries_round_trip(tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text("foo bar\nsecond line\n", encoding="utf-8")
    diags = [
        _diag(str(draft), 0, 3, confidence=0.5, fix=Fix.replace(Span(0, 3), "baz", safe=False, title="t"), help="h", notes=("n1", "n2"), data={"k": [1, 2], "z": "ä"}),
        _diag(str(draft), 8, 14, data=None),
        _diag(str(draft), 8, 14, data={}),
    ]
    lines = SourceLines.covering(draft.read_text(encoding="utf-8"), spans_of(diags))
    cache = ResultCache(tmp_path / "c", "k")
    cache.put(draft, diags, {"words": 3}, lines)
    cache.save()
    back = ResultCache(tmp_path / "c", "k").get(draft)
    assert back is not None
    assert back.diagnostics == diags and back.summary == {"words": 3} and back.lines == lines
    # each finding gets its own data dict
    again = ResultCache(tmp_path / "c", "k").get(draft)
    assert again.diagnostics[0].data is not back.diagnostics[0].data


def test_concurrent_saves_merge_and_compaction_keeps_entries(tmp_path):
    files = []
    for i in range(3):
        f = tmp_path / f"d{i}.md"
        f.write_text(f"text {i}\n", encoding="utf-8")
        files.append(f)
    one, two = ResultCache(tmp_path / "c", "k"), ResultCache(tmp_path / "c", "k")
    one.put(files[0], [_diag(str(files[0]), 0, 4, help="only in one")], {})
    two.put(files[1], [_diag(str(files[1]), 0, 4, help="only in two")], {})
    one.save()
    two.save()  # appends its strings to the table one wrote
    fresh = ResultCache(tmp_path / "c", "k")
    assert fresh.get(files[0]).diagnostics[0].help == "only in one"
    assert fresh.get(files[1]).diagnostics[0].help == "only in two"
    # many rewrites of one entry leave unused strings; compaction drops them
    for round_ in range(1500):
        c = ResultCache(tmp_path / "c", "k") if round_ % 500 == 0 else c
        c.put(files[2], [_diag(str(files[2]), 0, 4, help=f"round {round_}")], {})
    c.save()
    for round_ in range(1200):
        c.put(files[2], [_diag(str(files[2]), 0, 4, help=f"again {round_}")], {})
        if round_ % 100 == 0:
            c.save()
    c.save()
    raw = json.loads(c.file.read_text(encoding="utf-8"))
    assert len(raw["strings"]) < 1500
    final = ResultCache(tmp_path / "c", "k")
    assert final.get(files[0]).diagnostics[0].help == "only in one"
    assert final.get(files[2]).diagnostics[0].help == "again 1199"

def _drafts_folder(tmp_path, monkeypatch) -> None:
    """Write DRAFTS under tmp_path/drafts and work from tmp_path."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    for name, text in DRAFTS.items():
        (folder / name).write_text(text, encoding="utf-8", newline="")
    monkeypatch.chdir(tmp_path)



@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw["entries"].update({k: [v[0], v[1], [[999999] + v[2][0][1:]], v[3], v[4]] for k, v in raw["entries"].items()}),
        lambda raw: raw["entries"].update({k: [v[0], v[1], v[2], "not a dict", v[4]] for k, v in raw["entries"].items()}),
        lambda raw: raw["entries"].update({k: [v[0], v[1], [["x"]], v[3], v[4]] for k, v in raw["entries"].items()}),
        lambda raw: raw.update({"format": 1}),
        lambda raw: raw.update({"strings": "nope"}),
    ],
)
def test_damaged_entries_are_misses(tmp_path, damage):
    draft = tmp_path / "d.md"
    draft.write_text("foo\n", encoding="utf-8")
    cache = ResultCache(tmp_path / "c", "k")
    cache.put(draft, [_diag(str(draft), 0, 3)], {}, SourceLines.covering("foo\n", [(0, 3)]))
    cache.save()
    raw = json.loads(cache.file.read_text(encoding="utf-8"))
    damage(raw)
    cache.file.write_text(json.dumps(raw), encoding="utf-8")
    assert ResultCache(tmp_path / "c", "k").get(draft) is None


# -- end to end: cached output equals fresh output, and drafts are not read ------------------

DRAFTS = {
    "a.md": "# Title\n\nSources said 300 troops left.  The the deal was signed in 2019 by officals.\n\n"
    "Critics argue it could collapse. It might fail. Analysts may well say so.\n",
    "b.txt": "Gölcük’s mayor said 40% of homes fell.\r\nThe US maintains 35,000 troops in Germany.\r\n\r\nTK\r\n",
    "c.md": "\"We will not negotiate under pressure.\" The talks stalled on Tuesday.\n\nThe cost rose from 5 to 9 per cent in the 1990s.",
    "empty.md": "",
}


@pytest.mark.parametrize("fmt", ["full", "concise", "json", "sarif", "github"])
def test_cached_output_equals_fresh_without_reading_drafts(run_cli, tmp_path, monkeypatch, fmt):
    _drafts_folder(tmp_path, monkeypatch)
    args = ("--isolated", "--select", "ALL", "--format", fmt, "--statistics", "drafts")
    fresh = run_cli(*args)
    assert fresh.out and "Traceback" not in fresh.err

    import editlint.runner

    def no_reading(*a, **k):
        raise AssertionError("a cached draft was read again")

    monkeypatch.setattr(editlint.runner, "read_source", no_reading)
    cached = run_cli(*args)
    assert (cached.code, cached.out, cached.err) == (fresh.code, fresh.out, fresh.err)


def test_a_formatter_that_wants_text_still_gets_it(tmp_path):
    from editlint.runner import RunOptions, Session

    draft = tmp_path / "d.md"
    draft.write_text(DRAFTS["a.md"], encoding="utf-8")
    Session(RunOptions(isolated=True, select=("ALL",))).run([str(draft)])
    second = Session(RunOptions(isolated=True, select=("ALL",))).run([str(draft)])  # excerpts not accepted
    assert second.files[0].cached and second.files[0].text == DRAFTS["a.md"]
    third = Session(RunOptions(isolated=True, select=("ALL",), excerpts=True)).run([str(draft)])
    result = third.files[0]
    assert result.cached and result.text is None and result.excerpt is not None
    assert result.text_loader() == DRAFTS["a.md"]


def test_baseline_from_cached_results_matches(run_cli, tmp_path, monkeypatch):
    _drafts_folder(tmp_path, monkeypatch)
    run_cli("--isolated", "--no-cache", "--write-baseline", "fresh.json", "drafts")
    run_cli("--isolated", "--write-baseline", "warmup.json", "drafts")
    run_cli("--isolated", "--write-baseline", "cached.json", "drafts")
    assert Path("fresh.json").read_text(encoding="utf-8") == Path("cached.json").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "path",
    ["d.md", "a/b.md", "./a/b.md", "a/../c/b.md", "a//b.md", "/abs/x.md", "/x.md", "../up/x.md", "a/./b.md", ".hidden/x.md"],
)
def test_absolute_paths_are_worked_out_as_abspath_does(path):
    import os

    from editlint.cache import _absolute

    folders: dict[str, str] = {}
    assert _absolute(path, folders) == os.path.abspath(path)
    assert _absolute(path, folders) == os.path.abspath(path)  # from the memo


def test_discovered_paths_are_those_path_gives(tmp_path):
    from editlint.files import discover

    (tmp_path / "sub").mkdir()
    for name in ("a.md", "b.txt", "sub/c.md", "skip.py"):
        (tmp_path / name).write_text("x\n")
    for top in (str(tmp_path), str(tmp_path) + "/", str(tmp_path / "sub")):
        found = list(discover([top], [], tmp_path))
        assert [str(p) for p in found] == [str(Path(str(p))) for p in found]
        assert all(type(p) is type(Path(str(p))) and p == Path(str(p)) for p in found)
    assert [p.name for p in discover([str(tmp_path)], ["sub"], tmp_path)] == ["a.md", "b.txt"]


def test_one_line_formats_do_not_read_the_lines_and_text_formats_survive_losing_them(run_cli, tmp_path, monkeypatch):
    import editlint.cache

    _drafts_folder(tmp_path, monkeypatch)
    outputs = {fmt: run_cli("--isolated", "--select", "ALL", "--format", fmt, "drafts").out for fmt in ("concise", "full", "sarif")}
    reads = []
    real = editlint.cache._read_lines
    monkeypatch.setattr(editlint.cache, "_read_lines", lambda file: reads.append(file) or real(file))
    assert run_cli("--isolated", "--select", "ALL", "--format", "concise", "drafts").out == outputs["concise"]
    assert reads == []  # positions come with the findings
    assert run_cli("--isolated", "--select", "ALL", "--format", "full", "drafts").out == outputs["full"]
    assert len(reads) == 1
    # lines lost (or stale): the drafts are read instead, with the same output
    import os

    for root, _, names in os.walk(os.environ["EDITLINT_CACHE_DIR"]):
        for name in names:
            if name.endswith(".lines.json"):
                os.unlink(os.path.join(root, name))
    for fmt in ("full", "sarif"):
        assert run_cli("--isolated", "--select", "ALL", "--format", fmt, "drafts").out == outputs[fmt]
