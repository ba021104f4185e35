"""Word lists and patterns for judging what people write to and about a school.

Every finder takes the text as the writer typed it and returns :class:`Hit` objects whose
``start``/``end`` index that original text, so a screen can mark the words. Matching runs on the
normalised text (:func:`safepost.moderation.normalise.normalise`: case, look-alike letters,
zero-width characters, leetspeak and spaced letters undone), always on whole words, so place names
and ordinary words that contain a rude one (Scunthorpe, Penistone, Cockermouth, Dickens,
assessment) stay clean; the few roots matched inside longer words (``shitshow``, ``fuckwit``)
have an allow-list of innocent words. Stars (``f*cking``, ``r*tards``) are matched against the
words they could hide.

The public finders:

* :func:`find_profanity`: swearing (British and general, masked or leet), profane abbreviations
  (FFS, WTF, af), euphemisms built on one swear word (effing); minced oaths (flipping, blooming,
  crikey) and British informal words (knackered, gutted, butt) are not swearing.
* :func:`find_insults`: name-calling with an insult noun (muppets, morons, a useless cow).
* :func:`find_slurs`: racist, homophobic, ableist and sexist slurs, masked or not.
* :func:`find_discrimination`: hostility to a group without a slur ("Place is overrun").
* :func:`find_sexual`: sexual remarks and gestures (🍆, "keep me behind after class").
* :func:`find_offensive`: all five above, plus the 🖕 gesture.
* :func:`find_threats`: violence and intimidation, self-harm and suicide, grooming-like contact,
  doxxing (a home address or car).
* :func:`find_child_whereabouts`: a named child at a place at a time (doxxing, even well meant).
* :func:`find_staff_whereabouts`: where and when a named member of staff can be found.
* :func:`find_adult_or_gambling`: adult, dating and 18+ content, casinos and betting.
* :func:`find_scam`: crypto and investment scams, phishing, prize scams, follower selling, essay
  mills, replica goods and unsolicited selling.
* :func:`find_bio_signals`: what an author's bio says about them (a forex trader, an 18+ account).
* :func:`find_undermining`: sarcasm, insinuation, unfairness, competence digs, warning others off,
  rallying, public debate of decisions, mockery by emoji.
* :func:`find_praise`: thanks, praise and celebration in any register and dialect.
* :func:`negative_tone`: a 0–1 score of how hostile or sneering a text reads, with its hits (the
  tone rule for the school's own posts uses it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from safepost.moderation.normalise import Normalised, normalise


@dataclass(frozen=True, slots=True)
class Hit:
    """One match of a lexicon or pattern: what kind, where in the original text, and why.

    ``code`` is a stable identifier ("profanity", "masked-profanity", "self-harm", ...);
    ``message`` says in plain English why it matters.
    """

    code: str
    start: int
    end: int
    matched: str
    message: str


# ---------------------------------------------------------------------------------------------
# Pattern sets: many regular expressions compiled into one, each remembering its code and message
# ---------------------------------------------------------------------------------------------


def _expand(pattern: str) -> str:
    """Spaces in a pattern match any run of white space (outside character classes)."""
    out = []
    in_class = False
    prev = ""
    for i, ch in enumerate(pattern):
        if ch == "[" and prev != "\\":
            in_class = True
        elif ch == "]" and prev != "\\":
            in_class = False
        if ch == " " and not in_class:
            # "any ?one": an optional space stays optional.
            out.append(r"\s*" if pattern[i + 1 : i + 2] == "?" else r"\s+")
        elif ch == "?" and prev == " " and not in_class:
            pass
        else:
            out.append(ch)
        prev = ch
    return "".join(out)


class PatternSet:
    """A list of ``(pattern, code, message)`` matched in one pass over the normalised text.

    Patterns are regular expressions over the normalised (lower-case) text, with word boundaries
    added at both ends unless the pattern starts or ends with a non-word character; a space
    matches any run of white space.
    """

    def __init__(self, entries: Iterable[tuple[str, str, str]]) -> None:
        self.entries = list(entries)
        parts = []
        # A word boundary wherever the match starts or ends with a letter or digit. The left one is
        # checked once, before the alternatives, so most positions inside words fail at once.
        left = r"(?:(?<![a-z0-9])|(?=[^a-z0-9]))"
        right = r"(?:(?![a-z0-9])|(?<=[^a-z0-9]))"
        for i, (pattern, _code, _message) in enumerate(self.entries):
            parts.append(f"(?P<p{i}>(?:{_expand(pattern)}){right})")
        self.regex = re.compile(left + "(?:" + "|".join(parts) + ")")

    def finditer(self, norm: Normalised) -> Iterator[Hit]:
        """The hits in a normalised text, with original spans."""
        for m in self.regex.finditer(norm.text):
            name = m.lastgroup
            if name is None:
                continue
            _pattern, code, message = self.entries[int(name[1:])]
            start, end = norm.span(m.start(), m.end())
            yield Hit(code, start, end, norm.original[start:end], message)


# ---------------------------------------------------------------------------------------------
# Words: swearing, insults, slurs, sexual terms
# ---------------------------------------------------------------------------------------------

# Each word maps to (code, message). Forms are listed in full: matching is whole-word.
_SWEAR_MESSAGE = "swearing, which the policy keeps off the school's accounts whatever the sentiment"
_MILD_SWEAR = "British swearing (mild, but still swearing on a school's account)"


def _words(text: str) -> list[str]:
    """The words of a space-separated list (the lexicons are written as running text)."""
    return text.split()


_PROFANITY: dict[str, str] = {}
for _w in _words(
    # fuck and its forms and euphemisms built on it
    "fuck fucks fucked fucking fuckin fucker fuckers fuckwit fuckwits fuckface fuckup fuckups "
    "motherfucker motherfuckers motherfucking clusterfuck fuk fuks fukin fuking fukkin fukking fck fcking "
    "fckin fkn fking fkin fucc phuck phucking feck fecking feckin fecker effing effin eff f'ing "
    "fuckall fuckoff fuckin' fcuk fcuks fcuking fcukin fcuked phuk phuking fook fooking fookin fukc fukcing "
    # shit
    "shit shits shite shites shat shitty shitting shitted shitter shithead shitheads shithole shitholes "
    "shitshow shitshows bullshit bullshitting batshit apeshit horseshit shitbag shitbags shitebag "
    "gobshite gobshites shyte shiet sh1t "
    # British swearing
    "bloody bloodyhell bugger buggers buggered buggering sod sods sodding crap craps crappy crapping "
    "arse arses arsed arsehole arseholes arsey arsy asshole assholes dumbass jackass "
    "piss pissed pisses pissing pisstake pisshead pissheads pisspoor "
    "bollocks bollock bollocking bollox bollocksed "
    "tosser tossers twat twats twatting wanker wankers wank wanking wanky wankstain "
    "knobhead knobheads knobend knobends nobhead nobheads bellend bellends bellends "
    "bitch bitches bitching bitchy bastard bastards cunt cunts cunting "
    "dickhead dickheads dickheaded dipshit cocksucker cocksuckers minger mingers "
    "damn damned dammit goddamn goddamned f-ing f-in f-ed f-off "
):
    _PROFANITY[_w] = "profanity"

# Profane abbreviations (lol and OMG are not).
_ABBREVIATIONS = {
    "ffs": "FFS (for f***'s sake)",
    "wtf": "WTF (what the f***)",
    "stfu": "STFU (shut the f*** up)",
    "gtfo": "GTFO (get the f*** out)",
    "af": "\u201caf\u201d (as f***)",
    "omfg": "OMFG",
    "fml": "FML",
    "jfc": "JFC",
    "pmsl": "PMSL (p***ing myself laughing)",
    "mf": "MF",
    "mofo": "mofo",
    "fu": "FU",
    "kys": "KYS",
}

# Roots also found inside longer words, with the innocent words that contain them.
_ROOTS = ("fuck", "shit", "wank", "twat", "cunt", "bollock", "arsehole", "bellend", "knobhead")
_ALLOW_INSIDE = frozenset(
    [
        "scunthorpe",
        "shitterton",
        "shiitake",
        "shitake",
        "mishit",
        "mishits",
        "shittim",
        "twatt",
        "wankel",
        "wankie",
    ]
)

# Place names and words that contain a rude word: always clean (also guards masked matching).
ALLOW_WORDS = frozenset(
    [
        "scunthorpe",
        "penistone",
        "cockermouth",
        "clitheroe",
        "dickens",
        "dickensian",
        "dickinson",
        "hancock",
        "cockburn",
        "middlesex",
        "essex",
        "sussex",
        "wessex",
        "assessment",
        "assessments",
        "assess",
        "assessed",
        "class",
        "classes",
        "passage",
        "bass",
        "grass",
        "cocktail",
        "cocktails",
        "peacock",
        "peacocks",
        "shuttlecock",
        "cockpit",
        "cockerel",
        "cockerels",
        "cockle",
        "cockles",
        "cockney",
        "arsenal",
        "arsenic",
        "therapist",
        "therapists",
        "scrap",
        "scrapbook",
        "titanic",
        "title",
        "titles",
        "titmouse",
        "button",
        "buttons",
        "buttress",
        "analysis",
        "analyst",
        "shitterton",
        "twatt",
        "wetwang",
        "bitchfield",
        "crapstone",
        "sodbury",
        "sodor",
        "cumbria",
        "cumbrian",
        "pissarro",
        "spice",
        "spicy",
        "raccoon",
        "cocoon",
        "tycoon",
        "knobbly",
        "kumquat",
        "hello",
        "shell",
        "scrabble",
        "document",
        "documents",
        "specialist",
        "niggle",
        "niggles",
        "niggling",
        "snigger",
        "sniggered",
        "sniggering",
        "grappa",
        "cockatoo",
        "dickie",
        "pennistone",
    ]
)

# Words that are not swearing: minced oaths and British informal words.
MINCED_OATHS = frozenset(
    [
        "flipping",
        "flippin",
        "flip",
        "blooming",
        "bloomin",
        "blimey",
        "crikey",
        "gosh",
        "golly",
        "omg",
        "heck",
        "flaming",
        "frigging",
        "friggin",
        "fudge",
        "sugar",
        "shoot",
        "darn",
        "drat",
        "jeez",
        "geez",
        "cripes",
        "knackered",
        "gutted",
        "chuffed",
        "lush",
        "butt",
        "bum",
        "bums",
        "bummed",
        "bummer",
        "sod's",
    ]
)

# Insult nouns: name-calling whatever the context (muppets, morons).
_INSULTS = frozenset(
    [
        "twonk",
        "twonks",
        "scrounger",
        "scroungers",
        "chavvy",
        "bellends",
        "nonce",
        "nonces",
        "paedo",
        "paedos",
        "pedo",
        "pedos",
        "bellends",
        "arseholes",
        "muppet",
        "muppets",
        "moron",
        "morons",
        "moronic",
        "idiot",
        "idiots",
        "idiotic",
        "imbecile",
        "imbeciles",
        "cretin",
        "cretins",
        "numpty",
        "numpties",
        "plonker",
        "plonkers",
        "pillock",
        "pillocks",
        "prat",
        "prats",
        "halfwit",
        "halfwits",
        "dimwit",
        "dimwits",
        "nitwit",
        "nitwits",
        "scumbag",
        "scumbags",
        "scum",
        "lowlife",
        "lowlifes",
        "wazzock",
        "wazzocks",
        "nutter",
        "nutters",
        "nutjob",
        "nutjobs",
        "dipstick",
        "dipsticks",
        "bellends",
        "tossers",
        "wankers",
        "twats",
        "knobheads",
        "douchebag",
        "douchebags",
        "douche",
        "jobsworth",
        "jobsworths",
        "gimp",
        "gimps",
        "pleb",
        "plebs",
        "chav",
        "chavs",
        "scrote",
        "scrotes",
        "bawbag",
        "bawbags",
        "roaster",
        "roasters",
        "melt",
        "melts",
        "wallopers",
        "walloper",
        "eejit",
        "eejits",
        "gobshites",
        "clampet",
        "numbnuts",
        "dumbo",
        "dunce",
        "dunces",
        "buffoon",
        "buffoons",
    ]
)
# Insult nouns that are innocent in other senses: only when aimed at someone.
_AIMED_INSULTS = frozenset(
    [
        "tit",
        "plank",
        "planks",
        "weapon",
        "weapons",
        "bag",
        "bat",
        "trout",
        "boot",
        "amateurs",
        "cow",
        "cows",
        "pig",
        "pigs",
        "clown",
        "clowns",
        "loser",
        "losers",
        "git",
        "gits",
        "prick",
        "pricks",
        "dick",
        "dicks",
        "knob",
        "knobs",
        "cock",
        "snowflake",
        "snowflakes",
        "freak",
        "freaks",
        "weirdo",
        "weirdos",
        "bint",
        "bints",
        "tart",
        "tarts",
        "dog",
        "dogs",
        "animal",
        "animals",
        "vermin",
        "parasite",
        "parasites",
        "leech",
        "leeches",
        "donkey",
        "donkeys",
        "sheep",
        "troll",
        "trolls",
        "rat",
        "rats",
        "snake",
        "snakes",
        "witch",
        "witches",
        "hag",
        "hags",
        "cockwomble",
        "bellend",
    ]
)
_AIMED_CONTEXT = re.compile(
    r"(?:\byou|\bya|\byer|\bcomplete|\btotal|\babsolute|\butter|\bproper|\bright|\buseless|\bstupid|"
    r"\bsilly|\bold|\bfat|\blazy|\bugly|\bmiserable|\bignorant|\brude|\bnasty|\bhorrible|\bdaft|\bthick|"
    r"\barrogant|\bsmug|\bevil|\bsnotty|\blying|\bjumped[- ]up|\bmassive|\bbunch of|\bload of|\blot of|"
    r"\bpack of|\bshower of|\bset of|\bsuch an?|\bwhat an?|\bis an?|'s an?|\bare|\bbeing an?|\bbunch o'|"
    r"\bbloody|\bdirty|\bspiteful|\bvile|\bpathetic|\bincompetent|\bclueless|\bgormless|\bsad|\bbossy)"
    r"(?:\s+[a-z']+)?\s+$"
)

_SLURS: dict[str, str] = {}
for _kind, _list in (
    (
        "racist",
        "paki pakis packie packies nigger niggers nigga niggas coon coons wog wogs golliwog golliwogs "
        "chink chinks chinky gook gooks spic spics kike kikes yid yids raghead ragheads towelhead "
        "towelheads pikey pikeys gyppo gyppos gypo gypos gippo gippos sambo sambos darkie darkies darky "
        "halfcaste half-caste jungle-bunny wetback wetbacks paddies polack polacks jap japs "
        "kraut krauts dago dagos wop wops",
    ),
    (
        "homophobic",
        "faggot faggots fag fags poof poofs poofter poofters puff batty-boy battyboy bumboy bum-boy "
        "dyke dykes lezza lezzas lesbo lesbos tranny trannies shemale shemales gaylord gaylords "
        "homo homos",
    ),
    (
        "ableist",
        "retard retards retarded tard tards spaz spazz spazzy spazzer spacker spackers spastic "
        "spastics spazzes spazzers spaccer mong mongs mongo mongy mongoloid windowlicker window-licker cripple cripples",
    ),
    ("sexist", "slag slags slapper slappers slut sluts slutty whore whores skank skanks hoe hoes"),
):
    for _w in _list.split():
        _SLURS[_w] = _kind
# "fags" are cigarettes and "hoe"/"puff"/"homo" have innocent senses: only when aimed.
_AIMED_SLURS = frozenset(
    ["fag", "fags", "hoe", "hoes", "puff", "homo", "homos", "cripple", "cripples", "jap", "japs", "mong"]
)

_SEXUAL_WORDS = frozenset(
    [
        "milf",
        "milfs",
        "dilf",
        "horny",
        "sexy",
        "shag",
        "shagging",
        "shagged",
        "nudes",
        "boobs",
        "boobies",
        "tits",
        "titties",
        "porn",
        "porno",
        "wank",
        "bj",
        "blowjob",
        "blowjobs",
        "dildo",
        "cum",
        "cumming",
        "jizz",
        "pussy",
        "thot",
        "thots",
        "peng",
    ]
)
_INNOCENT_BEFORE = {
    # word: words *after* it that make it innocent
    "bloody": ("nose", "noses", "mary", "marys", "hands", "knee", "knees", "lip", "sunday"),
    "sod": ("of", "turf"),
    "tits": ("feeder", "feeders", "nest"),
    "cock": ("a", "fighting"),
}
_INNOCENT_AFTER = {
    # word: words *before* it that make it innocent
    "sod": ("first", "the"),
    "tits": ("blue", "great", "coal", "long-tailed", "tailed"),
    "crap": ("craps",),
    "knob": ("door", "volume"),
    "knobs": ("door", "volume"),
    "prick": ("pin", "a"),
    "cock": ("weather",),
    "pig": ("guinea",),
    "pigs": ("guinea",),
    "dog": ("hot",),
    "dogs": ("hot",),
}

_TOKEN = re.compile(r"[a-z*][a-z*'\-]*[a-z*]|[a-z*]")
_REPEATS = re.compile(r"([a-z])\1{2,}")


def _variants(word: str) -> list[str]:
    """The word, without a possessive or hyphens, and with runs of 3+ letters squeezed."""
    out = [word]
    if word.endswith("'s"):
        out.append(word[:-2])
    if "-" in word or "'" in word:
        out.append(word.replace("-", "").replace("'", ""))
    if _REPEATS.search(word):
        out.append(_REPEATS.sub(r"\1\1", word))
        out.append(_REPEATS.sub(r"\1", word))
    return out


_ONE_LETTER_MASKS = {"f": "fuck", "s": "shit", "c": "cunt"}


@lru_cache(maxsize=1)
def _masked_index() -> dict[str, list[str]]:
    """Words a star can hide, by first letter."""
    index: dict[str, list[str]] = {}
    for word in (*_PROFANITY, *_SLURS, *_INSULTS):
        index.setdefault(word[0], []).append(word)
    return index


@lru_cache(maxsize=2048)
def masked_match(token: str) -> str | None:
    """The swear word or slur a starred token hides (``f*cking`` is "fucking"), or ``None``.

    A run of ``k`` stars stands for 1 to ``k + 1`` letters; the token must start with a letter and
    keep at least one other letter, so ``***`` alone and ``*`` as emphasis never match.
    """
    letters = sum(ch.isalpha() for ch in token)
    if "*" not in token or not token[0].isalpha() or len(token) > 30:
        return None
    if letters < 2:
        # "f***", "s***", "c***": one letter and three or more stars.
        return _ONE_LETTER_MASKS.get(token[0]) if token.count("*") >= 3 and len(token) <= 6 else None
    pattern = re.sub(
        r"\*+", lambda m: f"[a-z]{{1,{len(m.group()) + 1}}}", re.escape(token).replace(r"\*", "*")
    )
    regex = re.compile(pattern)
    candidates = [w for w in _masked_index().get(token[0], ()) if regex.fullmatch(w)]
    if not candidates:
        # A plural or -ing on a starred stem: "r*tards", "p*kis".
        return None
    # Prefer the shortest plain form (sh*t is "shit", not "shat").
    order = {w: i for i, w in enumerate(("shit", "fuck", "fucking", "twat", "cunt", "wanker"))}
    candidates.sort(key=lambda w: (order.get(w, 99), len(w)))
    return candidates[0]


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    start: int
    end: int


def _tokens(norm: Normalised) -> list[_Token]:
    return [_Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(norm.text)]


def _hit(norm: Normalised, code: str, start: int, end: int, message: str) -> Hit:
    a, b = norm.span(start, end)
    return Hit(code, a, b, norm.original[a:b], message)


def _prev_words(tokens: list[_Token], i: int, n: int = 1) -> list[str]:
    return [t.text for t in tokens[max(0, i - n) : i]]


def _aimed(norm: Normalised, start: int) -> bool:
    return bool(_AIMED_CONTEXT.search(norm.text[max(0, start - 40) : start]))


def _innocent(tokens: list[_Token], i: int, word: str) -> bool:
    after = tokens[i + 1].text if i + 1 < len(tokens) else ""
    before = tokens[i - 1].text if i else ""
    return after in _INNOCENT_BEFORE.get(word, ()) or before in _INNOCENT_AFTER.get(word, ())


@lru_cache(maxsize=4096)
def _word_hits(text: str) -> tuple[Hit, ...]:
    """Every word-level offensive hit (profanity, insults, slurs, sexual words) in one pass."""
    norm = normalise(text)
    tokens = _tokens(norm)
    hits: list[Hit] = []
    for i, tok in enumerate(tokens):
        raw = tok.text.strip("'-")
        if not raw or raw in ALLOW_WORDS or raw in MINCED_OATHS:
            continue
        masked = "*" in raw
        found: str | None = None
        for v in _variants(raw):
            if v in ALLOW_WORDS:
                found = None
                break
            if v in _PROFANITY or v in _SLURS or v in _INSULTS or v in _AIMED_INSULTS or v in _SEXUAL_WORDS:
                found = v
                break
            if v in _ABBREVIATIONS:
                found = v
                break
        if found is None and masked:
            found = masked_match(raw)
        if found is None and not masked:
            squeezed = raw.replace("-", "")
            if squeezed not in ALLOW_WORDS and squeezed not in _ALLOW_INSIDE:
                for root in _ROOTS:
                    if root in squeezed and squeezed != root:
                        found = root
                        break
        if found is None:
            continue
        original = norm.original_slice(tok.start, tok.end)
        how = "masked " if masked or original.lower() != found else ""
        if found in _ABBREVIATIONS:
            if found == "af" and not (i and tokens[i - 1].text.isalpha()):
                continue
            if found in ("mf", "fu") and not original.isupper():
                continue
            hits.append(
                _hit(
                    norm,
                    "profane-abbreviation",
                    tok.start,
                    tok.end,
                    f"{_ABBREVIATIONS[found]}: a profane abbreviation still counts as swearing",
                )
            )
            continue
        if _innocent(tokens, i, found):
            continue
        capitalised = original[:1].isupper() and not original.isupper()
        if found in _SLURS:
            if found in _AIMED_SLURS and not _aimed(norm, tok.start):
                continue
            hits.append(
                _hit(
                    norm,
                    "slur",
                    tok.start,
                    tok.end,
                    f"a {_SLURS[found]} slur{' (masked)' if how else ''}: discriminatory language",
                )
            )
        elif found in _PROFANITY or found in _ROOTS:
            if (
                found in ("sod", "damn", "bloody")
                and capitalised
                and i
                and tokens[i - 1].text not in (".", "")
            ):
                pass
            code = "masked-profanity" if how else "profanity"
            mild = found in ("bloody", "bugger", "sod", "sods", "crap", "arse", "piss", "pissed", "damn")
            message = (
                f"{'masked or disguised ' if how else ''}"
                f"{_MILD_SWEAR if mild else _SWEAR_MESSAGE} (\u201c{found}\u201d)"
            )
            hits.append(_hit(norm, code, tok.start, tok.end, message))
        elif found in _INSULTS:
            if capitalised and i and tokens[i - 1].text == "the":
                continue  # The Muppets
            hits.append(_hit(norm, "insult", tok.start, tok.end, f"name-calling (\u201c{found}\u201d)"))
        elif found in _AIMED_INSULTS:
            if _aimed(norm, tok.start):
                hits.append(
                    _hit(
                        norm,
                        "insult",
                        tok.start,
                        tok.end,
                        f"name-calling aimed at someone (\u201c{found}\u201d)",
                    )
                )
        elif found in _SEXUAL_WORDS:
            hits.append(_hit(norm, "sexual", tok.start, tok.end, f"a sexual term (\u201c{found}\u201d)"))
    return tuple(hits)


def find_profanity(text: str) -> list[Hit]:
    """Swearing in ``text``: plain, masked, leet or abbreviated (codes ``profanity``,
    ``masked-profanity``, ``profane-abbreviation``). Minced oaths are not swearing."""
    phrases = list(_PROFANE_PHRASES.finditer(normalise(text)))
    words = [
        h
        for h in _word_hits(text)
        if h.code in ("profanity", "masked-profanity", "profane-abbreviation") and not _inside(h, phrases)
    ]
    return sorted(words + phrases, key=lambda h: h.start)


def _inside(hit: Hit, others: list[Hit]) -> bool:
    return any(o.start <= hit.start and hit.end <= o.end for o in others)


def find_insults(text: str) -> list[Hit]:
    """Name-calling with an insult noun (code ``insult``); plain criticism ("useless") is not one."""
    return [h for h in _word_hits(text) if h.code == "insult"]


def find_slurs(text: str) -> list[Hit]:
    """Racist, homophobic, ableist and sexist slurs, masked or not (code ``slur``)."""
    hits = [h for h in _word_hits(text) if h.code == "slur"]
    return hits + list(_SLUR_PHRASES.finditer(normalise(text)))


_PROFANE_PHRASES = PatternSet(
    [
        (
            r"f (?:off|this|that|you)\b(?! (?:course|the))",
            "masked-profanity",
            "a swear word cut to its first letter",
        ),
        (
            r"eff (?:off|this|that|you)",
            "masked-profanity",
            "a euphemism built on a swear word (\u201ceff off\u201d)",
        ),
        (r"what the (?:f|ff|fk|fook|f[ -]?ing) ", "masked-profanity", "a swear word cut to its first letter"),
        (r"taking the (?:p|mick)iss", "profanity", "British swearing (\u201ctaking the piss\u201d)"),
        (r"can(?:'t|not|t) be arsed", "profanity", "British swearing (\u201ccan't be arsed\u201d)"),
        (
            r"(?:give|gives|gave|giving|given) a (?:toss|monkey's)|(?:couldn't|could not|don't|doesn't|didn't|dont|doesnt|didnt) give a (?:toss|monkey's)",
            "profanity",
            "British swearing (\u201cgive a toss\u201d)",
        ),
    ]
)

_SLUR_PHRASES = PatternSet(
    [
        (
            r"(?:kids|children|teachers|staff|they|you|he|she|parents|governors|the head|pupils|teacher|lot) (?:are|is|'re|'s) (?:so |really |all |just |dead |proper )?(?:thick|stupid|dumb|brainless|dim|thick as (?:mince|two short planks))\b",
            "insult",
            "calls people stupid: an insult",
        ),
        (
            r"(?:so|well|dead|proper|too|how|that's|thats|that is|it's|its) gay",
            "slur",
            "\u201cgay\u201d used as an insult: homophobic language",
        ),
        (r"window lickers?", "slur", "an ableist slur"),
        (
            r"special needs? (?:kids?|lot|brigade)(?= (?:ruin|wreck|disrupt|should|shouldn't|need to go))",
            "slur",
            "disabled children used as an insult",
        ),
        (r"batty (?:boys?|man)", "slur", "a homophobic slur"),
        (r"jungle bunn(?:y|ies)", "slur", "a racist slur"),
        (r"half cast(?:e|es)", "slur", "a racist term"),
    ]
)

# Hostility to a group without a slur.
_GROUP = (
    r"(?:immigrants?|migrants?|foreigners?|refugees?|asylum seekers?|muslims?|islam(?:ic)?|eid|ramadan|"
    r"halal|diwali|hindus?|sikhs?|jews?|jewish|polish|poles|romanians?|eastern europeans?|asians?|"
    r"pakistanis?|africans?|blacks|travell?ers|gypsies|gays?|lesbians?|lgbt\w*|trans(?:gender)? (?:kids|people)|"
    r"pride|rainbow|two (?:dads|mums)|disabled (?:kids|children)|sen kids|autistic kids|these people|"
    r"that lot|their lot|their kind|people like that|them lot|english|the language|speak english)"
)
# Ethnic, faith and sexuality groups (not disability: complaints on behalf of SEN children are common).
_GROUP_CORE = (
    r"(?:(?:polish|romanian|eastern european|foreign|muslim|asian|black|traveller|gypsy|immigrant|refugee|pakistani|indian|african|chinese|roma) (?:kids|children|families|people|parents|lot|mums|dads|pupils)|travell?ers'|immigrants?|migrants?|foreigners?|refugees?|asylum seekers?|muslims?|islam(?:ic)?|eid|ramadan|"
    r"halal|diwali|hindus?|sikhs?|jews?|jewish|poles|romanians?|eastern europeans?|asians?|"
    r"pakistanis?|africans?|blacks|travell?ers|gypsies|gays?|lesbians?|lgbt\w*|trans(?:gender)? (?:kids|people|stuff)|"
    r"transgender|pride|two (?:dads|mums)|these people|that lot|their lot|their kind|people like that|them lot)"
)
_HOSTILE = (
    r"(?:ruining it|ruin it|disgusting|vile|unnatural|sick|perverted|perverse|abomination|filth|filthy|special treatment|"
    r"get everything|handed everything|pandered|pandering|bending over backwards|not welcome|no place|"
    r"ruining|ruin|taking over|take over|should go back|don't belong|do not belong|shouldn't be allowed|"
    r"should be banned|agenda|indoctrinat\w*|brainwash\w*|propaganda|ramm(?:ed|ing)|shov(?:ed|ing)|forced)"
)
_DISCRIMINATION = PatternSet(
    [
        (
            _GROUP_CORE
            + r"[^\n]{0,40}?(?:(?:are|is) (?:all )?|all )(?:thieves|criminals|scroungers|dirty|animals|scum|vermin|lazy|terrorists|rapists|groomers|trouble)",
            "discrimination",
            "a slur on a whole group: hostility to the group",
        ),
        (
            r"(?:full of|overrun (?:with|by)|flooded (?:with|by)|swamped (?:with|by)|too many|sick of) "
            + _GROUP_CORE,
            "discrimination",
            "complains there are too many of a group: hostility to the group",
        ),
        (
            _GROUP_CORE
            + r"[^.!?\n]{0,50}(?:(?:don't|won't|can't|never|refuse to) (?:even )?(?:try to |bother to )?learn (?:the language|english)|learn the language)",
            "discrimination",
            "sneers at a group for their language: hostility to the group",
        ),
        (
            r"keep (?:that|this|it|your|their) (?:\w+ )?(?:filth|rubbish|nonsense|agenda|propaganda|stuff|muck) (?:away from|out of)",
            "discrimination",
            "calls a group or its teaching filth to keep from children: hostility to the group",
        ),
        (
            r"can(?:'t|not|t) (?:even )?speak (?:a word of |any |proper )?english",
            "discrimination",
            "mocks people for not speaking English: hostility to a group",
        ),
        (
            r"(?:place|school|town|country|area|class|it)(?:'s| is| has been| are)? (?:being )?(?:overrun|flooded|swamped|invaded|taken over)",
            "discrimination",
            "says a place is \u201coverrun\u201d: hostility to a group",
        ),
        (
            r"\bthis is (?:england|britain|a christian country|the uk|great britain)\b",
            "discrimination",
            "\u201cthis is England\u201d aimed at a faith or culture: hostility to a group",
        ),
        (
            r"go back to (?:your|their|where)(?: own)? (?:country|countries|they came from|you came from)",
            "discrimination",
            "tells people to \u201cgo back\u201d: racist hostility",
        ),
        (
            r"send (?:them|em|\'em) (?:all )?(?:back|home)",
            "discrimination",
            "calls for people to be sent back: racist hostility",
        ),
        (
            r"not (?:even )?(?:properly )?(?:british|english) (?:any ?more|anymore|now)",
            "discrimination",
            "says a place is no longer British: hostility to a group",
        ),
        (
            _GROUP + r"[^.!?\n]{0,40}(?:ramm(?:ed|ing)|shov(?:ed|ing)|forc(?:ed|ing)) down",
            "discrimination",
            "complains a group is \u201crammed down\u201d children's throats: hostility to a group",
        ),
        (_GROUP_CORE + r"[^\n]{0,50}?" + _HOSTILE, "discrimination", "hostile to a group of people"),
        (
            r"stop (?:teaching|telling|showing) (?:my|our|the) (?:kids|children|son|daughter) (?:about )?"
            + _GROUP_CORE,
            "discrimination",
            "objects to children learning about a group: hostility to the group",
        ),
        (
            r"(?:woke|lefty|leftie) (?:nonsense|agenda|rubbish|propaganda|brainwashing)",
            "discrimination",
            "sneers at inclusion as \u201cwoke\u201d",
        ),
    ]
)


def find_discrimination(text: str) -> list[Hit]:
    """Hostility to a group for ethnicity, religion, language, disability or sexuality, without a
    slur ("half the class can't speak a word of English", "Eid? This is England") (code
    ``discrimination``)."""
    return list(_DISCRIMINATION.finditer(normalise(text)))


_SEXUAL = PatternSet(
    [
        (
            r"(?:in|wearing) (?:them|those|that|her|his) (?:leggings|tights|skirt|dress|jeans|shorts|top|swimsuit|heels|yoga pants|trousers)\b(?=[^\n]{0,20}(?:\U0001f975|\U0001f525|\U0001f60d|\U0001f60f|\U0001f924|\U0001f440|\U0001f4a6|phwoar|fit|hot|sexy))",
            "sexual",
            "a leering remark about what someone wears",
        ),
        (r"phwoa+r|\U0001f924", "sexual", "a leering remark"),
        (
            r"(?:keep|kept|keeping) me (?:behind|back) after (?:class|school)",
            "sexual",
            "a sexual remark about a member of staff (\u201ckeep me behind after class\u201d)",
        ),
        (r"(?:give|put) me (?:a )?detention", "sexual", "a sexual innuendo about a member of staff"),
        (
            r"(?:fit|hot|sexy|tasty|peng|buff|fine) (?:teacher|teachers|miss|mrs|sir|head|headteacher|"
            r"ta|tas|dinner lady|dinner ladies|mums?|mams?|moms?|dads?|receptionist|deputy|lollipop lady)",
            "sexual",
            "a sexual remark about a person",
        ),
        (
            r"(?:she|he|miss|mrs|mr|sir|the teacher)(?: [a-z]+)?(?:'s| is) (?:well |so |proper |dead )?(?:fit|hot|sexy|peng|tasty|buff)\b",
            "sexual",
            "a sexual remark about a person",
        ),
        (
            r"(?:would|i'd|id) (?:smash|bang|ride|do) (?:her|him|that|them|miss|mrs|sir)",
            "sexual",
            "a sexual remark about a person",
        ),
        (
            r"(?:legs|body|bum|arse|rack) on (?:her|him|that|miss|mrs)",
            "sexual",
            "a sexual remark about a person",
        ),
        (
            r"(?:nice|lovely|great|cracking|fine|peng) (?:pair|rack|legs|arse|bum|body|figure)(?: on (?:her|him|that|miss|mrs|the))?(?=\W*(?:\U0001f60f|\U0001f351|\U0001f346|\U0001f525|\U0001f4a6|\U0001f445)| on)",
            "sexual",
            "a sexual remark about a person's body",
        ),
        (
            r"any day \W*(?:\U0001f60f|\U0001f525|\U0001f608|\U0001f4a6|\U0001f609)",
            "sexual",
            "an innuendo with a suggestive emoji",
        ),
        (
            r"\U0001f346|\U0001f4a6|\U0001f445|\U0001f351(?=\W*(?:\U0001f60f|\U0001f525|\U0001f4a6))",
            "sexual",
            "a sexual emoji",
        ),
        (
            r"(?:\U0001f60f)\W*(?:\U0001f525|\U0001f4a6|\U0001f346|\U0001f445|\U0001f351)",
            "sexual",
            "a leering emoji combination",
        ),
    ]
)


def find_sexual(text: str) -> list[Hit]:
    """Sexual remarks, innuendo and emoji (code ``sexual``): about staff especially."""
    hits = [h for h in _word_hits(text) if h.code == "sexual"]
    return hits + list(_SEXUAL.finditer(normalise(text)))


_GESTURE = re.compile("\U0001f595")


def find_offensive(text: str) -> list[Hit]:
    """Everything offensive in ``text``: swearing, insults, slurs, hostility to a group, sexual
    remarks and the 🖕 gesture, in text order."""
    hits = (
        find_profanity(text)
        + find_insults(text)
        + find_slurs(text)
        + find_discrimination(text)
        + find_sexual(text)
    )
    hits += [
        Hit("offensive-gesture", m.start(), m.end(), m.group(), "the middle-finger gesture")
        for m in _GESTURE.finditer(text)
    ]
    return _dedupe(hits)


def _dedupe(hits: list[Hit]) -> list[Hit]:
    seen: set[tuple[str, int, int]] = set()
    out = []
    for h in sorted(hits, key=lambda h: (h.start, h.end)):
        key = (h.code, h.start, h.end)
        if key not in seen:
            seen.add(key)
            out.append(h)
    return out


# ---------------------------------------------------------------------------------------------
# Threats: violence, self-harm, grooming, doxxing
# ---------------------------------------------------------------------------------------------

_HIM = r"(?:him|her|them|you|ya|u|he|she|they|that teacher|the head|mr [a-z]+|mrs [a-z]+|miss [a-z]+|ms [a-z]+|sir)"
_VIOLENCE = PatternSet(
    [
        (
            r"there(?:'ll| will) be consequences|face the consequences|(?:i'm|im|i am) (?:outside|at) the (?:school|gates?|office) (?:now|right now)|"
            r"tell (?:mr \w+|mrs \w+|miss \w+|ms \w+|him|her|the head|that teacher) to come out(?:side)?|come out(?:side)? and (?:face|talk to|see) me|"
            r"(?:sort|deal with|handle) it (?:my way|my own way|myself)|(?:you've|you have|they've|they have) got (?:till|until) \w+ (?:to|or)|"
            r"(?:five|5|ten|10|two|2|one|a few) minutes? alone with|lined up against (?:a|the) wall|up against (?:a|the) wall and|"
            r"(?:hope|wish) (?:someone|somebody|they|some ?one) (?:\w+ ){0,2}(?:keys|key|slashes|slash|smashes|smash|burns|burn|torches|torch|wrecks|trashes|scratches|hurts|hurt|beats|batters|attacks|sets fire|punches|slaps)|"
            r"(?:keys|keyed|keying|key) (?:the |his |her |their |the head's |that )?(?:\w+ )?cars?",
            "violence",
            "a threat or a wish for violence or damage",
        ),
        (
            r"make (?:sure )?(?:\w+ ){0,3}regrets?|regrets? (?:ever|the day)|(?:nobody|no one|nothing)(?:'ll| will| is going to|'s going to|'s gonna|'ll be able to)? stop(?:ping)? me|"
            r"a (?:good )?(?:hiding|kicking|beating|battering|slapping|leathering|pasting)\b|(?:needs?|deserves?|wants?) (?:a )?(?:slap|smack|punch)|"
            r"(?:what|something) (?:i've|i have|we've|we have|i) (?:got )?(?:planned|in store) for|wait (?:till|until) you see what|"
            r"(?:should|ought to|deserve to|deserves to) be (?:shot|hanged|hung|strung up|put down|lined up|stabbed|beaten)|(?:deserve|deserves) to (?:die|suffer|be hurt)",
            "violence",
            "a threat or a call for violence",
        ),
        (
            r"(?:i'll|ill|i will|i'm gonna|im gonna|i'm going to|im going to) (?:come|be) (?:down|up|round|over|in)? ?(?:there|here|to the school|at the (?:gates?|school|office))[^.!?\n]{0,60}(?:sort|deal with|find out|see what|regret|sorry|hurt|have it out|what happens|myself)",
            "violence",
            "says they will come to the school to confront someone: intimidation",
        ),
        (
            r"(?:sort|deal with) (?:him|her|them|the teacher|that teacher|mr \w+|mrs \w+|miss \w+|ms \w+|the head|that head) (?:out )?myself|take (?:matters|things) into (?:my|our) own hands",
            "violence",
            "says they will deal with someone themselves: intimidation",
        ),
        (
            r"(?:want|wants|need|needs|had better|'d better|better) (?:to )?(?:be careful|watch (?:it|out))|i know people|(?:find|found) out what happens when|"
            r"(?:be|it'd be|would be) a (?:shame|pity) if (?:something|anything)|(?:wouldn't|would not) want anything to happen|"
            r"(?:got|has|have|had) it coming|(?:deserve|deserves) what(?:'s| is) coming|dead meat|won't know what (?:hit|happened)",
            "violence",
            "a veiled threat",
        ),
        (
            r"(?:school|place|building|staffroom|it|that lot) (?:went|go|goes|going|to go) up in (?:flames|smoke)|"
            r"(?:burn|burnt|burned|torch|torched) (?:it|the place|that place|the school|that school|the building)? ?(?:down|to the ground)",
            "violence",
            "wishes or threatens fire at the school",
        ),
        (
            r"(?:knock|punch|kick) (?:his|her|their|your|ur) (?:block|teeth|head) (?:off|in)|(?:lamp|chin|deck|glass|stab|batter|floor) (?:him|her|them|you|the teacher|that teacher)\b|"
            r"put (?:him|her|them|you) in (?:hospital|a box|the ground)|six feet under",
            "violence",
            "a threat of violence",
        ),
        (
            rf"(?:i'll|ill|i will|i'm going to|im going to|gonna|i'm gonna|im gonna) be waiting (?:for {_HIM}|outside|at the gate|in the car ?park)",
            "violence",
            "says they will be waiting for someone: intimidation",
        ),
        (
            r"won't be walking away|wont be walking away|won't walk away|wont walk away",
            "violence",
            "a threat of violence",
        ),
        (
            r"bring (?:a|your|the|my) (?:bat|baseball bat|knife|blade|machete|hammer|crowbar|gun|brick|mates|lads)",
            "violence",
            "calls for people to bring a weapon",
        ),
        (
            r"(?:i|we) know (?:which|what) car (?:is (?:yours|his|hers|theirs)|(?:you|he|she|they) drives?)",
            "violence",
            "says they know someone's car: intimidation",
        ),
        (
            r"(?:i|we) know where (?:you|he|she|they|miss \w+|mr \w+|mrs \w+) (?:live|lives|park|parks|drink|drinks)",
            "violence",
            "says they know where someone lives: intimidation",
        ),
        (
            r"(?:people|teachers|heads|staff|those) like (?:you|her|him|them) (?:end up|get|will get|deserve to get|tend to get) (?:getting )?(?:hurt|what's coming|a slap|battered|sorted)",
            "violence",
            "a veiled threat of harm",
        ),
        (
            r"(?:watch|mind) (?:your|his|her) back|(?:better|should|'d better|had better) watch (?:himself|herself|yourself|themselves|out|it|your back)|watch (?:himself|herself|yourself) (?:at|outside|round|when)",
            "violence",
            "a veiled threat (\u201che'd better watch himself\u201d)",
        ),
        (
            r"teach (?:him|her|them|you|that \w+|the \w+|mr \w+|mrs \w+|miss \w+|ms \w+) a lesson|a lesson (?:he|she|they|you)(?:'ll| will)? (?:won't|will not|never) forget|won't look so (?:pretty|good|clever|smug)|after tonight",
            "violence",
            "intimidation (\u201cteach her a lesson she won't forget\u201d)",
        ),
        (
            r"(?:found out|know|i've got|we've got|i have) where (?:\w+ ){0,2}(?:lives|live|parks|park|drinks|shops|goes|stays|sleeps)",
            "doxxing",
            "says they have found where someone lives or parks: intimidation",
        ),
        (
            r"(?:his|her|their|your) (?:\w+ )?(?:car|van|motor|fiesta|corsa|golf|polo|bmw|audi|merc|mini|tyres|windows) (?:won't|will|is going to|gonna|might|could) (?:look|be|get|end up)",
            "violence",
            "a threat to someone's car or home",
        ),
        (
            r"[\U0001f52a\U0001f5e1\U0001f52b\U0001f4a3\U0001fa93\U0001fa78]",
            "weapon-emoji",
            "a weapon emoji aimed at someone",
        ),
        (
            r"(?:and|or) see what happens(?: to (?:you|your|him|his|her|them|their))?|or else\W*$|(?:you(?:'ve| have)|you've) been warned|last warning",
            "violence",
            "a veiled threat (\u201csee what happens\u201d)",
        ),
        (
            r"(?:i'm|im|i am|i'll|ill|i will) (?:coming|going|gonna come|gonna go|be coming) (?:in|down|up|round|over|to the school)[^.!?\n]{0,40}(?:hurt|sort|deal with|have it out|kick(?:ing)? off|regret|sorry)",
            "violence",
            "says they will come in and someone will be hurt: intimidation",
        ),
        (
            r"(?:someone|somebody|some one)(?:'s| is) (?:getting|gonna get|going to get) (?:hurt|battered|slapped|smacked|punched)(?= )?",
            "violence",
            "says someone is going to get hurt",
        ),
        (
            r"(?:smash|put|throw|chuck|kick) (?:in |up )?(?:every|the|all the|all|their|your|his|her|that) (?:\w+ )?(?:windows?|windscreens?|cars?|doors?|staffroom)",
            "violence",
            "calls for damage to property",
        ),
        (
            r"(?:you'll|you will|he'll|she'll|they'll) (?:regret it|be sorry|get what's coming|pay for this)",
            "violence",
            "a veiled threat",
        ),
        (
            r"(?:burn|torch|petrol bomb|bomb|blow up) (?:that|the|this|their|your)? ?(?:place|school|building|staffroom|office|lot)",
            "violence",
            "calls for violence against the school",
        ),
        (
            r"(?:brick|bricks|rock|rocks|stone|stones) through (?:every|the|their|your|his|her|a) (?:window|windscreen)",
            "violence",
            "calls for violence against property",
        ),
        (
            r"(?:i'll|ill|i will|gonna|going to|i'm going to|im going to|i'd|id|someone should|somebody should|someone ought to|somebody ought to|ought to|should|will) (?:\w+ )?(?:kill|stab|batter|punch|smack|slap|hit|knock out|deck|glass|shoot|strangle|hurt|beat up|burn|torch|key|slash|smash|wreck|trash|kick \w+ head in|do (?:him|her|them) in|sort (?:him|her|them) out)(?! (?:time|it|two birds|a bit|the ball))",
            "violence",
            "threatens or calls for violence",
        ),
        (
            r"(?:smash|kick|knock|punch) (?:his|her|their|your|ur) (?:face|head|teeth|lights) (?:in|off)",
            "violence",
            "a threat of violence",
        ),
        (
            r"(?:deserves?|needs?) (?:a )?(?:good )?(?:slap|kicking|hiding|beating|punch|battering)",
            "violence",
            "says someone deserves violence",
        ),
        (r"(?:shoot|bomb) up (?:the|that|this) school", "violence", "a threat against the school"),
        (
            r"(?:wait|waiting|outside) (?:for (?:him|her) )?(?:after|at) (?:school|home time|pick ?up)[^.!?\n]{0,30}(?:sort|deal with|have a word|teach)",
            "violence",
            "says they will confront someone outside school",
        ),
    ]
)

_SELF_HARM = PatternSet(
    [
        (
            r"(?:end|ending|take|taking) (?:his|her|their|my|your) (?:own )?life|(?:took|taken|take|swallowed) (?:too many|a load of|loads of|all (?:my|her|his|the)) (?:tablets|pills|paracetamol)|"
            r"(?:rather|sooner) (?:be )?(?:dead|die)|(?:i'd|she'd|he'd|they'd) rather die",
            "self-harm",
            "talks of ending a life or an overdose: possible risk of suicide",
        ),
        (
            r"(?:i'm|im|i am|i'?ve) (?:done|finished) with (?:everything|life|it all|living)|goodbye (?:cruel )?world|this is (?:my )?goodbye|(?:my )?(?:final|last) (?:post|message|goodbye)|"
            r"won't be (?:around|here) (?:much longer|any ?more|for long)",
            "self-harm",
            "sounds like a goodbye: possible risk of suicide",
        ),
        (
            r"(?:want|wants|wanted) to (?:disappear|vanish|not exist|not be alive|be dead)|(?:no ?(?:one|body)|nobody) would (?:even )?(?:notice|care|miss (?:me|her|him))|"
            r"wish(?:es|ed)? (?:i|she|he|they) (?:was|were|wasn't|weren't) (?:dead|alive|born|here|around)|wish(?:es|ed)? (?:i|she|he|they) could (?:die|disappear)",
            "self-harm",
            "talks of wanting to disappear or be dead: possible risk of suicide",
        ),
        (
            r"(?:drink|swallow|eat) (?:some )?bleach|jump off (?:a|the) (?:bridge|cliff|building|roof)|go (?:and )?(?:die|hang yourself|top yourself)|"
            r"(?:hope|wish) (?:you|she|he|they) (?:die|dies|dropped dead|drop dead)|die in a (?:hole|fire|ditch)|top (?:your|him|her)sel(?:f|ves)",
            "self-harm",
            "tells someone to harm or kill themselves",
        ),
        (
            r"(?:don't|dont|do not) want to (?:be here|live|be alive|wake up|exist) (?:any ?more|anymore)?",
            "self-harm",
            "talks of not wanting to be alive: possible risk of suicide",
        ),
        (
            r"(?:end(?:ing)?|ended) it all|end my life|ending my life|take my (?:own )?life|taking my (?:own )?life",
            "self-harm",
            "talks of ending their life",
        ),
        (
            r"(?:kill|killing|hurt|hurting|harm|harming|cut|cutting) (?:my|him|her|them)sel(?:f|ves)(?! (?:laugh|with laughter|laughing))|kms\b",
            "self-harm",
            "talks of self-harm or suicide",
        ),
        (
            r"(?:wants?|wanted|trying|tried|try) to (?:die|hurt (?:her|him|my|them)sel(?:f|ves)|kill (?:her|him|my|them)sel(?:f|ves))",
            "self-harm",
            "talks of a wish to die or to self-harm",
        ),
        (r"self[- ]?harm(?:ing|s|ed)?", "self-harm", "mentions self-harm"),
        (r"suicid(?:e|al)", "self-harm", "mentions suicide"),
        (
            r"(?:started|been|keeps|is|was) cutting (?:her|his|my|their) (?:arms?|wrists?|legs?|skin|self|thighs?)",
            "self-harm",
            "mentions a child cutting themselves",
        ),
        (
            r"(?:better off|be better) without me|no (?:point|reason) (?:in )?(?:living|going on|being here)|can't go on|cant go on",
            "self-harm",
            "talks of not wanting to go on",
        ),
        (
            r"(?:don't|dont|do not|can't|cant) see (?:the|any) point (?:in|of) (?:anything|living|life|going on|carrying on|it all|being here)(?: any ?more)?|"
            r"(?:better off|be better) if i (?:wasn't|was not|weren't|wasnt) (?:around|here|alive)|no (?:one|body) would (?:miss|notice|care)(?: if| about)? (?:me|i)|"
            r"wish i (?:was|were) dead|i want to (?:die|disappear for ever|disappear forever)|(?:not|never) wake up|can't (?:go on|carry on) (?:like this|any ?more)|"
            r"(?:nothing|no reason) (?:left )?to live for|(?:tired|sick) of (?:living|being alive|life)",
            "self-harm",
            "talks of not wanting to live: possible risk of suicide",
        ),
        (
            r"overdos(?:e|ed|ing)|took (?:a load of|all (?:my|her|his)) (?:pills|tablets)",
            "self-harm",
            "mentions an overdose",
        ),
        (
            r"(?:go|just|should|pls|please) (?:and )?(?:kill|hang|neck) (?:your ?self|yourselves|urself|urself)|kys\b|kill yourself|neck yourself",
            "self-harm",
            "tells someone to kill themselves",
        ),
        (
            r"(?:thought|thinking|think) about (?:ending it|not being here|killing (?:my|him|her)self|dying)",
            "self-harm",
            "talks of thoughts of suicide",
        ),
    ]
)

_CHILDREN = (
    r"(?:kids|children|girls|boys|pupils|students|little ones|lads|lasses|youngsters|year \d+s?|students)"
)
_CONTACT = r"(?:dm|message|msg|snap|snapchat|add|inbox|text|whatsapp|pm|follow|contact|call|ring|email|e-mail|write to)"
_GROOMING = PatternSet(
    [
        (
            rf"(?:do|does|have|has|got) any (?:of )?(?:the|your|these|those)? ?{_CHILDREN}(?: [a-z]+)? (?:have|got|use|on) (?:snapchat|snap|tiktok|insta(?:gram)?|discord|whatsapp|roblox|kik|telegram|an? (?:account|phone|number))",
            "grooming",
            "asks whether children have social media accounts: grooming-like contact",
        ),
        (
            rf"(?:get|tell|ask|have) (?:them|the (?:girls|boys|kids|children)|your (?:kids|child|children|son|daughter)) to (?:{_CONTACT}) me",
            "grooming",
            "asks children to contact them privately: grooming-like contact",
        ),
        (
            r"(?:any )?(?:kids|children|girls|boys|students|pupils)(?: who are)? (?:reading|seeing|watching) this",
            "grooming",
            "speaks directly to children reading: grooming-like contact",
        ),
        (
            rf"{_CONTACT} me (?:on|at|via) (?:discord|snapchat|snap|tiktok|insta(?:gram)?|roblox|whatsapp|kik|telegram)(?=[^.!?\n]{{0,60}}(?:kids|free|robux|v-?bucks|secret|parents|child))",
            "grooming",
            "invites private contact on an app children use",
        ),
        (
            r"(?:free|give ?away|giving away) (?:robux|v-?bucks|skins|fortnite|roblox)",
            "grooming",
            "a giveaway aimed at children",
        ),
        (
            r"(?:don't|dont|do not|never) tell (?:ur|your|yer|any) (?:parents|mum|mam|mom|dad|teachers?|family|grown[- ]ups|anyone)",
            "grooming",
            "asks children to keep a secret from their parents: grooming-like contact",
        ),
        (r"(?:our|a|it's|its) (?:little )?secret", "grooming", "asks for secrecy"),
        (
            r"(?:scouting|scout|casting|modelling|modeling|agency) (?:for|looking for|agent)[^.!?\n]{0,40}(?:children|kids|girls|boys|child|young)",
            "grooming",
            "a \u201cscout\u201d looking for children: grooming-like contact",
        ),
        (
            r"(?:send|share|dm|pm) (?:me|us) (?:her|his|their|your (?:child's|daughter's|son's)|the (?:child's|girl's|boy's)) (?:details|name|age|photos?|pics?|number|address|snap|socials)",
            "grooming",
            "asks for a child's details or photos: grooming-like contact",
        ),
        (
            rf"(?:{_CHILDREN}|the (?:girl|boy)s?|little (?:girls?|boys?|ones)) (?:always |often |all )?(?:wave|waves|smile|smiles|waving|smiling) (?:at|to) me",
            "grooming",
            "a stranger describing children who wave at him: grooming-like contact",
        ),
        (
            r"(?:watch|watching|see|seeing) (?:the )?(?:kids|children|girls|boys|little ones)(?: play(?:ing)?)? (?:from|through|over) (?:my|the) (?:window|fence|car|house|garden)",
            "grooming",
            "a stranger describing watching children: grooming-like contact",
        ),
        (
            r"(?:private|one[- ]to[- ]one|1[- ]?(?:2|to)[- ]?1) (?:lessons?|chats?|sessions?|coaching)[^.!?\n]{0,40}(?:dm|message|snap|text) me",
            "grooming",
            "offers private contact to children",
        ),
    ]
)

# Signals that are harmless alone and grooming-like together (see :func:`find_threats`).
_GROOMING_SIGNALS = PatternSet(
    [
        (
            r"(?:give|offer) (?:\w+ ){0,3}a lift|come (?:round|over) (?:to mine|to my house|and play|for a sleepover)|i live (?:near|next to|opposite|round the corner from) (?:the school|you)|"
            r"(?:i've|i have|got) (?:got )?(?:all )?the latest (?:games|consoles|phones|iphone)|(?:come|round) (?:\w+ ){0,3}play (?:xbox|playstation|ps5|fortnite|roblox|games)",
            "lure",
            "offers children lifts, visits or games",
        ),
        (
            r"(?:would|do|does|could|will) any of (?:the|your|you|them|these) ?(?:boys|girls|kids|children|pupils)? (?:like|want|wanna|fancy)",
            "child-address",
            "speaks directly to children",
        ),
        (
            r"which (?:one )?of (?:the|these|those|your) (?:girls|boys|kids|children|pupils) (?:is|was)|what(?:'s| is) (?:her|his|the (?:girl|boy)'s|the little (?:girl|boy)'s) name|"
            r"who(?:'s| is) the (?:little )?(?:girl|boy) (?:in|with|on|at)",
            "child-age-question",
            "asks who a particular child is",
        ),
        (
            r"connect with (?:her|him|them|the (?:girl|boy))|get in touch with (?:her|him|the (?:girl|boy))",
            "contact-request",
            "asks for contact with a child",
        ),
        (
            r"(?:must be|if you're|if you are|only|have to be|need to be) (?:under|aged?) (?:1[0-7]|[6-9])\b",
            "child-recruiting",
            "looks for children under an age",
        ),
        (r"(?:earn|make) (?:easy |quick )?(?:money|cash)|easy money", "gift", "offers money"),
        (
            r"send (?:you|u|her|him|them) (?:a )?(?:present|gift|something special|a surprise|money)|(?:i'll|ill|i will|i can) (?:buy|get) (?:you|u|her|him) |follow me back",
            "gift",
            "offers a child a present",
        ),
        (
            r"(?:how old|what age) (?:is|are) (?:she|he|the girl|the boy|that girl|that boy|they|your (?:daughter|son|girl|boy))\b",
            "child-age-question",
            "asks how old a child is",
        ),
        (
            r"(?:hi|hey|hello|hiya|calling all|attention|heya|yo) (?:girls|boys|kids|children|little ones|young ones|year \d+s?|sweetie|sweetheart|sweety|darling|princess|cutie|little (?:one|lady|man)|gorgeous|beautiful)\b|"
            r"any of (?:your|the|you) (?:students|pupils|kids|children|girls|boys|year \d+s?) (?:want|wanna|fancy|like|need|looking)",
            "child-address",
            "speaks directly to children",
        ),
        (
            r"(?:aged?|ages) (?:[4-9]|1[0-6]) ?(?:-|\u2013|to) ?(?:[4-9]|1[0-7])\b|(?:girls|boys|kids|children) (?:aged?|under) (?:[4-9]|1[0-6])\b|new faces",
            "child-recruiting",
            "looks for children of a given age",
        ),
        (
            r"(?:dm|message|msg|inbox|pm|snap|text|whatsapp|add|contact|email|call) (?:me|us)(?: (?:privately|in private|on \w+|directly))?|"
            r"privately|in private|private message|send (?:me|us) (?:pics|photos|pictures|selfies|a pic)",
            "contact-request",
            "asks for private contact",
        ),
        (
            r"(?:so |very |really )?(?:pretty|gorgeous|cute|beautiful|stunning|fit|sexy|hot)\b|\U0001f618|\U0001f60d|\U0001f48b|\U0001f609",
            "flattery",
            "flattering remark",
        ),
        (
            r"(?:free|win|giving away|give ?away) (?:robux|v-?bucks|skins|gift ?cards?|iphones?|money|sweets|phones?)",
            "gift",
            "offers gifts",
        ),
    ]
)
_GROOMING_PAIRS = (
    ({"child-address"}, {"contact-request", "flattery", "gift", "lure"}),
    ({"flattery", "child-age-question"}, {"lure"}),
    ({"child-age-question"}, {"flattery", "contact-request"}),
    ({"child-recruiting"}, {"contact-request", "flattery"}),
)

_STREET = (
    r"(?:road|rd|street|st|lane|ln|avenue|ave|close|cl|drive|dr|way|crescent|cres|grove|gardens|gdns|"
    r"terrace|place|court|ct|mews|row|walk|hill|park|view|rise|green|square|sq)"
)
_DOXXING = PatternSet(
    [
        (
            r"(?:mr|mrs|miss|ms|sir|the head|she|he)\b[^.!?\n]{0,40}(?:drives (?:a|the|that) (?:\w+ ){0,2}(?:car|van|\w+)|(?:usually|always|normally) park(?:s|ed)? (?:on|in|at|outside|near|round|by))",
            "doxxing",
            "says which car a member of staff drives or where it is parked",
        ),
        (
            rf"(?:lives?|living|stays?|house is|home is|address is|live) (?:at|on|in) (?:no\.? ?)?\d+[a-z]? [a-z][a-z'\-]+(?: [a-z][a-z'\-]+)? {_STREET}",
            "doxxing",
            "gives a home address",
        ),
        (
            rf"(?:lives?|living|stays?|house is|home is|address is) (?:at|on|down|in) [a-z][a-z'\-]+(?: [a-z][a-z'\-]+)? {_STREET}",
            "doxxing",
            "says which street someone lives on",
        ),
        (
            rf"\b\d+[a-z]? [a-z][a-z'\-]+ {_STREET}\b(?=[^.!?\n]{{0,60}}(?:if anyone|pay (?:her|him) a visit|knock|tell (?:her|him)|to (?:her|his) face))",
            "doxxing",
            "gives an address for others to visit",
        ),
        (
            r"(?:his|her|their) (?:car|reg|registration) is (?:the |a )?[a-z0-9 ]{2,30}",
            "doxxing",
            "identifies someone's car",
        ),
        (
            r"\b[a-z]{2}\d{2} ?[a-z]{3}\b(?=[^\n]{0,60}(?:car|her|his|drives|reg))",
            "doxxing",
            "a car registration",
        ),
        (r"(?:her|his) (?:home )?(?:phone )?number is", "doxxing", "shares someone's phone number"),
        (
            r"(?:pay (?:her|him|them) a visit|knock on (?:her|his|their) door|tell (?:her|him|them) what (?:you|they|we) think of (?:her|him|them) to (?:her|his|their) face)",
            "doxxing",
            "invites others to confront someone in person",
        ),
    ]
)


def find_threats(text: str) -> list[Hit]:
    """Threats in ``text``: violence and intimidation (``violence``), self-harm and suicide
    (``self-harm``), grooming-like contact with children (``grooming``) and a home address or car
    (``doxxing``). Idioms ("killed it", "dying in this heat", "death trap") are not threats."""
    norm = normalise(text)
    hits: list[Hit] = []
    for ps in (_VIOLENCE, _SELF_HARM, _GROOMING, _DOXXING):
        hits.extend(ps.finditer(norm))
    if any(h.code == "weapon-emoji" for h in hits) and find_praise(text):
        hits = [h for h in hits if h.code != "weapon-emoji"]  # "knife skills 🔪, well done!"
    signals = list(_GROOMING_SIGNALS.finditer(norm))
    codes = {h.code for h in signals}
    for first, second in _GROOMING_PAIRS:
        if codes & first and codes & second:
            parts = [h for h in signals if h.code in first | second]
            start, end = min(h.start for h in parts), max(h.end for h in parts)
            hits.append(
                Hit(
                    "grooming",
                    start,
                    end,
                    text[start:end],
                    "speaks to or about children with flattery, gifts or a request for private contact: grooming-like",
                )
            )
            break
    return _dedupe(hits)


# A named or possessed child at a place at a time: "Our Harvey's ... at the reservoir at 9 tonight".
_TIME = re.compile(
    r"\b(?:at \d{1,2}(?:[.:]\d{2})?(?: ?(?:am|pm|o'clock))?(?: (?:tonight|tomorrow|today|this evening|on \w+))?|"
    r"every (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekday|morning|evening|night|week)s?|"
    r"(?:on )?(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)|"
    r"tonight|tomorrow (?:morning|night|evening|at)|this (?:evening|afternoon)|after school|every (?:day|afternoon)|each (?:day|morning|week)|"
    r"\d{1,2}(?:[.:]\d{2})?\s*(?:-|–|to|till|until)\s*\d{1,2}(?:[.:]\d{2})?)"
)
_PLACE = re.compile(
    r"\b(?:at|to) (?:her|his|their) (?:nan|nana|gran|grans|grandma|grandad|mum|dad|aunt|auntie|childminder)'?s?\b|"
    r"\b(?:at|to|round|around|from|in|down|near|by|outside|on) (?:the )?(?:reservoir|leisure cent(?:re|er)|park|pool|swimming|"
    r"baths|brownies|guides|cubs|scouts|beavers|rainbows|football|rugby|training|club|gym|library|station|"
    r"bus stop|side entrance|back gate|front gate|gate|entrance|shop|shops|playground|rec|field|woods|"
    r"church|mosque|temple|dance|ballet|gymnastics|karate|judo|tuition|tutoring|centre|center|[a-z]+ (?:road|lane|street|park|common))\b"
    r"|\b(?:walks? home|picks? (?:her|him|them) up|drops? (?:her|him|them) off|walks? (?:her|him|them) home)\b"
)
_ACTIVITY = re.compile(
    r"\b(?:swimming|brownies|guides|cubs|scouts|beavers|rainbows|football|rugby|dance|ballet|gymnastics|karate|judo|night walk|"
    r"training|practice|lessons?|club)\b"
)
_CLOCK = re.compile(
    r"\b(?:at \d{1,2}(?:[.:]\d{2})?|\d{1,2}(?:[.:]\d{2})? ?(?:am|pm)|tonight|\d{1,2}(?:[.:]\d{2})?\s*(?:-|–|to|till|until)\s*\d{1,2})"
)
_DETERMINERS = frozenset(["our", "my", "their", "her", "his", "that's", "she's", "he's"])
_CHILD_REF = re.compile(
    r"\b(?:[Oo]ur|[Mm]y|[Tt]heir|[Hh]er|[Hh]is) (?:little )?(?!(?:Year|Class|School|Team|Choir|Reception|Nursery|Lady|Lord|Father|Mum|Dad)\b)(?:son|daughter|lad|girl|boy|kid|child|grandson|granddaughter|niece|nephew|"
    r"[A-Z][a-z]+)\b|\b(?:[A-Z][a-z]+ [A-Z][a-z]+) in the\b|\b(?:she|he)(?:'s| is) (?:at|in|doing|going)\b|\b[Tt]hat's [A-Z][a-z]+|"
    r"\b[A-Z][a-z]+ (?:from|in) (?:Year \d|Y\d|Reception|Nursery|[A-Z][a-z]+ [Cc]lass)\b",
)


_STAFF_NAME = re.compile(r"\b(?:Mr|Mrs|Miss|Ms|Mx|Dr)\.? [A-Z][a-z]+")
_ROUTINE = re.compile(
    r"\b(?:drops? (?:her|him|them) off|picks? (?:her|him|them) up|arrives?|leaves?|walks?|jogs?|runs?|parks?|cycles?|"
    r"gets? the (?:bus|train)|goes to|is (?:always|usually) (?:at|in|on))\b"
)


def find_staff_whereabouts(text: str) -> list[Hit]:
    """Where a named member of staff can be found alone, and when (code ``doxxing``): "Mrs Hooper's
    husband drops her off at 7.30 every morning by the back gate"."""
    staff = _STAFF_NAME.search(text)
    if staff is None:
        return []
    norm = normalise(text)
    clock = _CLOCK.search(norm.text) or _TIME.search(norm.text)
    place = _PLACE.search(norm.text)
    routine = _ROUTINE.search(norm.text)
    if clock is None or place is None or routine is None:
        return []
    spans = [staff.span(), norm.span(clock.start(), clock.end()), norm.span(place.start(), place.end())]
    start, end = min(a for a, _ in spans), max(b for _, b in spans)
    return [
        Hit(
            "doxxing",
            start,
            end,
            text[start:end],
            "says where and when a member of staff can be found: someone could wait for them",
        )
    ]


