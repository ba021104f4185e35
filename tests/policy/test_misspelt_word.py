"""SP403 misspelt-word and the British English dictionary behind it.

The rule is tested from tables of posts that must and must not be flagged;
the dictionary for its suggestions (best first), for agreeing with Hunspell
itself, and for its disk cache: rebuilt when missing, stale or corrupt, and
kept in memory when the cache directory cannot be written.
"""

from __future__ import annotations

import logging
import random
import tomllib
from pathlib import Path

import pytest

from safepost.policy import spelling
from safepost.policy.config import PRESETS_DIR, Policy, parse_policy
from safepost.policy.findings import Severity
from safepost.policy.roster import Roster
from safepost.policy.rules.base import Context, Post
from safepost.policy.rules.misspelt_word import MisspeltWord

RULE_KEYS = {"SP403": "SP403", "misspelt-word": "SP403"}


def policy(extra: str = "", **writing: str) -> Policy:
    """Sutton Manor's policy (spelling checked, as a warning), with changes."""
    data = tomllib.loads((PRESETS_DIR / "sutton-manor.toml").read_text(encoding="utf-8") + extra)
    data["writing"].update(writing)
    return parse_policy(data, "sutton-manor", rule_keys=RULE_KEYS)


SUTTON = policy()


def flagged(text: str, pol: Policy = SUTTON, roster: Roster | None = None) -> list[tuple[str, str | None]]:
    """(the word marked, the suggestion) for each finding."""
    ctx = Context(Post(text), pol, roster or Roster())
    return [(text[f.start : f.end], f.suggestion) for f in MisspeltWord().check(ctx)]


BAD = [
    ("Our Harvest assembly was a wonderful celebraton of autumn.", [("celebraton", "celebration")]),
    ("Thank you to everyone who came to our coffee morning, it was a great sucess.", [("sucess", "success")]),
    ("Year 2 have been writing instuctions for making a jam sandwich.", [("instuctions", "instructions")]),
    ("We are very gratefull for all your donations.", [("gratefull", "grateful")]),
    ("Please remember that school finishes early on Fridday.", [("Fridday", "Friday")]),
    ("Our carol concert is on Thrusday evening.", [("Thrusday", "Thursday")]),
    ("Nursery will be closed in Decmber for training.", [("Decmber", "December")]),
    ("Tommorrow is our last day before the holidays.", [("Tommorrow", "Tomorrow")]),
    ("Definitly the best school trip yet!", [("Definitly", "Definitely")]),
    ("Recieving our Eco-Schools award was a proud moment.", [("Recieving", "Receiving")]),
    ("The children have been practicing their lines for the play.", [("practicing", "practising")]),
    ("Bring your favorite teddy to school on Friday!", [("favorite", "favourite")]),
    ("The colors of the autumn leaves inspired our art.", [("colors", "colours")]),
    ("We visited the local theater to see a pantomime.", [("theater", "theatre")]),
    ("There will be alot of fun at the summer fair.", [("alot", "a lot")]),
    ("A big thankyou to our lollipop lady.", [("thankyou", "thank you")]),
    ("Please dont park on the zig-zag lines.", [("dont", "don't")]),
    ("Our neighbours' childrens choir came to sing.", [("childrens", "children's")]),
    ("Year 5's comunity project is on display.", [("comunity", "community")]),
    ("The school's new libary's opening hours are on the website.", [("libary's", "library's")]),
    ("Our twenty-minite reading challenge starts today.", [("twenty-minite", "twenty-minute")]),
    ("Their enviroment project won a prize.", [("enviroment", "environment")]),
    ("We learnt about the seperate parts of a flower.", [("seperate", "separate")]),
    ("Well done to our atheletes at the county finals.", [("atheletes", "athletes")]),
    ("Our Year 6 pupils showed real determanation.", [("determanation", "determination")]),
    ("Parents evening apointments can be booked online.", [("apointments", "appointments")]),
    ("The Christmas jumper day raised money for charaty.", [("charaty", "charity")]),
    ("We look foward to seeing you in September.", [("foward", "forward")]),
    ("Children should wear sensable shoes for the walk.", [("sensable", "sensible")]),
]

