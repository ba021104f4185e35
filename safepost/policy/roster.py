"""The pupil roster: who the school's pupils are, read from a CSV export.

Reads the columns Safepost writes (``first_name,last_name,year_group,class_name``)
and the column names of common MIS exports (SIMS, Arbor, Bromcom: Forename,
Preferred Forename, Surname, Legal Surname, Year, Reg Group, ...). A roster is
read whole or not at all: every bad row is reported with its line number.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from safepost.policy.text import fold

# A short name of three letters, a consonant either side of a vowel ("tom", "rob", "dan").
_CVC = re.compile(r"[bcdfghjklmnprstvz][aeiou][bdfgklmnprstvz]")
# A short name of four letters, two vowels between consonants ("doug", "sean").
_CVVC = re.compile(r"[bcdfghjklmnprstvz][aeiou]{2}[bdfgklmnprstvz]")
# A form's name with its year before it: "7 Hilda", "10 Hilda", "Year 3 Oak", "Y5 Kestrel" (not "4B").
_FORM = re.compile(r"(?:year\s*|y|p|s)?\d{1,2}\s*([^\W\d_][\w'’-]{2,})$", re.IGNORECASE)

# Column header (folded, spaces/underscores/dashes removed) -> field. Where an
# export has several name columns (legal and preferred), all of them are kept:
# a child may be called by either.
_COLUMNS = {
    "first_names": [
        "firstname",
        "forename",
        "forenames",
        "preferredforename",
        "preferredfirstname",
        "givenname",
        "knownas",
        "legalforename",
        "legalfirstname",
        "chosenname",
        "preferredname",
        "first",
    ],
    "surnames": [
        "lastname",
        "surname",
        "legalsurname",
        "preferredsurname",
        "familyname",
        "legallastname",
        "preferredlastname",
        "last",
    ],
    "year": ["yeargroup", "year", "ncyear", "nationalcurriculumyear", "curriculumyear", "yeartaughtin", "yr"],
    "class_name": [
        "classname",
        "class",
        "reggroup",
        "registrationgroup",
        "form",
        "tutorgroup",
        "reg",
        "classgroup",
        "group",
    ],
    "photo_consent": [
        "photoconsent",
        "photographconsent",
        "photographicconsent",
        "consent",
        "socialmediaconsent",
        "socialmediaphotoconsent",
        "photoconsentsocialmedia",
    ],
    "website_consent": ["websiteconsent", "websitephotoconsent", "photoconsentwebsite"],
}
_HEADER_TO_FIELD = {alias: f for f, aliases in _COLUMNS.items() for alias in aliases}
_YES = {"yes", "y", "true", "1", "given", "granted", "consented", "agreed", "x"}
_NO = {"no", "n", "false", "0", "refused", "withdrawn", "declined", "none", ""}


def _header_key(header: str) -> str:
    return "".join(ch for ch in fold(header) if ch.isalnum())


@dataclass(frozen=True)
class Pupil:
    """One pupil. ``first_names``/``surnames`` hold every form the export gave."""

    first_names: tuple[str, ...]
    surnames: tuple[str, ...]
    year: str = ""
    class_name: str = ""
    photo_consent: bool | None = None
    website_consent: bool | None = None
    line: int = 0

    @property
    def first_name(self) -> str:
        """The first (preferred) first name."""
        return self.first_names[0]

    @property
    def surname(self) -> str:
        """The first surname."""
        return self.surnames[0]

    @property
    def initials(self) -> tuple[str, ...]:
        """Lower-case initials, first name then surname ("sb"), and with each word of a double surname."""
        first = fold(self.first_name)[:1]
        return (first + fold(self.surname)[:1], first + "".join(fold(w)[:1] for w in self.surname.split()))

    @property
    def display_name(self) -> str:
        """First name and surname, for staff-only screens."""
        return f"{self.first_name} {self.surname}"


class RosterError(Exception):
    """The roster could not be read; nothing was imported. ``problems`` has one line each."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        shown = "\n".join(f"  - {p}" for p in problems[:50])
        more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(
            f"{source}: the roster was not imported ({len(problems)} problem(s)):\n{shown}{more}"
        )


