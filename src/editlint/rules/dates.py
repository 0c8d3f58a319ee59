"""STY011: a date that contradicts itself ("Tuesday, 2 May 2026" when 2 May 2026 is a Saturday).

Recognised forms, with or without commas, full or abbreviated names
("Tue", "Tues.", "Sept."), ordinals ("2nd") and "the"/"of":

* weekday before day-month: "Tuesday 2 May 2026", "Tue, 2nd of May", "Tuesday (2 May)"
* weekday before month-day: "Tuesday, May 2, 2026", "Tuesday May 2nd"

Year policy: a date with its year is checked as written. A date without a
year is checked only when the year can be inferred: from the nearest full
date in the draft (preferring one before it) or the front matter's
``date``, choosing among that year and its neighbours the one that puts the
date closest to the reference (so "Friday 2 January" after "30 December
2025" is read as 2026). Without a reference date the rule stays silent.

Fix: an unsafe fix changes the weekday to the one the date falls on, in the
same style ("Tue" → "Sat"). The date is more often the checked fact (it
comes from the source or the dateline), the weekday the hand-typed part,
but either may be wrong, hence unsafe; the help line names the nearest
dates that do fall on the stated weekday.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from typing import Iterator, NamedTuple

from editlint.diagnostic import Diagnostic, Fix, Severity
from editlint.document import Document, Span
from editlint.hookspecs import hookimpl
from editlint.rule import Rule

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_FORMS = {
    0: ("Monday", "Mon"),
    1: ("Tuesday", "Tues", "Tue"),
    2: ("Wednesday", "Wed"),
    3: ("Thursday", "Thurs", "Thur", "Thu"),
    4: ("Friday", "Fri"),
    5: ("Saturday", "Sat"),
    6: ("Sunday", "Sun"),
}
WEEKDAY_OF = {form: i for i, forms in _WEEKDAY_FORMS.items() for form in forms}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
MONTH_OF = {m: i + 1 for i, m in enumerate(MONTHS)}
MONTH_OF.update({m[:3]: i + 1 for i, m in enumerate(MONTHS)})
MONTH_OF["Sept"] = 9

_WD = r"(?P<wd>" + "|".join(sorted(WEEKDAY_OF, key=len, reverse=True)) + r")\.?"
# Full names take no dot ("May." ends a sentence); abbreviations may ("Sept.").
_MONTH = "|".join(MONTHS) + "|(?:" + "|".join(sorted((m for m in MONTH_OF if m not in MONTHS), key=len, reverse=True)) + r")\.?"
_DAY = r"(?:the\s+)?(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<{name}>(?:1[6-9]|2\d)\d\d)(?![\d-]))?"
_DMY = _DAY.format(name="d1") + r"\s+(?:of\s+)?(?P<m1>" + _MONTH + r")(?!\w)" + _YEAR.format(name="y1")
_MDY = r"(?P<m2>" + _MONTH + r")\s+" + _DAY.format(name="d2") + r"(?![\d\w])" + _YEAR.format(name="y2")
#: A date, with an optional weekday before it. Starts with a capital or a digit.
DATE = re.compile(
    r"(?<![\w.])(?:" + _WD + r"(?:,\s*|\s+|\s*\(\s*))?(?:" + _DMY + "|" + _MDY + r")(?!\w)"
)
# "The Sun, 2 May" is a newspaper, not a Sunday: skip abbreviations after "the".
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")


class DateMention(NamedTuple):
    span: Span
    weekday: int | None
    weekday_span: Span | None
    weekday_text: str
    day: int
    month: int
    year: int | None
    dmy: bool


# Every date contains a month, and every month name starts with one of these:
# they never overlap, so one scan finds every place a date can be.
_MONTH_START = re.compile("|".join(m[:3] for m in MONTHS))
# Between the start of a date and its month there are at most 20 characters
# that are not white space ("Wednesday., the 31st of ").
_BEFORE_MONTH = 20
_WINDOW = 64
# What follows the first three letters of a month that starts a date.
_AFTER_MONTH = re.compile(r"[a-z]*\.?\s+(?:the\s+)?\d")
_DIGIT = re.compile(r"\d")


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date expression in ``text[start:end]``."""
    end = len(text) if end is None else end
    return _dates_near(text, start, end, [m.start() for m in _MONTH_START.finditer(text, start, end)])


