"""Who a post names or describes: pupils, adults, classes and places.

Shared by the pupil rules (pupil-surname, pupil-name, individual-pupil). The
analysis reads the normalised text (look-alikes, zero-width characters,
leetspeak, spaced letters, possessives and hashtags already undone) and
decides, for every capitalised word that could be a first name:

* is it a pupil on the roster, or a child the wording makes the subject
  ("Well done Josh, a much better lesson today") though not on the roster?
* or an adult (a title: Mrs Patel, PC Sam Hill; a role: author Jo Brookes),
  a class (Oak Class), a place or title of a work (Walker Art Gallery, Amazing
  Grace, in Sydney), or an ordinary word (Hope you have a lovely half term)?

Names that are also ordinary English words (Grace, Hope, Ruby, Joy) count as a
child's name only where the wording makes a child the subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from safepost.policy.roster import Roster
from safepost.policy.text import PostText, Token, fold

# Words before a name that make it an adult's name.
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "miss",
        "ms",
        "mx",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "rev",
        "revd",
        "reverend",
        "father",
        "fr",
        "sister",
        "canon",
        "bishop",
        "cllr",
        "councillor",
        "mayor",
        "pc",
        "sgt",
        "sergeant",
        "inspector",
        "officer",
        "constable",
        "coach",
        "nurse",
        "captain",
        "capt",
        "rabbi",
        "imam",
        "pastor",
        "deacon",
        "judge",
        "madam",
        "madame",
        "monsieur",
        "senor",
        "señor",
        "king",
        "queen",
        "prince",
        "princess",
        "st",
        "saint",
        "san",
        "santa",
    ]
)
# Titles that count only when written in capitals or capitalised (PC, Coach, Captain Tom).
TITLES = TITLES | {"storm", "hurricane"}  # "Storm Bram" is weather, not a child
_CASE_SENSITIVE_TITLES = frozenset(
    {
        "storm",
        "hurricane",
        "pc",
        "coach",
        "captain",
        "capt",
        "nurse",
        "officer",
        "father",
        "sister",
        "canon",
        "judge",
        "lady",
        "lord",
    }
)
ADULT_ROLES = frozenset(
    [
        "author",
        "illustrator",
        "poet",
        "writer",
        "storyteller",
        "artist",
        "visitor",
        "visitors",
        "speaker",
        "guest",
        "governor",
        "governors",
        "headteacher",
        "head",
        "teacher",
        "teachers",
        "caretaker",
        "cook",
        "cooks",
        "chef",
        "volunteer",
        "volunteers",
        "parent",
        "parents",
        "mum",
        "dad",
        "mummy",
        "daddy",
        "grandma",
        "grandad",
        "granny",
        "grandpa",
        "nan",
        "nana",
        "grandmother",
        "grandfather",
        "aunt",
        "auntie",
        "uncle",
        "firefighter",
        "paramedic",
        "police",
        "policeman",
        "policewoman",
        "vicar",
        "priest",
        "chaplain",
        "midwife",
        "dentist",
        "doctor",
        "scientist",
        "archaeologist",
        "athlete",
        "olympian",
        "footballer",
        "musician",
        "composer",
        "singer",
        "actor",
        "actress",
        "mp",
        "councillor",
        "inspector",
        "photographer",
        "journalist",
        "presenter",
        "lollipop",
        "crossing",
        "patrol",
        "chair",
        "chairman",
        "chairwoman",
        "clerk",
        "secretary",
        "manager",
        "administrator",
        "bursar",
        "senco",
        "assistant",
        "ta",
        "hlta",
        "coordinator",
        "lead",
        "leader",
        "instructor",
        "coach",
        "tutor",
    ]
)
# Capitalised words that are never a first name in a school post.
NON_NAMES = frozenset(
    [
        "year",
        "years",
        "class",
        "classes",
        "reception",
        "nursery",
        "school",
        "academy",
        "college",
        "university",
        "team",
        "group",
        "house",
        "key",
        "stage",
        "ks1",
        "ks2",
        "eyfs",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "christmas",
        "easter",
        "harvest",
        "diwali",
        "eid",
        "hanukkah",
        "ramadan",
        "new",
        "god",
        "jesus",
        "lord",
        "christ",
        "mary",
        "joseph",
        "saint",
        "st",
        "the",
        "our",
        "we",
        "you",
        "i",
    ]
)
# Words after a name that make it part of a place or a thing, not a person.
PLACE_WORDS = frozenset(
    [
        "street",
        "road",
        "lane",
        "avenue",
        "close",
        "drive",
        "way",
        "crescent",
        "place",
        "square",
        "park",
        "gardens",
        "gallery",
        "museum",
        "library",
        "centre",
        "center",
        "theatre",
        "hall",
        "church",
        "chapel",
        "cathedral",
        "abbey",
        "school",
        "academy",
        "college",
        "university",
        "hospital",
        "house",
        "court",
        "castle",
        "bridge",
        "bank",
        "beach",
        "bay",
        "common",
        "wood",
        "woods",
        "forest",
        "farm",
        "zoo",
        "aquarium",
        "stadium",
        "arena",
        "village",
        "town",
        "city",
        "county",
        "hill",
        "hills",
        "valley",
        "river",
        "lake",
        "island",
        "station",
        "airport",
        "market",
        "shopping",
        "leisure",
        "sports",
        "art",
        "arts",
        "science",
        "history",
        "bakery",
        "cafe",
        "café",
        "restaurant",
        "hotel",
        "trust",
        "foundation",
        "society",
        "club",
        "fc",
        "rfc",
        "united",
        "rovers",
        "city",
        "athletic",
        "primary",
        "secondary",
        "infants",
        "juniors",
        "nursery",
        "telescope",
        "observatory",
        "tower",
        "palace",
        "prize",
        "award",
        "awards",
        "cup",
        "trophy",
        "day",
        "week",
        "term",
        "festival",
        "fair",
        "show",
        "parade",
        "grand",
    ]
)
# Before a name, these make it a place ("our partner school in Sydney"). Not "to" or "at":
# "thank you to Daisy", "look at Noah's bug hotel".
PLACE_PREPOSITIONS = frozenset(
    [
        "in",
        "from",
        "near",
        "around",
        "across",
        "via",
        "visiting",
        "towards",
        "into",
        "outside",
        "inside",
        "opposite",
        "through",
    ]
)
# How far before and after a name the cue patterns look, in characters.
CUE_WINDOW = 200
CLASS_WORDS = frozenset({"class", "classes", "class's", "form", "group"})
# Phrases before a name that make a child its subject.
_PRE_CUE = re.compile(
    r"(?:well\s+done|congratulations|congrats|special\s+mention|a\s+mention|shout[\s-]*out|"
    r"happy\s+(?:\d+(?:st|nd|rd|th)\s+)?birthday|get\s+well\s+soon|good\s+luck|bravo|kudos|hats\s+off|"
    r"(?:very\s+|so\s+|really\s+)?proud\s+of|"
    r"(?:(?:star|pupil|reader|writer|learner|mathematician|scientist|artist|citizen|athlete|"
    r"superstar|champion)\s+of\s+the\s+(?:week|day|month|term)|"
    r"head\s+(?:girl|boy)|head\s+pupil|captain|new\s+starter|new\s+pupil|winner|birthday\s+(?:boy|girl)|"
    r"(?:award|certificate|trophy|cup|prize|medal)s?)"
    r"(?:[^.!?]*?\b(?:is|was|goes\s+to|go\s+to|went\s+to|are|to)\b)?"
    r")\s*(?:to\s+|for\s+|goes\s+to\s+|is\s+|was\s+)?(?:our\s+(?:very\s+own\s+)?|little\s+|lovely\s+)?[:,\-–!]?\s*$",
    re.IGNORECASE,
)
# Phrases after a name (or a list of names) that make a child its subject.
_CHILD_VERBS = (
    r"won|wins|earned|earns|scored|scores|read|reads|topped|tops|represented|represents|achieved|achieves|"
    r"showed|shows|shown|performed|received|receives|gained|impressed|wrote|written|drew|drawn|"
    r"finished|completed|passed|helped|made|joined|joins|learnt|learned|learns|got|gets|beat|ran|swam|"
    r"sang|played|tried|worked|improved|behaved|managed|produced|created|built|designed|raised|"
    r"became|been\s+chosen|been\s+selected|been\s+picked|been\s+awarded|been\s+named|was\s+chosen|"
    r"was\s+selected|was\s+picked|was\s+awarded|was\s+named|came\s+(?:first|second|third|top)|"
    r"starts|started|turns|turned|celebrates|celebrated|lost|loses|settled|settling|struggled|"
    r"needs|forgot|remembered|brought|shared|presented|spoke|recited|danced|climbed|"
    r"completed|mastered|reached|broke|smashed|collected"
)
_POST_CUE = re.compile(
    r"^\s*(?:"
    r"(?:,\s*)?(?:and\s+(?:his|her|their)\s+\w+\s+)?(?:\(|in\s+|from\s+)"
    r"(?:year\s*\d+|yr\s*\d+|y\d\b|reception|nursery|class\s+\w+|"
    r"[A-Z][\w'-]*\s+class|ks\s*\d)"
    r"|,\s*(?:who|our|the|aged?)\b"
    r"|(?:has|have)\s+been\s+(?:a|an|such\s+a|so|really|incredibly|very)\s+(?:\w+\s+)?"
    r"(?:superstar|star|champion|hero|role\s+model|helper|kind|helpful|brave|hard[\s-]working|polite|"
    r"focused|resilient|determined|sensible|thoughtful|caring|responsible)\b"
    r"|(?:and\s+(?:his|her|their)\s+\w+\s+)?(?:who\s+)?(?:has\s+|have\s+|had\s+|is\s+|was\s+|were\s+|will\s+)?"
    r"(?:been\s+|just\s+|really\s+|also\s+|finally\s+|now\s+)*(?:much\s+|so\s+|very\s+)?(?:better\s+)?"
    r"(?:" + _CHILD_VERBS + r")\b"
    r"|'s\s+(?:[\w-]+\s+){0,3}?(?:mum|dad|family|parents|birthday|work|writing|painting|drawing|poem|"
    r"story|model|project|artwork|picture|sculpture|invention|design|costume|certificate|award|trophy|medal|"
    r"performance|handwriting|homework|reading|efforts|first|tooth|achievement|success|entry|photo)\b"
    r")",
    re.IGNORECASE,
)
_STRONG_POST = re.compile(r"^(?:,\s*)?(?:and\s+(?:his|her|their)\s+\w+\s+)?(?:\(|in\s|from\s)", re.IGNORECASE)
_VOCATIVE = re.compile(
    r"^\s*,\s*(?:don't|do\s+not|remember|please|you|your|well\s+done|thank|great|"
    r"fantastic|brilliant|amazing|what\s+a|congrat|happy|keep|we)",
    re.IGNORECASE,
)
_ADULT_ROLE_WORDS = "|".join(sorted(ADULT_ROLES))
_ADULT_AFTER = re.compile(
    rf"^\s*(?:,\s*)?\(?\s*(?:our|the|a|who\s+is\s+(?:our|a|the))\s+(?:\w+\s+){{0,2}}?(?:{_ADULT_ROLE_WORDS})\b"
    r"|^\s*and\s+(?:the|our)\s+(?:\w+\s+)?(?:kitchen|office|catering|cleaning|site|admin|"
    r"pta|friends|governors|staff|teachers|volunteers|parents)\b",
    re.IGNORECASE,
)
# "Jack and the Beanstalk", "Goldilocks and the Three Bears": the title of a story.
_STORY_TITLE = re.compile(r"^\s+and\s+the\s+[A-Z]")
# "Sam from the fire service", "Jo from Rainford Library": a visitor, not a pupil.
_FROM_ORGANISATION = re.compile(
    r"^\s*,?\s*from\s+(?:the\s+(?!(?:[Yy]ear|[Rr]eception|[Nn]ursery|[Cc]lass)\b)\w"
    r"|(?!(?:Year|Reception|Nursery|Class|KS|Y\d)\b)(?![A-Z][\w'-]*\s+[Cc]lass\b)[A-Z])"
)
_LINK = re.compile(r"^\s*(?:,|and|&|,\s*and)\s*$", re.IGNORECASE)
_SINGLE_CHILD_ROLE = re.compile(
    r"\b(?:our|the|this\s+(?:week|year|term)'s|new)\s+(?:year\s*\d+\s+|ks\d\s+|reception\s+)?"
    r"(?:(?:deputy\s+)?head\s+(?:girl|boy|pupil)|(?:school|house|sports|football|netball|rugby|cricket|team)\s+"
    r"captain|star\s+of\s+the\s+(?:week|day|month)|(?:pupil|reader|writer|learner|mathematician|scientist|"
    r"citizen|artist)\s+of\s+the\s+(?:week|day|month|term)|new\s+starter|birthday\s+(?:boy|girl))\b(?!s)"
    r"|\b(?:our|the)\s+(?:year\s*\d+\s+|reception\s+|ks\d\s+)?(?:(?:boys|girls)'?\s+)?(?:\w+\s+)?"
    r"(?:goalkeeper|goalie|keeper|top\s+scorer|player\s+of\s+the\s+match|captain)\b(?!s)"
    r"|\bthe\s+(?:year\s*\d+\s+|reception\s+|ks\d\s+)(?:boy|girl|child|pupil)\s+who\b"
    r"|\bone\s+of\s+our\s+(?:year\s*\d+\s+|reception\s+|ks\d\s+)?(?:girls|boys|pupils|children|students)\b"
    r"(?=[^.!?]*\b(?:has|have|was|is|won|got|scored|been)\b)",
    re.IGNORECASE,
)

DATA = Path(__file__).parent / "data"


@cache
def first_name_lexicon() -> frozenset[str]:
    """Folded first names from the gender-guesser list (48,000 names, many countries).

    Only names with a recorded frequency in some country are kept. Used only
    where the wording already makes a child the subject.
    """
    import gender_guesser

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    names: set[str] = set()
    with path.open(encoding="iso-8859-1") as fh:
        for line in fh:
            if line.startswith(("#", "=")) or len(line) < 31:
                continue
            if not line[30:].strip().strip("$"):
                continue  # no frequency anywhere: not really a name
            name = line[3:29].strip().replace("+", "-")
            if name and "<" not in name:
                names.add(fold(name))
    return frozenset(names)


@cache
def is_ordinary_word(key: str) -> bool:
    """Whether a folded word is also an ordinary English word (grace, hope, baker)."""
    from safepost.policy.spelling import dictionary

    return key in dictionary()


@dataclass
class PersonMention:
    """A name in the post and what the analysis made of it."""

    first: Token
    surname: Token | None = None
    kind: str = "unknown"  # pupil | adult | class | place | word | other-person
    on_roster: bool = False
    full_name_on_roster: bool = False
    cue: str | None = None
    reasons: list[str] = field(default_factory=list)

    @property
    def nstart(self) -> int:
        """Start of the name (surname included) in the normalised text."""
        return min(self.first.nstart, self.surname.nstart) if self.surname else self.first.nstart

    @property
    def nend(self) -> int:
        """End of the name (surname included) in the normalised text."""
        return max(self.first.nend, self.surname.nend) if self.surname else self.first.nend

    @property
    def surname_first(self) -> bool:
        """Written surname first: "Okonkwo, Chidi", "Zhou Xinyi"."""
        return self.surname is not None and self.surname.nstart < self.first.nstart

    @property
    def is_pupil(self) -> bool:
        """Whether the analysis decided this is a child."""
        return self.kind == "pupil"


@dataclass
class RoleMention:
    """A description that points at one child without a name ("our Head Girl")."""

    nstart: int
    nend: int
    phrase: str


@dataclass
class PeopleAnalysis:
    """Everyone the post names or singles out."""

    mentions: list[PersonMention]
    roles: list[RoleMention]
    surname_refs: list[tuple[Token, str]]

    @property
    def pupils(self) -> list[PersonMention]:
        """The mentions decided to be children."""
        return [m for m in self.mentions if m.is_pupil]


def _stream(text: PostText) -> list[Token]:
    spaced = text.spaced_words
    words = [w for w in text.words if not any(s.nstart <= w.nstart < s.nend for s in spaced)]
    return sorted(words + text.hashtag_words + spaced, key=lambda t: t.nstart)


def _gap(text: str, a: Token, b: Token) -> str:
    return text[a.nend : b.nstart]


def _is_title(tok: Token) -> bool:
    word = tok.text.rstrip(".")
    key = fold(word)
    if key not in TITLES:
        return False
    if key in _CASE_SENSITIVE_TITLES:
        return word[:1].isupper()
    return True


def _name_candidate(tok: Token, roster: Roster, lexicon: frozenset[str]) -> bool:
    key = tok.key
    if key in NON_NAMES or len(key) < 2:
        return False
    if not tok.is_capitalised:
        # Typed in lower case on a phone: a pupil's name still counts; one that is also an
        # ordinary word ("grace") only with a clear cue or the pupil's surname (see _classify_one).
        return key in roster.by_first
    return key in roster.by_first or key in lexicon


def analyse_people(text: PostText, roster: Roster) -> PeopleAnalysis:
    """Find the people in a post and decide which of them are children."""
    lexicon = first_name_lexicon()
    norm = text.text
    tokens = _stream(text)
    mentions: list[PersonMention] = []
    surname_refs: list[tuple[Token, str]] = []
    used: set[int] = set()
    for i, tok in enumerate(tokens):
        if i in used:
            continue
        key = tok.key
        # "the Nowak twins", "the Hughes family": a roster surname naming children.
        if key in roster.by_surname and tok.is_capitalised and i + 1 < len(tokens):
            nxt = tokens[i + 1]
            if (
                nxt.key in {"twins", "triplets", "siblings", "brothers", "sisters", "family", "children"}
                and not _gap(norm, tok, nxt).strip()
                and key not in roster.by_first
            ):
                surname_refs.append((tok, nxt.key))
        # Surname first, as registers and Chinese names are written: "Okonkwo, Chidi", "Zhou Xinyi".
        if key in roster.by_surname and i + 1 < len(tokens):
            nxt = tokens[i + 1]
            if _gap(norm, tok, nxt) in (", ", " ", ",") and roster.is_full_name(nxt.key, key):
                mentions.append(
                    PersonMention(first=nxt, surname=tok, on_roster=True, full_name_on_roster=True)
                )
                used.add(i + 1)
                continue
        if not _name_candidate(tok, roster, lexicon):
            continue
        m = PersonMention(first=tok, on_roster=key in roster.by_first)
        # A following capitalised word: a surname, or part of a place or a thing.
        if i + 1 < len(tokens):
            nxt = tokens[i + 1]
            gap = _gap(norm, tok, nxt)
            if (
                gap in (" ", "")
                and nxt.hashtag == tok.hashtag
                and fold(nxt.text) not in CLASS_WORDS
                and (nxt.is_capitalised or roster.is_full_name(key, nxt.key))
            ):
                nkey = nxt.key
                if nkey in roster.by_surname and (
                    roster.is_full_name(key, nkey) or m.on_roster or key in lexicon
                ):
                    m.surname = nxt
                    m.full_name_on_roster = roster.is_full_name(key, nkey)
                    used.add(i + 1)
                elif nkey in PLACE_WORDS or (nkey in NON_NAMES and nkey not in {"i"}):
                    m.kind = "place"
                    m.reasons.append(f'part of "{tok.text} {nxt.text}"')
                elif (nkey not in roster.by_first and nkey not in lexicon) or nkey in roster.by_surname:
                    m.surname = nxt
                    used.add(i + 1)
        mentions.append(m)
    _classify(text, tokens, mentions, roster)
    roles = [RoleMention(mm.start(), mm.end(), mm.group(0)) for mm in _SINGLE_CHILD_ROLE.finditer(norm)]
    return PeopleAnalysis(mentions, roles, surname_refs)


def _sentence_span(text: PostText, tok: Token) -> tuple[int, int]:
    return text.sentence_bounds[tok.sentence]


def _classify(text: PostText, tokens: list[Token], mentions: list[PersonMention], roster: Roster) -> None:
    norm = text.text
    by_start = {t.nstart: idx for idx, t in enumerate(tokens)}
    # Group names joined by "," / "and" so a cue before or after the list covers all of them.
    groups: list[list[PersonMention]] = []
    for m in mentions:
        if (
            groups
            and m.first.sentence == groups[-1][-1].first.sentence
            and _LINK.match(norm[groups[-1][-1].nend : m.nstart])
            and not m.first.hashtag
        ):
            groups[-1].append(m)
        else:
            groups.append([m])
    for group in groups:
        s_start, s_end = _sentence_span(text, group[0].first)
        # A cue is a few words beside the names: looking no further keeps a long post linear.
        pre_start = max(s_start, group[0].nstart - CUE_WINDOW)
        pre = norm[pre_start : group[0].nstart]
        post = norm[group[-1].nend : min(s_end, group[-1].nend + CUE_WINDOW)]
        if group[0].first.hashtag:
            pre = _split_hashtag(pre)
        group_cue, strong = None, False
        if (cm := _PRE_CUE.search(pre)) is not None:
            group_cue, strong = cm.group(0).strip(), True
        elif (cm := _POST_CUE.match(post)) is not None:
            group_cue = cm.group(0).strip()
            strong = bool(_STRONG_POST.match(group_cue))
        elif pre_start == s_start and not pre.strip() and _VOCATIVE.match(post):
            group_cue, strong = "addressed by name", True
        for m in group:
            _classify_one(text, tokens, by_start, m, group_cue, strong, roster, norm)
        # "Ruby and Felix painted sunflowers": a name listed with a pupil is a pupil too.
        if any(m.is_pupil for m in group):
            for m in group:
                if m.kind in ("word", "unknown") and m.first.is_capitalised:
                    m.kind, m.cue = "pupil", "listed with another pupil"
                    m.reasons.append("named in a list together with a pupil")


def _split_hashtag(pre: str) -> str:
    """``... #WellDone`` becomes ``...  Well Done``, so cues inside a hashtag are read."""
    hash_at = pre.rfind("#")
    if hash_at == -1:
        return pre
    return pre[:hash_at] + " " + re.sub(r"(?<=[a-z])(?=[A-Z])", " ", pre[hash_at + 1 :])


