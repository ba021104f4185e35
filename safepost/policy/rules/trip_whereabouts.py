"""SP202 trip-whereabouts."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from safepost.policy.findings import Finding
from safepost.policy.names import FAMOUS_SURNAMES, PLACE_WORDS, is_a_place, is_ordinary_word
from safepost.policy.reading import DATE, FUTURE_TIME, LANGUAGE_NAMES, SpanIndex, Tense, sentence_tense
from safepost.policy.rules.base import Context, Rule
from safepost.policy.text import at_word_starts, fold

if TYPE_CHECKING:
    from safepost.policy.config import Policy

_PUPILS = re.compile(
    r"\b(?:years?\s*\d+(?:\s*(?:and|&|,)\s*\d+)*s?|yrs?\s*\d{1,2}|[yp]\d{1,2}(?:['’]?s)?|class\s+\w+|[A-Z][\w'-]*\s+class|reception|nursery|"
    r"ks\s*\d|key\s+stage\s+\d|children|pupils|kids|students|"
    # "Bronze DofE assessed expedition: groups set off from Carding Mill Valley at 9am"
    r"(?:dofe|expedition)\s+groups|groups(?=\s+(?:set\s+off|will\s+(?:walk|camp|set|leave|be)|walk|camp|leave|head|"
    r"are\s+(?:walking|camping|out|on)))|"
    r"(?<!office\s)(?<!kitchen\s)(?<!staff\s)(?<!admin\s)(?<!site\s)(?<!catering\s)(?<!cleaning\s)(?<!leadership\s)"
    r"(?<!PTA\s)(?<!pta\s)(?:team|teams|squad|choir|athletes|runners|players|footballers|swimmers|musicians|band|orchestra|"
    r"dancers|cast|group|netballers|cricketers|walkers|carollers|performers|school\s+council|councillors|eco\s+team|"
    r"ambassadors|prefects|librarians|under[\s-]?\d{1,2}['’]?s|u[\s-]?\d{1,2}['’]?s|"
    # "Our delegates are in committee at Central Hall", "our J16 eight racing at Dorney Lake"
    r"delegates|cadets|ccf|cadet\s+force|rowers|crews?|debaters|boarders|scouts|"
    # "Both schools are off to see Jack and the Beanstalk"; "The leavers' prom is at the Grand Hotel"
    r"(?:both|all\s+(?:two|three|four|our))\s+(?:of\s+our\s+)?(?:schools|classes)|(?:the\s+|our\s+)?leavers['’]?\s+(?:prom|ball|disco|party|meal|bbq|barbecue)|"
    r"(?:federation|cluster|trust|partnership|inter-?schools?)\s+sports\s+day(?!\s+(?:photos|results|tickets|letters?))|"
    r"(?<=\bour\s)(?:j\d{2}\s+|u\d{2}\s+|girls['’]?\s+|boys['’]?\s+)?(?:first|second|1st|2nd|3rd)?\s*(?:eight|viii|quad|four|xi|xv)|"
    r"(?:girls|boys)['’]?\s+(?:football|netball|rugby|cricket|hockey))(?!\s+(?-i:Arms|Inn|Club|Ground|Tavern))|we|we'll|we're|we've|us|(?<!,\s)everyone(?!['’]s)(?!\s*!)(?!\s+(?:is|are)\s+(?:very\s+)?welcome)|they|they'll|they're)\b",
    re.IGNORECASE,
)
_PRESENT_FUTURE = re.compile(
    r"\b(?:are|'re|am|will|'ll|is|heading|off\s+to|arriving|arrive|going\s+to|on\s+(?:our|their)\s+way|"
    r"right\s+now|currently|at\s+the\s+moment|tomorrow|tonight|next\s+\w+|this\s+(?:morning|afternoon|evening)|"
    r"meet(?:ing)?\s+(?:us|them)|kick[\s-]*offs?|kicks\s+off|starts|begins|leave|leaves|depart|departs|now)\b"
    r"|\b\w+ing\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:had|was|were|went|visited|enjoyed|loved|yesterday|last\s+(?:week|night|term|\w+day)|"
    r"has\s+been|have\s+been|arrived|returned|got\s+back|came\s+back|finished|spent)\b",
    re.IGNORECASE,
)
_PRESENCE = re.compile(
    r"\b(?:(?:greetings|hello|hi|good\s+(?:morning|afternoon|evening)|live|waves?)\s+from|"
    r"(?:are|'re|is)\s+(?:now\s+|currently\s+|safely\s+)?(?:at|in|on)|here\s+at|"
    r"(?:have|has|'ve)\s+(?:just\s+)?(?:arrived|made\s+it)\s+(?:at|to|in))\b",
    re.IGNORECASE,
)
_FUTURE_OR_NOW = re.compile(
    r"\b(?:will|'ll|are\s+(?:at|on|in|by|exploring|visiting|walking|heading|going|off|travelling|"
    r"having|spending|enjoying|watching)|right\s+now|now|currently|at\s+the\s+moment|tomorrow|tonight|next\s+\w+|"
    r"(?:have|has|'ve)\s+(?:just\s+)?(?:arrived|made\s+it))\b",
    re.IGNORECASE,
)
_CLOCK = re.compile(
    r"\b(?:\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?|\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.|o'clock)|"
    r"(?:(?:at|from|until|till|by|between)\s+(?:about\s+|around\s+|approx\.?\s+|roughly\s+)?|(?:around|about|approx\.?)\s+)"
    r"(?:1[0-2]|0?[1-9]|2[0-4])(?!\s*(?:%|years|children|pupils|people|schools|points|tiny|new|"
    r"goals|runs|metres|miles|km|kg|(?:st|nd|rd|th)\b|\d))\b"
    r"(?!\s+(?-i:[A-Z])\w+\s+(?-i:Road|Street|Lane|Avenue|Close|Drive|Way|Crescent|Grove|Gardens|Terrace|Cottages|Court|"
    r"Mews|Row|Place|Villas))"
    r"|noon|midday|lunchtime|lunch\s+time|"
    r"(?:until|till|by|at)\s+home\s*time|"
    r"right\s+now|currently|at\s+the\s+moment|in\s+(?:\d+|ten|five|fifteen|twenty|thirty)\s+minutes|"
    r"in\s+(?:half\s+an|an)\s+hour|"
    # times in words: "half past one", "quarter to three", "two o'clock", "ten thirty"
    r"half\s+\d{1,2}\b|(?:before|after)\s+(?:lunch|break|dinner|tea)\b|"
    r"(?:half|quarter)\s+(?:past|to)\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|"
    r"(?:at|from|until|till|by|around|about)\s+half\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:o'clock|thirty|fifteen|"
    r"forty-five))",
    re.IGNORECASE,
)
_DAY = re.compile(
    # (not a thing of the day's: "attached to today's newsletter")
    r"\b(?:(?:today|2day|tonight|tomorrow|tmrw|tmw|2moro|2morrow)(?!['’]s)|this\s+(?:morning|afternoon|evening|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|weekend)|next\s+(?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|week)|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday)|(?:until|till|every)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?|"
    # a stay: "spending the week at Robinwood", "all day", "for the next three days"
    r"(?:(?:spend|spending|staying|stay|for|all)\s+(?:the|this)\s+(?:week|weekend|day|morning|afternoon))|"
    # a range of days: "Monday to Wednesday", "from Tuesday"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*(?:to|until|till|-|–)\s*"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"(?:from|every)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"all\s+(?:week|day|morning|afternoon)|overnight|"
    r"the\s+next\s+(?:few|two|three|four|five|\d+)\s+(?:days|nights|hours))\b",
    re.IGNORECASE,
)
_ON_SITE = re.compile(
    r"^(?:(?:the\s+)?(?:new\s+|old\s+)?(?:main\s+|school\s+|college\s+|academy\s+|dining\s+|sports\s+|front\s+|back\s+|side\s+|staff\s+|infant\s+|junior\s+|"
    r"(?:red|blue|green|yellow|black|white|grey|brown)\s+|"
    r"small\s+|little\s+|top\s+|bottom\s+|pedestrian\s+|"
    r"nursery\s+|ks[12]\s+|key\s+stage\s+[12]\s+|upper\s+|lower\s+|"
    # a school's own hall by what it is for: "First parade is at 3:45pm in the Drill Hall"
    r"drill\s+(?=hall)|great\s+(?=hall)|assembly\s+(?=hall)|exams?\s+(?=hall)|examination\s+(?=hall)|"
    r"concert\s+(?=hall)|(?:multi[\s-]?purpose|mp)\s+(?=hall))?(?:school|hall|playground|field|office|room\b(?!s)|"
    r"astro\b|astroturf|3g\s+pitch|all-weather\s+pitch|gym\b|gymnasium|"
    r"classroom|classrooms|library|gate|gates|entrance|reception|car\s+park\s+at\s+school|staffroom|"
    r"(?:(?<=school\s)|(?<=academy\s)|(?<=college\s))car\s+park|"  # "pulling into the academy car park at about 4:30"
    r"nursery|hall\s+at\s+school|forest\s+school|outdoor\s+classroom|nature\s+garden|wildlife\s+garden|"
    r"sensory\s+garden|school\s+garden|mud\s+kitchen|quad|courtyard|allotment|home\s+pitch|home\s+ground|"
    r"#forestschool(?:\s+area)?|studio\s+theatre|drama\s+studio|school\s+theatre|"
    # "with their new Year 7 tutors in the academy building", "in the LRC every lunchtime"
    r"(?:academy|college|sixth[\s-]form|senior|junior|prep|secondary)\s+(?:building|site|campus|block)|lrc|"
    r"(?:[\w'’-]+\s+){0,2}(?:drop[\s-]off|pick[\s-]up)\s+(?:bay|zone|point|area)|bus\s+bay|coach\s+bay|"
    # the school's own clubs: "parks in the Kids' Club drop-off bay", "in Breakfast Club from 7:45"
    r"(?:breakfast|after[\s-]school|kids['’]?|homework)\s+club|"
    r"room\s+[A-Z]?\d{1,3}[A-Z]?|(?:ict|computer|computing|it|music|art|science|food|dt|d&t|sports?)\s+(?:suite|room|lab|labs|block|studio)|"
    # "students can drop into the Calm Room any lunchtime": a room of the school's, by its name
    r"(?-i:[A-Z])\w+\s+(?-i:Room|Suite|Hub|Base|Office)|"
    r"learning\s+resource\s+centre|learning\s+centre|(?:student|pupil|learner)\s+services|"
    # a building by its letter: "drop into Student Services in B-block"
    r"(?-i:[A-Z])[\s-](?:block|building|wing))|school|home|"
    # the school's own rooms, named alone: "talks in the Theatre at 6:15", "stands in the Atrium"
    r"(?:the\s+)?(?-i:Theatre|Atrium|Canteen|Auditorium|Studio)$|"
    # a space of the school's own by what it is: "opens in the Atrium Gallery tomorrow from 4pm"
    r"(?:the\s+)?(?-i:Atrium|Foyer|Library|Corridor)\s+(?-i:Gallery|Space|Wall)$|"
    # a school's own chapel, named as its hall is: "confirmed 23 of our pupils in Chapel this evening"
    r"(?-i:Chapel)$|"
    # a room by its code: "revision on Tuesdays in S5", "Paper 1 is in D12"
    r"(?-i:[A-Z]{1,2}\d{1,3}[a-z]?)\b(?!\s*[-–]\s*\d)|"
    # a numbered room, its number after the place: "Latin clinics run at lunchtime in Room 12"
    r"(?-i:Room|Lab|Block|Studio)$|"
    # a nursery's own children's centre: "a drop-in on Thursday from 1:30 in the Children's Centre"
    r"(?:the\s+)?(?-i:Children['’]?s\s+Centre|Family\s+Centre|Family\s+Hub)|"
    r"back\s+at\s+school|"
    r"our\s+(?!lady\b|lady['’]s\b)\w+)\b(?!\s+of\s+(?:the\s+)?(?-i:[A-Z]))"
    r"(?!\s+(?-i:Farm|Park|Centre|Hotel|Manor|Estate|Woods?|Lake|Barn|Court)\b)",  # "Lower Hall Farm": a venue
    re.IGNORECASE,
)
# What a capitalised name ends with when it is a venue ("Queens Park pool", "Dukes Theatre").
_VENUE_NOUN = (
    r"(?i:pool|baths|park|centre|center|zoo|museum|farm|beach|castle|stadium|arena|theatre|church|cathedral|hall|"
    r"gardens|library|aquarium|pier|lido|ground|field|fields)\b"
)
# A place after a preposition: a capitalised name ("Knowsley Safari Park") or,
# during a trip, a spot there ("the planet garden", "the harbourside benches").
_PLACE = re.compile(
    r"(?:\b|(?=[@📍➡→]|->))(?P<prep>@|📍|[Aa]t|[Ii]n|[Oo]n|to|towards|by|near|around|round|along|past|between|passing|visit|visits|visiting|explore|explores|exploring|tour|tours|"
    r"loving|enjoying|touring|climb|climbs|climbing|attend|attends|attending|reached|reach|reaches|outside|inside|into|"
    r"residents\s+(?:of|at)|patients\s+(?:of|at)|"
    r"(?:[Gg]reetings|[Hh]ello|[Hh]i|[Ww]aves?|[Ll]ive|[Pp]ostcard|[Uu]pdate|[Nn]ews|(?:[Gg]ood\s+)?(?:[Nn]ight|[Mm]orning|"
    r"[Aa]fternoon|[Ee]vening)|(?:[Aa]\s+)?[Qq]uick\s+(?:one|note|word|hello|hi))\s+from|"
    # typed on a phone: "on our way 2 Llangrannog"; "walking down Hollybush Lane"
    r"(?<=\bway\s)2|(?<=\boff\s)2|(?<=\bheading\s)2|(?<=\bwalking\s)2|(?<=\bgoing\s)2|(?<=\bleaves\s)4|"
    r"down(?=\s+(?:the\s+)?[A-Z])|(?<=\bto\s)see(?=\s+the\s+[A-Z])|"
    r"(?:leave|leaves|leaving|head|heads|heading|set\s+off|sets\s+off|setting\s+off|depart|departs|departing|"
    r"bound)\s+(?:[\w.:]+\s+){0,12}?for|(?:coach|coaches|bus|minibus|train|ferry|flight)\s+for|"
    # a bus caught from a stop: "catching the 9:15 from the bus station every Wednesday"
    r"(?:catching|catch|catches)\s+(?:[\w:.]+\s+){0,3}?from|"
    # "Our Year 11 prom limo leaves from Saoirse's house", "The walk sets off from St Mary's at 10am"
    r"(?:leave|leaves|leaving|departs|departing|set\s+off|sets\s+off|setting\s+off|(?<=will\s)start)\s+from|"
    # where an activity starts: "Tomorrow morning we're canoeing from Glasbury bridge at 9:30"
    r"(?:canoeing|kayaking|paddling|rafting|sailing|cycling|hiking|abseiling|climbing)\s+from|"
    # a countdown to a trip: "only 2 weeks to go until Ford Castle!", "just one week until Llangrannog!"
    r"(?:to\s+go|sleeps|days|weeks?|nights?)\s+(?:until|till|til)|"
    # tomorrow's plan on a trip: "Tomorrow it's the Louvre at 10 and Versailles in the afternoon!"
    r"(?<=[Tt]omorrow\s)it['’]s(?=\s+the\s+[A-Z])|(?<=[Tt]omorrow,\s)it['’]s(?=\s+the\s+[A-Z])|"
    # a walk along a named way: "all six groups are walking the North Downs Way today"
    r"(?:walking|hiking|cycling|trekking)(?=\s+the\s+[A-Z])|"
    # a residential's paperwork names it: "kit lists for Bewerley Park are in bags tonight"
    r"(?:kit|packing)\s+lists?\s+for|"
    # on a ship: "Year 10 are on board HMS Victory right now!"
    r"[Oo]n\s+board|[Aa]board|"
    # where parents collect them: "collect your child from the main entrance of Parr Leisure Centre"
    r"(?:collect|collected|collecting|pick|picked|picking)\s+(?:[\w'’]+\s+){0,3}?from|"
    # "made it up the Great Orme", "next stop... the Walker!", "Year 5 ➡️ Jodrell Bank"
    r"(?:made\s+it|climbed|climbing|walked|walking|hiked|hiking|way)\s+up|(?:[Nn]ext|[Ff]irst|[Ll]ast|[Ff]inal)\s+stop(?:\s*[:.…!-]+|(?:\s+(?:this|today|tomorrow|after)\s*\w*)?\s+is)?|"
    r"➡️|➡|→|->|(?:play|plays|playing|face|faces|facing)(?=\s+(?:(?:[A-Z][\w'’.-]*|of|the|and|&)\s+){1,6}away\b)|"
    # a venue after a colon: "Year 4 swimming moves to Thursdays: Queens Park pool, 1.30-2.15"
    r":(?=\s*(?:[A-Z][\w'’-]*\s+){1,3}" + _VENUE_NOUN + r")|"
    # a weekly slot at a venue: "Year 3 swimming starts next Monday: Ponds Forge every Monday 1.15–2.15"
    r":(?=\s*(?:[A-Z][\w'’-]*\s+){1,3}every\s+(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)|"
    # an itinerary's line: "🎟️ 10:30 Dukes Theatre matinee"
    r"\d{1,2}[:.]\d{2}(?:\s*(?:am|pm))?(?=\s+(?:[A-Z][\w'’-]*\s+){1,3}" + _VENUE_NOUN + r"))"
    r"(?:\s+|(?<=[➡→>\ufe0f:])\s*)"
    r"(?P<place>(?:the\s+)?(?:(?:(?:main|front|back|side|north|south|east|west|far)\s+)?(?:top|summit|foot|bottom|edge|heart|middle|centre|banks?|shores?|end|front|back|"
    r"foyer|lobby|atrium|grounds|entrance|doors?|outside|inside|"
    r"side|steps|gates)\s+of\s+(?:the\s+)?)?(?:(?<=\bat\s)@[A-Za-z]\w+|(?<=\bfor\s)@[A-Za-z]\w+|(?<=\bat\sthe\s)@[A-Za-z]\w+(?=[,.!?;:]|\s+(?:today|tomorrow|tonight|this|now|on|from|until|till|with|and|for|all)\b)|#?[A-Z][\w'’-]*(?:\s+(?:of|on|the|upon|de|and|y|yr)?\s*(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)[A-Z][\w'’-]*){0,4}"
    r"|(?:stand|stall|pitch|court|platform|table)\s+\d+"
    r"|(?:the\s+)?(?:number\s+)?\d{1,3}[A-Z]?\s+bus"  # "Look out for Hawthorn on the 52 bus into town"
    r"|(?:main\s+|big\s+|little\s+|\w+side\s+)?(?:[a-z]+\s+\d+\s+)?(?:[a-z]+\s+){0,2}(?:garden|gardens|dome|pond|benches|bench|"
    r"car\s+park|cafe|café|beach|park|picnic\s+area|gift\s+shop|entrance|lake|river|woods|wood|"
    r"planetarium|shop|tent|stage|pavilion|pitch|pitches|track|pool|court|courts|statues|pier|harbour|"
    r"harbourside|promenade|station|bus\s+stop|visitor\s+centre|play\s+area|enclosure|exhibition|gallery|green|"
    r"memorial|"
    r"theatre|field|fields|hall|square|bandstand|church|steps|farm|zoo|museum|baths|swimming\s+pool|"
    r"leisure\s+centre|cinema|library|tunnel|castle|cave|caves|tower|ground|grounds|arena|stadium|rink|"
    r"lido|centre|gym|sports\s+hall)"
    # any spot at the venue ("the shark tunnel"): counted only once the post is about a trip
    r"|(?P<generic>the\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]+(?=\s*(?:[,.!?;:)]|$|\s+(?:until|till|from|at|for|"
    r"with|and|then|on|in|by|to|before|after|when|while|so|but|or|this|today|tomorrow|tonight|tmrw|2day|2moro|now|til)\b|\s*\d)))))\b"
)
_BROADCASTER = re.compile(r"(?:the\s+)?(?:BBC|ITV|Sky|Channel\s+4|Google)\b")
_NEWSROOM_AFTER = re.compile(r"\s+(?:newsroom|studios?|offices?|headquarters|building|campus)\b")
_OTHERS_THERE = re.compile(
    r"\b(?:farmers|people|(?<!host\s)families|refugees|animals|communities|villagers|schools|workers|pen\s+pals|penpals|"
    r"pals|friends|cousins|relatives|"
    r"soldiers|scientists|astronauts|penguins|bears|tigers|elephants|monkeys|whales|visitors|tourists|"
    r"holidaymakers|walkers)\s+$"
    # "hear from former students now training at Michelin": grown-ups who were ours
    r"|\b(?:former|old|ex-?)\s*(?:students|pupils)\s+(?:now\s+)?(?:[a-z]+ing\s+)?$"
    # "how children in Malawi", not "drop the children at the Salt Ayre Leisure Centre"
    r"|(?<!\bthe\s)(?<!\bour\s)(?<!\byour\s)(?<!\ball\s)\b(?:children|pupils)\s+$"
    # an adult's workplace: "now a consultant at the Royal Shrewsbury Hospital"
    r"|\b(?:consultant|doctor|nurse|surgeon|paramedic|manager|engineer|lecturer|professor|researcher|director|"
    r"teacher|chef|officer|vet|works|worked|working|job|career|(?<!\bbe\s)based|employed|volunteers|volunteered|"
    r"deputy\s+head|assistant\s+head|headteacher|principal|headmistress|headmaster)\s+$"
    # "former student Dr Lucy Brook, now a marine biologist in Plymouth"
    r"|\bnow\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+$",
    re.IGNORECASE,
)
_EARLIER_OUTING = re.compile(
    r"\b(?:from|about|after|since|during|of)\s+(?:our|the|their|a|last\s+\w+'s)\s+(?:recent\s+)?"
    r"(?:visit|trip|outing|residential)\s+to$"
    # "back on the coach after a brilliant day at St Fagans": the day there is over
    r"|\bafter\s+(?:a|an|their|our)\s+(?:[\w-]+\s+){0,2}?(?:day|morning|afternoon|visit|trip|time|week)\s+(?:at|in)$",
    re.IGNORECASE,
)
# A named venue before the word for the outing: "Year 3 Chester Zoo trip", "our Whitby residential".
_PLACE_BEFORE_TRIP = re.compile(
    r"(?<![\w#@])(?P<place>(?!(?:Year|Years|Class|Reception|Nursery|KS\d|[PY]\d|Key|Stage|Our|The|School|PE|Sports|"
    # a topic, not a place: "their Roman trip", "the Science trip"
    r"Roman|Romans|Tudor|Tudors|Viking|Vikings|Victorian|Victorians|Egyptian|Greek|Saxon|Celtic|Stone|Bronze|Iron|"
    r"Science|History|Geography|Art|Music|RE|Maths|STEM|Forest|Nature|Fossil|Residential|Summer|Winter|"
    r"Christmas|Easter|Summer|Spring|Autumn|Winter|Harvest|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|Today|Tomorrow|Next|Last|This|January|February|March|April|May|June|July|August|September|October|"
    r"November|December)(?:['’]s)?\b)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})(?<!\bDay)(?<!\bWeek)\s+"
    r"(?:trip|visit|residential|outing|excursion|day\s+out)\b"
)
# Lower-case places open to anyone: off-site even when the post names no venue.
_PUBLIC_VENUE = re.compile(
    r"\b(?:leisure\s+centre|sports\s+centre|swimming\s+(?:pool|baths)|baths|lido|park|beach|museum|zoo|"
    r"farm|cinema|theatre|stadium|arena|castle|ice\s+rink|library|aquarium|safari\s+park|country\s+park|"
    r"bowling\s+alley|trampoline\s+park|soft\s+play|pier|promenade|seafront|town\s+centre|shopping\s+centre|"
    r"station|pitch|pitches|pool|duck\s+pond|woods|forest|nature\s+reserve|playing\s+fields|rec|church|canal|"
    r"slipway|lifeboat\s+station|harbour|harbourside|quay|quayside|jetty|boardwalk|"
    r"towpath|riverside|swing\s+bridge|lock|marina|village\s+green|green|town\s+hall|church\s+hall|war\s+memorial|"
    r"market|market\s+square|town\s+square|village\s+square|city\s+square|market\s+place|marketplace|bandstand|"
    r"clock\s+tower|harbour|quay|pier|"
    r"mosque|temple|gurdwara|synagogue|chapel|cathedral|post\s+office|shops|supermarket|village\s+hall|"
    r"community\s+centre|garden\s+centre|fire\s+station|police\s+station|roads|streets|high\s+street|"
    r"(?:stand|stall|pitch|court|platform)\s+\d+)(?:\s+(?:steps|gates?|entrance|square))?$",
    re.IGNORECASE,
)
# Nouns after "the" that are no place: "at the moment", "in the morning".
_NOT_A_SPOT = re.compile(
    r"(?:^|\s)(?:moment|morning|afternoon|evening|night|end|week|weekend|day|days|meantime|holiday|holidays|"
    r"rain|sun|sunshine|snow|mood|middle|past|future|process|news|way|world|spirit|summer|winter|spring|"
    r"autumn|term|year|run-up|lead-up|build-up|time|first|last|best|rest|same|whole|children|pupils|"
    r"kids|team|class|school|staff|parents|families|coach|coaches|bus|buses|minibus|minibuses|register|trip|visit|holiday|"
    r"start|beginning|chance|opportunity|fun|sunny|weather|gala|final|festival|match|tournament|competition|race|"
    r"show|concert|fair|party|disco|slip|form|letter|envelope|bag|box|wind|league|table|final|cup|plan|plans|agenda|menu|list|cards|timetable|"
    r"programme|website|page|phone|radar|internet|news|telly|tv|line|loose|go|move|mend|case|job|lookout|newsletter|"
    r"bulletin|blog|app|portal|intranet|"
    r"look-out|board|team|side|whole|most|top|bottom|front|back|left|right|wash|post|loop|bin|dark|air|queue|"
    r"making|pipeline|works|offing|cards|balance|spotlight|limelight|lead|finals|heats|semi-finals|trials|"
    r"parish|neighbourhood|local\s+area|community|streets|challenge|quiz|test|exam|exams|assessment|"
    r"championships|competitions|county|city|town|region|district|borough|"
    # "on the coach now": a spot never ends on a word of time
    r"now|today|tonight|tomorrow|later|soon|again|already|yet)$",
    re.IGNORECASE,
)
# The pupils' own events, held away from school: where one is, with its time, is where the pupils are.
_PUPILS_EVENT = re.compile(
    r"\b(?:sports\s+day|swimming\s+gala|nativity|carol\s+service|leavers['’]?\s+service|school\s+(?:concert|show|play)|"
    r"cross[\s-]country|fun\s+run|sports\s+festival|district\s+sports|athletics\s+meeting)\b",
    re.IGNORECASE,
)
# A family moving away: "off to Germany with his family's new posting", "moving to Cyprus".
_MOVING_AWAY = re.compile(
    r"\b(?:new\s+posting|posted\s+to|moving\s+(?:to|house|away)|moves\s+to|relocat\w+|emigrat\w+|new\s+school\s+in)\b",
    re.IGNORECASE,
)
# A notice about the roads round the school: where the traffic goes, not the pupils.
_ROADWORKS = re.compile(
    r"\b(?:roadworks|road\s+works|resurfacing|road\s+closure|closed\s+to\s+traffic|diverted|diversion|"
    r"temporary\s+(?:traffic\s+)?lights|gas\s+main|water\s+main)\b",
    re.IGNORECASE,
)
_TRIP_WORDS = re.compile(
    # (not somebody's visit to us: "Jack Frost has paid us a visit!", "a visit from the fire brigade")
    r"(?<!\bpaid\sus\sa\s)(?<!\bpaid\sthe\sschool\sa\s)"
    r"\b(?:trip|visit(?!\s+from\b)|visiting|residential|outing|excursion|day\s+out|tour|hike|ramble|expedition|"
    r"(?:on|for)\s+(?:a|our|their)\s+(?:[\w-]+\s+)?walk|walk(?:ing)?\s+(?:to|down\s+to|over\s+to|along|around|"
    r"round|through|across|up)|"
    r"fixture|tournament|match|festival|gala|competition|off\s+to|heading\s+to|parade|carnival|procession|next\s+stop|"
    r"sponsored\s+walk|fun\s+run|dofe|d\s+of\s+e|duke\s+of\s+edinburgh|work\s+(?:week|experience)|placements?|placed\s+with|(?:annual|summer|cadet|ccf|scout|sports|training)\s+camp)\b"
    # (not a trip's paperwork: "the P6/7 residential meeting for parents", "trip letters")
    r"(?!\s+(?:meetings?|forms?|letters?|payments?|deposits?|kit\s+lists?|consent\s+forms?)\b)",
    re.IGNORECASE,
)


# A hospital school's wards, by name: "on Giraffe Ward", "from Otter Ward", "the Puffin Ward nativity".
_WARD_NAME = re.compile(r"(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?\s+(?-i:Ward)")
_ON_A_WARD = re.compile(
    r"(?:\b(?:on|from|of\s+the|the|at)\s+|^\W*)(?P<ward>(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?\s+(?-i:Ward))\b(?!['’]s\b)"
)
_HOSPITAL_WARD = re.compile(r"\b(?:on|from|the)\s+(?-i:[A-Z])[\w'’-]+\s+(?-i:Ward)\b")
_TITLE_OR_NAME_BEFORE_WARD = re.compile(r"^(?:Mr|Mrs|Miss|Ms|Mx|Dr|Sonny|Will|Sister)\b")
_LEFT_THE_WARD = re.compile(
    r"\b(?:went|gone|left|discharged|was\s+discharged|has\s+been\s+discharged)\s+(?:home|us)\b|\bdischarged\b"
    # a stay that is over: "after sitting the paper on Blue Ward in June"
    r"|\bafter\s+(?:sitting|spending|being)\b[^.!?]*\b(?:in|last)\s+(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December|week|month|term|year)\b",
    re.IGNORECASE,
)
# A trip by its kind of place, no place named: "Museum trip tomorrow", "our zoo visit".
_KIND_OF_TRIP = re.compile(
    r"(?:(?:the|a|an|our|their)\s+)?(?i:zoo|museum|farm|park|beach|castle|theatre|cinema|aquarium|library|pool|"
    r"forest|woods|seaside|river)"
)
# A live update's time, or today's: "are having the best time", "now", "today".
_LIVE_OR_TODAY = re.compile(
    r"^(?:right\s+now|now|currently|at\s+the\s+moment|today|this\s+(?:morning|afternoon)|(?:are|'re|is|r)\b|"
    r"(?:have|has|'ve)\b)",
    re.IGNORECASE,
)
# A whole region, with no spot in it: "the Brecon Beacons", "the Yorkshire Dales National Park", "Snowdonia".
_REGION = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w'’-]+\s+){0,3}(?:National\s+Park|Beacons|Dales|District|Highlands|Cotswolds|Moors?|"
    r"Fens|Broads|Peaks?)$|^(?:Snowdonia|Eryri|Lakeland|Cornwall|Devon)$"
)


# A trip as a clause's subject: "the qualifying expedition is on Saturday 9th May", "our residential will be".
_TRIP_AS_SUBJECT = re.compile(
    r"\W*(?:the|our|their)\s+(?:[\w-]+\s+){0,3}?(?:expedition|residential|trip|visit|camp)\s+(?:is|will\s+be)\s+"
    r"(?:on|from|at|in)\b",
    re.IGNORECASE,
)
# A town as the name of a trip: "the Year 12 London trip".
_TRIP_BY_ITS_TOWN = re.compile(r"\s+(?:trip|visit|tour|day|residential)\b", re.IGNORECASE)


def _broad(place: str) -> bool:
    """Whether a place is only a town, a city, a county, a country or a region: nowhere to find a class."""
    bare = re.sub(r"^(?:the\s+)", "", place.strip())
    return _REGION.match(place.strip()) is not None or (
        " " not in bare and is_a_place(fold(bare)) and not any(w.lower() in PLACE_WORDS for w in bare.split())
    )


def _named_by_its_town(sentence: str, places: list[_Place]) -> bool:
    """Whether each place of the sentence is only a town, naming a trip ("the Year 12 London trip")."""
    return all(_broad(p.text) and _TRIP_BY_ITS_TOWN.match(sentence, p.end) is not None for p in places)


# A sentence of results, which says how a fixture went, not where the team will be.
_RESULTS = re.compile(
    r"^\W*(?:(?:a|one|two|three|four|five|six|\d+)\s+)?(?:(?:hard[\s-]fought|great|narrow|brilliant|big|fine)\s+)?"
    r"(?:wins?|victor(?:y|ies)|draws?|defeats?|losses|points?|medals?|golds?|silvers?|bronzes?|unbeaten)\b(?!\s+or\b)"
    r"(?=[^.!?]{0,30}\b(?:and|for|at|in)\b)",
    re.IGNORECASE,
)
# A date something must be done by, not a day pupils are somewhere.
_DEADLINE = re.compile(
    r"\b(?:is|are)\s+(?:now\s+)?due\s+(?:in\s+)?(?:by|on|before)\b|\bdeadlines?\b|"
    r"\bmust\s+be\s+(?:paid|returned|handed\s+in|submitted|sent\s+back|signed)\s+(?:by|before|on)\b|"
    # paperwork on its way: "final letters will come home after the holiday", "letters about the trip are in book bags"
    r"\b(?:letters?|forms?|information|details|kit\s+lists?)\s+(?:will\s+)?(?:come|go|be\s+sent)\s+home\b|"
    # "Letters about the Year 8 Science Day trip have gone home today"
    r"\b(?:letters?|forms?|information|details|kit\s+lists?)\b[^.!?]{0,60}\b(?:have|has)\s+(?:gone|come|been\s+sent)\s+home\b|"
    r"\b(?:letters?|forms?|information|details|kit\s+lists?)\b[^.!?]{0,50}\b(?:are|is|will\s+be)\s+"
    r"(?:in\s+(?:book\s+)?bags|on\s+the\s+website|coming\s+home|going\s+home)\b",
    re.IGNORECASE,
)


def roadworks_notice(text: str) -> bool:
    """Whether a post is a notice about the roads round the school, with no trip in it and no children dropped
    or collected somewhere else because of it ("because of the roadworks, the coach will drop you at ...")."""
    return (
        _ROADWORKS.search(text) is not None
        and _TRIP_WORDS.search(text) is None
        and _PUPILS_MOVED.search(text) is None
    )


_PUPILS_MOVED = re.compile(
    r"\b(?:coach|coaches|minibus|pick[\s-]?up|drop[\s-]?off|drop(?:ped|ping)?\s+(?:you|them|us|the|everyone|off)|"
    r"collect|collection|meet\s+them|children|pupils|class|"
    # "the bus to Castlegate will now leave school at 12:55 every Tuesday. Year 4, please be ready"
    r"bus\s+to)\b",
    re.IGNORECASE,
)


_COUNTRY = re.compile(
    # (and a region of one: "have arrived safely in North Wales")
    r"(?:(?:North|South|Mid|West|East|Northern|Southern)\s+)?(?:Wales|Scotland|England|Ireland|Northern\s+Ireland|Britain|Great\s+Britain|UK|United\s+Kingdom|France|Spain|"
    r"Italy|Germany|Belgium|Netherlands|Holland|Portugal|Greece|Austria|Switzerland|Iceland|Norway|Sweden|Denmark|"
    r"Poland|Europe|America|USA|Canada|Australia|New\s+Zealand|Africa|Asia|India|China|Japan|"
    # a region of hills or water as wide as a county: "Good morning from the Lakes!", "arrived safely in the Dales"
    r"Lakes|Lake\s+District|Dales|Yorkshire\s+Dales|Peak\s+District|Peaks|Highlands|Cotswolds|Broads|Norfolk\s+Broads|"
    r"Snowdonia|Eryri|New\s+Forest|Fens|Chilterns|Pennines|Brecon\s+Beacons|Cairngorms|Trossachs|Scottish\s+Borders|"
    r"Isle\s+of\s+Wight|Isle\s+of\s+Man|Anglesey|Isles\s+of\s+Scilly)"
)
_NOT_PLACES = re.compile(
    r"^(?:the\s+)?Key\s+Stage\b|^(?:the\s+)?(?:Year|Years|Class|Reception|Nursery|Blwyddyn|Dosbarth|Derbyn|Meithrin|KS\d|[PYS]\d|Yr\s?\d|Key|Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|"
    r"Saturdays|Sundays|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
    r"July|August|September|October|November|December|Christmas|Easter|Sports\s+Day|"
    r"Maths|English|Science|PE|D&T|DT|RE|RS|PSHE|PSHCE|RSE|ICT|Computing|Geography|History|Music|Drama|Art|Art\s+and\s+Design|"
    r"Dance|Food\s+Tech(?:nology)?|Textiles|French|Spanish|German|Mandarin|Urdu|"
    r"Levels?|T[\s-]Levels?|A[\s-]Levels?|BTECs?|GCSEs?|Meet\s+the\s+(?:Teacher|Tutor|Team|Staff)|Jumu['’]?ah|Jummah|Jumma|Humanities|MFL|Languages|Physics|Chemistry|Biology|Psychology|Sociology|Economics|Classics|Latin|"
    r"Our(?!\s+Lady)|The\s+children|Need|Relief|Mind|Action|Mass|Assembly|Collective\s+Worship|"
    # a part of a play or a book, not a place: "have reached Act 3 of An Inspector Calls"
    r"(?:Act|Chapter|Scene|Page|Part|Round|Step|Unit|Lesson|Module)(?:\s+\d+)?|"
    # a time of the school day, not a place: "at Show and Tell this afternoon", "in Golden Time"
    r"Show\s+and\s+Tell|Show\s+&\s+Tell|Golden\s+Time|Circle\s+Time|Story\s+Time|Storytime|Choosing\s+Time|"
    # the school's own evening: "will all perform at the Winter Concert on Thursday"
    r"(?:Winter|Summer|Spring|Christmas|Easter|Carol|Harvest|Spring\s+Term|Summer\s+Term)\s+(?:Concert|Show|Disco|Fair|Fayre|Ball|Showcase|Production)|"
    r"Friends|Schools|Benediction|Communion|Narnia|Hogwarts|Wonderland|Neverland|Middle[\s-]earth|Lilliput|Atlantis|Oz)\b(?!\s+(?!(?:Year|Years|Reception|Nursery|Class|[PY]\d)\b)[A-Z])"
    r"|^(?:the\s+)?(?:heart|centre|middle)\s+of\s+(?:the\s+|our\s+)?(?:Gospel|Bible|Church|Faith|Lord|God|Christmas|"
    r"Easter|Advent|Lent|Ramadan|Diwali)\b"
    r"|^(?:the\s+)?(?:Prime\s+Minister|King|Queen|Pope|Mayor|President|Headteacher|Governors?|(?:Lord\s+)?Provost|"
    r"Lord\s+Mayor|(?:Arch)?[Bb]ishop|Chief\s+Constable|Lord[\s-]Lieutenant|High\s+Sheriff|Principal|Chancellor)\b"
    r"(?!['’]s)"  # (not "King's College", "Queen's Park": places named after them)
    # a charity appeal: "a £1 donation to Children in Need"
    r"|^(?:Children\s+in\s+Need|Comic\s+Relief|Sport\s+Relief|Red\s+Nose|Jeans\s+for\s+Genes|Save\s+the\s+Children|"
    r"Macmillan|Barnardo['’]?s|NSPCC|Cancer\s+Research)\b"
    # an open day or a race, not a place: "at the Farm Open Day on Saturday", "in the English Schools' cross-country"
    r"|^(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}(?:Open\s+(?:Day|Evening|Morning)|Fun\s+Day|[Cc]ross[\s-][Cc]ountry)\b"
    r"|^(?:the\s+)?(?:English|Scottish|Welsh|Irish)\s+Schools\b|^(?:the\s+)?Russell\s+Group\b"
    # paperwork and screens, not places: "Full details are in the letter going home today"
    r"|^(?:the|our|this|your|a)\s+(?:weekly\s+|latest\s+|new\s+)?(?:letter|letters|newsletter|email|e-mail|message|"
    r"text|link|app|website|leaflet|booklet|bag|book\s+bag|planner|diary)\b"
    # a competition, not a place: "in the Fenton Cup final on Thursday"
    r"|^(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}(?:Cup|Trophy|Shield|League|Championships?|Tournament|Plate)\b"
    # a topic ("in the Second World War"), though "the Imperial War Museum North" is a place
    r"|^(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}(?:War|Wars|Battle|Revolution|Age|Era|Period|Dynasty|Plague)\b"
    r"(?!\s+(?:Museum|Memorial|Cemetery|Graves|Rooms|Gallery|Centre|Center|Site|Trail|Experience)\b)"
    # an empire, not the Hackney Empire (a theatre): "the Roman Empire", "the Mughal Empire"
    r"|^(?:the\s+)?(?:[A-Z][\w'’-]*\s+)?(?:[A-Z][\w'’-]*(?:an|ish|ese|ic|ine|al|ian)|Mughal|Benin|Mali|Inca|Ottoman|Mongol|"
    r"Aztec|Maya|Songhai|Zulu|Ashanti)\s+Empire\b"
    r"|^(?:" + LANGUAGE_NAMES + r")\b"
    # a broadcast or a website, not a place: "on BBC Radio Merseyside", "on YouTube"
    r"|^(?:the\s+)?(?:BBC|ITV|Sky|YouTube|Zoom|Teams|Facebook|Instagram|Twitter|TikTok|Spotify|Google|Scratch|Python|"
    r"Minecraft|Purple\s+Mash|Seesaw|Tapestry|Class\s+Dojo|ClassDojo|Duolingo|ParentPay|ParentMail|Parentmail|"
    r"Arbor|SchoolComms|Scopay|SchoolMoney|School\s+Gateway|Weduc|Studybugs|Satchel|Show\s+My\s+Homework|"
    r"Google\s+Classroom|Microsoft\s+Teams|Sparx|TTRS|Times\s+Tables\s+Rock\s+Stars|Numbots|Oak\s+Academy|"
    r"Bedrock|Mathletics|Accelerated\s+Reader|Reading\s+Eggs|Bug\s+Club|Doodle\s+Maths|"
    # software a class works in: "making music in Sonic Pi", "designing in Tinkercad"
    r"Sonic\s+Pi|Tinkercad|MakeCode|Kahoot|Canva|Roblox|Replit|Trinket|Fusion\s+360|Excel|PowerPoint|Padlet|"
    r"Blooket|Quizlet|Seneca|Hegarty\s+Maths|Dr\s+Frost|Kerboodle|GCSEPod|Bitesize|BBC\s+Bitesize)\b"
    # a Welsh school's class or year: "Ianto in Dosbarth Cywion", "visiting Blwyddyn 5 and 6"
    r"|^(?:Dosbarth|Blwyddyn)\s+\w+"
    # a holy book: "the siege of Lachish is in the Tanach too"
    r"|^(?:the\s+)?(?:Tanach|Tanakh|Torah|Bible|Talmud|Qur['’]?an|Koran|Gospels?|Psalms|Old\s+Testament|New\s+Testament|"
    r"Book\s+of\s+[A-Z]\w+)\b"
    # a round of a competition, not a place: "through to the national semi-final"
    r"|^(?:the\s+)?(?:(?-i:[a-z]+)\s+){0,2}(?:semi[\s-]?finals?|quarter[\s-]?finals?|finals?|next\s+round)$"
    r"|^(?:[A-Z][\w'’-]*\s+){0,3}(?:Radio|FM|TV)\b"
    # a road: "stuck in traffic on the M6"
    r"|^(?:the\s+)?[MA]\d{1,4}\b"
    r"|^(?:Platinum|Gold|Silver|Bronze|Diamond|Ruby|Sapphire|Emerald)\b(?!\s+[A-Z])"
    # an event, not a place: "at the Christmas Fair tonight", "in SATs next week"
    r"|^(?:the\s+)?(?:(?:Christmas|Easter|Summer|Spring|Autumn|Winter|Harvest|Halloween|Valentine['’]s|School|PTA|PTFA|"
    r"Friends['’]?|Leavers['’]?|Class|Year\s+\d)\s+){1,2}(?:Fair|Fete|Fête|Disco|Assembly|Party|Ball|Prom|Breakfast)\b"
    r"|^(?:the\s+)?#\w*(?:Fair|Fete|Disco|Party|Assembly|Day|Week|Night|Concert|Show)\b"
    r"|^(?:the\s+|their\s+|your\s+)?(?:SATs|SATS|GCSEs?|A-levels?|Mocks?|MTC|Phonics\s+Screening|Multiplication\s+Tables?)\b"
    # "in Kingfisher class", "in Oak Class": a class, not a place.
    r"|^(?:the\s+)?(?:[A-Z][\w'-]*\s+){1,2}[Cc]lass\b"
    # one letter: "in D&T", "Block C" read from its letter; a room: "in E4", "in S12"
    r"|^[A-Z]$|^[A-Z]{1,2}\d{1,3}[A-Z]?$"
    # a verb made of capitals: "to RAG-rate their answers"; UCAS Clearing
    r"|^[A-Z]{2,}-[a-z]|^(?:Clearing|UCAS)\b"
)


# Clause breaks inside a sentence: "..., so it's going to be built by the pond next week".
_CLAUSE_BREAK = re.compile(
    r"\s*(?:;|(?<!\d):|:(?!\d)|\s[-–—]\s|,\s*(?:so|but|then|and\s+then)\b|,\s*(?=(?:which|where)\b)|,?\s+and\s+(?=(?:it|it's|this|that|"
    r"there|then|should|we|we'll|they|they'll|every|all\s+(?:the\s+)?(?:money|proceeds|donations))\b)|,\s+and\s+(?=(?:our|(?i:year|yr)\s*\d+|Reception|Nursery|the\s+(?:children|pupils|class|team)|Mrs?|Miss|Ms|Mx|Dr)\b)"
    r"|\s+and\s+(?=[A-Z]\w+\s+Class\s+(?:will|are|is)\b)"
    # "collected leaves in East Park for their project and the results are stunning": what came of it
    r"|\s+and\s+(?=the\s+(?:results?|outcomes?|pictures|photos|work|pieces|finished\s+\w+)\s+(?:are|is|were|was|look)\b))\s*"
)
# Pupils as the ones a clause is about (not "free entry for children", "the Year 3 competition").
_SUBJECT_PUPILS = re.compile(
    r"(?<!\bfor\s)(?<!\bwith\s)(?<!\bof\s)(?<!\bby\s)(?<!\babout\s)"
    + _PUPILS.pattern
    # "Our #YoungFarmers will be showing pigs at the County Show": a group of ours, named by its tag
    + r"|(?<=\bour\s)#(?-i:[A-Z])\w*s\b"
    + r"|#\w*(?:Choir|Team|Squad|Band|Class|Club|Council|Year\d|Athletes|Runners|Swimmers|Players|Footballers|Netballers|"
    r"Cricketers|Dancers|Singers|Musicians|Pupils|Kids|Stars)\b|(?<!\bthank\s)\byou(?:'re|'ll)?\b"
    # an invitation to find them: "Look out for us at the farmers' market on Saturday"
    r"|\b(?:look\s+out|watch\s+out|keep\s+an\s+eye\s+out|wave\s+to|cheer\s+on)\s+(?:for\s+)?(?:us|them|our\s+[\w'’-]+|"
    r"years?\s*\d+|[yp]\d|reception|nursery|class\s+\w+|(?-i:[A-Z])\w*\s+class|the\s+(?:children|choir|team|squad))\b"
    r"|\b(?:look\s+out|watch\s+out|keep\s+an\s+eye\s+out)\s+for\s+(?-i:[A-Z])\w*s['’]\s"
    r"|\b(?:find|spot|visit|meet|come\s+and\s+see)\s+us\b"
    # a residential's diary: "Day two at Borwick Hall!", "Evening update from Borwick Hall:"
    r"|^\s*(?:(?:day|night)\s+(?:one|two|three|four|five|\d)|(?:morning|afternoon|evening|night|lunchtime|final|last|"
    r"quick|latest|live)\s+update|update)\s*(?:at\s|from\s|📍)\s*(?-i:[A-Z])"
    # a live update with the writer's "we" left out: "Just arrived at Chester Zoo!"
    r"|^\s*(?:just\s+|finally\s+|safely\s+)?(?:arrived|landed|made\s+it|heading|off\s+to|on\s+(?:our|the)\s+way)\b"
    # parents told where to collect them: "please collect your child from Parr Leisure Centre at 3.45"
    r"|\b(?:collect|pick)\s+(?:(?:your|the|all)\s+)?(?:child|children|son|daughter|them|up|from)\b"
    r"|\b(?:our|school)\s+(?:[\w-]+\s+)?(?:holiday|breakfast|after[\s-]school|eco|gardening|choir|drama|chess|coding|art|"
    r"football|netball)\s+club\b"
    # a team by its age group: "U11 boys v Cadbury Heath Primary"
    r"|\b(?:u|under)[\s-]?\d{1,2}['’]?s?\s+(?:boys|girls|team|squad|side|mixed)\b|#Year\d{1,2}\w*"
    # part of a group: "all of Year 5 are safe and sound at Llandudno"
    r"|\b(?:all|both|some|most|each|half|many|several)\s+of\s+(?:us|them|years?\s*\d+|reception|nursery|"
    r"class\s+\w+|[A-Z]\w*\s+class|our\s+\w+|the\s+(?:children|pupils|team|class|group|squad|choir))\b"
    # a fixture: "Netball: home fixture v St Anne's ..., away at Oakwood on Thursday 4pm"
    r"|\b(?:home|away)\s+(?:fixture|match|game|leg)s?\b|\baway\s+(?:at|to|v|vs)\b"
    r"|\b(?:next|our\s+next)\s+(?:game|match|fixture|race|heat|round)\b"
    r"|\b(?:football|netball|rugby|cricket|hockey|rounders|basketball|tag\s+rugby|tennis|athletics|"
    r"cross[\s-]country|swimming)\s+(?:match|fixture|game|tournament|festival|gala|final|league)s?\b"
    # the vehicle that carries them: "The minibus leaves for Anfield at 3.30pm"
    r"|\b(?:coach|coaches|minibus|minibuses|bus|buses|train)\s+(?:(?:for|to)\s+(?:[\w'’-]+\s+){1,4}?)?(?:leaves|departs|will|is|arrives|returns|sets|heads|"
    r"gets|should|goes)\b"
    # a greeting sent from a spot the class is at: "Live from the top of Snowdon!", "Hello from the
    # Space Centre!" (a region, "Good morning from the Lakes", is no spot a stranger could find)
    r"|^\s*(?:greetings|hello|hi|live|waves?|postcard|good\s+(?:night|morning|afternoon|evening))\s+from\s+"
    r"(?:the\s+)?(?:(?:top|summit|foot|bottom|edge|end|heart|middle)\s+of\b|(?:[A-Z][\w'’-]*\s+){0,3}(?:"
    r"Zoo|Museum|Castle|Park|Centre|Center|Farm|Aquarium|Gallery|Theatre|Cathedral|Abbey|Palace|Pier|Beach|"
    r"Stadium|Arena|Tower|Gardens|Hall|Caves?|Summit|Lido|Baths|Hub|Academy|Outdoor|Activity))\b"
    # an event the pupils are at: "the Key Stage 2 carol concert is at St Anne's Church"
    r"|\b(?:years?\s*\d+|[yp]\d{1,2}|u\d{1,2}s?|ks\s*\d|key\s+stage\s+\d|reception|nursery|class\s+\w+|[A-Z]\w*\s+class|school|our)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:concert|nativity|performance|play|show|match|fixture|game|race|assembly|service|trip|"
    r"visit|residential|tournament|gala|festival|sleepover|disco|parade|lessons?|sessions?|walk|outing|"
    r"workshop|training|swimming|swim|rehearsal|coach|bus)\b"
    # an activity for pupils: "swimming lessons for Year 4 start at Heaton Leisure Centre"
    r"|\b(?:lessons?|sessions?|trip|visit|outing|residential|match|fixture|walk|coach|bus|workshop|training|"
    r"rehearsal|tour|concert|performance|tournament|competition|festival|gala|race|event|party|disco|show|"
    r"cup|final|league|meet|sleepover|camp|day|swimming|forest\s+school|bikeability|cycling|gymnastics|athletics|"
    r"dance|football|netball|rugby|cricket|tennis|hockey|rounders)\s+(?:[\w'’-]+\s+){0,6}?for\s+(?:all\s+)?(?:years?\s*\d+|reception|nursery|ks\s*\d|"
    r"key\s+stage\s+\d|class\s+\w+|[A-Z]\w*\s+class|our\s+\w+|the\s+(?:children|pupils|team|squad|choir))\b",
    re.IGNORECASE,
)
_SUBJECT_PUPILS = at_word_starts(_SUBJECT_PUPILS)  # the same matches, tried only where a word starts
# Things that go somewhere without the pupils: the tins for the food bank, a class's poems.
_SENT_THINGS = (
    r"tins|donations|boxes|parcels|letters|cards|baskets|hampers|presents|gifts|books|food|money|cheque|funds|"
    r"(?:penny|pound|proceeds)(?:\s+raised)?|"
    r"photos|pictures|paintings|drawings|artwork|work|models|designs|posters|poems|entries|forms|results|plants|"
    r"seeds|trees|eggs|chicks|tadpoles|butterflies|caterpillars|masks|costumes|crafts|lanterns|hats|crowns|"
    r"puppets|kites|boats|rockets|sculptures|pots|"
    # the luggage of a trip, and the school's animals: "the Eryr and Curlew bags will be unloaded in the
    # staff car park tomorrow", "The orphan lambs are safe at Low Fold Farm"
    r"bags|suitcases|cases|luggage|lambs|sheep|hens|chickens|ducklings|ducks|goats|pigs|piglets|calves|cows|"
    r"ponies|horses|rabbits|guinea\s+pigs|hamsters|fish|animals|bees"
)
# A thing as the subject ("it's going to be built", "which all went to"), not a plan for the day
# ("then it's lunch in the learning centre").
_OTHER_SUBJECT = re.compile(
    r"^\s*(?:so\s+|and\s+)?(?:(?:it|this|that|which)(?:'s\s+(?:going|been|being|getting|got|not|a|an|the|so|very|"
    r"really|free|open|closed|well|worth)\b|\s+(?:\w+\s+)?(?:is|was|are|were|will|has|had|can|could|would|should|"
    r"opens|closes|went|goes|moves|takes)\b)|there(?:'s|\s+is|\s+are|\s+will)"
    # grown-ups as the subject: "Our teachers will be at the conference centre from 9"
    r"|(?:(?:our|the|all|some)\s+(?:\w+\s+)?)?(?:teachers|tutors|staff|governors|parents|carers|headteacher|head|TAs|"
    r"neighbours|hosts|partners|friends\s+at|"
    r"teaching\s+assistants|office\s+team|kitchen\s+team|PTA|volunteers|matron|house\s+staff|heads\s+of\s+year)"
    r"(?:\s+(?:at|from|in)\s+(?:[A-Z][\w'’-]*\s*){1,3})?\s+(?:will|are|is|can|'ll)\b"
    r"|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\.?\s+[A-Z]\w*\s*,\s*who\s+(?:is|will|has)\b"
    r"|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\.?\s+[A-Z]\w*\s+(?:will|is|and)\b"
    # an old pupil by leaving year: "Tom Perry (2012) has just qualified ... and is training at Bath Spa"
    r"|(?:and\s+)?(?-i:[A-Z][a-z]+(?:\s+[A-Z][\w'’-]+)+)\s+\((?:class\s+of\s+)?(?:19|20)\d\d\)"
    # a grown-up's things: "Mrs Gray's photos from her summer on the Isle of Skye are now up"
    r"|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\.?\s+[A-Z]\w*['’]s\s+(?!class\b|team\b|group\b)"
    # one person's thing: "Her ichthyosaur is still in the Natural History Museum!"
    r"|(?:her|his|its)\s+(?!(?:class|team|group|form|year|squad|choir)\b)(?:[\w-]+\s+)?[\w-]+\s+(?:is|are|was|were|will|has)\b"
    # a thing the sentence is about: "The tins are off to the food bank this afternoon"
    r"|(?:every\s+(?:single\s+)?item|everything|all\s+of\s+it)\s+(?:is|was|will|goes|went)\b"
    # somebody else as the subject: "Poor Stanley Yelnats is having a very bad week at Camp Green Lake"
    r"|(?:poor|little|brave|old|young|dear)\s+(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:is|was|has|had|will)\b"
    r"|(?:(?:the|our|all\s+the|all|these|those|your|every)\s+(?:[a-z-]+\s+)?)?(?:"
    + _SENT_THINGS
    + r")(?:\s+and\s+(?:[\w-]+\s+)?(?:"
    + _SENT_THINGS
    + r"|packets|jars|bags))?\s+(?:are|is|will|were|was|have|has|go|goes)\b)",
    re.IGNORECASE,
)
# A time ahead too vague to act on: "in the summer term", "later this year".
_VAGUE_LATER = re.compile(
    r"\b(?:in\s+the\s+(?:spring|summer|autumn|new)(?:\s+(?:term|year))?|(?:hoping|hope|planning|plan|aiming|"
    r"would\s+(?:like|love))\s+to|next\s+(?:term|year|month|half[\s-]term)|"
    r"later\s+(?:this|in\s+the)\s+(?:term|year|month)|one\s+day|some\s+day|soon|"
    # a season's holiday and no day: "our visit to Dunkirk Mill is booked for after Easter"
    r"(?:after|before)\s+(?:easter|christmas|half[\s-]term|the\s+holidays?|the\s+break|the\s+summer)|"
    # a whole term or year, not a time to find anyone: "Year 10 at Brackenfield are running the tuck shop this term"
    r"(?:this|all|each|every)\s+(?:term|half[\s-]term|year)|all\s+year\s+round|"
    # a month and no day: "heading to Colomendy in June"
    r"in\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"(?!\s+\d))\b",
    re.IGNORECASE,
)
# An event the post says is for grown-ups: "It's for adults only, so no need to bring children."
_ADULTS_ONLY = re.compile(
    r"\b(?:we\s+are\s+recruiting|we're\s+recruiting|job\s+vacancy|(?:for\s+)?(?:adults|parents|grown-ups|carers)\s+only|no\s+need\s+to\s+bring\s+(?:the\s+)?"
    r"(?:children|your\s+child(?:ren)?)|(?:children|pupils)\s+(?:do\s+not|don't|should\s+not|won't)\s+"
    r"(?:need\s+to\s+)?(?:come|attend)|"
    # news of old pupils, grown up: "Alumni news! Dr Sarah Ellis (Class of 2005) is now lead physio ..."
    r"(?:alumni|old\s+(?:boys|girls|students|pupils)|former\s+(?:pupils|students))(?:['’]s?)?\s+(?:news|update|corner|spotlight)|"
    # the parents' association's own post: "PTA here! Our first meeting of the year is next Tuesday at 7pm"
    r"^\W*(?:pta|pfa|friends\s+of\s+[\w'’]+)\s+(?:here|news|update)\b|"
    # a meeting about a trip, for the families: "The information evening for the Year 6 London trip is on Tuesday"
    r"^\W*(?:the\s+|our\s+)?(?:parents['’]?\s+)?(?:information|info)\s+(?:evening|meeting|session)\b|"
    # the grown-ups' own evenings and stalls: "Tonight's quiz night is sold out! See you at the village hall at 7:30",
    # "Christmas market stallholders: set-up at the village hall is from 8am"
    r"\bquiz\s+night\b|#quiznight\b|^\W*(?:[\w'’]+\s+){0,3}stallholders?\b(?=\s*[:,])|\bwine\s+tasting\b|\bladies['’]?\s+night\b)\b",
    re.IGNORECASE,
)
_ALL_BACK = re.compile(
    r"\b(?:everyone|all|every\s+child)\s+(?:is\s+|are\s+)?(?:now\s+|safely\s+)?back\s+(?:safe|safely|at\s+school|home)|"
    r"\bback\s+safe\s+and\s+sound\b",
    re.IGNORECASE,
)
_TO_STUDY = re.compile(
    r"\bto\s+(?:read|study)\s+(?:(?-i:[A-Z])|medicine|law|engineering|maths|history|english|physics|chemistry|"
    r"biology|economics|geography|music|drama|art|nursing|dentistry|veterinary|computer)",
    re.IGNORECASE,
)
# An event held in the school's own hall or field, in a sentence that says nothing of leaving or returning.
_IN_THE_SCHOOL_HALL = re.compile(
    r"^(?!.*\b(?:back|return|returning|collect|collection|pick[\s-]?up|coach|bus|leave|leaving|depart|on\s+tour)\b)"
    # (not "performing in the hall there at 10:30": the hall of the place they go to)
    r".*\b(?:in|on)\s+the\s+(?:main\s+|sports\s+)?(?:school\s+)?(?:hall|field)\b(?!\s+there\b)",
    re.IGNORECASE | re.DOTALL,
)
_ON_SITE_IN = re.compile(
    r"\b(?:the\s+)?(?:school\s+(?:playground|hall|field|gates?|car\s+park|office|entrance)|(?:main|front|back)\s+gates?|"
    r"back\s+at\s+school)\b",
    re.IGNORECASE,
)
_ADULT_EVENT = re.compile(
    r"\b(?:parents['’]?\s+(?:information\s+)?(?:evening|meeting|workshop|briefing)|information\s+(?:evening|meeting)|"
    r"options\s+evening|open\s+evening|consultation\s+evening|"
    # "Year 12 UCAS evening: Tuesday 13th October, 6:30pm in the Memorial Hall"
    r"(?:ucas|careers|higher\s+education|university|sixth[\s-]form|transition|induction)\s+(?:information\s+)?"
    r"(?:evening|meeting|briefing)|"
    r"governors['’]?\s+meeting|coffee\s+morning|quiz\s+night|race\s+night|bingo\s+night|pta\s+(?:ball|social|meeting)|"
    # "our phonics workshop for Meithrin and Derbyn parents", "Reception parents: our phonics workshop"
    r"(?:phonics|reading|maths|numeracy|literacy|e-safety|online\s+safety|sats)\s+(?:workshop|information\s+session|"
    r"session|meeting|evening)\s+(?:for\s+(?:[\w'’-]+\s+){0,4}?(?:parents|carers|families)\b)?|"
    r"(?:parents|carers)\s*:\s*(?:our|the)\s+(?:[\w-]+\s+){0,2}?(?:workshop|meeting|session|evening))\b",
    re.IGNORECASE,
)
_ONLINE = re.compile(
    r"\b(?:video\s+call|zoom\s+call|zoom|teams\s+call|online|live\s+stream|livestream|virtual(?:ly)?|webinar|"
    r"video\s+link|on\s+screen)\b",
    re.IGNORECASE,
)
_GOING_HOME = re.compile(
    r"\b(?:heading|on\s+(?:our|their|the)\s+way|travelling|coming|driving|setting\s+off)\s+(?:home|back)\b"
    r"|\bon\s+the\s+(?:coach|bus|minibus|train)\s+(?:home|back)\b"
    # "Ospreys are back from Robinwood and the coach is pulling into the car park now"
    r"|\b(?:are|is|'re)\s+(?:now\s+|safely\s+|all\s+)?back\s+from\b|\bpulling\s+in(?:to)?\s+the\s+(?:school\s+)?car\s+park\b"
    # home from abroad: "have landed safely back at Birmingham Airport"
    r"|\b(?:landed|arrived|touched\s+down)\s+(?:safely\s+)?back\b"
    # the walk to school: "keep to the main paths on your way to school this morning"
    r"|\bon\s+(?:your|their|our|the)\s+(?:way|walk|journey)\s+(?:to|into|in\s+to)\s+school\b"
    r"|\b(?:now\s+)?(?:get|gets|getting)\s+back\s+to\s+school\b"
    # home by boat or plane: "flights ... for everyone going home this weekend", "will be home by teatime",
    # "we'll be back on the island by about 4 tomorrow"
    r"|\b(?:going|go|goes|sailing|sail|sails|flying|fly|flies)\s+home\b|\bwill\s+be\s+(?:back\s+)?home\b"
    r"|\bback\s+(?:on|to)\s+the\s+island\b"
    r"|\b(?:are|is|'re)\s+(?:now\s+)?(?:all\s+)?(?:safely\s+)?back\s+(?:at|in)\s+school\b"
    # a family moving away: "as her family moves back to Manila"
    r"|\b(?:after|since|before)\s+moving\s+(?:house\s+|here\s+)?(?:to|from)\b"
    r"|\b(?:family|families|household|she|he|they|who)\s+(?:is\s+|are\s+|has\s+|have\s+)?(?:moves?|moving|moved|"
    r"emigrating|emigrated|relocating)\s+(?:back\s+|away\s+|house\s+)?(?:to|home)\b",
    re.IGNORECASE,
)
# A live update headed with a place: "Robinwood update:", not "Sports Day update!" or "Snow update:".
_PLACE_UPDATE = re.compile(
    r"\W*(?!(?:Sports|Weather|Snow|School|Closure|Term|Lunch|Uniform|Parking|Transport|Covid|Building|Roof|"
    r"Attendance|Club|Clubs|Staffing|Christmas|Easter|Half|Important|Quick|Another|An|A|Our|The)\b)"
    r"(?:[A-Z][a-z'’]*\s+){1,3}update\s*[:!-]"
)
# The day a trip leaves or comes back: "We leave on Monday 11th May", "the coach departs on Friday".
_LEAVE = re.compile(
    r"\b(?:we|they|pupils|children|(?:the\s+)?coach|coaches)\s+(?:will\s+)?(?:leave|leaves|set\s+off|sets\s+off|depart|departs|"
    r"travel|travels|go|arrive|arrives)\b",
    re.IGNORECASE,
)
# An invitation to find pupils somewhere: "Look out for them at Boots", "come and find us at the fair".
_LOOK_OUT = re.compile(
    r"\b(?:look\s+out|watch\s+out|keep\s+an\s+eye\s+out|wave\s+(?:to|at)|come\s+and\s+(?:see|find|say\s+hello\s+to|support|cheer)|"
    r"pop\s+by\s+and\s+see)\s+(?:for\s+)?(?:us|them|our)\b",
    re.IGNORECASE,
)
# A post that opens with a greeting from where the class is: "Good morning from Kingswood Colomendy!"
_GREETING_FROM = re.compile(
    r"\W*(?:greetings|hello|hi|waves?|(?:good\s+)?(?:morning|afternoon|evening))\s+from\b", re.IGNORECASE
)
# What is now somewhere is a thing, not the pupils: "Year 6 London trip photos are now on the website".
_THINGS_NOW = re.compile(
    r"\b(?:photos|pictures|pics|videos|slideshow|gallery|blog|diary|letters?|results?|reports?|newsletter|menu|"
    r"itinerary|kit\s+lists?|forms?)\s+(?:are|is)\s+(?:now\s+)?(?:on|up|available|live|online|in|out)\b"
    # donations on their way: "every box is going to the food bank on Melton Road"
    r"|\b(?:every|each|all\s+the|the)\s+(?:box|boxes|tin|tins|parcel|parcels|donation|donations|hamper|hampers|"
    r"penny|pennies|money|food|gifts?|presents?|item|items)\s+(?:is|are|will\s+be)\s+(?:going|heading|off)\b",
    re.IGNORECASE,
)
_CALLED_OFF = re.compile(
    r"\b(?:cancelled|canceled|postponed|called\s+off|rearranged|scrapped)\b"
    # "The Year 8 trip to The Lowry is off today" (not "is off to a flying start")
    r"|\b(?:trip|visit|outing|match|fixture|game|residential|tour|walk)\s+(?:to\s+[^.!?;]{1,40}?\s+)?"
    r"(?:is|are|'s)\s+(?:now\s+|sadly\s+|unfortunately\s+)?off\b(?!\s+(?:to|on|at|in|for)\b)",
    re.IGNORECASE,
)
_NOW_WORDS = re.compile(
    r"\b(?:right\s+now|currently|at\s+the\s+moment|about\s+to|(?:we're|we\s+are|they're|they\s+are)\s+"
    r"(?:(?:finally|now|all|safely)\s+)*here|"
    r"(?:are|'re|is)\s+(?:(?:\w+ly|now|still|all|busy|both)\s+)*(?!(?:some|no|any|every)thing\b|evening\b|morning\b)\w+ing|"
    r"(?:are|'re|is|r)\s+(?:(?:now|still|all|safely|safe\s+and\s+sound|safe|down|up|out|over|tucked\s+up|settled|"
    r"asleep)\s+)*(?:at|in|on)|"
    # (not "has landed a work experience placement": won, not arrived)
    r"(?:have|has|'ve)\s+(?:(?:just|safely|finally|now)\s+)*(?:arrived|landed(?!\s+(?:a|an|her|his|their|the|places?)\b)|"
    r"made\s+it|reached|pulled\s+in|"
    r"pulled\s+over|stopped|dropped\s+(?:us|them|everyone|the\s+(?:children|class|team|pupils))(?:\s+off)?)|(?:greetings|hello|hi|live|waves?|good\s+(?:night|morning|afternoon|evening))\s+from)\b",
    re.IGNORECASE,
)


def _is_person(norm: str, people: SpanIndex, start: int, end: int) -> bool:
    """A "place" that the name analysis read as a person ("well done to Amara")."""
    words = norm[start:end].lower().split()
    if any(w in PLACE_WORDS for w in words[2:]):
        return False  # "St Anne's Church": a place named after a person (not "to River", the child)
    return people.overlaps(start, end)


_SCHOOL_WORDS = frozenset(
    [
        "primary",
        "school",
        "academy",
        "infant",
        "infants",
        "junior",
        "juniors",
        "church",
        "of",
        "england",
        "ce",
        "rc",
        "c",
        "of",
        "e",
        "the",
        "st",
    ]
)


def _class_name_only(place: str, classes: frozenset[str] | set[str]) -> bool:
    """A class of the school's, not a place: "Hedgehogs", "Oak Class", "Onnen and Bedw", the school's own
    "Brontë Centre" named after its house; but "Kielder Observatory" is a place of that name."""
    words = re.sub(r"^the\s+", "", place).split()
    if fold(words[0]).removesuffix("s") not in classes:
        return False
    # the name's own words, not what the place reading ran on to ("Otters on Monday")
    return (
        len(words) == 1
        or (not words[1][:1].isupper() and words[1] not in ("and", "&"))
        or fold(words[1]) in _OWN_AFTER_CLASS
    )


def _a_class(place: str, classes: frozenset[str] | set[str]) -> bool:
    """A class of the school's named where a place would be ("visiting Seedlings", "Morning from the Seals")."""
    return _class_name_only(place, classes) or fold(re.sub(r"^the\s+", "", place)) in classes