@dataclass
class Roster:
    """The pupils of a school, indexed for matching names in posts."""

    pupils: list[Pupil] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_first: dict[str, list[Pupil]] = defaultdict(list)
        self.by_surname: dict[str, list[Pupil]] = defaultdict(list)
        self.class_names: set[str] = set()
        # The name of a form that has its year before it: "Hilda" of "7 Hilda" and "10 Hilda", "Oak" of
        # "Year 3 Oak". Schools name such forms after their houses, so the word names a house or a form.
        self.form_words: set[str] = set()
        for p in self.pupils:
            for name in p.first_names:
                for part in _name_keys(name):
                    self.by_first[part].append(p)
            for name in p.surnames:
                for part in _name_keys(name, parts=True):
                    self.by_surname[part].append(p)
            if p.class_name:
                self.class_names.add(fold(p.class_name))
                form = _FORM.match(p.class_name.strip())
                if form:
                    self.form_words.add(fold(form.group(1)))
        # What a child is called besides the register's name: "Freddie" for Frederick, "Josie" for
        # Josephine. A short form that is another pupil's name, or an ordinary word ("Will",
        # "Sandy"), is left out: it would say less about this child than about the word.
        self.short_forms: dict[str, str] = {}
        # "Ellie-Mae" is not cut short to "Ellie": that is another child's name
        joined = {
            k for p in self.pupils for n in p.first_names if re.search(r"[\s'’-]", n) for k in _name_keys(n)
        }
        # A team's nickname made from a surname, as coaches call players: "Smithy", "Jonesy", "Robbo" for
        # Robinson, "Gibbo" for Gibson. A form that is a word, a name or another pupil's is left out.
        self.surname_forms: dict[str, str] = {}
        for surname in list(self.by_surname):
            for nick in surname_nicknames(surname):
                if nick not in self.by_surname and nick not in self.by_first:
                    self.surname_forms.setdefault(nick, surname)
        for nick, surname in self.surname_forms.items():
            self.by_surname[nick].extend(self.by_surname[surname])
        for first in list(self.by_first):
            for short in short_forms(first, clip=first not in joined):
                if short not in self.by_first or short in self.short_forms:
                    self.short_forms.setdefault(short, first)
                    self.by_first[short].extend(
                        p for p in self.by_first[first] if p not in self.by_first[short]
                    )

    def __len__(self) -> int:
        return len(self.pupils)

    @cached_property
    def _first_deletes(self) -> dict[str, str]:
        """Each first name of five letters or more, and each with one letter left out -> the name."""
        index: dict[str, str] = {}
        made = {form for first in list(self.by_first) for form in made_forms(first)}
        for key in self.by_first:
            if len(key) >= 5 and key.isalpha() and key not in made:
                index.setdefault(key, key)
                for i in range(len(key)):
                    index.setdefault(key[:i] + key[i + 1 :], key)
        return index

    def near_first_name(self, key: str) -> str | None:
        """The pupil's first name a word is one letter away from ("Mattilda" for Matilda), if any.

        A letter added, left out or changed; only for words of five letters or more, and the
        caller asks only about words that are no English word and no known name.
        """
        if len(key) < 5 or not key.isalpha() or key in self.by_first:
            return None
        if key.endswith("s") and (key[:-1] in self.by_first or key[:-2] in self.by_first):
            return None  # "three Matildas": a plural (children dressed as the character)
        index = self._first_deletes
        if key in index:
            return index[key]  # a letter left out: "Matlda"
        for i in range(len(key)):
            near = index.get(key[:i] + key[i + 1 :])
            if near is not None:
                return near  # a letter added ("Mattilda") or changed ("Matilde")
        return None

    def near_full_name(self, first_key: str, surname_key: str) -> bool:
        """Whether a pupil has this first name and a surname one slip from this one ("Tiago Ferriera").

        One letter added, left out, changed or two swapped, not the first letter, in a surname of
        four letters or more.
        """
        if len(surname_key) < 4 or not surname_key.isalpha():
            return False
        from safepost.policy.spelling import edit_distance  # light: the dictionary loads only on use

        return any(
            len(k) >= 4
            and k[0] == surname_key[0]
            and abs(len(k) - len(surname_key)) <= 1
            and edit_distance(k, surname_key) == 1
            for p in self.by_first.get(first_key, [])
            for s in p.surnames
            for k in _name_keys(s, parts=True)
        )

    @cached_property
    def initials(self) -> frozenset[str]:
        """Every pupil's initials in lower case ("sb"), read once: a hashtag cheering "#SB" may mean one."""
        return frozenset(i for p in self.pupils for i in p.initials)

    def is_full_name(self, first_key: str, surname_key: str) -> bool:
        """Whether a pupil has this first name and this surname."""
        return any(
            surname_key in {k for s in p.surnames for k in _name_keys(s, parts=True)}
            for p in self.by_first.get(first_key, [])
        )


