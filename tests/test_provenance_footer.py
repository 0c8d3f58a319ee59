"""The shared footer parse, the attribution finder, and the PRV settings."""

from __future__ import annotations

import pytest

from editlint.document import parse
from editlint.outlets import get_registry
from editlint.rules.provenance.attribution import find_attributions
from editlint.rules.provenance.footer import provenance_footer


def footer_of(text: str, path: str = "draft.md", **settings):
    return provenance_footer(parse(text, path), {k.replace("_", "-"): v for k, v in settings.items()})


class TestFooter:
    def test_markdown_heading_and_entry_shapes(self):
        footer = footer_of(
            "Body text.\n\n## Sources\n\n"
            "- https://www.reuters.com/world/a\n"
            "- [TRT World: crossings reopen](https://www.trtworld.com/b)\n"
            "- Anadolu Agency, \"Gates reopen\", 4 May 2026\n"
            "- Alalam News (Telegram): https://t.me/alalamfa/1\n"
        )
        assert footer.kind == "heading" and footer.title == "Sources"
        assert [e.outlet.id for e in footer.entries] == ["reuters", "trt", "anadolu", "al-alam"]
        assert [e.name for e in footer.entries] == [None, "TRT World", "Anadolu Agency", "Alalam News"]
        assert [u.form for e in footer.entries for u in e.urls] == ["bare", "markdown", "bare"]
        assert footer.entries[0].line == 5

    def test_plain_text_intro_line_is_not_an_entry(self):
        text = (
            "A long enough first paragraph about the talks that have stalled for three weeks now, officials said.\n"
            "Wire provenance\n"
            "This editorial synthesis draws on the following public wire/social posts:\n"
            "- https://t.me/alalamfa/2026-05-02T16:21\n"
            "- https://t.me/tasnimnews_en/2026-05-02T15:57\n"
        )
        footer = footer_of(text, "draft.txt")
        assert footer.title == "Wire provenance"
        assert [e.key for e in footer.entries] == ["al-alam", "tasnim"]

    def test_paragraph_lines_with_urls_or_fields_are_entries(self):
        footer = footer_of(
            "Body text.\n\n## References\n\nThe following were used:\n"
            "Reuters, \"Troops leave\", 2 May 2026\nhttps://apnews.com/article/x\nAll links checked on 3 May.\n"
        )
        assert [e.key for e in footer.entries] == ["reuters", "ap"]

    def test_the_last_matching_heading_wins_and_ends_at_the_next_heading(self):
        footer = footer_of("## Sources\n\n- https://a.example/1\n\n## Body\n\nText.\n\n## Sources\n\n- https://b.example/2\n\n## Corrections\n\n- none\n")
        assert [e.key for e in footer.entries] == ["host:b.example"]

    def test_label_line_and_inline_entries(self):
        assert footer_of("Body.\n\n**Sources:**\n\n- https://www.reuters.com/a\n").kind == "label"
        inline = footer_of("Body.\n\nSources: Reuters; Associated Press, 2 May\n")
        assert [e.outlet.id for e in inline.entries] == ["reuters", "ap"]
        assert [e.key for e in footer_of("Body.\n\nSources: Reuters, AP.\n").entries] == ["reuters", "ap"]

    def test_front_matter(self):
        text = "---\nsources:\n  - https://www.reuters.com/a\n  - Gulf Chronicle, \"Title\", 2 May\n---\nBody.\n"
        footer = footer_of(text)
        assert footer.kind == "front_matter"
        assert [e.key for e in footer.entries] == ["reuters", "name:gulfchronicle"]

    def test_custom_headings_and_keys(self):
        assert footer_of("Body.\n\n## Sources\n\n- https://a.example/1\n", provenance_headings=["Further reading"]) is None
        assert footer_of("Body.\n\n## Further reading\n\n- https://a.example/1\n", provenance_headings=["Further reading"])
        text = "---\nwire:\n  - https://a.example/1\n---\nBody.\n"
        assert footer_of(text) is None
        assert footer_of(text, provenance_front_matter_keys=["wire"]).entries

    def test_computed_once_per_document(self):
        doc = parse("Body.\n\n## Sources\n\n- https://www.reuters.com/a\n", "a.md")
        assert provenance_footer(doc) is provenance_footer(doc, {})

    def test_lists(self):
        footer = footer_of("Body.\n\n## Sources\n\n- https://www.dailyrecord.example/news/1\n- Gulf Chronicle, \"x\", 2 May\n- https://t.me/alalamfa/1\n")
        reg = get_registry()
        assert footer.lists(reg.get("al-alam"))
        assert not footer.lists(reg.get("reuters"))
        assert footer.lists(None, "Daily Record") and footer.lists(None, "the Gulf Chronicle")
        assert not footer.lists(None, "Harbour Gazette")


def attributed(text: str) -> list[tuple[str, str | None]]:
    doc = parse(text, "draft.md")
    return [(doc[a.span], a.outlet.id if a.outlet else None) for a in find_attributions(doc, get_registry(), None)]


class TestAttributions:
    def test_registry_outlets_in_source_positions(self):
        text = (
            "Reuters reported it. An official told the Associated Press. According to Foreign Affairs, yes. "
            "Documents seen by the Financial Times. Tasnim, a state-run agency, said so. The BBC's correspondent saw it. "
            "RT was banned in the EU."
        )
        assert [o for _, o in attributed(text)] == ["reuters", "ap", "foreign-affairs", "financial-times", "tasnim", "bbc"]

    def test_unknown_outlets_from_usage(self):
        text = (
            "The Gulf Chronicle reported it. According to the Harbour Gazette, trucks waited. "
            "The Israeli daily Maariv said so. Uganda's New Vision newspaper reports a delay."
        )
        assert attributed(text) == [
            ("The Gulf Chronicle", None),
            ("Harbour Gazette", None),
            ("Maariv", "maariv"),
            ("New Vision", "the-new-vision"),  # Uganda's, from the ASD table
        ]

    @pytest.mark.parametrize(
        "text",
        [
            "The Pentagon said the move was planned.",
            "According to the Office for National Statistics, prices rose.",
            "Security firm Network Box said it stopped the attack.",
            "Mr Molyneux said it was an honour.",
            "The editor of the Harbour Gazette, Jane Smith, said nothing.",
            "The deal was carried by all four US TV networks.",
            "He told a French magazine he would stay.",
            "A spokesman for the Department for Culture, Media and Sport said there were no plans.",
            "Jane Post said the plan was sound.",
            "Videos were shared via Telegram, officials said.",
        ],
    )
    def test_not_outlets(self, text):
        assert attributed(text) == []