def find_child_whereabouts(text: str) -> list[Hit]:
    """Where an identifiable child will be at a given time (code ``child-whereabouts``): a child
    named or claimed ("Our Harvey", "That's Isla Marsh") together with a place or activity and a
    time ("at the reservoir at 9 tonight", "swimming every Tuesday at 5"). Doxxing even when well
    meant: a stranger could act on it."""
    norm = normalise(text)
    child = _CHILD_REF.search(text)
    if child is None:
        return []
    time = _TIME.search(norm.text)
    place = _PLACE.search(norm.text)
    # A child named ("Our Harvey", "Ellie from Year 4") or only claimed ("my son", "she's at").
    named = any(w[:1].isupper() and w.casefold() not in _DETERMINERS for w in child.group().split())
    if place is None and named:
        place = _ACTIVITY.search(norm.text)
    elif not named and place is not None and _CLOCK.search(norm.text) is None:
        place = None  # "my lad's at football every Saturday": no one could find him from that
    if time is None or place is None:
        return []
    start = min(child.start(), *norm.span(time.start(), time.end()), *norm.span(place.start(), place.end()))
    end = max(child.end(), *norm.span(time.start(), time.end()), *norm.span(place.start(), place.end()))
    return [
        Hit(
            "child-whereabouts",
            start,
            end,
            text[start:end],
            "says where an identifiable child will be and when: a stranger could act on it (NNF-11)",
        )
    ]


