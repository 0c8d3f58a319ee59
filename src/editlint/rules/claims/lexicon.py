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

The analysis scans a document once with :data:`CUE_RE`, a trie-shaped
alternation of every cue word below (plus numbers and currency signs), and
sorts the matches into sentences; each cue word maps to one category in
:data:`CUE_CATEGORY`. Context checks then run only where a cue was found,
with the small anchored patterns at the end of this module.
"""

from __future__ import annotations

import re
from typing import Iterable

# -- helpers ---------------------------------------------------------------------


def _words(block: str) -> list[str]:
    return [w for line in block.splitlines() for w in line.split("#", 1)[0].split()]


def trie_pattern(words: Iterable[str]) -> str:
    """Return a regex alternation of ``words`` shaped as a trie.

    ``re`` tries the branches of a flat alternation one by one at every
    position; sharing prefixes makes a few hundred words as cheap to match
    as a dozen.
    """
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        if len(branches) == 1 and not end:
            return branches[0]
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if end else body

    return emit(root)


# -- attribution ------------------------------------------------------------------

#: Neutral reporting verbs: "X said", "X told", "X reported" (AP: "said" is the default).
REPORT_VERBS = _words(
    """
    say says said saying tell tells told telling
    report reports reported reporting announce announces announced announcing
    write writes wrote written confirm confirms confirmed confirming
    state states stated declare declares declared disclose discloses disclosed
    reveal reveals revealed revealing estimate estimates estimated
    explain explains explained stress stresses stressed insist insists insisted
    warn warns warned claim claims claimed acknowledge acknowledges acknowledged
    admit admits admitted indicate indicates indicated suggest suggests suggested
    tweet tweets tweeted publish publishes published quote quotes quoted
    cite cites cited citing recall recalls recalled reply replies replied
    respond responds responded testify testifies testified allege alleges alleged
    predict predicts predicted describe describes described add adds added
    note notes noted show shows showed shown find finds found
    conclude concludes concluded
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
    maintain maintains maintained
    """
)
#: Reporting verbs that are also common event or noun senses ("posted a
#: loss", "added 300 jobs", "a TV show"): attribution only with a source
#: subject (a study, figures, a survey).
DATA_VERBS = frozenset(_words("show shows showed shown find finds found add adds added note notes noted conclude concludes concluded indicate indicates indicated suggest suggests suggested estimate estimates estimated"))
#: Sources whose plural or indefinite use is no one checkable: AP's anonymous sources.
FACT_SOURCE_HEADS = frozenset(
    _words(
        """
        source sources official officials insider insiders aide aides
        report reports diplomat diplomats rumour rumours rumor rumors
        study studies research survey surveys poll polls estimate estimates
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
        many some others most few people
        """
    )
)
#: Quantifiers that make "people", "experts" etc. an unnamed group.
GROUP_QUANTIFIERS = frozenset(_words("many some most several numerous various few certain other others a number of lot lots plenty"))
#: Words that describe an anonymous source well enough (AP: "as much as possible").
DESCRIPTOR_WORDS = frozenset(
    _words(
        """
        military defence defense government ministry police intelligence security
        administration diplomatic health hospital company party campaign palace
        embassy court judicial army navy naval air force state federal regional
        local provincial municipal city council cabinet presidential parliamentary
        congressional senate senior-level industry bank treasury finance foreign
        interior justice energy trade rebel opposition official coalition union
        western eastern european arab israeli iranian american russian chinese
        british french german turkish ukrainian palestinian saudi qatari syrian
        iraqi lebanese egyptian
        """
    )
)
#: Post-modifiers that describe a source ("close to the talks", "familiar with the matter").
DESCRIPTOR_AFTER = re.compile(
    r"\s*,?\s*(?:close\s+to|familiar\s+with|with\s+(?:direct\s+)?knowledge\s+of|briefed\s+on|involved\s+in|"
    r"(?:in|at|from|within|inside|for|of|with)\s+(?:the\s+)?[A-Z\w])",
)
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
        argued suggested acknowledged recognised recognized held credited criticised
        criticized praised
        """
    )
)
CONSENSUS_ADVERBS = frozenset(_words("widely generally commonly often broadly largely increasingly frequently popularly universally"))
IMPERSONAL_TRIGGERS = [*FACT_PARTICIPLES, *OPINION_PARTICIPLES, "reportedly", "supposedly", "purportedly", "speculation", "rumours", "rumors"]