@cache
def _nickname_table() -> dict[str, tuple[str, ...]]:
    """Given name -> its usual short forms, from the ``nicknames`` package's hand-made list."""
    from importlib import resources

    table: dict[str, list[str]] = defaultdict(list)
    try:
        text = resources.files("nicknames").joinpath("names.csv").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    for row in csv.DictReader(io.StringIO(text)):
        if row.get("relationship") == "has_nickname":
            table[fold(row["name1"])].append(fold(row["name2"]))
    return {name: tuple(shorts) for name, shorts in table.items()}


# Short forms British families and teachers use that the ``nicknames`` list (made from American records)
# lacks, or gives only as names of their own: "Izzy" for Isabelle, "Millie" for Amelia, "Liv" for Olivia.
_BRITISH_SHORT_FORMS = {
    "isabelle": ("izzy", "izzie", "issy"),
    "isabella": ("izzy", "izzie", "issy"),
    "isobel": ("izzy", "izzie", "issy"),
    "isabel": ("izzy", "izzie", "issy"),
    "amelia": ("millie", "milly", "mimi"),
    "emily": ("millie", "milly", "em"),
    "millicent": ("millie", "milly"),
    "oliver": ("ollie", "olly", "ols"),
    "olivia": ("liv", "livvy", "livi", "ollie"),
    "matilda": ("tilly", "tillie", "tilda"),
    "harriet": ("hattie", "hatty"),
    "charlotte": ("lottie", "lotty"),
    "florence": ("florrie", "flossie"),
    "elizabeth": ("lizzie", "libby", "betsy"),
    "eleanor": ("ellie", "nell", "nellie"),
    "penelope": ("penny", "pip"),
    "philippa": ("pippa", "pip"),
    "theodore": ("theo",),
    "archibald": ("archie",),
    "alfred": ("alfie", "alf"),
    "frederick": ("freddie", "freddy"),
    "frederica": ("freddie",),
    "henry": ("hal", "harry"),
    "thomas": ("tommy", "tom", "tam"),
    "jessica": ("jess", "jessie"),
    "georgina": ("georgie",),
    "george": ("georgie",),
    "samuel": ("sam", "sammy"),
    "samantha": ("sam", "sammy"),
    "rebecca": ("becky", "becca", "bex"),
    "josephine": ("josie", "jo"),
    "joseph": ("joe", "joey"),
    "gabriel": ("gabe", "gabi"),
    "gabriella": ("gabby", "gabi", "ella"),
    "gabriela": ("gabby", "gabi", "gaby"),
    "gabriele": ("gabi", "gaby"),  # Lithuanian Gabrielė, Italian Gabriele
    "gabrielle": ("gabby", "gabi"),
    "arabella": ("bella", "bell"),
    "evangeline": ("evie",),
    "genevieve": ("evie", "gen"),
}
# The everyday forms of Polish and Bulgarian names, which a class uses and the roster does not ("Kasia" for
# Katarzyna, "Kuba" for Jakub, "Gosia" for Małgorzata), folded.
_SHORT_FORMS_OF_OTHER_LANGUAGES = {
    "katarzyna": ("kasia", "kasha"),
    "jakub": ("kuba", "kubus"),
    "malgorzata": ("gosia", "malgosia"),
    "aleksandra": ("ola", "olka"),
    "aleksander": ("olek", "alek"),
    "barbara": ("basia",),
    "zofia": ("zosia",),
    "tomasz": ("tomek",),
    "bartlomiej": ("bartek",),
    "wojciech": ("wojtek",),
    "franciszek": ("franek",),
    "stanislaw": ("stas", "staszek"),
    "magdalena": ("magda",),
    "agnieszka": ("aga",),
    "krzysztof": ("krzys", "krzysiek"),
    "piotr": ("piotrek",),
    "szymon": ("szymek",),
    "antoni": ("antek", "antos"),
    "hanna": ("hania",),
    "zuzanna": ("zuza", "zuzia"),
    "julia": ("julka",),
    "wiktoria": ("wika",),
    "weronika": ("wera", "weronka"),
    "mikolaj": ("mikus",),
    "desislava": ("desi",),
    "nikolay": ("kolyo", "niki"),
    "nikolai": ("kolya",),
    "georgi": ("gosho",),
    "aleksandar": ("sasho",),
    # Yoruba names, by the part friends call them: "Tayo" for Temitayo, "Tobi" for Oluwatobi
    "temitayo": ("tayo",),
    "omotayo": ("tayo",),
    "oluwatobi": ("tobi",),
    "oluwaseun": ("seun",),
    "oluwafemi": ("femi",),
    "oluwadamilola": ("dami", "damilola"),
    "damilola": ("dami",),
    "adebayo": ("bayo",),
    "babatunde": ("tunde",),
    "oladele": ("dele",),
    "ayodele": ("dele", "ayo"),
    "oluwakemi": ("kemi",),
    "olufunmilayo": ("funmi",),
    "oluwatomi": ("tomi",),
    # Welsh names, by their everyday forms: "Daf" for Dafydd, "Gwil" for Gwilym
    "dafydd": ("daf", "dai"),
    "gwilym": ("gwil",),
    "rhodri": ("rhod",),
    "llywelyn": ("llew",),
    "gethin": ("geth",),
    # a Scottish name, likewise: "Lachie" for Lachlan
    "lachlan": ("lachie", "lachy"),
    # Igbo names, likewise: "Ify" for Ifeoma, "Emeka" for Chukwuemeka, "Kel" for Kelechi
    "ifeoma": ("ify", "ife"),
    "ifeoluwa": ("ife",),
    "ifeanyi": ("ify",),
    "chukwuemeka": ("emeka",),
    "chinonso": ("nonso",),
    "chiamaka": ("amaka",),
    "kelechi": ("kel",),
    "obinna": ("obi",),
    "ikechukwu": ("ike",),
    "chinedu": ("nedu",),
    "ebubechukwu": ("ebube",),
    "chimamanda": ("manda",),
}


