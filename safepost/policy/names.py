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
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path

from safepost.policy.prepared import cached_words
from safepost.policy.reading import (
    DAYS_AND_MONTHS,
    DID_SOMETHING,
    HASHTAG_CHEER,
    IRREGULAR_PAST,
    LANGUAGES,
    NAMED_EVENT_NOUNS,
    ROLE_AS_A_THING,
    SpanIndex,
    child_references,
    in_roster_class,
    part_of_longer_name,
    split_hashtag,
    surnames_alone,
)
from safepost.policy.roster import Pupil, Roster
from safepost.policy.text import PostText, Token, at_word_starts, fold

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
        "pcso",
        "sheikh",
        "shaykh",
        "ustadh",
        "ustadha",
        "maulana",
        "mufti",
        "sgt",
        "sergeant",
        "inspector",
        "officer",
        "constable",
        "coach",
        "nurse",
        "farmer",  # "Farmer Oates has offered a straw bale"
        "chef",
        "captain",
        "capt",
        "rabbi",
        "rebbetzin",
        "chazan",  # a synagogue's cantor: "Chazan Mendel has started teaching Year 3 the songs"
        "chazzan",
        "hazzan",
        "cantor",
        "imam",
        "pastor",
        "deacon",
        "judge",
        "madam",
        "madame",
        "monsieur",
        "mademoiselle",
        "profesor",  # "Bienvenidos to Profesor Mateo Serrano"
        "profesora",
        "professeur",
        "herr",
        "frau",
        "señora",
        "senora",
        "señorita",
        "signor",
        "signora",
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
TITLES = TITLES | {
    "storm",
    "hurricane",
    "pope",
    "cardinal",
    "archbishop",
    "brother",
    "mother",
}  # "Storm Bram" is weather
_CASE_SENSITIVE_TITLES = frozenset(
    {
        "storm",
        "hurricane",
        "pc",
        "pcso",
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
        # the professionals who work with a school's children: "thank Grace, our speech and language therapist"
        "therapist",
        # the sea's grown-ups: "Tristan, the lifeguard at the leisure centre, says they are the keenest group"
        "lifeguard",
        "coastguard",
        # a boarding school's grown-ups: "Gareth and Nia, our Nelson houseparents"
        "houseparent",
        "houseparents",
        "housemaster",
        "housemistress",
        "matron",
        "fisherman",
        "harbourmaster",
        "physiotherapist",
        "physio",
        "psychologist",
        "counsellor",
        "optometrist",
        "audiologist",
        "treasurer",
        "author",
        "illustrator",
        "poet",
        "bard",
        "bardd",  # Welsh: "Elwyn Tudur, our local bardd, judged the Eisteddfod"
        "prifardd",
        "archdruid",
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
        "driver",
        "escort",
        "apprentice",
        "practitioner",
        "keyworker",
        "worker",
        "supervisor",
        "receptionist",
        "technician",
        "cleaner",
        "nurse",
        "farmer",
        "ranger",
    ]
)
# Capitalised words that are never a first name in a school post.
NON_NAMES = (
    frozenset(
        [
            # greetings: "Bonjour from Turing Class!", "Hi from Attenborough Class at Chester Zoo!"
            "hi",
            "hiya",
            "hey",
            "hello",
            "bonjour",
            "hola",
            "ciao",
            "namaste",
            "salaam",
            "shalom",
            "konnichiwa",
            "jambo",
            "hallo",
            "shwmae",
            "croeso",
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
            "saint",
            "st",
            "the",
            "our",
            "we",
            "you",
            "i",
        ]
    )
    | DAYS_AND_MONTHS
)  # the days and months are words before they are names
# Words after a name that make it part of a place or a thing, not a person.
PLACE_WORDS = frozenset(
    [
        "manor",
        "lodge",
        "grange",
        "towers",
        "high",
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
        # the land, as estates, schools and streets are named: "Calder Ridge's Young Enterprise team"
        "ridge",
        "vale",
        "dale",
        "moor",
        "moors",
        "fields",
        "meadow",
        "meadows",
        "grove",
        "rise",
        "terrace",
        "quay",
        "harbour",
        "pier",
        "downs",
        "estate",
        "marsh",
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
    r"da\s+iawn|llongyfarchiadau|pen[\s-]?blwydd\s+hapus|"  # Welsh: "Da iawn Eira for reading"
    r"maith\s+th[uú]|maith\s+sibh|comhghairdeas|"  # Irish: "Maith thú, Padraig!"
    r"step\s+forward|fair\s+play\s+to|big\s+up(?:\s+(?:to|2))?|"  # "new chess champion: step forward, Joey!"
    r"mazal\s+tov\s+(?:to\s+)?|mazel\s+tov\s+(?:to\s+)?|"
    r"happy\s+(?:\d+(?:st|nd|rd|th)\s+)?birthday|get\s+well\s+soon|good\s+luck|bravo|kudos|hats\s+off|"
    r"(?:sending|send|with)\s+(?:\w+\s+){0,3}?(?:love|wishes|hugs|thoughts|prayers)|best\s+wishes|"
    r"(?:good\s+luck|best\s+of\s+luck|well\s+done|congratulations)\s+(?:tomorrow|today|tonight|again|"
    r"this\s+(?:morning|afternoon|evening|weekend|week)|on\s+\w+)\s+to|"
    r"(?:star|super)\s*(?:writer|reader|speller|artist|mathematician|scientist|learner|helper)\s+(?:of\s+the|this)\s+"
    r"(?:week|term|month)\s*(?:is|was|goes\s+to|:)|"
    r"(?:congratulations|congrats|well\s+done)\s+to\s+(?:our\s+)?star\s+of\s+the\s+(?:week|day|month)|"
    r"(?:a\s+(?:big|warm|huge|very\s+warm)\s+)?welcome\s+(?:back\s+)?to\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:class|year\s*\d+|reception|nursery|school|family)|"
    r"thinking\s+of|full\s+marks|top\s+marks|(?<![a-z])here\s+is|(?<![a-z])here's|"
    r"(?:gold|silver|bronze|a\s+(?:gold|silver|bronze)\s+medal|a\s+medal|first\s+place|victory|glory)\s+for|pictured(?:\s+(?:here|above|below))?\s*(?:is|are|:)?|"
    r"(?:very\s+|so\s+|really\s+)?proud\s+of|"
    # "Reminder to Jude – your library books are still under the beanbag"
    r"(?:a\s+)?(?:(?:gentle|quick|friendly)\s+)?reminder\s+(?:for|to)|"
    r"(?:(?:star|pupil|student|reader|writer|learner|mathematician|scientist|artist|citizen|athlete|"
    r"superstar|champion|mathlete|speller|worker|helper|friend|achiever|hero|legend|author|historian|"
    r"geographer|musician|sportsperson|player|shooter|scorer|goalscorer|bowler|batter|batsman|fielder|swimmer|runner|"
    r"keeper|goalkeeper|defender|striker|[a-z]+(?:ist|ician|ete))\s+of\s+the\s+(?:week|day|month|term|match|"
    r"game|tournament|gala|season|festival)|"
    r"head\s+(?:girl|boy)|head\s+pupil|head\s+(?:altar\s+server|chorister|server)|captain|new\s+starter|new\s+pupil|winner|birthday\s+(?:boy|girl)|"
    r"new\s+(?:year\s*\d+\s+|reception\s+|nursery\s+)?(?:pupil|starter|classmate|arrival|girl|boy)|"
    r"(?:award|certificate|trophy|cup|prize|medal)s?|"
    # something done, and who did it: "amazing effort from Precious", "a stunning save by Wood"
    # (not "fieldwork from Hope and Castleton": a word's end)
    r"(?<![a-z])(?:effort|work|performance|job|display|contribution|reading|writing|speech|solo|"
    r"save|goal|try|tackle|catch|header|finish|shot|pass|innings|knock|(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bbe\s)run|"
    r"swim|dive|jump|throw|goalkeeping|"
    r"defending|bowling|batting|fielding|tackling|finishing|dribbling|running|swimming|singing|playing)s?"
    r"\s+(?:from|by))"
    r"(?:[^.!?]*?\b(?:is|was|goes\s+to|go\s+to|went\s+to|are|to)\b)?"
    r")\s*(?:to\s+|for\s+|goes\s+to\s+|is\s+|was\s+)?[:,\-–—!…]*\s*(?:our\s+(?:very\s+own\s+)?|the\s+(?=\w+\s+$))?"
    r"(?:(?:little|lovely|brilliant|amazing|wonderful|fantastic|fabulous|marvellous|super|superb|incredible|"
    r"one\s+and\s+only)\s+)?[:,\-–—!…]*\s*$",
    re.IGNORECASE,
)
# Phrases after a name (or a list of names) that make a child its subject.
_CHILD_VERBS = (
    r"won|wins|earned|earns|scored|scores|read|reads|topped|tops|represented|represents|achieved|achieves|"
    r"bagged|netted|notched|grabbed|"
    r"showed|shows|shown|performed|received|receives|gained|impressed|wrote|written|drew|drawn|"
    r"finished|completed|passed|helped|made|joined|joins|learnt|learned|learns|got|gets|beat|ran|swam|"
    r"sang|played|tried|worked|improved|behaved|managed|produced|created|built|designed|raised|"
    r"became|been\s+chosen|been\s+selected|been\s+picked|been\s+awarded|been\s+named|was\s+chosen|"
    r"was\s+selected|was\s+picked|was\s+awarded|was\s+named|came\s+(?:first|second|third|top)|"
    r"starts|started|turns|turned|celebrates|celebrated|lost|loses|settled|settling|struggled|"
    r"needs|forgot|remembered|brought|shared|presented|spoke|recited|danced|climbed|"
    r"completed|mastered|reached|broke|smashed|collected|took\s+(?:first|second|third|top|home|the)|did\s+(?:a|an|such\s+a)\s+(?:\w+\s+)?(?:job|effort)"
)
# Nouns for a person a child can be: "June has been our Kindness Champion".
_PERSON_NOUNS = (
    r"star|champion|champ|reader|writer|helper|hero|heroine|winner|captain|ambassador|leader|monitor|"
    r"prefect|superstar|mathematician|scientist|artist|author|poet|chef|baker|wizard|whizz|expert|"
    r"representative|rep|councillor|learner|citizen|friend|role\s+model|warrior|buddy|librarian|editor|"
    r"reporter|mediator|officer|steward|mentor|narrator|presenter|player|athlete|musician|singer|dancer|"
    r"shepherd|innkeeper|angel|king|queen|prince|princess|villain|pirate|chatterbox|giggler|kindness\s+champion|"
    r"fundraiser|seller|collector|achiever|attender|speller|scorer|runner|swimmer|goalkeeper|keeper|finalist"
)
_REMINDED = (
    r"^,?\s+(?:(?:pls|plz|please)\s+)?(?:don['’]?t\s+forget|dont\s+forget|do\s+not\s+forget|remember\s+(?:your|to)|"
    r"(?:rmbr|remeber)\s+(?:your|to)|you\s+(?:left|forgot))\b"
)
_POST_CUE = re.compile(
    r"^\s*(?:"
    r"(?:,\s*)?(?:and\s+(?:his|her|their)\s+\w+\s+)?(?:\(|in\s+|from\s+)"
    r"(?:year\s*\d+|yr\s*\d+|[yps]\d\b|reception|nursery|class\s+(?-i:[A-Z0-9])\w*|"
    r"[A-Z][\w'-]*\s+class|ks\s*\d|(?:breakfast|after[\s-]school|holiday|kids['’]?|homework|sports?)\s+club)"
    # (not a list of organisations: "mentors from Arup, the Co-op, Sheffield Hallam and the NHS")
    r"|,\s*(?:who|whose|our|the(?!\s+(?-i:[A-Z])(?!(?:Year|Class|Reception|Nursery|U\d)\b))|aged?)\b"
    # "Meet Hope and Favour, this week's P1 line leaders!"
    r"|,\s*this\s+(?:week|month|term|year)['’]s\s+(?:[\w-]+\s+){0,3}?(?:leaders?|monitors?|helpers?|stars?|winners?|champions?|captains?)\b"
    r"|\s*(?:is|was)\s+(?:player|star|man|woman|girl|boy)\s+of\s+the\s+(?:match|day|week|tournament|game)\b"
    # "Mo with the winner in the last minute!": a player and what they scored
    r"|\s+with\s+(?:the|a|another)\s+(?:late\s+|last[\s-]minute\s+)?(?:winner|equaliser|goal|try|save|assist|hat-trick|brace|wicket|catch)\b"
    # "Jay with the Player of the Month trophy!": a child and their prize, as a photo's caption
    r"|\s+with\s+(?:the|a|an|her|his)\s+(?:[\w'’-]+\s+){0,5}?(?:trophy|medal|cup|award|certificate|shield|rosette)\b"
    # one child and a prize of theirs: "Favour and her gold medal from the athletics final!"
    r"|\s+and\s+(?:his|her)\s+(?:\w+\s+)?(?:medal|medals|trophy|certificate|award|prize|rosette|cup|badge|shield)\b"
    # a reminder to one child: "Robin dont forget your reading book tmrw", "Sam, remember your PE kit"
    + r"|"
    + _REMINDED[1:]
    # "Jack F read the whole book": a first name and a surname's initial, as a class names a child
    + r"|\s+(?:(?-i:[A-Z])\.|(?-i:[B-HJ-Z])(?![\w.]|['’]s\b))(?!\s*(?-i:[A-Z])[a-z])"
    r"|who\s+(?:is|was|has|had|will|did|does|can|could|loves|always|never)\b"
    r"|(?:is|was|'s)\s+(?:the\s+)?(?:first|only|last|youngest|oldest)\s+(?:one\s+|child\s+|pupil\s+|person\s+)?"
    r"(?:to|in|of|who)\b"
    r"|(?:is|was|are|were|has\s+been|have\s+been|'s\s+been|became|becomes)\s+"
    r"(?:(?:definitely|definately|absolutely|truly|certainly|undoubtedly|easily|really|simply)\s+)?"
    r"(?:our|this\s+week's|this\s+term's|the\s+class's|"
    r"a|an|such\s+a|an\s+absolute|the)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:" + _PERSON_NOUNS + r"|buddies|heroes|princesses|chatterboxes)s?\b"
    # thanked for what they made: "thank you to Iris for designing the tour logo"
    r"|for\s+(?:designing|drawing|painting|writing|creating|composing|illustrating|baking|coding|making\s+(?:the|our))\b"
    # "Will has been on fire in the life skills kitchen", "Summer has been brilliant on the Wrens reading rota"
    r"|(?:has|have)\s+been\s+on\s+fire\b|(?:has|have)\s+been\s+in\s+charge\s+of\b"
    # "Chase is in charge of the map!": one child given a job on the trip
    r"|(?:is|was)\s+in\s+charge\s+of\s+(?:the|our)\s+(?:map|compass|tent|torch|register|kit|camera|snacks|fire|stopwatch|flag)\b"
    # "Amber cooked pan-fried sea bass ... and is through to the district final"
    r"|(?:cooked|baked|painted|sculpted|composed|knitted|sewed|coded|programmed)\s+(?:a|an|the|her|his|some|\w+[-\w]*)\b"
    r"|(?:is|are)\s+through\s+to\s+the\b"
    # "Lily was simply outstanding as Annie"
    r"|(?:was|is)\s+(?:simply\s+|absolutely\s+|just\s+)?(?:outstanding|brilliant|amazing|fantastic|superb|incredible|"
    r"wonderful|hilarious|magnificent|perfect)\s+as\s+(?-i:[A-Z])"
    # "Joy has been helping our new starters line up all week"
    r"|(?:has|have)\s+been\s+(?:busy\s+|so\s+)?(?:helping|practising|working\s+(?:so\s+)?hard|looking\s+after|reading\s+to|"
    r"teaching|coaching|showing|topping\s+up)\b"
    r"|(?:has|have)\s+been\s+(?:absolutely\s+|so\s+|really\s+)?(?:brilliant|amazing|fantastic|superb|wonderful|"
    r"excellent|outstanding|incredible)\s+(?:on|at|in|with|helping)\b"
    r"|(?:was|has\s+been)\s+(?:crowned|voted|elected)\b"
    # "Tayo was on fire from the three-point line tonight"
    r"|(?:was|is|has\s+been)\s+on\s+fire\b"
    # a child on a residential, asleep or not: "Tom was snoring before lights out!"
    r"|(?:was|is)\s+(?:still\s+|already\s+|fast\s+|first\s+)?(?:snoring|asleep|sleepwalking|homesick|sleep[\s-]?talking)\b"
    r"|(?:has|have)\s+been\s+(?:a|an|such\s+a|so|really|incredibly|very)\s+(?:\w+\s+)?"
    r"(?:superstar|star|champion|hero|role\s+model|helper|kind|helpful|brave|hard[\s-]working|polite|"
    r"focused|resilient|determined|sensible|thoughtful|caring|responsible)\b"
    r"|(?:and\s+(?:his|her|their)\s+\w+\s+(?:\w+\s+){0,2})?(?:who\s+)?(?:has\s+|have\s+|had\s+|is\s+|was\s+|were\s+|will\s+)?"
    r"(?:been\s+|just\s+|really\s+|also\s+|finally\s+|now\s+|already\s+|definitely\s+|definately\s+|absolutely\s+|"
    r"truly\s+|certainly\s+|undoubtedly\s+|easily\s+)*(?:much\s+|so\s+|very\s+)?(?:better\s+)?"
    r"(?:" + _CHILD_VERBS + r")\b"
    # "with Robin as the loudest angel you have ever heard": a child playing a part
    r"|\s+as\s+(?:the|a|an|our)\s+(?:[\w-]+\s+){0,3}?(?:angel|shepherd|king|queen|narrator|innkeeper|donkey|"
    r"sheep|star|lead|wolf|prince|princess|witch|giant|villain|fairy|elf|santa|snowman|mary|joseph|wise\s+man|"
    r"captain|pirate|genie|dame|character)\b"
    r"|'s\s+(?:[\w-]+\s+){0,4}?(?:mum|dad|family|parents|birthday|work|writing|painting|drawing|poem|"
    r"story|model|project|artwork|picture|sculpture|invention|design|costume|certificate|award|trophy|medal|"
    r"performance|handwriting|homework|reading|efforts|first|tooth|achievement|success|entry|photo|distinction|"
    r"merit|grades?|results?|audition|offer|debut|record)\b"
    # a photo's caption, the child holding what they won: "Will and Hope with the Junior Latin Prize"
    r"|\s+(?:holding\s+|with\s+)(?:(?:her|his|their)\s+(?:[\w-]+\s+){0,3}?(?:certificates?|awards?|troph(?:y|ies)|"
    r"medals?|prizes?|cups?|shields?|rosettes?|badges?)\b|the\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?-i:Prize|Award|Trophy|Cup|Shield|Medal|Plate|Quaich|Salver)\b)"
    r")",
    re.IGNORECASE,
)
_A_CRY = re.compile(
    r"\s*(?:omg|wow|oh|ooh|yes|yay|woo+|go\s+on|come\s+on|hey|aw+|oh\s+my)\s*[,!]*\s*", re.IGNORECASE
)
_STRONG_POST = re.compile(r"^(?:,\s*)?(?:and\s+(?:his|her|their)\s+\w+\s+)?(?:\(|in\s|from\s)", re.IGNORECASE)
_VOCATIVE = re.compile(
    r"^\s*,\s*(?:don't|do\s+not|remember|please|you|your|well\s+done|thank|great|(?:just\s+)?a\s+(?:quick\s+|gentle\s+)?reminder|"
    r"fantastic|brilliant|amazing|what\s+a|congrat|happy|keep|we)"
    # "sonny u absolute legend": a child addressed without a comma, as phones type it
    r"|^\s+(?:u|you)\s+(?:absolute\s+|total\s+|little\s+|are\s+(?:a|an|such\s+a)\s+|r\s+(?:a|an)\s+)?"
    r"(?:legend|star|superstar|hero|champ|champion|genius|rockstar|gem|diamond|smashed\s+it|did\s+it)\b",
    re.IGNORECASE,
)
# After a word-name's "'s", words that make it "is": "Summer's on its way!", "Spring's here".
_IS_NOT_OWNS = re.compile(
    r"^(?:['’]s)?\s+(?:on\s+its\s+way|here|coming|arrived|nearly|almost|over|back|finally|been|gone|going|just|really|"
    r"such|not|never|always|upon\s+us|in\s+the\s+air)\b",
    re.IGNORECASE,
)
_INTERJECTIONS = frozenset(
    ["goodness", "gosh", "heavens", "mercy", "glory", "golly", "wow", "crikey", "blimey", "joy", "bliss"]
)
_ADULT_ROLE_WORDS = "|".join(sorted(ADULT_ROLES))
# A post about a grown-up or a story: a role, a title, staff, the PTA, a retirement, a year long past, a book
# ("Sue ran her first marathon, well done to our office manager!", "Julia wrote her first book in 1999",
# "Bernie is putting the rota together ... her mobile is", "The Smartest Giant in Town by Julia Donaldson
# ... George gave away every bit of his new outfit").
_GROWN_UP_IN_POST = re.compile(
    rf"\b(?:{_ADULT_ROLE_WORDS}|staff|colleague|colleagues|retire|retires|retiring|retired|retirement|office|"
    r"mr|mrs|miss|ms|mx|dr|husband|wife|baby|maternity|wedding|married|career|(?:in|since)\s+(?:19|20)\d\d|"
    r"pta|pfa|ptfa|mobile|phone|rota|helpers|book|books|story|stories|novel|poem|film|play|character|characters|"
    r"read|reading|author|re-?enactors?|historians?|experts?|visit\s+from)\b|\bby\s+(?-i:[A-Z])\w+\s+(?-i:[A-Z])\w+",
    re.IGNORECASE,
)
_GROWN_UP_IN_POST = at_word_starts(_GROWN_UP_IN_POST)  # the same matches, tried only where a word starts
_ADULT_AFTER = re.compile(
    # (the first of two names the role follows: "Jackie and Amir, our Friday reading volunteers")
    rf"^\s*(?:(?:and|&)\s+(?-i:[A-Z])[a-z]+\s*(?=,\s*(?:our|the)\s+(?:[\w-]+\s+){{0,2}}?(?:{_ADULT_ROLE_WORDS})s?\b))?"
    rf"(?:,\s*)?\(?\s*(?:our|the|a|who\s+is\s+(?:our|a|the))\s+"
    # (not a young people's role: "Kerry Stokes, our new Young Leader for sport")
    r"(?!(?:new\s+)?(?:young|junior|pupil|student|playground|sports?|eco|digital|reading)\s+(?:sports\s+)?"
    r"(?:leader|ambassador|champion|councillor|helper|mentor)s?\b)"
    # (not a year group's: "Tamar Goldberg, our Year 6 speaker at the leavers' service")
    r"(?!(?:year|yr)\s*\d|y\d|p\d|reception\b|nursery\b|ks\d)"
    rf"(?:[\w-]+\s+){{0,2}}?(?:{_ADULT_ROLE_WORDS})\b(?!['’]s)"
    r"(?!\s+(?:boy|girl|pupil|prefect|student)s?\b)"  # "Marcus Gold, our new Head Boy": a pupil
    r"(?!\s+of\s+the\s+(?:week|month|term|year|day|match))"
    # a professional no pupil is, however long the title: "Grace, our speech and language therapist"
    r"|^\s*,\s*(?:our|the|a)\s+(?:[\w-]+\s+){0,4}?(?:therapist|physiotherapist|psychologist|counsellor|"
    r"audiologist|optometrist|dinner\s+lad(?:y|ies)|lollipop\s+(?:lady|man)|(?:lunchtime|midday)\s+supervisor)\b"
    # "Sue, our PTA raffle organiser": the parents' association is grown-ups
    r"|^\s*,\s*(?:our|the|a)\s+(?:[\w-]+\s+){0,2}?(?:pta|pfa|ptfa|friends['’]?)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:organiser|organizer|chair|chairperson|treasurer|secretary|volunteer|member|coordinator|lead|president)\b"
    r"|^\s*and\s+(?:the|our)\s+(?:\w+\s+)?(?:kitchen|office|catering|cleaning|site|admin|"
    r"pta|friends|governors|staff|teachers|volunteers|parents)\b"
    r"|^\s*,\s*who\s+(?:lives|works|runs(?!\s+(?:(?:for|in|at)\b|(?:the|a|an)\s+(?:\d|(?:[\w-]+\s+)?(?:race|relay|leg|mile|marathon)\b)|\d))|owns|volunteers|drives|retired|retires)\b"
    # "Kelly, who joins the Toddler Room as a key worker": a new member of staff
    r"|^\s*,\s*who\s+(?:joins|joined|has\s+joined|is\s+joining|will\s+be\s+joining)\s+[^.!?]{0,40}?\bas\s+(?:a|an|our|the)\s+"
    r"(?:new\s+)?(?:[\w-]+\s+){0,2}?(?:worker|keyworker|teacher|assistant|practitioner|apprentice|cook|caretaker|"
    r"administrator|manager|lead|leader|governor|volunteer|nurse|chef|tutor|coach|instructor|officer|ta|hlta)\b"
    # an old pupil by house and leaving year: "email Jim (Drake, 1988)", "Sarah (class of 2009)"
    r"|^\s*\(\s*(?:(?-i:[A-Z])[\w'’-]+\s*,?\s*)?(?:class\s+of\s+|left\s+(?:in\s+)?|OB\s+|OG\s+)?(?:19\d\d|20[0-2]\d)\s*\)"
    # "Our ex-pupil Jade Morris, now a paramedic,": grown up
    r"|^\s*,\s*(?:now|these\s+days)\s+(?:a|an)\s+(?!(?:year|pupil|student|member)\b)\w+"
    # a parent, by the child's year: "please call Jo (Year 13 parent)", "Sam (Reception mum)"
    r"|^\s*\(\s*(?:(?:year|yr|y)\s*\d+|reception|nursery|class\s+\w+|[\w'’-]+(?:\s+class)?)?\s*(?:parent|mum|dad|carer|"
    r"grandparent|grandma|grandad|nan|governor|volunteer)s?\s*\)",
    re.IGNORECASE,
)
_FOR_OUR_TEAM = re.compile(
    r"(?:\s*\([^)]{0,30}\))?\s+(?:scored|won|ran|swam|played|took|kept|hit|bowled|made)\b[^.!?]{0,40}?\bfor\s+our\s+"
    r"(?:year\s*\d+|y\d+|u\d+|under|school|first|1st|2nd|girls|boys|team|squad)"
    # "A-level results: Isaac Newton is off to read Physics at Cambridge"
    r"|\s+(?:is|are)\s+off\s+to\s+(?:read|study)\b|\s+(?:got|gets|achieved)\s+(?:straight\s+|[A*\d]{2,})",
    re.IGNORECASE,
)
# A reader and what they read: "Lyra has been reading Northern Lights".
_READS = re.compile(
    r"\s+(?:has\s+been\s+|is\s+|was\s+|had\s+|has\s+)?(?:reading|read|reads|finished|reviewed|recommended|"
    r"recommending)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_COLOURS = frozenset(
    [
        "red",
        "scarlet",
        "scarlett",
        "crimson",
        "ruby",
        "amber",
        "gold",
        "golden",
        "green",
        "jade",
        "olive",
        "emerald",
        "blue",
        "indigo",
        "violet",
        "purple",
        "pink",
        "rose",
        "orange",
        "yellow",
        "brown",
        "hazel",
        "grey",
        "silver",
        "white",
        "black",
        "copper",
        "bronze",
    ]
)
# Pets and farm animals given names before the name: "Our new chickens have names! Starfish Class voted for Ruby"
_ANIMALS_NAMED = re.compile(
    r"\b(?:chickens|hens|chicks|ducks|ducklings|guinea\s+pigs|rabbits|bunnies|fish|tortoises?|pets?|puppy|puppies|"
    r"kittens?|lambs|goats|alpacas|hamsters?|stick\s+insects|snails|caterpillars|butterflies)\b[^.!?]{0,40}\b(?:names?|named|"
    r"called)\b[^.!?]{0,10}[.!?:]?\s*(?:[^.!?]{0,40}\b(?:voted\s+for|chose|picked|went\s+for|are|is)\s+)?"
    r"(?:(?-i:[A-Z])\w+\s*(?:,|and|&)\s*)*$"
    # named beside them: "Our class guinea pigs, Biscuit and Hazel, are going home with"
    r"|\b(?:chickens|hens|chicks|ducks|ducklings|guinea\s+pigs|rabbits|bunnies|tortoises|puppies|kittens|lambs|goats|"
    r"alpacas|hamsters|gerbils|ponies|donkeys|pigs)\s*[,:(]\s*(?:(?-i:[A-Z])\w+\s*(?:,|and|&)\s*)*$"
)
# Football clubs, which a shirt day or a match names beside another ("Chelsea or Arsenal?").
_CLUBS = frozenset(
    [
        "arsenal",
        "chelsea",
        "liverpool",
        "everton",
        "tottenham",
        "spurs",
        "villa",
        "newcastle",
        "leeds",
        "wolves",
        "brighton",
        "fulham",
        "brentford",
        "burnley",
        "sunderland",
        "celtic",
        "rangers",
        "barcelona",
        "madrid",
        "juventus",
        "bayern",
        "palace",
        "forest",
        "southampton",
        "leicester",
        "millwall",
        "charlton",
        "watford",
        "norwich",
        "ipswich",
        "sheffield",
        "stoke",
        "wrexham",
        "cardiff",
        "swansea",
        "hibs",
        "hearts",
        "aberdeen",
    ]
)
_NUMBER_WORDS = frozenset(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
)
_CLUB_AFTER = re.compile(r"\s+(?:(?:or|and|v|vs\.?|versus)|\d{1,2}\s*[-–]\s*\d{1,2})\s+((?-i:[A-Z])\w+)")
_CLUB_BEFORE = re.compile(r"((?-i:[A-Z])\w+)\s+(?:or|and|v|vs\.?|versus)\s+$")


def _beside_a_club(post: str, before: str) -> bool:
    """A name beside a football club, or a score between them: "Chelsea or Arsenal?", "Chelsea 2-1 Liverpool"."""
    return any(
        c is not None and fold(c.group(1)) in _CLUBS
        for c in (_CLUB_AFTER.match(post), _CLUB_BEFORE.search(before))
    )


# Shows named after their lead, which a school trip goes to see ("seeing Matilda on the Tuesday night").
_SHOWS = frozenset(
    ["matilda", "oliver", "annie", "hamilton", "wicked", "cats", "grease", "aladdin", "frozen", "mary"]
)
_MONTH_NAMES = frozenset({"april", "may", "june", "july", "august", "sunday", "tuesday", "jan"})  # and days
# After a day's or a month's possessive, an event of that day: "Sunday's family egg hunt".
_EVENT_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:hunt|fair|fete|assembly|match|service|trip|concert|disco|party|event|"
    r"meeting|lesson|menu|dinner|lunch|newsletter|holiday|weather|celebration|festival|sale|show|parade|walk|"
    r"race|game|fixture|performance|workshop|club|mass|picnic)s?\b",
    re.IGNORECASE,
)
_TIMES_OF_YEAR = _MONTH_NAMES | {"summer", "autumn", "winter", "spring", "easter", "christmas", "noel"}
# "Thursday 4th June", "June 5th", "in June": a month in a date.
_IN_A_DATE = re.compile(
    r"(?:\d(?:st|nd|rd|th)?\s+(?:of\s+)?|\b(?:in|of|since|until|till|during|early|late|mid|by|from|through|this|next|last)"
    r"\s+|\b(?:on|every|each)\s+)[A-Z][a-z]+$|^[A-Z][a-z]+\s+(?:\d|lunch|dinner|roast|school|service|mass|"
    r"morning|afternoon|evening|night|club|brunch|showers|flowers|sunshine|blossom|half|bank|holidays?|fair|fayre|"
    r"festival|term)",
)
# After a word, a class or year group that makes it a child's name: "Ayaan in Year 3".
_STRONG_CHILD_AFTER = re.compile(
    r"^(?:'s)?\s*(?:,\s*)?(?:\(|in\s+|from\s+)(?:[Yy]ear\s*\d|[Yy]r\s*\d|Y\d\b|[Rr]eception\b|[Nn]ursery\b|"
    r"\d{1,2}[A-Z]{1,3}\b|[Pp]\d\b|(?:[7-9]|1[0-3])\s+[A-Z][a-z]+\b|"  # "Destiny in 10 Orwell"
    r"[Cc]lass\s+[A-Z]|[A-Z][\w'-]*\s+[Cc]lass\b)"
    # "Zorba, our new Year 3 pupil,", "Llew, our newest Reception starter,": a child by what follows the name
    r"|^\s*,\s*(?:our|a|the)\s+(?:(?:new|newest|youngest|oldest|little|brilliant|amazing|wonderful|fantastic)\s+)*"
    r"(?:[Yy]ear\s*\d{1,2}|[Yy]r\s*\d{1,2}|Y\d{1,2}\b|[Rr]eception|[Nn]ursery|P[1-7]\b|S[1-6]\b)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:pupil|student|starter|girl|boy|learner|newcomer|joiner|arrival|scholar)\b(?!s)"
)
# Figures of the faiths' stories, which are also children's names: read as the figure in a sentence
# about a festival, a holy book or a story ("learnt how Lakshmi is welcomed", "Maryam in the Qur'an").
_FAITH_FIGURES = frozenset(
    [
        "lakshmi",
        "rama",
        "sita",
        "krishna",
        "ganesh",
        "shiva",
        "vishnu",
        "durga",
        "hanuman",
        "parvati",
        "radha",
        "arjun",
        "guru",
        "nanak",
        "gobind",
        "muhammad",
        "ibrahim",
        "musa",
        "isa",
        "maryam",
        "yusuf",
        "nuh",
        "adam",
        "hawa",
        "mary",
        "joseph",
        "jesus",
        "moses",
        "abraham",
        "noah",
        "david",
        "solomon",
        "esther",
        "ruth",
        "daniel",
        "jonah",
        "elijah",
        "gabriel",
        "michael",
        "buddha",
        "siddhartha",
        "isaac",
        "jacob",
        "sarah",
        "miriam",
        "aaron",
        "joshua",
        "samuel",
        "peter",
        "paul",
        "andrew",
        "matthew",
        "luke",
        "thomas",
        "stephen",
        "francis",
        "patrick",
        "bernadette",
        "anthony",
        "benedict",
        "ismail",
        "yaqub",
        "dawud",
        "yunus",
        "hajar",
        "khadijah",
    ]
)
_FAITH_STORY = re.compile(
    r"\b(?:bible|qur'?an|koran|torah|gospel|prophet|god|goddess|guru|festival|diwali|eid|ramadan|vaisakhi|"
    r"hanukkah|easter|christmas|nativity|story|stories|worship|prayer|temple|mosque|gurdwara|church|synagogue|"
    r"welcomed|born\s+in\s+a\s+stable|angel|RE|feast|saints?|apostles?|disciples?|ark|jesus|psalms?|parable|"
    r"lord|holy|mass|sacrament|pilgrim|pilgrimage|prophets?)\b",
    re.IGNORECASE,
)
# "our persona doll Precious", "the class hamster, Jasper,": not a child.
_THING_BEFORE_NAME = re.compile(
    r"\b(?:doll|puppet|teddy|toy|mascot|pet|dog|puppy|cat|kitten|hamster|rabbit|bunny|guinea\s+pig|tortoise|"
    r"goldfish|fish|chicken|hen|goat|owl|bear|pony|horse|lamb|robot|cub|calf|foal|chick|duckling|piglet|"
    r"donkey|alpaca|llama|snake|lizard|gecko|stick\s+insect|snail|giraffe|penguin|tiger|lion|elephant|comforter|"
    r"boat|yacht|gig|ship|tractor|engine|rocket|kite|"
    r"blankie|cuddly\s+toy|soft\s+toy)"
    # "a pink rabbit comforter called Mabel"
    r"(?:(?:\s+[\w-]+)?\s+(?:called|named))?\s*,?\s+$"
    # "have named their new lion cub Leo": an animal or a thing given a name
    r"|\b(?:named|called|name|call)\s+(?:(?:their|our|the|a|his|her|its|this|my)\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:cub|calf|foal|chick|puppy|kitten|lamb|piglet|baby|pet|doll|teddy|mascot|boat|robot|tree|plant|star|"
    r"snail|tortoise|rabbit|hamster|goldfish|fish|bear|snowman|scarecrow|dragon|monster)\s+$",
    re.IGNORECASE,
)
_AWARD_LEVELS = frozenset(["bronze", "silver", "gold", "platinum", "diamond"])
_AWARD_WORDS = re.compile(
    r"\b(?:awards?|certificates?|badges?|levels?|stages?|bands?|medals?|readers?|reading|swimming|"
    r"duke\s+of\s+edinburgh|DofE|arts\s+mark|eco-schools)\b",
    re.IGNORECASE,
)
_BABY_BEFORE = re.compile(
    r"\b(?:baby|newborn)(?:\s+(?:boy|girl|son|daughter|brother|sister))?\s*,?\s*$", re.IGNORECASE
)
_TITLED_ADULT = re.compile(r"\b(?:Mr|Mrs|Miss|Ms|Mx|Dr)\.?\s+[A-Z]")
_PLAYED_AFTER = re.compile(
    r"^\s+(?:was|is|were|will\s+be)\s+(?:being\s+)?(?:played|performed|portrayed|acted)\b"
)
_READING_A_BOOK = re.compile(
    r"\b(?:reading|read|reads|listening\s+to|studying|sharing|enjoying|loving)\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]*"
    r"(?:\s+(?-i:[A-Z])[\w'’-]*){0,4}\s+by\s+(?-i:[A-Z])"
    # "Falcons have started The Lightning Thief"
    r"|\b(?:started|finished|began|begun|reading|read|enjoying|loving)\s+(?:reading\s+)?(?-i:The|A)\s+(?-i:[A-Z])\w+"
    r"(?:\s+(?-i:[A-Z])\w+){0,3}",
    re.IGNORECASE,
)
_NICKNAMED_AFTER = re.compile(
    r"\b(?:budding|future|mini|little|next|young|resident|very\s+own|our\s+own|a\s+real|a\s+proper|the\s+next)\s+$",
    re.IGNORECASE,
)