# After a class's or a house's name, what the school's own rooms and groups are called ("the Brontë Centre").
_OWN_AFTER_CLASS = frozenset(
    [
        "class",
        "form",
        "group",
        "team",
        "classroom",
        "and",
        "&",
        "centre",
        "center",
        "building",
        "block",
        "wing",
        "hall",
        "room",
        "rooms",
        "studio",
        "suite",
        "library",
        "theatre",
        "house",
        "base",
    ]
)


def _the_school_itself(place: str, school: frozenset[str]) -> bool:
    """Whether a place is the school's own name ("Courtney" for Courtney Primary School)."""
    if re.search(r"\b(?:Church|Cathedral|Chapel|Abbey|Minster|Priory|Hall|Centre|Park)$", place.strip()):
        return False  # "St Catherine's Church", where the parish's Mass is: not the school
    # "St Catherine's" for St Catherine of Siena Primary School: the possessive is the school's
    words = {fold(re.sub(r"['’]s$", "", w)) for w in re.findall(r"[\w'’]+", place)} - _SCHOOL_WORDS
    return bool(words) and words <= school


def _clauses(sentence: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(sentence)))
    return spans


_CAPITALISED = re.compile(r"(?<![\w#@])[A-Z][\w'’-]*")


# A class's things as the subject: "Sycamore Class's Valentine's poems are on their way to the care home".
_THINGS_OF = re.compile(
    r"['’]s?\s+(?:[\w'’-]+\s+){0,2}?(?:" + _SENT_THINGS + r")\b"
    # "Year 5's watercolour seascapes are now up in the church porch": a class's things
    r"|['’]s\s+(?:[\w'’-]+\s+){0,2}?(?!(?:parents|families|friends|teachers)\b)[a-z]+s\b"
    r"(?=[^.!?]{0,40}?\b(?:are|were|have|will|went|go)\b)"
    # "our Year 2 teaching assistant, Mrs Whitfield, is leaving": a grown-up of the class
    # "the Eryr and Curlew bags will be unloaded": the classes' things
    r"|(?:\s*(?:,|and|&)\s*(?-i:[A-Z])[\w'’-]*)*\s+(?:class(?:es)?\s+)?(?:bags|suitcases|cases|luggage|kit|lunches|"
    r"lunchboxes|coats|books|bikes|scooters)\b"
    r"|\s+(?:class\s+)?(?:teachers?|teaching\s+assistants?|TAs?|team\s+leaders?|leaders?|staff|tutors?|"
    r"heads?\s+of\s+year)\b",
    re.IGNORECASE,
)


