"""STY011 helpers: finding dates, inferring years, keeping the weekday's style."""

from __future__ import annotations

import datetime as dt

import pytest

from editlint.rules.dates import _closest_year, _restyle, find_dates


@pytest.mark.parametrize(
    ("text", "weekday", "day", "month", "year"),
    [
        ("on Tuesday, 2 May 2026.", 1, 2, 5, 2026),
        ("on Tue May 2, 2026", 1, 2, 5, 2026),
        ("on Tues. the 2nd of May", 1, 2, 5, None),
        ("on Thursday (7 Sept.)", 3, 7, 9, None),
        ("published on 2 May 2026", None, 2, 5, 2026),
        ("The Sun, 3 May 2026", None, 3, 5, 2026),
    ],
)
def test_find_dates(text, weekday, day, month, year):
    (found,) = find_dates(text)
    assert (found.weekday, found.day, found.month, found.year) == (weekday, day, month, year)


def test_not_dates():
    assert find_dates("On Tuesday 12 people died; May 2026 was wet; he may 2 times.") == []


def test_closest_year_crosses_the_new_year():
    assert _closest_year(dt.date(2025, 12, 30), 1, 2) == 2026
    assert _closest_year(dt.date(2026, 1, 3), 12, 28) == 2025
    assert _closest_year(dt.date(2026, 5, 1), 5, 3) == 2026


@pytest.mark.parametrize(("old", "new"), [("Tuesday", "Saturday"), ("Tue", "Sat"), ("Tues", "Sat"), ("Thurs", "Thurs")])
def test_restyle_keeps_the_form(old, new):
    weekday = {"Saturday": 5, "Sat": 5, "Thurs": 3}[new]
    assert _restyle(old, weekday) == new
