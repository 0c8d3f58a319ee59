"""The document model's fast paths give what the general code gives."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editlint.document import sentences
from editlint.document.inline import may_contain_url, scan_inline
from editlint.document.mask import blank
from editlint.document.quotes import _marked_spans, _straight_spans, quote_spans

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PIECES = st.sampled_from(
    [
        ". ", ".", "..", ".\" ", ".” ", ".) ", " ", "  ", "\n", "\t", "\u00a0", "The ", "the ", "U.S. ", "Dr. ", "No. ", "no. ", "10",
        "etc. ", "et al. ", "J. K. ", "e.g. ", "word", "Word", "É", "é", "\"", "“", "”", "’", "'", "(", "[", "Zarif’s ", "said",
    ]
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)


@SETTINGS
@given(TEXTS.filter(lambda t: not any(c in t for c in "!?…")))
def test_full_stop_boundaries_are_the_general_boundaries_without_other_marks(text):
    def found(pattern):
        return [(m.span(), m.span(1), m.group(2)) for m in pattern.finditer(text)]

    assert found(sentences._DOT_BOUNDARY) == found(sentences._BOUNDARY)


@SETTINGS
@given(TEXTS.filter(lambda t: "“" not in t and "‘" not in t), st.integers(0, 5), st.integers(0, 5))
def test_straight_quote_pairing_is_the_general_pairing(text, lo, hi):
    start, end = min(lo, len(text)), max(min(lo, len(text)), len(text) - hi)
    assert _straight_spans(text, start, end) == _marked_spans(text, start, end) == quote_spans(text, start, end)


def test_blank_keeps_line_breaks_and_blanks_the_rest():
    assert blank("\n\r\n") == "\n\r\n"
    assert blank("a\nbc\r\n") == " \n  \r\n"


URLISH = st.lists(st.sampled_from(["see ", "https://", "HTTP://", "www.", "WWW.", "Www.", "t.me/", "x.com/", "twitter.com/", "a.com/", "b", ".", "/", " ", "ftp://"]), max_size=12).map("".join)


@SETTINGS
@given(URLISH)
def test_the_url_gate_never_hides_a_bare_url(text):
    found = [link for link in scan_inline(text, 0, len(text), markdown=False).links if link.kind == "bare"]
    assert may_contain_url(text) or not found