def _subject(clause: str, classes: frozenset[str] | set[str] = frozenset()) -> re.Match[str] | None:
    """Pupils as the ones a clause is about; a class of the school's counts by its name alone."""
    found = None
    for m in _SUBJECT_PUPILS.finditer(clause):
        if not _THINGS_OF.match(clause, m.end()):
            found = m  # not "Sycamore Class's Valentine's poems are on their way to ...": the poems
            break
    if (
        found is not None
        and found.group(0).lower().startswith("they")
        and (other := _OTHER_SUBJECT.search(clause)) is not None
        and other.end() <= found.start()
    ):
        return None  # "The orphan lambs are safe at Low Fold Farm until they're big enough": the lambs
    if found is not None or not classes:
        return found
    for m in _CAPITALISED.finditer(clause):
        if (
            (fold(m.group(0)) in classes or fold(m.group(0)).removesuffix("s") in classes)  # "Otters off to"
            and (
                not re.search(r"\b(?:for|with|of|by|about|to)\s+$", clause[: m.start()])
                # "Forest school for Cywion is every Thursday": the class the activity is for goes to it
                or re.search(_ACTIVITY_FOR, clause[: m.start()]) is not None
            )
            and not _THINGS_OF.match(
                ("'" if m.group(0)[-1] in "'’" else "")  # "Otters' Egyptian masks are drying"
                + re.sub(r"^\s+class", "", clause[m.end() : m.end() + 60], flags=re.I)
            )
        ):
            return m  # "Buzzards are at Jodrell Bank all day tomorrow"
    return None


