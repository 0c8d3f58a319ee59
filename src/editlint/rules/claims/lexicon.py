"""Word lists and compiled patterns of the claims analysis.

Everything here is written from editorial style guidance and general
knowledge of English news prose, not taken from any evaluation corpus:

* attribution verbs and anonymous-source rules follow the AP Stylebook
  ("anonymous sources": say why the source is anonymous and describe them
  as precisely as possible; "said" is the neutral verb), Reuters' Handbook
  of Journalism (attribute every fact that is not common knowledge) and the
  BBC Editorial Guidelines (section 3, accuracy: attribution);
* weasel constructions follow Wikipedia's Manual of Style, "Words to watch:
  unsupported attributions" ("some people say", "it is widely regarded",
  "critics argue", "it has been suggested"), a style guide, not a corpus;
* hedges follow the usual grammar of epistemic modality (modal verbs, modal
  adverbs, "it is possible that", "appears to").

The analysis splits each sentence of a document's writer's-voice text (quoted
speech blanked out) at white space once and intersects the tokens with
:data:`CUE_KEYS`; each cue word maps to its roles in :data:`CUE_ROLES`.
Context checks then run only where a cue was found, with the small anchored
patterns at the end of this module. (A single trie-shaped regex over the
whole text was measured first: it costs twice as much on news copy.)
"""

from __future__ import annotations

import re
from typing import Iterable

from editlint.packs.patterns import trie_source

# -- helpers ---------------------------------------------------------------------


def _words(block: str) -> list[str]:
    return [w for line in block.splitlines() for w in line.split("#", 1)[0].split()]


# -- attribution ------------------------------------------------------------------

