"""The outlet registry: bundled data, URL and name lookups, prose mentions, config extras."""

from __future__ import annotations

import tomllib

import pytest

from editlint.outlets import (
    KINDS,
    OWNERSHIPS,
    Outlet,
    OutletConfigError,
    OutletRegistry,
    account_key,
    get_registry,
    normalize_name,
    split_url,
    squash,
    validate_extra,
)
from editlint.resources import data_file


@pytest.fixture(scope="module")
def registry() -> OutletRegistry:
    return get_registry()


def found(registry: OutletRegistry, text: str) -> list[tuple[str, str]]:
    return [(text[a:b], o.id) for a, b, o in registry.mentions(text)]


class TestBundledData:
    def test_covers_the_outlets_of_international_and_middle_east_coverage(self, registry):
        """The assignment's list of wires, broadcasters and papers is all there."""
        wanted = """
            Reuters|Associated Press|AFP|Bloomberg|dpa|ANSA|EFE|Kyodo|Xinhua|TASS|RIA Novosti|Anadolu|IRNA|Tasnim|Fars|
            Mehr|ISNA|WAFA|SPA|WAM|QNA|KUNA|Middle East News Agency|Jordan News Agency|BBC|CNN|Al Jazeera|Al Arabiya|
            Sky News Arabia|France 24|Deutsche Welle|RT|CGTN|Press TV|Al-Alam|Al-Mayadeen|Al-Manar|TRT|i24NEWS|Kan|NHK|
            New York Times|Wall Street Journal|Washington Post|The Guardian|Financial Times|The Economist|Foreign Affairs|
            Foreign Policy|Haaretz|Times of Israel|Jerusalem Post|Kayhan|Tehran Times|Al-Ahram|Asharq Al-Awsat|The National|
            Middle East Eye|Axios|Politico
        """
        missing = [n.strip() for n in wanted.split("|") if registry.by_name(n.strip()) is None]
        assert not missing
        curated = [o for o in registry if o.source != "asd"]
        assert len(curated) >= 80
        assert len(registry) > 1000  # the ASD table is merged in

    def test_fields_are_well_formed(self, registry):
        for o in registry:
            assert o.ownership in OWNERSHIPS, o
            assert o.kind in KINDS, o
            assert o.country, o
            assert o.typology in (None, "SC", "CaPu", "CaPr", "ISFM", "ISF", "ISM", "IP"), o
            for h in o.handles:
                assert account_key(h), (o.id, h)
            for d in o.domains:
                assert "/" not in d and "." in d and d == d.lower(), (o.id, d)

    def test_state_control_follows_the_asd_typology(self, registry):
        for o in registry:
            if o.typology:
                assert o.state_controlled == (o.typology in ("SC", "CaPu", "CaPr")), o.id
        assert registry.get("al-alam").typology is None  # absent from the table
        assert registry.get("al-alam").state_controlled
        assert registry.get("reuters").state_controlled is False

    def test_a_domain_belongs_to_one_outlet(self, registry):
        owners: dict[str, str] = {}
        for o in registry:
            for d in o.domains:
                assert owners.setdefault(d, o.id) == o.id, f"{d} is claimed by {owners[d]} and {o.id}"

    def test_data_files_keep_the_licence_notice(self):
        assert "ASD-at-GMF" in data_file("outlets.toml").read_text(encoding="utf-8")[:1500]
        assert "MIT licence" in data_file("outlets-asd.tsv").read_text(encoding="utf-8")[:800]
        assert "Permission is hereby granted" in data_file("LICENSE-state-media.txt").read_text(encoding="utf-8")
        tomllib.loads(data_file("outlets.toml").read_text(encoding="utf-8"))

    def test_asd_rows_have_every_column(self):
        for line in data_file("outlets-asd.tsv").read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                assert line.count("\t") == 10, line