_ACTIVITY_FOR = re.compile(
    r"\b(?:school|swimming|lessons?|sessions?|trip|visit|residential|outing|walk|training|practice|rehearsals?)\s+"
    r"for\s+$",
    re.IGNORECASE,
)


# "to Mr Church", "with Mrs Park": a person with a title, never a place.
_TITLED = re.compile(
    r"(?:the\s+)?(?:Mr|Mrs|Miss|Ms|Mx|Dr|Prof|Rev|Revd|Cllr|Sir|Dame|Coach|PC|PCSO|Sgt|Insp|Father|Sister|Nurse|"
    r"Reverend|Canon|Pastor|Imam|Rabbi|Vicar|Bishop|Archdeacon|Councillor|Mayor|Professor|Captain|Lord|Lady)"
    r"\b\.?\s"
)
_AUTHOR = re.compile(r"[A-Z][a-z'’-]+(?:\s+[A-Z]\.?)?\s+[A-Z][a-z'’-]+")
# "in the Sefton finals": the name of an event, not a place
_EVENT_AFTER = re.compile(
    r"\s+(?:(?:(?-i:[a-z]+)\s+){1,3}(?=(?:challenge|competition|quiz|championships?|tournament|festival|final|finals|"
    r"gala|league|cup|service)\b))?"
    # "the Kingswood summer fete": the event of a place, not the place
    r"(?:(?:summer|christmas|winter|spring|autumn|harvest|school|village|charity|annual|community|church)\s+"
    r"(?=(?:fair|fete|fayre|concert|party|disco|festival|gala|show)\b))?(?:finals?|challenge|semi-finals?|championships?|tournament|games|festival|gala|league|cup|heats|trials|"
    r"qualifiers|assembly|service|concert|disco|party|celebration|family|families|fair|fete|conference|summit|"
    r"week(?!end)|"  # "counting down to Shared Education week with St Kevin's"
    # "return the Year 6 Robinwood residential forms by Friday"
    r"(?:residential|trip|visit)\s+(?:forms?|letters?|payments?|deposits?|kit\s+lists?|information|meeting|evening)|"
    # "pitches to Dragons' Den judges", "a thank-you to Chester Zoo staff": people, not a place
    r"judges?|panel|staff|players|volunteers|rangers|keepers|experts|coaches|readers|viewers|listeners|"
    # "Mrs Cross in the Careers office": a room of the school's
    r"office|department|dept|block|wing|corridor|"
    # "in the middle of Matilda rehearsal week": a week of the school's, not a place
    r"(?:rehearsal|rehearsals|show|production|exam|exams|mock|mocks|activities|activity|enrichment|sports|book|science|arts?)\s+week)\b",
    re.IGNORECASE,
)
_CLASS_AFTER = re.compile(r"\s+(?:class(?:es)?|classrooms?)\b", re.IGNORECASE)