# ---------------------------------------------------------------------------------------------
# Spam: scams, adult content, gambling, selling
# ---------------------------------------------------------------------------------------------

_MONEY = r"[£$€]\s?\d[\d,.]*k?"
_ADULT_GAMBLING = PatternSet(
    [
        (r"18\s?\+(?: only| content| link)?|\U0001f51e", "adult-content", "an 18+ account or link"),
        (
            r"onlyfans|only fans|fansly|exclusive content|spicy content|nsfw|xxx|nudes?\b|hot singles|sugar (?:daddy|daddies|baby|mummy|mommy)|"
            r"hook ?ups?|cam ?girls?|webcam|adult (?:content|videos?|chat)|dating (?:site|app|link)|lonely (?:tonight|and)|"
            r"see my (?:private|hidden|secret) (?:pics|photos|videos)|my (?:private|exclusive) (?:page|pics|videos)|check out my (?:page|profile|bio)",
            "adult-content",
            "adult or dating content",
        ),
        (
            r"free spins?|no deposit|casino|slots?(?: bonus| game)|betting tips|bet (?:now|here)|sportsbook|jackpot|\U0001f3b0|"
            r"roulette|blackjack|poker (?:bonus|site)|bonus code|welcome bonus|gamble|gambling",
            "gambling",
            "casino, betting or gambling promotion",
        ),
    ]
)
_SCAM = PatternSet(
    [
        (
            r"(?:dm|message|contact) (?:us |me )?for (?:a )?(?:quote|prices|price list|rates)|custom (?:hoodies|merch|printing|t-?shirts|uniform|mugs)|leavers'? (?:hoodies|merch)",
            "commercial-promotion",
            "unsolicited selling",
        ),
        (
            r"visit my (?:profile|page|bio)|check my (?:profile|page|bio)|(?:special|free) gift (?:for you|waiting|in my)|"
            r"like (?:and|&) share (?:this|to)|share (?:this(?: post)? )?to win|(?:follow|like|rt|retweet),? (?:\w+ )?(?:&|and) (?:rt|share|tag|retweet) to win|tag \d+ friends",
            "prize-scam",
            "engagement bait or a prize scam",
        ),
        (
            r"(?:need a |quick |fast |payday |instant )loans?\b|bad credit(?: ok| welcome| no problem)?|instant approval|guaranteed approval|"
            r"work from home(?=[^\n]{0,80}(?:earn|£|\$|no experience|apply|dm|whatsapp))|no experience (?:needed|necessary|required)|"
            rf"(?:earn|make|made|making) {_MONEY} ?(?:/|a|per|every) ?(?:day|week|hour|month)",
            "job-or-loan-scam",
            "a loan or work-from-home scam",
        ),
        (
            r"advert(?:ising|isement)? (?:space|package|feature)|full[- ]page advert|sponsored (?:post|feature|content)|featured in our|"
            rf"(?:just|only|from) {_MONEY} for (?:a|an|your|the)",
            "commercial-promotion",
            "unsolicited selling or advertising",
        ),
        (
            r"collab(?:oration)?s?\b|(?:brand )?ambassadors? (?:wanted|needed)|our products|(?:dm|message) (?:me|us) for (?:a )?(?:collab|promo|shout ?out)",
            "commercial-promotion",
            "unsolicited selling or promotion",
        ),
        (
            r"(?:diplomas?|degrees?|certificates?) (?:for sale|fully verifiable|verifiable|available)|fake (?:ids?|diplomas?|certificates?|degrees?)|"
            r"buy (?:a )?(?:degree|diploma|certificate)|cheap (?:diplomas?|degrees?)",
            "essay-mill",
            "sells fake qualifications",
        ),
        (
            r"crypto(?:currency|currencies)?|bitcoin|btc|ethereum|\beth\b|solana|dogecoin|nfts?\b|airdrops?|memecoin|"
            r"altcoins?|forex|fx trading|binary options|trading signals|pump|100x|1000x|to the moon|just listed|presale|"
            r"token launch|t\.me/\S+|telegram (?:group|channel)|join (?:the|our|my) telegram",
            "scam-crypto",
            "crypto, forex or investment promotion",
        ),
        (
            rf"(?:turned|turn|grew|made|make|earn|earned|earning|flipped) (?:my |your |me |her |his )?{_MONEY} into {_MONEY}|"
            rf"(?:earn|make|made|making) {_MONEY}(?: ?(?:a|per|every) (?:day|week|month|hour))|"
            r"financial freedom|passive income|get rich|double your (?:money|investment)|guaranteed (?:returns|profit)|"
            r"invest(?:ment)? (?:opportunity|manager|platform|expert)|account manager|wealth coach|trading coach|"
            r"recovery (?:expert|agent|service)|recover (?:your )?(?:lost|stolen) (?:funds|crypto)",
            "scam-crypto",
            "an investment scam (\u201cturned my £300 into £11,000\u201d)",
        ),
        (r"\$[a-z]{3,10}\b", "scam-crypto", "a crypto coin ticker"),
        (
            r"(?:your|this) account (?:has been|was|will be|is being|is) (?:flagged|suspended|locked|restricted|disabled|deleted|reported|limited)|"
            r"verify (?:your )?(?:ownership|account|identity|page)|avoid (?:suspension|deletion|being suspended|permanent)|"
            r"(?:copyright|community guidelines?|trademark) (?:violation|infringement|strike)|appeal (?:here|now|within)|"
            r"within 24 ?h(?:ours|rs)?|confirm your (?:details|login|password|account)|login to (?:avoid|keep)|"
            r"meta support|x support team|bluesky support|official support",
            "phishing",
            "phishing dressed up as platform support",
        ),
        (
            r"(?:you(?:'ve| have)? been|you are|you're|ur) (?:selected|chosen|picked)(?: to (?:receive|win|get))?|"
            rf"claim (?:here|now|it now|your (?:prize|reward|voucher|gift|\S+ voucher|free))|collect your (?:prize|reward|winnings)|"
            rf"{_MONEY} (?:tesco|asda|amazon|aldi|lidl|sainsbury'?s|morrisons|argos|primark|apple|gift) (?:voucher|gift card|card)|"
            r"(?:free|win a|won a) (?:iphone|ipad|voucher|gift card|ps5|xbox)|you(?:'ve| have) won|winners? (?:announced|selected)|"
            r"(?:prize|reward) (?:waiting|unclaimed)|giveaway winner",
            "prize-scam",
            "a prize or voucher scam",
        ),
        (
            r"\d[\d,.]*k? (?:real |active |genuine |instant )?(?:followers|likes|views|subscribers|retweets|reposts)|"
            r"(?:buy|get|gain|boost) (?:real )?(?:followers|likes|engagement|your (?:school's |page's )?(?:reach|following|engagement|followers))|"
            r"grow your (?:account|page|following|audience|school's (?:reach|following))|real followers|fast delivery|social growth",
            "follower-selling",
            "selling followers, likes or reach",
        ),
        (
            r"(?:essay|assignment|coursework|dissertation|homework)s? (?:help|writing|writers?|services?|for sale|done)|dissertations?|"
            r"plagiarism[- ]free|native (?:uk |english )?writers|homework help service|write your (?:essay|assignment|coursework)",
            "essay-mill",
            "an essay-writing service",
        ),
        (
            r"replicas?|(?:designer|branded) (?:bags|trainers|watches|clothes) (?:at|for|from)|cheap (?:uniform|school uniform|trainers|designer|ray-?bans|uggs|jerseys)|"
            r"(?:uniform|clothing|factory|clearance|warehouse) outlet|factory direct|wholesale prices",
            "replica-goods",
            "cheap or replica goods for sale",
        ),
        (
            rf"(?:we|i) (?:manage|run|offer|provide|design|build|create|sell|handle|do)\b[^.!?\n]{{0,60}}(?:from|for|only|just) {_MONEY}|"
            rf"(?:from|only|just) {_MONEY} (?:a|per) (?:month|week|year|day|term)|"
            r"book (?:a|your) (?:free )?(?:call|demo|consultation|trial|discovery call|strategy call)|"
            r"(?:dm|message|whatsapp|contact|email) us (?:now|today|for)|whatsapp (?:us|me) (?:now|today|on)|"
            r"(?:marketing|branding|seo|pr|social media) (?:packages?|services?|agency|management)|"
            r"(?:use|with) (?:code|promo code|discount code) [a-z0-9]+|\d+% off|limited (?:time )?offer|"
            r"does your school need (?:help|a)|(?:we|i) can help your school|our (?:services|agency|packages)|"
            r"(?:dm|message) (?:me|us) (?:for|to get) (?:promo|a quote|prices|rates|details)|link in (?:my )?bio|check out my (?:page|shop|store|website|channel)|"
            r"(?:dm|message|contact) us\W*$|(?:we're|we are|i'm|i am) offering (?:free )?(?:promotion|shout ?outs?|features?|collabs?|services)|free promotion|"
            r"(?:lose|lost) \d+ ?(?:kg|kgs|lbs?|pounds|stone) in \d+|one weird trick|miracle (?:pill|cure|diet)|weight ?loss (?:pills?|gummies|secret)|keto gummies",
            "commercial-promotion",
            "unsolicited selling or promotion",
        ),
    ]
)
_ROMANCE = PatternSet(
    [
        (
            r"(?:hello|hi|good (?:morning|day)) (?:dear|my dear|beautiful|sweetheart)|"
            r"(?:i am|i'm) (?:a )?(?:widow(?:ed)?|widower|single (?:dad|father|mum)|lonely)|working (?:offshore|on an oil rig|abroad as an? (?:engineer|doctor|soldier))|"
            r"can we be friends|(?:you|u) seem (?:kind|nice|lovely|beautiful|sweet)|saw your (?:profile|picture|photo)|god[- ]fearing|un peacekeep\w*|"
            r"looking for (?:a )?(?:serious relationship|honest woman|honest man|soul ?mate)",
            "romance-scam",
            "the opening of a romance scam",
        ),
    ]
)