GOOD = [
    "The Gruffalos, Willy Wonkas and Harry Potters were out in force for Book Day.",
    "Our Mathletes beat twelve schools at the county maths challenge.",
    "Year 6 had a brilliant day at Blists Hill Victorian Town.",
    "Kandinsky inspired our Year 3 artists: look at these circles!",
    "Thank you to Mrs Okonkwo-Baptiste and Mr Wojciechowski for the workshop.",
    "Follow @SMPrimary and #SaferInternetDay, or see https://smp.sch.uk/news for details.",
    "Questions? E-mail office@smp.sch.uk or ring the office.",
    "Our U11 team won 3-1, and the 1st XI came 2nd out of 12.",
    "School closes at 3:30pm on Friday and reopens at 8:45am; lunch is £2.40.",
    "SATs week, KS2 residential, PTA meeting and STEM club: a busy week!",
    "Year 6's leavers' assembly and the children's concert are on Thursday.",
    "We sold second-hand uniform, ran a ten-minute quiz and built Tudor-style houses.",
    "The children have been practising their times tables and learnt new spellings.",
    "Our organised, colourful programme of events is on the website.",
    "Reception have been learning the digraphs sh, ch and th in phonics.",
    "We had a fantastic time on our residential and the wellbeing day.",
    "Nursery made playdough and went on a minibeast hunt.",
    "Our Nativity is on Wednesday at 2pm; tickets from the office.",
    "Happy Diwali and Eid Mubarak to all our families celebrating!",
    "Year 4 learnt about the Anglo-Saxons and the Vikings.",
    "The choir sang at the O2 Arena with Young Voices.",
    "Children made Christingles and sang Away in a Manger.",
    "Woohoo! It's the summer fayre tomorrow.",
    "Please send in wellies, waterproofs and a named lunchbox.",
    "We were 'wowed' by their 'fantabulous' costumes.",
    "Our tri-golf team and the non-uniform day were a hit.",
    "Henry VIII had six wives, as part ii of our topic explains.",
    "Brrr! Hats and gloves are needed this week.",
    "Congratulations to Sebastian and Zara on their Bikeability certificates.",
    "OK, the results are in: Maple Class win the attendance cup!",
]