_LESSON_ABOUT = re.compile(
    r"(?:\b(?:writing|learning|reading|talking|finding\s+out|researching|studying|wrote|learnt|learned|read)\s+"
    r"(?:all\s+)?about|\b(?:researching|researched|studying|studied|investigating|investigated))\s+"
    # the rest of a list of figures: "researching Bobby Moore, Marcus Rashford and Florence Nightingale"
    r"(?:(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,2}\s*(?:,\s*|\s+and\s+|\s*&\s*))*$",
    re.IGNORECASE,
)
# A character or a visitor in a part: "Marcus the legionary", "an Elvis impersonator on the tombola".
_IN_A_PART_AFTER = re.compile(
    r"^\s+(?:the\s+(?!(?:year|class|reception|nursery)\b)(?-i:[a-z][a-z-]+)(?:\s+(?-i:[a-z][a-z-]+))?\s+"
    r"(?:let|showed|told|taught|came|visited|arrived|brought|helped|gave|was|is|has|had|joined|led|made)\b"
    r"|(?:impersonator|lookalike|look-alike|tribute|impression)s?\b)",
    re.IGNORECASE,
)
_PLACE_NOUN_AFTER = re.compile(
    r"^\s+(?:station|village|road|street|lane|avenue|park|farm|church|bridge|valley|common|square|estate|"
    r"library|wood|woods|lake|beach|bay|harbour|castle|hall|green)\b"
)
_ANIMAL_NEXT = re.compile(
    r"^[^.!?]{0,80}[.!?]+\s+(?:she|he|it)\s+(?:is|was|['’]s)\s+(?:a|an|our)\s+(?:[\w-]+\s+){0,3}?(?:tortoise|hamster|"
    r"rabbit|guinea\s+pig|fish|goldfish|dog|puppy|cat|kitten|chicken|hen|duck|lamb|goat|pony|horse|snail|stick\s+insect|"
    r"gerbil|mouse|rat|lizard|snake|gecko|parrot|budgie|bear|teddy|puppet|doll|toy|robot|owl|alpaca)\b",
    re.IGNORECASE,
)
_ROLE_COMMA_BEFORE = re.compile(
    r"\b(?:driver|lollipop\s+(?:lady|man)|caretaker|cook|chef|instructor|coach|ranger|guide|farmer|"
    r"volunteer|governor|visitor|speaker|author|nurse|photographer|vicar|priest|teacher|tutor)\s*,\s*$",
    re.IGNORECASE,
)
_OF_THE_AWARD = re.compile(r"^\s+of\s+the\s+(?:week|month|term|year|day|match|season)\b", re.IGNORECASE)
_SEASON_COMES = re.compile(
    r"^\s+(?:has|is|'s)\s+(?:finally\s+|officially\s+|definitely\s+|really\s+)?(?:arrived|here|coming|upon\s+us|"
    r"on\s+its\s+way|in\s+the\s+air|over|nearly\s+here)\b",
    re.IGNORECASE,
)
# What a photo's caption shows a child doing: "Robin crossing the finish line to win the sprint!"
_CAPTION_VERBS = (
    r"(?:crossing\s+the\s+(?:finish\s+)?line|winning\s+(?:the|a|her|his)|receiving\s+(?:the|a|her|his)|"
    r"collecting\s+(?:the|a|her|his)\s+(?:award|trophy|medal|certificate|prize|cup)|"
    # a photo's caption of what a child is doing: "Clover meeting a Jersey calf", "Hope proudly showing off"
    r"(?:proudly\s+|happily\s+|carefully\s+)?(?:meeting|feeding|cuddling|stroking|hugging|greeting|smiling|giggling|"
    r"grinning|posing|concentrating|enjoying|showing\s+off)\b)"
)
# "a hat-trick from King", "a save by Young": what was done, and by whom (not a place)
_SCORED_BY = re.compile(
    r"\b(?:goals?|saves?|tries|try|hat-tricks?|braces?|penalty|penalties|strikes?|headers?|wickets?|runs|catch|"
    r"finish|assists?|winners?|equaliser|points|baskets?|buzzer-beaters?|three-pointers?|dunks?|rebounds?|"
    r"free[\s-]kicks?|corners?|volleys?|shots?|conversions?|drop[\s-]goals?|chips?|lobs?)\s+"
    r"(?:of\s+the\s+\w+\s+(?:contenders?\s+)?|"
    # "Two goals in the last five minutes from Beach"
    r"in\s+the\s+(?:last|first|final|opening|closing|dying)\s+(?:[\w-]+\s+){0,2}?(?:minutes?|seconds?|half|quarter|over|overs)\s+)?"
    r"(?:from|by)\s+$",
    re.IGNORECASE,
)
_HE_SHE_NEXT = re.compile(r"^[^.!?]{0,100}[.!?]+\s+(?:she|he)\b", re.IGNORECASE)
_CAPTION_DID = re.compile(r"^\s+" + _CAPTION_VERBS + r"\b", re.IGNORECASE)
_GROUP_NAME_AFTER = re.compile(
    r"^\s+(?:(?:reading|maths|phonics|spelling|guided|table|writing)\s+)?(?:groups?|tables?|bands?|sets?|teams?|houses?)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=64)
def _post_has(pattern: re.Pattern[str], norm: str) -> bool:
    """Whether a whole-post pattern occurs: asked once a post, however many names it has (linear)."""
    return pattern.search(norm) is not None


_TITLE_OF_A_SHOW = re.compile(
    r"\b(?:(?:archbishop|bishop|duke|duchess|earl|dean|archdeacon|lord\s+mayor|mayor|mp|member|university|"
    r"diocese|city|county|borough)\s+of\s+$)|"  # "The Bishop of Clifton has written"
    r"\b(?:book|gospel|letter|epistle|song|story|tale|legend|parable|psalms?|prayer)\s+of\s+$|"  # "the Book of Ruth"
    r"\b(?:production|performance|version|staging|adaptation|musical|pantomime|panto|showing|screening|"
    r"rehearsals?|songs?|soundtrack)\s+of\s+$|"
    # "Our Year 6 leavers' show, Oliver!, had a packed hall on its feet"
    r"\b(?:show|production|musical|play|pantomime|panto|performance)\s*[,:]\s*$",
    re.IGNORECASE,
)
_ADULT_BEFORE = re.compile(
    r"\b(?:lollipop|dinner|crossing|cleaning|kitchen|office|catering)\s+(?:lady|man|woman|assistant)\s*,?\s+$"
    r"|\b(?:lunchtime|midday|breakfast\s+club|dinner)\s+(?:helper|supervisor|assistant|lady|organiser)\s*,?\s+$"
    # "our parent helper Mel has spare wellies", "class volunteer Jan"
    r"|\b(?:parent|class|reading|school|trip|governor|community)\s+(?:helper|volunteer|rep|representative)\s*,?\s+$"
    # "Our guide Gareth worked underground for 22 years": a visit's grown-up, by their job
    r"|\b(?:our|the|their|your)\s+(?:tour\s+|mine\s+|museum\s+|park\s+|forest\s+school\s+)?(?:guide|ranger|"
    r"instructor|driver|coach\s+driver|bus\s+driver|farmer|keeper|zookeeper|curator|warden|leader|host)\s*,?\s+$"
    # a player by their trade: "thank you to jazz saxophonist Marcus Reed for a brilliant masterclass"
    r"|\b(?:jazz|classical|professional|concert|session|award-winning|international|folk|visiting|local|"
    r"world-class|renowned)\s+(?:[\w-]+\s+)?(?:saxophonist|pianist|violinist|cellist|guitarist|drummer|trumpeter|"
    r"organist|harpist|flautist|conductor|soprano|mezzo-soprano|tenor|baritone|bass-baritone|percussionist|"
    r"clarinettist|oboist|bassist|trombonist)\s*,?\s+$",
    re.IGNORECASE,
)
# "Zain's Lego model", "Ava's Tudor costume": something a child made, though a capital follows.
_MADE_THING = re.compile(
    r"^(?:\s+[A-Z][\w'-]*)?(?:\s+(?-i:[a-z])[\w-]*){0,2}?\s+(?:model|painting|drawing|picture|project|artwork|sculpture|design|invention|"
    r"costume|certificate|award|homework|creation|collage|portrait|poster|diorama|display|mosaic|mask|mural|"
    r"pot|vase|quilt|weaving|tile|sculpture|story|poem|castle|rocket|robot|volcano)s?\b"
)
# A verb after a name, and a "she"/"he" later in the sentence that can only be that person.
_DID_WITH_PRONOUN = re.compile(
    r"^\s+(?:(?:was|is|has|had|just|really|finally|also|always|never|absolutely|totally|simply|brilliantly|"
    r"beautifully)\s+)*(?:(?-i:[a-z]+ed)|(?-i:[a-z]+ly\s+[a-z]+ing)|"
    + IRREGULAR_PAST
    + r"|was|is|has|had|says|reckons|thinks|will\s+be|(?:can|could|should|would|might)\s+(?:now\s+)?[a-z]+)\b",
    re.IGNORECASE,
)
# Where a school day happens: "Kit came to school dressed as a Roman soldier".
_SCHOOL_DAY = re.compile(
    r"\b(?:to|at|in|after|before)\s+(?:school|class|assembly|playtime|lunchtime|break\s*time|the\s+classroom)\b",
    re.IGNORECASE,
)
# Words that open a sentence before a name without being part of it ("Hopefully Summer will ...").
_OPENING_WORDS = frozenset(
    [
        "hopefully",
        "sadly",
        "today",
        "tomorrow",
        "yesterday",
        "finally",
        "luckily",
        "happily",
        "unfortunately",
        "fortunately",
        "thankfully",
        "now",
        "well",
        "so",
        "and",
        "but",
        "also",
        "meanwhile",
        "incredibly",
        "amazingly",
        "then",
        "later",
        "earlier",
        "tonight",
        "sometimes",
    ]
)


def _capital_before(pre: str, sentence_start: bool) -> bool:
    """A capitalised word just before a name ("Flat Stanley"), not an opening word of the sentence."""
    cap = re.search(r"([A-Z][\w'-]*)\s+$", pre)
    if cap is None:
        return False
    opens = sentence_start and not pre[: cap.start()].strip()
    return not (opens and fold(cap.group(1)) in _OPENING_WORDS)


_CLASS_NAMED = re.compile(r"\b(?:in|from|to|with)\s+(?P<name>[A-Z][\w'’-]*)")


def _names_a_class(post: str, classes: frozenset[str] | set[str]) -> bool:
    """Whether the words name one of the school's classes ("the neatest handwriting in Tigers")."""
    return bool(classes) and any(fold(m.group("name")) in classes for m in _CLASS_NAMED.finditer(post))


# "Amber spotted a mistake ...": a verb in the past with what was done after it.
_KIND_DEED = re.compile(
    r"^\s+(?:stayed\s+(?:behind|late)|volunteered\s+to|offered\s+to|helped\s+(?:out|to))\b"
)
# Of what _PERSON_DID reads, what only a child could have done, never a season or a month ("Summer counted to 100").
_ONLY_A_CHILD_DID = re.compile(
    r"^\s+(?:(?:just|finally|also|even|proudly|carefully|bravely)\s+)?(?:counted|spelled|spelt|answered|asked|told|"
    r"recited|read|wrote|scored|sang|danced|swam|climbed|kicked|baked|cooked|said|says|wondered|reckons|thinks|"
    r"hugged|cuddled|stroked|tied|zipped|practised|learnt|learned|presented|performed)\b",
    re.IGNORECASE,
)
_PERSON_DID = re.compile(
    r"^\s+(?:(?:just|finally|also|even|proudly|carefully|bravely|absolutely|totally|simply|brilliantly|beautifully)\s+)?"
    r"(?:held|hugged|fed|read|wrote|drew|painted|nailed|aced|conducted|composed|"
    r"baked|cooked|scored|built|sang|danced|swam|climbed|caught|kicked|counted|spelled|spelt|answered|asked|"
    r"told|helped|shared|recited|performed|presented|learnt|learned|practised|tied|zipped|cuddled|stroked|laid|"
    r"carried|lit|rang|unveiled|opened|planted|switched|led|captained|chaired|proposed|opposed|refereed|umpired|"
    r"coxed|steered|anchored|compered|narrated)\s+(?:a|an|the|her|his|their|every|all|it|us|our|\d)\b"
    # a question or a saying reported: "Faith asked where ideas come from", "Sonny says they'll be sunny yellow"
    r"|^\s+(?:(?:just|then|also|even)\s+)?(?:asked|wondered|wonders|asks)\s+(?:where|what|why|how|who|whether|if|when)\b"
    r"|^\s+(?:says|said|thinks|reckons)\s+(?:that\s+)?(?:they|it|he|she|we|i|you|there|this)(?:['’](?:ll|s|re|d|ve|m))?\b"
    # a first word: "Sonny even said 'duck' for the first time"
    r"|^\s+(?:(?:just|finally|also|even)\s+)?(?:said|says|shouted|whispered|sang|spelt|spelled|read)\s+['‘\"“]"
    # a morning spent at what children do: "Willow spent the whole of forest school carefully building a fairy house"
    r"|^\s+spent\s+(?:the\s+whole\s+of\s+|all\s+(?:of\s+)?|most\s+of\s+)?(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:(?:carefully|happily|busily|quietly)\s+)?(?:building|making|reading|writing|drawing|painting|playing|"
    r"digging|practising|helping|learning|colouring|counting|baking)\b"
    # "Lucky taught Blackman Class how to write", "Storm had a brilliant first training session with the county
    # squad", "River has been brilliant as our new school councillor", "Sunday stayed behind to help"
    r"|^\s+(?:taught|showed|coached|interviewed|introduced)\s+(?:(?-i:[A-Z])|us\b|everyone\b|the\s+whole\b)"
    r"|^\s+had\s+(?:a|an|her|his)\s+(?:brilliant|fantastic|great|amazing|superb|wonderful|fab|excellent)\s+"
    r"(?:first\s+)?(?:training\s+session|session|debut|trial|audition|race|swim|game|match|performance)\b"
    r"|^\s+(?:has|had)\s+been\s+(?:\w+\s+)?as\s+(?:our|the)\s+(?:new\s+)?(?:[\w-]+\s+){0,3}?(?:councillor|captain|"
    r"monitor|prefect|ambassador|leader|buddy|librarian|representative|rep)\b"
    # dressed up: "Grace came as Sophie from The BFG"
    r"|^\s+(?:came|comes|come|dressed\s+up|arrived)\s+(?:to\s+school\s+)?(?:dressed\s+)?as\b"
    # a race run: "Max stormed home first", "powered past three runners", "came second"
    r"|^\s+(?:(?:just|finally|also|even)\s+)?(?:stormed|romped|raced|sprinted|dashed|powered|cruised|sailed|"
    r"zoomed|flew)\s+(?:home|past|ahead|through|over|round|around|to\s+(?:victory|the\s+line|first|gold))\b"
    r"|^\s+(?:won|finished|came|placed|crossed\s+the\s+line)\s+(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\b"
    # a caption of a photo: "Robin crossing the finish line to win the Year 2 sprint!"
    r"|^\s+" + _CAPTION_VERBS + r"\b",
    re.IGNORECASE,
)
_A_CLASS = re.compile(
    r"\b(?:[Yy]ear\s*\d|[Rr]eception|[Nn]ursery|[Pp][1-7])\b|(?P<name>[A-Z][\w'’-]*)\s+[Cc]lass\b"
)


def _about_a_class(post: str, classes: frozenset[str] | set[str]) -> bool:
    """Whether the post is about a year group or one of the school's classes ("Ladybird Class!")."""
    for m in _A_CLASS.finditer(post):
        if m.group("name") is None or fold(m.group("name")) in classes:
            return True
    return _names_a_class(post, classes)


_HE_SHE = re.compile(r"\b(?:he|she|her|his|him|himself|herself|he's|she's)\b", re.IGNORECASE)
# "Marigold the cow", "Raven, the school's new story-time puppet": not a child.
_THING_AFTER = re.compile(
    r"^\s*,?\s*(?:the|our|a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:cow|calf|dog|puppy|cat|kitten|puppet|toy|bear|teddy|"
    r"mascot|hamster|rabbit|bunny|guinea\s+pig|tortoise|fish|goldfish|snake|lamb|goat|sheep|horse|pony|donkey|"
    r"chicken|hen|duck|owl|robot|doll|dragon|giant|character|elf|reindeer|ship|boat|train|tractor|caterpillar|"
    r"snail|stick\s+insect|pig|alpaca|llama|parrot|budgie|gerbil|mouse|rat|lizard|frog|dinosaur|unicorn|"
    r"monster|alien|superhero|bus|car|tree|plant|storm|whale|shark|dolphin|octopus|skeleton|statue)s?\b",
    re.IGNORECASE,
)
# Characters of folklore and stories who share a full name with a pupil: "Jack Frost has been busy".
_CHARACTERS = frozenset(
    {
        "jack frost",
        "angel gabriel",
        "young voices",
        "robin hood",
        "peter pan",
        "tom thumb",
        "harry potter",
        "mary poppins",
        "jack sprat",
        "peter rabbit",
        "paddington bear",
        "tom kitten",
        "jack horner",
        "bob cratchit",
        "tiny tim",
        "oliver twist",
        "alice liddell",
        "willy wonka",
        "charlie bucket",
    }
)
# Virtues that are children's names, which a name of a thing may end in: "Leap of Faith", "Ray of Hope".
_VIRTUES = frozenset(
    {
        "faith",
        "hope",
        "grace",
        "joy",
        "charity",
        "mercy",
        "peace",
        "love",
        "patience",
        "honour",
        "glory",
        "unity",
    }
)
# Peoples whose names are children's names too, and what follows them as a people: "Romany words", "Roma families".
_PEOPLES = frozenset(fold(w) for w in LANGUAGES) | {"roma", "romany", "romani", "gypsy", "traveller"}
_OF_A_PEOPLE = (
    r"\s+(?:and\s+(?-i:[A-Z])\w+\s+)?(?:words?|language|storytelling|stories|culture|history|heritage|families|family|"
    r"community|communities|people|songs?|music|dance|customs?|traditions?|phrases?|greetings?|history\s+month)\b"
)
# A nation's or a professional side's player, by the role before the name: "Wales captain Jac Morgan".
_A_NATIONS_PLAYER = re.compile(
    r"\b(?-i:Wales|England|Scotland|Ireland|Irish|Welsh|Scottish|English|British|GB|Lions|Olympic|Paralympic|Premier\s+League)"
    r"\s+(?:(?:rugby|football|cricket|netball|hockey|women['’]s|men['’]s)\s+)?"
    r"(?:captain|star|player|legend|international|coach|manager|winger|striker|goalkeeper|champion|medallist|"
    r"fly-half|full-back|prop|hooker|flanker|bowler|batter|batsman|sprinter|swimmer|cyclist|boxer)\s+$",
    re.IGNORECASE,
)
# The company of a show whose title ends in "!": "our Oliver! cast".
_A_SHOWS_COMPANY = re.compile(
    r"!\s+(?:cast|crew|company|production|rehearsals?|tickets|team|band|orchestra)\b"
)
# An event or a thing named after somebody: "our Burns lunch", "the Darwin workshop".
_AN_EVENT_NAMED_AFTER = re.compile(
    r"\s+(?:lunch|supper|night|dinner|tea|party|celebration|ceilidh|poems?|poetry|"
    + NAMED_EVENT_NOUNS
    + r")\b"
)
# Peoples and times of history whose words are children's names too ("Roman", "Norman", "Tudor",
# "Saxon", "Maya"), and what follows them as a word describing a thing: "Roman soldiers", "a Tudor house".
_OF_HISTORY = frozenset(
    {
        "roman",
        "norman",
        "saxon",
        "tudor",
        "stuart",
        "maya",
        "inca",
        "viking",
        "celt",
        "celtic",
        "aztec",
        "greek",
    }
    | {"egyptian", "victorian", "georgian", "elizabethan", "edwardian", "jacobean", "mayan", "anglo-saxon"}
)
_A_THING_OF_HISTORY = re.compile(
    r"\s+(?:times|period|era|age|day|days|trip|topic|villa|villas|fort|army|soldiers?|roads?|baths?|mosaics?|"
    r"costumes?|history|houses?|castles?|village|kings?|queens?|invasion|conquest|shields?|helmets?|numerals|"
    r"week|workshop|museum|settlements?|coins|pottery|empire|artefacts|banquet|feast|dress|style|tunics?|gods?|forts?|"
    r"legion|camp|walls?|towns?|remains|ruins|life|homes|food|games|toys|school|diary|diaries|battles?|ships?|"
    r"warriors?|longships?|jewellery|art|pots|vases?|clothes|project|unit|experience|re-?enactment|display|"
    r"exhibition|dig|invaders|settlers|tombs?|pyramids?|mummies|gardens?|church|chapel|architecture|buildings?|"
    r"street|map|maps|writing|numbers|recipes|bread|coin|helmet|sword|swords|spears?|chariots?)\b(?!['’])"
)
# Events named after their place, whose word is a child's name too: "Appleby Fair", "Stow Fair".
_EVENTS_OF_A_PLACE = frozenset({"fair", "show", "market", "festival", "carnival", "regatta", "gala", "races"})
# Songs and hymns whose titles end in a pupil's name: "Amazing Grace closed the summer concert".
_SONGS_WITH_NAMES = frozenset(
    {"amazing grace", "sweet caroline", "hey jude", "danny boy", "sweet georgia", "proud mary", "calon lan"}
)
# A quoted phrase of a few words: the title of a book, a song or a theme.
_QUOTED = re.compile(r"['‘\"“](?P<inner>[A-Z][^'’\"”\n]{0,60}?)['’\"”](?!\w)")


_NAME_LABEL = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?(?:\s+[A-Z]\.?)?")
_WRITTEN_AFTER = re.compile(
    r"\s+(?:written|labelled|labeled|printed|sewn|stitched)\b|\s+(?:on|inside)\s+(?:the|its)\b", re.I
)


def _in_quoted_title(norm: str, s_start: int, s_end: int, start: int, end: int) -> bool:
    """Whether a name sits inside a quoted title ("'Amazing Grace' by Mary Hoffman", "'Matilda'").

    A quoted nickname with a class after it ("our very own 'Little Messi' in Year 5") is a child's,
    and is read by :func:`safepost.policy.reading.child_references` instead.
    """
    for q in _QUOTED.finditer(norm, max(s_start, start - 60), min(s_end, end + 60)):
        if q.start("inner") <= start and end <= q.end("inner") and len(q.group("inner").split()) <= 6:
            if _NAME_LABEL.fullmatch(q.group("inner")) and (
                _WRITTEN_AFTER.match(norm, q.end())
                or re.search(
                    r"\b(?:labelled|labeled|named|marked|says|reads)\s*:?\s*$",
                    norm[max(0, q.start() - 12) : q.start()],
                )
            ):
                return False  # "'Layla-Grace P' written inside the lid", "a cardigan labelled 'Daisy F'": a name label
            return not _STRONG_CHILD_AFTER.match(norm[q.end() : q.end() + 40])
    return False


_WITH_A_YEAR = re.compile(r"^\s+'?(?:19|20)\d\d\b")
# "Jack and the Beanstalk", "Goldilocks and the Three Bears": the title of a story.
_STORY_TITLE = re.compile(r"^\s+and\s+the\s+[A-Z]")
# "Sam from the fire service", "Jo from Rainford Library": a visitor, not a pupil.
_FROM_ORGANISATION = re.compile(
    r"^\s*(?:(?:,|and|&)\s*[A-Z][a-z]+\s*)?,?\s*from\s+"
    # not a school: "Rocky from Lowfield Academy, who won the Year 8 100m" is one of its pupils
    r"(?!(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,4}(?:Primary|Academy|School|High|College|Infants?|Juniors?|Grammar|Prep|"
    r"Middle|Federation|C\s+of\s+E|CE|RC|Catholic)\b)"
    r"(?:the\s+(?!(?:[Yy]ear|[Rr]eception|[Nn]ursery|[Cc]lass|[Ss]ixth\s+[Ff]orm|[Ss]enior\s+[Ss]chool|[Jj]unior\s+[Ss]chool)\b)"
    # (nor the school's own society, in lower case: "Andrei and Florin from the Romanian society are running a stall")
    # (but "Grace and Ken from the Methodist church choir" came in from outside)
    r"(?!(?:(?!(?i:church|chapel|community|village|town|parish|local|rotary|lions|male\s+voice)\b)[\w'’-]+\s+){0,2}"
    r"(?:society|club|council|choir|band|orchestra|squad|committee)\b)\w"
    r"|(?!(?:Year|Reception|Nursery|Class|KS|[YPS]\d|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)\b)"
    r"(?![A-Z][\w'-]*\s+(?:[Cc]lass|Ward)\b)"  # (nor a hospital school's ward: "Amber from Heron Ward has finished")
    # not the school's own clubs: "Robin from After-School Club has been topping up the bird feeders"
    r"(?!(?:Breakfast|After[\s-]School|Holiday|Kids['’]?|Homework|Sports?)\s+Club\b)[A-Z])"
    # not "from Parkside's 9 Darwin", "from Parkside Academy's Year 8": a pupil of another school
    r"(?![\w'-]*(?:\s+[A-Z][\w'-]*){0,2}['’]s\s+(?:[Yy]ear\s*\d|\d{1,2}\s*[A-Z]|[Yy]\d))"
)
# A name, the school it is at, and what the child did: "Faith at Calder Bridge has raised £180 for the food bank".
_AT_A_SCHOOL_DID = re.compile(
    r"^\s+(?:from|at)\s+(?:(?-i:[A-Z])[\w'’-]*\s+){1,4}(?:(?:has|have|had|was|just|finally|also)\s+)*"
    r"(?:(?-i:[a-z]+ed)|" + IRREGULAR_PAST + r")\s+(?:a|an|the|her|his|their|every|all|£?\d)"
)
_ORGANISATION_WORD = re.compile(
    r"\b(?:station|service|services|council|team|guild|trust\s+(?-i:[A-Z])|society|club|charity|practice|surgery|"
    r"library|museum|centre|church|police|nhs|rnli|bank|company|ltd|group|association|foundation|university)\b",
    re.IGNORECASE,
)
_PUPILS_DOING = re.compile(
    r"\b(?:federation|trust|year\s*\d+|y\d|reception|class|classes|pupils?|badges?|certificates?|represents?|"
    r"representing|lantern|lesson|chosen|sang|singing|earned|won|wins|raised|showed|read|whose|who)\b",
    re.IGNORECASE,
)
_LINK = re.compile(r"^\s*(?:,|and|&|,\s*and|or|,\s*or)\s*$", re.IGNORECASE)
# After a role, a noun that makes the role the name of a thing: "our Star of the Week certificates".
_NOT_A_THING = r"(?!" + ROLE_AS_A_THING + r")"
_SINGLE_CHILD_ROLE = re.compile(
    r"\b(?:our|the|this\s+(?:week|year|term)'s|new)\s+(?:new\s+)?(?:year\s*\d+\s+|ks\d\s+|reception\s+|post-16\s+|"
    r"sixth[\s-]form\s+)?"
    r"(?:#?(?:deputy\s*)?head\s*(?:girl|boy|pupil|student|librarian|prefect|chorister|altar\s+server)|prif\s+ddisgybl|dux|"
    r"(?:eisteddfod\s+)?(?:chaired|crowned)\s+bard|secretary[\s-]general|"  # "Our Eisteddfod chaired bard has written a poem"
    r"(?:student|school|su|students['’]?\s+union|student\s+union)\s+(?:president|vice[\s-]president)|(?:(?-i:[A-Z])\w+\s+|\d+-\w+\s+)?"
    r"(?:school|house|sports|football|netball|rugby|cricket|hockey|team|dorm|dormitory|boarding|form|club)\s+captain|star\s+of\s+the\s+(?:week|day|month)|(?:pupil|student|reader|writer|learner|mathematician|scientist|"
    r"citizen|artist)\s+of\s+the\s+(?:week|day|month|term)|new\s+starter|birthday\s+(?:boy|girl)|"
    # "Our Star Baker in Falcons made a cake"
    r"star\s+baker)\b(?!s)"
    + _NOT_A_THING
    # an award of the school's own, in capitals, and what its holder did: "Our Eco-Warrior of the Month has"
    + r"|\b(?:our|this\s+(?:week|month|term)['’]s)\s+(?:new\s+)?"
    r"(?!(?:Volunteer|Governor|Teacher|Parent|Staff|Employee|Colleague|Helper|Grandparent|Mum|Dad|"
    # a thing of the week, not a child: "Our #SignOfTheWeek is 'snow'"
    r"Sign|Word|Song|Book|Story|Recipe|Poem|Question|Photo|Picture|Fact|Joke|Challenge|Value|Virtue|Phrase|"
    r"Spelling|Hymn|Prayer|Verse|Number|Shape|Letter|Sound|Fruit|Animal|Plant|Bird|Tree|Dish|Meal|Game|"
    r"Activity|Focus|Theme|Target|Quote|Riddle|Puzzle|Problem|Tip|Rule|Composer)\b)"
    r"(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*){0,2}\s+of\s+the\s+"
    r"(?:week|month|term|year)\b(?=\s+(?:has|is|was|did|will|went|got|made|(?-i:[a-z]+ed))\b|\s*,\s*who\b)"
    # one student the post has in mind: "one placement manager has asked whether our student can come back"
    + r"|\bour\s+(?:student|pupil)\b(?!s)(?!['’])(?=\s+(?:can|could|would|will|has|had|was|is|did|may|might)\s)"
    # one child, teased: "Our Year 13 Oxford offer-holder (you know who you are!) will be sharing tips"
    + r"|\bour\s+(?:[\w-]+\s+){0,4}?[\w-]+\s*\(\s*you\s+know\s+who\s+you\s+are"
    # an award of the year in a hashtag: "Huge well done to our #YoungGardener of the year in Hepworth Class"
    + r"|\bour\s+#(?-i:[A-Z])\w+\s+of\s+the\s+(?:week|day|month|term|year)\b"
    # the one who made a thing: "The student behind the giant papier-mache hare is in Year 8", "The Year 11 artist
    # behind the mural has been offered a place"
    + r"|\bthe\s+(?:year\s*\d+\s+)?(?:student|pupil|child|girl|boy|lad|lass|artist|designer|maker|brains|mastermind|genius)\s+"
    r"behind\s+(?:the|our|this|that)\b"
    # a crown of a night, one child's: "Our Prom King arrived in a vintage milk float"
    # (not "Who will be our May Queen this year?": not chosen yet)
    + r"|(?<!\bbe\s)\bour\s+(?:prom|may|carnival|harvest|rose|snow)\s+(?:king|queen|princess|prince)\b(?!s)"
    # one leader wished well: "Good luck this afternoon to our Young Sports Leader, off to the training day"
    + r"|\b(?:good\s+luck|well\s+done|congratulations|congrats|huge\s+thanks|thank\s+you|shout[\s-]?out)\s+(?:[\w-]+\s+){0,3}?"
    r"to\s+our\s+(?:new\s+)?(?:year\s*\d+\s+)?(?:[\w-]+\s+){0,3}?(?:leader|ambassador|monitor|prefect|representative|"
    r"councillor|champion)\b(?!s)(?![\w-])(?!\s*,?\s*(?:mr|mrs|miss|ms|dr)\b)(?!\s+(?:team|squad|group|council|body|crew)\b)"
    # a new monitor of a year, said to be one: "Our new Year 4 Eco Monitor is already making sure every light goes off"
    + r"|\bour\s+new\s+(?:year\s*\d+\s+)?(?:[\w-]+\s+)?(?:[a-z]+-)?(?:monitor|prefect|ambassador|librarian|councillor|captain)\b(?!s)"
    r"(?=\s+(?:is|was|has|had|will|(?-i:[a-z]+ed))\b)"
    # a post a pupil holds, said to be a pupil's: "Our new Junior Road Safety Officer has made a poster" (an attendance
    # officer is a grown-up)
    + r"|\bour\s+new\s+(?:junior|young|pupil|student|child)\s+(?:[\w-]+\s+){0,2}?(?:officer|leader|manager|editor|"
    r"reporter|warden|ranger)\b(?!s)(?=\s+(?:is|was|has|had|will|(?-i:[a-z]+ed))\b)"
    # one mascot leading the teams out: "will be leading the teams out as matchday mascot"
    + r"|\bas\s+(?:the\s+|our\s+)?(?:match[\s-]?day|club|team|official)\s+mascot\b(?!s)"
    # a band's or a team's one new member: "Our band's new bass player only picked up the guitar in September"
    + r"|\bour\s+(?:(?:school|jazz|rock|brass|steel)\s+)?(?:band|orchestra|choir|team|squad|side)['’]s\s+new\s+"
    r"(?:[\w-]+\s+){0,2}?(?:player|drummer|singer|vocalist|guitarist|bassist|pianist|keeper|goalkeeper|striker|"
    r"signing|recruit)\b(?!s)"
    # "A big thank you to this week's egg monitor": the one child on the rota this week
    + r"|\bthis\s+(?:week|month|term)['’]s\s+(?:[\w-]+\s+)?(?:monitor|helper|leader|captain|champion)\b(?!s)"
    # "The chair of our Eco Council", "the captain of the football team": one child holds it
    + r"|\b(?:the|our)\s+(?:chair|chairperson|president|secretary|treasurer|captain|head)\s+of\s+(?:the|our)\s+"
    r"(?:school[\s-]|eco[\s-]|pupil[\s-]|sports\s+|football\s+|netball\s+|chess\s+)?(?:council|parliament|team|club)\b"
    + _NOT_A_THING
    # an award one child holds: "our Sports Personality of the Year", "the Player of the Tournament"
    # "Our Mary in this year's nativity", "Little Z in Heron Class", "Our Eco Council chair wrote"
    + r"|\bour\s+(?:Mary(?:\s+and\s+Joseph)?|Joseph|Gabriel|narrator|innkeeper)\s+(?:(?:were|was)\s+[^.!?]{0,40}?)?in\s+(?:this\s+year['’]s\s+|the\s+|our\s+)?"
    r"(?:(?:(?-i:[A-Z])\w+|year\s*\d+(?:\s*(?:and|&)\s*\d+)?)\s+(?:class\s+)?)?nativity\b"
    # "a certain Paddington in Caterpillars": one child, hinted at by a costume
    + r"|\ba\s+certain\s+(?:little\s+)?(?-i:[A-Z])\w+(?=\s+(?:in|from)\s+(?:year|reception|nursery|(?-i:[A-Z])))"
    # "Take a bow, 'Rashy' - our Year 10 winger's free kick": a nickname cheered
    + r"|\b(?:take\s+a\s+bow|well\s+done|shout[\s-]?out\s+to|congratulations\s+to|hats\s+off\s+to)\s*,?\s+"
    r"['‘\"“](?-i:[A-Z])[^'’\"”]{1,20}['’\"”]"
    # the school's piper, then "he" or "she" (not "Our school piper played at the service": a grown-up, as often)
    + r"|\bour\s+(?:school|house)\s+(?:piper|bugler|drum\s+major)\b(?!s)(?=[^.!?]{0,100}[.!?]?[^.!?]{0,80}\b(?:he|she|his|her)\b)"
    # a nickname in quotes doing what a player or a pupil does: "and 'The Professor' spotted the trick question first!"
    + r"|['‘\"“]The\s+(?-i:[A-Z])[a-z]+['’\"”]\s+(?:spotted|scored|won|saved|answered|solved|caught|found|beat|smashed|nailed|"
    r"cracked|got)\b"
    # "Our Ladybirds' resident 'Professor Bug'": a nickname, said to be one
    + r"|\b(?:resident|very\s+own|aka|a\.k\.a\.)\s+['‘\"“](?-i:[A-Z])[^'’\"”]{1,25}['’\"”]"
    + r"|\b(?:little|baby)\s+(?-i:[A-Z])\b(?=\s+(?:in|from)\s+(?:year|reception|nursery|(?-i:[A-Z])))"
    # (not "the council leader", a town's: "asked the council leader some very sharp questions")
    + r"|\b(?:our\s+(?:school\s+|eco\s+|pupil\s+|student\s+)?|the\s+(?:school|eco|pupil|student)\s+)council\s+(?:chair|president|leader)\b(?!s)"
    # a young people's office one pupil holds: "the island's new Youth MP", "our Young Mayor"
    + r"|\b(?:the\s+(?:[\w'’-]+['’]s\s+)?|our\s+)(?:new\s+)?(?:youth\s+(?:mp|mayor|councillor|member\s+of\s+parliament)|"
    r"young\s+mayor|deputy\s+young\s+mayor|member\s+of\s+the\s+(?:uk\s+|scottish\s+)?youth\s+parliament)\b(?!s)"
    # "Our one and only Year 11 leaver this summer has been offered a college place"
    # ... or from one place: "Our one and only Fair Isle pupil sailed home"
     + r"|\b(?:our|the)\s+(?:one\s+and\s+)?only\s+(?:year\s*\d+\s+|reception\s+|sixth[\s-]form\s+|"
    r"(?:(?-i:[A-Z])[\w'’-]*\s+){1,3})?"
    r"(?:leaver|pupil|child|boy|girl|student|boarder|starter)\b(?!s)"
    # "Our only Advanced Higher Art candidate has had her portfolio shortlisted"
    r"|\b(?:our|the)\s+only\s+(?:[\w-]+\s+){0,3}?(?:candidate|entrant|finalist)\b(?!s)"
    # "our Year 11 Head of House, who organised the whole Lent charity quiz", "Our Year 13 Head of School Sport"
    + r"|\b(?:our|the)\s+year\s*\d+\s+head\s+of\s+(?:house|school(?:\s+sport)?|sport|boarding|sixth\s+form)\b"
    # "Our only Year 7 on the senior cross-country team finished 4th"
    + r"|\b(?:our|the)\s+only\s+(?:year\s*\d+|y\d+|girl|boy)\b(?!s)(?=\s+(?:on|in|to|who|at|from|taking|doing|studying|"
    r"learning|playing|with|sitting|entered|entering)\b)"
    + r"|\b(?:our|the|this\s+(?:week|year|term|month|season)'s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:personality|player|pupil|star|reader|writer|learner|citizen|artist|mathematician|scientist|"
    r"athlete|sportsperson|sportswoman|sportsman|musician|performer|speller|manager|chef|cook|baker|barista|"
    r"attender)\s+of\s+the\s+"
    r"(?:week|day|month|term|year|match|tournament|season|game|gala|festival)\b(?!\s*\d)"
    + _NOT_A_THING
    + r"|(?<!\bat\s)(?<!\bpast\s)(?<!\bbeat\s)(?<!\bround\s)\b(?:our|the)\s+(?:year\s*\d+\s+|reception\s+|ks\d\s+)?(?:(?:boys|girls)'?\s+)?(?:\w+\s+)?"
    r"(?:goalkeeper|goalie|keeper|top\s+scorer|player\s+of\s+the\s+match|captain|skipper|striker|defender|winger|midfielder|"
    r"centre[\s-]back|full[\s-]back|wicket[\s-]?keeper|bowler|batter|batsman)\b(?!s)(?!['’]s\b)(?!\s+(?-i:[A-Z]))"
    r"(?!\s+of\s+(?:a|an|the\s+(?!(?:school|house|year\s*\d+|u\d+|under|girls|boys|first|1st)\b)))"  # "the captain of the ship"
     + _NOT_A_THING + r"|\bthe\s+(?:year\s*\d+\s+|reception\s+|ks\d\s+)(?:boy|girl|child|pupil)\s+who\b"
    # "Our costume winner is the Year 9 who came as the entire cast of The Hunger Games"
    r"|\bthe\s+(?:year\s*\d+|y\d+)\s+who\s+(?-i:[a-z]+ed|came|won|made|wrote|read|ran|swam|sang|gave|took)\b"
    # a part only one child plays, praised: "Big shout-out to our narrator, who remembered every line"
    r"|\bour\s+(?:(?!(?:year|class|school|house|church|parish|local|mr|mrs|miss|ms)\b)[\w-]+\s+)?(?:year\s*\d+\s+|[yps]\d\s+)?"
    r"(?:narrator|soloist|piper|drummer|bugler|trumpeter|organist|cellist|violinist|pianist|flautist|harpist|"
    r"compère|compere|presenter|flag[\s-]bearer|standard[\s-]bearer|torch[\s-]bearer|cross[\s-]bearer|crucifer|innkeeper)"
    r"\b(?!s)"
    # ... of a class: "Our young piper from P7 played us into the hall"
    r"(?:\s+(?:from|in)\s+(?:year\s*\d+|[yps]\d(?:/\d)?|reception|(?-i:[A-Z])\w+\s+class))?"
    r"(?=\s*,?\s+(?:who|for|has|had|did|was|led|played|read|sang|opened|closed|kept|(?-i:[a-z]+ed)|tonight|today|"
    r"yesterday|last\s+night|this\s+(?:morning|afternoon|evening))\b)"
    # a crew's one cox: "Our cox in the J18 eight kept her crew calm" (not "keep time with the cox")
    r"|\bour\s+(?:[\w-]+\s+){0,2}?(?:cox|coxswain)\b(?!s)"
    # one child of a year group, said to be one: "Our Year 11 on Blue Ward is sitting her Maths GCSE"
    r"|\bour\s+(?:only\s+)?(?:year\s*\d+|y\d+)\b(?!s)(?=(?:\s+(?:on|in|from)\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]+"
    r"(?:\s+(?-i:[A-Z])[\w'’-]+)?)?\s+(?:is|was|has)\s+[^.!?]{0,40}\b(?:her|his|she|he)\b)"
    # a child hinted at: "A certain someone capsized on purpose 'to see what it felt like'"
    r"|\ba\s+certain\s+(?:little\s+|young\s+)?(?:someone|somebody)\b"
    r"(?!\s*\(?\s*(?:mr|mrs|miss|ms|dr)\b)(?![^.!?]{0,30}\b(?:staff|teacher|office|head)\b)"
    # "the Year 11 in question got the loudest cheer"; "Seacole's Year 13 House Captain has raised £900"
    r"|\bthe\s+(?:year\s*\d+|y\d+)\s+in\s+question\b"
    # a captain of anything, by its name in capitals: "Our new Farm Captain showed the governors round"
    r"|\bour\s+(?:new\s+)?(?-i:[A-Z])\w+\s+(?-i:Captain)\b(?!s)"
    r"(?=\s+(?:(?-i:[a-z]+ed)|showed|led|won|gave|took|made|has|had|is|was|will)\b)"
    # a race's one winner: "our winner was the only one who didn't drop the egg"
    r"|\bour\s+(?:[\w-]+\s+)?winner(?=\s+(?:was|is)\b(?!\s+(?:year|class|house|team|the\s+(?:year|class|house|team))\b))"
    # a chess team's board, as match reports name a player: "The decisive win came from board one, who sacrificed"
    r"|\b(?:(?:our|the)\s+)?(?:board\s+(?:one|two|three|four|five|six|[1-8])|top\s+board)\b(?!s)"
    r"(?=\s*,?\s+(?:who|won|drew|lost|held|beat|(?-i:[a-z]+ed))\b)"
    # a shirt number, as match reports name a player: "a hat trick from our no.9", "our number 10"
    r"|\bour\s+(?:(?:wee|little|very\s+own)\s+)?(?:year\s*\d+\s+|[yu]\d{1,2}s?\s+)?(?:no\.?\s*|number\s+|#)\d{1,2}\b(?!\s*(?:%|pupils|children|players|goals|points))"
    # a club's or a class's one champion: "Our Chess Club champion this term is in Year 4"
    r"|\b(?:our|the)\s+(?:[\w-]+\s+){0,3}?(?:champion|champ|winner)\s+(?:this\s+(?:week|term|year|month)\s+)?"
    r"(?:is|was)\s+(?:in|from)\s+(?:year\s*\d+|reception|nursery|class\s+\w+|(?-i:[A-Z])\w*)"
    r"|(?<!\bsingle\s)(?<!\bevery\s)(?<!\bnot\s)\bone\s+of\s+our\s+#?(?:year\s*\d+\s+|reception\s+|ks\d\s+|(?-i:[A-Z])\w*\s+(?:class\s+)?|"
    r"(?:lower|upper)\s+sixth\s+|sixth\s+form\s+)?"
    r"(?:girls|boys|pupils|children|students|learners|boarders|lads|lasses|young\s+carers|young\s+leaders|sixth[\s-]formers|"
    r"leavers|swimmers|runners|footballers|cricketers|dancers|singers|musicians|chess\s+players)\b"
    r"(?=[^.!?]*\b(?:has|have|was|is|won|got|scored|been|played|sang|did|made|read|used|came|he|she|said|told|gave|wrote|"
    r"found|brought|learnt|learned)\b)"
    # a position only one player holds: "Player of the match went to our Goal Attack"
    r"|\bour\s+(?:year\s*\d+\s+)?(?:goal\s+attack|goal\s+shooter|goal\s+defence|goal\s+keeper|wing\s+attack|"
    r"wing\s+defence|centre\s+forward|fly[\s-]half|scrum[\s-]half|full[\s-]back|number\s+eight|wicket[\s-]?keeper|"
    r"hooker|flanker|loosehead|tighthead|"
    r"opening\s+bat(?:ter|sman)?)\b(?!s)"
    # the lead of a play, doing something: "Our Mary forgot the baby Jesus", "Our Matilda was extraordinary"
    r"|\bour\s+(?:nativity\s+|panto\s+|pantomime\s+|show['’]s\s+)?(?-i:Mary|Joseph|Angel\s+Gabriel|Gabriel|King\s+Herod|Herod|Matilda|Annie|Oliver|Dorothy|Scrooge|Cinderella|Aladdin|Wendy|"
    r"Sandy|Danny|Fagin|Nancy|Artful\s+Dodger|Belle|Beast|Elphaba|Glinda|Tracy|Jasmine|Shrek|Fiona|Donkey|"
    r"Miss\s+Trunchbull|Miss\s+Honey|Willy\s+Wonka|Captain\s+Hook|Mrs\s+Wormwood|Mr\s+Wormwood|Angel|"
    r"Alice|Dorothy|Peter\s+Pan|Willy\s+Wonka|Bugsy|Tallulah|Joseph|Haman|Mordechai|Queen\s+Esther|Esther|Vashti|"
    r"King\s+Ahasuerus|Pharaoh|Moses|Noah|Goliath|Scrooge|Tiny\s+Tim|Fagin|Romeo|Juliet|Macbeth|Lady\s+Macbeth|Puck|"
    r"Rama|Sita|Hanuman|Ravana|Lakshmana|Krishna)\b"
    # ... or spoken to: "To our Artful Dodger: you stole the show last night"
    r"(?=\s+(?:was|is|has|had|did|forgot|remembered|sang|stole|brought|made|got|kept|held|led|sat|stood|took|gave|"
    r"told|wore|rode|said|already|knows|knew|can|could|will|does|nailed|(?-i:[a-z]+ed))\b|\s*[:,–—-]\s*you\b"
    # ... or placed in a year: "Our Nancy, a Year 11, is going to bring the house down"
    r"|\s*,\s*(?:a|an|our)\s+(?:year\s*\d+|[yps]\d+)\s*,"
    # ... or quoted: "A message from our Pharaoh: 'Thank you, thank you very much!'"
    r"|\s*:\s*['‘\"“])"
    # one child of a year group, by how they felt as they did something: "A very proud Year 7 held our corn snake"
    r"|\b(?:a|one)\s+(?:very\s+)?(?:proud|brave|happy|delighted|excited|nervous|determined|thrilled|chuffed)\s+"
    r"(?:year\s*\d+|reception\s+child|nursery\s+child|[yps]\d)\b(?!s)"
    r"(?=\s+(?:(?-i:[a-z]+ed)|held|won|made|read|sang|swam|ran|wrote|got|took|came|gave|found)\b"
    # "One very proud Year 4 at Long Marden, that's who!"
    r"|\s+(?:at|from|in)\s+(?-i:[A-Z])|\s*,\s*that['’]s\s+who\b|\s*!)"
    # one child's work, by the child's year: "A Year 4 pupil's amazing longship model is on display"
    r"|\b(?:a|one)\s+(?:year\s*\d+|reception|nursery|y\d|ks\d)\s+(?:pupil|child|girl|boy|student)['’]s\b"
    r"(?=\s+(?:#?[\w-]+\s+){0,3}?(?:model|painting|poem|story|drawing|project|artwork|sculpture|design|entry|invention|"
    r"collage|portrait|creation)\b)"
    # a child in costume, by the child's year and what the costume had: "Our Year 1 Gruffalo with the purple prickles"
    r"|\bour\s+(?:year\s*\d+|reception|nursery|y\d)\s+(?!(?:Team|Class|Choir|Cast|Group|Squad|Band|Council|Pupils?|Children)\b)"
    r"(?-i:[A-Z])[a-z]+(?<!s)(?=\s+with\s+(?:the|a|an|her|his)\b|\s+who\b|\s*,\s*who\b)"
    # a child in a grown-up character's costume, by the child's year: "Well done to our Year 2 Mr Tumnus"
    r"|\bour\s+(?:year\s*\d+|reception|nursery|y\d)\s+(?-i:Mr|Mrs|Miss|Ms|Dr|Captain|King|Queen|Prince|Princess|Sir|"
    r"Lady|Little|Big|Baby|Father|Mother|Professor|Farmer)\s+(?-i:[A-Z])[\w'’-]+"
    # "The Year 8 boarders have a new name for their dorm captain"
    r"|\btheir\s+(?:new\s+)?(?:dorm|dormitory|boarding|house|form|team)\s+captain\b(?!s)"
    # a role in the cadets or a boat only one holds: "Our CCF Senior Under Officer led the parade"
    r"|\b(?:our|the)\s+(?:ccf\s+|cadet\s+|contingent\s+)?(?:senior\s+)?(?:under\s+officer|cadet\s+warrant\s+officer|"
    r"regimental\s+sergeant\s+major|cadet\s+sergeant\s+major)\b"
    r"|\b(?:our|the)\s+(?:[\w'’-]+\s+){0,3}?cox\b(?!es|ed|swain)(?=\s+(?:did|was|is|has|had|steered|kept|called|(?-i:[a-z]+ed))\b)"
    # a quoted nickname doing or winning: "Who else saw 'The Rocket' in the 800m", "'Tank' from the 2nd XV, who"
    r"|(?<!\bthe\s)(?<!,\s)['‘\"“](?:the\s+)?(?-i:[A-Z])[\w-]*(?:\s+(?:the\s+)?(?-i:[A-Z])[\w-]*){0,2}['’\"”]"
    r"(?=\s+(?:(?:in|from)\s+(?:the\s+)?(?:\d|year|y\d|reception|nursery|class|first|second|u\d)|"
    r"(?:in|from)\s+(?-i:[A-Z])\w+(?:\s+[Cc]lass)?(?=\s+(?:for|who)\b|\s*,\s*who\b)|strikes\s+again|"
    r"has\s+done\s+it|did\s+it)"
    r"|\s*,\s*who\b)"
    # "Congratulations to Badgers' new Eco Monitor, who has already told off the whole staffroom"
    r"|\b(?:our|the|(?-i:[A-Z])\w+s['’])\s+new\s+(?:eco|school|class|house|sports|reading|library|playground|digital|"
    r"anti-bullying|well-?being|e-safety|green)\s+(?:monitor|leader|ambassador|champion|captain|rep|representative|"
    r"councillor|prefect|buddy|helper|officer)\b(?!s)(?!\s*,?\s*(?:mr|mrs|miss|ms|mx|dr)\b)"  # (not "..., Mrs Hale")
    # "from a Year 13 who has never raised her voice", "the Year 7 who brought a lost purse to reception"
    r"|\b(?:a|the)\s+(?:year\s*\d+|y\d+)\s+who\s+(?:has\s+|had\s+)?(?:never\s+|always\s+|just\s+)?"
    r"(?:(?!(?:are|were|have|all|both|each)\b)(?-i:[a-z]+)\b(?=[^.!?]{0,80}\b(?:her|his|she|he|herself|himself)\b)|"
    r"(?:brought|let|handed|found|gave|told|made|took|kept|won|came|ran|wrote|read|sang)\b)"
    r"|\ba\s+certain\s+(?:year\s*\d+|y\d+)\b"
    # "Year 8 chess club has a new champion, and he's only been playing since September"
    r"|\bhas\s+a\s+new\s+(?:champion|captain|winner|record[\s-]holder|star)\b(?=[^.!?]{0,40}\b(?:he|she)\b)"
    # "Somebody in 9L stayed behind every lunchtime this week"
    r"|\b(?:somebody|someone)\s+in\s+(?:year\s*\d+|(?-i:\d{1,2}[A-Z]{1,2})\b|reception|nursery|(?-i:[A-Z])\w+\s+class)"
    r"(?=\s+(?:(?-i:[a-z]+ed)|stayed|has|was|did|made|gave|found|brought|won)\b)"
    # "Our Year 10 Young Chef finalist cooks for the judges"
    r"|\bour\s+(?:year\s*\d+\s+)?(?:[\w-]+\s+){0,3}?finalist\b(?!s)"
    # "The smallest angel in the Reception nativity had the loudest voice": one child by a part and a superlative
    r"|\b(?:the|our)\s+(?:very\s+)?(?:smallest|littlest|youngest|tallest|loudest|tiniest|bravest|cheekiest|sleepiest)\s+"
    r"(?:angel|shepherd|king|sheep|star|donkey|innkeeper|narrator|wise\s+man|camel|elf|reindeer|snowflake|mouse|"
    r"robin|pirate|dinosaur|competitor|runner|swimmer|player|athlete|entrant|finalist|performer|dancer|singer|cyclist|"
    r"rider|member|starter|reader|speller|debater)\b(?!s)"
    # "The student playing Seymour didn't miss a single note": the one child in the part
    r"|\b(?:the|our)\s+(?:year\s*\d+\s+)?(?:student|pupil|girl|boy|child)\s+(?:playing|who\s+played|who\s+plays)"
    r"(?=\s+(?-i:[A-Z]))"
    # "Our youngest robotics team member, all of 11 years old, soldered her first circuit board"
    r"|\b(?:our|the)\s+(?:very\s+)?(?:youngest|oldest|newest|smallest|tallest)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:team|squad|cast|choir|crew|club|band|orchestra)\s+member\b(?!s)"
    # "The captain's shooting was on fire": what the one captain did
    r"|\b(?:the|our)\s+(?:team\s+)?(?:captain|skipper)['’]s\s+(?:[\w-]+\s+)?(?:shooting|performance|goals?|saves?|speech|leadership|display|"
    r"effort|header|innings|bowling|batting|passing|tackling|defending|century|try|tries|catch|catches|kick|conversion|"
    r"winner|strike|hat-trick|knock|tackle)\b"
    # the part one child played, praised: "Our Artful Dodger stole the show on opening night"
    r"|\bour\s+(?!(?:(?-i:[A-Z])\w+\s+){0,2}(?:Band|Choir|Orchestra|Team|Squad|Class|Group|Ensemble|Cast|Club|"
    r"Council|Staff|Singers|Dancers|Players|School|Year|PTA|Governors|Parents|Friends|Families)\b)"
    r"(?-i:[A-Z])\w+(?:\s+(?-i:[A-Z])\w+){0,2}\s+(?:stole\s+the\s+show|brought\s+the\s+house\s+down|"
    r"had\s+(?:the\s+)?(?:whole\s+)?(?:audience|hall)\s+(?:in\s+)?(?:stitches|tears|laughing))"
    # "Our U12s' very own 'Wall' kept his fourth clean sheet": a nickname in quotes
    r"|\bour\s+(?:[\w'’-]+\s+){0,3}?very\s+own\s+['‘\"“](?-i:[A-Z])[\w-]*['’\"”]"
    # "Our Young Sports Leader for KS1 ran the session on her own", "Our Head Student opened ... she had written"
    r"|\bour\s+(?:(?:brand\s+)?new\s+)?(?!(?:Head\s*teacher|Headteacher|Head\s+of\s+(?!School\b)|Teacher|Teachers|Deputy|Governor|"
    r"Governors|Chair\s+of\s+Governors|SENCO|Senco|Caretaker|Site|Business|Office|Bursar|Principal|Vice|Assistant|"
    r"Mrs|Mr|Miss|Ms|Dr|Year|Reception|Nursery|School|PTA|Friends|Family|Families|Parent|Parents|Lady|Father|"
    r"Chaplain|Vicar|Priest|Librarian|Cook|Chef|Coach|Lollipop|Crossing|Pastoral|Learning\s+Mentor|Family\s+Liaison)\b)"
    r"(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*){0,3}(?!\s+(?-i:[A-Z]))"
    r"(?=(?:\s+(?:for|in|of)\s+[\w\s]{1,20}?)?\s+(?-i:[a-z]+ed|ran|led|gave|made|won|wrote|read|took|spoke|sang|"
    r"has|had|is|was)\b[^.!?]{0,60}\b(?:her|his|she|he|herself|himself)\b)"
    r"|\bour\s+(?:year\s*\d+|y\d+)\s+(?:with|who)\b(?=[^.!?]{0,60}\b(?:her|his|she|he)\b)"
    # "Our lovely Year 7 who's been so anxious ...", "our Year 11 who's shown up to every single session"
    r"|\bour\s+(?:[\w-]+\s+){0,2}?(?:year\s*\d+|y\d+)\s+who['’]s\b"
    # "Our youngest ever Sports Leader (Year 7!) refereed the whole festival"
    r"|\bour\s+(?:youngest|oldest|newest|littlest)(?:\s+ever)?\s+(?!(?:Reception|Nursery|Year|Class)\b)(?-i:[A-Z])\w*"
    # the whole name, which is no plural ("Our youngest Holiday Clubbers" are many)
    r"(?:\s+(?-i:[A-Z])\w*){0,2}\b(?!\s+(?-i:[A-Z]))"
    # ... or its member: "Our youngest Young Voices singer (Year 3!) fell asleep"
    r"(?:(?<!s)(?!\s+(?-i:[a-z]+s)\b)|\s+(?:singer|player|member|runner|swimmer|dancer|reader|chorister|performer|"
    r"musician|competitor|athlete|leader|captain|volunteer|helper)\b)"
    # "a Year 8 cellist, eyes closed, playing The Swan"
    r"|\ba\s+(?:year\s*\d+|y\d+)\s+(?:cellist|violinist|pianist|soloist|flautist|harpist|drummer|guitarist|"
    r"trumpeter|singer|dancer|poet)\b(?!s)(?=\s*,)"
    # "a special mention to the little donkey from Dahl Class, who stayed on his feet"
    r"|\b(?:the|our)\s+(?:[a-z-]+\s+){0,2}?(?!(?:team|class|group|choir|squad|band|cast|orchestra|council|pair|trio|"
    r"duo|year|children|pupils|face|addition|member|teacher|assistant|helper|volunteer|visitor|adult)\b)[a-z-]+(?<!s)\s+(?:from|in)\s+(?:year\s*\d+|reception|nursery|(?-i:[A-Z])\w+\s+class)"
    r"\s*,\s*who\b"
    # "Our top reader across the whole school this term has read 63 books!"
    r"|\b(?:our|the)\s+(?:year\s*\d+\s+)?(?:top|best|highest|fastest|star|keenest|biggest)\s+(?:reader|speller|scorer|"
    r"mathematician|writer|runner|attender|achiever|seller|fundraiser|swimmer|bookworm|performer|student|pupil)\b(?!s)"
    r"(?=[^.!?]{0,60}?\b(?:has|is|was|will|won|got|read|raised|scored|gained|achieved)\b)"
    # "Our P7 with the highest transfer test score in the school"
    r"|\b(?:our|the)\s+(?:year\s*\d+|[yps]\d|pupil|student|child)\s+with\s+the\s+(?:highest|best|most|top|fastest)\b"
    # "Our Year 6 reading champion – the one who has read every mystery"
    r"|\bour\s+(?:year\s*\d+\s+|ks\d\s+)?(?:[\w-]+\s+)?(?:champion|champ)\b(?!s)(?!\s+(?:team|squad|class|house))"
    # "Our Head of School Council opened the new reading shed"
    r"|\b(?:the|our)\s+(?:head|chair|leader)\s+of\s+(?:the\s+)?(?:school|eco|pupil)\s+(?:council|parliament)\b"
    # "One very nervous Year 13 opened her envelope"
    r"|\bone\s+(?:[\w-]+\s+){0,2}?(?:year\s*\d+|y\d+|p\d|sixth[\s-]former|student|pupil|boy|girl|child)\b(?!s)"
    # (not a parent of one: "One of our Year 6 mums has baked for the fair; thank her")
    r"(?!\s+(?:mums?|dads?|parents?|carers?|grandparents?|grans?|grandads?|families|family|teachers?|staff)\b)"
    r"(?=[^.!?]{0,100}?\b(?:her|his|she|he)\b)"
    # "The student who handed in a purse full of cash", "The only P1 who managed to keep both wellies on"
    r"|(?<![,–-]\s)\bthe\s+(?:@\w+\s+)?(?:student|pupil|child|boy|girl)\s+who\s+(?:[\w-]+\s+)?(?-i:[a-z]+ed|found|brought|made|wrote|ran|won|"
    r"gave|took|told|came|kept|swam|sang|read|handed|spotted)\b"
    # "Well done to R. in Puffin Class, who stayed for a whole day": a child by an initial
    r"|(?<![\w.])(?-i:[A-Z])\.\s+(?:in|from)\s+(?:year\s*\d+|reception|nursery|(?-i:[A-Z])\w+\s+class)\b"
    r"|\bthe\s+only\s+(?:[\w-]+\s+){0,2}?(?:p\d|y\d|year\s*\d+|reception\s+child|child|pupil|boy|girl|student)"
    r"\s+(?:who|to)\b",
    re.IGNORECASE,
)
# Every description above starts with one of these letters (our, the, this, new, one, little, baby, a, good) or is
# an initial ("R. in Puffin Class"): looking at the first letter first spares the regex most of a post.
_SINGLE_CHILD_ROLE = re.compile(
    # a letter only where a word starts (the same matches, in half the time), or a quote, or an initial
    r"(?:(?<![\w'’-])(?=[otnalbrvkhswcg])|(?=['‘\"“]|[a-z]\.))(?:" + _SINGLE_CHILD_ROLE.pattern + ")",
    re.IGNORECASE,
)

DATA = Path(__file__).parent / "data"


@cache
def first_name_lexicon() -> frozenset[str]:
    """Folded first names from the gender-guesser list (48,000 names, many countries).

    Only names with a recorded frequency in some country are kept. Used only
    where the wording already makes a child the subject. Read once, then kept in the
    cache directory (:mod:`safepost.policy.prepared`) until the list, this module or the
    folding in text.py changes.
    """
    import gender_guesser

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    here = Path(__file__)
    return cached_words("first-names", (path, here, here.with_name("text.py")), lambda: _first_names(path))


def _first_names(path: Path) -> frozenset[str]:
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
    surname_only: bool = False  # a pupil's surname written alone ("Fenwick's penalty save")

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
    unsure: list[PersonMention] = field(default_factory=list)

    @property
    def pupils(self) -> list[PersonMention]:
        """The mentions decided to be children."""
        return [m for m in self.mentions if m.is_pupil]


def _stream(text: PostText) -> list[Token]:
    spaced = text.spaced_words
    if not spaced and not text.hashtags:
        return list(text.words)  # already in order: the usual post has no hashtag or spaced-out word
    words = [w for w in text.words if not any(s.nstart <= w.nstart < s.nend for s in spaced)]
    return sorted(words + text.hashtag_words + spaced, key=lambda t: t.nstart)


def _gap(text: str, a: Token, b: Token) -> str:
    return text[a.nend : b.nstart]


def _is_title(tok: Token) -> bool:
    return _is_title_word(tok.text)


def _is_title_word(word: str) -> bool:
    """Whether a word is a title ("Mrs", "Dr."); a few only in capitals ("Miss", not "miss")."""
    word = word.rstrip(".")
    key = fold(word)
    if key not in TITLES:
        return False
    if key in _CASE_SENSITIVE_TITLES:
        return word[:1].isupper()
    return True


_PRONOUNS = frozenset(["he", "she", "we", "me", "him", "her", "us", "they", "them", "it", "you", "i"])
_BEFORE_A_FEELING = frozenset(
    ["pure", "such", "sheer", "real", "true", "great", "much", "so", "full", "with"]
)
_GREETINGS_ABROAD = frozenset(
    [
        "merci",
        "bonjour",
        "hola",
        "gracias",
        "danke",
        "ciao",
        "grazie",
        "salut",
        "adios",
        "namaste",
        "salaam",
        "shalom",
    ]
)
# Small words that join the words of a hashtag, though some are names in a list of first names.
_HASHTAG_SMALL_WORDS = frozenset(
    [
        "to",
        "be",
        "of",
        "the",
        "and",
        "in",
        "on",
        "at",
        "for",
        "is",
        "are",
        "our",
        "my",
        "all",
        "so",
        "do",
        "an",
    ]
)
_ASSISTANTS = frozenset(["alexa", "siri"])
# Works schools read, watch and perform, with their characters' names that are also children's names:
# where the post names the work, those names are the characters ("reading Of Mice and Men ... George
# and Lennie's dream"), unless the wording makes a child of one ("well done George in 9 Darwin").
# The people of the Greek myths a school teaches, several of them children's names too (Echo, Jason, Penelope).
_GREEK_MYTHS = (
    "echo narcissus hera zeus athena apollo artemis poseidon hermes aphrodite ares demeter persephone hades "
    "pandora prometheus epimetheus theseus ariadne minotaur perseus medusa andromeda orpheus eurydice midas "
    "icarus daedalus jason medea odysseus penelope achilles hector heracles hercules arachne atlas"
)
_NORSE_MYTHS = "odin thor loki freya freyja frigg baldur balder heimdall tyr njord idun sif hel fenrir"
_WORKS = {
    "of mice and men": "george lennie curley candy crooks slim carlson steinbeck",
    "the great gatsby": "daisy buchanan tom nick carraway jordan baker myrtle gatsby fitzgerald",
    "grease": "sandy danny rizzo kenickie frenchy marty",
    "slumdog millionaire": "jamal latika salim dev patel boyle",
    "pride and prejudice": "elizabeth bennet jane lydia darcy bingley wickham austen",
    "jane eyre": "jane eyre rochester adele bronte",
    "things fall apart": "okonkwo nwoye ikemefuna ezinma unoka obierika achebe",
    "an inspector calls": "sheila eric gerald eva smith birling goole arthur sybil edna priestley",
    "to kill a mockingbird": "scout atticus jem boo dill calpurnia finch harper lee",
    "a christmas carol": "scrooge ebenezer marley fred belle fezziwig bob tim martha dickens",
    "romeo and juliet": "romeo juliet tybalt mercutio benvolio shakespeare",
    "macbeth": "banquo duncan malcolm macduff fleance shakespeare",
    "hamlet": "ophelia gertrude claudius horatio polonius laertes shakespeare",
    "twelfth night": "viola olivia sebastian orsino maria toby malvolio feste andrew shakespeare",
    "much ado about nothing": "beatrice benedick hero claudio leonato pedro john shakespeare",
    "as you like it": "rosalind celia orlando oliver jaques audrey phoebe shakespeare",
    "the merchant of venice": "portia shylock antonio bassanio jessica lorenzo nerissa gratiano shakespeare",
    "othello": "desdemona iago cassio emilia roderigo bianca shakespeare",
    "king lear": "cordelia regan goneril edmund edgar shakespeare",
    "the winter's tale": "leontes hermione perdita florizel paulina polixenes shakespeare",
    "julius caesar": "brutus cassius antony portia calpurnia shakespeare",
    "jekyll and hyde": "henry edward utterson lanyon poole stevenson",
    "blood brothers": "mickey eddie linda sammy",
    "lord of the flies": "ralph piggy jack simon roger maurice golding",
    "frozen": "elsa anna olaf kristoff hans sven",
    "matilda": "matilda lavender bruce amanda dahl",
    "wonder": "august auggie jack summer via julian miranda",
    "cider with rosie": "rosie laurie lee",
    "joseph and the amazing technicolor dreamcoat": "joseph jacob pharaoh reuben benjamin judah simeon levi naphtali "
    "issachar asher dan zebulun gad potiphar",
    "holes": "stanley zero sachar",
    "the boy at the back of the class": "ahmet alexa josie tom michael brendan rauf",
    "narnia": "lucy edmund susan peter aslan lewis",
    "the lion, the witch and the wardrobe": "lucy edmund susan peter aslan lewis",
    "the lion the witch and the wardrobe": "lucy edmund susan peter aslan lewis",
    "charlie and the chocolate factory": "charlie willy augustus violet veruca mike dahl",
    "harry potter": "harry ron hermione neville draco ginny luna rowling",
    "the hobbit": "bilbo gandalf thorin tolkien",
    "goodnight mister tom": "william tom zach magorian",
    "private peaceful": "tommo charlie molly morpurgo",
    "kensuke's kingdom": "michael kensuke morpurgo",
    "the boy in the striped pyjamas": "bruno shmuel gretel boyne",
    "a midsummer night's dream": "puck oberon titania hermia helena lysander demetrius shakespeare",
    "the tempest": "prospero miranda ariel caliban ferdinand shakespeare",
    "peter pan": "wendy peter michael john barrie",
    "toy story": "woody buzz jessie",
    "moana": "moana maui",
    "encanto": "mirabel bruno isabela luisa",
    "winnie the pooh": "christopher robin",
    "the secret garden": "mary colin dickon martha burnett",
    "the iron man": "hogarth hughes",
    "stig of the dump": "barney lou",
    "the railway children": "roberta bobbie peter phyllis nesbit",
    "oliver twist": "oliver nancy fagin dickens",
    "oliver": "oliver nancy fagin sikes dodger bumble",
    # a television series a mural or a tour names: "the Derry Girls mural ... Erin, Orla, Clare and Michelle"
    "derry girls": "erin orla clare michelle james",
    "journey's end": "stanhope osborne raleigh trotter hibbert mason hardy sherriff",
    # the books of hadith a Muslim school reads, by their collectors
    "sahih al-bukhari": "sahih bukhari",
    "sahih muslim": "sahih",
    "riyad as-salihin": "riyad salihin nawawi",
    "forty hadith": "nawawi",
    # the Irish legend of Oisín in the Land of Youth
    "tír na nóg": "oisín oisin niamh fionn",
    "tir na nog": "oisín oisin niamh fionn",
    "dna": "leah phil john tate cathy brian richard danny lou jan mark kelly",
    "alice in wonderland": "alice carroll",
    "the wizard of oz": "dorothy baum",
    "hansel and gretel": "hansel gretel",
    # picture books and their children: "Hair Love ... Zuri's dad wrestling with her curls"
    "hair love": "zuri stephen",
    "the tiger who came to tea": "sophie",
    "dogger": "dave bella",
    "owl babies": "sarah percy bill",
    "zog": "pearl gadabout",
    # Hindu epics and festivals, and their gods and heroes: "Rama and Sita defeated Ravana once again"
    "ramayana": "rama ram sita lakshmana lakshman hanuman ravana bharata bharat valmiki",
    "mahabharata": "arjuna arjun krishna bhima yudhishthira draupadi karna bhishma",
    "diwali": "rama ram sita lakshmana lakshman hanuman ravana lakshmi",
    "janmashtami": "krishna radha yashoda",
    "holi": "krishna radha prahlad holika",
    "navratri": "durga",
    "mahashivratri": "shiva parvati ganesh ganesha",
    "ganesh chaturthi": "ganesh ganesha",
    "broken tusk": "ganesh ganesha",
    # Sikh festivals and the Gurus: "Guru Nanak's teaching of sharing"
    "vaisakhi": "nanak gobind",
    "gurpurab": "nanak gobind",
    # the Hebrew Bible's stories, by their book, festival or scene: "reading the Book of Ruth for Shavuot"
    "book of ruth": "ruth naomi boaz orpah",
    "shavuot": "ruth naomi boaz orpah moses",
    "purim": "esther mordechai haman vashti ahasuerus",
    "megillah": "esther mordechai haman vashti ahasuerus",
    "book of esther": "esther mordechai haman vashti ahasuerus",
    "garden of eden": "adam eve",
    "creation story": "adam eve",
    "bereshit": "adam eve cain abel noah",
    "noah's ark": "noah shem ham japheth",
    "parting of the red sea": "moses miriam aaron pharaoh",
    "song of the sea": "moses miriam aaron pharaoh",
    "the exodus": "moses miriam aaron pharaoh",
    "seder": "elijah moses miriam aaron pharaoh",
    "haggadah": "elijah moses miriam aaron pharaoh",
    "david and goliath": "david goliath saul jonathan",
    "jonah and the whale": "jonah",
    "maccabees": "judah judith mattathias",
    "nativity": "mary joseph gabriel herod",
    # the Christmas story by its songs and its places: "help Mary and Joseph find room at the inn"
    "mary and joseph": "mary joseph",
    "away in a manger": "mary joseph",
    "little donkey": "mary joseph",
    "bethlehem": "mary joseph gabriel herod",
    "when hitler stole pink rabbit": "anna max kerr judith",
    "swallows and amazons": "walker john susan titty roger ransome nancy peggy blackett",
    "noughts & crosses": "sephy callum blackman malorie",
    "noughts and crosses": "sephy callum blackman malorie",
    # the Church's stories and prayers: "Gabriel's message to Mary ... acted out the Annunciation", "the month of Mary"
    "annunciation": "mary gabriel joseph",
    "month of mary": "mary",
    "our lady": "mary",
    "hail mary": "mary",
    "rosary": "mary",
    "northern lights": "lyra pantalaimon pan roger iorek will pullman asriel coulter",
    "his dark materials": "lyra pantalaimon roger iorek will pullman",
    "jack and the beanstalk": "jack",
    "aladdin": "aladdin jasmine",
    "cinderella": "cinderella buttons",
    "snow white": "snow",
    "goldilocks": "goldilocks",
    "bugsy malone": "bugsy tallulah blousey dandy",
    "the lion king": "simba nala mufasa scar timon pumbaa rafiki zazu sarabi",
    "robin hood": "robin marian tuck john",
    "the diddakoi": "kizzy godden",
    "under milk wood": "cat polly garter dai organ mog edwards willy nilly rosie probert dylan thomas",
    "beauty and the beast": "belle",
    "the hunger games": "katniss peeta",
    "percy jackson": "percy annabeth grover",
    "the wind in the willows": "toad ratty mole badger grahame",
    "the bfg": "sophie dahl",
    "george's marvellous medicine": "george dahl",
    "james and the giant peach": "james dahl",
    "danny the champion of the world": "danny dahl",
    "the borrowers": "arrietty pod homily norton",
    "charlotte's web": "charlotte wilbur fern",
    "the worst witch": "mildred",
    "little women": "jo march meg beth amy laurie marmee alcott",
    "the jungle book": "mowgli baloo bagheera kipling",
    "treasure island": "jim stevenson",
    "a monster calls": "conor ness",
    "journey to the river sea": "maia ibbotson",
    "the highwayman": "bess noyes",
    "skellig": "michael mina almond",
    "anne of green gables": "anne",
    "heidi": "heidi",
    "the snowman": "james",
    "annie": "annie",
    "the hodgeheg": "max dick king-smith",
    "where the wild things are": "max",
    "let it go": "elsa anna olaf",
    # the Greek myths, by a myth's title or by the words: "Echo and Narcissus was Falcon Class's Greek myth"
    "echo and narcissus": "echo narcissus hera",
    "theseus and the minotaur": "theseus ariadne aegeus minotaur",
    "perseus and medusa": "perseus medusa andromeda",
    "orpheus and eurydice": "orpheus eurydice hades",
    "pandora's box": "pandora epimetheus prometheus zeus",
    "king midas": "midas",
    "daedalus and icarus": "daedalus icarus",
    "jason and the argonauts": "jason medea",
    "the odyssey": "odysseus penelope telemachus athena",
    "the trojan horse": "odysseus helen paris achilles hector priam",
    "greek myth": _GREEK_MYTHS,
    "greek myths": _GREEK_MYTHS,
    "greek mythology": _GREEK_MYTHS,
    "greek gods": _GREEK_MYTHS,
    "greek legends": _GREEK_MYTHS,
    "norse myth": _NORSE_MYTHS,
    "norse myths": _NORSE_MYTHS,
    "norse mythology": _NORSE_MYTHS,
    "norse gods": _NORSE_MYTHS,
    "norse legends": _NORSE_MYTHS,
    "viking gods": _NORSE_MYTHS,
    "viking myths": _NORSE_MYTHS,
}
# A title that is itself a child's name counts only beside a word of the work ("hooked on Matilda! ...
# Miss Trunchbull's chocolate cake"), not alone ("Matilda came to school as Matilda").
_WORK_EVIDENCE = {
    # the musical, by its "!" or its songs and people ("Oliver! auditions are on Tuesday", "Nancy sings As Long
    # As He Needs Me"), not a boy called Oliver
    "oliver": re.compile(
        r"\bOliver!(?!\s*$)(?!\s+(?-i:[A-Z]))|\b(?:fagin|bill\s+sikes|artful\s+dodger|mr\s+bumble|as\s+long\s+as\s+he\s+needs\s+me|"
        r"consider\s+yourself|food,?\s+glorious\s+food|where\s+is\s+love)\b"
        # "What an opening night 4 Oliver!", "the parents who helped backstage at Oliver!"
        r"|(?s:^(?=.*\b(?:opening\s+night|backstage|cast|musical|production|auditions?|matinee|curtain\s+call|"
        r"dress\s+rehearsal|the\s+show|tickets?|lighting|lighting\s+rig|tech\s+crew|stage\s+crew|props|"
        r"costumes|rehearsals?|theatre\w*)\b).*\bOliver!)",
        re.IGNORECASE,
    ),
    "dna": re.compile(r"\bdennis\s+kelly\b", re.IGNORECASE),
    # the play, not a small village: "loved Hamlet at the RST"
    "hamlet": re.compile(r"\bHamlet\b"),
    "matilda": re.compile(
        # the book's people, or the musical at a theatre ("Matilda at the Cambridge Theatre at 7:30"), or the school's
        # own show ("Matilda opens tonight! Doors at 6:30", "The cast list for Matilda is up")
        r"\b(?:trunchbull|wormwood|miss\s+honey|roald\s+dahl|dahl|roalddahl\w*|theatre|musical|west\s+end|matinee|"
        r"opens\s+tonight|opening\s+night|dress\s+rehearsal|rehea?rsals?|cast|cast\s+list|tickets?|curtain\s+up|"
        r"final\s+bow|box\s+office|full\s+house|standing\s+ovation|final\s+night|auditions?)\b",
        re.IGNORECASE,
    ),
}
# People only one work has, who name it without its title: "Mrs Johnstone's story is a tough one".
_WORK_SIGNS = {
    "blood brothers": re.compile(r"\bMrs\s+(?:Johnstone|Lyons)\b"),
    "oliver": _WORK_EVIDENCE["oliver"],
}
# Famous people whose names a school post uses, and whom a roster may share: read as the famous
# person unless the wording makes a child of them ("Harry Kane in Year 5 scored twice").
_FAMOUS = frozenset(
    line.strip()
    for line in (DATA / "famous_people.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)
# The famous people's surnames, which schools name their houses after ("Austen", "Seacole", "Turing").
FAMOUS_SURNAMES = frozenset(name.split()[-1] for name in _FAMOUS if " " in name)
# A post about the school's houses: "House Netball", "house points", "Sports Day: the houses".
_HOUSES = re.compile(
    r"\b(?:inter-?)?houses\b(?!\s+(?:of|on|in|at|for|to)\b)|\binter-?house\b|\bhouse\s+(?:points?|cups?|captains?|"
    r"competitions?|trophy|shield|results?|teams?|netball|football|hockey|rugby|debating|music|drama|singing|quiz|"
    r"sports?|events?|matches|match|final|finals|champions?|colours|winners?|relay|athletics|cross-country)\b",
    re.IGNORECASE,
)
# Towns of the UK and Ireland and the world's countries (scripts/make_places.py, from GeoNames), folded: a
# pupil's surname that is one of them ("Wales", "Barry", "Preston") is a person only where the wording
# makes one, much as an ordinary word's is ("Come on Wales!", "crews from as far away as Preston and Durham").
KNOWN_PLACES = frozenset(
    fold(line.strip())
    for line in (DATA / "places.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)


def _a_class_by_its_neighbours(text: str, tok: Token, roster: Roster) -> bool:
    """Whether a class's name that is also a pupil's surname stands for the class: listed with another class
    ("Wansbeck and Tyne"), or after a word a class follows ("in Tyne", "with Tyne", "to Tyne")."""
    before = text[max(0, tok.nstart - 40) : tok.nstart]
    after = text[tok.nend : tok.nend + 40]
    near = re.findall(r"[\w'’-]+", before)[-1:] + re.findall(r"[\w'’-]+", after)[:2]
    listed = re.search(r"(?:,|\band\b|&)\s*$", before) or re.match(r"\s*(?:,|\band\b|&)", after)
    return bool(
        (
            listed
            and any(
                fold(w) in roster.class_names and fold(w) != tok.key
                for w in re.findall(r"[\w'’-]+", before[-25:] + after[:25])
            )
        )
        or (
            near
            and near[0].lower() in ("in", "with", "to", "for", "joined", "joining", "visiting", "welcome")
        )
        or re.match(r"\s+[Cc]lass\b", after)
    )


def second_word_of_a_name(text: str, start: int, end: int, roster: Roster) -> bool:
    """Whether the surname at ``text[start:end]`` is the second word of a proper name no list knows: the word
    before is capitalised, is no pupil's name nor a first name of the lexicon, no title and no "Master" ("little
    Master Frost" is a small boy), and the pair stands mid-sentence or as a school or a place does ("Nether
    Wyke is open as normal", "visits Hollins Cross on Tuesday")."""
    before = re.search(r"(?:^|(?<=[^\w'’]))((?-i:[A-Z])[a-z'’]+)[ -]$", text[max(0, start - 25) : start])
    if before is None:
        return False
    key = fold(before.group(1))
    if (
        key in roster.by_first
        or key in roster.by_surname  # "Hall Green": two pupils' names side by side
        or key in first_name_lexicon()
        or key in TITLES
        or key in ADULT_ROLES
        or key == "master"
    ):
        return False
    at = start - len(before.group(0))
    mid_sentence = bool(re.search(r"[\w,;:]\s*$", text[max(0, at - 3) : at]))
    return mid_sentence or bool(
        re.match(
            r"['’]s\b|\s+(?:is|are|was|were)\s+(?:open|closed|shut)\b|\s+(?:school|primary|children|pupils|families|"
            r"parents|site|pond|gate|lane|village)\b",
            text[end : end + 30],
        )
    )


# Welsh place names join their words with "y" (the): "over Chwarel y Penrhyn", "Betws-y-Coed", "Pen y Fan".
_WELSH_PLACE_BEFORE = re.compile(r"(?-i:[A-Z])[\w'’]+[\s-]y[\s-]$")


@cache
def _place_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The places of more than one word (``places.txt``), by each of their folded words: each place's words."""
    by_word: dict[str, list[tuple[str, ...]]] = {}
    for line in (DATA / "places.txt").read_text(encoding="utf-8").splitlines():
        words = tuple(w for w in re.split(r"[\s,-]+", line.strip()) if w)
        if line.startswith("#") or len(words) < 2:
            continue
        for w in words:
            by_word.setdefault(fold(w), []).append(words)
    return {w: tuple(places) for w, places in by_word.items()}


@lru_cache(maxsize=1024)
def _place_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """A place's words as written, with any spaces, hyphens or commas between them."""
    return re.compile(r"(?<![\w'’-])" + r",?[\s-]+".join(map(re.escape, words)) + r"(?![\w'’-])")


def in_a_place_phrase(norm: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` of ``norm`` is part of the name of a place of more than one word
    ("Ross and Cromarty", "Milton Keynes", "Ross on Wye")."""
    places = _place_phrases().get(fold(norm[start:end]))
    if not places:
        return False
    near = max(0, start - 60)
    return any(
        near + m.start() <= start and end <= near + m.end()
        for words in places
        for m in _place_pattern(words).finditer(norm, near, min(len(norm), end + 60))
    )


# A child who played another part: "Matilda was a wonderfully gentle Miss Honey".
_PLAYS_ANOTHER_PART = re.compile(
    r"\s+(?:was|played|plays|is\s+playing|made)\s+(?:a|an|the|our)\s+(?:[\w-]+\s+){0,3}?(?-i:[A-Z])",
    re.IGNORECASE,
)
# What a character has in the story: "Jack's mum", "Cinderella's slipper".
_WORK_OWNS = re.compile(
    r"['’]s\s+(?:(?:wolf\s+)?suit|crown|boat|costume|mum|mother|dad|father|gran|grandma|cow|beans|slipper|coach|lamp|"
    r"cat|house)\b"
)
_WORK_TITLES = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in _WORKS) + r")\b", re.IGNORECASE)


def _title_case(title: str) -> str:
    small = ("of", "in", "the", "and", "a", "an", "to", "on", "at")
    return " ".join(w if w in small and i else w[:1].upper() + w[1:] for i, w in enumerate(title.split()))


# A title of two words or more after its article, written as a title without it: "the Year 11 Christmas Carol
# revision quiz", "our Midsummer Night's Dream cast" (not "the Iron Man", a film of its own).
_SHORT_TITLES = {
    _title_case(t.split(" ", 1)[1]): t
    for t in _WORKS
    if t.split(" ", 1)[0] in ("a", "an", "the") and len(t.split()) >= 3 and t != "the iron man"
}
_WORK_SHORT_TITLES = re.compile(r"\b(?:" + "|".join(map(re.escape, _SHORT_TITLES)) + r")\b")


@lru_cache(maxsize=256)
def characters_named(norm: str) -> frozenset[str]:
    """The characters' (and the author's) names of every work the post names, by its title or by people only it
    has ("Mrs Johnstone's story" of Blood Brothers)."""
    works = {t.lower() for t in _WORK_TITLES.findall(norm)} | {
        _SHORT_TITLES[t] for t in _WORK_SHORT_TITLES.findall(norm)
    }
    works = {w for w in works if w not in _WORK_EVIDENCE or _WORK_EVIDENCE[w].search(norm)}
    works |= {w for w, sign in _WORK_SIGNS.items() if sign.search(norm)}
    return frozenset(name for w in works for name in _WORKS[w].split())


PLACES_THAT_ARE_NAMES = frozenset(
    [
        "rio",  # Rio de Janeiro, as a list of cities writes it
        "kent",  # counties that are first names too: "runs for Kent"
        "angus",
        "moray",
        "gwynedd",
        "jordan",
        "chad",
        "georgia",
        "india",
        "israel",
        "kenya",
        "florence",
        "paris",
        "lourdes",
        # places of the Bible and of old stories that are children's names too: "the walls of Jericho"
        "jericho",
        "zion",
        "sinai",
        "canaan",
        "galilee",
        "shiloh",
        "hebron",
        "babylon",
        "sparta",
        # a peninsula whose name is a surname too: "coastal fieldwork on Gower"
        "gower",
        "sydney",
        "austin",
        "dallas",
        "devon",
        "kerry",
        "chester",
        "preston",
        "lincoln",
        "hamilton",
        "adelaide",
        "orlando",
        "phoenix",
        "brooklyn",
        "milan",
        "verona",
        "vienna",
        "lorraine",
        "shannon",
        "sahara",
        "skye",
        "iona",
        # islands of Britain and Ireland, and Scottish counties, that are children's names too
        "lewis",
        "harris",
        "arran",
        "islay",
        "jura",
        "bute",
        "tiree",
        "barra",
        "coll",
        "mull",
        "uist",
        "orkney",
        "shetland",
        "lundy",
        "sark",
        "herm",
        "alderney",
        "achill",
        "rathlin",
        "staffa",
        "gigha",
        "colonsay",
        "raasay",
        "sutherland",
        "lorne",
        "morven",
        "kintyre",
        "caithness",
        "bristol",
        "carolina",
        "virginia",
        "dakota",
        "montana",
        "nevada",
        "indiana",
        "arizona",
        "cairo",
        "jersey",
        "guernsey",
        "eden",
        "tyne",
        "clyde",
        "severn",
        "trent",
        "derby",
        "kendal",
        "mercedes",
        "peru",
        "cuba",
        "china",
        # the counties of Ireland, north and south, that are children's names or surnames too ("Kerry or Donegal had
        # the better season", "Tyrone GAA")
        "clare",
        "donegal",
        "fermanagh",
        "laois",
        "leitrim",
        "mayo",
        "meath",
        "offaly",
        "tipperary",
        "tyrone",
        "westmeath",
        "kerry",
        "derry",
        "antrim",
        "armagh",
        "cavan",
        "monaghan",
        "galway",
        "sligo",
        "wexford",
        "wicklow",
        "kildare",
        "louth",
        "longford",
        "roscommon",
        "carlow",
        "kilkenny",
        "down",
        # the planets and the stars, which houses and topics are named after: "points for Mercury, Venus, Mars"
        "mercury",
        "venus",
        "mars",
        "jupiter",
        "saturn",
        "neptune",
        "pluto",
        "orion",
        "cassiopeia",
        "andromeda",
        "sirius",
        "pegasus",
        # the holy cities: "the Hijrah from Makkah to Medina"
        "medina",
        "madinah",
        "makkah",
        "mecca",
    ]
)
# An animal's emoji straight after a name: "the robins have a new class rabbit!! please welcome Daisy 🐰".
_ANIMAL_EMOJI_AFTER = re.compile(
    r"^\s*[!.,]*\s*[🐰🐇🐹🐢🐶🐕🐱🐈🐔🐣🐤🐥🐑🐐🐄🐮🐷🐖🐴🐎🦔🐌🐛🦋🐟🐠🐸🦆🦉🐭🐁🐻🧸🦜🐍🦎]"
)
# A thing or an animal a name is given to, said straight after it: "Meet Ruby, the Year 10 team's new robot!",
# "Nova, our VEX robot", "Biscuit, the class hamster".
_A_NAMED_THING_AFTER = re.compile(
    r"^\s*,\s*(?:the|our|a|their)\s+(?:[\w'’-]+\s+){0,4}?(?:robot|rover|drone|bot|chatbot|mascot|rocket|racing\s+car|"
    r"f1\s+car|car|boat|hamster|guinea\s+pig|rabbit|bunny|tortoise|puppy|dog|cat|kitten|hen|chicken|goat|pony|lamb|"
    r"fish|snail|stick\s+insect|gecko|snake|teddy|bear)\b(?!s)",
    re.IGNORECASE,
)
# Words of a faith's worship that are children's names too, and the words that show a post is about that faith.
_HINDU = r"\b(?:mandir|temple|swami|swamiji|diwali|navratri|holi|puja|pooja|prasad|aarti|arti|bhajans?|mantra|chant|hindu|"
_HINDU += r"meditation|mindfulness|yoga|shanti|om)\b"
_SIKH = r"\b(?:gurdwara|guru|granth|sikh|waheguru|simran|kirtan|langar|ardas|vaisakhi|gurpurab|meditat\w*|seva|sewa|"
_SIKH += r"parshad|prashad|gurbani|shabad|shanti|peace)\b"
_ISLAMIC = (
    r"\b(?:mosque|masjid|salah|salat|dua|duas|quran|qur['’]an|islam|muslim|ramadan|eid|jummah|iman|allah)\b"
)
_FAITH_WORDS = {
    "aarti": _HINDU,
    "arti": _HINDU,
    "puja": _HINDU,
    "pooja": _HINDU,
    "diya": _HINDU,
    "shanti": _HINDU,
    "om": _HINDU,
    "bhajan": _HINDU,
    "simran": _SIKH,
    "seva": _SIKH,
    "sewa": _SIKH,
    "kirtan": _SIKH,
    "sukh": _SIKH,  # "Sukh shanti": peace and happiness
    "jeet": _SIKH,  # "Man jeetai jag jeet": conquer the mind, conquer the world
    "karah": _SIKH,  # "Karah parshad and kirtan in the hall"
    "dua": _ISLAMIC,
    "iman": _ISLAMIC,
    "sabr": _ISLAMIC,
    "jannah": _ISLAMIC,
}
# A thing named after its finder, or a star by what it is: "Faraday cages", "Newton's third law", "Sirius is the
# brightest star in the night sky".
_EPONYM_AFTER = re.compile(
    r"(?:['’]s?)?\s+(?:(?:first|second|third|1st|2nd|3rd)\s+)?(?:cages?|laws?|theory|principle|"
    r"constant|equation|cradle|disc|effect|paradox|rings|comet|moons?)\b"
    r"|\s+is\s+(?:the|a)\s+(?:brightest|nearest|closest|largest|biggest|smallest|hottest|coldest|furthest|red|blue|"
    r"white|yellow|giant|gas|dwarf|binary|double)\s+(?:[\w-]+\s+){0,2}?(?:star|planet|moon|constellation|galaxy|comet)\b",
    re.IGNORECASE,
)
# Programming languages that are children's names, in a post about code: "comparing Python, Java and Ruby".
_PROGRAMMING_LANGUAGES = frozenset(
    ["ruby", "java", "swift", "rust", "julia", "ada", "scratch", "kotlin", "dart"]
)
_ABOUT_CODE = re.compile(
    r"\b(?:coding|code|coders?|programming|programmers?|programs?|computer\s+science|computing|languages?|"
    r"(?-i:Python|Scratch|JavaScript|HTML|CSS|SQL|C\+\+|C#|PHP|Kotlin|TypeScript)|micro:?bits?|hackathon)\b",
    re.IGNORECASE,
)
# A breed of farm animal, before the animal: "with Dexter steer Gerald", "our Jersey heifers".
_BREED_AFTER = re.compile(
    r"^\s+(?:steers?|heifers?|bulls?|cows?|calf|calves|ewes?|rams?|tups?|lambs?|hoggets?|gimmers?|sows?|boars?|gilts?|"
    r"weaners?|piglets?|hens?|cockerels?|bantams?|ponies|pony|cob|goats?|nannies|billies|cattle|sheep|pigs?)\b",
    re.IGNORECASE,
)
# A post about the counties and their sport: "which county has won the most All-Irelands? (Kerry, of course)".
_COUNTY_SPORT = re.compile(
    r"\b(?:GAA|All-Irelands?|All\s+Irelands?|county|counties|provinces?|Ulster|Munster|Leinster|Connacht|supporters|"
    r"fans)\b",
    re.IGNORECASE,
)
# Before a place's name, the way a sentence goes there or is on it: "on Lewis", "crossing to Skye", "the trip
# to Harris", "visiting Iona" (not "well done to Lewis", "with Harris").
_ON_A_PLACE = re.compile(
    r"(?:\b(?:on|near|around|across|via|visiting|visited|visit|explore|exploring|explored|crossing|crossed|"
    r"are\s+loving|are\s+enjoying)"
    r"|\b(?:trip|trips|visit|journey|ferry|ferries|bridge|crossing|flight|flights|travel|travelled|traveled|"
    r"heading|headed|sailed|sailing|drive|drove|made\s+it|way|back|residential|expedition|pilgrimage|voyages?|boat|rowed|"
    r"paddled|pilgrims?|missionary|mission|flies|flew|fly|flying)\s+(?:all\s+the\s+way\s+|over\s+|out\s+)?to"
    r"|\b(?:landed|landing|land|lands)\s+on|\borbit(?:ing|s|ed)?"
    r"|\b(?:from|in|at)\s+(?:the\s+)?(?:island|isle)\s+of"
    # somebody from a country: "our new volunteer from Israel, who", "pen pals from Jordan"
    r"|\b(?:volunteer|visitor|visitors|teacher|student|students|family|families|friends?|guests?|pals|children|people|"
    r"choir|team|all\s+the\s+way)\s+from"
    # a chain of places: "From Jordan to Paris to India: the places Maple Class visited"
    r"|\bfrom\s+(?:(?-i:[A-Z])[\w'’-]+\s+to\s+){0,2}(?-i:[A-Z])[\w'’-]+\s+to"
    # a country a class learns about: "A lovely assembly from Year 3 about India today"
    r"|\b(?:assembly|topic|project|learning|learnt|learned|lessons?|facts|presentations?|talk|book|research)\b"
    r"[^.!?]{0,30}\babout)\s+$",
    re.IGNORECASE,
)


# After an ordinary word that opens a sentence, what makes it a name: a deed ("Best scored twice") or a phrase
# ("Fox in the box!", the striker's nickname). Anything else leaves it the word ("Pool news:", "Best try of the day").
_A_NAME_GOES_ON = re.compile(
    r"(?:[a-z]+ed|"
    + IRREGULAR_PAST
    + r"|has|had|was|is|will|and|does|did|gets|wins|takes|makes|scores|leads|tops|"
    r"strikes|goes|comes|keeps|saves|runs|swims|in|on|at|for|to|from|with|by|of|or|the|a|an)"
)


def word_opening_a_sentence(text: str, start: int, end: int, sentence_start: int) -> bool:
    """Whether the capitalised word at ``text[start:end]`` opens its sentence (or a heading's colon) as the word it
    is, a lower-case word after it and no deed: "Pool news: Freddie and Tobi ...", "Best try of the day went to"."""
    opens = not text[sentence_start:start].strip(" \"'‘“#") or re.search(
        r"[.!?:]\s+$", text[max(sentence_start, start - 3) : start]
    )
    after = re.match(r" ([a-z][\w-]*)", text[end : end + 25])
    return bool(opens) and after is not None and not _A_NAME_GOES_ON.fullmatch(after.group(1))


def is_a_place(key: str) -> bool:
    """Whether a folded word is a place that is also a name: an island, a town, a country ("lewis", "chester")."""
    return key in PLACES_THAT_ARE_NAMES or key in KNOWN_PLACES


# A post about the school's animals, by its heading: "Hen update: Clover, Nutmeg and Mrs Tiggy-Winkle are laying".
_ANIMAL_POST = re.compile(
    r"^\W*(?:hens?|chickens?|ducks?|pets?|animals?|lambs?|rabbits?|guinea\s+pigs?|goats?|ponies|pony|tortoise|"
    r"class\s+pets?|farm)\s+(?:update|news|corner|diary|watch)\s*[:!-]"
    # "Our school hens are laying again! Pearl, Ruby and Mabel managed eleven eggs"
    r"|^\W*our\s+(?:school\s+|class\s+)?(?:hens|chickens|ducks|lambs|rabbits|guinea\s+pigs|goats|ponies|tortoises)\s+"
    r"(?:are|have|laid)\b[^.!?]{0,60}[.!?]",
    re.IGNORECASE,
)
# Greetings of other languages, whose words may be children's names: "Shana tova", "Mazal tov".
_GREETING_PHRASE = re.compile(
    r"\b(?:shana\s+tova|shanah\s+tovah|mazal\s+tov|mazel\s+tov|shabbat\s+shalom|chag\s+sameach|eid\s+mubarak|"
    r"ramadan\s+mubarak|diwali\s+mubarak|feliz\s+navidad|bonne\s+ann[ée]e|joyeux\s+no[eë]l|buon\s+natale|"
    r"nadolig\s+llawen|guten\s+(?:morgen|tag|abend)|gute\s+nacht|viel\s+glück|frohe\s+weihnachten|buenas\s+(?:noches|tardes)|"
    r"buenos\s+días|feliz\s+cumpleaños|bon\s+voyage|bonne\s+chance|"
    # a Shabbat of the year, by its name: "It's Shabbat Shira this week"
    # the three virtues and a carol: "Faith, Hope and Love are the three words", "Noel, Noel!"
    r"faith,?\s+hope\s+(?:and|&)\s+(?:love|charity)|noel,?\s+noel|the\s+first\s+noel|"
    # a Scottish country dance: "The Gay Gordons caused the usual chaos"
    r"gay\s+gordons|strip\s+the\s+willow|dashing\s+white\s+sergeant|"
    r"shabbat\s+(?:shira|zachor|hagadol|ha-gadol|shuva|shuvah|nachamu|chazon|shekalim|parah|hachodesh|chanukah)|"
    # Irish: "Maith sibh!" (well done, all of you), "Erin go Bragh!", "Lá Fhéile Pádraig sona daoibh!"
    r"maith\s+sibh|maith\s+thú|maith\s+thu|erin\s+go\s+bragh|lá\s+fhéile\s+pádraig|la\s+fheile\s+padraig|"
    # Chinese New Year: "Xin nian kuai le!", "Gong xi fa cai", "Kung hei fat choy"
    r"xin\s+nian\s+(?:kuai\s+le|hao)|gong\s+xi\s+fa\s+cai|kung\s+hei\s+fat\s+choy)\b",
    re.IGNORECASE,
)
_PLACES_BEFORE = re.compile(r"(?:(?-i:[A-Z])[\w'’-]+\s*(?:,|\band\b|&)\s*)+$")
_DID_AFTER_THE_LIST = re.compile(
    r"\s*(?:(?:are|were|was|is)\s+(?:our|the|all|both|so)\b|" + DID_SOMETHING.pattern.lstrip("^") + ")",
    re.IGNORECASE,
)


_LIST_ITEM = r"(?-i:[A-Z])[\w'’-]+(?:\s(?-i:[A-Z])[\w'’-]+){0,2}"
_NAME_LIST = re.compile(_LIST_ITEM + r"(?:\s*(?:,|\band\b|&|\bor\b)\s*" + _LIST_ITEM + r"){2,}")


def _list_items(sentence: str, at: int) -> list[str]:
    """The names of the list of three or more that holds the name at ``at`` ("South Shields", "Stanley",
    "Crook"), or none."""
    for m in _NAME_LIST.finditer(sentence):
        if m.start() <= at < m.end():
            return re.split(r"\s*(?:,|\band\b|&|\bor\b)\s*", m.group(0))
    return []


@lru_cache(maxsize=256)
def houses_named(norm: str) -> frozenset[str]:
    """The school's houses a post names, folded: the names of a list of three or more, two of them famous
    people's surnames ("settled into Becket, Chaucer, Harvey and Marlowe"), or ranked in a house competition
    ("House Music results: 1st Marlowe, 2nd Becket, 3rd Harvey")."""
    found: set[str] = set()
    for m in _NAME_LIST.finditer(norm):
        items = [fold(item) for item in re.split(r"\s*(?:,|\band\b|&|\bor\b)\s*", m.group(0)) if item]
        if (
            all(" " not in item for item in items)
            and sum(item in FAMOUS_SURNAMES and not is_a_place(item) for item in items) >= 2
        ):
            found.update(items)
    if _HOUSES.search(norm):
        ranked = re.findall(
            r"\b(?:1st|2nd|3rd|4th|5th|6th)\s*(?:place\s*)?[:-]?\s*((?-i:[A-Z])[a-z]+)\b", norm
        )
        if len(ranked) >= 2:
            found.update(fold(r) for r in ranked)
    # a house by the word, winning: "Aeron house lifted the cup this year, with Teifi a very close second"
    won = [fold(m.group(1)) for m in _A_HOUSE_WON.finditer(norm)]
    if won:
        found.update(won)
        found.update(fold(m.group(1)) for m in _RUNNER_UP.finditer(norm))
    return frozenset(found)


_A_HOUSE_WON = re.compile(
    r"\b((?-i:[A-Z])[\w'’-]+)\s+(?i:house)\s+(?:have\s+|has\s+)?(?:lifted|won|took|retained|topped|claimed|"
    r"scooped|are|were|is|was|came|finished)\b"
)
_RUNNER_UP = re.compile(
    r"\b((?-i:[A-Z])[\w'’-]+)\s+(?:(?:a|in)\s+)?(?:very\s+|really\s+|extremely\s+)?close\s+(?:second|third|behind)\b"
)


def _in_a_list_of_places(sentence: str, at: int) -> bool:
    """Whether the name at ``at`` is in a list of three or more names that are all places ("point to Lewis,
    Harris, Skye and Iona", "South Shields, Stanley and Crook")."""
    items = _list_items(sentence, at)
    return bool(items) and all(
        is_a_place(fold(item)) or all(is_a_place(fold(w)) for w in item.split()) for item in items
    )


_PLACES_SAID = re.compile(
    r"\b(?:two|three|four|five|six|these|those|all)\s+(?:[\w-]+\s+)?(?:villages|towns|places|cities|counties|islands|"
    r"hamlets|parishes|countries)\b"
    # "the small schools of Wedmore, Meare and Westhay": schools by their villages' names
    r"|\bthe\s+(?:[\w-]+\s+)?(?:villages|towns|schools|parishes|islands|cities)\s+of\b",
    re.IGNORECASE,
)


_A_NAMED_PLACE = re.compile(
    r"\b((?-i:[A-Z])[\w'’-]+)\s+(?-i:Castle|Hall|Abbey|Priory|Manor|Museum|Bay|Hill|Hills|Woods|Forest|Lake|Reservoir|"
    r"Beach|Sands|Farm|Cathedral|Minster|Gardens|Estate|Country\s+Park|Village|Moor|Common|Gorge|Caves)\b"
)


@lru_cache(maxsize=64)
def _named_places(norm: str) -> frozenset[str]:
    """The words a post uses as the first word of a place's name ("Hylton Castle", "Kielder Water" is not one)."""
    return frozenset(fold(m.group(1)) for m in _A_NAMED_PLACE.finditer(norm))


def _a_list_said_to_be_places(sentence: str, at: int) -> bool:
    """Whether the name at ``at`` is in a list of three or more names that the sentence calls places
    ("Cottingham, Welton and Brough: Year 9 compared how three villages near Hull have grown")."""
    return _PLACES_SAID.search(sentence) is not None and bool(_list_items(sentence, at))


def _list_with_a_town(sentence: str, at: int) -> bool:
    """Whether the list of names at ``at`` has a town in it that nobody is called ("South Shields, Stanley and
    Crook"): the others are towns too."""
    lexicon = first_name_lexicon()
    return any(
        is_a_place(fold(item)) and (" " in item or fold(item) not in lexicon)
        for item in _list_items(sentence, at)
    )


# The land's features of a place: "the peat bogs of Lewis", "the machair of Harris", "the beaches of Barra".
_LAND_OF = re.compile(
    r"\b(?:bogs|machair|coast|coastline|hills|mountains|beaches|beach|shores|cliffs|lochs|villages|towns|island|monks|nuns|"
    r"islands|isle|people|history|geography|map|landscape|wildlife|abbey|castles?|county|counties|shire|ferry)\s+of\s+$",
    re.IGNORECASE,
)
# After a place's name, a word that makes the name describe it: "Paris landmarks", "a Paris café".
_PLACE_DESCRIBES = re.compile(
    r"\s+(?-i:landmarks|café|cafe|cafés|cafes|skyline|streets|zoo|museum|walls|metro|marathon|fashion|bakery|market|"
    r"markets|accent|cathedral|docks|harbour|olympics|airport|station|trip|holiday|map|maps|street|bridge|bridges|"
    r"tower|towers|landmark|postcard|postcards|restaurant|theme|themed|style|skyscrapers|city|canals|gondolas|"
    r"minibus|minibuses|van|car|cars|bus|coach|lorry|engine|presentations|presentation|projects|project|topic)\b"
)
_PLACES = (
    r"egypt|morocco|spain|france|italy|germany|greece|turkey|china|japan|india|kenya|nigeria|ghana|brazil|peru|"
    r"mexico|canada|america|australia|wales|scotland|ireland|england|venice|rome|paris|london|madrid|berlin|"
    r"athens|cairo|delhi|tokyo|beijing|lagos|nairobi|cornwall|devon|yorkshire|lancashire|cumbria|kent|essex|"
    r"jordan|iran|iraq|syria|israel|sahara|arctic|antarctica|africa|asia|europe|oceania|amazon|nile|everest"
)
_IN_A_LIST_OF_PLACES = re.compile(
    r"\b(?:" + _PLACES + r")\s*(?:,|\band\b|\bor\b|&)\s*(?-i:[A-Z])[a-z]+|(?-i:[A-Z])[a-z]+\s*"
    r"(?:,|\band\b|\bor\b|&)\s*(?:" + _PLACES + r")\b",
    re.IGNORECASE,
)
_ABOUT_PLACES = re.compile(
    r"\b(?:countries|country|maps?|atlas|flags|continents?|capital\s+cities|cities|geography|locating)\b",
    re.IGNORECASE,
)
_AFTER_THE_LIST = re.compile(r"^(?:\s*(?:,|\band\b|&)\s*(?-i:[A-Z])[\w'’-]*)+")
_ATTRIBUTIVE_AFTER = re.compile(
    r"^\s+(?!(?:and|or|is|was|are|were|has|had|who|whose|will|can|did|in|from|for|with|to|at|on|back|home|again|too|also|"
    r"both|each|all|got|gets|won|wins|came|comes|made|makes|"
    r"now|just|today|here|there|so|very|really|always|never|said|says|" + IRREGULAR_PAST + r")\b)"
    r"(?-i:[a-z]{3,})(?<!ed)(?<![^s]s)\b(?!\s+(?:a|an|the|his|her|their)\b)"
)
# Praise or good wishes just before a capitalised word, and a child's wording after it: the word is
# a child's name even when no list knows it (a name spelt another way, a short form).
_CHEERED_BEFORE = re.compile(
    r"\b(?:well\s+done|congratulations|congrats|special\s+mention|shout[\s-]*out|happy\s+(?:\d+\w*\s+)?birthday|"
    r"get\s+well\s+soon|good\s+luck|bravo|kudos|proud\s+of|huge\s+well\s+done|step\s+forward,?|fair\s+play|"
    r"big\s+up|maith\s+th[uú],?)\s+(?:to\s+|2\s+)?(?:our\s+)?$",
    re.IGNORECASE,
)
# An award of the week given to a name no list knows: "Mathlete of the week – Alexx P in Heron".
_AWARDED_BEFORE = re.compile(
    r"\b(?:star|pupil|reader|writer|learner|mathematician|scientist|artist|citizen|athlete|superstar|champion|"
    r"mathlete|speller|worker|helper|achiever|author|[a-z]+(?:ist|ician|ete))\s+of\s+the\s+(?:week|month|term|day)"
    r"(?:\s+(?:in|for)\s+[\w\s]{1,20}?)?\s*(?:is|was|goes\s+to)?\s*[:\-–—…!.]*\s*$",
    re.IGNORECASE,
)
# A new child welcomed to a class by a name no list knows: "Welcome to Otter Class, Kaito!"
_WELCOMED_BEFORE = re.compile(
    r"\bwelcome\s+(?:back\s+)?to\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:class|year\s*\d+|reception|nursery)\s*,\s*$"
    # "A big welcome to Tymon, who joined Year 3 today"
    r"|\b(?:a\s+(?:big|huge|warm|very\s+warm)\s+)?welcome\s+(?:back\s+)?to\s+$|\bplease\s+welcome\s+$",
    re.IGNORECASE,
)
_WELCOMED_AFTER = re.compile(r"^\s*(?:!|\.(?!\w)|,\s*who\b)")
_CHEERED_AFTER = re.compile(
    r"^(?:['’]s)?(?:\s*,\s*who\b|\s+(?:in|from)\s+(?:[Yy]ear\s*\d|[Rr]eception|[Nn]ursery|[Cc]lass\b|[A-Z][\w'’-]*\s+[Cc]lass)"
    r"|\s+(?:for|4)\s+(?:a|an|the|his|her|being|getting|winning|reading|writing)\b)"
)
# A hashtag's cheer just before a word: the word is a child's name though no list knows it.
_TAG_CHEER = re.compile(
    r"#(?:go|comeon|proudofyou|soproudof|soproud|welldone|congrats|congratulations|happybirthday|youdidit|"
    r"superstar|starpupil|wellplayed|safehands|goldengloves|goldenboot|potm|motm|playerofthematch|mvp|legend|hero)$",
    re.IGNORECASE,
)


def _common_proper_noun(word: str, at_least: int = 30) -> bool:
    """A place, team, brand or famous person the dictionary knows and people write often: England,
    Liverpool (Zipf 3.0 and more); with ``at_least`` 25, famous names too (Monet, Einstein)."""
    from safepost.policy.spelling import dictionary

    zipf = dictionary().table.get(word[:1].upper() + word[1:].lower())
    return zipf is not None and zipf >= at_least


# Words of a cheering hashtag, never a name there: the "Done" of #WellDoneChester.
_CHEER_WORDS = frozenset(
    [
        "well",
        "done",
        "go",
        "come",
        "on",
        "proud",
        "of",
        "you",
        "so",
        "congrats",
        "congratulations",
        "happy",
        "birthday",
        "star",
        "super",
        "legend",
        "hero",
        "champ",
        "champion",
        "winner",
        "brave",
        "love",
        "team",
        "big",
        "shout",
        "out",
    ]
)


_TITLE_IN_QUOTES = re.compile(r"['’]?s?\s+['‘\"“](?-i:[A-Z])")
_CLASSES_JOINED = re.compile(r"\s+(?:and|&)\s+((?-i:[A-Z])[\w'’-]+)")
_FAITH_ADJECTIVES = frozenset(["christian", "muslim", "jewish", "hindu", "sikh", "buddhist", "catholic"])
_DETERMINERS = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "my", "your", "their", "its", "every"]
)
_PARTICLES = frozenset(
    ["ap", "ab", "van", "von", "de", "da", "di", "du", "del", "della", "le", "la", "bin", "ibn", "al", "el"]
)
_WORD_GOES_ON = re.compile(
    r"^\s+(?:be|have|not|never|also|you|we|they|to|the|a|an|that|this|it|your|our|their|he|she|i|all|"
    r"only|just|soon|still|now|now,|definitely|certainly|need|get|go|come|arrive|start|finish|take|make|see|run|"
    r"continue|happen|look|help|stay|close|open|be\s+\w+|go\s+home|also|follow|begin|end|change|depend|vary|"
    r"include|involve|return|resume|apply|remain|appear)\b",
    re.IGNORECASE,
)


_SCHOOL_YEAR_TOKEN = re.compile(r"(?:[SPYsy][1-9]|[Yy]1[0-3])s?")  # "our new P1s"
# Good wishes that a grown-up is given as often as a child: "Happy birthday, Gerry!"
_GREETING_CUES = frozenset({"Happy birthday,", "Happy birthday", "happy birthday,", "happy birthday"})
_CONTRACTION_TOKEN = re.compile(r"[A-Za-z]['’](?:ve|ll|re|d|m)")


def _name_candidate(tok: Token, roster: Roster, lexicon: frozenset[str], after: str) -> bool:
    key = tok.key
    if not tok.is_capitalised and not tok.hashtag and key not in roster.by_first:
        return False  # a word in lower case is a name only as a pupil's (the last branch below)
    if _SCHOOL_YEAR_TOKEN.fullmatch(tok.text):
        return False  # "our S4, S5 and S6 pupils": Scottish school years
    if _CONTRACTION_TOKEN.fullmatch(tok.text):
        return False  # "U've got this!": text language for "you've", not a name
    if len(tok.text) >= 2 and re.fullmatch(r"X{0,3}(?:IX|IV|VI{0,3}|I{1,3})|X{1,3}", tok.text):
        return False  # "the 1st XI beat Dover Grammar": a team by its Roman numeral, not a name
    if len(tok.text) == 2 and tok.text.isupper() and tok.text.isalpha() and key not in roster.by_first:
        return False  # "KA Ansah": a child's initials, and the surname after them says who
    if len(key) < 2 or (tok.hashtag and key in _CHEER_WORDS and key not in roster.by_first):
        return False
    if key in _PRONOUNS and key not in roster.by_first:
        return False  # "He gets very muddled": a pronoun, though "He" is a surname in some lists
    if key in _GREETINGS_ABROAD and not any(fold(p.first_names[0]) == key for p in roster.pupils):
        return False  # "Merci beaucoup to the staff!": a word of thanks, though "Merci" is a name in a list
    if tok.hashtag and key in _HASHTAG_SMALL_WORDS and key not in roster.by_first:
        return False  # the "To" of #ProudToBeSMP joins the words of a hashtag; it names nobody
    if tok.hashtag and key not in roster.by_first and is_ordinary_word(key):
        return False  # the "Run" of #FunRun: a word of a hashtag, though some lists give it as a name
    if key in NON_NAMES:
        # A month that is a pupil's name ("June has been our Kindness Champion") is read like any
        # other name that is also a word: a child only where the wording makes one the subject.
        return key in _MONTH_NAMES and key in roster.by_first and tok.is_capitalised
    if (
        tok.is_capitalised
        and not tok.hashtag
        and (_STRONG_CHILD_AFTER.match(after) or in_roster_class(after, roster.class_names))
        and not is_ordinary_word(key)
    ):
        return True  # "Ayaan in Year 3 has been practising": a name though in no list
    if not tok.is_capitalised:
        # Typed in lower case on a phone: a pupil's name still counts; one that is also an
        # ordinary word ("grace") only with a clear cue or the pupil's surname (see _classify_one),
        # and never where the word goes on as a word ("certificates will be handed out").
        if _WORD_GOES_ON.match(after) and is_ordinary_word(key):
            return False
        return key in roster.by_first
    return (
        key in roster.by_first
        or key in lexicon
        # "Harley-Rose", "Lily-Mae": a double first name whose parts are names
        or (
            "-" in key
            and all(part[:1].isupper() for part in tok.text.split("-"))
            and any(p in lexicon for p in key.split("-"))
            and all(p in lexicon or not is_ordinary_word(p) for p in key.split("-"))
        )
        or misspelt_pupil(tok, roster, lexicon)
    )


# A grown-up teaching or leading the class: "Jo showed them the safe way round" (not "showed the class her medal").
_TAUGHT_THE_GROUP = re.compile(
    r"\s+(?:(?:then|also|kindly|patiently|carefully|expertly)\s+)?(?:showed|taught|led|guided|shows|teaches|leads|guides)\s+"
    r"(?:them|the\s+(?:children|class|group|pupils|students|kids|whole\s+class)|(?-i:[A-Z])\w+\s+Class|everyone|everybody)\b"
    r"(?!\s+(?:her|his|their)\b)",
    re.IGNORECASE,
)


def _a_word_of_another_language(
    norm: str, tokens: list[Token], i: int, roster: Roster, lexicon: frozenset[str]
) -> bool:
    """Whether a word in lower case is a word of another language: explained in brackets after it ("celyn (holly)"),
    or between two words that are neither English nor names ("Gwyliau haf hapus")."""
    tok = tokens[i]
    if _GLOSS_AFTER.match(norm, tok.nend):
        return True
    if i == 0 or i + 1 >= len(tokens):
        return False
    prev, nxt = tokens[i - 1], tokens[i + 1]
    return (
        all(
            t.sentence == tok.sentence
            and not t.hashtag
            and t.text.isalpha()
            and len(t.key) >= 3
            and not is_ordinary_word(t.key)
            and t.key not in lexicon
            and t.key not in roster.by_first
            and t.key not in roster.by_surname
            for t in (prev, nxt)
        )
        and _gap(norm, prev, tok) == " "
        and _gap(norm, tok, nxt) == " "
    )


_GLOSS_AFTER = re.compile(r"\s*\((?-i:[a-z][a-z'’-]*)(?:\s(?-i:[a-z][a-z'’-]*)){0,2}\)")


def misspelt_pupil(tok: Token, roster: Roster, lexicon: frozenset[str]) -> bool:
    """A capitalised word one letter away from a pupil's first name, and no word or name itself."""
    key = tok.key
    return (
        tok.is_capitalised
        and not tok.hashtag
        and key not in lexicon
        and key not in NON_NAMES
        and roster.near_first_name(key) is not None
        and key not in KNOWN_PLACES  # "at Filey on Friday": a town, not Riley mistyped
        and not is_ordinary_word(key)
        and not _common_proper_noun(tok.text)
    )


def analyse_people(
    text: PostText,
    roster: Roster,
    pupil_words: frozenset[str] = frozenset(),
    other_words: frozenset[str] = frozenset(),
) -> PeopleAnalysis:
    """Find the people in a post and decide which of them are children.

    ``pupil_words``/``other_words``: the school's answers to "Is Summer a pupil here?".
    Mentions the analysis cannot decide come back in ``unsure``.
    """
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
                # "the Pemberton family" thanked for a cake stall names the pupil's surname: a
                # careful reader holds it, as the category says (a pupil's surname appears)
                nxt.key in {"twins", "triplets", "siblings", "brothers", "sisters", "family", "children"}
                and not _gap(norm, tok, nxt).strip()
                and key not in roster.by_first
                and key not in characters_named(norm)  # "The Walker children" of Swallows and Amazons
                # "as a Roman family did 1,600 years ago": a kind of family, not a pupil's
                and not re.search(
                    r"\ban\s+$|\ba\s+$", norm[max(0, tok.nstart - 3) : tok.nstart], re.IGNORECASE
                )
                # "questions about the Armstrong family" of the castle: a family in history, not a pupil's
                and not re.search(
                    r"\b(?:about|of|history\s+of)\s+the\s+$", norm[max(0, tok.nstart - 16) : tok.nstart], re.I
                )
            ):
                surname_refs.append((tok, nxt.key))
        # Surname first, as registers and Chinese names are written: "Okonkwo, Chidi", "Zhou Xinyi".
        if key in roster.by_surname and i + 1 < len(tokens):
            nxt = tokens[i + 1]
            gap = _gap(norm, tok, nxt)
            # not "Little Joel" (a word before a name), though Joel's surname is Little
            if (gap in (", ", ",") or (gap == " " and not is_ordinary_word(key))) and roster.is_full_name(
                nxt.key, key
            ):
                mentions.append(
                    PersonMention(first=nxt, surname=tok, on_roster=True, full_name_on_roster=True)
                )
                used.add(i + 1)
                continue
        before, after = norm[max(0, tok.nstart - 40) : tok.nstart], norm[tok.nend : tok.nend + 30]
        cheered = (
            tok.is_capitalised
            and not tok.hashtag
            and len(key) >= 3
            and (
                (_CHEERED_BEFORE.search(before) is not None and _CHEERED_AFTER.match(after) is not None)
                or (_WELCOMED_BEFORE.search(before) is not None and _WELCOMED_AFTER.match(after) is not None)
                or _AWARDED_BEFORE.search(before) is not None
            )
            and key not in NON_NAMES
            and key not in PLACE_WORDS
            and not is_ordinary_word(key)
        )  # "Congratulations to Tayo, who was named Player of the Tournament": a name in no list
        cheered = cheered or (
            # "#WellDoneThandi", "#ProudOfYouBartek": a name no list knows, cheered in a hashtag
            tok.hashtag
            and len(key) >= 3
            and tok.text[:1].isupper()
            and tok.text[1:].islower()
            and _TAG_CHEER.search(before) is not None
            and key not in roster.class_names
            and key not in NON_NAMES
            and key not in PLACE_WORDS
            and key not in _CHEER_WORDS
            and not is_ordinary_word(key)
            and not _common_proper_noun(tok.text)
        )
        if key in ("boy", "girl") and i >= 1 and tokens[i - 1].key == "head":
            continue  # "Our Head Boy, Zain, welcomed the Mayor": the post, not a name (nor "Head" a grown-up)
        if (
            tok.is_capitalised
            and i >= 2
            and tokens[i - 1].text in ("yr", "y", "'r", "’r")
            and tokens[i - 2].is_capitalised
            and _gap(norm, tokens[i - 2], tokens[i - 1]) == " "
            and _gap(norm, tokens[i - 1], tok) == " "
        ):
            continue  # "Seren yr Wythnos", "Dydd y Cofio": the second noun of a Welsh phrase, not a name
        if (
            not tok.is_capitalised
            and not tok.hashtag
            and key
            in roster.by_first  # (only a pupil's name is read as one in lower case: see _name_candidate)
            and _a_word_of_another_language(norm, tokens, i, roster, lexicon)
        ):
            continue  # "wreaths with celyn (holly)", "Gwyliau haf hapus!": a Welsh word, though a pupil is called it
        if not (cheered or _name_candidate(tok, roster, lexicon, norm[tok.nend : tok.nend + 40])) or (
            key in _MONTH_NAMES
            and (
                _IN_A_DATE.search(norm[max(0, tok.nstart - 20) : tok.nend])
                or _IN_A_DATE.match(norm[tok.nstart : tok.nend + 6])
            )
        ):
            continue
        if (
            not tok.is_capitalised
            and i + 1 < len(tokens)
            and not tokens[i + 1].is_capitalised
            and roster.is_full_name(key, tokens[i + 1].key)
            and is_ordinary_word(key)
            and is_ordinary_word(tokens[i + 1].key)
            and _PRE_CUE.search(before) is None
        ):
            continue  # "Staff will park at the church", "a perfect summer day": words, not Will Park
        if (
            not tok.is_capitalised
            and is_ordinary_word(key)
            and re.search(
                r"\b(?:what|such|pure|much|real|so\s+much|full\s+of|with|of|spread|spreading|brings?|brought)\s+$",
                before,
                re.I,
            )
        ):
            continue  # "What joy in the Seacole classroom today": the word, typed in lower case after a word that asks for one
        m = PersonMention(first=tok, on_roster=key in roster.by_first or misspelt_pupil(tok, roster, lexicon))
        # "Iolo ap Rhys", "Daan van Dijk": a surname after a particle
        if i + 2 < len(tokens) and tokens[i + 1].key in _PARTICLES:
            part, last = tokens[i + 1], tokens[i + 2]
            if (
                _gap(norm, tok, part) == " "
                and _gap(norm, part, last) == " "
                and last.is_capitalised
                and (
                    roster.is_full_name(key, f"{part.key} {last.key}")
                    or (not part.is_capitalised and roster.is_full_name(key, last.key))
                )
            ):
                m.surname, m.full_name_on_roster = last, True
                used.update((i + 1, i + 2))
                mentions.append(m)
                continue
        # A following capitalised word: a surname, or part of a place or a thing.
        if i + 1 < len(tokens):
            nxt = tokens[i + 1]
            gap = _gap(norm, tok, nxt)
            if (
                gap in (" ", "")
                and nxt.hashtag == tok.hashtag
                and not (nxt.hashtag and nxt.key in _CHEER_WORDS)  # the "Go" of #GoStarGo
                and fold(nxt.text) not in CLASS_WORDS
                and (nxt.is_capitalised or roster.is_full_name(key, nxt.key))
            ):
                nkey = nxt.key
                if len(nkey) == 1 or re.fullmatch(r"[a-z]-[a-z]", nkey):
                    # "Caleb O.": a pupil's first name and an initial, which names no surname
                    used.add(i + 1)
                elif nkey in roster.by_surname and (
                    roster.is_full_name(key, nkey) or m.on_roster or key in lexicon
                ):
                    m.surname = nxt
                    m.full_name_on_roster = roster.is_full_name(key, nkey)
                    used.add(i + 1)
                elif nkey in PLACE_WORDS or (nkey in NON_NAMES and nkey not in {"i"}):
                    m.kind = "place"
                    m.reasons.append(f'part of "{tok.text} {nxt.text}"')
                    used.add(i + 1)  # "Fair" of "Autumn Fair" is no name of its own
                elif (nkey not in roster.by_first or nkey in roster.by_surname) and not (
                    nxt.hashtag and is_ordinary_word(nkey) and not roster.is_full_name(key, nkey)
                ):  # not the "Writer" of #StarWriter
                    # "Sage Norris": a surname, even one that is also a first name somewhere
                    m.surname = nxt
                    used.add(i + 1)
        mentions.append(m)
    _classify(text, tokens, mentions, roster)
    _same_reading_again(text.text, mentions)
    surname_refs.extend(_parents_named(text, tokens, roster))
    mentions.extend(_pupils_in_handles(text, roster))
    _surnames_alone(text, tokens, mentions, roster, surname_refs)
    roles = [
        RoleMention(mm.start(), mm.end(), mm.group(0))
        for mm in _SINGLE_CHILD_ROLE.finditer(norm)
        # not "gave player of the tournament to our whole back line"
        if not _ROLE_TO_GROUP.match(norm, mm.end())
    ]
    roles += (
        _initials_cheered(text, roster) + _one_of_a_class(norm, roster.class_names) + _a_part_played(norm)
    )
    roles += [RoleMention(m.start(), m.end(), m.group(0)) for m in _A_HOUSES_CAPTAIN.finditer(norm)]
    roles += [RoleMention(m.start(), m.end(), m.group(0)) for m in _A_NICKNAME_WITH_THE.finditer(norm)]
    # "well done to mo in owls": a child typed in lower case, placed in a class the school has
    roles += [
        RoleMention(m.start("who"), m.end(), m.group(0)[m.start("who") - m.start() :])
        for m in _CHEERED_IN_A_CLASS.finditer(norm)
        if (
            fold(m.group("cls")) in roster.class_names
            or fold(m.group("cls")).rstrip("s") in roster.class_names
        )
        and fold(m.group("who")) not in _NOT_ONE_CHILD
    ]
    roles += [
        r for r in _roles_in_hashtags(norm) if not any(o.nstart < r.nend and r.nstart < o.nend for o in roles)
    ]
    # not a show's title: "the backstage tour for our Oliver! cast"; not a grown-up said to hold the post ("Mr Tharme is
    # our forces champion")
    roles = [
        r
        for r in roles
        if not _A_SHOWS_COMPANY.match(norm, r.nend)
        and not _A_GROWN_UP_IS.search(norm, max(0, r.nstart - 40), r.nstart)
    ]
    others = any(
        m.kind in ("adult", "other-person", "unknown") and m.first.is_capitalised for m in mentions
    ) or any(_is_other_name(text, tok, roster) for tok in tokens)
    taken = SpanIndex(
        [(r.nstart, r.nend) for r in roles] + [(m.nstart, m.nend) for m in mentions if m.is_pupil]
    )
    adults_at = {m.nstart for m in mentions if m.kind == "adult"}
    adults_end = {m.nend for m in mentions if m.kind == "adult"}
    for ref in child_references(text, others, roster.class_names):
        if (
            not taken.overlaps(ref.nstart, ref.nend)
            and not _named_adult_after(norm, ref.nend, adults_at)
            and not _named_adult_before(norm, ref.nstart, adults_end)
        ):
            roles.append(RoleMention(ref.nstart, ref.nend, ref.phrase))
    # "our youngest Robin ran the 50m": one of the Robins, whom the role holds; the class's name is no child's
    in_roles = SpanIndex([(r.nstart, r.nend) for r in roles])
    mentions = [
        m
        for m in mentions
        if not (
            m.is_pupil
            and (m.surname is None or (not m.full_name_on_roster and m.surname.key not in roster.by_surname))
            and m.first.key not in roster.by_first
            and m.first.key not in roster.by_surname
            and in_roles.overlaps(m.first.nstart, m.first.nend)
        )
    ]
    # "Our Joseph held that last note": the part, though a pupil's surname is Joseph (the role says one child)
    parts = [r for r in roles if _OUR_PART.fullmatch(r.phrase)]
    if parts:
        mentions = [
            m
            for m in mentions
            if not (
                m.surname_only
                and m.surname is None
                and any(r.nstart <= m.first.nstart < r.nend for r in parts)
            )
        ]
    roles = list({(r.nstart, r.nend): r for r in roles}.values())  # one finding for a role two readings found
    unsure = _answer_or_ask(text, mentions, roster, pupil_words, other_words)
    return PeopleAnalysis(mentions, roles, surname_refs, unsure)


# A player cheered by a nickname and what they scored: "Big Daws with the last-gasp winner for the U14s!"
_A_NICKNAME_WITH_THE = re.compile(
    r"\b(?:Big|Little|Young|Wee)\s+[A-Z][\w'’-]+(?=\s+with\s+(?:the|a|another)\s+(?:[\w-]+\s+)?(?:winner|goal|try|save|"
    r"equaliser|catch|hat-trick|brace|wicket|century|finish)\b)"
)
_SONG_WENT_DOWN = re.compile(
    r"[^'’\"”]{0,60}['’\"”]\s+(?:brought\s+the\s+house\s+down|stole\s+the\s+show|had\s+(?:the\s+)?(?:whole\s+)?"
    r"(?:hall|audience|crowd)|left\s+(?:us|everyone|the\s+audience)|gave\s+(?:us|everyone)\s+goosebumps|"
    r"was\s+(?:stunning|beautiful|breathtaking|incredible|amazing|outstanding))",
    re.IGNORECASE,
)
_OUR_PART = re.compile(r"(?i:our)\s+(?:very\s+own\s+)?(?-i:[A-Z])[\w'’-]+")
# A grown-up by title and name, said to be what follows: "Mr Tharme is our forces champion", "Mrs Kaur, our class rep,".
_A_GROWN_UP_IS = re.compile(
    r"\b(?-i:Mr|Mrs|Miss|Ms|Mx|Dr)\.?\s+(?-i:[A-Z])[\w'’-]+\s*(?:,|\s(?:is|was|will\s+be|has\s+been|remains))\s*$"
)
# A child typed in lower case, cheered and placed in a class: "well done to mo in owls who was brave enough".
_CHEERED_IN_A_CLASS = re.compile(
    r"\b(?:well\s+done|congratulations|congrats|shout[\s-]?out|big\s+thanks|thank\s+you)\s+(?:to\s+)?"
    r"(?P<who>(?-i:[a-z])[a-z'’-]{1,15})\s+(?:in|from)\s+(?P<cls>[A-Za-z][\w'’-]+)\b",
    re.IGNORECASE,
)
_NOT_ONE_CHILD = frozenset(
    {
        "everyone",
        "everybody",
        "all",
        "each",
        "every",
        "the",
        "our",
        "those",
        "them",
        "you",
        "us",
        "anyone",
        "children",
    }
)
# A house's or a team's one captain, by its name: "Seacole's Year 13 House Captain has raised £900".
_A_HOUSES_CAPTAIN = re.compile(
    r"\b[A-Z]\w+['’]s\s+(?:(?i:year)\s*\d+\s+)?(?i:house|school|sports|team)\s+(?i:captain)\b(?!s)"
)
# A part only one child plays, doing something on the night: "The innkeeper forgot there was no room".
_PART_PLAYED = re.compile(
    r"(?<![\w'’])(?:the|our)\s+(?:(?:little|young|brave|tiny|wise|grumpy)\s+)?(?:innkeeper|narrator|angel\s+gabriel|"
    r"king\s+herod|(?-i:Mary|Joseph|Herod|Gabriel))\b(?!s)"
    # (of the show: "The Angel Gabriel in today's Starfish nativity forgot every single line")
    r"(?:\s+in\s+(?:[\w'’-]+\s+){1,4}?(?:nativity|play|show|production|panto\w*))?"
    r"(?=\s+(?:(?:just|then|even|also|completely|totally)\s+)?(?:forgot|remembered|sang|said|stole|dropped|fell|"
    r"got|made|kept|ran|did|was|(?-i:[a-z]+ed))\b)",
    re.IGNORECASE,
)
_A_PLAY = re.compile(r"\bnativity|\bplay\b|\bproduction\b|\bperformance\b|\bshow\b|\bpanto", re.IGNORECASE)
# ... performed, not told: "In the nativity story, the innkeeper turned Mary away" is the story
_PERFORMED = re.compile(
    r"\b(?:performance|performed|production|audience|cast|stage|rehearsal|this\s+(?:morning|afternoon|evening)|"
    r"last\s+night|tonight|today['’]s|(?:was|were)\s+(?:an?\s+)?(?:absolute\s+)?(?:joy|triumph|delight|brilliant|amazing|wonderful))\b",
    re.IGNORECASE,
)


# The rest of a cast named after a part: the post goes through the cast, not one child.
_THE_CAST = re.compile(
    r"[,;]\s*(?:and\s+)?the\s+(?:\w+\s+)?(?:donkey|angels?|shepherds?|kings?|wise\s+men|sheep|star|narrators?|innkeeper|"
    r"mary|joseph|camels?|ox|chorus)\b",
    re.IGNORECASE,
)
# A show on the night, for a character's name with "our": "Our Timon deserves an award ... the audience".
_ON_STAGE = re.compile(
    r"\b(?:performance|performed|production|audience|cast|stage|matinee|curtain\s+call|applause|last\s+night|"
    r"tonight|in\s+stitches|encore|opening\s+night)\b",
    re.IGNORECASE,
)


def _a_part_played(norm: str) -> list[RoleMention]:
    """One child by the part only they play, in a post about a nativity or a play: "The innkeeper forgot there was
    no room", "Our Timon deserves an award for comic timing. The Lion King audience were in stitches"."""
    if not _PERFORMED.search(norm):
        return []
    found = (
        [
            RoleMention(m.start(), m.end(), m.group(0))
            for m in _PART_PLAYED.finditer(norm)
            # not the whole cast in turn: "The innkeeper forgot one line, the donkey stole the show and the angels sang"
            if not _THE_CAST.search(norm, m.end(), min(len(norm), m.end() + 80))
        ]
        if _A_PLAY.search(norm)
        else []
    )
    if _A_PLAY.search(norm) and _ON_STAGE.search(norm) and (characters := characters_named(norm)):
        # a character of the show named, doing something on the night: "Maid Marian nearly brought the house down"
        found += [
            RoleMention(m.start(), m.end(), m.group(0))
            for m in re.finditer(
                r"(?:^|(?<=[.!?]\s))(?:(?:Maid|King|Queen|Friar|Prince|Princess|Captain|Little|Big|Mrs|Mr|Miss)\s+)?"
                r"([A-Z][\w'’-]+)(?=\s+(?:(?:nearly|almost|just|completely|totally|really|absolutely)\s+)?"
                r"(?:[a-z]+ed|was|had|stole|brought|sang|made|kept|got|gave|took|won|ran)\b)",
                norm,
            )
            if fold(m.group(1)) in characters
        ]
    if "our " in norm.lower() and _ON_STAGE.search(norm):
        characters = characters_named(norm)
        found += [
            RoleMention(m.start(), m.end(), m.group(0))
            for m in re.finditer(
                # "Our Year 10 Fagin brought the house down": the part, by the year of the child playing it
                r"\b(?i:our)\s+(?:very\s+own\s+)?(?:(?i:year)\s*\d+\s+)?([A-Z][\w'’-]+)\b(?!['’]s)(?!\s+[A-Z])"
                # (not "Our Matilda cast have been rehearsing": the show's)
                r"(?!\s+(?:cast|crew|team|company|production|show|rehearsals?|auditions?|tickets?|set|songs?|costumes?)\b)",
                norm,
            )
            if fold(m.group(1)) in characters
        ]
        # a part by the character's full name, praised on the night: "What a first night! Our Jo March was outstanding"
        found += [
            RoleMention(m.start(), m.end(), m.group(0))
            for m in _OUR_PART_PRAISED.finditer(norm)
            if fold(m.group(1)) not in _NOT_A_PART_WORD and not _is_title_word(m.group(1))
        ]
    return found


_OUR_PART_PRAISED = re.compile(
    r"\b(?i:our)\s+((?-i:[A-Z])[a-z]+)\s+(?-i:[A-Z])[a-z]+(?<!s)\s+was\s+(?:(?:absolutely|simply|just|truly|quite)\s+)?"
    r"(?:outstanding|brilliant|amazing|superb|incredible|hilarious|wonderful|magnificent|fantastic|phenomenal|"
    r"sensational|terrifying|heartbreaking|spellbinding)\b"
)
_NOT_A_PART_WORD = frozenset(
    [
        "year",
        "head",
        "deputy",
        "school",
        "house",
        "sixth",
        "senior",
        "junior",
        "student",
        "pupil",
        "music",
        "drama",
        "dance",
        "art",
        "sports",
        "team",
        "class",
        "form",
        "lower",
        "upper",
        "main",
        "new",
        "own",
        "very",
    ]
)


# One member of a class, by the class's name in the singular: "Our oldest Fox heads off to big school", "One very
# excited Bumblebee is now a big brother".
_ONE_OF = re.compile(
    r"\b(?:one|our|the|a)\s+(?:(?:very|little|proud|excited|happy|tired|brave|oldest|youngest|newest|littlest|smallest|"
    r"tallest|sleepy|cheeky|busy|lucky|clever|kind)\s+){1,3}(?P<name>(?-i:[A-Z])[\w'’-]*)\b(?!['’]?s\b)",
    re.IGNORECASE,
)


# One child of a class by the class's name for its members: "apart from one Gannet who was up at 5".
_ONE_MEMBER = re.compile(
    r"(?<!\bevery\s)(?<!\beach\s)\b(?:one|a)\s+(?P<name>(?-i:[A-Z])[\w'’-]*)\s+who\b", re.IGNORECASE
)


_A_YEAR_FOR_ONE = re.compile(
    r"\bour\s+(?:year\s*\d+|yr\s*\d+|[ps]\d)\s+who\s+(?:was|is|has|wins|won)\b", re.IGNORECASE
)


# "The youngest of our Ladybirds counted to ten", "One of our Owls read the whole of Dear Zoo", "working with one of
# our Tadpoles on gentle hands ... his family": one child of a class the roster has.
_ONE_OF_OUR = re.compile(
    r"\b(?:(?:the|our)\s+(?:very\s+)?(?:youngest|oldest|newest|smallest|tallest|littlest)|(?<!\bevery\s)(?<!\beach\s)"
    r"(?<!\bany\s)(?<!\bno\s)(?<!\bnot\s)(?<!\bsingle\s)one)\s+(?:of|in)\s+(?:our|the)\s+"
    r"(?P<name>(?-i:[A-Z])[\w'’-]*)\b"
    # not "One of our Otters mums is running the Great North Run": a grown-up of the class
    r"(?!['’]?\s+(?:mums?|dads?|mummies|daddies|parents?|grandparents?|grandmas?|grandads?|families|family|carers?|"
    r"teachers?|staff|helpers?|volunteers?)\b)",
    re.IGNORECASE,
)


def _one_of_a_class(norm: str, classes: frozenset[str] | set[str]) -> list[RoleMention]:
    found = []
    for m in _ONE_OF_OUR.finditer(norm):
        rest = norm[m.end() : m.end() + 120]
        if fold(m.group("name")) not in classes or re.match(r"\s+(?:class|classes)\b", rest, re.IGNORECASE):
            continue
        # a superlative is one child; "one of our Owls" is, where that child did something or is "he" or "she"
        if not m.group(0).lower().startswith("one") or (
            re.match(
                r"\s+(?:(?:has|had|was|is|just|finally)\s+)?(?:(?-i:[a-z]+ed)|" + IRREGULAR_PAST + r")\b",
                rest,
            )
            or re.search(r"\b(?:his|her|he|she)\b", rest)
        ):
            found.append(RoleMention(m.start(), m.end(), m.group(0)))
    for m in _ONE_MEMBER.finditer(norm):
        key = fold(m.group("name"))
        if key in classes or key + "s" in classes or key + "es" in classes:
            found.append(
                RoleMention(m.start(), m.end(), m.group(0))
            )  # "apart from one Gannet who was up at 5"
    # "Well done to our P7 who was chosen to give the Toast": a year group with a verb for one child
    found += [RoleMention(m.start(), m.end(), m.group(0)) for m in _A_YEAR_FOR_ONE.finditer(norm)]
    for m in _ONE_OF.finditer(norm):
        key = fold(m.group("name"))
        if (key + "s" in classes or key + "es" in classes) and not re.match(
            # not "Our youngest Holiday Clubbers": the class's name is part of a longer one
            r"\s+(?:(?i:class|classes|room|group|team)\b|[A-Z])",
            norm[m.end() : m.end() + 12],
        ):
            found.append(RoleMention(m.start(), m.end(), m.group(0)))
    return found


def _named_adult_after(norm: str, end: int, adults_at: set[int]) -> bool:
    """The description is a grown-up's role, their name after it: "Our forest school leader Gemma is"."""
    gap = re.match(r"\s*,?\s*(?:(?:Mr|Mrs|Miss|Ms|Mx|Dr)\.?\s+)?", norm[end : end + 12])
    return gap is not None and end + gap.end() in adults_at


def _a_pupil_from_a_school(
    m: PersonMention, roster: Roster, norm: str, s_start: int, s_end: int, post: str
) -> bool:
    """Whether "<name> from <somewhere>" is a pupil of one of a trust's or a federation's schools, not a
    visitor from an organisation.

    A pupil by full name ("Joy Adebayo from Haworth Park read her poem"; a costume's character, "came as Ethan
    Hunt from Mission: Impossible", is read as one before this); a pupil's surname alone ("Preston from Kirkby Moor won the
    egg-and-spoon race"); a pupil's first name in a sentence about what pupils do ("Hope from St Bega's read
    the lesson"), but not a visitor thanked, or one from "the" somewhere or from an organisation ("Thank you to
    Robin from Kendal Fire Station", "Jade from the dental practice, who showed Ladybirds how to brush").
    """
    sentence = norm[s_start:s_end]
    key = m.first.key
    if m.full_name_on_roster:
        return True
    if not m.surname and key in roster.by_surname and key not in roster.by_first:
        return True
    return bool(
        m.on_roster
        and _PUPILS_DOING.search(sentence)
        and not re.search(r"\bthank|\bthanks\b", sentence, re.IGNORECASE)
        and not re.match(r"\s*,?\s*from\s+the\b", post, re.IGNORECASE)
        and not _ORGANISATION_WORD.search(post[:60])
    )


def _named_adult_before(norm: str, start: int, adults_end: set[int]) -> bool:
    """The description is a grown-up's role, their name before it: "Robin, our forest school leader, showed"."""
    window = max(0, start - 4)
    gap = re.search(r"\s*,\s*$", norm[window:start])
    return gap is not None and window + gap.start() in adults_end


# "ring Minh's mum, Mrs Pham": a pupil's parent named with the title gives the pupil's surname.
_CHILDS_PARENT = re.compile(
    r"(?P<child>[A-Z][\w'’-]*)['’]s\s+(?:mum|dad|mummy|daddy|mother|father|parents?|grandma|grandad|nan|nana|"
    r"granny|grandpa|carer|aunt|auntie|uncle|step-?mum|step-?dad)\s*,?\s*\(?\s*(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+"
    r"(?P<surname>[A-Z][\w'’-]*)"
)


def _parents_named(text: PostText, tokens: list[Token], roster: Roster) -> list[tuple[Token, str]]:
    by_start = {t.nstart: t for t in tokens}
    found = []
    for m in _CHILDS_PARENT.finditer(text.text):
        tok = by_start.get(m.start("surname"))
        if tok is not None and roster.is_full_name(fold(m.group("child")), tok.key):
            found.append((tok, "parent"))
    return found


_HANDLE_WORD = re.compile(r"[A-Z][a-z]+|[a-z]+")


_INITIALS_TAG = re.compile(r"(?<![\w#&])#([A-Z]{2,3})\b")
_CHEER_BEFORE = re.compile(
    r"\b(?:welcome|well\s+done|congratulations|congrats|shout[\s-]?out|bravo|go|thanks?|thank\s+you|proud\s+of|"
    r"take\s+a\s+bow|happy\s+birthday)\b[^.!?]{0,40}$",
    re.IGNORECASE,
)


def _initials_cheered(text: PostText, roster: Roster) -> list[RoleMention]:
    """A pupil cheered by initials in a hashtag: "Welcome to the 1st XI, #SB!"."""
    norm = text.text
    if "#" not in norm:
        return []
    found = []
    for m in _INITIALS_TAG.finditer(norm):
        letters = m.group(1).lower()
        if not _CHEER_BEFORE.search(norm[max(0, m.start() - 60) : m.start()]):
            continue
        if letters in roster.initials:
            found.append(RoleMention(m.start(), m.end(), m.group(0)))
    return found


def _pupils_in_handles(text: PostText, roster: Roster) -> list[PersonMention]:
    """A pupil's full name inside an @handle ("@KaiTanaka2015", "@chidi_nwankwo"): the child's account."""
    found = []
    for nstart, nend, handle in text.mentions:
        words = [fold(w) for w in _HANDLE_WORD.findall(handle[1:])]
        pairs = [(a, b) for a, b in pairwise(words) if roster.is_full_name(a, b)]
        if not pairs:
            continue
        start, end = text.span(nstart, nend)
        tok = Token(handle, start, end, nstart, nend, text.sentence_of(nstart))
        m = PersonMention(first=tok, kind="pupil", on_roster=True, full_name_on_roster=True)
        m.cue = "a pupil's full name in an @handle"
        m.reasons = [f"{handle} holds the full name of a pupil on the roster: the child's own account"]
        found.append(m)
    return found


# Cues too weak to outweigh an earlier reading of the same name as a title or a character.
_WEAK_CUES = frozenset({None, "possessive"})
# "our Collective Worship theme has been Faith", "this month's value is Respect": a word.
_THEME_BEFORE = re.compile(
    r"\b(?:theme|value|virtue|word|focus|topic|motto|prayer|message)s?\s+(?:(?:for|of)\s+(?:the|this)\s+"
    r"(?:week|month|term|half\s+term|year)\s+)?(?:is|was|has\s+been|will\s+be|:)\s*['‘\"“]?$",
    re.IGNORECASE,
)


def _same_reading_again(norm: str, mentions: list[PersonMention]) -> None:
    """A name read first as a title or a character keeps that reading later in the post.

    "reading Jasper's Beanstalk ... Will theirs grow as tall as Jasper's?": the second "Jasper's"
    is the book's, not a pupil's, unless the wording there makes a child the subject.
    """
    seen: dict[str, PersonMention] = {}
    for m in sorted(mentions, key=lambda m: m.nstart):
        key = m.first.key
        earlier = seen.get(key)
        if (
            earlier is not None
            and m.is_pupil
            and m.surname is None
            and not m.surname_only
            and (
                m.cue in _WEAK_CUES
                or _same_words_before(norm, earlier, m)
                # "Paris, Rome or Barcelona? ... Paris came out cheapest": the same city
                or (earlier.kind == "place" and m.cue is None)
                # "welcome Mrs Joy Bright as our new chair of governors. Joy has worked in ...": the same adult
                or (
                    earlier.kind == "adult"
                    # or by a role or an age: "Our lollipop man Gerry turns 70 today ... Happy birthday, Gerry!"
                    and (earlier.surname is not None or not m.on_roster or m.cue in _GREETING_CUES)
                    and not _STRONG_CHILD_AFTER.match(norm[m.nend : m.nend + 30])
                )
                # "Florence Nightingale ... Ask them why Florence was known as the Lady with the Lamp"
                or (
                    earlier.surname is not None
                    and f"{earlier.first.key} {earlier.surname.key}" in _FAMOUS
                    and not _STRONG_CHILD_AFTER.match(norm[m.nend : m.nend + 30])
                )
            )
        ):
            m.kind, m.cue = earlier.kind, None
            m.reasons = [
                f'"{m.first.text}" was read earlier in the post as {earlier.reasons[0] if earlier.reasons else earlier.kind}'
            ]
        elif (
            earlier is not None
            and m.kind == "word"
            and m.surname is None
            and (earlier.kind == "adult" or (earlier.kind == "other-person" and earlier.surname is None))
        ):
            # "Our ex-pupil Jade Morris, now a paramedic, ... Thank you, Jade!": the same adult;
            # "Poppy, our school dog, ... Good girl, Poppy!": the same dog
            m.kind = earlier.kind
            m.reasons = [
                f'"{m.first.text}" was read earlier in the post as {earlier.reasons[0] if earlier.reasons else earlier.kind}'
            ]
        # "Amazing Grace", and a title read: "we're reading Alfie Gets in First ... the robins think Alfie should have
        # held on to the key" (the book's Alfie)
        titled = (
            m.kind == "word"
            and bool(m.reasons)
            and m.reasons[0].startswith(("part of", 'after "reading"', "inside a quoted title"))
        )
        if (m.kind in ("other-person", "adult", "place") or titled) and key not in seen:
            seen[key] = m


def _same_words_before(norm: str, earlier: PersonMention, m: PersonMention) -> bool:
    """The word just before both is the same capital ("Stick Man ... Stick Man's family tree")."""
    before = re.search(r"([A-Z][\w'’-]*)\s+$", norm[max(0, m.nstart - 30) : m.nstart])
    was = re.search(r"([A-Z][\w'’-]*)\s+$", norm[max(0, earlier.nstart - 30) : earlier.nstart])
    return before is not None and was is not None and before.group(1) == was.group(1)


_NO_CONTEXT = "ordinary word with no child context"
# Things only an adult does: "retires today", "22 years of serving school dinners".
_ADULT_LIFE = re.compile(
    r"\b(?:retire|retires|retired|retiring|retirement|\d+\s+years\s+(?:of|at|in|with)|years\s+of\s+service|"
    # "Ron, who has coached the shooting team for 30 years, turns 80"
    r"(?:for|over)\s+(?:[2-9]\d|1\d)\s+years|turns\s+(?:[3-9]\d|1\d\d)\b|"
    r"(?:her|his)\s+(?:husband|wife|partner|grandchildren|own\s+children)|maternity|paternity)\b",
    re.IGNORECASE,
)


# Before a name, words that make it a thing or the title of a work: "the Sky's the limit",
# "reading Matilda", "watched Frozen".
_BEFORE_A_WORK = frozenset(
    {"the", "reading", "read", "watched", "watching", "studying", "studied", "performing", "performed"}
)
_ORDINAL_AFTER = re.compile(
    r"^\s+the\s+(?:\d{1,2}(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth|\w+teenth|twentieth|thirtieth|twenty-\w+|thirty-first)\b",
    re.IGNORECASE,
)
_NAMED_THINGS = re.compile(
    r"\b(?:lambs?|chicks?|ducklings?|ducks?|hens?|pets?|hamsters?|fish|tortoises?|puppets?|dolls?|teddies|teddy|"
    r"bears?|robots?|calves|calf|piglets?|kittens?|puppies|puppy|ponies|pony|goats?|rabbits?|snails?|tadpoles?|"
    r"caterpillars?|butterflies|stick\s+insects?|sunflowers?|scarecrows?|goldfish|gerbils?|guinea\s+pigs?|"
    r"axolotls?|mice|chickens?|tortoises?)\b[^.!?]{0,30}?\b(?:called|named|names)\b",
    re.IGNORECASE,
)
_READING_A_WORK = re.compile(
    r"\b(?:reading|read|reads|listening\s+to|watched|watching)\s+(?-i:[A-Z])\w+", re.I
)
_WORK_BY = re.compile(r"^\s+by\s+[A-Z]")


def _answer_or_ask(
    text: PostText,
    mentions: list[PersonMention],
    roster: Roster,
    pupil_words: frozenset[str],
    other_words: frozenset[str],
) -> list[PersonMention]:
    """Apply the school's answers; return the names still in doubt.

    In doubt: a pupil's first name that is also an ordinary word (Summer, Hope, Rose),
    capitalised in the middle of a sentence, where nothing in the wording says whether a
    child or the word is meant ("Year 2 have been painting Autumn").
    """
    unsure: list[PersonMention] = []
    adult_life = bool(_ADULT_LIFE.search(text.text))
    for m in mentions:
        key = m.first.key
        if m.kind not in ("word", "unknown") or not m.first.is_capitalised or m.first.text.isupper():
            continue
        if key in pupil_words:
            m.kind, m.cue = "pupil", "the school said this is a pupil's name"
            m.reasons.append(f'the school answered that "{m.first.text}" is a pupil here')
            continue
        if key in other_words or key not in roster.by_first or not is_ordinary_word(key):
            continue
        if m.reasons != [_NO_CONTEXT] or m.surname is not None:
            continue  # read already as part of a title or a name ("Amazing Grace", "Rose Blanche")
        if adult_life:
            continue  # "our wonderful Joy retires today": an adult
        sentence_start = text.sentence_bounds[m.first.sentence][0]
        if re.match(
            r"\s+of\s+the\s+(?:week|day|month|term|year|match)\b", text.text[m.nend : m.nend + 30], re.I
        ):
            continue  # "Star of the Week certificates will now be given out": an award's name
        if _GROUP_NAME_AFTER.match(text.text[m.nend : m.nend + 40]):
            continue  # "Year 2's Sapphire and Ruby reading groups": the names of groups
        if _NAMED_THINGS.search(text.text[max(sentence_start, m.nstart - 80) : m.nstart]):
            continue  # "the lambs have names: Daisy, Pip and Pudding": animals or toys named
        if _READING_A_WORK.search(text.text):
            continue  # "Turing Class are reading Wonder ... how August must have felt": a character
        after, before = text.text[m.nend : m.nend + 40], text.text[max(0, m.nstart - 40) : m.nstart]
        if key in _MONTH_NAMES and _ORDINAL_AFTER.match(after):
            continue  # "May the Fourth be with you", "June the 5th": a date
        if _WORK_BY.match(after) or re.match(r" [A-Z]", after) or re.search(r"[A-Z][\w'-]* $", before):
            continue  # "Amazing Grace by Mary Hoffman", "Rose Blanche": the title of a work or a name
        s_start = text.sentence_bounds[m.first.sentence][0]
        if not text.text[max(s_start, m.first.nstart - 40) : m.first.nstart].strip() or m.first.hashtag:
            continue  # capitals at the start of a sentence or in a hashtag say nothing
        unsure.append(m)
    return unsure


def _is_other_name(text: PostText, tok: Token, roster: Roster) -> bool:
    """A capitalised word mid-sentence that is no English word and no pupil: "Paddington"."""
    if tok.hashtag or not tok.is_capitalised or tok.text.isupper():
        return False
    key = tok.key
    s_start = text.sentence_bounds[tok.sentence][0]
    if not text.text[max(s_start, tok.nstart - 40) : tok.nstart].strip():
        return False
    return (
        key not in roster.by_first
        and key not in roster.by_surname
        and key not in roster.class_names
        and key not in NON_NAMES
        and key not in PLACE_WORDS
        and not is_ordinary_word(key)
    )


def _surnames_alone(
    text: PostText,
    tokens: list[Token],
    mentions: list[PersonMention],
    roster: Roster,
    surname_refs: list[tuple[Token, str]],
) -> None:
    """Mark a pupil's surname written on its own as a child ("Oyelaran made save after save")."""
    by_first = {m.first.nstart: m for m in mentions}
    used = {m.surname.nstart for m in mentions if m.surname is not None}
    used |= {tok.nstart for tok, _ in surname_refs}
    used |= {m.first.nstart for m in mentions if m.kind in ("adult", "class", "pupil", "place")}
    for m in mentions:
        # "DE LUCA!!!", "a goal from De Luca": a pupil's surname of two words, the first a particle
        key = m.first.key
        if (
            m.kind == "other-person"
            and m.surname is not None
            and key in _PARTICLES
            and f"{key} {m.surname.key}" in roster.by_surname
        ):
            m.kind, m.on_roster, m.surname_only = "pupil", True, True
            m.cue = "a pupil's surname"
            m.reasons = [
                "a pupil's surname on the roster (with its particle), written on its own as a person"
            ]
            continue
        # "Swan scored twice": read as a child already, but the word is a pupil's surname.
        if m.is_pupil and m.surname is None and key in roster.by_surname and key not in roster.by_first:
            m.surname_only = True
        elif (
            m.is_pupil
            and m.surname is None
            and key in roster.by_surname
            and _surname_by_group(text, m, roster)
        ):
            # "Brook's header ... for our Year 4 boys": Brook is a Year 2 girl's first name and a Year 4
            # boy's surname, and the roster says which one the post means
            m.surname_only = True
    lexicon = first_name_lexicon()

    def unknown(key: str) -> bool:
        return (
            key not in lexicon
            and key not in NON_NAMES
            and key not in PLACE_WORDS
            and key not in roster.class_names
            and not is_ordinary_word(key)
        )

    houses = _HOUSES.search(text.text) is not None
    of_works: frozenset[str] | None = None  # the works' people, looked for only when a surname stands alone
    famous_surnames = {
        m.surname.key
        for m in mentions
        if m.surname is not None and m.kind == "other-person" and f"{m.first.key} {m.surname.key}" in _FAMOUS
    }
    for tok, on_roster in surnames_alone(text, tokens, roster, used, is_ordinary_word, unknown, is_a_place):
        if of_works is None:
            of_works = characters_named(text.text)
        if tok.key in of_works or tok.key in famous_surnames:
            continue  # "Macbeth. Shakespeare at his bloodiest!"; "Charles Darwin and his finches ... Darwin had a dog"
        if houses and re.match(r"\s*:?\s*\d", text.text[tok.nend : tok.nend + 6]):
            continue  # "Sports Day house results: Seacole 412, Holmes 398": a house and its points
        if tok.key in houses_named(text.text) or (
            houses
            and tok.key in FAMOUS_SURNAMES
            and not _STRONG_CHILD_AFTER.match(text.text[tok.nend : tok.nend + 40])
        ):
            continue  # "Marlowe are top of the house points table", "House Drama ... Marlowe's performance": a house
        if (
            (tok.key in PLACE_WORDS or tok.key in PLACES_THAT_ARE_NAMES or _common_proper_noun(tok.text, 25))
            and (
                re.search(
                    r"\b(?:in|near|visit|visiting|around|across|via|changed|shaped|explored|exploring|mapped|mapping|"
                    r"about|of)\s+$",
                    text.text[max(0, tok.nstart - 12) : tok.nstart],
                )
                or _IN_A_LIST_OF_PLACES.search(text.text[max(0, tok.nstart - 30) : tok.nend + 30])
            )
        ) or (
            # "entries from Morpeth, Hexham and Alnwick": every name of a list of three or more is a town
            is_a_place(tok.key)
            and _in_a_list_of_places(
                text.text[max(0, tok.nstart - 60) : tok.nend + 60], tok.nstart - max(0, tok.nstart - 60)
            )
        ):
            continue  # "our pen pals in Lyon sent a parcel", "comparing Paris and London": places
        if tok.text in _schools_named(text.text):
            continue  # "FT: Marram Bank 3-1 Alford Primary! ... Thanks, Alford, for a great game": the other school
        if (
            re.search(
                r"\b(?:the|a|an)\s+(?:(?-i:[a-z])+\s+)?$", text.text[max(0, tok.nstart - 20) : tok.nstart]
            )
            and re.match(r"\s+(?-i:[a-z]{3,})\s+(?-i:[a-z]{3,})", text.text[tok.nend : tok.nend + 30])
            and _ATTRIBUTIVE_AFTER.match(text.text[tok.nend : tok.nend + 40])
        ):
            continue  # "the original Bramley apple tree": a name that describes a thing
        two = _ONE_OF_TWO_PLACES.search(text.text[max(0, tok.nstart - 50) : tok.nstart])
        if two is not None and (
            is_a_place(fold(two.group(1)))
            or fold(two.group(1).split()[-1]) in PLACE_WORDS
            or any(is_a_place(fold(w)) for w in two.group(1).split())
        ):
            continue  # "tourism in Matlock Bath and Bakewell": one of two places
        if re.match(
            r"\s+(?:and|&)\s+(?:(?-i:[A-Z])[\w'’-]*\s+){0,3}(?-i:College|Academy|School|University|Council|Trust|"
            r"Hospital|Society|Club)\b",
            text.text[tok.nend : tok.nend + 60],
        ):
            continue  # "Burton and South Derbyshire College will be there": an organisation's name
        if not tok.possessive and _JOURNEYS_END.search(text.text[max(0, tok.nstart - 30) : tok.nstart]):
            continue  # "the beach at Filey", "our residential to Whitby", "back from Ashworth": a place
        if not tok.possessive and re.match(
            # "the Kington and Weobley buses are running late": places naming the buses
            r"(?:\s+(?:and|&)\s+(?-i:[A-Z])[\w'’-]+)?\s+(?:trip|trips|fieldwork|residential|visit|walk|expedition|coast|"
            r"peninsula|beaches|bus|buses|minibus|coach|coaches|route|routes)\b",
            text.text[tok.nend : tok.nend + 40],
        ):
            continue  # "Yesterday's Year 8 Gower fieldwork", "the Year 8 Gower trip": a place naming the trip
        if not tok.possessive and re.search(
            r"\b(?:scenery|set|sets|costumes|props|backdrop|backdrops|tickets|rehearsals?|auditions?|programmes?|posters?|"
            r"songs|music|band|orchestra|choir|cast|crew)\s+for\s+$",
            text.text[max(0, tok.nstart - 20) : tok.nstart],
            re.IGNORECASE,
        ):
            continue  # "stayed behind to paint the scenery for Joseph": the show, not a pupil surnamed Joseph
        if re.match(r"\s+(?:city|town)\s+centre\b|\s+high\s+street\b", text.text[tok.nend : tok.nend + 20]):
            continue  # "comparing the market town with Hanley city centre": a place
        if (
            not tok.possessive
            and re.search(
                r"\b(?:of|in|at|from|to|near|around)\s+$", text.text[max(0, tok.nstart - 8) : tok.nstart]
            )
            and tok.key in _named_places(text.text)
        ):
            continue  # "visited Hylton Castle ... heard about the Cauld Lad of Hylton": the place the post named
        s_start, s_end = text.sentence_bounds[tok.sentence]
        if _a_list_said_to_be_places(text.text[s_start:s_end], tok.nstart - s_start):
            continue  # "Cottingham, Welton and Brough: Year 9 compared how three villages near Hull have grown"
        if re.search(
            r"\b(?-i:Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Grove|Gardens|Place|Terrace|Court|Mews|Row)"
            r"\s*,\s*$",
            text.text[max(0, tok.nstart - 20) : tok.nstart],
        ):
            continue  # "her home at 27 Carlton Avenue, Kenton": the town of an address
        if tok.possessive and re.match(
            r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:paintings|seascapes|landscapes|portraits|sculptures|prints|etchings|"
            r"sketches|novels|poems|plays|sonnets|symphon(?:y|ies)|operas|concertos|theory|theories|experiments)\b",
            text.text[tok.nend : tok.nend + 40],
        ):
            continue  # "studying Turner's stormy seascapes": an artist's or a writer's work, not a pupil's
        if (
            tok.possessive
            and is_a_place(tok.key)
            and re.match(
                r"['’]s?\s+(?:[\w-]+\s+)?(?:stage|stages|streets|skyline|theatres?|museums?|parks|heritage|mills|"
                r"city\s+centre|town\s+centre|cathedral|football\s+club|rugby\s+club|festivals?|schools|libraries|"
                r"hospitals|mayor|council|buses|marathon|young\s+people)\b",
                text.text[tok.nend : tok.nend + 40],
            )
        ):
            continue  # "Bradford's stage has never looked better!": the city's, not a pupil's
        if re.search(r"\bthe\s+$", text.text[max(0, tok.nstart - 5) : tok.nstart]) and not re.match(
            r"['’]?s?\s+(?:twins|family|brothers|sisters|siblings|children|boys|girls)\b",
            text.text[tok.nend :],
        ):
            continue  # "learning to ring the bells", "on the Dart": a thing or a river, which "the" goes before
        if (
            tok.key in roster.class_names
            and not tok.possessive
            and _a_class_by_its_neighbours(text.text, tok, roster)
        ):
            continue  # "with Wansbeck and Tyne", "Welcome back to Coquet, Tyne and Aln": the classes, not a surname
        if in_a_place_phrase(text.text, tok.nstart, tok.nend) or _WELSH_PLACE_BEFORE.search(
            text.text[max(0, tok.nstart - 30) : tok.nstart]
        ):
            continue  # "the Ross and Cromarty cross-country", "over Chwarel y Penrhyn": part of a place's name
        if second_word_of_a_name(text.text, tok.nstart, tok.nend, roster):
            continue  # "Hollins Cross is closed today", "at Nether Wyke": a school's or a village's name
        found = by_first.get(tok.nstart)
        if found is None:
            found = PersonMention(first=tok)
            mentions.append(found)
        found.kind, found.on_roster, found.surname_only = "pupil", on_roster, True
        found.cue = "a pupil's surname" if on_roster else "a surname written on its own as a person"
        found.reasons = [
            "a pupil's surname on the roster, written on its own as a person"
            if on_roster
            else "a surname in no list of first names, written on its own as a person (a match report)"
        ]
    # "Gold for Gold! River in Year 3 won the 25m backstroke": the surname of a pupil the post names
    # in the post's order, so the trace names the same pupil on every run (a set's order is the hash seed's)
    named = list(
        dict.fromkeys(
            m.first.key for m in mentions if m.is_pupil and m.surname is None and not m.surname_only
        )
    )
    taken = {m.first.nstart for m in mentions} | used
    for i, tok in enumerate(tokens):
        key = tok.key
        if (
            not named
            or tok.nstart in taken
            or not tok.is_capitalised
            or key not in roster.by_surname
            or (tok.hashtag and text.text[tok.nstart - 1 : tok.nstart].isalpha())
            # the "Young" of #YoungCarers: the hashtag goes on after it
            or (tok.hashtag and text.text[tok.nend : tok.nend + 1].isalpha())
            or _TITLE_BEFORE_SURNAME.search(text.text[max(0, tok.nstart - 12) : tok.nstart])
        ):
            continue
        owner = next((first for first in named if roster.is_full_name(first, key)), None)
        if owner is None or part_of_longer_name(text, tokens, i):
            continue
        if (
            is_ordinary_word(key)
            and re.match(r"\s*[!.]", text.text[tok.nend : tok.nend + 3])
            and not (text.text[text.sentence_bounds[tok.sentence][0] : tok.nstart].strip())
        ):
            continue  # "Gold! Literally. Maisie won the 60m": a word that is a sentence of its own
        if (
            is_a_place(key)
            and (
                re.search(
                    r"\b(?:in|at|to|from|near|around|into)\s+$",
                    text.text[max(0, tok.nstart - 8) : tok.nstart],
                )
                # "a brilliant Berlin photo diary": the place, describing a thing
                or (
                    not tok.possessive
                    and re.match(r"\s+(?-i:[a-z])[\w-]+", text.text[tok.nend : tok.nend + 20]) is not None
                    and DID_SOMETHING.match(text.text[tok.nend : tok.nend + 60]) is None
                    and re.search(
                        r"\b(?:a|an|the|our|their|this|next|last)\s+(?:[\w-]+\s+)?$",
                        text.text[max(0, tok.nstart - 30) : tok.nstart],
                        re.I,
                    )
                )
            )
        ):
            continue  # "Lewis in Year 3 ran the fastest 60m at the athletics in Penrith": the town
        if is_ordinary_word(key) and re.match(
            r"\s+(?:by|and|to|after)\s+" + re.escape(key) + r"\b", text.text[tok.nend :], re.I
        ):
            continue  # "Ted in Year 8 ... Little by little, all that practice is paying off": a saying
        if (
            not tok.possessive
            and re.search(
                r"\b(?:on|in|at|along|down|up|across|from|to|near|by)\s+the\s+$",
                text.text[max(0, tok.nstart - 12) : tok.nstart],
            )
            and not re.match(
                r"\s+(?:twins|family|brothers|sisters|siblings|children|boys|girls)\b", text.text[tok.nend :]
            )
        ):
            continue  # "kayak awards on the Dart this week": a river or a place, which "the" goes before
        if (
            is_ordinary_word(key)
            and not tok.possessive
            and word_opening_a_sentence(
                text.text, tok.nstart, tok.nend, text.sentence_bounds[tok.sentence][0]
            )
        ):
            continue  # "Pool news: Freddie and Tobi both earned their 25m badges": the word, opening a heading
        if (
            not tok.possessive
            and re.match(r"\s(?-i:[a-z]+s)\b", text.text[tok.nend : tok.nend + 20])
            and re.search(
                r"(?:\b\d+|\b(?:the|a|an|our|some|his|her|their|its))\s+$",
                text.text[max(0, tok.nstart - 8) : tok.nstart],
                re.I,
            )
        ):
            continue  # "has sold 90 Pudsey badges all by herself": a thing named for the word, not the child
        if (
            not tok.possessive
            and _AN_EVENT_NAMED_AFTER.match(text.text, tok.nend)
            and re.search(
                r"\b(?:a|an|the|our|their|this|next|last)\s+$",
                text.text[max(0, tok.nstart - 8) : tok.nstart],
                re.I,
            )
        ):
            continue  # "the Selkirk Grace at our Burns lunch": an event named after somebody famous
        mentions.append(
            PersonMention(
                first=tok,
                kind="pupil",
                on_roster=True,
                surname_only=True,
                cue="the surname of a pupil the post names",
                reasons=[f"the surname of a pupil the post names by the first name ({owner.title()})"],
            )
        )
    mentions.sort(key=lambda m: m.nstart)


# Before a word, what makes it the place a trip goes to, whoever else has the name.
# A place before "and", after a word of places: "compares tourism in Matlock Bath and Bakewell".
_ONE_OF_TWO_PLACES = re.compile(
    r"\b(?:in|at|near|from|between|compares?|visit(?:ing|ed)?)\s+((?-i:[A-Z])[\w'’-]+(?:\s(?-i:[A-Z])[\w'’-]+){0,2})"
    r"\s*(?:,|\band\b|&)\s*$"
)
_JOURNEYS_END = re.compile(
    r"\b(?:the\s+(?:beach|sands|seafront|promenade|pier|harbour|castle|abbey|cliffs|coast|museum|zoo|aquarium|"
    r"market|station)\s+at|(?:trip|residential|visit|journey|holiday|day\s+out|outing|coach|drive|"
    r"travel(?:led|ling)?|heading|headed|heading\s+out|headed\s+out|set\s+off)\s+to|(?:back|home|returned|returning)\s+from|"
    # a walk's route: "just outside Stanhope", "walk from Stanhope to the campsite"
    r"(?:just|right|a\s+mile|\w+\s+miles)\s+(?:outside|beyond|past|north\s+of|south\s+of|east\s+of|west\s+of)|"
    # a coach's journey: "The Year 6 coach has just left Hawes"
    r"(?:has|have|had)\s+(?:just\s+)?(?:left|passed|gone\s+(?:past|through))|"
    r"(?:walk|walks|walking|hike|hiking|route|cycle|cycling|drive|driving)\s+from)\s+$",
    re.IGNORECASE,
)
_ROLE_TO_GROUP = re.compile(
    r"\s+(?:goes\s+|went\s+|was\s+given\s+|is\s+shared\s+)?to\s+(?:all\s+(?:of\s+)?)?(?:our|the)\s+(?:whole\s+|entire\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?(?:team|squad|line|defence|defense|class|group|side|players|girls|boys|children|pupils|"
    r"choir|cast|eleven|relay\s+team)\b",
    re.IGNORECASE,
)
_TITLE_BEFORE_SURNAME = re.compile(
    r"\b(?:mr|mrs|miss|ms|mx|dr|coach|rev|farmer|pc|pcso|sgt|sergeant|inspector|officer|captain|cllr|councillor|"
    r"professor|prof|nurse|sister|father|canon|judge|lord|lady|sir|dame)\.?\s+$",
    re.IGNORECASE,
)


def _surname_by_group(text: PostText, m: PersonMention, roster: Roster) -> bool:
    """Whether the year groups or classes the sentence names hold a pupil of this surname and no
    pupil of this first name."""
    s_start, s_end = _sentence_span(text, m.first)
    sentence = text.text[s_start:s_end]
    years = {f"year {n}" for n in re.findall(r"\b(?:year|yr|y)\s*(\d{1,2})\b", sentence, re.IGNORECASE)}
    classes = {fold(w) for w in re.findall(r"[A-Z][\w'’-]*", sentence)}
    classes |= {c.removesuffix("s") for c in classes}

    def in_group(p: Pupil) -> bool:
        return fold(p.year) in years or fold(p.class_name) in classes

    if not years and not classes & roster.class_names:
        return False
    key = m.first.key
    return any(in_group(p) for p in roster.by_surname[key]) and not any(
        in_group(p) for p in roster.by_first[key]
    )


# Before a list of first names, what makes them grown-ups: a member of staff by title ("Thank you, Mrs Kowalczyk,
# Agnieszka, Daiva and Desi"), or a team of staff they are ("our EAL team, Agnieszka, Daiva and Ioana").
# After a list of first names, what makes them words: "Faith and Joy are the themes of this week's assembly".
_WORDS_AFTER = re.compile(
    r"^\s+(?:is|are|was|were)\s+(?:the|our|this\s+week['’]s|this\s+term['’]s)\s+(?:[\w-]+\s+)?(?:themes?|topics?|focus|"
    r"values?|virtues?|words?|prayers?)\b(?=\s*(?:[.,!?;:]|$|of\b|for\b|this\b|in\b|at\b|today\b))",
    re.IGNORECASE,
)
_GROWN_UPS_BEFORE = re.compile(
    r"\b(?-i:Mr|Mrs|Miss|Ms|Mx|Dr)\.?\s+(?-i:[A-Z])[\w'’-]+\s*,\s*$"
    r"|\b(?:our|the)\s+(?:[\w&-]+\s+){0,2}?(?:team|staff|office|teaching\s+assistants|TAs|volunteers|helpers|"
    r"governors|cooks|kitchen\s+staff|lunchtime\s+staff)\s*[,:(]\s*$",
    re.IGNORECASE,
)
# After the list, what grown-ups do for a school's families: "whose help with translating letters and running
# coffee mornings", "will reply in your language", "will be waiting to say hello"; or where they work, "Ioana from
# our EAL team".
# Grown-ups' care of the pupils: "Helen and Dave in Marlborough, who are looking after the boarders".
_CARES_FOR_PUPILS = (
    r"(?:looking\s+after|look\s+after|caring\s+for|care\s+for|supervising|in\s+charge\s+of)\s+(?:the|our|all\s+the)\s+"
    r"(?:boarders|children|pupils|students|cadets)"
)
_GROWN_UPS_AFTER = re.compile(
    r"^[^.!?]{0,80}?\b(?:translat(?:e|es|ed|ing|ion|ions)\s+(?:the\s+|our\s+)?(?:letters?|newsletters?|forms?)|"
    r"interpret(?:s|ed|ing)?\s+for\s+(?:parents|families)|reply\s+in\s+your\s+language|"
    r"running\s+(?:our\s+|the\s+)?(?:coffee\s+mornings?|workshops?|parent\w*\s+\w+)|"
    r"(?:waiting|there|on\s+hand)\s+to\s+(?:say\s+hello|welcome|greet|help\s+(?:parents|families))|"
    + _CARES_FOR_PUPILS
    + r")\b"
    r"|^\s+from\s+(?:our|the)\s+(?:[\w&-]+\s+){0,2}?(?:team|office|staff|department)\b",
    re.IGNORECASE,
)


def _grown_ups_listed(
    norm: str, pre: str, post: str, s_start: int, s_end: int, group: list[PersonMention]
) -> str | None:
    """Why the first names of a group are grown-ups, where the words around the list say so."""
    if _GROWN_UPS_BEFORE.search(pre):
        return "listed with a member of staff or after a team of staff"
    # "Sam and the outreach team will ring each family": one of a team of grown-ups
    if re.match(
        r"\s+(?:and|&)\s+(?:the|our)\s+(?:(?:outreach|office|admin|pastoral|eal|send?|inclusion|support|teaching|"
        r"nursing|kitchen|site|leadership|catering|pta|wellbeing|family\s+support|attendance|home\s+tuition)\s+team|"
        r"(?:[\w-]+\s+)?staff|office|nurses|teachers)\b",
        norm[group[-1].nend : s_end],
        re.IGNORECASE,
    ):
        return "named with a team of grown-ups"
    if _GROWN_UPS_AFTER.match(norm[group[-1].nend : s_end]):
        return "what the grown-ups of a school do for its families, or the team they work in"
    return None


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
        if group[0].first.hashtag or "#" in pre[-40:]:
            pre = split_hashtag(pre)  # "#WellDoneAmelia", "congratulations to #StarOfTheWeek Precious"
        group_cue, strong = None, False
        if (
            len(group) == 1
            and group[0].surname is None
            and re.search(r"\bthe\s+$", pre)
            and re.match(r"\s+of\s+(?:the\s+)?(?-i:[A-Z])", post)
        ):
            # "the Duke of Wellington", "the Prince of Wales": a title, whatever the house is called
            group[0].kind, group[0].reasons = (
                "other-person",
                [f'a title ("the {group[0].first.text} of ...")'],
            )
            continue
        if (cm := _PRE_CUE.search(pre)) is not None:
            group_cue, strong = cm.group(0).strip(), True
        elif (
            group[0].first.hashtag
            and group[0].first.key not in roster.class_names  # "#WellDoneOak": a class cheered
            and (cm := HASHTAG_CHEER.search(pre)) is not None
        ):
            group_cue, strong = f"#{cm.group(0).strip()}…", True
        elif (cm := _POST_CUE.match(post)) is not None:
            group_cue = cm.group(0).strip()
            strong = bool(_STRONG_POST.match(group_cue))
        elif (in_class := in_roster_class(post, roster.class_names)) is not None:
            group_cue, strong = in_class, True  # "Willow in Acorns": a class the school has
        elif all(m.on_roster for m in group) and (cm := _AT_A_SCHOOL_DID.match(post)) is not None:
            # "Brook at Hollins Hill built the tallest tower": one of a trust's pupils
            group_cue = cm.group(0).strip()
        elif len(group) == 1 and group[0].first.is_capitalised and (cm := _STRONG_CHILD_AFTER.match(post)):
            # "Meadow from 7 Swale spotted a curlew": a tutor group
            group_cue, strong = cm.group(0).strip(), True
        elif (
            all(m.on_roster for m in group)
            and not _capital_before(pre, pre_start == s_start)  # "Flat Stanley came too": a character's name
            and (cm := _DID_WITH_PRONOUN.match(post)) is not None
            and (
                _HE_SHE.search(post)
                or _SCHOOL_DAY.search(post)
                or _names_a_class(post, roster.class_names)
                # "Summer and Jade had a brilliant time": two pupils' names that did something
                or (len(group) > 1 and not all(m.first.key in _TIMES_OF_YEAR for m in group))
                # "Ladybird Class! ... and Faith tasted every bowl": capitalised mid-sentence, in a
                # post about one of the school's classes
                or (
                    group[0].first.is_capitalised
                    and group[0].first.key not in _TIMES_OF_YEAR
                    and (pre.strip() or DID_SOMETHING.match(post))
                    and _about_a_class(norm, roster.class_names)
                    and not re.search(r"\b(?:to|in|at|from|near|visit|visiting|around)\s+$", pre, re.I)
                )
                # "Clover held a newborn lamb": what only a person does
                # ("Summer counted all the way to 100": what no season does either)
                or (
                    (group[0].first.key not in _TIMES_OF_YEAR or _ONLY_A_CHILD_DID.match(post))
                    and _PERSON_DID.match(post)
                )
                # "Sunday stayed behind after the concert to help": no day or season does that
                or _KIND_DEED.match(post)
                # "Lewis spotted a seal pup and told the whole group to keep quiet": a second deed only a person does
                or (
                    group[0].first.key not in _TIMES_OF_YEAR
                    and DID_SOMETHING.match(post)
                    and re.search(
                        r"\band\s+(?:then\s+)?(?:told|asked|said|explained|shouted|whispered|thanked|showed|taught|"
                        r"reminded|helped|persuaded|warned)\b",
                        post,
                    )
                )
                # "Wren spotted a wren! She sat by the window": "she" opens the next sentence
                or (
                    group[0].first.key not in _TIMES_OF_YEAR
                    and DID_SOMETHING.match(post)
                    and _HE_SHE_NEXT.match(norm[group[-1].nend : group[-1].nend + 160])
                )
            )
        ):
            # "Pearl took her first steps", "Lucky was very lucky today - he found a clover": the
            # word does something and is then "she" or "he", so it is somebody (typed in lower
            # case too: "autumn had us all in stitches with her sign")
            group_cue = f"{cm.group(0).strip()} …"
            strong = bool(_HE_SHE.search(post) and not group[0].first.is_capitalised)
        elif (
            len(group) == 1
            and not group[0].on_roster
            and not group[0].surname
            and group[0].first.is_capitalised
            and group[0].first.key in first_name_lexicon()
            and not is_ordinary_word(group[0].first.key)
            and not _capital_before(pre, pre_start == s_start)
            and (cm := _DID_WITH_PRONOUN.match(post)) is not None
            and _HE_SHE.search(post)
            and not _GROWN_UP_IN_POST.search(norm)
            # not a role before the name: "our minibus escort Bev"
            and not re.search(r"\b(?:our|the)\s+(?:(?-i:[a-z])[\w-]*\s+){1,3}$", pre)
        ):
            # "Liv faced her fear of heights on the leap of faith": a first name no roster lists (a short
            # form, a new child) that did something and is "she" or "he"
            group_cue = f"{cm.group(0).strip()} …"
        elif (
            all(m.on_roster for m in group)
            and group[0].first.key not in _TIMES_OF_YEAR
            and (cm := _CAPTION_DID.match(post)) is not None
        ):
            group_cue = f"{cm.group(0).strip()} …"  # "Robin crossing the finish line to win the sprint!"
        elif all(m.on_roster for m in group) and re.match(r"\s+by\s+name\b", post):
            group_cue, strong = "by name", True  # "Patience by name, patience by nature!"
        elif (
            pre_start == s_start
            # (after a cry of delight: "OMG Faith, what a catch!")
            and (not pre.strip() or _A_CRY.fullmatch(pre))
            and _VOCATIVE.match(post)
            and group[0].first.key not in _INTERJECTIONS  # "Goodness, what a turnout!"
        ):
            group_cue, strong = "addressed by name", True
        for m in group:
            _classify_one(text, tokens, by_start, m, group_cue, strong, roster, norm)
        if len(group) > 1 and any(
            m.surname is not None and f"{m.first.key} {m.surname.key}" in _FAMOUS for m in group
        ):
            # "readings from Malorie Blackman, Patrick Ness and the Brontë sisters": the others of a famous list
            for m in group:
                if m.surname is not None and not m.full_name_on_roster and m.kind == "pupil":
                    m.kind, m.cue, m.reasons = "other-person", None, ["listed with a famous person"]
        if (
            len(group) > 1
            and not strong
            and all(m.first.key in _TIMES_OF_YEAR and m.surname is None for m in group)
            and not (group_cue and _HE_SHE.search(post))
        ):
            # "Summer and Autumn have been fighting it out this week": the seasons, named together
            for m in group:
                m.kind, m.cue, m.reasons = "word", None, ["times of the year named together"]
            continue
        if re.search(
            r"\b(?:everyone|anyone|anybody|everybody|all|those|people|children|pupils|boys|girls)\s+(?:called|named)\s+$",
            pre,
            re.IGNORECASE,
        ) or (not strong and _WORDS_AFTER.match(norm[group[-1].nend : s_end])):
            for (
                m
            ) in group:  # "Happy Name Day to everyone called Nikolai, Nicolae or Mikołaj": the names as names
                if m.kind in ("pupil", "unknown", "word") and m.surname is None:
                    m.kind, m.cue, m.reasons = (
                        "word",
                        None,
                        [
                            'a name as a name, or a word ("everyone called Nikolai", "Faith and Joy are the themes")'
                        ],
                    )
        elif (why := _grown_ups_listed(norm, pre, post, s_start, s_end, group)) is not None and (
            not strong or re.search(_CARES_FOR_PUPILS, norm[group[-1].nend : s_end], re.IGNORECASE)
        ):
            for m in group:
                if m.kind in ("pupil", "word", "unknown") and not m.full_name_on_roster:
                    m.kind, m.cue, m.reasons = "adult", None, [why]
        # "our instructors Bill and Mark, who braved the rain": a role before the list covers it all
        if (
            len(group) > 1
            and group[0].kind == "adult"
            and group[0].reasons[:1]
            and group[0].reasons[0].startswith("role")
        ):
            for m in group[1:]:
                if m.kind == "pupil" and m.cue == group_cue:
                    m.kind, m.cue, m.reasons = "adult", None, [f"listed after {group[0].reasons[0]}"]
        # "instructors Dale, Tash and Ellie": a list after a role, with a name no roster has in between
        for m in group:
            if m.kind != "pupil" or m.cue is not None:
                continue
            before = [p for p in mentions if p.nend <= m.nstart]
            if (
                before
                and before[-1].kind == "adult"
                and before[-1].reasons[:1]
                and before[-1].reasons[0].startswith(("role", "listed after"))
                and re.fullmatch(
                    r"(?:\s*,\s*(?-i:[A-Z])[\w'’-]+)*\s*(?:,\s*and|,|and|&)\s*",
                    norm[before[-1].nend : m.nstart],
                )
            ):
                m.kind, m.reasons = "adult", [f"listed after {before[-1].reasons[0]}"]
            elif (
                before
                and before[-1].kind == "place"
                and before[-1].reasons[:1] in (['after "in"'], ["listed after a place"])
                and not m.surname
                and is_a_place(m.first.key)
                and re.fullmatch(
                    r"(?:\s*,\s*(?-i:[A-Z])[\w'’-]+)*\s*(?:,\s*and|,|and|&)\s*",
                    norm[before[-1].nend : m.nstart],
                )
            ):
                # "pen pals live in Moira, Tyrone and Kerry": places, listed after one
                m.kind, m.reasons = "place", ["listed after a place"]
        # "Ruby and Felix painted sunflowers": a name listed with a pupil is a pupil too.
        if any(m.is_pupil for m in group):
            for m in group:
                if m.kind in ("word", "unknown") and m.first.is_capitalised:
                    m.kind, m.cue = "pupil", "listed with another pupil"
                    m.reasons.append("named in a list together with a pupil")


_ROLE_HASHTAG = re.compile(r"(?<=\s)#(?-i:[A-Z])[a-z]+(?:(?-i:[A-Z])[a-z]+){1,3}\b")


_WORD_REST = re.compile(r"[\w'’-]*")


def _roles_in_hashtags(norm: str) -> list[RoleMention]:
    """A role only one child holds, written as a hashtag: "congratulations to our #StarWriter in Walsingham Class,
    whose poem has won", "our #HeadGirl". The hashtag's words are read as the role is written."""
    found = []
    for tag in _ROLE_HASHTAG.finditer(norm):
        words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", tag.group(0)[1:])
        opened = norm[: tag.start()] + words + norm[tag.end() :]
        shift = len(words) - (tag.end() - tag.start())
        # the window ends where a word does: cut inside "Hereford" or "sheep", its "He" or "she" would read as a pronoun
        window_end = _WORD_REST.match(opened, min(len(opened), tag.end() + shift + 60)).end()  # type: ignore[union-attr]
        for mm in _SINGLE_CHILD_ROLE.finditer(opened, max(0, tag.start() - 30), window_end):
            if mm.start() <= tag.start() < mm.end() and not _ROLE_TO_GROUP.match(opened, mm.end()):
                end = min(len(norm), mm.end() - shift)
                found.append(RoleMention(mm.start(), end, norm[mm.start() : end]))
                break
    return found


def _a_class_word(key: str, roster: Roster) -> bool:
    """Whether ``key`` is a class's name ("Derwen") or the name of forms that have their year before it
    ("Hilda" of "7 Hilda")."""
    return key in roster.class_names or key in roster.form_words


def _a_class_here(norm: str, s_start: int, s_end: int, m: PersonMention, post: str, roster: Roster) -> bool:
    """A word that is a class's name and a pupil's, used as the class: "in Derwen", "Dosbarth Celyn",
    "Celyn and Onnen collected conkers" (two classes joined), "House Cross-Country: 1st Hilda, 2nd Bede",
    "Aidan, Hilda, Chad and Bede" (a list with a class that is no pupil's name)."""
    before = _before(norm, s_start, m, 30)
    if re.search(r"\b(?:in|from|dosbarth|class)\s+$", before, re.I):
        return True
    if re.match(
        r"\s+(?:boarders|parents|families|pupils|children|students|girls|boys|house|team|dorm|dormitory|"
        r"common\s+room|captains?|prefects|tutors?)\b",
        post,
        re.I,
    ):
        return True  # "reminder for Raleigh boarders", "Reminder to Raleigh parents": the house's people
    if re.match(
        r"\s+(?:are|were|have)\b(?![^.!?]{0,60}\b(?:her|his|she|he)\b)", post, re.I
    ) and not re.search(r"\b(?:and|&|,)\s*$", before):
        return True  # "Celyn are off to Cardiff Bay", "Celyn have finished their topic": a class, by its plural verb
    if m.first.key in roster.form_words and _post_has(_HOUSES, norm):
        return True  # "Year 7 House Cross-Country results: 1st Hilda, 2nd Bede": the forms' houses
    joined_before = re.search(r"((?-i:[A-Z])[\w'’-]+)\s+(?:and|&)\s+$", before)
    joined_after = _CLASSES_JOINED.match(post)
    if any(j is not None and fold(j.group(1)) in roster.class_names for j in (joined_before, joined_after)):
        return True
    sentence = norm[s_start:s_end]
    at = m.nstart - s_start
    for names in _NAME_LIST.finditer(sentence):
        if names.start() <= at < names.end():
            keys = [fold(w) for w in re.findall(r"(?-i:[A-Z])[\w'’-]+", names.group(0))]
            # one of the list is a class and no pupil's name: the others of the class's names are classes
            return any(_a_class_word(k, roster) and k not in roster.by_first for k in keys)
    return False


# A book named with its author, in a post about reading: "our pick this week is Holes by Louis Sachar".
_A_BOOK_BY = re.compile(
    r"(?-i:[A-Z])[\w'’-]*,?\s+by\s+(?:(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])\.?)*\s+|(?:(?-i:[A-Z])\.\s*){1,3})(?-i:[A-Z])[\w'’-]+"
    r"(?=[^.!?]*[.!?]?[^.!?]*\b(?:read|reading|book|books|novel|story|library|librarian|pick|author)\b)"
    r"|\b(?:book|novel|read|pick|story)\b[^.!?]{0,80}\bby\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])\.?)*\s+(?-i:[A-Z])[\w'’-]+",
    re.IGNORECASE,
)
# Thanks from one person to another: "A huge thank you from Tomasz to Florence for the lift".
_THANKS_FROM_TO = re.compile(
    r"\b(?:thank\s+you|thanks|love|message|note|card|letter|gift|present|wishes)\s+from\s+((?-i:[A-Z])[\w'’-]+)\s+to\s+"
    r"((?-i:[A-Z])[\w'’-]+)\s+for\b",
    re.IGNORECASE,
)
# Something a child made, and who made it: "The pasta, made by Clay and Ivy, was mostly edible".
_MADE_BY = re.compile(
    r"\b(?:made|baked|cooked|built|designed|created|knitted|sewn|grown|planted)\s+by\s+(?:(?-i:[A-Z])[\w'’-]+\s*(?:,|and|&)\s*)*$"
)


@lru_cache(maxsize=64)
def _saints_named(norm: str) -> frozenset[str]:
    """The saints a post names ("St Piran's Day", "#StBrigid"), read once a post."""
    return frozenset(
        m.group(1) or m.group(2)
        for m in re.finditer(r"\b(?:St\.?|Saint)\s+([A-Z][\w-]*)|#St([A-Z][\w-]*)", norm)
    )


@lru_cache(maxsize=64)
def _schools_named(norm: str) -> frozenset[str]:
    """The words a post names a school by ("Alford Primary", "Castle High"), read once a post."""
    return frozenset(
        m.group(1)
        for m in re.finditer(
            r"\b([A-Z][\w'’-]*)\s+(?:Primary|Academy|School|High|College|Juniors?|Infants?|Grammar)\b", norm
        )
    )


# A team of ours, then what it did to another side: "Our U14 cricketers beat Clare", "the 1st XI v Bungay".
_OPPONENT_BEFORE = re.compile(
    r"\b(?:team|teams|squad|side|xi|eleven|cricketers|footballers|netballers|hockey\s+players|players|"
    r"u\d{1,2}s?|under[\s-]\d{1,2}s?|(?:boys|girls)['’]?|year\s*\d+s?|1st|2nd|first|second)\b[^.!?;:]{0,30}?"
    r"\b(?:beat|beats|beating|lost\s+to|lose\s+to|losing\s+to|drew\s+with|draw\s+with|played|play|plays|playing|"
    r"faced?|faces|facing|against|hosted|hosts?|hosting|took\s+on|takes?\s+on|taking\s+on|v|vs|versus)\.?\s+$",
    re.IGNORECASE,
)


def _before(norm: str, s_start: int, m: PersonMention, width: int) -> str:
    """Up to ``width`` characters of the sentence before the name."""
    return norm[max(s_start, m.nstart - width) : m.nstart]


# A reign's number after a name: "Henry VIII", "George III", "Elizabeth I and Queen Victoria" (a lone "I"
# only where it cannot be the writer: "Amelia I was so proud of" keeps Amelia).
_REGNAL_NUMBER = re.compile(
    r"\s+(?-i:(?:II|III|IV|V|VI|VII|VIII|IX|X)\b(?!['’]\w)|I(?=\s*(?:,|;|:|\)|\.(?!\w)|['’]s\b|\s+(?:and|or|of|"
    r"ruled|reigned|became|was\s+(?:crowned|queen|king|the|a)|in\s+\d))))"
)


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
    if m.first.hashtag and key in roster.class_names and not m.surname:
        m.kind, m.reasons = "class", ["a class of the school's, cheered in a hashtag (#WellDoneOak)"]
        return
    if m.kind == "place" and (not group_cue or any(r.startswith("part of") for r in m.reasons)):
        return  # "a family pass to Chester Zoo": a place, whatever the wording around it
    if (
        m.on_roster
        and not m.surname
        and re.match(r"\s*,", post)
        and (part := re.search(r"\bour\s+((?-i:[A-Z])[a-z]+)\s*,\s*$", _before(norm, s_start, m, 30), re.I))
        is not None
        and not is_ordinary_word(fold(part.group(1)))
        and fold(part.group(1)) not in TITLES
        and fold(part.group(1)) not in roster.class_names
    ):
        # "Our Matilda, Grace, held the whole audience": the pupil who played the part
        m.kind, m.cue = "pupil", f"our {part.group(1)},"
        m.reasons = [f'the pupil who played "{part.group(1)}"', "first name of a pupil on the roster"]
        return
    if (
        not m.surname
        and not m.first.possessive
        and re.search(r"\bour\s+$", _before(norm, s_start, m, 6), re.I)
        and (played_by := re.match(r"\s*,\s*((?-i:[A-Z])[a-z]+)\s*,", post)) is not None
        and fold(played_by.group(1)) in roster.by_first
        and not is_ordinary_word(key)
        and key not in roster.class_names
    ):
        # the "Matilda" of "Our Matilda, Grace, held the whole audience": the part, then who played it
        m.kind, m.reasons = "other-person", [f"a part in a show, played by {played_by.group(1)}"]
        return
    if not m.surname and re.search(
        r"\b(?:volunteers|visitors|staff|people|experts|engineers|apprentices|representatives|reps|speakers|guests|"
        r"colleagues|employers|mentors|interviewers|scientists|team)\s+from\s+(?:the\s+)?$",
        _before(norm, s_start, m, 30),
        re.I,
    ):
        # "mock interviews with volunteers from Nissan, the city council and the NHS": an organisation
        m.kind, m.reasons = "other-person", ["an organisation people came from"]
        return
    if (
        not m.surname
        and is_a_place(key)
        and re.search(
            r"\b(?:compared?|comparing)\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?\s+(?:with|to|and)\s+$",
            _before(norm, s_start, m, 40),
            re.I,
        )
    ):
        # "Otters Class compared Nottingham with Paris in geography": a place beside another
        m.kind, m.reasons = "place", ['a place compared with another ("compared Nottingham with Paris")']
        return
    if key == "ben" and not m.surname and re.search(r"(?-i:Big)\s+$", _before(norm, s_start, m, 5)):
        m.kind, m.reasons = "place", ['"Big Ben": the bell and its tower']
        return
    if _A_NATIONS_PLAYER.search(_before(norm, s_start, m, 45)):
        # "Wales captain Jac Morgan has signed a shirt for our raffle": a famous player, though a pupil shares the name
        m.kind, m.cue, m.reasons = (
            "other-person",
            None,
            ["a nation's or a club's player, by the role before the name"],
        )
        return
    if m.surname is not None and re.match(r"\s+(?:Day|Week|Night|Appeal|Festival|Fun\s+Run)\b", post):
        m.kind, m.reasons = "word", ['the name of a day or an event ("Red Nose Day")']
        return
    if (
        m.surname is not None
        and m.first.key not in roster.by_first
        and m.surname.key
        in ("castle", "park", "zoo", "museum", "farm", "abbey", "hall", "cathedral", "gardens", "bay")
    ):
        m.kind, m.reasons = "place", ['a place by its name ("Warwick Castle, Wednesday 22nd April")']
        return
    if (
        not strong
        and m.surname is None
        and _OPPONENT_BEFORE.search(_before(norm, s_start, m, 60))
        and not re.match(r"['’]s?\b|\s+(?:in|from)\s+(?:year|class|reception|[yps]\d)", post, re.I)
    ):
        # "Our U14 cricketers beat Clare by 20 runs": the other side, by its town's name
        m.kind, m.reasons = "place", ["the other side of a fixture, by its town's or its school's name"]
        return
    if (
        m.surname is not None
        and key in ("river", "lake", "loch", "mount", "port", "isle", "glen", "cape")
        and re.search(r"\bthe\s+$", _before(norm, s_start, m, 6), re.I)
    ):
        # "The River Kent was running high": a river, though a pupil is River Kent
        m.kind, m.reasons = "place", [f'"the {m.first.text} ...": a river, a lake or a mountain by its name']
        return
    if (
        is_a_place(key)
        and m.surname is None
        and not strong
        and re.match(
            r"\s+(?:students|pupils|schools|families|folk|people|residents|businesses|teams|clubs)\b", post
        )
        and re.search(r"\b(?:of|for|all|many|local|other|most)\s+$", _before(norm, s_start, m, 16), re.I)
    ):
        # "Generations of Kendal students owe her their times tables": the town's
        m.kind, m.reasons = "place", ['a town\'s people ("generations of Kendal students")']
        return
    if (
        is_a_place(key)
        and m.surname is None
        and not strong
        and not m.first.possessive
        and (
            re.match(
                r"\s+(?:pilgrims?|pilgrimage|trip|trips|residential|visit|tour|party|exchange|expedition|kit\s+list|"
                r"letter|meeting|fund|appeal|camp|walk|group)\b",
                post,
            )
            # "Lourdes, day 3: tonight our Year 12s will help": a live update's heading
            or (m.nstart == s_start and re.match(r"\s*[,:–-]+\s*day\s+\d", post, re.I))
        )
    ):
        # "Our Year 12 Lourdes pilgrims led a rosary", "the Iona trip": the place a group goes to
        m.kind, m.reasons = "place", ['a place naming a trip or its travellers ("our Lourdes pilgrims")']
        return
    if (
        m.on_roster
        and m.surname is None
        and not m.first.possessive
        and _MADE_BY.search(_before(norm, s_start, m, 40))
    ):
        # "The pasta, made by Clay and Ivy, was mostly edible": a child who made something
        m.kind, m.cue = "pupil", "made by"
        m.reasons = [
            'the wording makes a child the subject ("made by")',
            "first name of a pupil on the roster",
        ]
        return
    if (
        m.on_roster
        and m.surname is None
        and any(
            t.start(1) <= m.nstart - max(s_start, m.nstart - 60) < t.end(2)
            for t in _THANKS_FROM_TO.finditer(norm[max(s_start, m.nstart - 60) : min(s_end, m.nend + 40)])
        )
    ):
        # "A huge thank you from Tomasz to Florence for the lift": one person thanking another, not a journey
        m.kind, m.cue = "pupil", "thanks from one to another"
        m.reasons = ["thanks sent from one person to another", "first name of a pupil on the roster"]
        return
    if re.match(
        r"\s+(?:Primary|Academy|School|High|College|Infants?|Juniors?|Grammar|Prep|Middle|Federation|Trust|"
        r"C\s+of\s+E|CE|RC|Catholic|Memorial|Foundation)\b",
        post,
    ):
        m.kind, m.reasons = "other-person", ['the name of a school or a trust ("Amy Johnson Academy")']
        return
    if re.search(
        r"\b(?:came|come|comes|dressed(?:\s+up)?|went|turned\s+up|arrived)\s+(?:to\s+school\s+)?(?:dressed\s+)?as\s+"
        r"(?:a\s+|an\s+|the\s+)?$",
        _before(norm, s_start, m, 40),
        re.IGNORECASE,
    ):
        m.kind, m.reasons = (
            "other-person",
            ['a costume\'s character ("came as Ethan Hunt from Mission: Impossible")'],
        )
        return
    near = max(s_start, m.nstart - 30)  # a greeting is a few words: look only around the name
    if any(
        near + g.start() <= m.nstart < near + g.end()
        for g in _GREETING_PHRASE.finditer(norm[near : min(s_end, m.nend + 30)])
    ):
        m.kind, m.reasons = "word", ['part of a greeting in another language ("Shana tova", "Mazal tov")']
        return
    if not m.surname and _WELSH_PLACE_BEFORE.search(_before(norm, s_start, m, 30)):
        # Welsh place names join their words with "y" (the): "over Chwarel y Penrhyn", "Betws y Coed"
        m.kind, m.reasons = "place", ['part of a Welsh place\'s name ("Chwarel y Penrhyn", "Pen y Fan")']
        return
    if in_a_place_phrase(norm, m.first.nstart, m.first.nend) and not (
        m.surname is not None
        and any(m.surname.key in map(fold, p.surnames) for p in roster.by_first.get(key, ()))
    ):
        m.kind, m.reasons = (
            "place",
            ['part of a place\'s name ("the Ross and Cromarty schools", "Milton Keynes")'],
        )
        return
    if (
        not m.surname
        and re.match(r"\s*[!,.]*\s*[\U0001F1E6-\U0001F1FF]{2}", norm[m.nend : m.nend + 10])
        and is_a_place(key)
    ):
        m.kind, m.reasons = "place", ['a country, by its flag ("Happy birthday, Israel! 🇮🇱")']
        return
    if (
        not strong
        and not m.surname
        and re.search(r"\bcop(?:y|ies)\s+of\s+$", _before(norm, s_start, m, 12), re.I)
    ):
        m.kind, m.reasons = "other-person", ['the title of a book ("copies of Matilda, The Twits")']
        return
    if not m.surname and not _STRONG_CHILD_AFTER.match(post):
        # a famous person whose surname is a first name too: "using Mary Berry's recipe"
        # (and a couple: "the work of Marie and Pierre Curie")
        word_after = re.match(
            r"\s+(?:and\s+(?-i:[A-Z])[\w-]+\s+)?((?-i:[A-Z])[\w-]+?)(?:['’]s?)?\b",
            norm[m.first.nend : m.first.nend + 40],
        )
        word_before = re.search(r"((?-i:[A-Z])[\w-]+)\s+$", norm[max(s_start, m.nstart - 30) : m.nstart])
        if (word_after is not None and f"{key} {fold(word_after.group(1))}" in _FAMOUS) or (
            word_before is not None and f"{fold(word_before.group(1))} {key}" in _FAMOUS
        ):
            m.kind, m.reasons = "other-person", ["part of a famous person's name (\"Mary Berry's recipe\")"]
            return
    if not m.surname and re.search(
        r"\b(?:pupil|child|girl|boy|actor|actress|student|one|who(?:['’]s|\s+is|\s+was)?)\s+(?:playing|plays|played|cast\s+as)"
        r"\s+(?:the\s+part\s+of\s+|the\s+role\s+of\s+)?$",
        _before(norm, s_start, m, 40),
        re.IGNORECASE,
    ):
        m.kind, m.reasons = "other-person", ['a part in a play ("the Year 4 pupil playing Mordechai")']
        return
    if (
        not m.surname
        and key in _FAITH_WORDS
        and not strong
        and not m.first.possessive  # "Thank you to Diya's family for lending us saris": a child's
        and re.search(_FAITH_WORDS[key], norm, re.IGNORECASE)
        and not re.match(r"\s+(?:has|had|was|is|did|won|sang|read|said|wrote|made)\b", post)
    ):
        # "Aarti, prasad and a story from the swami", "Om shanti, shanti, shanti": the faith's words, not children
        m.kind, m.reasons = (
            "word",
            ['a word of a faith\'s worship, in a post about it ("the aarti", "Om shanti")'],
        )
        return
    if not m.surname and re.match(r"['’\"”]?\s*,?\s+(?:which\s+means|meaning|means)\b", post):
        m.kind, m.reasons = "word", ["a word explained (\"'asha', which means hope\")"]
        return
    if not m.first.is_capitalised and re.search(
        r"(?<![\w.])(?-i:[A-Z])\.\s?$", norm[max(0, m.nstart - 4) : m.nstart]
    ):
        m.kind, m.reasons = "word", ['a species, its genus cut to a letter ("T. rex", "E. coli")']
        return
    if not m.surname and re.search(
        r"\b(?:named|called|christened)\s+(?:him|her|it|them|the\s+\w+)\s+$",
        _before(norm, s_start, m, 30),
        re.I,
    ):
        m.kind, m.reasons = (
            "other-person",
            ['a name given to an animal or a thing ("We\'ve named him Colin")'],
        )
        return
    if not m.surname and _EPONYM_AFTER.match(norm, m.first.nend):
        m.kind, m.reasons = (
            "other-person",
            ['a law, a theory or a thing named after a scientist ("Newton\'s third law")'],
        )
        return
    if not m.surname and _A_NAMED_THING_AFTER.match(post):
        m.kind, m.reasons = (
            "other-person",
            ['a robot, a mascot or an animal, by what the post says it is ("Meet Ruby, our new robot!")'],
        )
        return
    if (
        key in _PROGRAMMING_LANGUAGES
        and not m.surname
        and not strong
        and _ABOUT_CODE.search(norm)
        and not m.first.possessive
        # (the language is written as a language: in a list of them, or learnt, not doing a child's things)
        and (
            len(
                {fold(w) for w in re.findall(r"[\w+#]+", norm)}
                & (_PROGRAMMING_LANGUAGES | {"python", "javascript", "html"})
            )
            >= 2
            or re.search(
                r"\b(?:in|learn|learning|learnt|using|use|with|coding|code|to)\s+$",
                _before(norm, s_start, m, 15),
                re.I,
            )
        )
    ):
        m.kind, m.reasons = "word", ['a programming language, in a post about code ("Python, Java and Ruby")']
        return
    if not strong and not m.surname and _BREED_AFTER.match(post):
        m.kind, m.reasons = "word", ['a breed, before the animal ("with Dexter steer Gerald")']
        return
    if not strong and not m.surname and _ANIMAL_EMOJI_AFTER.match(post):
        m.kind, m.reasons = (
            "other-person",
            ['an animal, by the emoji after the name ("please welcome Daisy 🐰")'],
        )
        return
    if not strong and _ANIMAL_POST.match(norm):
        m.kind, m.reasons = (
            "other-person",
            ['an animal of the school\'s, in a post about them ("Hen update: Clover ...")'],
        )
        return
    if _REGNAL_NUMBER.match(post) and not m.surname:
        m.kind, m.reasons = "other-person", ['a monarch or a pope, by the number of the reign ("Henry VIII")']
        return
    if (
        key in _MONTH_NAMES
        and not strong
        and re.match(
            r"\s+(?:altar|procession|fair|fayre|half[\s-]term|holidays?|bank\s+holiday|crowning|garden|pole|queen|"
            r"blossom|festival|sunshine|showers|term|exams?|deadline|newsletter|edition|issue|intake|residential)\b"
            # "May is Walk to School Month!"
            r"|\s+is\s+(?:(?:national|international|world|the|our)\s+)?(?:(?-i:[A-Z])[\w'’-]*\s+){1,5}(?:Month|Week)\b",
            post,
        )
    ):
        m.kind, m.reasons = "word", ['a month before what happens in it ("our May altar", "the June fair")']
        return
    if _WITH_A_YEAR.match(post) and not group_cue:
        m.kind, m.reasons = "word", ['followed by a year: an event or a thing ("Paris 2024")']
        return
    if (
        not m.first.is_capitalised
        and prev is not None
        and prev.sentence == m.first.sentence
        and prev.key in _DETERMINERS
        and is_ordinary_word(key)
    ):
        m.kind, m.reasons = (
            "word",
            [f'"{prev.text} {m.first.text}": a word in lower case after "{prev.text}"'],
        )
        return  # "The pearl of Foxes' Under the Sea week"
    if not strong and re.search(
        r"\b(?:was|is|were|are|be)\s+(?:called|named)\s+$"
        # "The School Council voted to call her Heather": a name given to the new hen
        r"|\b(?:call|called|calling|name|named|naming)\s+(?:her|him|it|them|the\s+\w+)\s+$",
        _before(norm, s_start, m, 30),
    ):
        m.kind, m.reasons = "other-person", ['a name given to something ("The barn owl was called Sunny")']
        return
    if re.match(
        r"\s*,\s*(?:[a-z]+\s*,\s*)*[a-z]+\s+and\s+[a-z]+\s+(?:are|were|is|was)\s+(?:the|our)\b", post
    ) or re.match(
        r"\s+(?:is|was|were)\s+(?:the|our)\s+(?:theme|topic|focus|value|word|virtue)\b"
        # "Honor and respect were the themes of our Remembrance assembly"
        r"|\s+and\s+(?-i:[a-z]+)\s+(?:are|were)\s+(?:the|our)\s+(?:[\w-]+\s+)?(?:themes?|values?|topics?|focus|words?)\b",
        post,
    ):
        m.kind, m.reasons = (
            "word",
            ['one of a list of values ("Honor, kindness and respect were the themes")'],
        )
        return
    if not m.surname and _beside_a_club(post, _before(norm, s_start, m, 20)):
        m.kind, m.reasons = (
            "other-person",
            ['a football club beside another ("Chelsea or Arsenal?", "Chelsea 2-1 Liverpool")'],
        )
        return
    if key in _NUMBER_WORDS:
        m.kind, m.reasons = "word", ['a number ("Five wins from six")']
        return
    if not m.surname and is_ordinary_word(key) and re.match(r"\s*,\s*please\s*[!.]", post, re.I):
        m.kind, m.reasons = "word", ['a word asked for ("Patience, please!")']
        return
    if not m.surname and (
        re.match(r"\s*,\s*(?-i:[a-z]+)\s*(?:,|and|&)\s*(?-i:[a-z]+)\s*[:.!;—–-]", post)
        # "Scarlett, green and gold leaves everywhere": colours listed
        or (
            key in _COLOURS
            and re.match(r"\s*,\s*(?-i:[a-z]+)\s*(?:,|and|&)", post)
            and re.match(r"\s*,\s*(\w+)", post).group(1).lower() in _COLOURS  # type: ignore[union-attr]
        )
    ):
        m.kind, m.reasons = "word", ['one of a list of words ("Honor, integrity, service: our CCF values")']
        return
    if (
        not m.surname
        and key in PLACES_THAT_ARE_NAMES
        and re.match(
            r"\s+(?:was|is)\s+(?:absolutely\s+|simply\s+|just\s+)?(?:glorious|sunny|beautiful|stunning|breathtaking|wet|"
            r"windy|rainy|freezing|gorgeous|scenic|magical|baking|roasting|chilly)\b",
            post,
        )
    ):
        m.kind, m.reasons = "place", ['a place and its weather or its views ("Devon was glorious!")']
        return
    if not m.surname and re.match(r"\s+(?:de|del|da|do|dos|das)\s+(?-i:[A-Z])", post):
        m.kind, m.reasons = "place", ['part of a place\'s name ("Rio de Janeiro")']
        return
    if not m.surname and re.match(r"\s*,?\s*here\s+(?:we|they|i)\s+come\b", post, re.I):
        m.kind, m.reasons = "place", ['where a trip is going ("Paris, here we come!")']
        return
    if not strong and re.search(
        r"\b(?:values|virtues|themes|principles|qualities)\s+(?:are|were|include|:)\s+"
        r"(?:(?-i:[A-Z])[a-z]+\s*,\s*|(?-i:[A-Z])[a-z]+\s+(?:and|&)\s+)*$",
        _before(norm, s_start, m, 60),
        re.I,
    ):
        m.kind, m.reasons = "word", ['one of a list of values ("Our values are Hope, Faith and Courage")']
        return
    if key == "grace" and re.search(
        r"\b(?:led|lead|leads|say|says|said|saying|sang|sing|sings)\s+$",
        _before(norm, s_start, m, 10),
        re.I,
    ):
        m.kind, m.reasons = "word", ['a prayer before a meal ("Father Tom led Grace before lunch")']
        return
    if (
        not m.surname
        and re.search(
            r"\b(?:book|booking|bookings|contact|call|ring|text|phone|email|e-mail)\s+(?:with\s+|to\s+)?$",
            _before(norm, s_start, m, 15),
            re.I,
        )
        # "Text Sam, our Year 2 class rep, on 07700 900537": who they are may come between
        # ... or in brackets: "please text Shazia (Year 1 parent rep) on 07700 900215"
        and re.match(r"(?:\s*,[^,.!?]{1,40},|\s*\([^()]{1,40}\))?\s+(?:on|at)\s+(?:0\d|\+44|[\w.+-]+@)", post)
    ):
        m.kind, m.reasons = "adult", ['a grown-up to contact ("Book with Lisa on 07700 900741")']
        return
    if key in _TIMES_OF_YEAR and re.match(
        r"\s+(?:term|half[\s-]term|holidays?|hols|break|fair|f[eê]te|concert|show|camp|uniform|timetable|menu|collection|"
        r"range|edition|season|exhibition|issue|sale|"
        r"production|festival|newsletter|reading\s+challenge|sports)\b",
        post,
        re.I,
    ):
        m.kind, m.reasons = (
            "word",
            ['the time of year, naming a term or an event ("Summer term starts on Monday")'],
        )
        return
    if key in _TIMES_OF_YEAR and re.search(
        r"\b(?:signs|colours|colors|sounds|smells|leaves|flowers|fruits|first\s+day|start|end|beauty|wonders)\s+of\s+$",
        _before(norm, s_start, m, 20),
        re.I,
    ):
        m.kind, m.reasons = "word", ['the time of year ("looking for signs of Autumn")']
        return
    if key in _TIMES_OF_YEAR and re.search(r"\bhere\s+comes\s+$", _before(norm, s_start, m, 12), re.I):
        m.kind, m.reasons = "word", ['the time of year ("Here comes May!")']
        return
    if not m.surname and _ANIMALS_NAMED.search(norm[max(0, m.nstart - 120) : m.nstart]):
        m.kind, m.reasons = (
            "other-person",
            ['an animal\'s name ("Our new chickens have names! ... Ruby, Amber and Jade")'],
        )
        return
    if key in _TIMES_OF_YEAR and re.match(
        r"\s+(?:has|is|'s|was)\s+(?:[\w-]+\s+){0,4}?(?:arrived|here|coming|come|upon\s+us|on\s+(?:its|the)\s+way|"
        r"in\s+the\s+air|over|nearly\s+here|finally\s+here)\b",
        post,
    ):
        m.kind, m.reasons = "word", ['the time of year ("Autumn has well and truly arrived")']
        return
    if re.match(
        r"\s+(?:turns|turned|celebrates\s+(?:her|his)|celebrated\s+(?:her|his))\s+(?:[2-9]\d|1\d\d)\b", post
    ) or re.search(
        r"\bhappy\s+(?:[2-9]\d|1\d\d)(?:st|nd|rd|th)\s+birthday\s+to\s+$", _before(norm, s_start, m, 30), re.I
    ):
        m.kind, m.reasons = "adult", ["a grown-up's birthday (an age of twenty or more)"]
        return  # "Our wonderful dinner lady Pauline turns 60 today!", "Happy 100th birthday to Doris"
    if (
        (
            not m.on_roster
            or is_ordinary_word(key)
            or (m.surname is not None and not m.full_name_on_roster)
            # "spot Miss Havisham and a very convincing Matilda in the English office": a part played well
            or re.search(
                r"\b(?:a|an|the)\s+(?:very\s+|rather\s+|really\s+|most\s+|truly\s+)?(?:convincing|believable|realistic|"
                r"lifelike|passable|fearsome|menacing|terrifying|sinister)\s+$",
                _before(norm, s_start, m, 40),
                re.I,
            )
        )
        and (
            not m.surname
            or not m.full_name_on_roster
            # "four Matildas, a Charlie Brown, several Gruffalos": a costume on World Book Day
            or re.search(
                r"\b(?:world\s+book\s+day|costumes?|dressed\s+(?:up\s+)?as|fancy\s+dress)\b", norm, re.I
            )
        )
        and re.search(
            r"\b(?:a|an)\s+(?:(?!(?:from|by|to|for|with|of|in|at|on|and|or|than)\s)(?-i:[a-z])[\w-]*\s+){0,3}$"
            r"|\b(?:most|all|half|some|lots|loads|plenty|much)\s+of\s+$",
            _before(norm, s_start, m, 40),
            re.I,
        )
    ):
        m.kind, m.reasons = (
            "other-person",
            ['"a ... Gruffalo": a costume or a character, not a child\'s name'],
        )
        return  # "a very convincing Gruffalo in Reception"
    if re.search(r"\b\d{1,2}\s?$", _before(norm, s_start, m, 4)) and (
        fold(_before(norm, s_start, m, 4).split()[-1] + " " + m.first.text) in roster.class_names
        or fold(norm[max(s_start, m.nstart - 4) : m.nend].split()[-1]) in roster.class_names
    ):
        m.kind, m.reasons = "class", ['a tutor group ("7 Darwin")']
        return
    if not strong and not m.surname and re.match(r"\s+by\s+(?-i:[A-Z])[a-z]+\s+(?-i:[A-Z])[a-z]+", post):
        m.kind, m.reasons = "other-person", ['the title of a work, with its author ("Matilda by Roald Dahl")']
        return
    if (
        m.surname is not None
        and (
            not strong or not m.full_name_on_roster
        )  # "Captain Cat and Polly Garter": the play's, not a team's
        and {key, m.surname.key} <= characters_named(norm)
        and not in_roster_class(post, roster.class_names)
    ):
        # "Year 9 have been reading Little Women. Jo March is by far the most popular sister"
        m.kind, m.reasons = (
            "other-person",
            ["a character of a work the post names, by first name and surname"],
        )
        return
    if (
        not m.surname
        and key in characters_named(norm)
        # "Well done Oliver! You were brilliant in the cast": praise for a child with the show's name
        and not (strong and key in _WORKS)
        and not _PLAYS_ANOTHER_PART.match(post)
        # "Lyra has been reading Northern Lights to the Year 5s": the book's reader, not its character
        and not ((r := _READS.match(norm, m.nend)) is not None and _WORK_TITLES.match(norm, r.end()))
        # "Matilda in Birch read her own chapter", "Matilda S. in Ospreys": a child placed in the school
        and not (
            re.match(
                r"\s+(?-i:[A-Z])\.|\s+(?:in|from)\s+(?:year|reception|nursery|class\b|(?-i:[A-Z])|\d{1,2}\s?(?-i:[A-Z]))"
                # "Matilda, who came as ... Matilda!": the child in the costume
                r"|\s*,?\s+who\s+(?:came|dressed\s+up|turned\s+up)\s+(?:to\s+school\s+)?as\b",
                post,
            )
            # not "Alice in Wonderland", a title longer than the name
            and ((t := _WORK_TITLES.match(norm, m.nstart)) is None or t.end() <= m.nend)
        )
        and not (
            strong and _POST_CUE.match(post) and not (m.first.possessive and _WORK_OWNS.match(norm, m.nend))
        )
        # "Jessica's essay on The Merchant of Venice won the prize": a child's own work about the play
        and not (
            m.first.possessive
            and re.match(
                r"['’]s?\s+(?:[\w-]+\s+)?(?:essay|review|poem|project|homework|coursework|presentation|portfolio|"
                r"artwork|entry|book\s+review)\b",
                norm[m.first.nend : m.first.nend + 40],
            )
        )
        # "Esther is playing Vashti this year": the child who plays a part, not the part
        and not re.match(r"\s+(?:is|was|will\s+be)\s+(?:playing|cast\s+as)\s+(?:the\s+)?(?-i:[A-Z])", post)
        # "Oliver, the library really needs your copy of Oliver Twist back": a child spoken to
        and not (
            m.nstart == s_start
            and post.startswith(",")
            and re.search(r"\byou(?:r)?\b", norm[m.nend : s_end], re.I)
        )
    ):
        # "Mary was serene, Joseph forgot only one line" of a nativity; "Jack's mum stole the show" of the
        # panto: the parts, though a child played each (not "Matilda was a wonderfully gentle Miss Honey")
        m.kind, m.reasons = (
            "other-person",
            ["a character of a work the post names (Of Mice and Men's George)"],
        )
        return
    if not m.surname and key in houses_named(norm) and not strong and not _STRONG_CHILD_AFTER.match(post):
        # "Year 7 tutor groups are now settled into Becket, Chaucer, Harvey and Marlowe": the school's houses
        m.kind, m.reasons = "class", ["one of the school's houses, which the post names together"]
        return
    if (
        not m.surname
        and not strong
        and not m.first.possessive
        and re.match(
            r"\s+(?:have|are|were)\s+(?!you\b)(?:[a-z]+ly\s+)?(?:retaken|taken|top|won|stormed|moved|pulled|"
            r"closing|leading|in\s+the\s+lead|ahead|behind|level|champions|winners|through)\b",
            post,
        )
        and not re.search(r"(?:,|\band|&)\s*$", _before(norm, s_start, m, 8))
        and (houses_named(norm) or _HOUSES.search(norm) or re.search(r"\bpoints\b", norm, re.I))
    ):
        # "Harvey have retaken the lead in the Sports Day points race": one name with a plural verb, a house
        m.kind, m.reasons = "class", ["a name with a plural verb in a points race: a house or a team"]
        return
    if (
        not m.surname
        and not m.on_roster
        and key in FAMOUS_SURNAMES
        and (
            _HOUSES.search(norm)
            # three famous surnames in one post are the houses: "Seacole first, Austen second, Nightingale third"
            or len({fold(w) for w in re.findall(r"[\w'’-]+", norm)} & FAMOUS_SURNAMES) >= 3
        )
    ):
        # "Austen won House Netball", "Seacole first, Austen second": a house named after a famous person
        m.kind, m.reasons = (
            "class",
            ['a house of the school\'s, named after a famous person ("Austen won House Netball")'],
        )
        return
    if (
        _a_class_word(key, roster)
        and not m.surname
        # a class's name that is no pupil's is the class, whatever it does ("Derwen built a shelter")
        and (key not in roster.by_first or _a_class_here(norm, s_start, s_end, m, post, roster))
    ):
        m.kind, m.reasons = (
            "class",
            ['a class of the school\'s ("in Derwen", "Dosbarth Celyn", "Celyn and Onnen")'],
        )
        return
    if (
        key in PLACES_THAT_ARE_NAMES
        and not m.surname
        and not _STRONG_CHILD_AFTER.match(post)
        and (
            re.search(
                r"\b(?:next\s+(?:week|stop|up|term)|then)\s*[:,–-]?\s*$",
                _before(norm, s_start, m, 15),
                re.I,
            )
            # "a flying day trip from Rome to Florence": a journey's end
            or (
                (
                    journey := re.search(
                        r"\bfrom\s+((?-i:[A-Z])[\w'’-]+)\s+to\s+$", _before(norm, s_start, m, 40)
                    )
                )
                is not None
                and fold(journey.group(1)) not in roster.by_first
                and fold(journey.group(1)) not in first_name_lexicon()
            )
            # "Roman day in Chester, our Year 6 residential": where the class went
            or re.search(
                r"\b(?:day|trip|visit|walk|tour|week|weekend|holiday|residential|visiting|visited|pilgrimage|apparitions?|"
                r"journey|flights?|exchange|shrine|grotto)\s+(?:in|at|to|around|of)\s+$",
                _before(norm, s_start, m, 30),
                re.I,
            )
            # "we're in Chester's amphitheatre now": a place's own sight
            or (
                m.first.possessive
                and re.match(
                    r"['’]s?\s+(?:[\w-]+\s+)?(?:amphitheatre|cathedral|walls|zoo|museum|castle|streets|shops|harbour|"
                    r"market|river|rows|city\s+walls|roman\s+\w+|old\s+town|parks?|beaches|skyline|landmarks)\b",
                    norm[m.first.nend : m.first.nend + 40],
                    re.I,
                )
            )
            # a quoted song or saying: "'Paris, je t'aime!'"
            or norm[max(0, m.nstart - 1) : m.nstart] in ("'", "‘", '"', "“")
        )
    ):
        m.kind, m.reasons = (
            "place",
            ['a place the post names as one ("a Roman day in Chester", "Chester\'s amphitheatre")'],
        )
        return
    if (
        not strong
        and not m.surname
        and re.search(r"\b(?:isle|island)s?\s+of\s+" + re.escape(m.first.text) + r"\b", norm, re.IGNORECASE)
        # not "Skye told the whole class about her holiday on the Isle of Skye": a child who did something
        and not (
            m.nstart == s_start
            and (
                DID_SOMETHING.match(post)
                or re.match(r"\s+(?:(?-i:[a-z]+ed)|" + IRREGULAR_PAST + r")\b", post)
            )
        )
    ):
        # "the island of Vaila and the old hall there", "Iona has nothing on Unst! ... the Isle of Iona"
        m.kind, m.reasons = "place", ['an island the post names as one ("the Isle of Iona")']
        return
    if (
        not strong
        and not m.surname
        and re.search(r"\b(?:on\s+)?to\s+$", _before(norm, s_start, m, 8), re.IGNORECASE)
        and not m.first.possessive
        and (
            route := re.search(
                r"\bfrom\s+((?-i:[A-Z])[\w'’-]*)(?:\s+(?-i:[A-Z])[\w'’-]*)*\s+to\s",
                _before(norm, s_start, m, 90),
                re.I,
            )
        )
        is not None
        and is_a_place(fold(route.group(1)))
        and fold(route.group(1)) not in roster.by_first
    ):
        # "to fly from Peebles to the Isle of Skye and on to Iona": the last stop of a journey
        m.kind, m.reasons = "place", ['the end of a journey ("from Peebles to ... and on to Iona")']
        return
    if (
        key in PLACES_THAT_ARE_NAMES
        and not m.surname
        and not m.first.possessive
        and not _STRONG_CHILD_AFTER.match(post)
        and (
            # (over the places named before it: "the trip to Harris and Lewis")
            re.search(_ON_A_PLACE, (before := _PLACES_BEFORE.sub("", _before(norm, s_start, m, 60))))
            or re.search(_LAND_OF, before)
            # "From Jordan to Paris to India": the first of a chain of places
            or (re.search(r"\bfrom\s+$", before, re.IGNORECASE) and re.match(r"\s+to\s+(?-i:[A-Z])", post))
            or _in_a_list_of_places(
                norm[max(s_start, m.nstart - 60) : s_end], m.nstart - max(s_start, m.nstart - 60)
            )
        )
        and not _DID_AFTER_THE_LIST.match(_AFTER_THE_LIST.sub("", post, count=1))
    ):
        # "a school on Lewis", "the bridge to Skye", "the peat bogs of Lewis": the island, not the child
        m.kind, m.reasons = "place", ['a place, by the way the sentence goes there ("the abbey on Iona")']
        return
    if (
        is_a_place(key)
        and not m.surname
        and not strong
        and (
            _ABOUT_PLACES.search(norm)
            or (
                _list_with_a_town(
                    norm[max(s_start, m.nstart - 60) : s_end], m.nstart - max(s_start, m.nstart - 60)
                )
                and not re.match(
                    r"\s+(?:both\s+|all\s+)?(?:scored|won|got|made|played|ran|swam|sang|took|were\s+(?:brilliant|amazing|superb|fantastic))\b",
                    _AFTER_THE_LIST.sub("", post, count=1),
                )
            )
        )
        and _in_a_list_of_places(
            norm[max(s_start, m.nstart - 60) : s_end], m.nstart - max(s_start, m.nstart - 60)
        )
    ):
        # "Morley, Selby, Batley and Otley are all on Year 5's big map of Yorkshire": towns, on a map
        m.kind, m.reasons = "place", ["one of a list of places, in a post about places"]
        return
    if (
        key in PLACES_THAT_ARE_NAMES
        and not m.surname
        and re.search(
            r"\b(?:goodbye|bye|au\s+revoir|farewell|adios|adieu|arrivederci|auf\s+wiedersehen|hello|bonjour|hola|ciao)"
            r"\s*,?\s*$",
            _before(norm, s_start, m, 20),
            re.IGNORECASE,
        )
    ):
        m.kind, m.reasons = "place", ['a city said goodbye or hello to ("Au revoir, Paris!")']
        return
    if (
        key in PLACES_THAT_ARE_NAMES
        and not strong
        and not m.surname
        and not m.first.possessive
        and re.search(
            r"\b(?-i:[a-z]{3,})\s+(?:in|at|near|around|through|across)\s+$", _before(norm, s_start, m, 30)
        )
        and not re.search(
            r"\b(?:everyone|everybody|all|well\s+done|congratulations|thanks|thank\s+you)\b",
            _before(norm, s_start, m, 30),
            re.I,
        )
    ):
        m.kind, m.reasons = "place", ['a place where a thing happens ("the procession in Lourdes")']
        return
    if key in PLACES_THAT_ARE_NAMES and re.search(
        r"\b(?:school|schools|village|town|city|friends|pals|family|relatives|charity|project|people|children|"
        r"orphanage|hospital|farmers|community|communities|church|mission)\s+(?:in|from)\s+$",
        _before(norm, s_start, m, 30),
        re.I,
    ):
        m.kind, m.reasons = "place", ['where others live ("our partner school in Kenya")']
        return
    if (
        key in PLACES_THAT_ARE_NAMES
        and not m.surname
        and not strong
        and (
            re.search(
                r"\b(?:a|an|the|than\s+a|like\s+a|our\s+new|our|new)\s+(?:(?-i:[a-z]+)\s+)?$",
                _before(norm, s_start, m, 20),
                re.I,
            )
            or re.search(
                r"\b(?:walls|streets|city|town|map|maps|history|landmarks|sights|skyline|centre|people|capital|"
                r"river|banks|port|county|county\s+town|heart|outskirts|suburbs|tour)\s+of\s+$",
                _before(norm, s_start, m, 25),
                re.I,
            )
            or _PLACE_DESCRIBES.match(post)
        )
    ):
        m.kind, m.reasons = (
            "place",
            ['a place or a thing ("a Paris café", "the walls of Chester", "Paris landmarks")'],
        )
        return
    if (
        (m.surname or m.first).possessive
        and (title := _TITLE_IN_QUOTES.match(norm, m.nend)) is not None
        and not strong
        # not "Grace's 'On My Own' in tonight's Les Mis showcase": a pupil's song, sung tonight
        and not (
            m.on_roster
            and not m.surname
            and re.match(
                r"[^'’\"”]{0,60}['’\"”]\s+(?:in|at|during)\s+(?:tonight['’]s|last\s+night['’]s|yesterday['’]s|today['’]s|this\s+week['’]s|the|our)\s+"
                r"(?:[\w'’-]+\s+){0,3}?(?:showcase|concert|show|performance|recital|assembly|talent\s+show|musical|"
                r"production|eisteddfod|open\s+mic)\b",
                norm[title.end() : title.end() + 80],
                re.I,
            )
        )
        # nor "Wiktoria's 'Hopelessly Devoted' brought the house down": a pupil's song, and how it went down
        and not (m.on_roster and not m.surname and _SONG_WENT_DOWN.match(norm, title.end()))
    ):
        m.kind, m.reasons = (
            "other-person",
            ["the author of the work named after the name (\"Dylan Thomas's 'A Child's ...'\")"],
        )
        return  # "Bob Marley's 'Three Little Birds'", "Dylan Thomas's 'A Child's Christmas in Wales'"
    if re.search(
        r"\b(?:value|virtue|theme|word|focus|topic)\s+(?:[\w-]+\s+){0,4}?(?:is|was)\s+$"
        # "as part of our Year of Faith celebrations"
        r"|\b(?-i:Year|Week|Month|Day|Festival|Season|Feast|Missionaries|Sisters|Brothers|Daughters|Servants|Order|"
        r"Society|Knights|Congregation|Bishop|Archbishop|Diocese)\s+of\s+(?:(?-i:[A-Z])\w+\s+(?:and|&)\s+)?$",
        _before(norm, s_start, m, 50),
        re.I,
    ):
        m.kind, m.reasons = "word", ['a value or a theme named ("Our school value this half term is Faith")']
        return
    if (
        prev is not None
        and prev.is_capitalised
        and prev.sentence == m.first.sentence
        and norm[prev.nend : m.nstart] == " "
        and prev.key in first_name_lexicon()
        and prev.key not in roster.by_first
        and not m.surname
        and _common_proper_noun(m.first.text, 25)
    ):
        m.kind, m.reasons = "other-person", [f'part of a famous name ("{prev.text} {m.first.text}")']
        return  # "John Lennon would be proud", though a pupil is called Lennon
    if key in _FAITH_ADJECTIVES and re.match(r"\s+(?-i:[a-z]+)", post):
        m.kind, m.reasons = "word", [f'"{m.first.text}" describing what follows ("our Christian values")']
        return
    nxt_tok = tokens[idx + 1] if idx + 1 < len(tokens) else None
    if (
        m.first.hashtag
        and not m.surname
        and nxt_tok is not None
        and nxt_tok.hashtag
        and nxt_tok.nstart == m.first.nend
        and nxt_tok.key.endswith("s")
        and is_ordinary_word(nxt_tok.key)
    ):
        m.kind, m.reasons = (
            "word",
            [f"the first word of a hashtag naming a group (#{m.first.text}{nxt_tok.text})"],
        )
        return  # "#YoungLeaders", "#BraveHearts"
    if not m.surname and re.match(r"\s+(?:yr|y)\s+(?-i:[A-Z])?[a-z]", post):
        m.kind, m.reasons = "word", ['a word of a Welsh phrase ("Seren yr Wythnos", star of the week)']
        return
    if m.surname is not None and is_ordinary_word(m.surname.key) and _OF_THE_AWARD.match(post):
        m.kind, m.reasons = "word", ['part of the name of an award ("Citizen of the Term")']
        return  # "our Courtney Citizen of the Term": the school's award, not a child's full name
    if (
        _STORY_TITLE.match(post)
        and not group_cue
        # not "designed by Ruby Church and the Eco Council": a pupil in full, and a body of the school
        and not (
            m.full_name_on_roster
            and re.match(r"\s+and\s+the\s+(?:Eco|School|Pupil|Student|Sports|Year)\b", post)
        )
    ):
        m.kind, m.reasons = "other-person", ["title of a story"]
        return
    sentence = norm[s_start:s_end]
    if (
        not m.surname
        and is_ordinary_word(key)
        and _post_has(_HOUSES, norm)
        and not _STRONG_CHILD_AFTER.match(post)
        and not re.match(
            r"\s*,\s*who\s+(?!(?:are|were|have)\b)", post
        )  # "is Will, who gave a speech": a person
    ):
        m.kind, m.reasons = "word", ["a house of the school's (the post is about houses)"]
        return  # "the house cup goes to Wren, with Robin just two points behind"
    if key in _AWARD_LEVELS and _AWARD_WORDS.search(sentence):
        m.kind, m.reasons = "word", ["a level of an award (Bronze, Silver, Gold)"]
        return  # "24 children received their Bronze Reader award and 9 went on to Silver"
    if _BABY_BEFORE.search(_before(norm, s_start, m, 30)) and _post_has(_TITLED_ADULT, norm):
        m.kind, m.reasons = "other-person", ["a baby of a member of staff"]
        return  # "Congratulations to Miss Day, who had a baby boy, Alfie"
    if _PLAYED_AFTER.match(post):
        m.kind, m.reasons = "other-person", ["a character, played by somebody"]
        return  # "Wilbur was played with real feeling"
    # Adults: a title or a role word just before, or an adult role in apposition after.
    if (
        prev is not None
        and not prev.hashtag  # the "Writer" of "#YoungWriter Ngozi Eze" is no title of hers
        and prev.sentence == m.first.sentence
        and norm[prev.nend : m.nstart].strip(" .") == ""
    ):
        if prev.key in ("st", "saint", "ste"):
            m.kind, m.reasons = (
                "place",
                [f'a saint\'s name, as a church or a school is called ("{prev.text} {m.first.text}")'],
            )
            return  # "an away fixture at St Joseph's on Wednesday"
        if (
            _is_title(prev)
            and key in roster.by_surname
            and (
                # "Little Miss Bolton in Hedgehogs", "little Master Frost": a small child, by the surname
                re.search(r"\blittle\s+$", norm[max(0, prev.nstart - 8) : prev.nstart], re.I)
                or prev.key == "master"
            )
        ):
            m.kind, m.cue = "pupil", f"{prev.text} {m.first.text}"
            m.reasons = [
                f'a little child called by a title and the surname ("Little {prev.text} {m.first.text}")'
            ]
            if key in roster.by_surname:
                m.surname_only = True
            return
        if (
            _is_title(prev)
            and not (
                # "Don't miss Megan Cross's sculpture": the verb, in lower case
                prev.text == "miss"
                and re.search(
                    r"(?:n['’]?t|\bnot|\bnever|\bto|\bwill|\bwould)\s+$",
                    norm[max(0, prev.nstart - 8) : prev.nstart],
                )
            )
            and not (
                prev.key == "captain"
                and (m.full_name_on_roster or (m.on_roster and m.surname is None))
                # a team's captain, in a post about a game (not "debating whether Captain James Cook ...")
                and re.search(
                    r"\b(?:scored|scores|goals?|match|team|played|won|win|netball|football|hockey|rugby|cricket|points)\b",
                    norm,
                    re.IGNORECASE,
                )
            )
        ):
            m.kind, m.reasons = "adult", [f'title "{prev.text}"']
            return  # (but "Captain Sophie Rivers scored 11": a team's captain, by a pupil's full name)
        if (
            (fold(prev.text) in ADULT_ROLES or fold(prev.text).removesuffix("s") in ADULT_ROLES)
            and not (
                # "Our #DofE Gold team leader Matthew Wren turns 17 today": a pupil who leads, by age
                m.full_name_on_roster and re.match(r"\s+(?:turns|is\s+now|is)\s+(?:[4-9]|1[0-8])\b", post)
            )
            # "Star writer Lacey Hooper with her winning poem": an award of the school's, given to a pupil it names
            and not (
                m.full_name_on_roster
                and re.search(
                    r"\b(?:star|super|young|budding|junior)\s+$",
                    norm[max(0, prev.nstart - 8) : prev.nstart],
                    re.I,
                )
            )
        ):
            m.kind, m.reasons = "adult", [f'role "{prev.text}"']
            return  # "our instructors Bill and Mark" too
    if (
        prev is not None
        and prev.sentence == m.first.sentence
        and norm[prev.nend : m.nstart].strip() == ","
        and fold(prev.text) in ADULT_ROLES
    ):
        m.kind, m.reasons = "adult", [f'role "{prev.text}" just before, then the name']
        return  # "our new site manager, Gareth, who has already fixed the gate"
    # "our lollipop lady Pat", "the school cook Jo": an adult role in the words just before.
    if _ADULT_BEFORE.search(_before(norm, s_start, m, 60)):
        m.kind, m.reasons = "adult", ["an adult's role just before the name"]
        return
    if (
        m.first.text.isupper()
        and len(m.first.text) >= 3
        and re.search(r"\b(?:our|the|an?|your|their)\s+$", _before(norm, s_start, m, 8), re.I)
    ):
        m.kind, m.reasons = "word", [f'"{m.first.text}" in capitals after "our" or "the": an acronym']
        return
    if not strong and re.match(r"^\s+the\s+(?-i:[A-Z])", post):
        m.kind, m.reasons = "other-person", [f'"{m.first.text} the ...": a character or a title']
        return  # "Winnie the Pooh", "Matilda the Musical"
    if key in _ASSISTANTS and re.match(r"^\s*,\s*(?:play|set|turn|stop|what|how|tell|read)\b", post, re.I):
        m.kind, m.reasons = "word", ["a voice assistant spoken to"]
        return
    if (
        key in PLACES_THAT_ARE_NAMES
        and not strong
        and (_ATTRIBUTIVE_AFTER.match(post) or _IN_A_LIST_OF_PLACES.search(norm[s_start:s_end]))
        # not "Jordan and Eden did a fantastic job leading the prayers": people who did something, unless
        # the post is about places ("locating countries on a map ... Kenya, India and Jordan caused arguments")
        and (not DID_SOMETHING.match(_AFTER_THE_LIST.sub("", post, count=1)) or _ABOUT_PLACES.search(norm))
    ):
        m.kind, m.reasons = "place", ["a place, with other places or before what it names"]
        return
    if re.search(
        r"\b(?:Isle|Isles|City|County|River|Mount|Lake|Loch|Port|Bay|Vale|Forest|Vale|Cape|Cave|Caves|Valley|Plain|"
        r"Gate|Gates|Well|Hill|Hills|Mountain|Mountains|Dome|Mosque|Temple|Tomb)\s+of\s+$",
        _before(norm, s_start, m, 12),
    ):
        m.kind, m.reasons = "place", ['part of a place\'s name ("Isle of Skye")']
        return
    if (
        not m.surname
        and not strong
        and (
            (
                re.search(r"\bbetween\s+$", _before(norm, s_start, m, 10))
                and re.match(r"\s+and\s+(?-i:[A-Z])", post)
            )
            or re.search(r"\bbetween\s+(?-i:[A-Z])[\w'’-]+\s+and\s+$", _before(norm, s_start, m, 40))
        )
        and re.search(
            r"\b(?:walk|walking|walked|run|running|ran|travel|travelling|journey|hills?|mountains?|towns?)\b",
            norm[s_start:s_end],
            re.I,
        )
    ):
        m.kind, m.reasons = "place", ['a place, on the way between two ("walking between Safa and Marwa")']
        return
    if not m.surname and re.match(r"\s+(?:mac|nic|mag)\s+(?-i:[A-Z])", post):
        m.kind, m.reasons = (
            "other-person",
            ['a figure of legend, by the old Irish way of naming ("Fionn mac Cumhaill")'],
        )
        return
    if (
        not m.surname
        and not strong
        and key in PLACES_THAT_ARE_NAMES
        and _COUNTY_SPORT.search(norm)
        and len({fold(w) for w in re.findall(r"(?-i:[A-Z])[\w'’-]+", norm) if is_a_place(fold(w))}) >= 2
    ):
        m.kind, m.reasons = (
            "place",
            ['a county, in a post about the counties ("Kerry or Donegal had the better season")'],
        )
        return
    if (
        not m.surname
        and not strong
        and re.search(r"\b(?-i:River|Mount|Lake|Loch|Lough|Isle|Cape|Glen)\s+$", _before(norm, s_start, m, 8))
    ):
        m.kind, m.reasons = "place", ['part of a place\'s name ("the River Eden", "Mount Snowdon")']
        return
    if (
        not m.surname
        and not strong
        and is_a_place(key)
        and re.search(
            r"\b(?:north|south|east|west|mid|central|northern|southern|eastern|western|rural|coastal)(?:[\s-](?:east|west))?\s+$",
            _before(norm, s_start, m, 20),
        )
    ):
        m.kind, m.reasons = "place", ['a place, by the part of it ("the coast of north Devon")']
        return
    if (
        key in _FAITH_FIGURES
        and not strong
        and not re.match(
            _REMINDED, post, re.IGNORECASE
        )  # "Mary, don't forget your reading for Sunday's Mass"
        and (
            _FAITH_STORY.search(norm[s_start:s_end])
            # "Happy Feast of St Joseph! ... learning that Joseph was a carpenter"
            or m.first.text in _saints_named(norm)
        )
    ):
        m.kind, m.reasons = "other-person", ["a figure of a faith's stories, in a sentence about them"]
        return
    if (
        not strong
        and re.match(
            # "Ahmet's story", "Albert and Joey's story"
            r"(?:\s+(?:and|&)\s+(?-i:[A-Z])[\w-]+)?['’]s?\s+(?:story|journey|adventures?|tale|world|life|friends?|"
            r"family|friendship)\b",
            norm[m.first.nend : m.first.nend + 30],
        )
        and _A_BOOK_BY.search(norm)
    ):
        # "Mrs Sparrow's pick is The Boy at the Back of the Class by Onjali Q. Raúf. Ahmet's story will break your
        # heart": a character of the book the post names
        m.kind, m.reasons = "other-person", ["a character of the book the post names, by its author"]
        return
    if (
        not strong
        and m.first.text in _saints_named(norm)
        and re.search(
            r"\b(?:legend|legends|story|stories|tale|myth|said\s+to|according\s+to|centuries\s+ago)\b",
            norm[max(s_start, m.nstart - 80) : min(s_end, m.nend + 80)],
            re.I,
        )
        and not re.search(
            rf"(?:\b(?:St\.?|Saint)\s+|#St){re.escape(m.first.text)}\b",
            norm[max(s_start, m.nstart - 80) : min(s_end, m.nend + 80)],
        )
    ):
        # "Happy St Piran's Day! Legend says Piran floated over from Ireland": the saint the post names, in his story
        m.kind, m.reasons = "other-person", ["a saint the post names, in a sentence of his or her story"]
        return
    if (
        m.first.possessive
        and not strong
        and re.match(
            r"['’]s?\s+(?:crosses|cross|day|feast|well|story|life|prayer|legend|cloak|statue|shrine|church|chapel)\b",
            norm[m.first.nend : m.first.nend + 20],
        )
        and m.first.text in _saints_named(norm)
    ):
        # "Brigid's crosses from paper straws ... #StBrigid": the saint's, in a post that names the saint
        m.kind, m.reasons = "other-person", ["a saint the post names, and a thing of the saint's"]
        return
    if key in _TIMES_OF_YEAR and _SEASON_COMES.match(post):
        m.kind, m.reasons = "word", ['a season or a month arriving ("Autumn has arrived")']
        return
    if m.first.possessive and key in _TIMES_OF_YEAR and _EVENT_AFTER.match(post):
        m.kind, m.reasons = "word", [f"\"{m.first.text}'s\": a day or a month's"]
        return  # "Sunday's family egg hunt"
    if (
        re.search(
            r"\b(?:Baby|Mummy|Daddy|Mama|Papa|King|Queen|Prince|Princess|Uncle|Auntie|Saint)\s+$",
            _before(norm, s_start, m, 10),
        )
        and not strong
    ):
        m.kind, m.reasons = "other-person", ['a character\'s name ("Baby Bear", "Old King Cole")']
        return
    middle = re.search(r"([A-Z][\w'’-]+)\s+[A-Z]\.\s+$", _before(norm, s_start, m, 30))
    if middle is not None and not strong and fold(middle.group(1)) not in roster.by_first:
        m.kind, m.reasons = "other-person", ["a full name with a middle initial, not a pupil's"]
        return  # "Author Onjali Q. Raúf"
    if _THING_BEFORE_NAME.search(_before(norm, s_start, m, 50)):
        m.kind, m.reasons = "other-person", ["a toy, a puppet or an animal, said so before the name"]
        return
    if (
        not m.on_roster
        and not strong
        and _post_has(_READING_A_BOOK, norm)
        and not _STRONG_CHILD_AFTER.match(post)
    ):
        m.kind, m.reasons = "other-person", ["a character of the book the post is about"]
        return  # "Year 6 are reading Holes by Louis Sachar and loving Stanley's story"
    if (
        not m.on_roster
        and _NICKNAMED_AFTER.search(_before(norm, s_start, m, 30))
        and _common_proper_noun(m.first.text, 25)
    ):
        m.kind, m.reasons = (
            "other-person",
            ['a famous name given to a child as a nickname ("our budding Monet")'],
        )
        return  # the child is singled out by the description, not named
    if _LESSON_ABOUT.search(_before(norm, s_start, m, 40)) and not _STRONG_CHILD_AFTER.match(post):
        m.kind, m.reasons = "other-person", ["what a lesson is about (a character, a figure of history)"]
        return  # "Year 4 have been writing about Matilda, the girl who loved books"
    if (
        not m.surname
        and not strong
        and re.match(
            r"\s+(?:means|is\s+(?:the\s+)?(?:Welsh|Irish|Gaelic|Scots|Latin|French|Spanish|Urdu|Arabic|Hebrew|Greek)\s+"
            r"(?:word\s+)?for)\b",
            post,
        )
    ):
        m.kind, m.reasons = "word", ['a word explained ("Heulwen means sunshine in Welsh")']
        return
    if not strong and re.search(
        r"\b(?:islands|isles|towns|cities|countries|places|counties|rivers|mountains|lochs|lakes|capitals|"
        r"villages)\b[^.!?]{0,12}[:,]?\s*(?:(?-i:[A-Z])\w+\s*,\s*)*$",
        _before(norm, s_start, m, 60),
    ):
        m.kind, m.reasons = "place", ['one of a list of places ("the islands: Skye, Mull and Barra")']
        return
    if (
        m.surname is not None
        and not strong
        and (
            re.search(
                r"\b(?:sing|sings|singing|sang|sung|perform|performing|performed|learning|learnt|learned|play|playing|"
                r"listened\s+to|listening\s+to|every\s+word\s+of|the\s+words\s+(?:to|of)|rendition\s+of|version\s+of)"
                r"\s+(?:(?-i:[A-Z])[\w'’]*(?:\s+(?-i:[A-Z])[\w'’]*)*\s*(?:,|and|&)\s*)*$",
                _before(norm, s_start, m, 60),
            )
            or re.match(r"\s+by\s+(?:the\s+)?(?-i:[A-Z])", norm[m.nend : m.nend + 20])
        )
    ):
        m.kind, m.reasons = "other-person", ['a song or a work by its title ("singing Penny Lane")']
        return
    if (
        m.surname is not None
        and not strong
        and re.search(
            r"\b(?:reading|read|written|wrote|poem|poems|book|books|story|stories|novel|play|song|songs|"
            r"painting|paintings)\b[^.!?]{0,60}\bby\s+$",
            _before(norm, s_start, m, 80),
        )
    ):
        m.kind, m.reasons = "other-person", ['the writer of a work the post names ("... by Dylan Thomas")']
        return
    if not strong and re.match(
        r"\s+(?:became|becomes|is|was)\s+(?:famous|known|world-famous|renowned)\s+for\b", post
    ):
        m.kind, m.reasons = (
            "place",
            ['a place known for something ("how Sheffield became famous for cutlery")'],
        )
        return
    if (
        m.surname is not None
        and f"{key} {m.surname.key}" in _FAMOUS
        and not in_roster_class(post, roster.class_names)
        and not _STRONG_CHILD_AFTER.match(post)
        # "Harry Kane (yes, really!) scored twice for our Year 7s": a pupil of that name, playing for us
        and not _FOR_OUR_TEAM.match(norm, m.nend)
        # "Star of the Week in Linnet Class goes to Jack Frost": an award of the school's
        and not re.search(
            r"\b(?:goes|went|is\s+awarded|was\s+awarded)\s+to\s+$",
            _before(norm, s_start, m, 20),
            re.I,
        )
        # "Ours is in Falcon Class and he's just as pleased as the real one"
        and not re.search(
            r"\b(?:the\s+real\s+one|not\s+that\s+one|ours\s+is\s+in|our\s+very\s+own)\b", norm, re.I
        )
        # not "Year 11's Lewis Hamilton and his team won the F1 in Schools final"
        and not re.search(r"\b(?:year\s*\d+|y\d+|class)(?:['’]s)?\s+$", _before(norm, s_start, m, 20), re.I)
    ):
        m.kind, m.reasons = "other-person", ["a famous person's name (\"Jamie Oliver's 15-minute pasta\")"]
        return
    if not m.surname and not strong and _IN_A_PART_AFTER.match(post):
        m.kind, m.reasons = (
            "other-person",
            ['somebody in a part ("Marcus the legionary", "an Elvis impersonator")'],
        )
        return
    if not m.surname and is_ordinary_word(key) and _PLACE_NOUN_AFTER.match(post):
        m.kind, m.reasons = "place", ['a place: a word before a place noun ("Hope station")']
        return
    if not m.surname and (
        (
            re.match(r"!\s+(?-i:[a-z])", norm[m.nend : m.nend + 4])
            and re.search(r"\b(?:of|for)\s+$", _before(norm, s_start, m, 10), re.I)
        )
        or (
            key in _SHOWS
            and re.search(
                r"\b(?:seeing|watching|to\s+see|to\s+watch|tickets\s+(?:for|to)|trip\s+to\s+see)\s+$",
                _before(norm, s_start, m, 20),
                re.I,
            )
        )
    ):
        m.kind, m.reasons = "other-person", ['the title of a show ("Rehearsals for Oliver! continue")']
        return
    if _TITLE_OF_A_SHOW.search(_before(norm, s_start, m, 40)):
        m.kind, m.reasons = "other-person", ["the title of a show or a film"]
        return  # "our Year 6 production of Oliver!"
    if _ANIMAL_NEXT.match(norm[m.nend : m.nend + 160]):
        m.kind, m.reasons = "other-person", ["an animal, said so in the next sentence"]
        return  # "Say hello to Star, the newest member of Puddle Ducks! She is a very sleepy tortoise"
    if _ROLE_COMMA_BEFORE.search(_before(norm, s_start, m, 30)):
        m.kind, m.reasons = "adult", ["an adult's role just before the name"]
        return  # "to our coach driver, Dave, who was a star"
    if (thing := _THING_AFTER.match(post)) is not None and not (
        # "Evelyn Story, our Owls Reader of the Week": the school's Owls class, not an owl
        any(fold(w) in roster.class_names for w in re.findall(r"[\w'’-]+", thing.group(0)))
    ):
        m.kind, m.reasons = "other-person", ["an animal, a toy or a character, said so after the name"]
        return
    if _ADULT_AFTER.match(post) or (
        _FROM_ORGANISATION.match(post)
        and not in_roster_class(post, roster.class_names)
        and not _a_pupil_from_a_school(m, roster, norm, s_start, s_end, post)
    ):
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
    if not strong and _THEME_BEFORE.search(_before(norm, s_start, m, 80)):
        m.kind, m.reasons = "word", ["named as a theme or a value, not a child"]
        return
    if (
        re.search(
            r"\b(?:poems?|books?|stories|story|songs?|paintings?|music|novels?|plays?|works?|pictures?|rhymes?)\s+"
            r"(?:\w+\s+)?by\s+$|\b(?:the\s+)?(?:story|life|history|biography|legend)\s+of\s+$",
            _before(norm, s_start, m, 40),
            re.IGNORECASE,
        )
        and not strong
    ):
        m.kind, m.reasons = "other-person", ["an author, or a person a story is told of"]
        return  # "poems by Dylan Thomas", "the story of Bobby Moore lifting the World Cup"
    if re.search(
        r"\b(?:reading|read|reads|loved|loving|enjoyed|enjoying|pick|book|story|novel|poem)\s+"
        r"(?:(?-i:[A-Z])[\w'’-]*\s+|(?:at|of|the|and|a|an|in|on|to|with|for|from)\s+){1,6}by\s+$",
        _before(norm, s_start, m, 60),
    ) and (not strong or (group_cue or "").lower().startswith("in ")):
        # "We loved reading Peace at Last by Jill Murphy in St Bernadette Class": the author, the class after her
        m.kind, m.reasons = "other-person", ['after a title and "by": its author']
        return
    if re.search(r"['’\"”]\s+by\s+(?:[A-Z][\w'’-]*\s+)?$", norm[s_start : m.nstart]):
        m.kind, m.reasons = "adult", ['after a quoted title and "by": its author']
        return
    if not strong and m.surname is not None and f"{key} {m.surname.key}" in _CHARACTERS:
        m.kind, m.reasons = "other-person", [f'"{m.first.text} {m.surname.text}" is a character of stories']
        return
    if not strong and _in_quoted_title(norm, s_start, s_end, m.nstart, m.nend):
        m.kind, m.reasons = "word", ["inside a quoted title ('Amazing Grace', 'Faith and Hope')"]
        return
    if (
        m.full_name_on_roster
        and not strong
        and m.surname is not None
        and re.match(r"^ (?-i:[A-Z])[a-z]", norm[m.surname.nend : m.surname.nend + 3])
        and norm[s_start : m.nstart].strip()
    ):
        m.kind, m.reasons = "other-person", ['a full name inside a longer title ("Summer Reading Challenge")']
        return
    if (
        m.surname is not None
        and m.surname.text == "Ward"
        and not m.full_name_on_roster
        and (
            re.search(r"\b(?:hospital|nurses?|bedside|physio|wards|consultant)\b", norm, re.IGNORECASE)
            or re.match(
                r"['’]s\s+(?:year\s*\d+s|children|patients|pupils|class)\b", norm[m.surname.nend :], re.I
            )
        )
    ):
        m.kind, m.reasons = "place", ['a hospital ward ("Amber Ward\'s Year 2s")']
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
        and not _MADE_THING.match(norm[nxt.nend : nxt.nend + 40])
        # "Florence's Grade 8 flute distinction": an exam's grade, not "Noah's Ark"
        and not (
            nxt.key in ("grade", "level", "stage", "gcse", "a-level") and re.match(r"\s+\d", norm[nxt.nend :])
        )
        # "May's Star of the Week certificate": an award of hers
        and not re.match(r"\s+of\s+the\s+(?:week|day|month|term|year|match)\b", norm[nxt.nend :], re.I)
        # "Kestrel Class have made Greek vases. Mateo's Minotaur is terrifying!": a child's work, in a post of makings
        and not (
            not is_ordinary_word(key)
            and re.match(
                r"(?:\s+(?-i:[A-Z])[\w'’-]*){0,2}(?:\s+(?:is|was|looks|has)\b|\s*[!.])", norm[nxt.nend :]
            )
            and re.search(
                r"\b(?:made|making|painted|painting|built|building|designed|designing|created|creating|drew|drawing|"
                r"sculpted|modelled|crafted|sewn|knitted|moulded)\b",
                norm,
                re.I,
            )
        )
    ):
        # "Noah's Ark", "Grace's Kitchen": the name of a thing, not something of a pupil's.
        m.kind, m.reasons = "other-person", [f'part of "{m.first.text}\'s {nxt.text}"']
        return
    if (
        prev is not None
        and not strong
        and prev.sentence == m.first.sentence
        and not norm[prev.nend : m.nstart].strip()
        and fold(prev.text) in _BEFORE_A_WORK
    ):
        # "The Sky's the limit", "reading Matilda": a word or the title of a work.
        m.kind, m.reasons = "word", [f'after "{prev.text}": a word or a title, not a child']
        return
    if (
        m.on_roster
        and m.first.possessive
        and not strong
        and re.search(r"\b(?:a|an|the)\s+$", _before(norm, s_start, m, 6), re.I)
    ):
        m.kind, m.reasons = "word", [f'"a {m.first.text}\'s ...": a thing of a {m.first.text.lower()}']
        return
    if (
        m.first.possessive
        and not strong
        and re.match(
            r"['’]s?\s+(?-i:Ladder|Leap|Cave|Caves|Well|Chair|Bridge|Rock|Point|Hole|Castle|Tower|Folly|Cross|Stone|"
            r"College|Chapel|Lynn|Parade|Road|Park|"
            r"Hill|Wood|Field|Bay|Cove|Head|Pike|Crag|Gorge|Mill|Island|Lake|Pool|Steps|Column|Needle|Seat|Wall|Dyke|"
            r"Monument|Memorial)\b|['’]s?\s+(?:statue|grave|tomb|monument|birthplace)\b",
            norm[m.first.nend : m.first.nend + 12],
        )
    ):
        # "Jacob's Ladder was 274 steps", "Gough's Cave": a landmark by a person's name
        m.kind, m.reasons = "place", [f'"{m.first.text}\'s" names a landmark ("Jacob\'s Ladder")']
        return
    if m.on_roster and m.first.possessive and not m.first.hashtag and _IS_NOT_OWNS.match(post):
        m.kind, m.reasons = "word", [f'"{m.first.text}\'s" is "{m.first.text} is" ("Summer\'s on its way")']
        return
    if (
        m.on_roster
        and m.first.possessive
        and not m.first.hashtag
        # (not "next summer's residential": a word in lower case)
        and (m.first.is_capitalised or not is_ordinary_word(key))
    ):
        m.kind, m.cue = "pupil", "possessive"
        m.reasons.append(f'"{m.first.text}\'s": something belonging to a pupil on the roster')
        return
    # "our class trip to Chester": a trip goes to a place, not to a child
    if re.search(
        r"\b(?:trip|visit|journey|outing|residential|excursion|holiday|flight|drive|walk|coach|train|bus)s?\s+to\s+$"
        # "ever been to Skye", "flew to Malaga", "before we reached Kendal": travel goes to a place
        r"|(?<!\bhats\s)(?<!\bhat\s)\b(?:off|heading|headed)\s+to\s+$"
        r"|\b(?:hello|greetings|good\s+(?:morning|afternoon|evening|night)|postcard|update|news|live)\s+from\s+$"  # not "Hats off to Willow"
        r"|^\W*(?:just\s+|safely\s+)?(?:back|home)\s+from\s+$"  # "Back from Chester! Cedar Class sang ..."
        r"|\b(?:been|travelled|traveled|travelling|traveling|flew|flown|sailed|sailing|moved|"
        r"relocated|emigrated|holidayed|holidaying|ferry|route|road|way\s+back)\s+to\s+$"
        r"|\b(?:reached|reach|reaching|passed|passing|past)\s+$"
        # a route: "We're walking from Castleton to Hope along the river"
        r"|\b(?:walk|walks|walking|walked|hike|hiking|hiked|cycle|cycling|cycled|ride|riding|rode)\s+from\s+"
        r"(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?\s+to\s+$"
        r"|\b(?:landing|landed|lands|sailed|sailing|settled|shipwrecked)\s+(?:on|at|in)\s+$"
        r"|\b(?:years?|months?|weeks?|days?|time|career|life)\s+at\s+$",
        _before(norm, s_start, m, 30),
        re.IGNORECASE,
    ):
        m.kind, m.reasons = "place", ["where a trip goes"]
        return
    # A place after a preposition: "our partner school in Sydney".
    if (
        prev is not None
        and fold(prev.text) in PLACE_PREPOSITIONS
        and not group_cue
        and prev.sentence == m.first.sentence
        and not (fold(prev.text) in ("from", "by") and _SCORED_BY.search(_before(norm, s_start, m, 40)))
    ):
        m.kind, m.reasons = "place", [f'after "{prev.text}"']
        return
    if (
        m.surname is not None
        and not m.full_name_on_roster
        and _WELCOMED_BEFORE.search(_before(norm, s_start, m, 40))
        and re.match(
            r"\s*,\s*who\s+(?:joins|joined|has\s+joined|starts|started|has\s+started)\b", norm[m.nend :]
        )
    ):
        m.kind = "pupil"
        m.reasons.append("a new pupil welcomed by full name")
        return  # "Please welcome Oliwia Nowicka, who joins Kingfishers today!"
    if (
        m.surname is not None
        and not m.full_name_on_roster
        and m.first.key in roster.by_first
        and roster.near_full_name(m.first.key, m.surname.key)
        and not is_ordinary_word(m.surname.key)
    ):
        # "Tiago Ferriera" for Tiago Ferreira: the pupil's full name, the surname mistyped
        m.full_name_on_roster = True
        m.kind = "pupil"
        m.reasons.append(f'first name of a pupil and a surname one slip from theirs ("{m.surname.text}")')
        return
    if m.surname is not None and not m.full_name_on_roster and not strong:
        # "Oliver Jeffers", "Harry Potters": somebody else's full name, not a pupil.
        m.kind, m.reasons = (
            "other-person",
            [f'"{m.first.text} {m.surname.text}" is not a pupil on the roster'],
        )
        return
    ordinary = is_ordinary_word(key) or key in _MONTH_NAMES  # the dictionary holds "June" capitalised
    if (
        not m.first.is_capitalised
        and ordinary
        and prev is not None
        and prev.sentence == m.first.sentence
        and prev.key in _BEFORE_A_FEELING
    ):
        m.kind, m.reasons = "word", [f'"{prev.text} {m.first.text}": a word after a word that describes it']
        return  # "Pure joy in Alder Class as the first snowflakes fell"
    if not m.first.is_capitalised and ordinary and not strong:
        m.kind, m.reasons = "word", ["ordinary word in lower case with no clear child context"]
        return
    if (
        not m.first.is_capitalised
        and not strong
        and re.search(r"\b(?i:a|an)\s+(?:[a-z][\w-]*\s+){0,2}$", _before(norm, s_start, m, 30))
    ):
        # "A beautiful enfys over the playground" (a rainbow, in Welsh): a thing, with "a" before it
        m.kind, m.reasons = "word", ['a word in lower case after "a" or "an": a thing, not a child']
        return
    if not strong and (
        re.search(r"(?-i:[A-Z])[\w'’-]*\s+(?:yr|y|'r|’r)\s+$", _before(norm, s_start, m, 25))
        # "Ffair Haf is on Friday" (the summer fair), "Gŵyl Haf": a Welsh noun, then the season
        or re.search(
            r"\b(?:Ffair|Gŵyl|Gwyl|Tymor|Cyngerdd|Taith|Diwrnod|Wythnos)\s+$", _before(norm, s_start, m, 12)
        )
    ):
        # "Tymor yr Haf starts today" (the summer term), "Ysgol y Castell": a Welsh name of a thing
        m.kind, m.reasons = "word", ['part of a Welsh name ("Tymor yr Haf", "Ysgol y Castell")']
        return
    if (
        not strong
        and key in _VIRTUES
        and (of := re.search(r"\b((?-i:[A-Z])[a-z]+)\s+of\s+$", _before(norm, s_start, m, 25))) is not None
        and fold(of.group(1)) not in roster.by_first
        and fold(of.group(1)) not in TITLES
    ):
        # "Leap of Faith done!", "a Ray of Hope": a virtue in the name of a thing, not a child
        m.kind, m.reasons = "word", [f'part of "{of.group(1)} of {m.first.text}"']
        return
    if (
        not strong
        and not m.surname
        and (of := re.search(r"\bthe\s+((?-i:[A-Z])[a-z]+)\s+of\s+$", _before(norm, s_start, m, 25), re.I))
        is not None
        and is_ordinary_word(fold(of.group(1)))
        and fold(of.group(1)) not in roster.by_first
        and fold(of.group(1)) not in TITLES
        and not re.match(r"\s+(?:class|form|house|team)\b", post, re.I)
    ):
        # "the Garden of Eden", "the Isle of Skye", "the Book of Ruth": a name of a place or a thing
        m.kind, m.reasons = "word", [f'part of "the {of.group(1)} of {m.first.text}"']
        return
    if (
        not m.surname
        and key in _PEOPLES
        and (
            re.match(_OF_A_PEOPLE, post, re.IGNORECASE)
            or re.search(r"\bgypsy\s*,?\s*$", _before(norm, s_start, m, 12), re.I)
        )
    ):
        # "some Romany words for winter", "Gypsy, Roma and Traveller History Month": a people and its language
        m.kind, m.reasons = (
            "word",
            [f'a people or its language ("{m.first.text} {post.split()[0] if post.split() else ""}")'],
        )
        return
    if not strong and not m.surname and key in _OF_HISTORY and _A_THING_OF_HISTORY.match(post):
        # "diary entries as Roman soldiers", "the Year 4 Roman trip": a people or a time of history
        # describing a thing, though a pupil is called Roman
        m.kind, m.reasons = (
            "word",
            [f'a word of history describing a thing ("{m.first.text}{post.split(" ", 2)[0]} ...")'],
        )
        return
    if (
        prev is not None
        and prev.is_capitalised
        and prev.key not in roster.by_first
        and not prev.hashtag
        and prev.sentence == m.first.sentence
        and norm[prev.nend : m.nstart] == " "
        and key in _EVENTS_OF_A_PLACE
        and not strong
    ):
        m.kind, m.reasons = "word", [f'an event named after a place ("{prev.text} {m.first.text}")']
        return  # "Appleby Fair starts on Thursday"
    if (
        prev is not None
        and f"{prev.key} {key}" in _SONGS_WITH_NAMES
        and norm[prev.nend : m.nstart] == " "
        and not m.surname
    ):
        m.kind, m.reasons = "word", [f'a song\'s title ("{prev.text} {m.first.text}")']
        return  # "a very loud Calon Lân from Wrekin Class": the hymn, though a class is named after it
    # "Amazing Grace", "Christmas Fair": a capitalised word before it mid-sentence
    # makes the pair a title or a name of a thing, unless a child is clearly meant.
    if (
        prev is not None
        and prev.is_capitalised
        and not prev.hashtag
        and prev.sentence == m.first.sentence
        and not strong
        and norm[prev.nend : m.nstart] == " "
        # at the start of a sentence only a song's or a hymn's title ("Amazing Grace closed the concert")
        and (norm[s_start : prev.nstart].strip() or f"{prev.key} {key}" in _SONGS_WITH_NAMES)
        and prev.key not in roster.by_first
        and not _is_title(prev)
    ):
        m.kind, m.reasons = (
            "other-person" if not ordinary else "word",
            [f'part of "{prev.text} {m.first.text}"'],
        )
        return
    if (
        not strong
        and (
            contact := re.search(
                r"\b(?:(?:ring|call|phone|text|contact|email|e-mail|message|whatsapp)\s+(?:her|him)\s+(?:on|at)|"
                # "drop donations with Marisol, who is happy to take calls on 07700 900873"
                r"(?:take|takes|taking|answer|answers|answering)\s+(?:calls|texts|messages)\s+on)\b",
                norm,
                re.I,
            )
        )
        is not None
        # a pupil's name too, where the post gives the grown-up's own address or number: "Email her at lornas.boatie@..."
        and (not m.on_roster or re.match(r"\s*(?:[\w.+-]+@[\w-]+\.|\+?\d[\d ]{8,})", norm[contact.end() :]))
    ):
        # "Thanks to Nicola, who ran our book swap. Want to help? Ring her on 07700 900229": a grown-up to contact
        m.kind, m.reasons = "adult", ["somebody the post gives a way to contact"]
        return
    if (
        not m.on_roster
        and m.first.possessive
        and re.match(
            r"['’]s?\s+(?:house|home|flat)\s+(?:at|in|on)\s+\d", norm[m.first.nend : m.first.nend + 30]
        )
    ):
        # "Raffle prizes can be dropped round to Karen's house at 7 Queens Road": a grown-up's home, by its address
        m.kind, m.reasons = "adult", ["somebody whose home address the post gives"]
        return
    if not m.on_roster and not strong and _TAUGHT_THE_GROUP.match(norm[m.nend : s_end]):
        # "Wren Class had their first Forest School session. Jo showed them the safe way round the fire circle": the
        # leader who taught the class, not one of it
        m.kind, m.reasons = "adult", ["somebody who taught or led the group"]
        return
    if not m.on_roster and not strong and _ADULT_LIFE.search(norm[m.nend : s_end]):
        # "Our dear friend Ron, who has coached the shooting team for 30 years, turns 80": a grown-up's life
        m.kind, m.reasons = "adult", ["a grown-up's years of service or age, said after the name"]
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
    m.reasons.append(_NO_CONTEXT if ordinary else "no child context")