#: Neutral reporting verbs: "X said", "X told", "X reported" (AP: "said" is the default).
REPORT_VERBS = _words(
    """
    say says said saying tell tells told telling
    report reports reported reporting announce announces announced announcing
    write writes wrote written confirm confirms confirmed confirming
    states stated declare declares declared disclose discloses disclosed
    reveal reveals revealed revealing estimate estimates estimated
    explain explains explained stress stresses stressed insist insists insisted
    warn warns warned claim claims claimed acknowledge acknowledges acknowledged
    admit admits admitted indicate indicates indicated suggest suggests suggested
    tweet tweets tweeted publish publishes published quote quotes quoted
    cite cites cited citing recall recalls recalled reply replies replied
    respond responds responded testify testifies testified allege alleges alleged
    predict predicts predicted forecast forecasts forecasting describe describes described add adds added
    note notes noted show shows showed shown find finds found
    conclude concludes concluded
    connect connects connected link links linked tie ties tied attribute attributes
    attributed blame blames blamed characterise characterises characterised
    characterize characterizes characterized portray portrays portrayed frame frames framed
    """
)
#: Verbs that report an opinion or a belief rather than a statement.
OPINION_VERBS = _words(
    """
    argue argues argued believe believes believed think thinks thought
    feel feels felt fear fears feared contend contends contended
    consider considers view views regard regards see sees saw
    worry worries worried doubt doubts doubted suspect suspects suspected
    agree agrees agreed hope hopes hoped expect expects expected
    question questions questioned criticise criticises criticised criticize
    criticizes criticized accuse accuses accused praise praises praised
    """
)
#: Reporting verbs that also have common other senses ("added 300 jobs",
#: "found themselves", "responded to the attack"): they attribute only when a
#: statement follows ("added that", "noted,") or their subject is a source
#: of data ("figures showed", "a survey found").
TAIL_VERBS = frozenset(
    _words(
        """
        show shows showed shown find finds found add adds added note notes noted
        conclude concludes concluded indicate indicates indicated suggest suggests
        suggested estimate estimates estimated respond responds responded reply
        replies replied recall recalls recalled explain explains explained
        stress stresses stressed quote quotes quoted cite cites cited forecast forecasts describe
        describes described question questions questioned view views see sees saw
        expect expects expected hope hopes hoped
        """
    )
)
#: Verbs whose subject may follow them: '"...," said the minister'.
INVERTIBLE_VERBS = frozenset(
    _words(
        """
        said says added adds asked asks wrote writes warned warns explained explains noted notes
        insisted insists continued continues replied replies told suggests suggested reported
        reports concluded concludes
        """
    )
)
#: Verbs that attribute with any subject ("the watchdog said"); the others
#: need a name, a pronoun, a definite phrase or a known source noun.
STRONG_VERBS = frozenset(_words("said says told tells reported announced wrote writes confirmed confirms stated declared tweeted argued argues insisted insists claimed warned"))
#: Reporting verbs that are also nouns ("media reports said", "the claims").
NOUN_FORMS = frozenset(
    _words(
        """
        report reports claim claims estimate estimates fear fears hope hopes view views
        question questions doubt doubts note notes quote quotes show shows find finds
        tweet tweets reply replies praise states statement warning warnings concern concerns
        suggestion suggestions forecast forecasts
        """
    )
)
#: Words after a noun form that show it is a noun ("reports said", "claims of").
NOUN_FOLLOWERS = frozenset(
    _words(
        """
        said say says suggest suggests suggested show shows showed indicate indicates indicated
        claim claimed of from by in on about over are were is was have had has that's
        """
    )
)
#: Words before a verb form that make it a noun ("multiple reports", "the claims").
NOUN_LEADS = frozenset(
    _words(
        """
        the a an this that these those its their his her our your my multiple many some several
        numerous various new recent latest earlier previous further media press news local
        initial unconfirmed conflicting credible such no any each every other both
        """
    )
)
#: Sources whose plural or indefinite use is no one checkable: AP's anonymous sources.
FACT_SOURCE_HEADS = frozenset(
    _words(
        """
        source sources official officials insider insiders aide aides
        report reports diplomat diplomats rumour rumours rumor rumors
        study studies research researchers survey surveys poll polls estimate estimates
        figures data statistics media
        """
    )
)
#: Unnamed groups whose opinions weasel wording leans on (Wikipedia MOS:WEASEL).
OPINION_GROUP_HEADS = frozenset(
    _words(
        """
        critic critics observer observers analyst analysts expert experts
        commentator commentators pundit pundits sceptic sceptics skeptic skeptics
        opponent opponents detractor detractors supporter supporters
        proponent proponents advocate advocates scholar scholars
        historian historians economist economists scientist scientists
        author authors writer writers academic academics theorist theorists
        specialist specialists activist activists campaigner campaigners
        fan fans believer believers
        many some others most few people
        """
    )
)
#: Quantifiers that make "people", "experts" etc. an unnamed group.
GROUP_QUANTIFIERS = frozenset(_words("many some most several numerous various few certain other others number lot lots plenty"))
#: Words that describe an anonymous official or source well enough for AP
#: ("a senior Pentagon official", "defence officials", "US officials").
DESCRIPTOR_WORDS = frozenset(
    _words(
        """
        military defence defense government ministry police intelligence security
        administration diplomatic health hospital company party campaign palace
        embassy court judicial army navy naval air force state federal regional
        local provincial municipal city council cabinet presidential parliamentary
        congressional senate industry bank treasury finance foreign interior justice
        energy trade rebel opposition coalition union
        """
    )
)
#: Nationality and region adjectives: they place an official ("Israeli
#: officials") but leave a group of critics or analysts unnamed.
NATIONALITIES = frozenset(
    _words(
        """
        western eastern european arab israeli iranian american russian chinese
        british french german turkish ukrainian palestinian saudi qatari syrian
        iraqi lebanese egyptian us uk eu un nato gulf asian african
        """
    )
)
#: Post-modifiers that describe an official or source ("close to the talks",
#: "familiar with the matter", "at the ministry", "in Washington").
SOURCE_DESCRIPTOR_AFTER = re.compile(
    r"\s*,?\s*(?:close\s+to|familiar\s+with|with\s+(?:direct\s+)?knowledge\s+of|briefed\s+on|involved\s+in|"
    r"(?:in|at|from|within|inside|for|of|with|by)\s+(?:the\s+|a\s+)?\w)",
)
#: Post-modifiers that name the members of a group ("analysts at Capital
#: Economics", "critics such as Amnesty International").
GROUP_DESCRIPTOR_AFTER = re.compile(
    r"\s*,?\s*(?:(?:at|from|with|of|by)\s+(?:the\s+)?[A-Z]|(?:such\s+as|including|like|led\s+by|among\s+them)\s+(?:the\s+)?[A-Z]|"
    r"of\s+(?:those|the\s+\w+)\s+(?:questioned|surveyed|polled|asked|interviewed))",
)
#: Nouns that stand for a source as the subject of a reporting verb.
SOURCE_NOUNS = frozenset(
    _words(
        """
        spokesman spokeswoman spokesperson spokesmen minister ministry government company
        firm president secretary official officials police army military agency court judge
        prosecutor prosecutors statement report study survey poll council committee commission
        department office embassy group organisation organization party union bank regulator
        watchdog authority authorities administration campaign team club board lawyer lawyers
        author authors researcher researchers scientist scientists analyst analysts critic
        critics expert experts source sources figures data document documents paper article
        newspaper agency broadcaster website channel outlet magazine publication chief head
        leader leaders director executive chairman chairwoman ambassador envoy general
        commander spokespeople coalition alliance operator owner owners investigators inquiry
        media press television radio
        """
    )
)
#: Nouns that end in -ly (every other -ly word before a verb is an adverb).
LY_NOUNS = frozenset(_words("family ally rally assembly supply anomaly monopoly bully belly jelly lily folly homily melancholy fly"))
#: Prepositions: a name right after one is an object, not a subject.
PREPOSITIONS = frozenset(_words("in on at to from with by for of into across about over under against among between through via"))
#: Pronouns and definite phrases that refer back to a named source.
PRONOUN_SUBJECTS = frozenset(_words("he she they it him her them"))
FIRST_PERSON = frozenset(_words("i we me us my our"))
#: Auxiliaries and adverbs that sit between a subject and its verb.
SUBJECT_FILLERS = frozenset(
    _words(
        """
        has have had is was were are be been also previously later earlier recently
        then now again once further separately repeatedly publicly privately
        reportedly initially first last yesterday today tonight
        would will could may might did does do not never just
        basically actually clearly simply specifically explicitly openly quietly flatly
        categorically formally officially subsequently long already even still always
        most more less least very so too quite rather
        """
    )
)
#: Nouns for sources of data: "figures showed", "a survey found".
DATA_SUBJECTS = frozenset(
    _words(
        """
        study studies research survey surveys poll polls report reports figures data
        statistics analysis review audit census estimate estimates assessment index
        investigation inquiry document documents record records filing filings
        researchers
        """
    )
)