@cache
def short_forms(first_key: str, clip: bool = True) -> tuple[str, ...]:
    """Short forms of a folded first name that can only be a name (three letters or more).

    Only forms made from the name's own letters ("Freddie", "Bella", "Issy"), not names of their
    own that the list also gives ("Sandra" for Alexandra, "Rita" for Margaret).
    """
    from safepost.policy.spelling import dictionary  # the roster never imports the names analysis

    words = dictionary()
    listed = tuple(
        s
        for s in _nickname_table().get(first_key, ())
        if 3 <= len(s) < len(first_key) and s.isalpha() and s[:2] in first_key and s not in words
    )
    listed += tuple(
        s
        for s in _BRITISH_SHORT_FORMS.get(first_key, ()) + _SHORT_FORMS_OF_OTHER_LANGUAGES.get(first_key, ())
        if len(s) >= 3 and s not in words and s not in listed
    )
    # A name cut short after a vowel, as friends and phones do: "Priya" for Priyanka, "Gabri" for
    # Gabriela (four letters or more, two or more left off, no English word).
    clipped = tuple(
        first_key[:n]
        for n in range(4, len(first_key) - 1)
        if clip
        and first_key.isalpha()
        and first_key[n - 1] in "aeiouy"
        and first_key[:n] not in words
        and first_key[:n] not in listed
    )
    # A team's nickname, the short name's last letter doubled and an "o" put after it: "Tommo" for Tom or
    # Thomas, "Robbo" for Robert, "Jacko" for Jack.
    bases = {first_key} | set(_nickname_table().get(first_key, ()))
    sporty = tuple(
        sorted(
            {
                b + b[-1] + "o" if _CVC.fullmatch(b) else b + "o"
                for b in bases
                if b[:1] == first_key[:1]
                and (_CVC.fullmatch(b) or (len(b) == 4 and b.endswith("ck")))
                and (b + b[-1] + "o" if _CVC.fullmatch(b) else b + "o") not in words
            }
        )
    )
    # A pet form made the same way from a short name: "Dougie" for Douglas (Doug), "Benny" for Ben.
    forms: set[str] = set()
    for b in bases:
        if b[:1] != first_key[:1]:
            continue
        if _CVC.fullmatch(b):
            forms |= {b + b[-1] + "ie", b + b[-1] + "y"}
        elif b != first_key and _CVVC.fullmatch(b):
            forms.add(b + "ie")
    pet = tuple(sorted(f for f in forms if f not in words and f != first_key and f not in listed))
    return listed + clipped + sporty + pet