def _matches(text: str, start: int, end: int, months: list[int]) -> Iterator[re.Match]:
    """``DATE.finditer(text, start, end)``, searching only near the ``months``.

    DATE starts with a lookbehind, so re tries it at every character; most
    text is far from any month. The next match after ``pos`` contains the
    first month ``q`` at or after ``pos`` that can be part of a date (or a
    later one), so it cannot start before a point with more than 20
    non-space characters between it and ``q``: the search starts there, and
    finds what ``finditer`` would.
    """
    pos = start
    for q in months:
        if q < pos:
            continue
        w = q - _WINDOW
        if w <= pos or len("".join(text[w:q].split())) <= _BEFORE_MONTH:
            w = pos
        # A month is part of a date only with a day number after it ("May 2",
        # "May the 2nd") or before it, across white space ("2 May", "2nd of
        # May"); "Mayor", "March on" and "Decision" are passed over.
        if not (_AFTER_MONTH.match(text, q + 3, end) or (q > w and text[q - 1].isspace() and _DIGIT.search(text, w, q))):
            continue
        m = DATE.search(text, w, end)
        if m is None:
            return
        yield m
        pos = m.end()


def _dates_near(text: str, start: int, end: int, months: list[int]) -> list[DateMention]:
    out = []
    for m in _matches(text, start, end, months):
        dmy = m.group("d1") is not None
        day = int(m.group("d1") if dmy else m.group("d2"))
        month = MONTH_OF[(m.group("m1") if dmy else m.group("m2")).rstrip(".")]
        year = m.group("y1") if dmy else m.group("y2")
        wd = m.group("wd")
        weekday = weekday_span = None
        if wd is not None and not (len(wd) <= 4 and _THE_BEFORE.search(text, max(0, m.start() - 8), m.start())):
            weekday, weekday_span = WEEKDAY_OF[wd], Span(m.start("wd"), m.end("wd"))
        out.append(DateMention(Span(m.start(), m.end()), weekday, weekday_span, wd or "", day, month, int(year) if year else None, dmy))
    return out


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _restyle(old: str, weekday: int) -> str:
    full = WEEKDAYS[weekday]
    if old in WEEKDAYS:
        return full
    forms = _WEEKDAY_FORMS[weekday]
    length = len(old)
    return next((f for f in forms[1:] if len(f) == length), forms[-1])


def _format(date: dt.date, dmy: bool) -> str:
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}" if dmy else f"{MONTHS[date.month - 1]} {date.day}, {date.year}"