# -- reasons for anonymity (AP) ---------------------------------------------------------
ANONYMITY_RE = re.compile(
    r"\b(?:(?:on|under)\s+(?:the\s+)?condition\s+of\s+anonymity|anonymously|"
    r"(?:requested|asked\s+for|granted|given|spoke\s+on|speaking\s+on|sought)\s+anonymity|"
    r"not\s+(?:authori[sz]ed|allowed|permitted|cleared|empowered)\s+to|"
    r"(?:asked|declined|wished|refused|requested)\s+not\s+to\s+be\s+(?:named|identified|quoted)|"
    r"(?:declined|refused)\s+to\s+be\s+(?:named|identified)|"
    r"because\s+of\s+the\s+sensitivity|for\s+fear\s+of\s+(?:reprisals?|retribution|retaliation)|"
    r"(?:for|citing)\s+(?:their|his|her)\s+(?:own\s+)?safety)",
    re.IGNORECASE,
)
ANONYMITY_TRIGGERS = _words("anonymity anonymously authorised authorized allowed permitted cleared empowered named identified sensitivity fear safety")

# -- impersonal attribution ------------------------------------------------------------
#: Participles of "it is understood that" / "is said to": vague attribution of a fact (CIT002).
FACT_PARTICIPLES = frozenset(_words("understood reported learned learnt rumoured rumored alleged said claimed known"))
#: Participles of "it is widely seen as": a characterisation in no one's name (BAL003).
OPINION_PARTICIPLES = frozenset(
    _words(
        """
        believed thought felt feared seen considered regarded viewed perceived deemed
        described touted hailed dubbed labelled labeled branded billed accepted assumed
        reputed acclaimed
        argued suggested acknowledged recognised recognized credited criticised
        criticized praised
        """
    )
)
#: Auxiliaries of a passive frame ("is seen as", "has been described as").
PASSIVE_AUXILIARIES = frozenset(_words("is are was were been being be remains remain"))
CONSENSUS_ADVERBS = frozenset(_words("widely generally commonly often broadly largely increasingly frequently popularly universally"))
#: Adverbs that may sit between the auxiliary and the participle of an
#: impersonal frame ("is also alleged to", "is now thought to").
FRAME_ADVERBS = CONSENSUS_ADVERBS | frozenset(_words("also now still sometimes once long even further previously already usually traditionally"))
#: A view put on an unnamed group by a passive with its agent: "considered
#: by many", "regarded by some as", "seen by critics as" (lower-cased text).
BY_GROUP_RE = re.compile(
    r"\b(?:considered|regarded|seen|viewed|described|deemed|thought|believed|held|perceived|criticised|criticized|praised|"
    r"hailed|dismissed|branded|labelled|labeled|acclaimed|known)\s+by\s+(?:many|some|most|several|others|critics|observers|"
    r"commentators|scholars|historians|experts|analysts|fans|people|sceptics|skeptics)\b(?!\s+of\b)"
)