def find_romance_scam(text: str) -> list[Hit]:
    """The openings of a romance scam ("Hello dear", "I am a widowed engineer working offshore",
    "can we be friends") (code ``romance-scam``); two or more together make it spam."""
    return list(_ROMANCE.finditer(normalise(text)))


_SHORT_LINK = re.compile(
    r"\b(?:bit\.ly|tinyurl\.com|t\.co|linktr\.ee|cutt\.ly|rb\.gy|shorturl\.at|is\.gd|ow\.ly|t\.me)/\S+", re.I
)
_ODD_DOMAIN = re.compile(
    r"(?<![\w\-.])(?:[\w\-]++\.)++(?:win|help|xyz|top|click|icu|vip|bet|casino|loan|work|rest|buzz|cam|shop|store|live)\b(?:/\S*+)?",
    re.I,
)


def find_adult_or_gambling(text: str) -> list[Hit]:
    """Adult, dating and 18+ content (``adult-content``) and casinos, betting and gambling
    (``gambling``)."""
    return _dedupe(list(_ADULT_GAMBLING.finditer(normalise(text))))


def find_scam(text: str) -> list[Hit]:
    """Scams and unsolicited selling: crypto and investment (``scam-crypto``), phishing
    (``phishing``), prize and voucher scams (``prize-scam``), follower selling
    (``follower-selling``), essay mills (``essay-mill``), replica goods (``replica-goods``),
    unsolicited promotion (``commercial-promotion``), and link shorteners or throw-away domains
    (``suspicious-link``)."""
    hits = list(_SCAM.finditer(normalise(text)))
    for regex in (_SHORT_LINK, _ODD_DOMAIN):
        hits.extend(
            Hit("suspicious-link", m.start(), m.end(), m.group(), "a shortened or throw-away link")
            for m in regex.finditer(text)
        )
    return _dedupe(hits)