# -- claim signals ----------------------------------------------------------------------
MAGNITUDES = _words("million millions billion billions trillion trillions thousand thousands hundred hundreds dozen dozens tens bn tn")
PERCENT_WORDS = _words("percent percentage percentages")
CURRENCY_WORDS = _words("dollar dollars pound pounds euro euros yen yuan rupees roubles rubles rials riyals dinars shekels")
NUMBER_WORDS = _words(
    """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety half halved twice double doubled triple tripled quadrupled third quarter
    """
)
MONTHS = _words("January February March April June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec")
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
    shares stake market interest mortgage mortgages pensions benefits subsidies funding
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
STATE_VERBS = _words("maintains owns controls employs houses hosts accounts ranks costs totals exceeds holds produces exports imports spends earns")
SUPERLATIVES = _words(
    """
    largest biggest highest lowest smallest fastest slowest greatest fewest least
    longest shortest deadliest worst richest poorest oldest youngest record
    """
)
COMPARATIVES = _words("more less fewer higher lower larger smaller greater bigger faster slower")

# -- not-claims -----------------------------------------------------------------------
HEDGES = _words(
    """
    could may might possibly perhaps probably likely unlikely maybe potentially
    apparently arguably conceivably presumably seemingly plausibly seem seems seemed
    appear appears appeared possible speculation speculated speculate
    """
)
PRESCRIPTIVES = _words("should shouldn't must mustn't ought need needs")
FUTURES = _words("will won't shall")
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
FIRST_PERSON_OPINION = _words("think believe feel hope want guess suppose wish like love hate intend plan")
SECOND_PERSON = _words("you your")

# -- the single scanning pattern -----------------------------------------------------------

#: Cue word -> category. Lower-case entries also match capitalised at a sentence start.
CUE_CATEGORY: dict[str, str] = {}


def _add(category: str, words: Iterable[str], *, capitalise: bool = True) -> None:
    for word in words:
        forms = [word, word[:1].upper() + word[1:]] if capitalise and word[:1].islower() else [word]
        for form in forms:
            CUE_CATEGORY.setdefault(form, category)
            if "'" in form:
                CUE_CATEGORY.setdefault(form.replace("'", "’"), category)


# Order matters: a word takes the first category it is given; the analysis
# looks a word up again in the other sets where it can play two roles
# ("reports" the noun and the verb).
_add("according", ["according"])
_add("per", ["per"])
_add("hedge", HEDGES)
_add("prescriptive", PRESCRIPTIVES)
_add("future", FUTURES)
_add("conditional", CONDITIONALS)
_add("report", REPORT_VERBS)
_add("opinion", OPINION_VERBS)
_add("impersonal", IMPERSONAL_TRIGGERS)
_add("anonymity", ANONYMITY_TRIGGERS)
_add("source", FACT_SOURCE_HEADS | OPINION_GROUP_HEADS)
_add("percent", PERCENT_WORDS)
_add("currency", CURRENCY_WORDS)
_add("magnitude", MAGNITUDES)
_add("numword", NUMBER_WORDS)
_add("month", MONTHS, capitalise=False)
_add("weekday", WEEKDAYS, capitalise=False)
_add("time", TIME_WORDS)
_add("stat", STAT_NOUNS)
_add("event", EVENT_VERBS)
_add("state", STATE_VERBS)
_add("superlative", SUPERLATIVES)
_add("comparative", COMPARATIVES)
_add("evaluative", EVALUATIVES)
_add("first", ["I", "we", "We", "my", "My", "our", "Our"], capitalise=False)
_add("second", SECOND_PERSON)
_add("statement", ["statement", "interview", "communique", "communiqué"])

_NUMBER = r"(?<![\w.,])\d(?:[\d,.]*\d)?(?:bn|tn|m|k|st|nd|rd|th|s)?(?![\w])"
#: The one pattern the analysis runs over a document's writer's-voice text.
CUE_RE = re.compile(
    r"(?P<num>" + _NUMBER + r")|(?P<sym>[$£€¥%])|\b(?P<word>" + trie_pattern(CUE_CATEGORY) + r")\b"
)

# -- anchored context patterns (run only where a cue was found) -----------------------------