# -- claim signals ----------------------------------------------------------------------
MAGNITUDES = _words("million millions billion billions trillion trillions thousand thousands hundred hundreds dozen dozens tens bn tn")
PERCENT_WORDS = _words("percent percentage percentages")
CURRENCY_WORDS = _words("dollar dollars pound pounds euro euros yen yuan rupees roubles rubles rials riyals dinars shekels")
NUMBER_WORDS = _words(
    """
    two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety half twice double triple quadruple
    """
)
MONTHS = _words("January February March April June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec")
#: Capitalised words that are dates, not names ("May" is also a modal verb).
DATE_NAMES = frozenset([*MONTHS, "May"])
WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
TIME_WORDS = _words("ago yesterday since decade decades century")
#: Nouns that name a measured quantity (economy, conflict, politics).
STAT_NOUNS = _words(
    """
    rate rates average median total majority unemployment inflation deficit deficits debt
    budget budgets gdp revenue revenues profit profits loss losses sales wages wage salary
    salaries income incomes tax taxes prices price cost costs spending growth population
    casualties deaths death toll fatalities injuries poll polls survey census figures
    statistics jobs exports imports output production emissions turnout votes seats
    troops soldiers barrels tonnes tons acres miles kilometres kilometers refugees
    shares stake market mortgage mortgages pensions benefits subsidies funding
    investment investments payroll payrolls insurance premiums crime crimes arrests
    """
)
#: Verbs of checkable events and changes (past and perfect forms).
EVENT_VERBS = _words(
    """
    withdrew withdrawn killed signed voted passed approved rejected vetoed launched
    invaded attacked struck bombed shelled seized captured arrested detained released
    freed sacked resigned elected appointed nominated won lost defeated raised cut
    increased decreased reduced doubled tripled halved rose risen fell fallen grew grown
    dropped declined surged plunged jumped soared slumped climbed spent paid borrowed
    lent sold bought acquired merged closed opened built created cancelled canceled
    suspended banned imposed lifted sanctioned deployed sent shipped evacuated exited
    joined quit founded established introduced enacted ratified repealed blocked delayed
    postponed reached fined sued charged convicted sentenced jailed executed died
    injured wounded displaced destroyed damaged tested fired hired invested funded
    financed exported imported produced manufactured recorded registered totalled
    totaled amounted earned generated collected lowered hiked slashed expanded shrank
    shrunk lagged overtook outpaced topped exceeded ranked occupied annexed liberated
    shot stabbed crashed collapsed flooded erupted hit
    """
)
#: Present-tense verbs of a standing, measurable state ("maintains 40,000 troops").
STATE_VERBS = _words("maintains owns controls employs accounts exceeds spends earns")
SUPERLATIVES = _words(
    """
    largest biggest highest lowest smallest fastest slowest greatest fewest least
    longest shortest deadliest worst richest poorest oldest youngest
    """
)
COMPARATIVES = _words("more less fewer higher lower larger smaller greater bigger faster slower")
_TENS = _words("twenty thirty forty fifty sixty seventy eighty ninety")
_UNITS = _words("one two three four five six seven eight nine")
#: Quantities written in words that the word list above misses: compound
#: numbers ("fifty-five") and fractions ("two-thirds", "a quarter of").
COMPOUND_NUMBERS = [f"{t}-{u}" for t in _TENS for u in _UNITS]
FRACTIONS = _words("third thirds quarter quarters fifth fifths tenth tenths one-third two-thirds one-quarter three-quarters one-fifth")
#: "per cent" written out after a number in words ("eighty per cent").
PERCENT_PHRASE_RE = re.compile(r"\bper\s+cent\b")
#: A fraction of something: "a third of", "two-thirds of", "one in five".
FRACTION_RE = re.compile(
    r"\b(?:a|one|two|three|four)[-\s](?:third|thirds|quarter|quarters|fifth|fifths|tenth|tenths)\s+of\b"
    r"|\b(?:one-third|two-thirds|one-quarter|three-quarters|one-fifth)\b"
)
#: Words of a record claim: first, only, last, record, never ("the first
#: woman to", "a record high", "has never been").
RECORD_WORDS = _words("first only last record records all-time never")
#: A record claim (lower-cased text): "for the first time", "the only
#: country to", "the first British woman to win", "record high", "all-time
#: low", "since records began", "has never been", "never before". ("Number
#: one" is left out: it opens spoken lists and titles players, "world number
#: one Lindsay Davenport".)
RECORD_RE = re.compile(
    r"\bfor\s+the\s+(?:first|last)\s+time\b"
    r"|\bthe\s+(?:first|only|last)\s+(?:[\w’'-]+\s+){1,3}?(?:to|since|ever|in\s+history)\b"
    r"|\b(?:record|all[-\s]time)\s+(?:high|highs|low|lows|level|levels|number|numbers|sales|profits?|losses|figures?|turnout|deficit|temperatures?)\b"
    r"|\brecord[-\s]breaking\b|\bsince\s+records\s+began\b"
    r"|\b(?:has|have|had|['’]ve)\s+never\b|\bnever\s+before\b"
)
RECORD = (RECORD_RE, ("for", "the", "record", "all", "since", "has", "have", "had", "'ve", "’ve", "never"))
#: Auxiliaries of the perfect: "has cut", "have lost", "had never been".
PERFECT_AUXILIARIES = _words("has have had")
#: A completed action (lower-cased text): the perfect with a participle.
PERFECT_RE = re.compile(
    r"\b(?:has|have|had|['’]ve)\s+(?:(?:not|never|already|just|also|since|now|recently|long|both|all|previously|twice)\s+)?"
    r"(?:been|[a-z]{2,}ed|gone|done|made|taken|given|seen|grown|risen|fallen|lost|won|cut|spent|paid|sent|built|brought|held|kept|"
    r"become|begun|shown|written|told|said|sold|bought|left|led|met|put|run|set|struck|thrown|withdrawn|driven|drawn|fought|hit|shot|shut)\b"
)
PERFECT = (PERFECT_RE, ("has", "have", "had", "'ve", "’ve"))
#: Words that mark the present moment: with a comparative they make a
#: claim of change ("prices are now higher", "fewer jobs today").
NOW_WORDS = _words("now today currently nowadays anymore")
#: First-person commitments ("I propose", "we support"): a pledge or a
#: position, not a checkable fact.
COMMITMENT_WORDS = _words("promise promised pledge pledged propose proposed support oppose favor favour")
COMMITMENT_RE = re.compile(
    r"\b(?:i|we)\s+(?:(?:also|strongly|fully|still|will|would|do|did|have|always)\s+)?"
    r"(?:promise|promised|pledge|pledged|propose|proposed|support|oppose|favou?r)\b"
)