@cache
def surname_nicknames(surname_key: str) -> tuple[str, ...]:
    """The nicknames a team makes of a folded surname: the surname and "y" ("Smithy", "Jonesy"), its first
    syllable doubled and "o" ("Robbo" for Robinson, "Gibbo" for Gibson, "Davo" for Davies), cut after two
    consonants and "y" ("Fitzy" for Fitzgerald), or "Macca" for a Mc or Mac surname. No English word; the roster leaves out any that is a pupil's
    name."""
    from safepost.policy.spelling import dictionary

    key = surname_key
    if len(key) < 4 or not key.isalpha():
        return ()
    forms: set[str] = set()
    if len(key) <= 6 and key[-1] in "sdhkptgx":
        forms.add(key + "y")  # "Jonesy", "Walshy"
    head = key[:3]
    if _CVC.fullmatch(head) and len(key) > 4 and key[3] not in "zh":
        forms.add(head + head[-1] + "o" if head[-1] in "bdgmnprt" else head + "o")  # "Robbo", "Gibbo", "Davo"
    if len(key) > 5 and key[2:4] in ("tz", "ck", "sh", "ch", "ts"):
        forms.add(key[:4] + "y")  # "Fitzy"
    if len(key) > 4 and key.startswith(("mc", "mac")):
        forms.add("macca")  # "Macca" for McAllister, McCartney, MacKenzie
    words = dictionary()
    famous = _famous_by_one_name()
    return tuple(sorted(f for f in forms if f not in words and f != key and f not in famous))


@cache
def _famous_by_one_name() -> frozenset[str]:
    """The famous people ``data/famous_people.txt`` knows by one name: "Very Banksy" is not a pupil surnamed
    Banks."""
    text = (Path(__file__).with_name("data") / "famous_people.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#") and " " not in line.strip()
    )


def made_forms(first_key: str) -> frozenset[str]:
    """The short forms :func:`short_forms` makes by rule ("Tommo", "Dougie") rather than finds in the list:
    matched as they are written, never as a misspelling's nearest name."""
    return frozenset(
        f
        for f in short_forms(first_key)
        if f.endswith(("o", "ie", "y")) and f not in _nickname_table().get(first_key, ())
    )