class TestMatchUrl:
    @pytest.mark.parametrize(
        "url, outlet",
        [
            ("https://t.me/alalamfa/2026-05-02T16:21", "al-alam"),
            ("https://t.me/tasnimnews_en/2026-05-02T15:57", "tasnim"),
            ("https://t.me/JahanTasnim/2026-05-02T15:55", "tasnim"),
            ("https://T.ME/JAHANTASNIM/1", "tasnim"),
            ("https://t.me/s/alalamfa/12", "al-alam"),
            ("t.me/alalamfa/12", "al-alam"),
            ("https://www.reuters.com/world/x", "reuters"),
            ("http://reuters.com", "reuters"),
            ("https://english.alarabiya.net/News/x", "al-arabiya"),
            ("https://twitter.com/Reuters/status/1", "reuters"),
            ("https://x.com/reuters", "reuters"),
            ("https://www.youtube.com/@Reuters/videos", "reuters"),
            ("https://www.facebook.com/Reuters/posts/1", "reuters"),
            ("https://www.instagram.com/reuters/", "reuters"),
            ("https://tass.ru/politika/1", "tass"),
        ],
    )
    def test_known(self, registry, url, outlet):
        assert registry.match_url(url).id == outlet

    @pytest.mark.parametrize(
        "url",
        ["https://example.com/news", "https://t.me/someonenew/5", "https://x.com/i/web/status/1", "https://notreuters.com/a", "", "https://"],
    )
    def test_unknown(self, registry, url):
        assert registry.match_url(url) is None

    def test_split_url(self):
        assert split_url("HTTPS://www.Example.com:443/a/b/?q=1#f") == ("example.com", "a/b")
        assert split_url("example.com?q=1/x") == split_url("example.com#f") == ("example.com", "")
        assert account_key("https://t.me/s/Foo/12") == "t.me/foo"
        assert account_key("https://twitter.com/Foo") == "x.com/foo"
        assert account_key("https://example.com/Foo") is None


class TestByName:
    @pytest.mark.parametrize(
        "name, outlet",
        [
            ("Alalam News", "al-alam"),
            ("Al Alam", "al-alam"),
            ("al-alam", "al-alam"),
            ("Tasnim", "tasnim"),
            ("the Guardian", "guardian"),
            ("Fars", "fars"),
            ("AP", "ap"),
            ("Hurriyet", "hurriyet"),
            ("People’s Daily", "peoples-daily"),
        ],
    )
    def test_known(self, registry, name, outlet):
        assert registry.by_name(name).id == outlet

    @pytest.mark.parametrize("name", ["Ap", "Map", "Hill", "National", "NTV", "Iran", "", "   "])
    def test_unknown_or_ambiguous(self, registry, name):
        """Acronyms need capitals, one-word "The X" names their article, shared names match nothing."""
        assert registry.by_name(name) is None

    def test_normalisation(self):
        assert normalize_name("  The  People’s   Daily ") == "people's daily"
        assert squash("Al-Alam") == squash("Alalam") == "alalam"
        assert squash("Hürriyet") == "hurriyet"