_BIO = PatternSet(
    [
        (
            r"forex|crypto|bitcoin|btc|nfts?|trader|trading|investor|investments?|financial freedom|passive income|"
            r"wealth|millionaire|6 figures?|six figures?|7 figures?|dm (?:for|me for) (?:promo|collab|promotion)|promo",
            "scam-bio",
            "the author's bio advertises trading, crypto or paid promotion",
        ),
        (
            r"18\s?\+|\U0001f51e|onlyfans|only fans|exclusive content|spicy|nsfw|sugar (?:daddy|baby)|dating|lonely|"
            r"link below|link in bio|\U0001f447|\U0001f48b",
            "adult-bio",
            "the author's bio advertises adult content or a link",
        ),
        (
            r"giveaways?|free (?:gifts|prizes|vouchers)|rewards?|prizes?",
            "giveaway-bio",
            "the author's bio advertises giveaways",
        ),
        (
            r"coach|mentor|mindset|dm ['\u2018\u2019\"][a-z]+['\u2019\"]|dm me ['\u2018\u2019\"]?[a-z]+|entrepreneur|ceo|founder|"
            r"growth|followers|agency|marketing|seo|smm|social media (?:for|manager|management)",
            "commercial-bio",
            "the author's bio is a commercial or coaching account",
        ),
        (
            r"essays?|dissertations?|coursework|assignments?|casino|slots|betting",
            "commercial-bio",
            "the author's bio sells essays or gambling",
        ),
        (
            r"official support|support team|help ?desk|verified|appeals?|copyright",
            "phishing-bio",
            "the author's bio poses as platform support",
        ),
    ]
)