_NAMED_AFTER = re.compile(r"\s+(?:in|near|at|outside|by|on|off)\s+(?:the\s+)?(?-i:[A-Z])", re.IGNORECASE)


@dataclass(frozen=True)
class _Place:
    start: int
    end: int
    text: str
    named: bool
    public: bool = False  # a lower-case place open to anyone: "the leisure centre"
    spot: bool = False  # "the shark tunnel": a place only once the post is about a trip


_VENUE_HANDLE = re.compile(
    r"(?<!friends\s)\b(?:at|to|visit|visiting|in)\s+(?:the\s+)?(?P<place>@\w+\s+(?:stadium|ground|arena|theatre|museum|centre|"
    r"park|pool|hall)\b|@\w*(?:(?-i:Zoo|Park|Farm|Castle|Hall|Pool|Baths|"
    r"Lido|Mus|Trust)|museum|theatre|centre|center|gallery|aquarium|stadium|arena|library|cathedral|abbey|gardens|"
    r"planetarium|courtyard|playhouse|arts|empire|hippodrome|lyceum|pavilion|cinema|odeon|vue|leisure|sports|science|"
    r"discovery|adventure)"
    r"(?-i:[A-Z]\w*)?)\b",
    re.IGNORECASE,
)
_RESIDENTIAL_HEAD = re.compile(
    r"\W*(?P<place>(?:[A-Z][\w'’-]*\s+){0,3}(?:YHA|Hall|Centre|Park|Camp|Lodge|Manor|House|Castle|Farm|Bay|PGL|"
    r"Robinwood|Kingswood|Colomendy|Outdoor\s+Centre|Activity\s+Centre))"
    r"(?:\s*,\s*(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)?(?=\s*,))?\s*(?:from|[:,–-])\s*"
    r"(?=" + DATE.pattern + r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:to|[-–])\s+)",
    re.IGNORECASE,
)
# A residential's heading, its centre and its dates: "Y6 residential: Whitehough, Mon 8th–Fri 12th June"
_RESIDENTIAL_COLON = re.compile(
    r"\b(?:residential|camp|trip|tour|visit|expedition)\s*:\s*"
    r"(?P<place>(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,3})\s*[,–-]\s*(?=" + DATE.pattern + r")",
    re.IGNORECASE,
)
# A residential named with its booking or its dates: "Lendrick Muir is booked!", "Year 6 Llangrannog dates are
# confirmed: Monday 8th to Wednesday 10th June".
_BOOKED = re.compile(
    r"(?P<place>(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){0,2})\s+(?:(?:residential|trip|visit)\s+)?"
    r"(?:(?:is|has\s+been)\s+(?:booked|confirmed)|dates?\s+(?:is|are|have\s+been)\s+(?:confirmed|booked|fixed|set))\b",
    re.IGNORECASE,
)
# A residential counted down to, or its paperwork: "only 2 weeks to go until Ford Castle!", "kit lists for ..."
_COUNTDOWN = re.compile(
    r"\b(?:to\s+go|sleeps|days|weeks?|nights?)\s+(?:until|till|til)\b|\bkit\s+lists?\b", re.I
)
# The dates of a stay with no verb: "Monday 8th to Wednesday 10th June."
_DATES_ALONE = re.compile(
    r"\W*(?:from\s+)?(?:" + DATE.pattern + r")\s+(?:to|until|till|[-–])\s+(?:" + DATE.pattern + ")", re.I
)
_THEIR_GROUND = re.compile(
    r"\b(?:at|to)\s+their\s+(?:place|ground|school|pitch|field|court|site)\b", re.IGNORECASE
)
_OPPONENT = re.compile(
    r"\b(?:v|vs|versus|against)\.?\s+(?P<team>(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,3})"
)


_BUS_ROUTE = re.compile(r"(?:number\s+)?\d{1,3}[A-Z]?\s+bus")
# The phases of an all-through school, and the rooms and grounds of each (the school's own site).
_PHASE = re.compile(
    r"(?:Primary|Secondary|Sixth\s+Form|Sixth-Form|Senior|Junior|Infant|Prep|Nursery|Early\s+Years|EYFS|"
    r"Upper\s+School|Lower\s+School|Senior\s+School|Junior\s+School|Primary\s+Phase|Secondary\s+Phase)"
)
_SITE_AFTER = re.compile(
    r"\s+(?:building|site|campus|block|office|centre|center|car\s+park|playground|hall|field|reception|entrance|"
    r"gates?|library|canteen|dining\s+hall|common\s+room|phase|department|staffroom|classrooms?)\b",
    re.IGNORECASE,
)


# A trip's next item, with no one named: "Dinner at 6:30 in Times Square", "Then lunch from 12 at the pier".
_ITINERARY_ITEM = re.compile(
    r"^\W*(?:then\s+|next\s*:?\s*|later\s*:?\s*|after\s+that\s*,?\s*)?(?:breakfast|lunch|dinner|tea|supper|brunch|"
    r"picnic|check-in|check-out|pick-up|drop-off|departure|coach|bus|train|ferry|flight|boat|show|matinee|tour|"
    r"free\s+time|shopping)\s+(?:is\s+|will\s+be\s+)?(?:at|from|in|by)\b",
    re.IGNORECASE,
)


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _a_misspelt_day(word: str) -> bool:
    """Whether one capitalised word ending in "day" is a weekday misspelt ("Wensday", "Thurday")."""
    low = word.lower()
    return (
        low.endswith(("day", "days"))
        and low.isalpha()
        and any(difflib.SequenceMatcher(None, low.removesuffix("s"), day).ratio() >= 0.8 for day in _WEEKDAYS)
    )