class TestMentions:
    def test_longest_name_wins(self, registry):
        assert found(registry, "Sky News Arabia said so, and Sky News agreed.") == [
            ("Sky News Arabia", "sky-news-arabia"),
            ("Sky News", "sky-news"),
        ]

    def test_generic_words_may_be_lower_case(self, registry):
        assert found(registry, "Iran's state-run Tasnim news agency said.") == [("Tasnim news agency", "tasnim")]

    def test_acronyms_need_capitals(self, registry):
        assert found(registry, "ap said; AP said.") == [("AP", "ap")]

    def test_the_is_part_of_the_name_when_written(self, registry):
        assert found(registry, "The Guardian said. Guardian readers disagreed.") == [("The Guardian", "guardian")]

    def test_capitalised_neighbours_mean_another_name(self, registry):
        text = "Michael Bloomberg spoke at the Reuters Institute; the Guardian Council met; Mr Bloomberg left."
        assert found(registry, text) == []

    def test_openers_possessives_and_nationalities_are_not_names(self, registry):
        text = "When Reuters asked, Turkish TRT declined. Qatar's Al Jazeera aired it. Bloomberg reported."
        assert [o for _, o in found(registry, text)] == ["reuters", "trt", "al-jazeera", "bloomberg"]

    def test_weekdays_may_follow(self, registry):
        assert found(registry, "an official told AP Tuesday") == [("AP", "ap")]

    def test_ambiguous_names_only_in_scan_with_weak(self, registry):
        text = "Fars reported it."
        assert found(registry, text) == []
        assert [(m.outlet.id, m.weak) for m in registry.scan(text, weak=True)] == [("fars", True)]

    def test_lower_case_brands(self, registry):
        assert found(registry, "dpa reported it; i24NEWS aired it.") == [("dpa", "dpa"), ("i24NEWS", "i24news")]

    def test_bounds(self, registry):
        text = "Reuters said. CNN said."
        assert [o.id for _, _, o in registry.mentions(text, 13)] == ["cnn"]
        assert [o.id for _, _, o in registry.mentions(text, 0, 12)] == ["reuters"]

    def test_words_inside_other_words_do_not_match(self, registry):
        assert found(registry, "APs and RT-PCR tests; CNNs; Reutersville") == []


class TestExtra:
    def test_new_outlet(self):
        reg = get_registry({"Desk Wire": {"domains": ["deskwire.example"], "handles": ["t.me/deskwire"], "country": "Lebanon", "ownership": "private"}})
        outlet = reg.match_url("https://t.me/DeskWire/12")
        assert outlet is not None and outlet.name == "Desk Wire" and outlet.source == "config"
        assert reg.match_url("https://news.deskwire.example/a").id == outlet.id
        assert [o.name for _, _, o in reg.mentions("Desk Wire reported it.")] == ["Desk Wire"]
        assert get_registry().match_url("https://t.me/deskwire/1") is None  # the bundled registry is unchanged

    def test_extending_a_known_outlet(self):
        reg = get_registry({"Tasnim News Agency": {"handles": ["t.me/tasnim_new"]}})
        assert reg.match_url("https://t.me/tasnim_new/3").id == "tasnim"
        assert reg.match_url("https://t.me/JahanTasnim/3").id == "tasnim"

    def test_state_control_from_ownership(self):
        reg = get_registry({"Ministry Channel": {"ownership": "state", "country": "Oman"}})
        assert reg.by_name("Ministry Channel").state_controlled

    def test_cached_per_extra(self):
        extra = {"Desk Wire": {"domains": ["deskwire.example"]}}
        assert get_registry(extra) is get_registry(dict(extra))
        assert get_registry() is get_registry(None) is get_registry({})

    @pytest.mark.parametrize(
        "extra, message",
        [
            ({"Desk": {"ownership": "gov"}}, "outlets.\"Desk\".ownership must be one of state, public, private, wire (got 'gov')"),
            ({"Desk": {"domain": ["x.example"]}}, "unknown field 'domain' (did you mean 'domains'?)"),
            ({"Desk": {"domains": "x.example"}}, "outlets.\"Desk\".domains must be a list of strings"),
            ({"Desk": {"handles": ["example.com/desk"]}}, "is not a social account"),
            ({"Desk": {"domains": ["https://x.example/news"]}}, "is not a domain"),
            ({"Desk": {"state-controlled": "yes"}}, "must be true or false"),
            ({"Desk": "x"}, "must be a table"),
            (["Desk"], "'outlets' must be a table"),
        ],
    )
    def test_invalid(self, extra, message):
        with pytest.raises(OutletConfigError) as info:
            validate_extra(extra)
        assert message in str(info.value)
        assert "\n" not in str(info.value)


def test_outlet_names():
    o = Outlet("x", "The Hill", aliases=("The Hill newspaper",), weak=("The Hill",), short="Hill")
    assert o.label == "Hill"
    assert o.names == ("The Hill", "The Hill newspaper")
    assert o.strong_names() == ("The Hill newspaper",)
