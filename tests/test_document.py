"""The document model: offsets, masking, blocks, sentences, quotes, links, sections."""

from __future__ import annotations

import pytest

from editlint.document import parse
from editlint.document.frontmatter import parse_front_matter
from editlint.document.sentences import sentence_spans
from editlint.document.span import LineIndex, Position


def visible(doc) -> str:
    """The prose view with runs of white space folded, for readable asserts."""
    return " ".join(doc.prose.split())


class TestLineIndex:
    def test_positions_are_one_based_code_points(self):
        """Columns count code points, so non-ASCII names do not shift them."""
        text = "Zarif’s visit\nto Gölcük ended"
        index = LineIndex(text)
        assert index.position(0) == Position(1, 1)
        assert index.position(text.index("visit")) == Position(1, 9)
        assert index.position(text.index("ended")) == Position(2, 11)

    def test_crlf_lines(self):
        """A CR before LF belongs to the line it ends."""
        text = "one\r\ntwo\r\nthree"
        index = LineIndex(text)
        assert index.position(text.index("two")) == Position(2, 1)
        assert index.position(text.index("three")) == Position(3, 1)
        assert text[slice(*index.line_span(1, text))] == "one"

    def test_offsets_past_the_end_are_clamped(self):
        index = LineIndex("ab\n")
        assert index.position(99) == Position(2, 1)

    def test_bom_is_not_counted(self):
        """A leading BOM is removed from the text and remembered."""
        doc = parse("\ufeffHello world.\n", "a.md")
        assert doc.bom is True
        assert doc.text.startswith("Hello")
        assert doc.position(doc.text.index("world")) == Position(1, 7)


class TestMarkdownMasking:
    def test_prose_has_the_same_length_and_line_breaks(self):
        text = "# Title\n\nText with `code`.\r\n\n```\nReuters\n```\n"
        doc = parse(text, "a.md")
        assert len(doc.prose) == len(doc.text)
        assert [i for i, c in enumerate(doc.prose) if c in "\r\n"] == [i for i, c in enumerate(text) if c in "\r\n"]

    def test_code_fences_inline_code_and_indented_code_are_masked(self):
        text = "Before `Reuters said` after.\n\n```\nReuters reported\n```\n\n    Reuters indented\n\nEnd.\n"
        doc = parse(text, "a.md")
        assert "Reuters" not in doc.prose
        assert visible(doc) == "Before after. End."
        assert [b.kind for b in doc.blocks] == ["paragraph", "code", "code", "paragraph"]

    def test_unterminated_fence_masks_to_the_end(self):
        doc = parse("Intro.\n\n```\nReuters said\nmore\n", "a.md")
        assert "Reuters" not in doc.prose

    def test_link_urls_are_masked_and_text_kept(self):
        text = "See [the Reuters report](https://reuters.com/x_y \"Title\") today."
        doc = parse(text, "a.md")
        assert visible(doc) == "See the Reuters report today."
        (link,) = doc.links
        assert link.url == "https://reuters.com/x_y"
        assert doc[link.text] == "the Reuters report"
        assert doc[link.span] == text[4:-7]

    def test_reference_links_autolinks_and_bare_urls(self):
        text = "A [ref][r] and <https://a.example/b> and https://t.me/alalamfa/1.\n\n[r]: https://example.org/ref\n"
        doc = parse(text, "a.md")
        assert [(l.kind, l.url) for l in doc.links] == [
            ("reference", "https://example.org/ref"),
            ("autolink", "https://a.example/b"),
            ("bare", "https://t.me/alalamfa/1"),
        ]
        assert visible(doc) == "A ref and and ."

    def test_html_comments_front_matter_and_markup(self):
        text = "---\ntitle: Reuters\n---\n\n<!-- Reuters -->\n\n## Heading ##\n\n> *Quoted* **block**\n\n- item <b>bold</b>\n"
        doc = parse(text, "a.md")
        assert "Reuters" not in doc.prose
        assert visible(doc) == "Heading Quoted block item bold"
        assert doc.front_matter.data == {"title": "Reuters"}
        assert [doc[c] for c in doc.comments] == ["<!-- Reuters -->"]
        kinds = [b.kind for b in doc.blocks]
        assert kinds == ["front_matter", "html", "heading", "blockquote", "list_item"]

    def test_intraword_underscores_are_kept(self):
        doc = parse("The snake_case_name and _emphasis_ here.", "a.md")
        assert visible(doc) == "The snake_case_name and emphasis here."

    def test_setext_heading(self):
        doc = parse("Title here\n==========\n\nBody.\n", "a.md")
        heading = doc.blocks[0]
        assert heading.kind == "heading" and doc[heading.span] == "Title here"
        assert "=" not in doc.prose

    def test_non_ascii_and_crlf_markdown(self):
        text = "# Gölcük\r\n\r\nZarif’s `x` visit.\r\n"
        doc = parse(text, "a.md")
        para = doc.blocks[1]
        assert doc[para.span] == "Zarif’s `x` visit."
        assert doc.position(text.index("visit")) == Position(3, 13)