def _classify_one(
    text: PostText,
    tokens: list[Token],
    by_start: dict[int, int],
    m: PersonMention,
    group_cue: str | None,
    strong: bool,
    roster: Roster,
    norm: str,
) -> None:
    idx = by_start[m.first.nstart]
    prev = tokens[idx - 1] if idx > 0 else None
    s_start, s_end = _sentence_span(text, m.first)
    post = norm[m.nend : min(s_end, m.nend + CUE_WINDOW)]
    key = m.first.key
    if m.kind == "place" and not group_cue:
        return
    if _STORY_TITLE.match(post) and not group_cue:
        m.kind, m.reasons = "other-person", ["title of a story"]
        return
    # Adults: a title or a role word just before, or an adult role in apposition after.
    if (
        prev is not None
        and prev.sentence == m.first.sentence
        and norm[prev.nend : m.nstart].strip(" .") == ""
    ):
        if _is_title(prev):
            m.kind, m.reasons = "adult", [f'title "{prev.text}"']
            return
        if fold(prev.text) in ADULT_ROLES:
            m.kind, m.reasons = "adult", [f'role "{prev.text}"']
            return
    if _ADULT_AFTER.match(post) or _FROM_ORGANISATION.match(post):
        m.kind, m.reasons = "adult", ["described as an adult or a visitor after the name"]
        return
    # Classes: "Oak Class", "Class Oak", "Acorn, Oak and Willow classes".
    nxt_idx = idx + (2 if m.surname else 1)
    nxt = tokens[nxt_idx] if nxt_idx < len(tokens) else None
    if (nxt is not None and fold(nxt.text) in CLASS_WORDS and not norm[m.nend : nxt.nstart].strip()) or (
        prev is not None and fold(prev.text) == "class" and not norm[prev.nend : m.nstart].strip()
    ):
        m.kind, m.reasons = "class", ["class name"]
        return
    # Possessive (*+): "Aand" is never re-split into "A" + "and", which took exponential time.
    if key in roster.class_names and re.match(
        r"^(?:\s*+(?:,|and|&)\s*+[A-Z]\w*+)*+\s*(?:,\s*)?(?:and\s+)?\w*\s*classes\b", post
    ):
        m.kind, m.reasons = "class", ["class name in a list of classes"]
        return
    if m.full_name_on_roster:
        m.kind, m.cue = "pupil", group_cue or "a pupil's full name"
        m.reasons.append("first name and surname of a pupil on the roster")
        return
    if (
        m.on_roster
        and m.first.possessive
        and not m.first.hashtag
        and not strong
        and nxt is not None
        and nxt.is_capitalised
        and re.fullmatch(r"'s?\s+", norm[m.nend : nxt.nstart])
        and nxt.key not in NON_NAMES
    ):
        # "Noah's Ark", "Grace's Kitchen": the name of a thing, not something of a pupil's.
        m.kind, m.reasons = "other-person", [f'part of "{m.first.text}\'s {nxt.text}"']
        return
    if m.on_roster and m.first.possessive and not m.first.hashtag:
        m.kind, m.cue = "pupil", "possessive"
        m.reasons.append(f'"{m.first.text}\'s": something belonging to a pupil on the roster')
        return
    # A place after a preposition: "our partner school in Sydney".
    if (
        prev is not None
        and fold(prev.text) in PLACE_PREPOSITIONS
        and not group_cue
        and prev.sentence == m.first.sentence
    ):
        m.kind, m.reasons = "place", [f'after "{prev.text}"']
        return
    if m.surname is not None and not m.full_name_on_roster and not strong:
        # "Oliver Jeffers", "Harry Potters": somebody else's full name, not a pupil.
        m.kind, m.reasons = (
            "other-person",
            [f'"{m.first.text} {m.surname.text}" is not a pupil on the roster'],
        )
        return
    ordinary = is_ordinary_word(key)
    if not m.first.is_capitalised and ordinary and not strong:
        m.kind, m.reasons = "word", ["ordinary word in lower case with no clear child context"]
        return
    # "Amazing Grace", "Christmas Fair": a capitalised word before it mid-sentence
    # makes the pair a title or a name of a thing, unless a child is clearly meant.
    if (
        prev is not None
        and prev.is_capitalised
        and prev.sentence == m.first.sentence
        and not strong
        and norm[prev.nend : m.nstart] == " "
        and norm[s_start : prev.nstart].strip()
        and prev.key not in roster.by_first
        and not _is_title(prev)
    ):
        m.kind, m.reasons = (
            "other-person" if not ordinary else "word",
            [f'part of "{prev.text} {m.first.text}"'],
        )
        return
    if group_cue:
        m.kind, m.cue = "pupil", group_cue
        m.reasons.append(f'the wording makes a child the subject ("{group_cue}")')
        if m.on_roster:
            m.reasons.append("first name of a pupil on the roster")
        return
    if m.on_roster and not ordinary and not m.first.hashtag:
        sentence_start = not norm[s_start : m.nstart].strip()
        m.kind = "pupil"
        m.reasons.append(
            "first name of a pupil on the roster"
            + (" (at the start of a sentence)" if sentence_start else "")
        )
        return
    m.kind = "word" if ordinary else "unknown"
    m.reasons.append("ordinary word with no child context" if ordinary else "no child context")