def find_bio_signals(bio: str) -> list[Hit]:
    """What an author's bio says about them: trading and crypto (``scam-bio``), adult content
    (``adult-bio``), giveaways (``giveaway-bio``), selling or coaching (``commercial-bio``),
    posing as support (``phishing-bio``). Spans index the bio."""
    merged: list[Hit] = []
    for h in _dedupe(list(_BIO.finditer(normalise(bio)))):
        last = merged[-1] if merged else None
        if last and last.code == h.code and not bio[last.end : h.start].strip():
            merged[-1] = Hit(h.code, last.start, h.end, bio[last.start : h.end], h.message)  # "Forex trader"
        else:
            merged.append(h)
    return merged


# ---------------------------------------------------------------------------------------------
# Tone: praise, sarcasm and undermining
# ---------------------------------------------------------------------------------------------

_PRAISE_WORDS = (
    r"well done|wel+ dun|welldone|congrat\w*|congrats|bravo|proud|proudest|brilliant|amazing|amazin|"
    r"fantastic|fab|fabulous|wonderful|lovely|lush|superb|outstanding|excellent|incredible|awesome|"
    r"marvellous|stunning|beautiful|gorgeous|great (?:job|work|news|effort|day|stuff|team|idea|show|result|to see)|"
    r"what a (?:joy|treat|day|result|total|performance|team|show|lovely|brilliant|fantastic|star|effort)|"
    r"love (?:this|it|that|our|the|seeing|how)|loved|loving|adore|legend|legends|superstars?|stars|"
    r"delighted|pleased|grateful|thankful|chuffed|made up|buzzin\w*|buzzing|proper mint|mint|canny|reyt (?:good|grand)|"
    r"bostin|tidy|champion|smashing|smashed it|killed it|nailed it|aced it|top (?:job|work|marks)|"
    r"goosebumps|highlight|joy|inspiring|inspirational|heart ?warming|unsung hero|hero|heroes|"
    r"(?:thoroughly |well |much |so )?deserved|best (?:\w+ )?(?:ever|in years|teacher|school|day)|the best(?! (?:person|people|way|time|place|number|email|contact|option|route|thing to|day to|to (?:ask|contact|speak)))|"
    r"top drawer|(?:killing|wetting|crying) (?:my|him|her|them)sel(?:f|ves) laughing|in stitches|no complaints|miles better|(?:great|good|such|brilliant|great) fun|(?:can't|cannot) fault|couldn't ask for (?:more|better)|"
    r"good luck|all the best|enjoy (?:every|your|the)|shout ?out|kudos|hats off|thank(?:s| you| u| ya)|ta very much|ta\b|cheers (?:to|for)|"
    r"gr8|gd job|so good|so cute|cute|adorable|precious|keep (?:it )?up|go on|high praise|champs|champions|"
    r"cried|bawling|tears|emotional|brill|wicked|class act|top notch|spot on|second home|in safe hands|"
    r"can't thank|cannot thank|appreciate|appreciated|magic|magical|blown away|so lucky|lucky to have|"
    r"(?:huge|big|massive|special) shout|respect to|(?:massive|big|huge) respect|good on (?:yer|you|ya|ye|them)|nice one|"
    r"sick (?:performance|show|goal|day|one|effort|job)|absolute scenes|scenes|proper sound|sound of (?:you|them)|"
    r"did (?:the school|us|you|them|everyone) proud|(?:was|is|were) (?:the|da) bomb|miss (?:you|u) (?:all|lots|loads)|can't wait to see (?:you|them)|"
    r"we+l+ done|(?:a )?credit (?:to|tae) (?:the|you|your|yer|them)|lovely jubbly|top banana|"
    r"well played|fair play|crack(?:in|ing)'? (?:effort|job|day|show|result|game|performance)|belter|"
    r"(?:great|good|fab|huge|massive|top|brilliant) effort|(?:so|dead|well|reyt|pure|proper|very|really) (?:proud|prowd|prood|chuffed)|"
    r"(?:pure|absolute|top|proper|different|so) class|murdered (?:it|that)|slay(?:ed)?|ate (?:it|that) up|"
    r"crushed it|bossed it|owned it|stormed it|unbeatable|unstoppable|on fire|"
    r"prowd|prood|brill|stars of the show|stole the show|(?:went|gone) down a storm|made (?:my|our) (?:day|week|year)"
)
_PRAISE = PatternSet(
    [
        (_PRAISE_WORDS, "praise", "praise, thanks or celebration"),
        (r"\U0001f525|\U0001f64f", "praise-emoji", "celebrating emoji"),
        (
            r"[\U0001f44f\U0001f60d\U0001f3c6\u2764\U0001f499\U0001f49c\U0001f49a\U0001f49b\U0001f9e1\U0001f496\U0001f495\U0001f970"
            r"\U0001f389\U0001f973\U0001f64c\u2b50\U0001f31f\U0001f4aa\U0001f44d\U0001f947\U0001f3c5\U0001f308\U0001f60a\U0001f917\u263a\U0001f607]",
            "praise-emoji",
            "celebrating emoji",
        ),
    ]
)


