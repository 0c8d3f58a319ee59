"""BAL001's source profile and verdict, and BAL006's labels, as plain functions."""

from __future__ import annotations

import pytest

from editlint.document import Span, parse
from editlint.rules.provenance.footer import provenance_footer
from editlint.rules.sourcing import is_labelled, one_sided, source_profile

DEFAULTS = {"max_share": 0.8, "min_outlets": 2, "min_countries": 2, "min_sources": 3}


def profile(*urls: str):
    text = "Body.\n\n## Sources\n\n" + "".join(f"- {u}\n" for u in urls)
    return source_profile(provenance_footer(parse(text, "a.md")))


def verdict(*urls: str, **options):
    return one_sided(profile(*urls), **{**DEFAULTS, **options})


REUTERS = "https://www.reuters.com/world/a"
AP = "https://apnews.com/article/b"
AFP = "https://www.afp.com/en/news/c"
AJ = "https://www.aljazeera.com/news/d"
TASNIM = "https://t.me/tasnimnews_en/1"
ALALAM = "https://t.me/alalamfa/2"
NYT = "https://www.nytimes.com/e"
WAPO = "https://www.washingtonpost.com/f"


class TestProfile:
    def test_counts(self):
        p = profile(ALALAM, TASNIM, TASNIM, REUTERS, "https://unknown.example/x")
        assert p["total"] == 5
        assert dict(p["outlets"]) == {"al-alam": 1, "tasnim": 2, "reuters": 1, "host:unknown.example": 1}
        assert dict(p["countries"]) == {"Iran": 3, "United Kingdom": 1, "unknown": 1}
        assert dict(p["ownership"]) == {"state": 3, "wire": 1, "unknown": 1}
        assert dict(p["state"]) == {"Iran": 3}

    def test_entries_without_a_source_are_left_out(self):
        text = "Body.\n\n## Sources\n\n- TBD\n- https://www.reuters.com/a\n"
        assert source_profile(provenance_footer(parse(text, "a.md")))["total"] == 1


class TestVerdict:
    def test_state_media_of_one_country(self):
        assert verdict(ALALAM, ALALAM, TASNIM, TASNIM, TASNIM) == "5 of 5 sources: state-affiliated media of Iran (Al-Alam ×2, Tasnim ×3)"

    def test_a_wire_roundup_is_not_one_sided(self):
        assert verdict(REUTERS, AP, AFP, AJ) is None

    def test_one_outlet(self):
        assert verdict(REUTERS, REUTERS, REUTERS) == "3 of 3 sources: one outlet (Reuters ×3)"
        assert verdict(REUTERS, REUTERS, REUTERS, REUTERS, AP) == "4 of 5 sources: one outlet (Reuters ×4)"
        assert verdict(REUTERS, REUTERS, REUTERS, AP, AFP) is None

    def test_one_country(self):
        assert verdict(NYT, WAPO, AP) == "3 of 3 sources from one country, United States (New York Times, Washington Post, AP)"
        assert verdict(NYT, WAPO, AP, min_countries=1) is None
        assert verdict(NYT, WAPO, AP, "https://unknown.example/x") is None  # an unknown source may be from elsewhere

    @pytest.mark.parametrize("share, expected", [(0.8, True), (0.81, False)])
    def test_share_threshold(self, share, expected):
        assert (verdict(TASNIM, TASNIM, ALALAM, ALALAM, REUTERS, max_share=share) is not None) is expected

    def test_min_sources(self):
        assert verdict(TASNIM, TASNIM) is None
        assert verdict(TASNIM, TASNIM, min_sources=2) is not None


@pytest.mark.parametrize(
    "sentence, labelled",
    [
        ("Iran's state-run Tasnim news agency said so.", True),
        ("Turkish state broadcaster TRT said so.", True),
        ("The Kremlin-backed RT aired it.", True),
        ("RT, which is funded by the Kremlin, aired it.", True),
        ("The semi-official Tasnim said so.", True),
        ("Public broadcaster NHK said so.", True),
        ("Tasnim, which is affiliated with the Revolutionary Guards, said so.", True),
        ("Tasnim said so.", False),
        ("Per the Telegram thread of Alalam News, talks stalled.", False),
        ("Qatar-based Al Jazeera said so.", False),
        ("The CCP’s Global Times said so.", True),
        ("The state’s Press TV aired it.", True),
    ],
)
def test_labels(sentence, labelled):
    doc = parse(sentence, "a.md")
    for name in ("Tasnim", "TRT", "RT", "NHK", "Alalam News", "Al Jazeera", "Global Times", "Press TV"):
        at = sentence.find(name)
        if at != -1 and (at == 0 or not sentence[at - 1].isalpha()):
            span = Span(at, at + len(name))
            break
    assert is_labelled(doc, span, 0, len(sentence)) is labelled