class TestPlainText:
    SEEDLIKE = (
        "Troop Drawdown and Talks\n"
        "According to officials, about 5,000 troops will leave Germany within a year, a move that several capitals had long expected and that analysts say was overdue.\n"
        "Reuters reported that the decision is tied to disputes within the alliance over how to approach Iran and its programme.\n"
        "What the Silence Means\n"
        "Three weeks is not long in the life of a diplomacy file, and the parties have been here before in earlier rounds of talks.\n"
        "\n"
        "Wire provenance\n"
        "This synthesis draws on the following posts:\n"
        "- https://t.me/alalamfa/2026-05-02T16:21\n"
        "* https://t.me/tasnimnews_en/2026-05-02T15:57\n"
    )

    def test_line_per_paragraph_shape(self):
        doc = parse(self.SEEDLIKE, "draft.txt")
        kinds = [(b.kind, doc[b.span][:20]) for b in doc.blocks]
        assert kinds == [
            ("heading", "Troop Drawdown and T"),
            ("paragraph", "According to officia"),
            ("paragraph", "Reuters reported tha"),
            ("heading", "What the Silence Mea"),
            ("paragraph", "Three weeks is not l"),
            ("heading", "Wire provenance"),
            ("paragraph", "This synthesis draws"),
            ("list_item", "https://t.me/alalamf"),
            ("list_item", "https://t.me/tasnimn"),
        ]
        assert [s.title for s in doc.sections] == ["Troop Drawdown and Talks", "What the Silence Means", "Wire provenance"]
        assert doc.sections[-1].blocks[-1].kind == "list_item"
        assert [l.url for l in doc.links] == ["https://t.me/alalamfa/2026-05-02T16:21", "https://t.me/tasnimnews_en/2026-05-02T15:57"]

    def test_hard_wrapped_shape_joins_lines(self):
        text = (
            "A Title Line\n\n"
            "The first paragraph is wrapped at a\nnarrow width and continues here.\n\n"
            "The second paragraph also wraps\nonto a second line.\n"
        )
        doc = parse(text, "a.txt")
        assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "paragraph"]
        assert [doc[s.span] for s in doc.sentences] == [
            "The first paragraph is wrapped at a\nnarrow width and continues here.",
            "The second paragraph also wraps\nonto a second line.",
        ]

    def test_heading_rules(self):
        from editlint.document.plaintext import is_heading_line

        assert is_heading_line("Wire provenance")
        assert is_heading_line("Forward View: Deal, Stalemate, or Breakdown")
        assert not is_heading_line("This synthesis draws on the following posts:")
        assert not is_heading_line("He left.")
        assert not is_heading_line("lowercase start")
        assert not is_heading_line("https://t.me/x")

    def test_comment_lines_are_masked(self):
        doc = parse("<!-- editlint-disable NAM001 -->\nSome text.\n", "a.txt")
        assert [doc[c] for c in doc.comments] == ["<!-- editlint-disable NAM001 -->"]
        assert visible(doc) == "Some text."