def find_praise(text: str) -> list[Hit]:
    """Thanks, praise and celebration (``praise``, ``praise-emoji``) in any register, dialect
    ("made up", "pure buzzin", "proper mint", "bostin") or spelling ("wel dun")."""
    return list(_PRAISE.finditer(normalise(text)))


_SARCASTIC_PRAISE = r"(?:oh |wow,? |well |yeah )?(?:great|brilliant|fantastic|wonderful|lovely|perfect|amazing|super|marvellous|excellent|superb|terrific|outstanding|fab|nice one|smashing)"
_UNDERMINING = PatternSet(
    [
        (
            r"(?:i )?wish (?:the school|they|staff|teachers|the head|the office|you) (?:would|could|did)|"
            r"(?:can|could|manage to|managed to|finds?|found|afford) (?:\w+ ){1,6}but (?:not|can't|cannot|never|still)|"
            r"(?:nice|good|great|lovely) to (?:see|know) (?:[\w']+ ){1,8}(?:while|whilst|but not|but can't|meanwhile)|"
            r"(?:ofsted|inspectors|the council|social services|the local paper) would (?:have a field day|be (?:very )?interested|love to see|be horrified)",
            "dig",
            "a contrast meant to show the school's priorities are wrong",
        ),
        (r"[\U0001f92e\U0001f4a9\U0001f922]", "mockery-emoji", "mockery by emoji"),
        (
            r"(?:rubbish|poor|shoddy|terrible|awful|dreadful|abysmal|shocking) (?:quality|service|communication|organisation|teaching|leadership|management|response|standards?)|"
            r"same old (?:story|same|rubbish|excuses)|get no (?:answer|reply|response)|they never (?:change|listen|reply|answer|learn|do) (?:anything)?|"
            r"if (?:[\w']+ ){0,4}(?:bothered|could be bothered) to|(?:can't|couldn't|never|won't) (?:even )?be bothered to|didn't even bother|"
            r"(?:don't|do not) (?:waste your time|bother) (?:complaining|asking|emailing|contacting|ringing|writing)",
            "competence",
            "criticises the school or staff in public",
        ),
        (
            r"better than the last (?:one|head|lot|teacher)|remember when (?:this|the) school|used to care|(?:doesn't|don't|no longer) care about|"
            r"surprised (?:they|the school|you|staff|anyone) (?:managed|could|were able|even)|miracles? (?:do )?happen|for once\b|"
            r"really left|(?:the )?(?:real|true) reason|asking for (?:all of us|a friend)|cliquey?|old boys'? club|closed shop|"
            r"(?:a |complete |total |utter )?waste of (?:time|money|space|effort)",
            "insinuation",
            "a dig meant to lower trust in the school",
        ),
        (
            r"(?:i )?bet (?:the |they |ofsted|inspectors|nobody|no one|the governors|the head)|nobody asked for|no one asked for|"
            r"(?:don't|do not) believe (?:the|their|everything|what|a word)|the reality|behind the (?:scenes|smiles|photos)|glossy|"
            r"pr stunt|photo ?op(?:portunity)?|for the cameras|(?:just|all|only|purely) for show|box[- ]ticking|tick[- ]box|oh look,? (?:another|more)|meanwhile\b|"
            r"(?:spent|spend|spends|put|puts) as much (?:time|effort|money) (?:on|into|in)|should never be allowed to|should be ashamed|ashamed of (?:yourselves|themselves)|"
            r"is it just me|only ever (?:picks?|chooses?|selects?|praises?|posts?)|who(?:'s| is) with me|we need a new (?:head|teacher|senco|chair|leadership)|"
            r"(?:head|chair|governors?|senco|leadership) (?:must|should|needs? to) (?:go|resign|be replaced)|needs? to go\b",
            "insinuation",
            "insinuation or a call against the school or staff",
        ),
        (
            r"['\u2018\u201c\"](?:[a-z]+ ){0,2}(?:exciting|inclusive|outstanding|good|community|family|listening|consultation|transparent|open door|"
            r"every child|wellbeing|fundraising|priorities|support|supportive|values|caring|nurturing|safe|communication|partnership)(?: [a-z]+){0,2}['\u2019\u201d\"]",
            "sarcasm",
            "the school's words in scare quotes",
        ),
        (
            r"(?:cheers|thanks|thank you) for the (?:\w+[- ]){0,3}(?:notice|warning)|(?:really|so|very|super) helpful(?:,| for) (?:working parents|those of us|us)",
            "sarcasm",
            "sarcastic thanks for short notice",
        ),
        (
            r"(?:half[- ]a[- ]day|half[- ]day|a day|one day|an hour|last[- ]minute|short|no|zero|little)'?s? ?notice",
            "complaint",
            "complains about short notice",
        ),
        # sarcasm
        (
            rf"oh,? {_SARCASTIC_PRAISE}\W+(?:another|yet another|more|again|so|just|that's|thanks)",
            "sarcasm",
            "sarcastic praise (\u201cOh brilliant, ANOTHER\u2026\u201d)",
        ),
        (
            rf"(?:^|[.!?\n] ?){_SARCASTIC_PRAISE}[,.!]+ (?:another|yet another|more|again|no|still|only|just what)",
            "sarcasm",
            "sarcastic praise (\u201cBrilliant, another\u2026\u201d)",
        ),
        (
            r"(?:cheers|thanks|thank you|ta) for that\W*$|(?:cheers|thanks) (?:a lot|a bunch|loads) (?:for|to) (?:nothing|the notice|that)|"
            r"(?:stellar|fantastic|brilliant|amazing|great|excellent|top|superb|impressive|wonderful) (?:communication|organisation|organization|planning|work|job|leadership|listening) (?:as (?:always|usual|ever)|again)",
            "sarcasm",
            "sarcastic thanks or praise",
        ),
        (
            r"(?:such|what) a (?:well[- ]run|well[- ]organised|professional|caring|welcoming|brilliant) (?:school|place|outfit|team)\W*(?:\U0001f921|\U0001f644|\U0001f643|\U0001f602|\U0001f923|lol|not)",
            "sarcasm",
            "sarcastic praise with a mocking emoji",
        ),
        (
            rf"{_SARCASTIC_PRAISE} (?:planning|organisation|organization|communication|leadership|management|notice|foresight|thinking|timing|decision|idea)s? (?:as (?:always|usual|ever)|again|there)",
            "sarcasm",
            "sarcastic praise of the school's planning",
        ),
        (
            r"(?:thanks|cheers|thank you) for nothing|(?:slow|golf) clap|said no one(?: ever)?|/s\b|well done (?:on|for) (?:another|yet)|"
            r"(?:top|great|fab) work (?:as usual|again)(?=\W*(?:\U0001f644|\U0001f643|\U0001f44f))",
            "sarcasm",
            "sarcasm",
        ),
        (
            r"(?:\.|!|\n) ?(?:cheers|thanks|ta|nice one|great|brilliant|lovely)\W*$",
            "sarcasm-cheers",
            "a curt \u201cCheers.\u201d after a complaint",
        ),
        (
            r"as (?:always|usual|ever)\W*(?:\U0001f44f|\U0001f644|\U0001f643)",
            "sarcasm",
            "\u201cas always\u201d with a mocking emoji",
        ),
        (
            r"(?:\d+|two|three|four|five|one|a) (?:days?|hours?|weeks?)'? ?notice",
            "complaint",
            "complains about short notice",
        ),
        # insinuation
        (
            r"funny how|strange how|odd how|interesting (?:that|how)|curious how|convenient(?:ly)? how|i'?m sure it'?s (?:pure |just |a )?coincidence|"
            r"(?:pure|total) coincidence|make of that what you will|draw your own conclusions|say no more|i'll say no more|"
            r"some of us (?:have )?(?:noticed|know|remember|can see)|you know who you are|we all know why|wonder why|i wonder|"
            r"what (?:are|is) (?:they|the school|the head|the governors) hiding|no wonder|just saying|just sayin|not saying anything but|"
            r"(?:must|must've|must have) been paid off|(?:swept|brushed) under the (?:carpet|rug)|cover[- ]?up|"
            r"where is the money (?:actually )?going|where does the money go|who(?:'s| is) pocketing|makes you think",
            "insinuation",
            "insinuation meant to lower trust in the school",
        ),
        # unfairness
        (
            r"(?:has|have|got) (?:her|his|their) favourites|favouritism|teacher'?s pets?|same (?:handful|few|three|two|four|faces|kids|children|families|ones)|"
            r"always the same|every single (?:year|time|photo|week|term)|(?:get|gets|got|are|is) left out|only child in|"
            r"staff(?:'s)? (?:children|kids) always|one rule for|(?:some|certain) (?:families|parents|children|kids) get",
            "unfairness",
            "accuses the school of unfairness or favouritism",
        ),
        # competence
        (
            r"(?:don't|dont|do not) (?:no|know) what (?:they're|there|their|they are) doing|(?:could|should) do with a lesson in|"
            r"never (?:answer|answers|reply|replies|respond|responds|listen|listens)|still (?:no|not had a|haven't had a|waiting for a) (?:reply|answer|response|call back)|"
            r"no (?:reply|response|answer) from|nothing (?:was|is|gets|got|has been|ever gets) done|nobody (?:is )?(?:listening|listens|cares)|no one (?:listens|cares)|"
            r"shocking|disgrace(?:ful)?|shambles|shambolic|pathetic|useless|incompetent|clueless|appalling|unprofessional|"
            r"rubber[- ]stamp\w*|(?:hasn't|has not|haven't|never) (?:shown|show) (?:his|her|their) face|"
            r"(?:spends?|spending|spend) (?:a (?:bit|lot) )?(?:more|less) time (?:on|in)|more time on (?:here|twitter|x|facebook|social media)|"
            r"(?:maybe|perhaps) now (?:\w+ ){0,5}(?:will )?finally|finally get (?:their|his|her|our)|"
            r"(?:maybe|perhaps) if (?:\w+ ){0,4}(?:didn't|did|could|would|stopped|spent)|"
            r"(?:do|does) (?:teachers|staff|the head|they) (?:ever )?actually (?:work|teach|do)|"
            r"(?:their|our) priorities|have (?:our|their) priorities|should be (?:covering|paying|doing)|"
            r"(?:teachers|staff) (?:have )?left since|(?:three|four|five|six|\d+) (?:different )?(?:supply teachers|teachers have left|heads)|"
            r"not fit for purpose|(?:is|was|are|what|an absolute|a complete|a total) (?:a )?joke|laughable|embarrassing|a waste of|couldn't organise|can't organise|lack of (?:communication|leadership)|"
            r"spoke to me like|(?:so|very|extremely) rude|the least of it|(?:bullied|bullying)[^.!?\n]{0,40}(?:nothing|no one|nobody)|"
            r"lessons? (?:are|is) (?:a joke|pointless|useless)|failing (?:school|our|the)|out of touch|typical of (?:this|the) school|"
            r"(?:clearly|obviously) (?:never|doesn't|don't|can't|hasn't|didn't)|out of (?:his|her|their) depth|everyone knows it|"
            r"not up to the job|(?:should|needs? to|ought to) (?:be sacked|resign|step down|go|be replaced)|(?:no|not a) (?:idea|clue) what|"
            r"(?:hasn't|haven't|has not|have not) (?:got )?a clue|can'?t control (?:her|his|their|the) class|learns? nothing|"
            r"(?:waited|waiting) (?:\d+|over an hour|ages|forever)[^.!?\n]{0,20}(?:past|over|for)|worst (?:school|teacher|head|run)|"
            r"(?:total|complete|utter|absolute) (?:mess|farce|disaster|chaos)",
            "competence",
            "criticises the school or staff in public",
        ),
        # warning off
        (
            r"think (?:very |really |long and hard |twice |carefully )*(?:carefully |twice )?before (?:sending|choosing|picking)|"
            r"(?:avoid|stay away from|steer clear of) (?:this|the) school|(?:wouldn't|would not|never) send (?:my|a|any)|"
            r"(?:don't|do not) send your|pull(?:ed|ing)? (?:my|our|your) (?:kids?|child|children|son|daughter) out|"
            r"(?:go|look) elsewhere|speaking from experience|learn(?:ed|t)? the hard way",
            "warning-off",
            "warns other parents off the school",
        ),
        # rallying and public debate
        (
            r"(?:is|are) any ?one else|any ?one else (?:worried|noticed|concerned|fed up|had|think|thinking|feel|sick)|"
            r"(?:feel free to|please|pls) (?:message|dm|pm|contact|email|get in touch with) (?:me|us)|(?:message|dm|pm) me if you|"
            r"putting together a (?:list|complaint|petition|group)|(?:sign|signed) the petition|petition|"
            r"(?:we|parents) (?:need|should|must) (?:to )?(?:stand up|complain|band together|act|do something)|"
            r"complain(?:ing)? to (?:ofsted|the council|the la|the governors|the dfe)|(?:tagging|cc|@ ?)\s?@?ofsted\w*|@ofsted\w*|"
            r"(?:report|reporting) (?:them|this school|the school) to|so (?:they|everyone|people) can see how|"
            r"parents deserve|deserve an explanation|deserve answers|with (?:all due )?respect|where is the money|governors\?|"
            r"explain (?:why|how) (?:four|three|\d+|so many|the)|why (?:have|has) (?:so many|four|three|\d+) (?:teachers|staff)",
            "rallying",
            "rallies other parents or debates school decisions in public",
        ),
        # digs after praise
        (
            r"(?:shame|pity|a pity|a shame) (?:it's|its|that|the|nobody|no one|they|about|you|we|some)(?! (?:\w+ )?(?:weather|rain|rained|snow|snowed|storm|wind|traffic|bus|missed|couldn't|can't|cannot|was cancelled))|"
            r"(?:^|[.!] )(?:shame|pity)\b(?! (?:\w+ )?(?:weather|rain|rained|snow|snowed|storm|wind|traffic|bus|missed|couldn't|can't|cannot|was cancelled))|perhaps one day|maybe one day|(?:perhaps|maybe) (?:next (?:year|time|term|week)|someday|one day) (?:someone|somebody|they|the school|staff|you|the office)|if only (?:the|they|someone|staff)|"
            r"but i suppose|(?:would be|it'd be) nice if (?:the school|they|someone|staff) (?:actually|could|would)|"
            r"not very ['\u2018\u201c]?(?:inclusive|fair|professional|welcoming|safe)|"
            r"before we celebrate|more (?:worried|bothered|interested) (?:about|in) (?:photos|image|looking good|ofsted)",
            "dig",
            "praise followed by a dig",
        ),
        (
            r"(?:^|[.!?] )(?:maybe|perhaps|how about|try) (?:try(?:ing)?|clean(?:ing)?|answer(?:ing)?|read(?:ing)?|listen(?:ing)?|actually|stop(?:ping)?|start(?:ing)?|hir(?:e|ing)|sort(?:ing)?|fix(?:ing)?|do(?:ing)? your|learn(?:ing)?|spend(?:ing)?|tell(?:ing)?)\b[^.!?\n]*\?",
            "dig",
            "a sarcastic suggestion",
        ),
        (
            r"finally (?:noticed|listened|bothered|realised|realized|woke up|caught up|admitted|responded|replied|answered)|"
            r"says it all|tells you (?:everything|all you need)|speaks volumes|need i say more|enough said|ask any (?:\w+ ){0,3}parent|ask around|"
            r"(?:wonder|wondering) (?:if|whether|why|how|where)|(?:do|does|did) (?:they|the governors|the head|anyone|staff) (?:even|actually|ever) (?:read|listen|care|check|bother)|"
            r"(?:actually|even) (?:read|listen to|care about) (?:the )?(?:complaints|emails|parents)|or just bin|"
            r"(?:went|goes|spent|going) on (?:the head's|their|his|her|the governors') (?:new |own )?(?:office|car|holiday|salary|pay|bonus|jollies)|"
            r"(?:is|are) a lottery|(?:third|fourth|fifth|\d+(?:rd|th)) (?:head|headteacher|teacher|senco) in|"
            r"(?:look at|consider|try|choose|check out) (?:other|another|a different) schools?|before applying",
            "insinuation",
            "insinuation meant to lower trust in the school",
        ),
        (
            r"another (?:week|day|term|month|year|letter|email|inset),? another",
            "complaint",
            "a weary complaint",
        ),
        # digs at parents
        (
            r"some parents (?:\w+ ){0,3}(?:need|should|can't|cannot|don't|seem)|certain parents|(?:other|some) parents (?:need|should)",
            "parent-dig",
            "a public dig at other parents",
        ),
        # mockery by emoji
        (
            r"[\U0001f643\U0001f644\U0001f921\U0001f612\U0001f926\U0001f971\U0001f44e\U0001f928\U0001f611]",
            "mockery-emoji",
            "mockery by emoji",
        ),
    ]
)


