"""Word lists and patterns for judging what people write to and about a school.

Every finder takes the text as the writer typed it and returns :class:`Hit` objects whose
``start``/``end`` index that original text, so a screen can mark the words. Matching runs on the
normalised text (:func:`safepost.policy.moderation.normalise.normalise`: case, look-alike letters,
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

from safepost.policy.moderation.normalise import Normalised, normalise
from safepost.policy.names import first_name_lexicon, is_ordinary_word


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
        self._regex: re.Pattern[str] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        """The entries as one regular expression, compiled on first use: compiling every set took
        half a second of each start-up, and a set that is only ever matched as part of a larger one
        (the round-2 sets) or by other callers (the inbox's spam and bio sets) never is."""
        if self._regex is None:
            parts = []
            # A word boundary wherever the match starts or ends with a letter or digit. The left one
            # is checked once, before the alternatives, so most positions inside words fail at once.
            left = r"(?:(?<![a-z0-9])|(?=[^a-z0-9]))"
            right = r"(?:(?![a-z0-9])|(?<=[^a-z0-9]))"
            # Each pattern's group is an empty one after it, not one around it: an alternative that
            # starts with a letter is then skipped at once where that letter is not, instead of
            # opening a group first (the sets have hundreds of alternatives; this made them 4x faster).
            # The match and the group that closed last (``lastgroup``) are the same.
            for i, (pattern, _code, _message) in enumerate(self.entries):
                parts.append(f"(?:{_expand(pattern)}){right}(?P<p{i}>)")
            self._regex = re.compile(left + "(?:" + "|".join(parts) + ")")
        return self._regex

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
    "damn damned dammit goddamn goddamned f-ing f-in f-ed f-off bladdy bleddy bluddy bleedin "
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
            for v in _variants(raw):
                found = masked_match(v)
                if found:
                    break
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
            r"(?:is|are|was|so|proper|pure|well) ass\b(?! (?:and|in the|at the))",
            "profanity",
            "swearing (\u201cass\u201d)",
        ),
        (r"for f\*+'?s sake", "masked-profanity", "a masked swear word (\u201cfor f***'s sake\u201d)"),
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