class ContradictoryDate(Rule):
    """Date whose weekday does not match the day, or a day that does not exist.

    ## What it flags
    A weekday written next to a date it does not fall on ("Tuesday, 2 May
    2026": 2 May 2026 is a Saturday), in the forms "Tuesday 2 May 2026",
    "Tue, May 2, 2026", "Tuesday (2 May)", "Tuesday the 2nd of May"; and a
    day that does not exist ("31 April", "29 February 2027"). Without a year
    the date is checked against the year inferred from the nearest full date
    in the draft or the front matter's `date` (the year that puts it closest
    to that date); with no such reference it is left alone.

    ## Why it matters
    One of the two is wrong, and a reader cannot tell which: did the event
    happen on Tuesday or on the 2nd? Wrong dates are among the most common
    corrections, and a self-contradicting one is caught without any source.

    ## Example
    ```text
    Talks resumed on Tuesday, 2 May 2026, in Muscat.
    ```

    ## Use instead
    ```text
    Talks resumed on Saturday, 2 May 2026, in Muscat.
    ```

    ## Options
    - `infer-year` (default `true`): check dates without a year against the
      year inferred from a full date elsewhere in the draft.

    ## Known limitations
    Only English month and weekday names. Numeric dates ("02/05/2026") are
    not read: their day/month order is ambiguous. A weekday separated from
    its date by other words ("Tuesday, the day after 2 May") is not paired.

    ## Fix safety
    The fix changes the weekday to the one the date falls on, keeping its
    style ("Tue" → "Sat"). It is unsafe: the date may be the wrong part. The
    help line gives the nearest dates that do fall on the stated weekday.
    """

    code = "STY011"
    name = "contradictory-date"
    severity = Severity.ERROR
    options = {"infer-year": True}

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        prose = doc.prose
        months = [m.start() for m in _MONTH_START.finditer(prose)]
        if not months:
            return
        mentions = []
        for b in doc.blocks:
            if b.is_prose:
                lo, hi = bisect_left(months, b.span.start), bisect_left(months, b.span.end)
                if lo < hi:
                    mentions.extend(_dates_near(prose, b.span.start, b.span.end, months[lo:hi]))
        if not mentions:
            return
        references = [(d.span.start, _valid(d.year, d.month, d.day), d.span) for d in mentions if d.year]
        references = [r for r in references if r[1] is not None]
        front = _front_matter_date(doc)
        starts = [r[0] for r in references]
        for d in mentions:
            inferred_from = None
            if d.year is not None:
                year = d.year
            elif self.opt("infer-year"):
                ref = _reference(references, starts, d.span.start, front)
                if ref is None:
                    continue
                ref_date, inferred_from = ref
                year = _closest_year(ref_date, d.month, d.day)
                if year is None:
                    continue
            else:
                continue
            date = _valid(year, d.month, d.day)
            written = doc.text[d.span.start : d.span.end]
            if date is None:
                if d.day > 31 or (d.year is None and d.month == 2 and d.day == 29):
                    continue
                yield self.diagnostic(doc, d.span, f"'{' '.join(written.split())}': {MONTHS[d.month - 1]} has no day {d.day}" + (f" in {year}" if d.month == 2 and d.day == 29 else ""))
                continue
            if d.weekday is None or date.weekday() == d.weekday:
                continue
            actual = WEEKDAYS[date.weekday()]
            stated = WEEKDAYS[d.weekday]
            before = date - dt.timedelta(days=(date.weekday() - d.weekday) % 7)
            after = date + dt.timedelta(days=(d.weekday - date.weekday()) % 7)
            notes = []
            inferred = d.year is None
            if inferred_from is not None:
                where = doc.position(inferred_from.start)
                notes.append(f"the year {year} is inferred from '{' '.join(doc.text[inferred_from.start:inferred_from.end].split())}' on line {where.line}")
            elif inferred:
                notes.append(f"the year {year} is inferred from the front matter's date")
            fix = Fix.replace(d.weekday_span, _restyle(d.weekday_text, date.weekday()), safe=False, title=f"Change the weekday to {actual}")
            yield self.diagnostic(
                doc,
                d.span,
                f"'{' '.join(written.split())}': {_format(date, d.dmy)} is a {actual}, not a {stated}",
                fix=fix,
                help=f"if the weekday is right, the nearest {stated}s are {_format(before, d.dmy)} and {_format(after, d.dmy)}",
                notes=notes,
                confidence=0.9 if inferred else 1.0,
                data={"date": date.isoformat(), "weekday": actual, "stated": stated, "inferred_year": inferred},
            )


def _front_matter_date(doc: Document) -> dt.date | None:
    fm = doc.front_matter
    value = fm.data.get("date") if fm else None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
        if m:
            return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


def _reference(references, starts, offset: int, front: dt.date | None):
    """The full date nearest before ``offset`` (else the first after, else front matter)."""
    i = bisect_right(starts, offset) - 1
    if i >= 0:
        return references[i][1], references[i][2]
    if references:
        return references[0][1], references[0][2]
    if front is not None:
        return front, None
    return None


def _closest_year(ref: dt.date, month: int, day: int) -> int | None:
    best = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        date = _valid(year, month, day)
        if date is not None and (best is None or abs((date - ref).days) < abs((best - ref).days)):
            best = date
    return best.year if best else None


@hookimpl
def editlint_rules():
    return [ContradictoryDate]