def find_undermining(text: str) -> list[Hit]:
    """Remarks meant to lower trust in a school, its staff, governors or parents: sarcasm
    (``sarcasm``, ``sarcasm-cheers``, ``complaint``), insinuation (``insinuation``), unfairness
    (``unfairness``), public criticism of competence (``competence``), warning others off
    (``warning-off``), rallying or public debate (``rallying``), praise followed by a dig
    (``dig``), digs at parents (``parent-dig``) and mockery by emoji (``mockery-emoji``)."""
    return list(_UNDERMINING.finditer(normalise(text)))


_NEGATIVE_WEIGHTS = {
    "sarcasm": 0.5,
    "sarcasm-cheers": 0.3,
    "complaint": 0.2,
    "insinuation": 0.6,
    "unfairness": 0.6,
    "competence": 0.5,
    "warning-off": 0.8,
    "rallying": 0.6,
    "dig": 0.6,
    "parent-dig": 0.7,
    "mockery-emoji": 0.5,
}


@dataclass(frozen=True, slots=True)
class Tone:
    """How negative a text reads: ``score`` from 0 (none) to 1, and the hits behind it."""

    score: float
    hits: tuple[Hit, ...]


def negative_tone(text: str) -> Tone:
    """How hostile or sneering ``text`` reads (0–1), from offensive words, undermining patterns and
    threats; praise alone never adds to it. For the tone rule on a school's own posts and for
    sorting an inbox."""
    hits = find_undermining(text)
    score = 0.0
    for h in hits:
        score += _NEGATIVE_WEIGHTS.get(h.code, 0.3)
    offensive = find_offensive(text)
    threats = find_threats(text)
    score += 0.8 * len(offensive) + 1.0 * len(threats)
    return Tone(min(1.0, score), tuple(sorted((*hits, *offensive, *threats), key=lambda h: h.start)))