def _name_keys(name: str, parts: bool = False) -> set[str]:
    """Matching keys for a name: the whole name, spelt with or without its hyphen.

    Hyphenated first names ("Ellie-Mae") are matched whole; with ``parts``
    (surnames: "Smith-Jones") each part counts too, as families shorten them.
    """
    key = fold(name.strip())
    keys = {key} if key else set()
    pieces = [fold(p) for p in re.findall(r"[^\W_]+(?:'[^\W_]+)*", name)]
    if len(pieces) > 1:
        keys.add("".join(pieces))
        keys.add(" ".join(pieces))
        keys.add("-".join(pieces))
        if parts:
            keys.update(p for p in pieces if len(p) >= 3)
    return keys


def header_delimiter(text: str) -> str:
    """The delimiter of a CSV file (comma, semicolon or tab), from its header row.

    The one used most outside quotes on the first line, a comma when there is none; one pass
    over at most the first 64 KB (``csv.Sniffer`` took quadratic time on a quoted header).
    """
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    for ch in text[:65536]:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in "\r\n":
            break
        elif not quoted and ch in counts:
            counts[ch] += 1
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def parse_roster(text: str, source: str = "roster") -> Roster:
    """Read a roster from CSV text. Raises :class:`RosterError` with every bad row."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise RosterError(source, ["the file is empty; expected a header row and one row per pupil"])
    reader = csv.reader(io.StringIO(text), csv.excel, delimiter=header_delimiter(text))
    try:
        header = next(reader)
    except (csv.Error, StopIteration) as exc:
        raise RosterError(source, [f"line 1: cannot read the header row ({exc})"]) from None
    columns: dict[int, str] = {}
    for i, name in enumerate(header):
        key = _HEADER_TO_FIELD.get(_header_key(name))
        if key:
            columns[i] = key
    found = set(columns.values())
    missing = [f for f in ("first_names", "surnames") if f not in found]
    if missing:
        want = {
            "first_names": "first name (first_name, Forename, Preferred Forename)",
            "surnames": "surname (last_name, Surname, Legal Surname)",
        }
        raise RosterError(
            source, [f"line 1: no {want[m]} column; the header has: {', '.join(header)}" for m in missing]
        )
    pupils: list[Pupil] = []
    problems: list[str] = []
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                problems.append(f"line {line}: {len(row)} values but the header has {len(header)} columns")
                continue
            values: dict[str, list[str]] = defaultdict(list)
            for i, key in columns.items():
                cell = row[i].strip() if i < len(row) else ""
                if cell and cell not in values[key]:
                    values[key].append(cell)
            row_problems = []
            if not values["first_names"]:
                row_problems.append("the first name is empty")
            if not values["surnames"]:
                row_problems.append("the surname is empty")
            consent: dict[str, bool | None] = {}
            for key in ("photo_consent", "website_consent"):
                raw = values[key][0].casefold() if values[key] else None
                if raw is None:
                    consent[key] = None
                elif raw in _YES:
                    consent[key] = True
                elif raw in _NO:
                    consent[key] = False
                else:
                    row_problems.append(f'{key.replace("_", " ")} "{values[key][0]}" is not yes or no')
            if row_problems:
                problems.append(f"line {line}: " + "; ".join(row_problems))
                continue
            pupils.append(
                Pupil(
                    first_names=tuple(values["first_names"]),
                    surnames=tuple(values["surnames"]),
                    year=(values["year"] or [""])[0],
                    class_name=(values["class_name"] or [""])[0],
                    photo_consent=consent["photo_consent"],
                    website_consent=consent["website_consent"],
                    line=line,
                )
            )
    except csv.Error as exc:
        problems.append(f"line {reader.line_num}: {exc}")
    if problems:
        raise RosterError(source, problems)
    if not pupils:
        raise RosterError(source, ["the file has a header but no pupils"])
    return Roster(pupils)


def load_roster(path: str | Path) -> Roster:
    """Read a roster CSV file (UTF-8, or Windows-1252 as older exports write)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RosterError(str(path), [f"cannot read the file: {exc.strerror or exc}"]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    return parse_roster(text, str(path))