# An accident, not a threat: "someone is going to get hurt on that crossing".
_HAZARD = r"(?![^.!?\n]{0,50}(?:crossing|road|traffic|cars?\b|parking|parked|speed|ice|icy|pothole|equipment|junction|zebra|lollipop|climbing|slide|bus|drivers?))"
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
            r"(?:someone|somebody|some one)(?:'s| is) (?:getting|gonna get|going to get) (?:hurt|battered|slapped|smacked|punched)"
            + _HAZARD,
            "violence",
            "says someone is going to get hurt",
        ),
        (
            r"(?:smash|put|throw|chuck|kick) (?:in |up )?(?:every|the|all the|all|their|your|his|her|that) (?:\w+ )?(?:windows?|windscreens?|cars?|doors?|staffroom)",
            "violence",
            "calls for damage to property",
        ),
        (
            r"(?:you'll|you will|he'll|she'll|they'll) (?:regret it|be sorry(?! to)|get what's coming|pay for this)",
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
            r"(?:i'll|ill|i will|gonna|going to|i'm going to|im going to|i'd|id|someone should|somebody should|someone ought to|somebody ought to|ought to|should|will) (?!get |be )(?:\w+ )?(?:kill|stab|batter|punch|smack|slap|hit|knock out|deck|glass|shoot|strangle|hurt|beat up|burn|torch|key|slash|smash|wreck|trash|kick \w+ head in|do (?:him|her|them) in|sort (?:him|her|them) out)(?! (?:time|it|two birds|a bit|the ball|for)\b| (?:the |this |that |our |my |their )?(?:\w+ ){0,2}(?:quiz|test|exam|race|game|match|competition|show|record|target|challenge|sats|spellings?|bake ?off|sponsored \w+)\b)",
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
            r"(?:wants?|wanted|trying|tried|try) to (?:die(?! (?:her|his|my|their|your|the) hair| of (?:embarrassment|laughter|boredom|shame))|hurt (?:her|him|my|them)sel(?:f|ves)|kill (?:her|him|my|them)sel(?:f|ves))",
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
            r"(?:like|want|need|fancy) a lift|lift (?:to|home from|back from) (?:training|school|football|practice|the match|club|matches)|pick (?:them|him|her|you) up (?:at|from) (?:theirs|home|yours)|pick up at theirs",
            "lure",
            "offers children lifts",
        ),
        (
            r"(?:would|do|does|could|will) any of (?:the|your|you|them|these) ?(?:boys|girls|kids|children|pupils)? (?:like|want|wanna|fancy)",
            "child-address",
            "speaks directly to children",
        ),
        (
            r"which (?:one )?of (?:the|these|those|your) (?:girls|boys|kids|children|pupils) (?:is|was)|what(?:'s| is) (?:her|his|the (?:girl|boy)'s|the little (?:girl|boy)'s) name|"
            r"who(?:'s| is) the (?:little )?(?:girl|boy) (?:in|with|on|at)|(?:what'?s|what is|whats) the name of the (?:little )?(?:girl|boy)|(?:she|he) looks (?:about |around )?(?:[5-9]|1[0-5]|five|six|seven|eight|nine|ten|eleven|twelve)\b",
            "child-age-question",
            "asks who a particular child is",
        ),
        (
            r"connect with (?:her|him|them|the (?:girl|boy))|get in touch with (?:her|him|the (?:girl|boy))|(?:chat|talk|speak) (?:with|to) (?:her|him)(?: (?:privately|alone|some ?time|online))?|meet (?:her|him)\b",
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
            r"(?:so |very |really )?(?:pretty|gorgeous|cute|beautiful|stunning|fit|sexy|hot|sweetie|sweetheart|sweety|princess|darling|cutie|babe|hun)\b|\U0001f618|\U0001f60d|\U0001f48b|\U0001f609",
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


def _paired_threats(text: str, norm: Normalised) -> list[Hit]:
    """Threats made of two signals that are ordinary alone: two distress remarks (self-harm),
    private contact or payment with children (grooming), where someone lives with an invitation to
    go round (doxxing)."""
    out: list[Hit] = []

    def joined(parts: list[Hit], code: str, message: str) -> Hit:
        start, end = min(h.start for h in parts), max(h.end for h in parts)
        return Hit(code, start, end, text[start:end], message)

    distress = list(_DISTRESS.finditer(norm))
    if len({h.matched.casefold() for h in distress}) >= 2:
        out.append(
            joined(distress, "self-harm", "several signs of distress together: possible risk of suicide")
        )
    veiled = list(_VEILED.finditer(norm))
    if len({h.matched.casefold() for h in veiled}) >= 2:
        out.append(joined(veiled, "violence", "veiled menace, twice over: intimidation"))
    # One pass per kind of signal, so one signal never hides another that overlaps it.
    signals = [h for ps in _GROOMING_SIGNAL_SETS for h in ps.finditer(norm)]
    codes = {h.code for h in signals}
    for groups in _GROOMING_PAIRS_2:
        if all(codes & group for group in groups):
            wanted = set().union(*groups)
            parts = [h for h in signals if h.code in wanted]
            out.append(
                joined(
                    parts,
                    "grooming",
                    "asks for private contact, photos or details of children, or offers them money: grooming-like",
                )
            )
            break
    dox = [h for h in _DOXXING_2.finditer(norm)]
    out.extend(h for h in dox if h.code == "doxxing")
    if any(h.code == "address" for h in dox) and any(h.code == "invite" for h in dox):
        parts = [h for h in dox if h.code in ("address", "invite")]
        out.append(joined(parts, "doxxing", "says where someone lives and invites others to go round"))
    return out


def find_threats(text: str) -> list[Hit]:
    """Threats in ``text``: violence and intimidation (``violence``), self-harm and suicide
    (``self-harm``), grooming-like contact with children (``grooming``) and a home address or car
    (``doxxing``). Idioms ("killed it", "dying in this heat", "death trap") are not threats."""
    norm = normalise(text)
    hits: list[Hit] = []
    for ps in (
        _VIOLENCE,
        _SELF_HARM,
        _GROOMING,
        _DOXXING,
        _ROUND2_THREATS,
    ):
        hits.extend(ps.finditer(norm))
    hits.extend(_paired_threats(text, norm))
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
    r"\b(?:[Oo]ur|[Mm]y|[Tt]heir|[Hh]er|[Hh]is) (?:little )?(?!(?:Year|Class|School|Team|Choir|Reception|Nursery|Lady|Lord|Father|Mum|Dad)\b)(?:son|daughter|lad|girl|boy|kid|child|twins|grandson|granddaughter|niece|nephew|"
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
    clock = _CLOCK.search(norm.text) or _TIME.search(norm.text) or _WORD_CLOCK.search(norm.text)
    place = _PLACE.search(norm.text) or _PATH.search(norm.text)
    routine = _ROUTINE.search(norm.text)
    if clock is None and place is not None:
        clock = _ALONE.search(norm.text)  # "walks through the park on her own"
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


@lru_cache(maxsize=4096)
def _could_be_child(ref: str) -> bool:
    """Whether "Our Nativity" or "their Tudor topic" could name a child: the capitalised word is a
    first name, or at least not an ordinary word ("Tayla")."""
    words = ref.split()
    if len(words) < 2 or not words[-1][:1].isupper() or words[0].casefold() not in _DETERMINERS:
        return True
    key = words[-1].casefold().removesuffix("'s")
    if key in _NOT_CHILD:
        return False
    return key in first_name_lexicon() or not is_ordinary_word(key)


# Capitalised words after "Our" that name an event or a season, not a child.
_NOT_CHILD = frozenset(
    _words(
        "christmas easter summer spring autumn winter harvest advent halloween diwali eid hanukkah ramadan "
        "nativity sports annual school year class choir team house pta fayre fair church parish"
    )
)


def find_child_whereabouts(text: str) -> list[Hit]:
    """Where an identifiable child will be at a given time (code ``child-whereabouts``): a child
    named or claimed ("Our Harvey", "That's Isla Marsh") together with a place or activity and a
    time ("at the reservoir at 9 tonight", "swimming every Tuesday at 5"). Doxxing even when well
    meant: a stranger could act on it."""
    norm = normalise(text)
    time = _TIME.search(norm.text) or _WORD_CLOCK.search(norm.text)
    if time is None:
        return []
    child = next((m for m in _CHILD_REF.finditer(text) if _could_be_child(m.group())), None)
    child = child or _CHILD_REF_2.search(text)
    if child is None:
        return []
    spans: list[tuple[int, int]] = [child.span()]
    place = _PLACE.search(norm.text)
    place_span = norm.span(place.start(), place.end()) if place is not None else None
    if place_span is None:
        named_place = _PLACE_2.search(text)  # "at Pyramids pool": matched as typed
        place_span = named_place.span() if named_place is not None else None
    # A child named ("Our Harvey", "Ellie from Year 4") or only claimed ("my son", "she's at").
    named = any(w[:1].isupper() and w.casefold() not in _DETERMINERS for w in child.group().split())
    if place_span is None and named:
        activity = _ACTIVITY.search(norm.text)
        place_span = norm.span(activity.start(), activity.end()) if activity is not None else None
    elif (
        not named
        and place_span is not None
        and not (_CLOCK.search(norm.text) or _WORD_CLOCK.search(norm.text))
    ):
        place_span = None  # "my lad's at football every Saturday": no one could find him from that
    elif not named and "?" in text:
        place_span = None  # "Is it OK to drop my son at the back gate at 8.15?": asking the school
    if time is None or place_span is None:
        return []
    spans += [norm.span(time.start(), time.end()), place_span]
    start, end = min(a for a, _ in spans), max(b for _, b in spans)
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
    norm = normalise(text)
    hits = list(_SCAM.finditer(norm)) + list(_ROUND2_SPAM.finditer(norm))
    if _SELLING.search(text):
        hits.extend(
            Hit(
                "suspicious-link",
                m.start(),
                m.end(),
                m.group(),
                "a link offered with something to buy, claim or win",
            )
            for m in _ANY_LINK.finditer(text)
            if not m.group().casefold().endswith((".sch.uk", ".gov.uk", ".nhs.uk", ".ac.uk"))
        )
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
    norm = normalise(bio)
    for h in _dedupe(list(_BIO.finditer(norm)) + list(_BIO_2.finditer(norm))):
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
    r"love (?:this|it|that|our|the|seeing|how)|(?<!pre-)loved|loving|adore|legend|legends|superstars?|stars|"
    r"delighted|pleased|grateful|thankful|chuffed|made up|buzzin\w*|buzzing|proper mint|mint|canny|reyt (?:good|grand)|"
    r"bostin|tidy|champion|smashing|smashed it|killed it|nailed it|aced it|top (?:job|work|marks)|"
    r"goosebumps|highlight|joy|inspiring|inspirational|heart ?warming|unsung hero|hero|heroes|"
    r"(?:thoroughly |well |much |so )?deserved|best (?:\w+ )?(?:ever|in years|teacher|school|day)|the best(?! (?:person|people|way|time|place|number|email|contact|option|route|thing to|day to|to (?:ask|contact|speak)))|"
    r"top drawer|(?:killing|wetting|crying) (?:my|him|her|them)sel(?:f|ves) laughing|in stitches|no complaints|miles better|(?:great|good|such|brilliant|great) fun|(?:can't|cannot) fault|couldn't ask for (?:more|better)|"
    r"good luck|all the best|enjoy (?:every|your|the)|shout ?out|kudos|hats off|thank(?:s| you| u| ya)|ta very much|(?<!the\s)(?<!that\s)(?<!\ba\s)(?<!our\s)(?<!my\s)(?<!your\s)(?<!class\s)ta\b|cheers (?:to|for)|"
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
    norm = normalise(text)
    return list(_PRAISE.finditer(norm)) + list(_PRAISE_2.finditer(norm))


_SARCASTIC_PRAISE = r"(?:oh |wow,? |well |yeah )?(?:great|brilliant|fantastic|wonderful|lovely|perfect|amazing|super|marvellous|excellent|superb|terrific|outstanding|fab|nice one|smashing)"
_UNDERMINING = PatternSet(
    [
        (
            r"(?:i )?wish (?:the school|they|staff|teachers|the head|the office|you) (?:would|could|did)|"
            r"(?:would|i'd) (?:love|like) to know (?:why|where (?:the|our) money)|(?:brave|bold|rich|big) of (?:the school|you|them|the head) to (?:post|talk|lecture|preach|share|celebrate)|oh look\b|"
            r"(?:shame|pity) (?:she|he) (?:can't|cannot|couldn't|doesn't|does not|never|didn't)|(?:strange|odd|funny|curious|weird|telling|interesting) that\b|"
            r"[^.!?\n]{10,80} while (?:the|you|they|staff|the school|the newsletter|teachers|the head|your)[^.!?\n]{0,40}(?:full of|post|posting|celebrat\w*|trophies|photos|awards?|enjoy\w*|spend\w*|swan\w*|jolly|jollies)|"
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
    norm = normalise(text)
    return _dedupe(list(_UNDERMINING.finditer(norm)) + list(_UNDERMINING_2.finditer(norm)))


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


# ---------------------------------------------------------------------------------------------
# Round 2: general structures (intent + harm + target, second-person menace, conditional threats,
# self-harm in many registers, grooming from paired signals, addresses and routines, scam and
# selling structures, rhetorical undermining). Written after tables of our own replies showed
# which kinds of language fell through, never from any evaluation sentence.
# ---------------------------------------------------------------------------------------------

_PERSON = (
    r"(?:him|her|them|you|ya|u|yous|youse|you lot|yous lot|that (?:\w+ )?(?:teacher|woman|man|head|bloke|fella|lady)|"
    r"the (?:\w+ )?(?:teacher|head|headteacher|deputy|caretaker|coach|ta|senco)|mr \w+|mrs \w+|miss \w+|ms \w+|sir)"
)
_BODY = r"(?:jaw|neck|necks|legs?|arms?|fingers?|hands?|nose|face|head|teeth|back|knees?|kneecaps?|skull|ribs?|wrists?)"
_KIN = r"(?:son|daughter|kids?|lad|boy|girl|child|children|bairn|wean|wee one|little one|baby|babby|youngest|eldest)"
_FIRST_FUTURE = (
    r"(?:i'll|ill|i will|i'm gonna|im gonna|i'm going to|im going to|i swear i'll|we'll|we will|we're gonna)"
)

_MENACE = PatternSet(
    [
        (
            rf"(?:break|snap|smash|bust|rip|pull|knock|cave|stamp on|twist|wring) (?:his|her|their|your|ur|yer|them|its|that (?:\w+ )?(?:teacher|woman|man)'s|the (?:\w+ )?teacher's) (?:\w+ )?{_BODY}(?: off| in| out)?",
            "violence",
            "threatens to injure someone",
        ),
        (
            r"(?:break|snap|rip|cut|chop) (?:them|em|'em|it) (?:off )?(?:for (?:him|her|you|them)|off)|break every bone",
            "violence",
            "threatens to injure someone",
        ),
        (
            rf"(?:touch|touches|look at|looks at|go near|goes near|lay (?:a )?(?:finger|hand) on|lays (?:a )?(?:finger|hand) on|puts? (?:his|her|their|a|one) (?:hands?|finger) on|grab|grabs|push|pushes|hit|hits|shout at|shouts at|speak to|speaks to) (?:my|our|me) (?:\w+ )?{_KIN}(?: \w+){{0,4}}(?: again| one more time)(?: and| &|,? (?:i'll|ill|i will|you'll|you will|he'll|she'll))",
            "violence",
            "a conditional threat over someone's child",
        ),
        (
            rf"(?:next time|if|one more time|touch|lay a finger)[^.!?\n]{{0,70}}{_FIRST_FUTURE} (?:\w+ ){{0,2}}(?:break|snap|batter|deck|lamp|kill|hurt|smash (?:him|her|his|their|your)|punch|kick (?:him|her|his|their|your)|slap|knock (?:him|her|them|you|his|their|your)|floor|flatten|throttle|strangle|bury|rip|do (?:him|her|them) in|have (?:him|her|them)\b(?! (?:call|ring|email|phone|come|sent|send))|go for (?:him|her|them)|come for|come after|wait for (?:him|her|them))",
            "violence",
            "a conditional threat of violence",
        ),
        (
            rf"{_FIRST_FUTURE} (?:\w+ )?(?:snap|throttle|strangle|choke|bury|flatten|floor|lamp|deck|leather|batter|kneecap|jump|end|wring) {_PERSON}\b(?! (?:a|an|the|up|to|with|in (?:paperwork|emails)))",
            "violence",
            "threatens violence",
        ),
        (
            rf"(?:he's|she's|he is|she is|you're|youre|ur|your|they're|theyre|someone's|somebody's|someone is|somebody is|you lot are|yous are|he'll be|she'll be|you'll be) (?:getting|gettin|gonna get|going to get|about to get) (?:\w+ )?(?:decked|battered|sorted|smacked|lamped|glassed|knifed|stabbed|jumped|done in|leathered|slapped|punched|kicked in|a slap|a smack|a kicking|a hiding|a beating|a battering|a pasting|what's coming|what's coming to (?:him|her|them|you)|hurt{_HAZARD})",
            "violence",
            "says someone is going to get hurt",
        ),
        (
            r"(?:won't|wont|will not|not gonna|aren't gonna|isn't gonna|are not going to|is not going to|aren't going to|isn't going to) like what (?:happens|i do|we do|comes next|i'll do|is coming|happens next)|"
            r"(?:find out|see|learn|know|show (?:you|him|her|them)) what i(?:'m| am|m) capable of|"
            r"(?:better|'d better|had better|best) hope (?:i|we) (?:don't|dont|never|do not) (?:see|catch|find|bump into|meet|run into)|"
            r"(?:will|'ll|ll|is going to|are going to|is gonna|are gonna|gonna) pay for (?:this|that|what|it)\b|(?:make|making) (?:\w+ ){0,2}pay for (?:this|that|what|it)\b|"
            r"'ll (?:all |both )?be sorry(?! to| for (?:your|the))|(?:are|is) (?:gonna|going to) be sorry(?! to)|"
            r"(?:wanna|want to|wants to|need to|needs to|best|better|should|had better|'d better) watch (?:yourselves|yourself|yersel\w*|your backs?|themselves|himself|herself)(?! (?:on|in) the| near| when (?:crossing|parking|driving))|"
            r"what(?:'s| is) coming to (?:them|him|her|you|ya|'em|em)\b|end up (?:getting )?(?:hurt|what's coming|in hospital|in a ditch|in a box)|"
            r"i(?:'m|m| am) coming for (?:you|him|her|them|@\S+|mr \w+|mrs \w+|miss \w+|the head|that)|"
            r"(?:we|i) (?:know|found out|have found|clocked|seen) (?:which|whose|what) (?:car|house|door|motor|van|flat)|"
            r"(?:if you|you) know what(?:'s| is) good for (?:you|him|her|them|ya)",
            "violence",
            "a veiled threat aimed at someone",
        ),
        (
            r"(?:get|bring|getting|bringing|round up|rounding up|send|sending|call|calling) (?:my|our) (?:\w+ )?(?:cousins|brothers|mates|boys|lads|uncles|crew|fellas|pals|family|bredren|people)[^.!?\n]{0,50}(?:sort|deal with|teach|have it out|pay (?:\w+ )?a visit|see to|wait for|sorted)",
            "violence",
            "says they will bring others to deal with someone: intimidation",
        ),
        (
            rf"(?:they'll|they will|we'll|we will|i'll|ill|i will|gonna|going to|he'll|someone(?:'ll| will)|somebody(?:'ll| will)|they're gonna|they are going to) sort {_PERSON} out\b|"
            rf"sort {_PERSON} out (?:properly|good and proper|once and for all)|(?:sort|deal with|see to) {_PERSON}[^.!?\n]{{0,30}}(?:if you know what i mean|if you get my drift|know what i'm saying)",
            "violence",
            "says someone will be \u201csorted out\u201d: intimidation",
        ),
        (
            r"(?:wouldn't be surprised|would not be surprised|wouldn't blame|be a (?:shame|pity)|hope|wish|accidents happen|funny if|shame if|pity if|someone should|somebody should|someone ought to|nobody would (?:blame|mind))[^.!?\n]{0,50}"
            r"(?:caught fire|catches fire|catch fire|set (?:on )?fire|(?:burn|burns|burned|burnt) down|went up in (?:flames|smoke)|go up in (?:flames|smoke)|got (?:smashed|torched|keyed|trashed|vandalised|bricked|firebombed)|"
            r"(?:tyres?|windows?|windscreens?) (?:got |get |were |was )?(?:smashed|slashed|put through|done in))",
            "violence",
            "wishes fire or damage on the school or someone's property",
        ),
    ]
)

_MENACE_2 = PatternSet(
    [
        (
            r"(?:gettin|getting|get|gets|got|'ll get|will get|gonna get|going to get) (?:his|her|their|your|ur|yer|yo|its) (?:\w+ )?(?:head|heid|face|teeth|legs|jaw|nose|lights|car|windows|tyres) (?:kicked|smashed|punched|knocked|caved|bashed|stoved|slashed|kicked|put|done) ?(?:in|out|through)?|"
            r"eating through a straw|drinking through a straw|pick(?:ing)? (?:your|his|her|their) teeth up|need (?:a|an) (?:ambulance|dentist) (?:after|when)|(?:end up|ending up|be) in a wheelchair(?= when| after| if)",
            "violence",
            "threatens to injure someone",
        ),
        (
            r"(?:it'?s|its|things?|it|this) (?:is )?(?:gonna|going to|will|'ll|bound to) (?:get|turn|be) (?:messy|ugly|nasty|bloody|violent|physical)|"
            r"(?:pulling|pull|rolling|roll|turning|turn) up (?:to|at) (?:that|the|your) (?:school|gates?|office|house)[^.!?\n]{0,40}(?:messy|ugly|kick off|sort|regret|sorry|see what|find out)",
            "violence",
            "says it will turn violent: intimidation",
        ),
        (
            r"(?:bonfire|fire|burn\w*|torch\w*|blaze|petrol|set alight)[^.!?\n]{0,40}(?:with (?:the|them|him|her|all the|those|that) (?:\w+ )?(?:inside|in it|still in it|locked in)|(?:them|him|her) (?:still )?inside|locked inside)",
            "violence",
            "wishes fire on people",
        ),
        (
            r"(?:waiting|wait|be waiting|stood|standing|hanging about|hanging around) (?:by|at|outside|near) (?:the )?(?:gates?|school|car ?park|entrance|office)[^.!?\n]{0,30}for (?:that|the) (?:\w+ )?(?:teacher|dinner lady|head|headteacher|deputy|woman|man|bloke|cow|caretaker|ta|senco)|"
            r"(?:a few|some|loads|lots|all) of us (?:who)?(?:'ll| will| are gonna| are going to)? (?:be )?(?:waiting|coming|turning up|going down)",
            "violence",
            "says people will be waiting for a member of staff: intimidation",
        ),
        (
            r"(?:see|watch|meet|have|film|photograph) them (?:\w+ ){0,2}(?:at|round|in) my (?:place|house|flat|studio|van|car)",
            "grooming",
            "invites children to a private place: grooming-like",
        ),
        (
            r"(?:parks|parked) (?:her|his|their|the) (?:\w+ ){0,2}(?:car|van|motor|\w+) (?:on|in|at|outside|near|round|by|behind) |(?:reg|registration|number ?plate) (?:ends|starts|is|begins|number)",
            "doxxing",
            "says where a member of staff's car is, or its registration",
        ),
    ]
)

_MENACE_3 = PatternSet(
    [
        (
            r"(?:i'm|im|i am) not the type to (?:\w+ )?(?:batter|hit|hurt|smack|punch|slap|kill|deck|lamp|knock)|(?:lucky|good job|thank god) (?:i'm|im|i am|i was|i wasn't) (?:not )?(?:there|violent|the type)|"
            r"(?:keep an eye on|watch|look after|mind|check on) (?:your|his|her|their|ur) (?:windows|car|house|back|kids|tyres|door|garden|family|motor)[^.!?\n]{0,20}if i (?:were|was) (?:you|u)|"
            r"if i (?:were|was) (?:you|u),? (?:i'd|id|i would) (?:keep an eye|watch|look after|mind|check)",
            "violence",
            "a veiled threat",
        ),
        (
            r"(?:taken|take|took|dragged|drag) (?:\w+ )?(?:round|around|out) the back|dealt with (?:proper|properly|good and proper)|"
            r"do (?:that \w+|him|her|them|someone|somebody|the \w+) (?:some |serious |real )?(?:damage|harm|a mischief)|"
            r"stick (?:a|the|my) (?:knife|blade|screwdriver|nail) (?:in|into|through)|"
            r"(?:be|it'd be|would be|it would be) a (?:real )?(?:shame|pity) if (?:someone|somebody|people|everyone) (?:told|found|posted|shared|let slip|leaked|knew|saw)",
            "violence",
            "a threat of harm",
        ),
        (
            r"tell (?:sir|miss|him|her|the head|that teacher|mr \w+|mrs \w+|miss \w+) (?:to|2) come (?:out|outside)|"
            r"(?:outside|at the gates?|at home ?time|after school|at pick ?up)[^.!?\n]{0,20}(?:wiv|with|w/|and) my (?:brothers|cousins|boys|mates|lads|uncles|fam|crew|bredren)",
            "violence",
            "calls someone out to face them: intimidation",
        ),
        (
            r"(?:mr|mrs|miss|ms|sir|the head|the teacher|the deputy)(?: \w+)?(?:'s)? (?:\w+ ){0,2}(?:car|golf|fiesta|corsa|polo|bmw|audi|merc|mini|van|qashqai|focus|clio|motor|jeep|tesla) is (?:always |usually |normally |often |parked )+(?:by|at|in|outside|near|behind|on)",
            "doxxing",
            "says where a member of staff's car can be found",
        ),
        (
            r"pulling (?:her|his|my|their) (?:own )?hair out (?:in clumps|by the roots)|(?:hates|hate) (?:her|him|my|them)sel(?:f|ves)(?! for)",
            "self-harm",
            "a child harming themselves or hating themselves",
        ),
    ]
)

_MENACE_4 = PatternSet(
    [
        (
            r"(?:she'll|he'll|you'll|they'll|she will|he will|you will|they will|gonna|going to|will) get (?:a |one |a good )?(?:slap|smack|punch|kicking|hiding|beating|battering|clip round the ear|thump|bat)\b|"
            r"(?:teach|show) (?:him|her|them|that \w+(?: \w+)?|the \w+(?: \w+)?) (?:what it(?:'s| feels| is) like|how it feels) to be (?:pushed|hit|punched|kicked|hurt|slapped|shoved|beaten|thrown|grabbed)",
            "violence",
            "a threat of violence",
        ),
        (
            r"(?:wrote|left|writing|written|found) a note[^.!?\n]{0,60}(?:sorry|better (?:off )?without|goodbye|love you all)|"
            r"(?:thinking|think|thought) about (?:ending|end) (?:things|everything)|(?:end|ending) (?:things|everything)(?= for good|\W*$)",
            "self-harm",
            "a note or thoughts of ending things: possible risk of suicide",
        ),
        (
            r"once (?:i've|i have|ive|i'm|im|i am) (?:finished|done) with (?:her|him|them|you)|when (?:i've|i have|i'm|im|i am) (?:finished|done) with (?:her|him|them|you)|"
            r"(?:won't|wont|will not) be (?:teaching|working|around|here|smiling|laughing|walking) (?:much |for )?(?:longer|long) (?:once|when|after)|"
            r"(?:cars?|houses?|windows?|vans?) (?:\w+ )?(?:torched|smashed|burnt|burned|keyed|bricked|done) for less|(?:hurt|stabbed|battered|killed|beaten|attacked) for less|"
            r"(?:it|they|that) (?:won't|wont|will not) (?:just )?be (?:words|talking|a chat)|(?:having|have) words[^.!?\n]{0,30}outside|"
            r"(?:is going|going|gonna go|will go|'ll go|ends? up|ending up|end up) in (?:the|a) (?:canal|river|reservoir|ditch|skip|ground|morgue)(?! (?:boat|trip|walk|path|museum|centre))|"
            r"= ?dead (?:teacher|head|man|woman|meat)|(?:you're|youre|ur|you are|he's|she's|he is|she is) (?:a )?dead (?:man|woman|teacher|head)\b|"
            r"catch (?:her|him|them) (?:on (?:her|his|their) own|alone|by (?:her|him)self|when (?:she|he|they)(?:'s| is| are) alone)|get (?:her|him) (?:on (?:her|his) own|alone)",
            "violence",
            "a threat of harm, or a wish to find someone alone",
        ),
    ]
)

_SELF_HARM_2 = PatternSet(
    [
        (
            r"blood on (?:her|his|my|their) (?:tissues|sheets|sleeves|pillow|clothes|towel|pyjamas)|long sleeves[^.!?\n]{0,30}(?:summer|hot|heat|hide|hiding)|hid(?:es|ing)? (?:her|his|their) (?:arms|wrists|legs)|"
            r"(?:what'?s|what is|whats) the point (?:of|in) (?:me|my life|living|being alive|being here|going on)|no point (?:to|of|in) me\b|"
            r"(?:saying|said|say|to say) goodbye to (?:every ?one|you all|all of you|the world)(?= tonight| for (?:good|ever)| now|\W*$)(?![^.!?\n]{0,40}(?:party|assembly|leavers|do\b|disco|celebration|service|concert))|"
            r"(?:how much longer|not sure how long|don't know how long|dont know how long) (?:i|she|he) can (?:keep going|go on|carry on|cope|take (?:it|this)|hold on)|"
            r"go to sleep (?:and (?:never|not) wake up|for ?ever)|sleep for ?ever|(?:never|not) (?:to )?wake up(?! (?:early|in time|on time|till|until))|"
            r"(?:want|wants|wanted|need|needs|just want) (?:it all|everything|the pain|all of it|the thoughts|all this) to (?:stop|end|go away)|"
            r"(?:burning|burned|burnt|scratching|scratched|hitting|punching|biting|starving|bruising|pinching|stabbing|cutting|cuts|burns|scratches|hurts|harms) (?:him|her|my|them|your)sel(?:f|ves)(?! (?:out|laughing|silly|stupid|in the kitchen|on the oven|cooking))|"
            r"(?:marks|cuts|scars|scratches|burns|bruises|lines) (?:all )?(?:on|up|down|across) (?:her|his|my|their|your) (?:wrists?|arms?|thighs?|legs?|stomach|tummy)|"
            r"how many (?:pills|tablets|paracetamol|sleeping pills) (?:it takes|would|does it take|to take|to die)|how (?:to|do you|you can|can you) (?:die|kill yourself|end it|end your life)|"
            r"(?:googling|searching|searched|googled|looked up|looking up) (?:about )?(?:how to die|ways to die|how to kill|suicide)|"
            r"(?:feel(?:ing)? like|thinking (?:of|about)|thought about|think about|might|gonna|going to|want to|wanna|close to|could|should) (?:just )?end(?:ing)? it\b(?! (?:there|here|early|now|with|at|on|for|soon|today|by|after|before))|"
            r"(?:happier|better off|easier|better) (?:\w+ ){0,2}(?:if|when|without) (?:i|she|he|me|her|him) (?:was|were|wasn't|weren't|am|is|had) (?:gone|dead|not here|not around|never born|never been born)|"
            r"(?:everyone|everybody|people|they|the world) (?:would|will) be (?:happier|better off|better)(?: \w+){0,2} (?:without me|if i (?:was|were|wasn't|weren't))|"
            r"(?:jump|step|walk|throw (?:yourself|urself|yourselves)|lie down) (?:in front of|under|off) (?:a |the )?(?:train|bus|lorry|car|bridge|cliff|roof|building|motorway)|(?:go )?play in (?:the )?traffic|"
            r"do (?:us|everyone|the world) (?:all )?a favour and (?:die|disappear|jump|end it|drop dead|top yourself|get hit)|"
            r"(?:world|school|everyone) (?:would be|is|'d be) better (?:off )?without (?:you|her|him|people like)|"
            r"(?:written|wrote|writing|left) (?:goodbye )?(?:letters|notes|a note|a letter) (?:to|for) (?:everyone|my|all)|(?:giving|given|gave) away (?:all )?(?:my|her|his) (?:things|stuff|belongings|toys|games)|"
            r"(?:can't|cant|cannot|can not) (?:do|take|handle|cope with|face) (?:this|it|any of this|life|living|another day) any ?more(?![^.!?\n]{0,25}(?:lol|haha|\U0001f602|\U0001f923))|"
            r"(?:can't|cant|cannot) cope any ?more(?![^.!?\n]{0,25}(?:lol|haha|\U0001f602|\U0001f923))|"
            r"(?:says|said|saying|keeps saying|told me|told us|tells me) (?:that )?(?:she|he|they|i) (?:wants?|wanted|wishes|wished) (?:to|she|he|they|i) (?:die|dead|was dead|were dead|wasn't born|had never been born|could die|disappear)",
            "self-harm",
            "talks of self-harm, suicide or not wanting to be alive",
        ),
    ]
)

# Veiled menace: ordinary alone, a threat two together ("whatever it takes. Watch this space.").
_VEILED = PatternSet(
    [
        (
            r"long memory|(?:a lot|lots|plenty) of (?:free |spare )?time|remember that\W*$|i (?:never|don't|dont|won't) forget (?:a face|this|that|faces)|if i (?:were|was) (?:you|u)|"
            r"(?:won't|wont|wouldn't|will not) be sorry|shed no tears|one of these days|(?:i'm|im) not the type|nobody would miss (?:her|him)|"
            r"whatever it takes|by any means(?: necessary)?|watch this space|mark my words|you(?:'ll| will) see\W*$|just (?:you )?wait\W*$|"
            r"(?:never|not) (?:work|works|teach|teaches|set foot|sets foot|show (?:his|her) face) (?:\w+ ){0,3}again|this isn't over|this is not over|(?:i|we) know where|(?:won't|will not) (?:let this go|forget this)",
            "veiled",
            "veiled menace",
        ),
    ]
)

# Distress signals that are ordinary alone and a possible risk of suicide together.
_DISTRESS = PatternSet(
    [
        (
            r"(?:everyone|everybody|they all|the whole class|all of them) (?:at school |in (?:my |the )?class )?(?:hates|hate) me|(?:hates|hate) (?:her|his|my|their) (?:own )?body|sorry for (?:being|everything|existing)|everything(?:'s| is) (?:just |all |getting )?too much|it(?:'s| is) all too much|(?:nobody|no one|no1|noone) (?:likes|loves|cares about|wants) me|"
            r"i(?:'m| am|m) (?:a )?(?:burden|worthless|useless|a waste of space|better off gone)|i give up|sorry for everything|so (?:alone|tired of everything)|"
            r"(?:can't|cant|cannot) (?:cope|do this|go on|take it)|i(?:'m| am|m) (?:done|finished)\W*$|i don't want to be (?:here|alive)|(?:stopped|stopping) eating|"
            r"(?:want|wants) to disappear|(?:sorry|goodbye|bye) (?:every ?one|all|mum)\W*$|\bsorry\W*$",
            "distress",
            "distress",
        ),
    ]
)

_GROOMING_2 = PatternSet(
    [
        (
            r"(?:parents|mum|dad|grown[- ]ups) (?:not|aren't|are not) (?:needed|required|necessary|invited|allowed)|no parents\b|"
            r"no need to (?:involve|tell|bring|ask|bother|include|let) (?:your |their |the )?(?:parents|mum|mam|mom|dad|mums|dads|family|grown[- ]ups|teachers?)|"
            r"without (?:telling |asking |your |their )+(?:parents|mum|mam|mom|dad|teachers?)|"
            r"(?:parents|mum|dad|mam|mom)(?: (?:and|or) (?:dad|mum|mam|mom))? (?:don't|dont|doesn't|do not|never|won't|wont) (?:need to|have to) know|"
            r"just between (?:us|you and me|me and you)|keep (?:it|this) (?:between us|quiet|secret|to yourselves|from (?:your )?(?:mum|dad|parents))|"
            r"(?:don't|dont|no need to) (?:need to )?bring (?:your )?(?:mum|dad|parents|mam|mom)",
            "grooming",
            "asks children to keep contact from their parents: grooming-like",
        ),
        (
            r"(?:what time|when|which days?|what days?|where|how often) (?:do|does|are|is|will) (?:the |your |those |these )?(?:girls|boys|kids|children|little ones|pupils|they|she|he|year \d+s?)(?: \w+){0,3} (?:on (?:their|her|his) own|alone|by themselves|by (?:her|him)self|unsupervised|play out|playing out|walk home|walking home|walk to school|hang out|hanging around)",
            "grooming",
            "asks when children are alone or out: grooming-like",
        ),
        (
            r"(?:kids|children|girls|boys|pupils|little ones|youngsters|lads|lasses)(?: [a-z]+){0,5} (?:always |often |all |still )?(?:wave|waves|smile|smiles|waving|smiling|say hello|shout hello) (?:at|to) me",
            "grooming",
            "a stranger describing children who wave at him: grooming-like contact",
        ),
    ]
)

_GROOMING_SIGNALS_2 = PatternSet(
    [
        (
            r"(?:dm|message|msg|snap|add|follow|text|inbox|pm|find|hit) me (?:up )?(?:on|at|via) (?:insta(?:gram)?|snap(?:chat)?|tiktok|discord|whatsapp|kik|telegram|roblox|fortnite|minecraft|xbox|psn|wickr|signal|ig)|"
            r"my (?:snap|snapchat|insta|tiktok|discord|kik|roblox|whatsapp) (?:is|:|name)|snap me\b|add me on \w+",
            "app-contact",
            "asks for contact on a private app",
        ),
        (
            r"(?:your|the|these|those|ur|any|all the|yr|year \d+) (?:year \d+ )?(?:girls|boys|kids|children|little ones|pupils|students|youngsters|lads|lasses)\b|little ones|"
            r"the (?:little |wee |young )?(?:\w+ )?(?:girl|boy|lad|lass) (?:in|with|who|on|at)\b|"
            r"(?:girls|boys|kids|children) (?:aged?|under|between)",
            "children",
            "about children",
        ),
        (
            r"(?:photos?|pictures?|pics|shoots?|photoshoots?|videos?|footage|portraits?) (?:of )?(?:the |your |those |these |some )?(?:little ones|kids|children|girls|boys|youngsters|little (?:girls|boys))|"
            r"(?:photograph|photographing|film|filming) (?:the |your |those |these )?(?:little ones|kids|children|girls|boys)",
            "child-photo",
            "wants photos of children",
        ),
        (
            r"(?:names?|ages?|sizes?|measurements|photos?|pics?|addresses?|heights?|schools?) (?:and|&|\+) (?:names?|ages?|sizes?|measurements|photos?|pics?|addresses?|heights?)|"
            r"(?:send|dm|pm|message|tell|give|inbox|whatsapp|text) (?:me|us) (?:\w+ ){0,2}(?:their|the kids'?|the children's|her|his) (?:names?|ages?|sizes?|addresses?|photos?|pics?|numbers?|details|snaps?|instas?|socials|schools?)",
            "child-details",
            "asks for children's details",
        ),
        (
            r"(?:happy to|i'll|ill|i will|will|can) pay|paid (?:work|shoots?|modelling|modeling|gigs?|jobs?|roles?)|for cash|cash in hand|pocket money|(?:earn|earning|make|making) (?:some |a bit of |extra )?(?:money|cash|pocket money)|"
            r"free (?:shoots?|photoshoots?|photos?|pictures|sessions?|lessons?|coaching|gifts?|gift ?cards?|tickets|sweets)|(?:bring|brought|buy|give) (?:some )?(?:sweets|treats|presents|sweeties|lollies|chocolates?|gifts|toys) (?:for|to)|"
            r"(?:send|give|get) (?:you|u) (?:some |a |free )?(?:merch|gifts?|presents?|money|sweets|stuff|a surprise|something|vouchers?|gift ?cards?)",
            "payment",
            "offers money or gifts",
        ),
        (r"(?:at|to|round|in) my (?:studio|house|flat|place|van|car)", "lure", "invites to a private place"),
        (r"(?:dm|message|msg|inbox|pm|text|snap|whatsapp) me\b", "dm-me", "asks for a private message"),
        (
            r"(?:we met|i saw you|saw you|i met you|you were) (?:at|in|on|by|outside) (?:the )?(?:park|playground|bus stop|bus|shop|shops|school gates?|gates?|rec|pool|field|library)|"
            r"[a-z]+ in the (?:\w+ )?(?:coat|jumper|dress|hat|top|hoodie|cardigan|leggings)\b",
            "met-child",
            "singles out a child seen somewhere",
        ),
        (
            r"(?:girls|boys|kids|children)(?: aged?)? (?:[4-9]|1[0-6]) ?(?:-|\u2013|to) ?(?:[4-9]|1[0-7])\b|(?:girls|boys|kids|children) (?:aged|under) (?:[4-9]|1[0-6])\b",
            "children",
            "about children of an age",
        ),
        (
            r"(?:sweetie|sweetheart|sweety|princess|darling|cutie|babe|hun|gorgeous|beautiful)\b",
            "flattery",
            "a pet name",
        ),
    ]
)
# Signals that often overlap are matched in separate passes, so one never hides another.
_GROOMING_SIGNAL_SETS = [
    PatternSet([e for e in _GROOMING_SIGNALS_2.entries if e[1] in codes])
    for codes in (
        {"children", "met-child"},
        {"app-contact", "dm-me", "lure"},
        {"child-photo", "child-details", "payment", "flattery"},
    )
]

# Every group of a combination must be present.
_GROOMING_PAIRS_2: tuple[tuple[set[str], ...], ...] = (
    ({"app-contact"}, {"children", "child-photo", "child-details", "payment"}),
    ({"child-photo"}, {"payment", "child-details", "lure", "app-contact"}),
    ({"child-details"}, {"children", "payment", "lure"}),
    ({"children"}, {"payment"}, {"dm-me", "app-contact", "lure"}),
    ({"met-child"}, {"dm-me", "app-contact"}, {"flattery", "payment", "children"}),
    ({"children"}, {"dm-me", "app-contact"}, {"flattery"}),
)

_DOXXING_2 = PatternSet(
    [
        (
            r"(?:his|her|their|the (?:\w+ )?(?:head|headteacher|teacher|deputy|caretaker|senco)'s|(?:mr|mrs|miss|ms) \w+'s) (?:house|home|flat|address)(?:'s| is) (?:the |on |at |in |next to |opposite |behind |near |by |round |just |two |three |number )",
            "doxxing",
            "describes where a member of staff lives",
        ),
        (
            r"(?:lives?|living|stays?) (?:just |right )?(?:(?:two|three|four|five|a few|\d+) )?doors? (?:down|up|along|away)(?: from)?|"
            r"(?:lives?|living) (?:just |right )?(?:next (?:door )?to|opposite|behind|above|below|across (?:the road )?from|over the road from|round the corner from)",
            "address",
            "says where someone lives",
        ),
        (
            r"(?:mr|mrs|miss|ms|the head|the teacher|the deputy)(?: \w+)?'s (?:wife|husband|partner|kids?|children|son|daughter|mum|dad|girlfriend|boyfriend|fella|missus) (?:works?|lives?|goes|is|drinks|shops|stays) (?:at|in|on|round|near|down)",
            "address",
            "says where a member of staff's family can be found",
        ),
        (
            r"(?:his|her|their|the head's|(?:mr|mrs|miss|ms) \w+'s) (?:mobile |home |personal |phone )?(?:number|mobile|phone|email|e-mail|address)(?:'s| is|:) ?(?:\+?\d[\d ]{6,14}\d|[a-z0-9._\-]+@[a-z0-9.\-]+\.[a-z]+|\d+[a-z]? [a-z]+ [a-z]+)",
            "doxxing",
            "shares someone's contact details",
        ),
        (
            r"if any ?(?:one|body) (?:wants|fancies|feels like) (?:to )?(?:pop|go|call|drop|visit|tell|have|say|let|knock|give|ring|text|pay)|pop round|drop round|call round|pay (?:her|him|them) a visit|go (?:and )?(?:have a (?:chat|word)|knock)",
            "invite",
            "invites others to go round",
        ),
    ]
)

_WORD_CLOCK = re.compile(
    r"\b(?:half (?:past )?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})|quarter (?:past|to) \w+|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}) o'?clock|\d{1,2}(?:[.:]\d{2})? ?(?:am|pm)|"
    r"(?:about|around|at|from|by) (?:\d{1,2}(?:[.:]\d{2})?|six|seven|eight|nine)(?![\d%£:.]))"
)
_PATH = re.compile(
    r"\b(?:along|down|through|via|across|up|on|by|past|round) (?:the )?(?:[a-z]+ )?(?:path|towpath|canal|footpath|alley|alleyway|cut[- ]through|bridge|woods|field|park|common|rec|lane|road|street|car ?park|avenue|estate)\b"
)
_ALONE = re.compile(r"\b(?:on (?:his|her|their) own|alone|by (?:him|her)self)\b")
# A named place (capitalised as typed): "at Pyramids pool", "the Leazes Park fun run".
_PLACE_2 = re.compile(
    r"\b(?:at|to|in|outside|on) (?:the )?(?:[A-Z][A-Za-z'.]+ ){1,3}(?:[Pp]ool|[Ll]eisure [Cc]ent(?:re|er)|[Hh]all|[Bb]aths|[Rr]ink|[Ss]tadium|[Aa]rena|"
    r"[Gg]round|[Pp]ark|[Ff]ield|[Cc]ommon|[Rr]oad|[Ll]ane|[Ss]treet|[Aa]venue|[Cc]lub|[Cc]entre|[Ll]ibrary|[Cc]hurch)\b"
)
_CHILD_REF_2 = re.compile(
    r"\b(?:[Ww]or|[Oo]wer|[Aa]r) (?:little |wee )?[A-Z][a-z]+\b|\b(?:[Ss]he|[Hh]e)(?:'ll| will) be (?:at|in|doing|going|walking|on)\b"
)

_SPAM_2 = PatternSet(
    [
        (
            rf"(?:doubled|tripled|quadrupled|multiplied|10x(?:ed)?|grew|grown|turned|flipped) (?:my|her|his|their|your|our|me) (?:\w+ )?(?:savings|money|investment|pension|income|deposit|capital|portfolio|{_MONEY})|"
            rf"(?:earn|earns|earned|earning|make|makes|made|making|pull in|pulling in) (?:an extra |extra |up to |over |at least |around |about |a cool )?{_MONEY}(?: \w+){{0,5}} (?:with|from|using|on|through) (?:one|this|an?|my|her|his) (?:app|trick|method|system|platform|side hustle|website|strategy|course|bot)|"
            rf"(?:earn|earns|earned|earning|make|makes|made|making) (?:an extra |extra |up to |over |at least |around |about )?{_MONEY} ?(?:/|a|per|every|each) ?(?:day|week|wk|hour|hr|month|night)|"
            r"(?:made|making|returns? of|profit of|gains? of|up) \d+ ?% (?:this|a|per|every|in|last) (?:\w+ )?(?:month|week|day|year)|\d+ ?% (?:returns?|profit|gains?|roi)\b|"
            r"(?:use|using|with|enter) my (?:referral |promo |invite )?(?:code|link)|referral (?:code|link)|ask me how\b|dm (?:me )?to (?:learn|find out|see) how",
            "scam-crypto",
            "an investment or money-making scam",
        ),
        (
            r"(?:contact|message|text|reach out to|write to|dm|add|whatsapp) (?:him|her|them|mr \w+|mrs \w+)(?: directly| now| today| asap)? (?:on|via|through|at) (?:whatsapp|telegram|instagram|insta|facebook|signal|email|\+?\d)|"
            r"(?:telegram|whatsapp|signal|kik|wickr) (?:me|us)\b|(?:on|via) (?:whatsapp|telegram) (?:on |at )?\+?\d[\d ]{8,}|(?:whatsapp|telegram|signal)(?: me| us)?:? ?\+?\d[\d ]{8,}\d|"
            r"(?:investing|invested|trading|traded) with (?:mr|mrs|miss|ms|dr|expert|coach|sir)",
            "scam-crypto",
            "points readers to a private chat: the usual way of a scam",
        ),
        (
            rf"borrow (?:up to )?{_MONEY}|no credit checks?|cash (?:in your account|in (?:\d+|ten|five) minutes|today|sent today)|(?:apply|approval) (?:now|today|in minutes)|instant decision|"
            rf"(?:we|i|they) pay (?:up to |you )?{_MONEY}|paid (?:online )?surveys|(?:simple|easy) (?:online )?(?:tasks|surveys)|online surveys|visa sponsorship|(?:processing|admin|registration|application) fee|pay (?:a |the )?(?:small |one-off )?(?:fee|deposit) (?:now|first|upfront|to)|100% guaranteed|guaranteed (?:job|placement|visa|income)",
            "job-or-loan-scam",
            "a loan, visa or job scam",
        ),
        (
            r"(?:giving away|give away|giveaway of) \d+|free \w+ for (?:every|each|all) (?:teachers?|parents?|pupils?|schools?|child|children|famil(?:y|ies))|(?:first|1st) \d+ (?:\w+ )?(?:to|who) (?:register|sign up|comment|follow|reply|enter|click|dm|share|repost)|"
            r"(?:repost|retweet|rt|share|comment(?: \w+)?|follow|like)(?: us| this| below)? ?(?:\+|&|and|,) ?(?:follow|comment|like|tag|share|repost|retweet|click)(?:[^.!?\n]{0,30}(?:enter|win|claim|prize|giveaway|chance))|"
            rf"(?:win|won|winning) {_MONEY}(?=[^\n]{{0,60}}(?:comment|follow|like|share|click|enter|register|repost|tag|dm))|"
            r"click (?:the link |here |below )?to (?:claim|enter|win|register)|claim (?:it |yours |your \w+ )?(?:before|by|at|here|now|today)|"
            r"(?:your|this) school (?:has been|was|is) (?:selected|chosen|picked)",
            "prize-scam",
            "a giveaway or prize claim",
        ),
        (
            r"(?:your|ur|this) (?:page|profile|post|account|school page|school's page|school account) (?:has been|was|will be|is being|is|will) (?:permanently |temporarily |soon )?(?:be )?(?:reported|flagged|suspended|locked|restricted|disabled|deleted|removed|limited)|"
            r"(?:breaking|broken|violating|violated|breach(?:ing|ed)? of|against) (?:our |the )?(?:community|platform)? ?(?:standards|guidelines|terms|rules|policies)(?=[^\n]{0,80}(?:verify|appeal|click|confirm|removed|suspended|deleted|disabled))|"
            r"(?:blue tick|get verified|verification badge|verified badge)|unless (?:you|u) (?:verify|confirm|log ?in|appeal)|verify (?:here|now|below|at)",
            "phishing",
            "phishing or a fake verification offer",
        ),
        (
            r"buy one get one|bogof|link in (?:our|the) bio|register (?:now|today|here) (?:at|on|via)|limited (?:places|spaces|spots|stock)|(?:this|today) (?:week|weekend)? ?only|while stocks last|order (?:now|today|yours)|shop now|"
            r"(?:reasonable|cheap|cheapest|best|competitive|affordable|great|low|mates|student|discounted) (?:rates|prices)|"
            r"selling (?:\d+|two|a pair of|my) (?:\w+ )?(?:tickets|seats)|(?:tickets|seats) (?:for sale|available|left)|face value|"
            r"anyone (?:need|needing|want|looking for) (?:a|an) (?:cleaner|dj|tutor|plumber|electrician|builder|photographer|painter|gardener|mobile hairdresser|nail tech|cake maker|bouncy castle)\b|"
            r"(?:we|i) (?:build|design|write|deliver|create|make|print) (?:\w+ ){0,3}(?:in (?:a|\d+) (?:week|day|hours?|h)|for (?:schools|teachers|you)|from)|"
            r"our (?:experts|tutors|team|writers|designers) (?:deliver|get|write|build|will|can)|deliver(?:ed)? in \d+ ?h|"
            r"need (?:your|a) (?:school )?(?:\w+ ){0,3}(?:written|done|designed|built|redone|made|sorted|marked)\?|"
            rf"{_MONEY} (?:a|per) (?:page|word|essay|assignment|session|lesson|class)\b|"
            r"(?:follow|like) (?:us|me) for (?:daily|weekly|the best|more|free) |discount codes?|(?:from|only|just) [£$€]\d+\.\d\d|[£$€]\d+\.99",
            "commercial-promotion",
            "unsolicited selling or promotion",
        ),
        (
            r"(?:want|wants|wanna) (?:spoiling|spoilt|to be spoil(?:ed|t))|spoil (?:you|u)\b|(?:any|lonely|single) (?:mums|mummies|dads|ladies|milfs) (?:want|fancy|looking)|seeking (?:an )?arrangement",
            "adult-content",
            "a sugar-daddy or dating approach",
        ),
    ]
)
_SPAM_3 = PatternSet(
    [
        (
            r"to (?:accept|claim|receive|collect|release|unlock|confirm)[^.!?\n]{0,30}(?:pay|fee|£|\$|€)|(?:shortlisted|nominated|selected|chosen) for (?:our |a |the )?(?:\w+ ){0,3}(?:award|prize|grant)(?=[^\n]{0,80}(?:fee|pay|£|click|here))|"
            rf"{_MONEY} (?:\w+ )?vouchers? (?:to|for) (?:every|each|all)|(?:amazon|tesco|asda|aldi|lidl|argos|primark|sainsbury'?s|morrisons|apple|currys) (?:is|are) giving|claim (?:it |yours |your \w+ )?(?:quick|fast|asap|while)",
            "prize-scam",
            "a prize, award or voucher that asks for a fee or a claim",
        ),
        (
            r"domain (?:expires|expired|expiring|renewal)|renew (?:now|today|here)|avoid losing (?:your|the) (?:website|domain|page|account|followers)|"
            r"unusual (?:activity|login|sign[- ]?in)|suspicious (?:activity|login|sign[- ]?in)|secure (?:it|your account|your page) (?:now|here|at|today)|(?:detected|noticed) on your (?:account|page)",
            "phishing",
            "phishing dressed up as an account warning",
        ),
        (
            r"(?:investment|trading|forex|crypto|bitcoin) (?:plan|scheme|programme|program|mentor|account|platform)|earn (?:weekly|daily|monthly)|(?:on|via|at) (?:telegram|whatsapp|signal) @\w+|"
            r"earn (?:money |cash )?from home|(?:pay|paid|pays|cover|covers) (?:my|our|the) (?:mortgage|rent|bills) (?:with|from|by|in)|\d+ hours? a day (?:on|from) (?:my|your|a) phone|comment (?:info|me|dm|link|details|interested|yes|now)\b|"
            r"struggling with (?:debt|money|bills)[^.!?\n]{0,40}(?:until|till|then) i|"
            r"(?:side|extra|second|passive) (?:income|hustle)|(?:in|from) (?:my|your) spare time[^.!?\n]{0,30}(?:£|\$|earn|made|ask me)|"
            rf"(?:made|earned|making|earning|make|earn) {_MONEY} (?:last|this|every|a|per|each) (?:month|week|day|year)",
            "scam-crypto",
            "a money-making or investment pitch",
        ),
        (
            r"(?:dm|message|pm|inbox|text) (?:me |us )?to (?:reserve|book|order|buy|claim|get yours)|(?:message|dm|pm|inbox) (?:me |us )?for (?:sizes|prices|details|more info|a price|rates|the price)|"
            r"we sell\b|(?:at |for )?half price\b|(?:get|buy|gain) \d[\d,.]*k? (?:new |real |targeted |organic |uk |british |active )?(?:followers|likes|views)",
            "commercial-promotion",
            "unsolicited selling",
        ),
    ]
)

_ANY_LINK = re.compile(r"(?<![\w\-.@])(?:https?://)?(?:[a-z0-9\-]++\.)++[a-z]{2,12}+\b(?:/\S*+)?", re.I)
_SELLING = re.compile(
    r"\b(?:click|claim|register|apply|order|shop|buy|enter|bargain|sale|discount|deals?|cheapest|cheap|offer|free|win|sign up|book now|visit)\b|[£$€]\d",
    re.I,
)

_BIO_2 = PatternSet(
    [
        (
            rf"(?:turned|grew|flipped|doubled) {_MONEY}|{_MONEY} into {_MONEY}|ask me how|dm (?:me )?to learn|\U0001f4b8|\U0001f4c8|signals|pips|gains",
            "scam-bio",
            "the author's bio advertises trading, crypto or money-making",
        ),
        (
            r"arrangement|generous (?:gentleman|man|guy)|spoil|seeking|talent scout|child model|model(?:ling)? agency|casting",
            "adult-bio",
            "the author's bio seeks arrangements or scouts models",
        ),
        (
            r"services|agency|tutoring|tutors?|ltd|limited|solutions|shop|store|boutique|wholesale|deals|discounts?|loans?|payday|finance|"
            r"cheapest|best prices|orders|bookings|enquiries|dj|web design|cleaning|uniform|outlet|bargains?|photography",
            "commercial-bio",
            "the author's bio is a business or selling account",
        ),
    ]
)

_UNDERMINING_2 = PatternSet(
    [
        (
            r"(?:would|it'd|it would|be) (?:be )?nice (?:to (?:get|have|hear|see|receive)|if)[^.!?\n]{0,60}(?:reply|replies|answer|response|call back|update|explanation|actually|for once|before you)|"
            r"ask yourselves?|ask (?:the school|the head|the governors|the office) why|"
            r"is (?:this|that) the same school (?:that|who|which)|says the (?:school|head|same school|people|ones) (?:that|who|which)|"
            r"bit rich(?: coming)?(?: from)?|(?:coming|this) from (?:a|the) (?:school|head|people) (?:that|who)|practi[cs]e what (?:you|they) preach|pot calling the kettle|double standards?|hypocrit\w*|"
            r"(?:check|look at|sort out|get) (?:her|his|their|your) own (?:\w+ )?(?:spelling|house|behaviour|grammar|classroom|class|kids|staff|act)|"
            r"(?:might|may) (?:want to|wanna) (?:check|look at|learn|read|try)",
            "insinuation",
            "a rhetorical dig at the school's own record",
        ),
        (
            r"(?:do|does|did) (?:they|you|teachers|staff|the school|you lot|yous|the teachers|anyone there|the office|the head|the governors) (?:\w+ )?(?:actually|even|ever) (?:teach|do|work|read|listen|care|answer|check|think|learn|bother|plan)|"
            r"(?:do|does) (?:they|you|the school|the head|the governors) think (?:we(?:'re| are)|parents are|we're all) (?:made of money|stupid|daft|mugs|idiots|a cash cow|cash machines|thick)|"
            r"money (?:grows|grew) on trees|cash cow|(?:think|thinks) we(?:'re| are) (?:made of money|mugs|a cash machine)",
            "insinuation",
            "a rhetorical question at the school",
        ),
        (
            r"another (?:\w+[,.!]? ){1,2}another (?:£|\$|\d|letter|email|excuse|rule|change|charge|cost|bill|request|demand|day off|inset|closure|cancell?ation|strike|trip|fee|payment|dress ?up|non[- ]uniform|collection)",
            "complaint",
            "a weary complaint about costs or changes",
        ),
        (
            r"here we go(?: again)?\b|(?:the|another) (?:annual|usual|obligatory|weekly|daily|latest|termly) ['\u2018\u201c\"]|look (?:how|at how) (?:wonderful|great|amazing|brilliant|perfect|good) (?:we|they) are|"
            r"(?:want|wants|expect|expects|deserve) a pat on the back|pat (?:yourselves|themselves|itself) on the back|(?:okay|ok|right|fine) then\W*$|"
            r"about as (?:often|useful|much use|organised|reliable|likely|effective) as|once in a blue moon|"
            r"(?:shall|should) (?:i|we) just (?:send|hand|give|sign) (?:over |in )?(?:my|our) (?:whole |entire )?(?:wage|salary|wages|bank|house|money|kidneys?|pay ?packet)|"
            r"(?:knows?|know) what(?:'s| is) really going on|what really goes on|(?:nobody|no one)(?:'ll| will| dares to| wants to) say it|"
            r"(?:brilliant|great|fantastic|wonderful|marvellous|super|lovely|good|amazing) (?:for|on) (?:their|the|our|my|his|her) [^.!?\n]{0,30}(?:i'm sure|i am sure|no doubt)|"
            r"not (?:one|a single) (?:reply|response|answer|word|call)|no (?:reply|response|answer) to (?:my|our) (?:\w+ )?(?:emails|letters|calls|messages|complaints)|but (?:you've|you have|you|they've|they have|they) (?:got |had |find |found |still )?(?:the )?time to|"
            r"should be (?:embarrassed|ashamed)|(?:embarrassed|ashamed) (?:by|of) (?:those|these|the|their|your|his|her)|(?:hard|serious|difficult|tough|searching) questions|where (?:this|the) school is (?:heading|going)|"
            r"pull the other one|yeah,? right\b|aye,? right\b|like that(?:'s| is| will| was) (?:ever )?(?:going to |gonna )?happen|(?:don't|wouldn't|do not|would not) hold (?:your|my|ur) breath|"
            r"believe (?:it|that) when i see it|pigs might fly|in your dreams|heard it all before|so much for (?:the |your |all the |that |their )?|"
            r"(?:nice|lovely|great|good) (?:pr|spin|words|photo ?op|marketing|publicity|soundbite|pr stunt)\b|(?:now|next) do (?:a|one) (?:post )?(?:about|on)",
            "sarcasm",
            "sarcasm at the school",
        ),
        (
            r"look(?:ing)? at other schools|(?:consider|considering|visit|visiting|viewing) other schools|moving (?:our|my|their) (?:kids|children|son|daughter) (?:to|elsewhere)|"
            r"says (?:a lot|everything|it all|enough)|tells you (?:something|a lot)|speaks for itself|let that sink in|(?:i'll|i will|we'll) let (?:you|others) decide|"
            r"(?:everyone|everybody|half the (?:parents|class|families|year|street)|loads of (?:us|parents|families)|so many (?:families|parents)|three families|several families) (?:i know )?(?:has|have|is|are) (?:\w+ )?(?:moved|moving|taken|taking|pulled|pulling|leaving|left)",
            "warning-off",
            "tells others that families are leaving",
        ),
        (
            r"about time (?:\w+ ){0,4}(?:retired|retiring|left|leaving|went|going|resigned|quit|moved on|stepped down|was sacked|got sacked)|good riddance|won't be missed|"
            r"don't let the door|not before time|(?:can't|cannot) say (?:i'll|we'll|i will|we will) miss|"
            r"(?:hope|let's hope) (?:this one|the new one|she|he|they|this head|the new head) (?:lasts?|stays?|sticks? around)|(?:lasts?|stays?) longer than the last",
            "dig",
            "a dig at a member of staff",
        ),
        (
            r"making it up as (?:they|you|he|she|we) go(?:es)? along|winging it|headless chickens?|left hand (?:doesn't|does not|don't) know|"
            r"never mind (?:a |teach|run|manage|lead|teaching|running|managing|leading)|"
            r"(?:he|she|they|mr \w+|mrs \w+|miss \w+|ms \w+|the head|the teacher|that teacher|teachers|staff|the office) (?:can't|cannot|couldn't|can not) (?:even )?(?:spell|manage|run|control|organise|organize|count|teach|lead)(?: (?:himself|herself|themselves|properly|a class|a school|a piss-up|their way))?|"
            r"learn(?:t|ed|s)? (?:absolutely )?nothing|(?:maybe|perhaps) (?:get|hire|find|employ|appoint) (?:a|an|some|someone) (?:\w+ ){0,2}(?:who|that) (?:knows?|can|understands?|actually)|"
            r"(?:maybe|perhaps|now) (?:spend|put|try|focus)(?:ing)? (?:some |a bit of |more )?(?:time|money|effort|energy) (?:on|into)|"
            r"(?:i )?(?:notice|noticed|see) (?:there's |there is )?no mention of|conveniently (?:left out|forgot(?:ten)?|ignored|missed)|(?:forgot(?:ten)? to mention|failed to mention)|\bconvenient(?:ly)?\W*$|"
            r"coincidence\W+(?:i'm sure|surely|i bet|obviously|of course)|(?:just|pure|total|complete|a) (?:a )?coincidence\W*(?:i'm sure|\U0001f644|\U0001f643|\U0001f914)|"
            r"where (?:exactly |actually |on earth )?(?:is|has|did|does|'s) (?:the|our|that|all the|all that|this) (?:\w+ )?(?:money|£[\d,.]+k?|cash|funds?|donations?|budget)(?: \w+)? (?:going|gone|go|went|spent)|never (?:appeared|materialised|happened|arrived)",
            "competence",
            "public criticism or insinuation about staff or money",
        ),
        (
            r"is (?:that|this) (?:what you call |your |the )?['\u2018\u201c\"][^'\u2019\u201d\"\n]{2,40}['\u2019\u201d\"]\s*\?",
            "sarcasm",
            "the school's words thrown back as a question",
        ),
    ]
)

_PRAISE_2 = PatternSet(
    [
        (
            r"(?:went|go|going|did|done|performed|sang|played|behaved|coped|danced) (?:so |really |absolutely |just )?(?:brilliantly|beautifully|wonderfully|fantastically|amazingly|superbly|perfectly|splendidly)|"
            r"(?:she's|he's|you're|they're|she is|he is|you are|they are) (?:a |an )?(?:absolute |total |real |such a )?(?:saint|angel|angels|gem|gems|treasure|diamond|saints)\b|(?:i'd|id|i would) kill for (?:\w+ ){0,3}(?:patience|energy|talent|voice|skills|enthusiasm)|"
            r"keep (?:it|them|'em|em) coming|wish (?:them|him|her|you|us|the team|everyone) (?:all )?(?:luck|well|the best)|good luck (?:to|tonight|today|tomorrow)|knock (?:'em|them|em) dead|break a leg",
            "praise",
            "good wishes or praise",
        ),
    ]
)
_SIGN_OFF_THANKS = re.compile(
    r"[.!?]\s*(?:many )?(?:thanks|thank you|thank u|ta|cheers)(?: (?:so much|very much|in advance|all))?\W*$",
    re.I,
)
_SOFT_EMOJI = frozenset("\U0001f60a\U0001f44d\U0001f64f\u263a\U0001f642")


# The round-2 sets matched in one pass each (a hit hidden by an overlapping one of the same kind
# changes no label).
_ROUND2_THREATS = PatternSet(
    _MENACE.entries
    + _MENACE_2.entries
    + _MENACE_3.entries
    + _MENACE_4.entries
    + _SELF_HARM_2.entries
    + _GROOMING_2.entries
)
_ROUND2_SPAM = PatternSet(_SPAM_2.entries + _SPAM_3.entries)