# -- not-claims -----------------------------------------------------------------------
HEDGES = _words(
    """
    could may might possibly perhaps probably likely unlikely maybe potentially
    apparently arguably conceivably presumably seemingly plausibly seem seems seemed
    appear appears appeared possible speculation speculated speculate
    """
)
PRESCRIPTIVES = _words("should shouldn't must mustn't ought need needs gotta")
#: Multi-word prescriptions ("have to", "got to").
PRESCRIPTIVE_RE = re.compile(r"\b(?:ha(?:ve|s)\s+(?:got\s+)?to|got\s+to|need(?:s)?\s+to)\b")
#: Phrase patterns with the words every match starts with (see
#: ``analysis._search_from``: matched only where those words occur; the
#: longer the words, the fewer false starts: "has" and "have", not "ha").
PRESCRIPTIVE = (PRESCRIPTIVE_RE, ("have", "has", "got", "need"))
FUTURES = _words("will won't shall")
#: Words of a prospective frame ("is set to", "are due to", "is expected to",
#: "on course to"): a plan or a forecast, not yet a checkable fact.
PROSPECTIVE_WORDS = _words("set due expected scheduled slated poised about planning preparing hoping aiming course track")
CONDITIONALS = _words("if unless")
EVALUATIVES = _words(
    """
    good bad great wrong important terrible wonderful proud glad sorry happy
    clear obvious notable remarkable striking troubling dramatic ambiguous
    uncomfortable difficult complex contradictory genuine credible interesting
    fair unfair best worst excellent awful outrageous disgraceful shameful
    tremendous fantastic incredible serious critical crucial vital essential
    fundamental dangerous reckless naive absurd ridiculous tragic
    """
)
#: First-person verbs of opinion and intent ("I think", "we want").
FIRST_PERSON_OPINION = _words("think believe feel hope want guess suppose wish intend")
#: Past forms: a report of what happened is checkable, a view is not.
PAST_FORMS = _words(
    """
    was were had did went made gave took came put got began brought built paid sent spent
    left lost won led held kept ran set sold stood became fought broke met wrote chose drove
    fell rose grew drew threw flew forgot hid hit knew lay lent meant overtook paid quit read
    rode rang sank sang sat shook shot shut slept slid spoke spun spread stole struck swore
    swept swam taught tore understood undertook upheld withdrew woke wore wound
    didn't wasn't weren't hadn't
    """
)
#: Hypothetical and ability modals: "would", "can" state no fact.
HYPOTHETICALS = _words("would wouldn't 'd ’d")
ABILITY = _words("can can't cannot")
#: Sweeping generalisations: "everybody", "always".
GENERIC_WORDS = _words("everybody everyone anybody anyone nobody always everything nothing")
#: Laws, programmes and deals: the record a fact-checker checks.
POLICY_NOUNS = _words(
    """
    bill bills law laws legislation act amendment treaty agreement deal accord sanctions
    program programs programme programmes plan proposal proposals policy policies
    resolution veto regulation regulations reform reforms ceasefire truce
    """
)
#: Words ending in -ed that are adjectives or names, not past verbs.
NOT_PAST_ED = frozenset(
    _words(
        """
        united concerned interested supposed used red bed need indeed speed feed seed hundred
        proceed exceed succeed limited talented beloved naked wicked sacred rugged ragged
        dedicated advanced detailed determined educated experienced qualified skilled
        sophisticated complicated varied related alleged biased armed aged based
        """
    )
)
SECOND_PERSON = _words("you your")

