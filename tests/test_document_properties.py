"""Property tests: any text parses, and every span the model gives is a valid source span."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editlint.document import parse

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Markdown-ish fragments, so random documents exercise real structure.
FRAGMENTS = st.sampled_from(
    [
        "# ", "## ", "> ", "- ", "* ", "1. ", "```", "~~~", "    ", "`", "``", "[", "]", "(", ")", "![",
        "<!--", "-->", "<b>", "</b>", "---", "\n", "\n\n", "\r\n", "\t", "*", "**", "_", "~~", "\\",
        '"', "“", "”", "‘", "’", "'", "https://t.me/x_y/1", "www.example.com", "[a](http://b.c)", "[r]: http://r.example",
        "Reuters said", "U.S.", "Dr.", "3.5", ". ", "? ", "! ", "Zarif’s", "Gölcük", "مرحبا", "שלום", "e\u0301", "😀", "\ufeff", "\x00",
        "Wire provenance", "SaudiIsraeli", "|a|b|\n|-|-|\n|c|d|",
    ]
)
DOCS = st.lists(st.one_of(FRAGMENTS, st.text(max_size=12)), max_size=40).map("".join)


def check_invariants(doc) -> None:
    n = len(doc.text)
    assert len(doc.prose) == n
    for i, (a, b) in enumerate(zip(doc.text, doc.prose)):
        if a in "\r\n":
            assert b == a
        else:
            assert b == a or b == " "
    for block in doc.blocks:
        assert 0 <= block.span.start <= block.span.end <= n
    for sentence in doc.sentences:
        block = doc.blocks[sentence.block].span
        assert block.start <= sentence.span.start < sentence.span.end <= block.end
        assert doc.text[sentence.span.start : sentence.span.end].strip()
    for q in doc.quotes:
        assert 0 <= q.start < q.end <= n
    for link in doc.links:
        assert 0 <= link.span.start <= link.text.start <= link.text.end <= link.span.end <= n
    for c in doc.comments:
        assert 0 <= c.start < c.end <= n
    for offset in (0, n // 2, n):
        pos = doc.position(offset)
        assert pos.line >= 1 and pos.column >= 1
        assert pos.line <= doc.text.count("\n") + 1
    assert [s.span.start for s in doc.sentences] == sorted(s.span.start for s in doc.sentences)
    doc.sections  # noqa: B018 - must not raise


@SETTINGS
@given(DOCS)
def test_markdown_invariants(text):
    check_invariants(parse(text, "draft.md"))


@SETTINGS
@given(DOCS)
def test_plain_text_invariants(text):
    check_invariants(parse(text, "draft.txt"))


@SETTINGS
@given(st.text(max_size=300))
def test_arbitrary_unicode(text):
    check_invariants(parse(text, "draft.md"))
    check_invariants(parse(text, "draft.txt"))


@SETTINGS
@given(DOCS)
def test_parsing_is_deterministic(text):
    a, b = parse(text, "draft.md"), parse(text, "draft.md")
    assert a.prose == b.prose and a.blocks == b.blocks and a.sentences == b.sentences
