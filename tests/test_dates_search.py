"""STY011 searches for dates only near month names and finds what a full scan finds."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editlint.rules.dates import DATE, find_dates

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PIECES = st.sampled_from(
    [
        "Tuesday", "Tue", "Tues.", "Sun", "The Sun", "the", "of", " ", " " * 30, "\n", ", ", "(", ")", "2", "31", "2nd", "21st", "12th",
        "May", "May.", "Sept.", "September", "Jan", "January", "Decision", "March", "Mayor", "2026", "1999", "-", ".", "word " * 6, "٣",
    ]
)


@SETTINGS
@given(st.lists(PIECES, max_size=60).map("".join), st.integers(0, 10), st.integers(0, 10))
def test_find_dates_is_a_full_scan(text, lo, hi):
    start, end = min(lo, len(text)), max(min(lo, len(text)), len(text) - hi)
    want = [(m.start(), m.end()) for m in DATE.finditer(text, start, end)]
    assert [tuple(d.span) for d in find_dates(text, start, end)] == want


def test_a_date_after_a_long_run_of_spaces_is_found():
    text = "On Tuesday," + " " * 80 + "2 May 2026, talks resumed; Mayor Smith spoke on 3 May."
    assert [text[a:b] for (a, b), *_ in find_dates(text)] == ["Tuesday," + " " * 80 + "2 May 2026", "3 May"]