#: "according to X" / "per X" / "citing X": the noun phrase after the cue.
AFTER_NP_RE = re.compile(r"\s+(?:to\s+)?((?:[\w’'.&-]+\s*){1,8})")
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
#: Impersonal "it is understood that" and passive "is widely seen as" frames.
IT_FRAME_RE = re.compile(
    r"\b(?:it|this)\s+(?:is|was|has\s+been|had\s+been|is\s+being|were)\s+(?:(?:widely|generally|commonly|often|now|also|increasingly|broadly|largely|further|still)\s+)?$",
    re.IGNORECASE,
)
PASSIVE_FRAME_RE = re.compile(
    r"\b(?:is|are|was|were|been|being|be|remains?)\s+(?:(?:widely|generally|commonly|often|now|also|increasingly|broadly|largely|still|frequently|popularly|universally|sometimes|variously)\s+)?$",
    re.IGNORECASE,
)
#: What follows a passive characterisation: "as", "to be", "to have", "one of".
PASSIVE_TAIL_RE = re.compile(r"\s+(?:as\b|to\s+(?:be|have|\w+)\b|that\b|one\s+of\b|(?:a|an|the)\s)", re.IGNORECASE)
#: An agent after a passive ("by the ministry", "by Reuters") names the source.
AGENT_RE = re.compile(r"[^.;:]{0,40}?\bby\s+(?:the\s+|a\s+)?(?:[A-Z]|(?:ministry|government|court|report|study|police|army|agency)\b)")
#: "some say", "many believe", "there are those who argue".
GROUP_VERB_RE = re.compile(
    r"\s+(?:(?:have|had|would|will|may|might|also|now|still|even|long|often)\s+)*(?:\w+\s+)?$",
)
THOSE_WHO_RE = re.compile(r"\bthere\s+(?:are|were|have\s+been)\s+(?:those|some|many|others)\s+who\s+$", re.IGNORECASE)
THERE_REPORTS_RE = re.compile(r"\bthere\s+(?:are|were|have\s+been|had\s+been)\s+(?:\w+\s+)?$", re.IGNORECASE)

#: Sentence openers that mark the writer's own analysis, not a reported fact.
ANALYSIS_OPENER_RE = re.compile(
    r"(?:what\s+(?:is|was|remains|seems|appears)\s+(?:clear|certain|known|evident|obvious|striking|notable)|"
    r"what\s+(?:can|could|cannot)\s+be\s+said|what\s+matters|the\s+(?:question|point|issue|problem|lesson|irony|truth)\s+is|"
    r"on\s+(?:one|another|this|that|either)\s+reading|in\s+other\s+words|put\s+(?:simply|another\s+way)|in\s+short|"
    r"it\s+is\s+(?:clear|obvious|evident|striking|notable|telling|worth\s+noting)|clearly|arguably|"
    r"this\s+(?:means|suggests|shows|is\s+why|matters)|that\s+(?:gap|ambiguity|matters)|"
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
#: A noun "might" ("military might").
MIGHT_NOUN_BEFORE = frozenset(_words("military economic naval air its their his her full all industrial financial"))
#: "possible that" / "it is possible": speculation; "where possible" is not.
POSSIBLE_RE = re.compile(r"\b(?:it\s+(?:is|was|remains|seems|'s|’s)\s+(?:\w+\s+)?possible|possible\s+that)\b", re.IGNORECASE)
#: "seems to", "appears to", "appeared that": speculation; "appeared in court" is not.
SEEM_TAIL_RE = re.compile(r"\s+(?:to|that|as\s+if|as\s+though|like|likely|unlikely|increasingly)\b", re.IGNORECASE)
#: A modal used as a prescription ("should", "must", "needs to", "ought to").
NEED_TAIL_RE = re.compile(r"\s+to\b", re.IGNORECASE)
#: Titles and labels, not speech: 'a report titled "..."'.
TITLE_BEFORE_RE = re.compile(
    r"(?:titled|entitled|called|named|dubbed|headlined|headed|so-called|known\s+as|the\s+(?:word|words|phrase|term|slogan|hashtag|label|motto|banner)s?|"
    r"(?:book|film|report|article|essay|song|album|paper|column|op-ed|series|programme|program|show|documentary|campaign|operation)),?\s*$",
    re.IGNORECASE,
)
#: A speaker for quoted speech: a speech verb (with its subject) or "according to".
SPEECH_VERBS = _words(
    """
    said says say saying told tells asked asks added adds stated states wrote writes
    tweeted posted declared insisted insists warned warns explained explains replied
    replies responded recalled recalls quoted argued argues claimed claims continued
    noted notes remarked observed conceded admitted acknowledged boasted joked pleaded
    shouted vowed pledged promised cautioned urged demanded announced told reiterated
    stressed emphasised emphasized suggested predicted added thundered complained
    lamented quipped countered retorted conceded confirmed described put according
    """
)
SPEECH_RE = re.compile(
    r"\b(?:" + trie_pattern(SPEECH_VERBS) + r"|in\s+a\s+(?:statement|speech|post|tweet|interview|letter|message|video|briefing|press\s+conference))\b",
    re.IGNORECASE,
)