def _houses_named(place: str) -> bool:
    """Whether a place is only the surnames of famous people that are no place, as a school names its houses
    after them ("Nightingale and Shackleton", "Brunel")."""
    words = re.split(r"\s*(?:,|\band\b|&)\s*", place)
    return all(
        re.fullmatch(r"(?-i:[A-Z])[a-z'’-]+", w) and fold(w) in FAMOUS_SURNAMES and not is_a_place(fold(w))
        for w in words
    )


def adults_only(text: str) -> bool:
    """Whether the post is about grown-ups only (a quiz night, stallholders, a job, old pupils): no pupil is there."""
    return _ADULTS_ONLY.search(text) is not None


def going_home(sentence: str) -> bool:
    """Whether the sentence has the pupils on their way back from the place it names ("on the way home from
    Kingswood and will be back in the school car park at 3:30"), not only heading back somewhere for lunch."""
    return _GOING_HOME.search(sentence) is not None and (
        re.search(r"\b(?:home|back)\s+from\b", sentence) is not None
        # "heading for the boat now and will be home by teatime": home itself
        or re.search(r"\bwill\s+be\s+(?:back\s+)?home\b|\bback\s+(?:on|to)\s+the\s+island\b", sentence)
        is not None
    )


# A thing of the pupils' on show, before the place it is in: "whose drawing of the bridge is in the M Shed".
_ON_SHOW = re.compile(
    r"\b(?:drawings?|paintings?|artwork|poems?|photos?|photographs?|models?|designs?|entry|entries|pictures?|"
    r"sculptures?|story|stories|work|pieces|ceramics|pots|prints)\b[^.!?]{0,80}\b(?:is|are)\s+(?:now\s+)?"
    r"(?:on\s+(?:display|show)\s+)?(?:in|at)\s+$"
)
_ON_SALE = re.compile(r"\b(?:go|goes|are|is)\s+on\s+sale\b|\bon\s+sale\s+from\b")
_A_TOPIC = re.compile(r"\b(?:learning|finding\s+out|reading|researching)\s+about\b")
_A_RESULT_WORD = re.compile(r"\b(?:win|victory|defeat|loss|draw)\b", re.I)
_A_SCORE = re.compile(r"\d+\s*[-–]\s*\d+")
_THANKS_FOR_WHAT_WAS_DONE = re.compile(
    r"\b(?:thanks?|thank\s+you|diolch)\b[^.!?]{0,60}\bfor\s+(?:hosting|having|welcoming|showing|"
    r"(?:our|the|a)\s+(?:[\w'’-]+\s+){0,4}?(?:visit|trip|tour|workshop))\b"
    # the audience thanked for coming: "Thank you to everyone who packed into St Michael's this evening"
    r"|\b(?:thanks?|thank\s+you)\s+(?:so\s+much\s+)?to\s+(?:everyone|everybody|all(?:\s+of\s+you|\s+those)?)\s+who\s+"
    r"(?:packed|came|joined|cheered|supported|turned\s+out|attended|filled|squeezed|braved|crammed)\b",
    re.I,
)


def _said_before(sentence: str) -> int | None:
    """Where the sentence has said that what follows is no whereabouts, read once for all its places: a topic
    learnt about (with no clock time or date), a result (with its score), or thanks for what was done."""
    ends = []
    if (topic := _A_TOPIC.search(sentence)) is not None and not (
        _CLOCK.search(sentence) or DATE.search(sentence)
    ):
        ends.append(topic.end())
    if (result := _A_RESULT_WORD.search(sentence)) is not None and _A_SCORE.search(sentence):
        ends.append(result.end())
    if (thanks := _THANKS_FOR_WHAT_WAS_DONE.search(sentence)) is not None:
        ends.append(thanks.end())
    return min(ends) if ends else None


def places_named(sentence: str) -> list[_Place]:
    """The places a sentence names (for the trained reader's rule, SP203)."""
    return _places(sentence)


# A season or the weather arriving, not pupils: "Autumn has arrived at Foyle Valley!", "Snow has come to Hollins Hill".
_SEASON_ARRIVED = re.compile(
    r"^\W*(?:autumn|spring|summer|winter|christmas|the\s+(?:snow|frost|sun|sunshine|rain|storm|wind)|snow|frost|sunshine)\s+"
    r"(?:has|have|is|'s)\s+(?:finally\s+|officially\s+|well\s+and\s+truly\s+|definitely\s+)?(?:arrived|here|come|landed|reached)\b",
    re.IGNORECASE,
)


# People by their full names: "Wilfred Owen and Siegfried Sassoon".
_BY_PEOPLE = re.compile(
    r"(?-i:[A-Z])[a-z]+\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?:and|&)\s+(?-i:[A-Z])[a-z]+\s+(?-i:[A-Z])[\w'’-]+)*"
)


def season_arrived(sentence: str) -> bool:
    """Whether the sentence has a season or the weather arriving ("Autumn has arrived at Foyle Valley!")."""
    return _SEASON_ARRIVED.search(sentence) is not None


def _places(sentence: str) -> list[_Place]:
    if season_arrived(sentence):
        return []
    found = []
    on_sale = _ON_SALE.search(sentence) is not None
    said_before = _said_before(sentence)
    for m in _PLACE.finditer(sentence):
        place = m.group("place")
        if re.search(
            r"\d+\s*[-–]\s*\d+\s+(?:(?:win|victory|defeat|loss|draw|thrashing)\s+)?(?:away\s+)?$",
            sentence[: m.start()],
        ):
            continue  # "3-0 to the Peregrines", "a 24-12 win at Clifton": a score
        if (
            re.fullmatch(r"#[A-Z][a-z]+", place)
            and m.group("prep") == "to"
            and is_ordinary_word(place[1:].lower())
        ):
            continue  # "learning to #Recycle properly": a word of a hashtag, not a place
        if _ON_SHOW.search(sentence[max(0, m.start() - 100) : m.end("prep") + 1]):
            continue  # "whose drawing of the bridge is in the M Shed children's exhibition": a thing on show
        if place.isupper() and is_ordinary_word(place.lower()):
            continue  # "The coach firm has let us down AGAIN": a word in capitals, not a place
        if said_before is not None and said_before <= m.start():
            # "are learning about Randolph Turpin, the boxing champion from ... Leamington": a topic; "Gr8 win for the
            # #U12 footballers at Pentrehafod this afternoon, 4-1!": a result; "Diolch to @SwanseaUni for hosting our
            # Year 12 physicists at the Bay Campus labs today": done
            continue
        if on_sale:
            continue  # "Tickets for the choir concert at the Pavilion Theatre go on sale on Monday": a sale's date
        if m.group("prep") == "by" and _BY_PEOPLE.fullmatch(place) and not re.search(_VENUE_NOUN, place):
            from safepost.policy.names import first_name_lexicon

            if fold(place.split()[0]) in first_name_lexicon():
                continue  # "war poetry by Wilfred Owen and Siegfried Sassoon": the poets, not a place beside
        if m.group("prep") == "in" and re.search(
            r"\bfrom\s+(?:[A-Z][\w'’-]*\s+){1,3}$", sentence[: m.start()]
        ):
            continue  # "all the way from Plovdiv in Bulgaria": where somebody comes from
        if re.fullmatch(
            r"(?:the\s+)?(?:[A-Z][\w'’-]*\s+)+(?:Road|Lane|Street|Avenue|Drive|Close|Way|Walk)", place
        ) and (re.match(r"\s+(?:gate|gates|entrance|car\s+park)\b", sentence[m.end() :])):
            continue  # "on the Mount Road gate until 8:50": the school's own gate, by the road it opens on
        if m.group("prep") in ("on", "off") and re.search(
            r"\b(?:gate|gates|entrance|door|doors|car\s+park)\s+$",
            sentence[max(0, m.start() - 20) : m.start()],
        ):
            continue  # "the small gate on Elm Walk": where the school's own gate is
        if (
            m.group("prep") == "on"
            and re.search(
                r"\b(?:paid|pay|paying|payable|book|booked|booking|order|ordered|ordering|apply|applied|applying|"
                r"sign\s+up|signed\s+up|signing\s+up|available|log\s+in|logged\s+in|logging\s+in|submit|submitted|"
                r"upload|uploaded|uploading|posted|shared|sent\s+out)\s+(?:\w+\s+)?$",
                sentence[max(0, m.start() - 30) : m.start()],
            )
            and not re.search(_VENUE_NOUN, m.group("place"))
        ):
            continue  # "lunch money must be paid on ParentPay", "book on Arbor": an online system
        if m.group("prep") in ("on", "in", "at", "near", "outside", "along") and re.search(
            r"\b(?:leak|fire|accident|incident|roadworks|works|closure|resurfacing|repairs|flooding|flood|burst\s+(?:water\s+)?main|water\s+main|"
            r"collision|"
            r"crash|power\s+cut|outage|break-in|blockage|diversion|breakdown|spillage|emergency)\s+$",
            sentence[max(0, m.start() - 30) : m.start()],
            re.IGNORECASE,  # "Flooding on Seamer Road means ..."
        ):
            continue  # "Due to a gas leak on Jubilee Road, school will close at 1pm": the leak's place
        if re.match(
            r"\s+(?:has|have|is|are)\s+(?:now\s+)?(?:flooded|closed|blocked|shut|impassable)\b",
            sentence[m.end() :],
        ):
            continue  # "the road at Chapel Bridge has flooded": where the road is shut
        if re.search(r"['’]s?$", place) and re.match(
            r"\s+(?:[\w-]+\s+){0,2}?(?:stories|story|books?|novels?|poems?|poetry|songs?|music|recipes?|films?|"
            r"illustrations|paintings|art|artwork|series|characters|plays?)\b",
            sentence[m.end() :],
        ):
            continue  # "loving Holly Webb's animal stories": a writer's work, not a place
        if (
            m.group("prep") == "on"
            and re.match(r"^(?:their|our|the|a|an)\s+(?-i:[a-z])[\w-]+$", place)
            and re.match(r"\s+(?:trip|visit|outing|day|residential|excursion)\b", sentence[m.end() :], re.I)
        ):
            continue  # "Year 8 are off on their farm trip this morning": the kind of trip, not where it is
        if _KIND_OF_TRIP.fullmatch(place) and re.match(
            r"\s+(?:trip|visit|outing|day|walk)\b", sentence[m.end() :], re.IGNORECASE
        ):
            continue  # "Museum trip tomorrow for Otter Class!": which museum is not said
        if m.group("prep") in ("at", "At") and re.search(
            r"\b(?:staff|everyone|everybody|all\s+of\s+us|us\s+all|team|teachers|governors|community|family)\s+$",
            sentence[max(0, m.start() - 25) : m.start()],
            re.IGNORECASE,
        ):
            continue  # "Merry Christmas from all the staff at Harbourside": the school itself
        if re.search(r"(?-i:[A-Z])[\w'’]*\s+$", sentence[max(0, m.start() - 20) : m.start()]) and re.match(
            r"\s+of\s+(?:the\s+)?(?-i:[A-Z])", sentence[m.end() :]
        ):
            continue  # "The Boy at the Back of the Class is flying off the shelves": a title in capitals
        if re.match(
            r"\s+(?:page|web\s*page|website|site|portal|app|channel|account|feed|blog|noticeboard|newsletter)\b",
            sentence[m.end() :],
            re.IGNORECASE,
        ):
            continue  # "all the details are on the CCF page": a page to read, not a place
        if m.group("prep") in ("to", "from") and re.search(
            r"\b(?:migration|immigration|emigration|evacuation|evacuees|evacuated|emigrated|migrated)\s+(?:from\s+\S+\s+)?$",
            sentence[max(0, m.start() - 40) : m.start()],
            re.IGNORECASE,
        ):
            continue  # "our exhibition on migration to Bradford": the topic's place
        if m.group("prep") in ("to", "in", "into") and re.search(
            r"\b(?:commute|commutes|commuting|commuted|commuter|commuters|lives|moved)\s+$",
            sentence[max(0, m.start() - 12) : m.start()],
            re.IGNORECASE,
        ):
            continue  # "our families who commute to Bristol and Bath": where grown-ups work or live, no outing
        if re.search(
            r"\b(?:school|club|church|centre|library|shop|mosque|temple|gurdwara|group|academy|nursery)\s+$",
            sentence[max(0, m.start() - 12) : m.start()],
            re.IGNORECASE,
        ) and re.match(
            r"\s+(?:is|are)\s+(?:now\s+)?(?:looking|recruiting|seeking|appealing|asking|hoping|welcoming|taking\s+bookings)\b",
            sentence[m.end() :],
        ):
            continue  # "The Polish Saturday school on Melton Road is looking for new pupils": where a place is, no outing
        if m.group("prep") == "on" and re.fullmatch(
            r"(?:the\s+)?(?:governing\s+body|board|committee|council|panel|team|squad|rota|register|list|waiting\s+list)",
            place,
            re.IGNORECASE,
        ):
            continue  # "our Year 12 representative on the governing body": a body one belongs to, not a place
        if re.match(r"\s+in\s+Need\b", sentence[m.end() :]):
            continue  # "a £1 donation to Children in Need": the appeal
        if re.match(
            r"\s+the\s+(?:[a-z]+\s+)?(?:dog|cat|pony|horse|rabbit|hamster|tortoise|owl|guinea\s+pig|parrot|lamb)\b",
            sentence[m.end() :],
        ):
            continue  # "and to Bella the therapy dog, who will be visiting": an animal, not a place
        if sentence[: m.start()].count("'") % 2 == 1 and re.search(r"(?:^|\s)'\w", sentence[: m.start()]):
            continue  # inside a title in quotes: "opened with 'Lean On Me'"
        if m.start() > 0 and sentence[m.start() - 1] in "'‘\"“":
            continue  # "read 'In Flanders Fields' at our Remembrance service": a title in quotes
        if re.search(
            # (not "will be based at the Savannah Beach Club until the 12th": where the squad stays)
            r"(?i:\b(?:born|on\s+display|displayed|exhibited|hanging|shown|set|(?<!\bbe\s)based|filmed|written|painted|made|grown|"
            r"produced|printed|found|lost|dropped|discovered|washed\s+up)\s+$)",
            sentence[max(0, m.start() - 20) : m.start()],
        ):
            continue  # "who was born in Warsaw", "a story set in Paris": not where the pupils are
        if re.search(
            r"(?i:\b(?:born|grew\s+up|brought\s+up|raised)\b)[^.!?,;]{0,30}$", sentence[: m.start()]
        ):
            continue  # "Roald Dahl, who was born just down the road in Llandaff"
        if _OTHERS_THERE.search(sentence[max(0, m.start() - 30) : m.start()]):
            continue  # "how farmers in Malawi are coping": other people's place
        if _EARLIER_OUTING.search(sentence[: m.start()] + m.group("prep")):
            continue  # "learning about the farm from our visit to Reaseheath Farm": a visit that is over
        if m.group("prep") == "into" and re.search(
            r"\b(?:digging|delving|looking|research(?:ing)?|inquiry|enquiry)\s+$",
            sentence[max(0, m.start() - 20) : m.start()],
        ):
            continue  # "Year 9 historians are digging into Owain Glyndŵr's rebellion": a topic
        if m.group("prep") in ("in", "In", "at", "on") and re.search(
            r"\b(?:learning|learn|learnt|learned|finding\s+out|studying|topic|letters?|writing|wrote|campaign|campaigning|"
            r"petition|arguments?)\s+(?:[\w-]+\s+){0,4}?about\b[^.!?;]{0,60}$",
            sentence[: m.start()],
        ):
            continue  # "learning about the Romans in Chester this term": the topic's place
        if m.group("prep") == "to" and re.search(
            r"\b(?:about|learning|studying|topic)\b[^.!?;]{0,100}\bfrom\s+(?-i:[A-Z])[^.!?;]{0,60}$",
            sentence[: m.start()],
        ):
            continue  # "learning about a Black Briton, from Mary Seacole and Walter Tull to Benjamin Zephaniah": a range
        if m.group("prep") == "on" and re.search(
            r"\b(?:take|takes|taking|took|taken)\s+$|\b(?:learning|learn|learnt|learned|finding\s+out|"
            r"studying|researching|research|topic|project|projects|work|book|books|documentary|talk|lesson|"
            r"lessons|focus|focusing|focussing)\b[^.!?;:]{0,40}$",
            sentence[: m.start()],
        ):
            continue  # "take on Carnforth North Road", "a project on Morecambe's Winter Gardens": no place
        if m.group("prep") == "by" and re.search(
            r"\b(?:be|been|being|is|are|was|were)\s+(?:\w+ly\s+)?(?:\w+ed|built|made|run|led|given|written|taught|"
            r"held|hosted|chosen|seen|done|won|beaten|sung|drawn|grown|read)\s+$",
            sentence[: m.start()],
        ):
            continue  # "is going to be built by the PTA": who does it, not where
        if m.group("prep") == "to" and re.search(
            r"\bat\s+home\s+$", sentence[max(0, m.start() - 10) : m.start()]
        ):
            continue  # "the U14s at home to Cheltenham Ladies' College": the visitors come to us
        if m.group("prep") == "to" and re.search(
            r"\b(?:ranging|range|placements?|everything|anything|all\s+sorts|jobs|roles)\s+from\b[^.!?;:]{0,80}$",
            sentence[: m.start()],
        ):
            continue  # "placements from vets' surgeries ... to Telford & Wrekin Council": a range, not a trip
        if m.group("prep") == "to" and re.search(
            r"\b(?:forward|welcome|thanks|thank\s+you|luck|congratulations|congrats|done|farewell|goodbye|hello)\s+$"
            # a charity given to: "for a £1 donation to Trócaire", "all proceeds go to Mind"
            r"|\b(?:donations?|donated|donating|donate|proceeds\s+(?:go|will\s+go|went)|£\d+(?:\.\d\d)?)\s+$"
            # a title: "reading extracts from Long Walk to Freedom", "Journey to the River Sea"
            r"|(?<!^)(?<![.!?]\s)\b(?-i:Walk|Journey|Road|Return|Way|Guide|Ticket|Voyage|Passage|Flight|Escape|"
            r"Letters?|Postcards?|Gateway|Stairway|Highway|Welcome|Back)\s+$"
            # somebody read or spoken to: "read a whole chapter of The Hodgeheg to Bramble this afternoon"
            r"|\b(?:read|sang|told|gave|showed|presented|handed|explained|introduced|waved|spoke|talked|chatted|"
            r"return|returned|give|hand|pass)\b"
            r"[^,.;!?]{0,60}$",
            sentence[: m.start()],
            re.IGNORECASE,
        ):
            continue  # "looking forward to Teddy Bears' Picnic day": an event, not a place
        if m.group("prep") == "by" and re.search(
            r"\b(?:judged|led|run|hosted|presented|organised|organized|opened|written|sung|played|performed|coached|"
            r"taught|donated|made|baked|painted|drawn|designed)\s+$",
            sentence[: m.start()],
            re.IGNORECASE,
        ):
            continue  # "a dog show judged by Bramble's handler": who does it, not where
        if (
            m.group("prep") == "by"
            and _AUTHOR.fullmatch(place)
            and not any(w.lower() in PLACE_WORDS for w in place.split())
        ):
            continue  # "Holes by Louis Sachar": a writer, not a place
        # "in the BBC Bristol newsroom" is a place, though "on BBC Radio" is not
        newsroom = (
            _BROADCASTER.match(place) is not None and _NEWSROOM_AFTER.match(sentence, m.end()) is not None
        )
        if (
            not newsroom
            and (
                _ON_SITE.match(place)
                or _NOT_PLACES.match(place)
                or _CLASS_AFTER.match(sentence, m.end())
                or (
                    _EVENT_AFTER.match(sentence, m.end())
                    and not any(w.lower() in PLACE_WORDS for w in place.split())  # "the Town Hall concert"
                    and not re.search(r"['’]s\b", place)  # "the Minster's Christmas concert": a place's event
                )
                or (_TITLED.match(place) and not any(w.lower() in PLACE_WORDS for w in place.split()[2:]))
            )
        ):
            continue
        bare = re.sub(r"^(?:the\s+)?[#@]?", "", place)
        if _houses_named(bare):
            continue  # "the houseparents in Nightingale and Shackleton": the school's houses
        if _PHASE.fullmatch(bare) and (place != bare or _SITE_AFTER.match(sentence, m.end())):
            continue  # "from the Primary office", "into the Secondary car park": an all-through school's own site
        if re.search(r"\b(?-i:Assembly|Service|Mass|Worship|Evensong)$", bare):
            continue  # "reading her own poem in Celebration Assembly": the school's assembly
        if _COUNTRY.fullmatch(bare) and not (
            DATE.search(sentence) or _CLOCK.search(sentence) or _DAY.search(sentence)
        ):
            continue  # "having a brilliant time in Wales!": a whole country, and no day, is no place to find anybody
        named = bare[:1].isupper() or bool(re.match(r"[a-z]+(?:\s+[a-z]+)?\s+of\s+(?:the\s+)?[A-Z]", bare))
        if named and re.fullmatch(
            r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*(?:day|dy|ay|da)s?|(?:Mon|Tues?|Weds?|Thu|Thur|Thurs|Fri|Sat|Sun))"
            r"(?:\s*(?:,|and|&)\s*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*(?:day|dy|ay|da)s?|(?:Mon|Tues?|Weds?|Thu|Thur|"
            r"Thurs|Fri|Sat|Sun)))*",
            bare,
        ):
            continue  # "on Wedensday", "on Thurs": a day, misspelt or cut short (not "Colomendy")
        if named and _a_misspelt_day(bare):
            continue  # "The first paper is on Wensday morning": a day, misspelt
        if not named and _NOT_A_SPOT.search(bare) and not _BUS_ROUTE.fullmatch(bare):
            continue
        if not named and re.match(r"an?\s", bare) and not _NAMED_AFTER.match(sentence, m.end()):
            continue  # "share their work in a class museum": no particular place, unless "a farm near Chester"
        public = not named and (bool(_PUBLIC_VENUE.search(bare)) or bool(_BUS_ROUTE.fullmatch(bare)))
        start = m.start("place") if m.group("prep") == ":" else m.start()  # the colon ends a clause
        found.append(_Place(start, m.end(), place, named, public, spot=bool(m.group("generic"))))
    if (head := _RESIDENTIAL_HEAD.match(sentence)) is not None and not _NOT_PLACES.match(head.group("place")):
        # "Whitby YHA from Monday 8th to Wednesday 10th June": a residential's centre and its dates
        found.append(_Place(head.start("place"), head.end("place"), head.group("place"), named=True))
    for m in _RESIDENTIAL_COLON.finditer(sentence):
        if not _NOT_PLACES.match(m.group("place")) and not any(
            p.start <= m.start("place") < p.end for p in found
        ):
            found.append(_Place(m.start("place"), m.end("place"), m.group("place"), named=True))
    for m in _BOOKED.finditer(sentence):
        if not _NOT_PLACES.match(m.group("place")) and not re.match(
            r"(?i:year|class|the|our|it|this)\b", m.group("place")
        ):
            found.append(_Place(m.start("place"), m.end("place"), m.group("place"), named=True))
    for m in _VENUE_HANDLE.finditer(sentence):
        if re.search(
            r"\b(?:welcome|welcoming|welcomed)\s+(?:back\s+)?$",
            sentence[max(0, m.start() - 20) : m.start()],
            re.I,
        ):
            continue  # "A warm welcome back to @MoysesHallMuseum, who are running sessions": visitors to the school
        # "Year 3 are off to @WorldMuseumLiv on Thursday": a venue's own account as the place
        if not any(p.start <= m.start("place") < p.end for p in found):
            found.append(_Place(m.start(), m.end(), m.group("place"), named=True))
    if (their := _THEIR_GROUND.search(sentence)) is not None and (
        opponent := _OPPONENT.search(sentence)
    ) is not None:
        # "fixture tomorrow v Upton High has moved to their place": the other school is the place
        found.append(_Place(their.start(), their.end(), opponent.group("team"), named=True))
    for m in _PLACE_BEFORE_TRIP.finditer(sentence):
        if _NOT_PLACES.match(m.group("place")):
            continue  # "the Hawking Class residential": a class's trip, not a place
        if _KIND_OF_TRIP.fullmatch(m.group("place")):
            continue  # "Museum trip tomorrow for Otter Class!": which museum is not said
        if re.match(
            r"\s+(?:forms?|letters?|payments?|deposits?|kit\s+lists?|information|meeting|evening|money)\b",
            sentence[m.end() :],
        ):
            continue  # "return the Year 6 Robinwood residential forms by Friday": paperwork
        if not any(p.start <= m.start() < p.end for p in found):
            found.append(_Place(m.start(), m.end("place"), m.group("place"), named=True))
    return found


