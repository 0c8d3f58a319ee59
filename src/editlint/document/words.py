"""The words of a draft as lower-case letter runs: a cheap whole-word index.

Some rules only need to know whether a word occurs at all ("colour" and
"color" in one draft) or whether a word is written twice in a row; running
a regular expression over the whole text for that costs far more than
splitting a byte string. :func:`letter_words` maps the prose view to Latin-1
bytes where every letter (``[^\\W\\d_]``, as ``re`` reads it) is lower-cased,
the other word characters (digits, ``_``) are kept and everything else
becomes a space, and splits it once per document. A word that ``re`` finds
between non-word characters (``\\b…\\b``) is therefore one of the runs,
lower-cased, and two words separated only by white space are neighbours.

Typographic punctuation outside Latin-1 (curly quotes, dashes, ellipsis…)
becomes a space first; a draft with other characters beyond Latin-1 (Greek,
Cyrillic, "ğ", emoji) gets ``None``, and callers fall back to their regular
expressions. Within Latin-1, ``re``'s case-insensitive matching and
``str.lower`` agree, so a lower-cased run is a safe stand-in for any case.
"""

from __future__ import annotations

import itertools
import re

_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"\w")
#: Latin-1 byte -> its lower-case letter, itself for the other word
#: characters (digits and "_"), else a space.
_TABLE = bytes(ord(chr(b).lower()) if _LETTER.match(chr(b)) else b if _WORD.match(chr(b)) else 32 for b in range(256))
# Common non-Latin-1 characters that are never letters (so become spaces).
_PUNCTUATION = re.compile("[\u2000-\u206f\u20ac\u2122\u2212\u3000\ufeff]")


class LetterWords:
    """The lower-cased letter runs of a text, in order, as bytes (``words``)."""

    __slots__ = ("words",)

    def __init__(self, words: list[bytes]) -> None:
        self.words = words


def _latin1(text: str) -> bytes | None:
    """``text`` as Latin-1 bytes, typographic punctuation beyond it as spaces; None if impossible."""
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        try:
            return _PUNCTUATION.sub(" ", text).encode("latin-1")
        except UnicodeEncodeError:
            return None


def letter_runs(text: str) -> bytes | None:
    """``text`` as Latin-1 bytes, letters lower-cased, non-word characters spaces; None if impossible."""
    raw = _latin1(text)
    return None if raw is None else raw.translate(_TABLE)


def letter_words(doc) -> LetterWords | None:
    """The letter runs of ``doc.prose`` (computed once per document), or None."""

    def build(d) -> LetterWords | None:
        runs = letter_runs(d.prose)
        return None if runs is None else LetterWords(runs.split())

    return doc.derived("letter-words", build)


_LETTERS = re.compile(r"[^\W\d_]+")


def plain_word(token: str) -> bytes | None:
    """``token`` lower-cased as Latin-1 bytes if it is one run of letters, else None."""
    if not _LETTERS.fullmatch(token):
        return None
    try:
        raw = token.encode("latin-1")
    except UnicodeEncodeError:
        return None
    return raw.translate(_TABLE)


# For may_repeat(): letters lower-cased, digits and "_" kept, white space a
# space, any other character 0x1F (it sticks to the word before it).
_SPACE = re.compile(r"\s")
_PUNCT_TABLE = bytes(
    ord(chr(b).lower()) if _LETTER.match(chr(b)) else b if _WORD.match(chr(b)) else 32 if _SPACE.match(chr(b)) else 0x1F
    for b in range(256)
)
_LETTER_BYTES = bytes(b for b in range(256) if _LETTER.match(chr(b)))


def may_repeat(text: str) -> bool:
    """False when no word of letters in ``text`` is followed, across white space, by a copy of itself.

    The copy may differ in case and be followed by punctuation ("the The,");
    it must not run on into more letters or digits. True also when the text
    cannot be read as Latin-1 (then nothing is ruled out).
    """
    raw = _latin1(text)
    if raw is None:
        return True
    words = raw.translate(_PUNCT_TABLE).split()
    for i in itertools.compress(range(len(words) - 1), map(bytes.startswith, itertools.islice(words, 1, None), words)):
        first, copy = words[i], words[i + 1]
        if (len(copy) == len(first) or copy[len(first)] == 0x1F) and not first.translate(None, _LETTER_BYTES):
            return True
    return False