#: A speaker for quoted speech: a speech verb (with its subject) or "according to".
SPEECH_VERBS = _words(
    """
    said says say saying told tells telling asked asks asking added adds adding stated
    states stating wrote writes writing tweeted posted declared declares insisted insists
    insisting warned warns warning explained explains explaining replied replies
    responded responds recalled recalls quoted argued argues arguing claimed claims
    continued continues noted notes noting remarked observed conceded concedes admitted
    admits acknowledged boasted joked pleaded shouted vowed pledged promised cautioned
    urged demanded announced reiterated stressed emphasised emphasized suggested
    suggests predicted predicts added thundered complained lamented quipped countered
    retorted confirmed described describes put according agreed agrees called calls
    dubbed termed concluded concludes statement interview commented comments whispered
    ask wondered muttered
    """
)
SPEECH_RE = re.compile(
    r"\b(?:" + trie_source(SPEECH_VERBS) + r"|in\s+a\s+(?:statement|speech|post|tweet|interview|letter|message|video|briefing|press\s+conference))\b",
    re.IGNORECASE,
)

# -- one lookup table for every cue word ---------------------------------------------------

#: Lower-case cue word -> its roles (a word can play several: "reports").
CUE_ROLES: dict[str, tuple[str, ...]] = {}


def _add(role: str, words: Iterable[str]) -> None:
    for word in words:
        word = word.lower()
        roles = CUE_ROLES.get(word, ())
        if role not in roles:
            CUE_ROLES[word] = (*roles, role)
        if "'" in word:
            CUE_ROLES[word.replace("'", "’")] = CUE_ROLES[word]


# Roles named like a claim signal or damper of scoring.py give it directly;
# the others need a look at the context first.
_add("according", ["according"])
_add("per", ["per"])
_add("citing", ["citing"])
_add("hedge-word", HEDGES)
_add("prescriptive", PRESCRIPTIVES)
_add("future", FUTURES)
_add("prospective", PROSPECTIVE_WORDS)
_add("if-word", CONDITIONALS)
_add("report", REPORT_VERBS)
_add("opinion", OPINION_VERBS)
_add("participle", FACT_PARTICIPLES | OPINION_PARTICIPLES)
_add("impersonal", ["reportedly", "supposedly", "purportedly"])
_add("anonymity", ANONYMITY_TRIGGERS)
_add("head", FACT_SOURCE_HEADS | OPINION_GROUP_HEADS)
_add("document", ["statement", "report", "study", "survey", "poll", "analysis", "data", "figures", "estimate", "estimates", "assessment", "audit", "review"])
_add("percent", PERCENT_WORDS)
_add("currency", CURRENCY_WORDS)
_add("magnitude", MAGNITUDES)
_add("count", NUMBER_WORDS)
_add("count", COMPOUND_NUMBERS)
_add("fraction", FRACTIONS)
_add("cent", ["cent"])
_add("record-word", RECORD_WORDS)
_add("now", NOW_WORDS)
_add("perfect-aux", PERFECT_AUXILIARIES)
_add("commitment", COMMITMENT_WORDS)
_add("month", MONTHS)
_add("date", WEEKDAYS)
_add("date", TIME_WORDS)
_add("statistic", STAT_NOUNS)
_add("event", EVENT_VERBS)
_add("state", STATE_VERBS)
_add("past", PAST_FORMS)
_add("superlative", SUPERLATIVES)
_add("comparative", COMPARATIVES)
_add("evaluative", EVALUATIVES)
_add("hypothetical", HYPOTHETICALS)
_add("ability", ABILITY)
_add("generic", GENERIC_WORDS)
_add("policy", POLICY_NOUNS)
_add("modal-to", ["have", "has", "got", "need", "needs"])
_add("first", FIRST_PERSON)
_add("first-opinion", FIRST_PERSON_OPINION)
_add("second-person", SECOND_PERSON)
_add("there", ["there"])
_add("speech", SPEECH_VERBS)  # a speaker for quoted speech (SPEECH_RE's words)

#: Every role, signal and damper as one bit, so a sentence's cues combine
#: with ``|`` and a role test is ``mask & BIT[role]``.
BIT: dict[str, int] = {}


def bit(name: str) -> int:
    """Return the bit of a role, signal or damper (allocated on first use)."""
    if name not in BIT:
        BIT[name] = 1 << len(BIT)
    return BIT[name]


for _roles in CUE_ROLES.values():
    for _role in _roles:
        bit(_role)

#: Punctuation that sticks to a word when a sentence is split at white space.
_TRAILING = ("", ",", ".", ";", ":", "?", "!", ")", "’s", "'s", "—", "…")


def _mask(roles: tuple[str, ...]) -> int:
    value = 0
    for role in roles:
        value |= BIT[role]
    return value


#: Token as split from a lower-cased sentence -> (cue word, its roles).
CUE_TOKENS: dict[str, tuple[str, tuple[str, ...]]] = {}
#: Token -> the bits of its roles (one mask per word, shared by its tokens).
TOKEN_MASK: dict[str, int] = {}
_WORD_MASK = {word: _mask(roles) for word, roles in CUE_ROLES.items()}