# A venue given only as a hashtag: "#MartinMere", "#ChesterZoo", "#FormbyBeach".
_VENUE_TAG = re.compile(
    r"(?<![\w#])#(?P<words>(?:[A-Z][a-z]+){0,3}(?:Zoo|Park|Castle|Museum|Farm|Beach|Mere|Lake|Abbey|Aquarium|Pier|"
    r"Gardens|Forest|Woods|Bay|Sands|Falls|Reserve|Wetlands|Centre|Center|Stadium|Arena|Theatre|Cathedral|Palace|"
    r"Caves|Island|Point|Head|Moor|Fell|Valley|Quay|Docks|Dock|Harbour|Lido|Baths|Planetarium|Observatory))\b"
)


# A live update's arrival: "Arrived! ... #Robinwood", "Made it! #Llandudno".
_ARRIVED = re.compile(
    r"^\W*(?:we['’]ve\s+|we\s+have\s+|they['’]ve\s+)?(?:just\s+|safely\s+|finally\s+)?(?:arrived|made\s+it|landed)\b"
    r"|\b(?:hello|greetings|waves?)\s+from\b",
    re.IGNORECASE,
)
_PIN = re.compile(r"📍\s*(?:[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*){0,3}")
_ONE_WORD_TAG = re.compile(r"(?<![\w#])#(?P<word>[A-Z][a-z]{4,})\b(?![\w-])")


def _venue_tags(text: str, known: frozenset[str] | set[str] = frozenset()) -> list[_Place]:
    """Venues named only in a hashtag, as places a sentence of the post may put pupils at.

    A hashtag of one word that no list knows is read as the venue of a live update's arrival
    ("Arrived! ... #Robinwood"), never otherwise (#Diwali is no place). ``known``: folded words
    that are the school's own (its name, its classes).
    """
    tags = [_Place(m.start(), m.end(), m.group(0), named=True) for m in _VENUE_TAG.finditer(text)]
    # "📍 Crosby Beach. Osprey Class are sketching the Iron Men until the coach comes at 2."
    tags += [_Place(m.start(), m.end(), m.group(0), named=True) for m in _PIN.finditer(text)]
    if _ARRIVED.search(text):
        from safepost.policy.names import first_name_lexicon, is_ordinary_word

        for m in _ONE_WORD_TAG.finditer(text):
            key = fold(m.group("word"))
            if not is_ordinary_word(key) and key not in first_name_lexicon() and key not in known:
                tags.append(_Place(m.start(), m.end(), m.group(0), named=True))
    return tags