@pytest.mark.parametrize(("text", "expected"), BAD)
def test_it_flags_a_misspelt_word_with_its_correction(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize("text", GOOD)
def test_it_leaves_names_codes_numbers_and_british_spellings_alone(text: str) -> None:
    assert flagged(text) == []


def test_sentence_initial_words_are_checked_but_unknown_names_there_are_not() -> None:
    assert flagged("Sucessful trip! Everyone was back by 4pm.") == [("Sucessful", "Successful")]
    assert flagged("Kandinsky would have loved these paintings.") == []
    assert flagged("Gruffalos were everywhere this morning.") == []


def test_a_capitalised_misspelling_of_a_weekday_or_month_is_flagged_mid_sentence() -> None:
    assert flagged("Our open evening is on Wensday 4th June.") == [("Wensday", "Wednesday")]
    assert flagged("Half term starts in Febuary.") == [("Febuary", "February")]


def test_pupils_and_classes_on_the_roster_are_not_misspellings(roster: Roster) -> None:
    text = "Well done kasia, olamide and Lindqvist from Rowan!"
    assert [w for w, _ in flagged(text, roster=Roster())] == ["kasia", "olamide"]
    assert flagged(text, roster=roster) == []


def test_words_in_the_policy_word_list_are_not_misspellings() -> None:
    text = "Our mathletes ran the skipathon."
    assert [w for w, _ in flagged(text)] == ["mathletes", "skipathon"]
    pol = policy('\n[rules.misspelt-word]\nwords = ["mathletes", "Skipathon"]\n')
    assert flagged(text, pol) == []


def test_text_language_is_left_to_the_text_speak_rule() -> None:
    assert flagged("Thx 2 every1, u r gr8! Sooo proud. C u l8r, ppl.") == []


def test_a_finding_warns_explains_and_suggests_the_word() -> None:
    ctx = Context(Post("Our new libary is open."), SUTTON, Roster())
    (finding,) = MisspeltWord().check(ctx)
    assert finding.severity is Severity.WARN
    assert (finding.rule, finding.name, finding.category) == ("SP403", "misspelt-word", "spelling")
    assert finding.message.startswith('"libary" is not in the British English dictionary')
    assert "Standard English" in finding.message
    assert finding.suggestion == "library"
    assert 'writing.spelling = "warn"' in finding.trace


def test_an_american_spelling_is_named_as_such() -> None:
    (finding,) = MisspeltWord().check(Context(Post("Our favorite day!"), SUTTON, Roster()))
    assert finding.message.startswith('"favorite" is the American spelling')
    assert finding.suggestion == "favourite"


def test_a_word_with_no_likely_correction_is_flagged_without_a_suggestion() -> None:
    (finding,) = MisspeltWord().check(Context(Post("We loved the zqxwv workshop."), SUTTON, Roster()))
    assert finding.suggestion is None
    assert "word list" in finding.message


def test_the_policy_decides_whether_spelling_is_checked() -> None:
    assert MisspeltWord().severity(SUTTON) is Severity.WARN
    assert MisspeltWord().severity(policy(spelling="allow")) is None
    assert MisspeltWord().severity(policy(spelling="block")) is Severity.BLOCK


def test_the_documented_example_is_flagged_and_its_alternative_is_not() -> None:
    docs = MisspeltWord.doc_sections()
    assert flagged(docs["Example"])
    assert flagged(docs["Use instead"]) == []


# --------------------------------------------------------------------------- the dictionary

SUGGESTIONS = [
    ("importent", "important"),
    ("definately", "definitely"),
    ("preperation", "preparation"),
    ("acheived", "achieved"),
    ("Wedensday", "Wednesday"),
    ("extremly", "extremely"),
    ("color", "colour"),
    ("alot", "a lot"),
    ("tommorow", "tomorrow"),
    ("neccesary", "necessary"),
    ("beleive", "believe"),
    ("occured", "occurred"),
    ("begining", "beginning"),
    ("goverment", "government"),
    ("febuary", "February"),
    ("christmas", "Christmas"),
    ("Definately", "Definitely"),
    ("quize", "quiz"),
    ("practiced", "practised"),
    ("jewelry", "jewellery"),
    ("im", "I'm"),
    ("congradulations", "congratulations"),
]


@pytest.mark.parametrize(("typed", "best"), SUGGESTIONS)
def test_the_likeliest_correction_comes_first(typed: str, best: str) -> None:
    assert spelling.dictionary().suggest(typed)[0] == best


def test_without_word_frequencies_suggestions_are_ranked_by_the_kind_of_slip() -> None:
    words = spelling.SpellingDictionary(
        dict.fromkeys(["the", "important", "impotent", "believe", "belie"], 0)
    )
    assert words.suggest("importent") == ("important", "impotent")
    assert words.suggest("beleive")[0] == "believe"


@pytest.mark.parametrize(
    "word",
    [
        "colour",
        "organise",
        "organize",
        "practising",
        "learnt",
        "programme",
        "travelling",
        "centre",
        "favourite",
        "behaviour",
        "Wednesday",
        "can't",
        "o'clock",
        "maths",
        "phonics",
        "nativity",
    ],
)
def test_british_forms_are_words(word: str) -> None:
    assert spelling.dictionary().knows(word)


@pytest.mark.parametrize("word", ["color", "favorite", "practicing", "traveling", "center", "wednesday"])
def test_american_forms_and_lower_case_weekdays_are_not(word: str) -> None:
    assert not spelling.dictionary().knows(word)


def test_a_capitalised_dictionary_word_is_known_in_capitals_but_not_in_lower_case() -> None:
    words = spelling.dictionary()
    assert words.knows("Colour") and words.knows("COLOUR")
    assert words.knows("London") and not words.knows("london")


def test_the_expanded_dictionary_agrees_with_hunspell() -> None:
    from spylls.hunspell import Dictionary

    aff, dic = spelling.hunspell_files()
    hunspell = Dictionary.from_files(str(aff.with_suffix("")))
    forms, _ = spelling.expand(dic.read_text(encoding="utf-8-sig"), aff.read_text(encoding="utf-8-sig"))
    sample = random.Random(403).sample(sorted(w for w in forms if not any(c.isdigit() for c in w)), 400)
    assert [w for w in sample if not hunspell.lookup(w)] == []
    words = ["running", "unhappiness", "rebuilt", "misunderstandings", "children's", "colourful"]
    assert all(w in forms for w in words)
    assert all(hunspell.lookup(w) for w in words)


# --------------------------------------------------------------------------- the disk cache

FAKE = {f"word{i}": i % 50 for i in range(2000)} | {"colour": 45}


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Replace the (one-second) build with a small table, counting builds."""
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return dict(FAKE)

    monkeypatch.setattr(spelling, "build_table", build)
    return calls


def test_the_cache_is_built_when_missing_and_then_reused(tmp_path: Path, builds: list[int]) -> None:
    assert spelling.load_table(tmp_path) == FAKE
    assert (tmp_path / spelling.CACHE_NAME).exists()
    assert spelling.load_table(tmp_path) == FAKE
    assert len(builds) == 1


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: "",
        lambda text: text[: len(text) // 2],
        lambda text: text.replace("\f45", "\fforty-five"),
        lambda text: "not a cache file at all\n",
        lambda text: text.partition("\n")[2],
    ],
)
def test_a_corrupt_or_truncated_cache_is_rebuilt(tmp_path: Path, builds: list[int], damage) -> None:
    spelling.load_table(tmp_path)
    path = tmp_path / spelling.CACHE_NAME
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert spelling.load_table(tmp_path) == FAKE
    assert len(builds) == 2
    assert spelling.parse_table(path.read_text(encoding="utf-8"), spelling.fingerprint()) == FAKE


def test_a_cache_of_undecodable_bytes_is_rebuilt(tmp_path: Path, builds: list[int]) -> None:
    (tmp_path / spelling.CACHE_NAME).write_bytes(b"\xff\xfe\x00garbage")
    assert spelling.load_table(tmp_path) == FAKE
    assert len(builds) == 1


def test_a_cache_from_other_sources_is_rebuilt(
    tmp_path: Path, builds: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    spelling.load_table(tmp_path)
    monkeypatch.setattr(spelling, "fingerprint", lambda: "v999 a newer dictionary")
    spelling.load_table(tmp_path)
    assert len(builds) == 2


def test_it_works_from_memory_when_the_cache_directory_cannot_be_written(
    tmp_path: Path, builds: list[int], caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="safepost.policy.spelling"):
        assert spelling.load_table(blocker / "cache") == FAKE
    assert "keeping it in memory" in caplog.text
    assert list(tmp_path.iterdir()) == [blocker]


def test_the_cache_directory_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFEPOST_CACHE_DIR", str(tmp_path / "sp"))
    assert spelling.cache_dir() == tmp_path / "sp"
    monkeypatch.delenv("SAFEPOST_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert spelling.cache_dir() == tmp_path / "xdg" / "safepost"


def test_a_real_build_round_trips_through_the_cache(tmp_path: Path) -> None:
    built = spelling.load_table(tmp_path)
    assert spelling.load_table(tmp_path) == built
    assert "colour" in built and "color" not in built
    assert len(built) > 200_000


def test_word_frequencies_come_from_wordfreq_when_it_is_installed() -> None:
    pytest.importorskip("wordfreq")
    table = spelling.zipf_table()
    assert 50 <= table["important"] <= 60  # Zipf 5.4: a few times in every 10,000 words
    assert table["important"] > table["impotent"] > 0


def test_a_doer_or_doing_word_closed_up_from_two_words_is_no_misspelling() -> None:
    assert flagged("The glassblower showed us glassblowing and a vase.") == []
    assert [w for w, _ in flagged("We go swimming everytime it is sunny.")] == ["everytime"]


def test_another_languages_words_are_left_alone_where_the_post_says_so() -> None:
    assert flagged("Year 1 said their colours in French: rouge, bleu and vert!") == []
    assert flagged("Our Vietnamese families taught us to say cảm ơn.") == []
    assert [w for w, _ in flagged("Year 1 said their colours: rouge, bleu and vert!")] == ["bleu"]