def _build_tokens() -> None:
    # One pass for both tables (a word's tokens, word by word; then "(word"),
    # the order in which two comprehensions would fill them: a token two
    # words can form keeps its first place and its last word.
    tokens, masks = CUE_TOKENS, TOKEN_MASK
    for word, roles in CUE_ROLES.items():
        entry, mask = (word, roles), _WORD_MASK[word]
        for tail in _TRAILING:
            token = word + tail
            tokens[token] = entry
            masks[token] = mask
    for word, roles in CUE_ROLES.items():
        token = "(" + word
        tokens[token] = (word, roles)
        masks[token] = _WORD_MASK[word]


_build_tokens()
CUE_KEYS = frozenset(CUE_TOKENS)

# -- anchored context patterns (run only where a cue was found) -----------------------------

#: "according to X" / "per X" / "citing X": the noun phrase after the cue.
AFTER_NP_RE = re.compile(r"\s+(?:to\s+)?((?:[\w’'.&-]+[ \t]*){1,10})")
#: A reported clause without "that" after a reporting verb: up to four words
#: and a finite auxiliary ("estimates sales will hit", "noted the plan
#: would cost"); an object ("added 300 jobs in May") has none. ("may" and
#: "might" are left out: the month, the noun.)
THATLESS_CLAUSE_RE = re.compile(
    r" +(?:(?!(?:and|but|or|nor|which|who|whom|that|when|while|as|after|before|because|if|to|for|with)\b)[\w’'-]+ +){1,4}"
    r"(?:will|would|could|can|should|must|is|are|was|were|has|have|had)\b"
)
#: Words after "per" that make it a rate, not a source: "per cent", "per day".
PER_UNITS = frozenset(
    _words(
        """
        cent capita day days week weeks month months year years annum hour hours minute
        minutes second head person people household unit share barrel barrels tonne ton
        litre liter gallon kilo kilogram mile kilometre kilometer se diem mille
        """
    )
)
#: What follows a passive characterisation: "as", "to be", "to have", "one of".
PASSIVE_TAIL_RE = re.compile(r"\s+(?:as\b|to\s+(?:be|have|\w+)\b|that\b|one\s+of\b|(?:a|an|the)\s)", re.IGNORECASE)
#: An agent after a passive ("by the ministry", "by Reuters") names the source.
AGENT_RE = re.compile(r"[^.;:]{0,40}?\bby\s+(?:the\s+|a\s+)?(?:[A-Z]|(?:ministry|government|court|report|study|police|army|agency)\b)")
#: "there are (unconfirmed) reports that": a vague source.
THERE_REPORTS_RE = re.compile(r"\bthere\s+(?:are|were|have\s+been|had\s+been)\s+(?:\w+\s+)?$", re.IGNORECASE)

#: Sentence openers that mark the writer's own analysis, not a reported fact.
ANALYSIS_OPENER_RE = re.compile(
    r"(?:what\s+(?:is|was|remains|seems|appears)\s+(?:clear|certain|known|evident|obvious|striking|notable)|"
    r"what\s+(?:can|could|cannot)\s+be\s+said|what\s+matters|the\s+(?:question|point|issue|problem|lesson|irony|truth)\s+is|"
    r"on\s+(?:one|another|this|that|either)\s+reading|in\s+other\s+words|put\s+(?:simply|another\s+way)|in\s+short|"
    r"it\s+is\s+(?:clear|obvious|evident|striking|notable|telling|worth\s+noting)|clearly|arguably|"
    r"this\s+(?:means|suggests|shows|is\s+why|matters)|that\s+(?:gap|ambiguity|matters)|"
    r"(?:this|that|such\s+a)\s+(?:framing|reading|interpretation|argument|analysis|view|gap|ambiguity|dynamic|approach|logic|tension)\b|"
    r"neither\s+reading|the\s+sources?\s+(?:do|does|did)\s+not|whether\b|first,|second,|third,|finally,)",
    re.IGNORECASE,
)
#: Sentence openers that start a conditional or an imperative.
CONDITIONAL_OPENER_RE = re.compile(r"(?:if|unless|should\s+\w+|were\s+\w+|had\s+\w+\s+\w+ed|in\s+case|provided\s+that|assuming)\b", re.IGNORECASE)
IMPERATIVE_OPENER_RE = re.compile(r"(?:let['’]?s|let\s+us|let\s+me|look,|imagine|consider|remember|note\s+that|vote|thank|thanks|please)\b", re.IGNORECASE)
#: Discourse markers after which a new paragraph topic starts (attribution does not carry).
CARRY_BREAK_RE = re.compile(
    r"(?:but|however|yet|still|meanwhile|separately|elsewhere|in\s+contrast|by\s+contrast|on\s+the\s+other\s+hand|"
    r"this\s+publication|we\b|in\s+our\s+view|what\s+is\s+clear|neither)\b",
    re.IGNORECASE,
)
#: "could not", "couldn't": inability, not speculation.
NEGATED_MODAL_RE = re.compile(r"(?:\s+not\b|n['’]t\b|\s+never\b)")
#: What makes "may" epistemic (speculation about a fact) rather than a
#: general possibility or a permission ("symptoms may include", "members
#: may vote"): "may have gone", "may well", "may soon", "may be planning".
EPISTEMIC_MAY_RE = re.compile(
    r"\s+(?:not\s+|also\s+)?(?:have\s+\w+|well|soon|yet|already|even|be\s+\w+ing\b|be\s+about\s+to"
    r"|be\s+(?:the|more|less|related|due|linked|caused|responsible|derived|connected)\b)\b"
)
#: A noun "might" ("military might").
MIGHT_NOUN_BEFORE = frozenset(_words("military economic naval air its their his her full all industrial financial"))
#: "possible that" / "it is possible": speculation; "where possible" is not.
POSSIBLE_RE = re.compile(r"\b(?:it\s+(?:is|was|remains|seems|'s|’s)\s+(?:\w+\s+)?possible|possible\s+that)\b", re.IGNORECASE)
#: "seems to", "appears to", "appeared that": speculation; "appeared in court" is not.
SEEM_TAIL_RE = re.compile(
    r"\s+(?:to|that|as\s+if|as\s+though|like|likely|unlikely|increasingly|probable|plausible|possible|doubtful|uncertain|unclear)\b", re.IGNORECASE
)
#: Words before a quotation that make it a title or a term, not speech.
TITLE_WORDS = frozenset(
    _words(
        """
        titled entitled called named dubbed headlined headed so-called as word words phrase
        term terms slogan hashtag label motto banner book film report article essay song
        album paper column op-ed series programme program show documentary campaign operation
        """
    )
    + ["known as"]
)
# -- numbers ---------------------------------------------------------------------------
#: A figure: digits with thousands separators or decimals.
NUMBER_RE = re.compile(r"\d(?:[\d,.]*\d)?")
#: What follows a figure: a unit that tells what it counts.
NUMBER_SUFFIX_RE = re.compile(r"(%|\s?%|bn\b|tn\b|m\b|k\b|st\b|nd\b|rd\b|th\b|s\b|\s(?:per\s?cent|percent|percentage)\b)", re.IGNORECASE)