class TripWhereabouts(Rule):
    """Where pupils are or will be, at a time a stranger could act on.

    What it flags:
        A sentence that is happening now or will happen (its tense: "are
        having", "will be", "this Saturday", "look out for us") and puts pupils
        (a year group, a class, a team, "we", "you", an event of theirs) at an
        off-site place with a time: a clock time ("at 2pm", "from 10:30"), a
        day or dates ("on Friday", "Monday 1st to Friday 5th June"), or "now"
        for a live update from a named venue. The place is a named one, a
        public venue in lower case ("the leisure centre"), or, once a post is
        about a trip, a spot at the venue ("the shark tunnel"). Each clause is
        read for who it is about: "it's going to be built by the pond next week"
        is about a thing. Past-tense trip reports, the journey home, and events
        in the school hall or on the playground are fine. A hospital school's
        post that puts one child the sentence names or singles out on a named
        ward ("Well done Oscar on Kestrel Ward") is flagged whatever its time:
        where a child is being treated is where to find them; the ward's group
        lesson is not. A live update that names only a town, a county or a
        region, with no spot in it and no clock time ("Year 12 are in London
        today"), gives a stranger nowhere to go and is not flagged.

    Why it matters:
        NNF-11: trip updates must not say "where children will be at a
        specific time", which could let a stranger find them. The same
        safeguarding risk applies to every school, so every preset blocks it.

    Example:
        Year 4 are at Chester Zoo until 2pm today, with lunch by the lake at 12:30.

    Use instead:
        Year 4 had a brilliant day at Chester Zoo. The giraffes were the highlight!
    """

    code = "SP202"
    name = "trip-whereabouts"
    category = "trip-whereabouts"

    def setting(self, policy: Policy) -> str:
        return policy.pupils.trip_whereabouts

    def check(self, ctx: Context) -> Iterator[Finding]:
        spans: list[tuple[int, int]] = []
        for f in self._findings(ctx):
            # one finding for one stretch of text: "... in the town square on Friday from 5.45pm. Come and
            # find us!" is found in its own sentence and again with the invitation after it
            if not any(f.start < e and s < f.end for s, e in spans):
                spans.append((f.start, f.end))
                yield f

    def _findings(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.reading.text
        if adults_only(text):
            return  # an evening for parents at the secondary school: no pupil is there
        if roadworks_notice(text):
            return  # "Grove Road will be closed ... buses will be diverted along Chapel Road": traffic, not pupils
        sentences = [(a, b, text[a:b]) for a, b in ctx.reading.sentence_bounds]
        all_places = [(i, p) for i, (_a, _b, s) in enumerate(sentences) for p in _places(s)]
        classes = ctx.roster.class_names
        school = frozenset(fold(w) for w in re.findall(r"[\w'’]+", ctx.policy.school.name)) - _SCHOOL_WORDS
        tags = _venue_tags(text, school | classes)
        on_trip = (
            any(p.named for _i, p in all_places)
            or bool(_TRIP_WORDS.search(text))
            or bool(tags)
            or _PLACE_UPDATE.match(text)
            is not None  # "Robinwood update: Falcon Class are on the climbing wall now"
        )
        people = SpanIndex(
            [(m.nstart, m.nend) for m in ctx.people.mentions if m.kind in ("pupil", "adult")]
            + [(r.nstart, r.nend) for r in ctx.people.roles]
        )
        first_subject = _subject(text, classes)
        person_names = {text[m.nstart : m.nend] for m in ctx.people.mentions if m.kind in ("pupil", "adult")}
        # a child the post names is a subject too: "Ruby in 10R starts her placement at ... on Monday"
        pupils_named = [
            m.nstart
            for m in ctx.people.mentions
            if m.is_pupil and not (m.surname or m.first).possessive  # not "Tomos Bright's bug hotel"
        ] + [r.nstart for r in ctx.people.roles]
        by_sentence: dict[int, list[_Place]] = {}
        for j, p in all_places:
            by_sentence.setdefault(j, []).append(p)
        if all_places:
            # a venue tag stands in for the place only where the post names none; a pin always
            tags = [t for t in tags if t.text.startswith("📍")]
        wards_named = _HOSPITAL_WARD.search(text) is not None or any(
            _ON_A_WARD.match(s) for _a, _b, s in sentences
        )
        for i, (a, b, sentence) in enumerate(sentences):
            if wards_named:
                ward = self._child_on_a_ward(ctx, sentence, a, b)
                if ward is not None:
                    yield ward
                    continue
            places = [
                p
                for p in by_sentence.get(i, [])
                # a hospital ward, a place only for the one child the sentence names (above)
                if not (wards_named and _WARD_NAME.fullmatch(re.sub(r"^(?:the\s+)?", "", p.text)))
                and (p.named or p.public or on_trip)
                and not _is_person(text, people, a + p.start, a + p.end)
                and not _a_class(p.text, ctx.roster.class_names)  # "visiting Seedlings"
                and not _the_school_itself(p.text, school)  # "back at Courtney at about 3pm"
                # "The Kestrel Class nativity at Clough Lane is on Tuesday at 2pm in the school hall": an
                # event in the school's own hall names the school (one of a trust's), not a venue
                and not (p.named and not p.public and _IN_THE_SCHOOL_HALL.search(sentence))
                and re.sub(r"^the\s+", "", p.text)
                not in person_names  # "goes to Ronnie Street for his manners"
            ]
            across = self._across_two(i, sentences, by_sentence, classes) if i > 0 else None
            if across is not None:
                place, when, at_place, at_when = across
                start, end = (
                    min(at_place + place.start, at_when + when.start()),
                    max(at_place + place.end, at_when + when.end()),
                )
                yield self._finding(ctx, start, end, place, when, Tense.FUTURE, on_trip)
                continue
            if not places and tags and not sentence.lstrip().startswith("#"):
                # "Seacole Class are pond dipping until 2pm ... #MartinMere": the venue is the tag
                places = [_Place(t.start - a, t.end - a, t.text, named=True) for t in tags]
            if not places:
                continue
            invited = (
                _LOOK_OUT.search(sentence) if i > 0 and any(p.named or p.public for p in places) else None
            )
            if invited is not None and not (
                _CLOCK.search(sentence) or DATE.search(sentence) or _DAY.search(sentence)
            ):
                # "... are all over town this week. Look out for them at Boots and the Town Hall!"
                a0, _b0, before = sentences[i - 1]
                week = (
                    _DAY.search(before)
                    or DATE.search(before)
                    or _CLOCK.search(before)
                    or re.search(r"\b(?:this|next)\s+week\b", before, re.IGNORECASE)
                )
                if week is not None and sentence_tense(before) is not Tense.PAST:
                    spot = next(p for p in places if p.named or p.public)
                    yield self._finding(ctx, a0 + week.start(), a + spot.end, spot, week, Tense.NOW, on_trip)
                    continue
            tense = sentence_tense(sentence)
            if tense is Tense.NONE and _ALL_BACK.search(text):
                continue  # "Gr8 fun at the Quarry Bank trip today! Everyone back safe": the trip is over
            if tense is Tense.NONE and self._told_after(sentences, i):
                # "Amber and Hope read The Gruffalo to the Nursery class at St Anne's Primary today. Our little
                # listeners didn't want them to leave!": the post goes on in the past, so the visit is over
                continue
            # A sentence with no verb of time still gives one with a clock time, a date or a day
            # ("Our Year 6 residential to Kingswood is from Monday 8th to Wednesday 10th June").
            if tense is Tense.PAST or (
                tense is Tense.NONE
                and not (_CLOCK.search(sentence) or DATE.search(sentence) or _DAY.search(sentence))
            ):
                continue
            # the pupils named earlier, or, in a trip's itinerary with clock times, anywhere in the post
            # ("🚌 9:00 leave school ➡️ 12:30 lunch in Grosvenor Park ... Badger Class, see you tomorrow!")
            earlier = (
                first_subject is not None
                and (first_subject.start() < a or (on_trip and _CLOCK.search(sentence) is not None))
            ) or (
                # an itinerary's next item on a trip the post is about: "Check-in done at the Row NYC ... Dinner
                # at 6:30 in Times Square."
                on_trip
                and _ITINERARY_ITEM.match(sentence) is not None
                and _CLOCK.search(sentence) is not None
            )
            named = [s - a for s in pupils_named if a <= s < b]
            found = self._whereabouts(sentence, places, tense, earlier, on_trip, classes, named)
            if found is None:
                continue
            place, when, at = found
            start = a + min(place.start, at + when.start())
            end = a + max(place.end, at + when.end())
            yield self._finding(ctx, start, end, place, when, tense, on_trip)

    @staticmethod
    def _told_after(sentences: list[tuple[int, int, str]], i: int) -> bool:
        """Whether the next few sentences after sentence ``i`` tell of it in the past, and none in the present or the
        future."""
        after = [sentence_tense(s) for _a, _b, s in sentences[i + 1 : i + 4] if re.search(r"\w", s)]
        return bool(after) and Tense.PAST in after and not any(t in (Tense.NOW, Tense.FUTURE) for t in after)

    def _child_on_a_ward(self, ctx: Context, sentence: str, a: int, b: int) -> Finding | None:
        """A child the sentence names or singles out, on a hospital ward it names: "Well done Oscar on Otter Ward,
        who wrote his first sentence", "Zara Begum from Otter Ward has finished her times tables". A hospital
        school's posts about a ward's group ("Bedside maths on Otter Ward this morning") place no one child."""
        ward = next(
            (
                w
                for w in _ON_A_WARD.finditer(sentence)
                if not _TITLE_OR_NAME_BEFORE_WARD.search(w.group("ward"))
                and not ctx.roster.is_full_name(fold(w.group("ward").split()[0]), "ward")
            ),
            None,
        )
        if ward is None or _LEFT_THE_WARD.search(sentence):
            return None  # "Callum went home yesterday": no longer there
        child = [
            m
            for m in ctx.people.mentions
            if m.is_pupil
            and a <= m.nstart < b
            and not (ward.start("ward") <= m.nstart - a < ward.end("ward"))
        ]
        roles = [r for r in ctx.people.roles if a <= r.nstart < b]
        if not child and not roles:
            return None
        start = min([m.nstart for m in child] + [r.nstart for r in roles] + [a + ward.start("ward")])
        end = max([m.nend for m in child] + [r.nend for r in roles] + [a + ward.end("ward")])
        shown = ward.group("ward")
        return self.finding(
            ctx,
            start,
            end,
            f'This says which hospital ward a child is on ("{shown}"); where a child is being treated is '
            "private to the family, and a stranger could use it to find them.",
            suggestion='Celebrate the ward\'s children together ("Brilliant reading on the ward today!") and '
            "share one child's news with their family.",
            trace=(
                f'pupils.trip_whereabouts = "{ctx.policy.pupils.trip_whereabouts}"',
                f"hospital ward: {shown}",
                "a child the sentence names or singles out",
            ),
        )

    @staticmethod
    def _across_two(
        i: int,
        sentences: list[tuple[int, int, str]],
        by_sentence: dict[int, list[_Place]],
        classes: frozenset[str] | set[str] = frozenset(),
    ) -> tuple[_Place, re.Match[str], int, int] | None:
        """A place in one sentence and its time, with the pupils, in the next.

        "Our Harvest Fayre is this Saturday from 11 on the village green. Year 6 are running the
        tombola ... come and find us!" (an invitation after the place and time); "The Year 6
        residential to Anglesey is only a week away! We leave on Monday 11th May at 9am" (a trip's
        place, then the day it leaves); a greeting from a named place, then what the class is doing
        there now ("Good morning from Kingswood Colomendy! Falcon Class are zip-wiring first").
        """
        j = i - 1
        while j > 0 and not re.search(r"\w", sentences[j][2]):
            j -= 1  # over an emoji of its own: "... to Condover Hall! 🚌 Coach leaves at 8:45 on Monday"
        a0, _b0, before = sentences[j]
        a, _b, sentence = sentences[i]
        earlier = [
            p for p in by_sentence.get(j, []) if (p.named or p.public) and not _a_class(p.text, classes)
        ]
        if not earlier or sentence_tense(before) is Tense.PAST:
            return None
        when_before = _CLOCK.search(before) or DATE.search(before) or _DAY.search(before)
        if _LOOK_OUT.search(sentence) and not by_sentence.get(i) and when_before is not None:
            return earlier[0], when_before, a0, a0
        if (
            when_before is None
            and (_TRIP_WORDS.search(before) or _BOOKED.search(before) or _COUNTDOWN.search(before))
            and any(p.named for p in earlier)
            and _LEAVE.search(sentence)
            and (leaves := DATE.search(sentence) or _DAY.search(sentence)) is not None
        ):
            return next(p for p in earlier if p.named), leaves, a0, a
        if (
            _COUNTDOWN.search(before)
            and any(p.named for p in earlier)
            and not by_sentence.get(i)
            and (days := _DATES_ALONE.match(sentence)) is not None
        ):
            # "just one week until Llangrannog! Monday 8th to Wednesday 10th June."
            return next(p for p in earlier if p.named), days, a0, a
        greeting = _GREETING_FROM.match(before)
        if (
            greeting is not None
            and any(p.named for p in earlier)
            and not by_sentence.get(i)
            and _subject(sentence, classes) is not None
            and sentence_tense(sentence) in (Tense.NOW, Tense.FUTURE)
            # (not a town that names the trip: "Good morning from the Year 12 London trip! Everyone's on the coach")
            and not (
                _named_by_its_town(before, [p for p in earlier if p.named])
                and _CLOCK.search(before) is None
                and _CLOCK.search(sentence) is None
            )
        ):
            return next(p for p in earlier if p.named), greeting, a0, a0
        return None

    def _finding(
        self,
        ctx: Context,
        start: int,
        end: int,
        place: _Place,
        when: re.Match[str],
        tense: Tense,
        on_trip: bool,
    ) -> Finding:
        return self.finding(
            ctx,
            start,
            end,
            f'This says where pupils are or will be ("{place.text}", "{when.group(0).strip()}"); '
            "a stranger could use it to find them.",
            suggestion='Share the trip afterwards, in the past tense ("Year 4 had a brilliant day at '
            'the zoo"), or leave out the place and the time.',
            trace=(
                f'pupils.trip_whereabouts = "{ctx.policy.pupils.trip_whereabouts}"',
                f"place: {place.text}",
                f"time: {when.group(0).strip()}",
                f"tense: {tense}",
                "trip context" if on_trip else "named place",
            ),
        )

    def _whereabouts(
        self,
        sentence: str,
        places: list[_Place],
        tense: Tense,
        earlier: bool,
        on_trip: bool,
        classes: frozenset[str] | set[str] = frozenset(),
        named: list[int] | None = None,
    ) -> tuple[_Place, re.Match[str], int] | None:
        """The place and the time a sentence puts pupils at, if it does, and where in the sentence the
        time's match starts counting (a time found in a clause is counted from the clause's start).

        ``earlier``: an earlier sentence of the post names pupils, whom a trip post's later
        sentences may go on about without naming them again.
        """
        clauses = _clauses(sentence)
        subject_carried = on_trip and earlier
        in_sentence = _subject(sentence, classes)
        sentence_when = (
            _CLOCK.search(sentence)
            or DATE.search(sentence)
            or _DAY.search(sentence)
            or FUTURE_TIME.search(sentence)
        )
        now_words = _NOW_WORDS.search(sentence) if tense in (Tense.NOW, Tense.FUTURE) else None
        for c_start, c_end in clauses:
            clause = sentence[c_start:c_end]
            # (a venue hashtag outside the sentence belongs to each of its clauses)
            c_places = [p for p in places if c_start <= p.start < c_end or not 0 <= p.start < len(sentence)]
            if (
                not c_places
                or _GOING_HOME.search(clause)
                or _CALLED_OFF.search(sentence)
                or _THINGS_NOW.search(clause)
            ):
                continue
            if _GOING_HOME.search(sentence[:c_start]) and re.match(
                r"\s*(?:and\s+)?(?:should|will|expect|hope)", clause
            ):
                continue  # "Both coaches are heading home and should reach Ashwell by 4:15": home, to school
            subject = _subject(clause, classes)
            adult_event = _ADULT_EVENT.search(sentence)
            if adult_event is not None and (
                subject is None
                # "Our phonics workshop for Meithrin and Derbyn parents is on Thursday at 9:15": the event is the subject
                or (
                    adult_event.start() < c_start + subject.end()
                    and c_start + subject.start() < adult_event.end()
                )
                or not any(p.start >= c_start and _CLOCK.search(clause) for p in c_places)
            ):
                # "residential to Colomendy: the parents' evening will be in the hall at 5pm";
                # "our phonics workshop for parents is on Thursday at 9:15 in the Cabin"
                continue
            if _ONLINE.search(clause):
                continue  # "live on a video call with a scientist at the British Antarctic Survey"
            if tense is not Tense.FUTURE and re.search(
                r"\bthrough\s+to\s+the\b[^.!?]*\bafter\s+(?:\w+\s+){0,2}(?:wins?|victor(?:y|ies)|draws?)\b",
                clause,
                re.I,
            ):
                continue  # "through to the Sunderland final after three wins and a draw at Silksworth": a result
            if tense is not Tense.FUTURE and _RESULTS.match(clause):
                continue  # "Two wins and a draw for our S1 footballers at the tournament in Mid Yell this afternoon": done
            if _DEADLINE.search(clause):
                continue  # "the final payment for the Isle of Wight trip is due by Friday 17th October": a deadline

            if _CLOCK.search(clause) is None and re.search(
                r"\b(?:getting\s+ready|preparing|prepping|gearing\s+up)\s+for\b", clause, re.I
            ):
                continue  # "are getting ready for Beamish by researching ...": the trip is still to come, and when is not said
            if re.search(
                r"\b(?:a\s+few|some|many|lots|most)\s+of\s+you\s+(?:will|are|might|may)\b", clause, re.I
            ):
                continue  # "we know a few of you will be dancing in Helston": families' own plans, not a school trip
            if re.search(
                r"\b(?:if|when|whether)\s+(?:you|you['’]re|you\s+are|your\s+family)\b", sentence, re.I
            ) and not re.search(r"\b(?:class|year|pupils|children|group|coach|trip)\b", clause, re.I):
                continue  # "If you're visiting the lights on Belgrave Road this weekend, have fun": families' own plans
            if re.search(r"\bopen\s+(?:day|days|evening|evenings|morning|mornings)\b", clause, re.I):
                continue  # "the spring open day at Sheffield Hallam University is on Saturday": families go if they wish
            if re.search(r"\bsettl(?:e|es|ed|ing)\s+in\b", clause, re.I):
                continue  # "Year 7 are settling in brilliantly at Caldbridge High": their new school
            if _MOVING_AWAY.search(sentence):
                continue  # "Tevita is off to Germany with his family's new posting": a family moving, not a trip
            if _TO_STUDY.search(clause):
                continue  # "is heading to Imperial to read Engineering": a university place, not a trip
            named_subject = tense in (Tense.NOW, Tense.FUTURE) and any(
                c_start <= n < c_end for n in named or ()
            )
            pupils_event = (
                _PUPILS_EVENT.search(clause) is not None
                and any(p.named and c_start <= p.start < c_end for p in c_places)
                and _CLOCK.search(sentence) is not None
                and tense is not Tense.PAST
                # (not a school's own grounds: "on the St Oswald's field", "on the Sedgecombe school field")
                and not re.search(
                    r"\bschool\s+(?:field|hall|playground|grounds|site)|['’]s\s+(?:field|playground|hall)\b",
                    clause,
                )
            ) or (
                # "the qualifying expedition is on Saturday 9th and Sunday 10th May on Exmoor": the pupils' trip, its
                # days and its place
                _TRIP_AS_SUBJECT.match(clause) is not None
                and any(p.named and c_start <= p.start < c_end for p in c_places)
                and (DATE.search(sentence) is not None or _CLOCK.search(sentence) is not None)
                and tense is not Tense.PAST
            )  # "Sports Day at Hough End playing fields on Friday, 1pm to 3pm": the pupils are at their event
            if subject is None and not named_subject and not pupils_event:
                # A clause with a subject that is not pupils ("it's going to be built by the pond")
                # is about that thing; one with no subject carries the sentence's or the post's.
                if _OTHER_SUBJECT.search(clause):
                    continue
                if not (in_sentence is not None and in_sentence.start() < c_start) and not subject_carried:
                    continue
            in_clause = (
                _CLOCK.search(clause)
                or DATE.search(clause)
                or _DAY.search(clause)
                or FUTURE_TIME.search(clause)
            )
            when = in_clause or sentence_when
            if in_clause is None and sentence_when is not None:
                elsewhere = next((sentence[a:b] for a, b in clauses if a <= sentence_when.start() < b), "")
                if _GOING_HOME.search(elsewhere) or _DEADLINE.search(elsewhere):
                    continue  # "Night night from the North Sea, and we'll be back on the island by about 4": home's time
            if (
                when is sentence_when
                and when is not None
                and not (c_start <= when.start() < c_end)
                and _ON_SITE_IN.search(sentence[max(0, when.start() - 60) : when.end()])
            ):
                continue  # "Lake District trip: pick-up on Friday will be from the school playground at 5pm"
            if (
                when is None
                # "We're on pitch 4", "are down on the beach now", but not "having a great day at the
                # farm": which farm?
                and any(
                    p.named
                    or (
                        p.public
                        and now_words is not None
                        and (
                            re.search(r"\d", p.text)
                            or re.search(r"\b(?:now|currently|moment)\b", clause, re.I)
                        )
                    )
                    for p in c_places
                )
                and not _VAGUE_LATER.search(clause)
            ):
                when = now_words  # "are learning about space and will visit Jodrell Bank next term": no
                if now_words is not None and not (c_start <= now_words.start() < c_end):
                    now_clause = next((sentence[a:b] for a, b in clauses if a <= now_words.start() < b), "")
                    if re.match(r"\W*(?:and\s+|but\s+)?(?:Mr|Mrs|Miss|Ms|Mx|Dr)\.?\s", now_clause):
                        # "Gorge scrambling at How Stean was a highlight, and Mrs Frost is still finding sand in
                        # her boots": what a grown-up is doing now, in a clause of its own
                        when = None
            if when is None:
                continue
            if _VAGUE_LATER.fullmatch(when.group(0).strip()) and not (
                _CLOCK.search(sentence) or DATE.search(sentence) or _DAY.search(sentence)
            ):
                continue  # "Our visit to Dunkirk Mill is booked for after Easter": no day to find anybody on
            if _CLOCK.search(sentence) is None and (
                (_LIVE_OR_TODAY.search(when.group(0)) is not None and all(_broad(p.text) for p in c_places))
                # "Good morning from the Year 10 Manchester trip!": a town that names the trip
                or (
                    _named_by_its_town(sentence, c_places)
                    and not (DATE.search(sentence) or _DAY.search(sentence))
                )
            ):
                continue  # "Year 12 are in London today", "on the coach and off to Snowdonia!": no spot to find them at
            return c_places[0], when, c_start if when is in_clause else 0
        return None
