"""RDB002 bounds a sentence's words by its runs of letters and digits before counting them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from editlint.rules.readability import WORD, _alnum_runs

PIECES = st.sampled_from(["word", "U.S.", "don't", "F-35", "1,000", "a/b", "(x)y", "—", " ", "\n", "é", "²", "_", "£5.3m", "’s", "ς", "\u2019"])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_runs_bound_the_word_count(text):
    runs = _alnum_runs(text)
    if not runs:
        assert not text.encode("latin-1", "ignore") or any(ord(c) > 255 for c in text)
        return
    assert len(runs) == len(text)
    for a in range(0, len(text), 7):
        for b in range(a, len(text) + 1, 5):
            assert len(runs[a:b].split()) >= len(WORD.findall(text, a, b))