class TestSentences:
    @pytest.mark.parametrize(
        "text, expected",
        [
            ("He met Dr. Smith. Then he left.", ["He met Dr. Smith.", "Then he left."]),
            ("Troops went to the U.S. The talks ended.", ["Troops went to the U.S.", "The talks ended."]),
            ("The U.S. Army said so.", ["The U.S. Army said so."]),
            ("It grew 3.5 percent. Prices rose.", ["It grew 3.5 percent.", "Prices rose."]),
            ("On Jan. 5 they met. No. 10 agreed.", ["On Jan. 5 they met.", "No. 10 agreed."]),
            ("J. K. Rowling spoke.", ["J. K. Rowling spoke."]),
            ('He said: "It is over." Then silence.', ['He said: "It is over."', "Then silence."]),
            ('"Why?" he asked.', ['"Why?" he asked.']),
            ("Really? Yes! Done…  Next.", ["Really?", "Yes!", "Done…", "Next."]),
            ("Zarif’s aide said. Ölmez replied.", ["Zarif’s aide said.", "Ölmez replied."]),
        ],
    )
    def test_split(self, text, expected):
        assert [text[a:b] for a, b in sentence_spans(text, 0, len(text))] == expected

    def test_sentences_never_cross_blocks(self):
        doc = parse("First para without stop\n\nSecond para. Two sentences.\n", "a.md")
        assert [doc[s.span] for s in doc.sentences] == ["First para without stop", "Second para.", "Two sentences."]


class TestQuotes:
    @pytest.mark.parametrize(
        "text, quotes",
        [
            ('He said "we will go" today.', ['"we will go"']),
            ("He said “we will go” today.", ["“we will go”"]),
            ("He said ‘we will go’ today.", ["‘we will go’"]),
            ("Zarif’s aide said ‘Iran’s position is clear’ today.", ["‘Iran’s position is clear’"]),
            ("The ministers’ meeting ended.", []),
            ('An open "quote runs to the end', ['"quote runs to the end']),
            ('"One. "Two. "Three." he said.', ['"One. ', '"Two. ', '"Three."']),
            ('"One. "Two." Then the writer. "Three," she said.', ['"One. ', '"Two."', '"Three,"']),
        ],
    )
    def test_quote_spans(self, text, quotes):
        doc = parse(text, "a.md")
        assert [doc[q] for q in doc.quotes] == quotes

    def test_in_quote(self):
        doc = parse('Before "inside words" after.', "a.md")
        assert doc.in_quote(doc.text.index("inside"))
        assert not doc.in_quote(doc.text.index("after"))

    def test_quotes_in_code_are_ignored(self):
        doc = parse('Text `"not a quote"` here.', "a.md")
        assert doc.quotes == []


class TestFrontMatter:
    def test_lists_scalars_and_spans(self):
        text = '---\ntitle: "A: B"\nsources:\n  - https://x.example/a\n  - Reuters, Talks, 2 May 2026 # note\n---\nBody\n'
        fm = parse_front_matter(text)
        assert fm.data == {"title": "A: B", "sources": ["https://x.example/a", "Reuters, Talks, 2 May 2026"]}
        value, span = fm.items["sources"][0]
        assert text[span.start : span.end] == "https://x.example/a"

    def test_unterminated_front_matter_is_not_front_matter(self):
        assert parse_front_matter("---\ntitle: x\nno end\n") is None
        doc = parse("---\ntitle: x\n", "a.md")
        assert doc.front_matter is None


def test_block_at_and_sentences_in():
    doc = parse("One. Two.\n\nThree.\n", "a.md")
    assert doc.block_at(doc.text.index("Three")).kind == "paragraph"
    first_block = doc.blocks[0].span
    assert [doc[s.span] for s in doc.sentences_in(first_block)] == ["One.", "Two."]