# -- per-sentence patterns of the claim signals -------------------------------------------
#: A capitalised word after the first one: a name or an acronym ("I" excepted).
#: Written capital first (searching from the sentence's second word) so the
#: regex engine skips to capitals instead of trying every white space.
NAMED_ACTOR_RE = re.compile(r"[A-Z](?<=\s[A-Z])(?<!\sI\b)")
#: A month name written as one (capitalised): "2 May", "May 2".
MONTH_CASED_RE = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b")
#: "they'll", "we'll": the future.
WILL_CONTRACTION_RE = re.compile(r"\w['’]ll\b")
#: "is set to", "are due to", "was expected to", "is to", "on course to":
#: a plan or a forecast (matched against lower-cased text).
PROSPECTIVE_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|['’]s|['’]re)\s+(?:(?:also|now|still|not|already|currently|widely|initially)\s+)?"
    r"(?:set|due|expected|scheduled|slated|poised|about|planning|preparing|hoping|aiming)\s+to\b"
    r"|\b(?:is|are)\s+to\s+[a-z]|\bon\s+(?:course|track)\s+to\b"
)
PROSPECTIVE = (PROSPECTIVE_RE, ("is", "are", "was", "were", "be", "'s", "’s", "'re", "’re", "on"))
#: How a sentence opens: the writer's analysis, a conditional, an imperative.
#: (Matched against lower-cased text.)
OPENER_RE = re.compile(
    r"(?:(?P<analysis>" + ANALYSIS_OPENER_RE.pattern + r")|(?P<conditional>" + CONDITIONAL_OPENER_RE.pattern + r")|(?P<imperative>" + IMPERATIVE_OPENER_RE.pattern + r"))"
)
#: Clause boundaries inside a sentence, for finding the subject of a verb.
CLAUSE_SPLIT_RE = re.compile(r"[,;:—–()\[\]\"]")


# -- helpers for the analysis -------------------------------------------------------------------


def words_with(hits: set[str], role_bit: int) -> list[str]:
    """The cue words among ``hits`` that play a role."""
    mask, word = TOKEN_MASK, CUE_TOKENS
    return sorted({word[t][0] for t in hits if mask[t] & role_bit})


def word_positions(low: str, word: str, a: int, b: int) -> list[int]:
    """Offsets of ``word`` as a whole word in ``low[a:b]``."""
    out = []
    pos = low.find(word, a, b)
    n = len(word)
    while pos != -1:
        before = low[pos - 1] if pos > a else " "
        after = low[pos + n] if pos + n < b else " "
        if not (before.isalnum() or before in "-_") and not (after.isalnum() or after in "-_"):
            out.append(pos)
        pos = low.find(word, pos + n, b)
    return out
