"""Normalising post text: evasions of a name still give a token keyed as the name.

The property tests hide a name in a sentence the way a writer (or a pasted
message) might, and check that one token's ``key`` is ``fold(name)`` and that
its span marks exactly the characters the writer typed for it.
"""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from safepost.policy.text import PostText, Token, deleet, fold, strip_possessive

# First names seen in English schools, with and without accents. Every letter of
# these is one a writer can type; the strategies below disguise them.
ASCII_NAMES = [
    "Amelia",
    "Josh",
    "Olivia",
    "Mohammed",
    "Isla",
    "Noah",
    "Ava",
    "Leo",
    "Freya",
    "Oscar",
    "Aisha",
    "Kacper",
    "Priya",
    "Tomasz",
    "Harriet",
    "Yusuf",
    "Esme",
    "Maisie",
    "Kai",
    "Sophie",
    "Ibrahim",
    "Ethan",
    "Poppy",
    "Jasmine",
    "Hugo",
    "Zainab",
    "Elsie",
    "Xavier",
    "Wiktoria",
]
ACCENTED_NAMES = ["Zoë", "Siân", "Chloé", "Renée", "Oisín", "Dóra", "Aoife", "Lúcia", "Niamh", "Rhodri"]
ascii_names = st.sampled_from(ASCII_NAMES) | st.from_regex(r"[A-Z][a-z]{2,9}", fullmatch=True)
any_names = ascii_names | st.sampled_from(ACCENTED_NAMES)

# Sentences a school might post, with "{}" where the child's name goes.
TEMPLATES = [
    "Well done {} for a fantastic week!",
    "Huge congratulations to {} on the swimming gala this morning.",
    "{} was brilliant in assembly today.",
    "Thank you {}, Year 4 loved the cakes.",
    "A big shout out to {} in Class 5! Keep it up.",
    "Star of the week: {}",
    "We are so proud of {} - what a result.",
]
templates = st.sampled_from(TEMPLATES)

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e"]

# Latin letters and look-alikes from other scripts (Cyrillic unless marked Greek).
LOOKALIKES: dict[str, list[str]] = {
    "a": ["а", "α"],
    "c": ["с"],
    "d": ["ԁ"],
    "e": ["е"],
    "h": ["һ"],
    "i": ["і", "ι"],
    "j": ["ј"],
    "k": ["κ"],
    "l": ["ӏ"],
    "o": ["о", "ο"],
    "p": ["р", "ρ"],
    "s": ["ѕ"],
    "t": ["τ"],
    "u": ["υ"],
    "v": ["ν"],
    "w": ["ԝ"],
    "x": ["х"],
    "y": ["у"],
    "A": ["А", "Α"],
    "B": ["В", "Β"],
    "C": ["С"],
    "E": ["Е", "Ε"],
    "H": ["Н", "Η"],
    "I": ["І", "Ι"],
    "J": ["Ј"],
    "K": ["К", "Κ"],
    "M": ["М", "Μ"],
    "N": ["Ν"],
    "O": ["О", "Ο"],
    "P": ["Р", "Ρ"],
    "S": ["Ѕ"],
    "T": ["Т", "Τ"],
    "X": ["Х", "Χ"],
    "Y": ["У", "Υ"],
    "Z": ["Ζ"],
}
LEET = {"o": "0", "i": "1", "e": "3", "a": "4", "s": "5"}


def place(template: str, evasive: str) -> tuple[str, int, int]:
    """The post with ``evasive`` in the slot, and where it sits in the original text."""
    at = template.index("{}")
    return template.format(evasive), at, at + len(evasive)


def name_tokens(tokens: list[Token], name: str, start: int, end: int) -> list[Token]:
    """Tokens keyed as ``name`` whose original span lies inside [start, end]."""
    return [t for t in tokens if t.key == fold(name) and start <= t.start and t.end <= end]


def assert_found(post: PostText, tokens: list[Token], name: str, start: int, end: int, surface: str) -> None:
    found = name_tokens(tokens, name, start, end)
    assert found, f"no token keyed {fold(name)!r} in {post.original!r}: {[(t.text, t.key) for t in tokens]}"
    token = found[0]
    assert post.original[token.start : token.end] == surface
    assert post.span(token.nstart, token.nend) == (token.start, token.end)


# --- evasions -----------------------------------------------------------------------------------


@given(template=templates, name=any_names, data=st.data())
@example(template=TEMPLATES[0], name="Amelia", data=None).via("a zero-width space mid-name")
def test_zero_width_characters_anywhere_in_a_name_are_ignored(
    template: str, name: str, data: st.DataObject | None
) -> None:
    if data is None:
        evasive = "Am\u200belia"
    else:
        inserts = data.draw(
            st.lists(st.tuples(st.integers(0, len(name)), st.sampled_from(INVISIBLE)), min_size=1, max_size=4)
        )
        chars = list(name)
        for pos, ch in sorted(inserts, reverse=True):
            chars.insert(pos, ch)
        evasive = "".join(chars)
    text, start, end = place(template, evasive)
    post = PostText(text)
    visible = evasive.strip("".join(INVISIBLE))
    assert_found(post, post.words, name, start, end, visible)


@given(template=templates, name=any_names, data=st.data())
def test_cyrillic_and_greek_look_alikes_are_read_as_latin_letters(
    template: str, name: str, data: st.DataObject
) -> None:
    swappable = [i for i, ch in enumerate(name) if ch in LOOKALIKES]
    assume(swappable)
    chosen = data.draw(st.lists(st.sampled_from(swappable), min_size=1, unique=True))
    chars = list(name)
    for i in chosen:
        chars[i] = data.draw(st.sampled_from(LOOKALIKES[name[i]]))
    evasive = "".join(chars)
    text, start, end = place(template, evasive)
    post = PostText(text)
    assert_found(post, post.words, name, start, end, evasive)


@given(template=templates, name=any_names, data=st.data())
def test_full_width_letters_are_read_as_ordinary_letters(
    template: str, name: str, data: st.DataObject
) -> None:
    widen = data.draw(st.lists(st.booleans(), min_size=len(name), max_size=len(name)))
    assume(any(widen))
    evasive = "".join(
        chr(ord(c) + 0xFEE0) if w and c.isascii() else c for c, w in zip(name, widen, strict=True)
    )
    text, start, end = place(template, evasive)
    post = PostText(text)
    assert_found(post, post.words, name, start, end, evasive)


@given(template=templates, name=ascii_names, data=st.data())
@example(template=TEMPLATES[0], name="Josh", data=None).via("J0sh")
def test_leetspeak_digits_in_a_name_are_read_as_letters(
    template: str, name: str, data: st.DataObject | None
) -> None:
    if data is None:
        evasive = "J0sh"
    else:
        swappable = [i for i, ch in enumerate(name) if ch.lower() in LEET]
        assume(swappable)
        chosen = set(data.draw(st.lists(st.sampled_from(swappable), min_size=1, unique=True)))
        evasive = "".join(LEET[c.lower()] if i in chosen else c for i, c in enumerate(name))
        assume(any(c.isalpha() for c in evasive))  # all digits is a number, not a disguised name
        # "4th", "10am", "5s": a number with a unit reads as that, not as a disguised name.
        assume(
            not re.fullmatch(r"\d+(?:st|nd|rd|th|am|pm|s|kg|g|km|m|cm|mm|ml|l|p|k|x|mph|yrs?)", evasive, re.I)
        )
    text, start, end = place(template, evasive)
    post = PostText(text)
    assert_found(post, post.words, name, start, end, evasive)


@given(template=templates, name=any_names, apostrophe=st.sampled_from(["'", "’", "ʼ"]))
def test_a_possessive_is_read_as_the_name(template: str, name: str, apostrophe: str) -> None:
    suffix = apostrophe if name.endswith("s") else apostrophe + "s"
    text, start, end = place(template.replace("{}", "{} project"), name + suffix)
    post = PostText(text)
    assert_found(post, post.words, name, start, end, name)


@given(template=templates, name=ascii_names, separator=st.sampled_from([" ", ".", "-", "*", "_"]))
@example(template=TEMPLATES[0], name="Josh", separator=" ").via("J o s h")
def test_letters_spaced_out_are_read_as_one_word(template: str, name: str, separator: str) -> None:
    evasive = separator.join(name)
    text, start, end = place(template, evasive)
    post = PostText(text)
    assert_found(post, post.spaced_words, name, start, end, evasive)
    assert name_tokens(post.all_words, name, start, end)


@given(
    name=any_names,
    tag=st.sampled_from(["#WellDone{}", "#{}Rocks", "#StarOfTheWeek{}", "#Go{}", "#{}"]),
    lead=st.sampled_from(["Brilliant effort today ", "What a week! ", ""]),
)
@example(name="Amelia", tag="#WellDone{}", lead="").via("#WellDoneAmelia")
@example(name="Zoë", tag="#WellDone{}", lead="").via("an accented name in a hashtag")
def test_a_name_inside_a_hashtag_is_a_hashtag_word(name: str, tag: str, lead: str) -> None:
    hashtag = tag.format(name)
    text = f"{lead}{hashtag}"
    post = PostText(text)
    start = len(lead) + tag.index("{}")
    assert_found(post, post.hashtag_words, name, start, start + len(name), name)
    (token,) = name_tokens(post.hashtag_words, name, start, start + len(name))
    assert token.hashtag
    assert not name_tokens(post.words, name, 0, len(text))  # hashtag words are not prose words


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(template=templates, name=ascii_names, data=st.data())
def test_evasions_combined_still_give_the_name(template: str, name: str, data: st.DataObject) -> None:
    chars = []
    for ch in name:
        options = [ch, *LOOKALIKES.get(ch, []), chr(ord(ch) + 0xFEE0)]
        chars.append(data.draw(st.sampled_from(options)))
        if data.draw(st.booleans()):
            chars.append(data.draw(st.sampled_from(INVISIBLE)))
    evasive = "".join(chars).rstrip("".join(INVISIBLE))
    text, start, end = place(template, evasive + "'s")
    post = PostText(text)
    assert_found(post, post.words, name, start, end, evasive)


# --- never crashes, offsets always land in the original -----------------------------------------

TRICKY = (
    "aAJosh #@'’ .-_*!?\n\t0123456789\u200b\u200d\ufeff\u00ad\u0301éëАаΑ"
    "ＡＢａ\ufb01\ufdfa\u2163\u00bd\u3000😀👍🏽\U000e0001©™ℓı"
)
texts = (
    st.text()
    | st.text(alphabet=st.sampled_from(TRICKY))
    | st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]))
)


@settings(max_examples=400)
@given(texts)
def test_arbitrary_unicode_never_crashes_and_offsets_map_inside_the_original(original: str) -> None:
    post = PostText(original)
    n, size = len(post.text), len(original)
    last = 0
    for i in range(n):
        a, b = post.span(i, i + 1)
        assert 0 <= a < b <= size
        assert a >= last, "span() must be monotonic"
        last = a
    for i in range(n + 1):
        a, b = post.span(i, i)
        assert 0 <= a == b <= size
    assert post.span(0, n) == ((post.span(0, 1)[0], post.span(n - 1, n)[1]) if n else (size, size))

    for token in post.all_words:
        assert 0 <= token.start < token.end <= size
        assert 0 <= token.nstart < token.nend <= n
        assert post.span(token.nstart, token.nend) == (token.start, token.end)
        assert post.original_slice(token.nstart, token.nend) == original[token.start : token.end]
        assert token.text
        assert isinstance(token.key, str)
        assert isinstance(token.is_capitalised, bool)
        assert 0 <= token.sentence < len(post.sentence_bounds)
    for spans in (post.hashtags, post.mentions):
        for s, e, _ in spans:
            assert 0 <= s < e <= n
    for s, e in post.protected_spans:
        assert 0 <= s < e <= n
    bounds = post.sentence_bounds
    assert bounds
    assert all(0 <= s <= e <= n for s, e in bounds)
    assert all(e1 <= s2 for (_, e1), (s2, _) in pairwise(bounds))


@given(texts, st.integers(0, 300), st.integers(0, 300))
def test_span_of_any_normalised_range_is_ordered_and_inside_the_original(
    original: str, i: int, j: int
) -> None:
    post = PostText(original)
    n = len(post.text)
    a, b = sorted((min(i, n), min(j, n)))
    start, end = post.span(a, b)
    assert 0 <= start <= end <= len(original)


def test_normalising_keeps_ordinary_text_unchanged() -> None:
    original = "Year 6 visited the Walker Art Gallery today. Thank you, Mrs Patel! #Art"
    post = PostText(original)
    assert post.text == original
    assert [(t.start, t.end) for t in post.words] == [(t.nstart, t.nend) for t in post.words]


def test_a_span_over_a_removed_character_still_covers_the_characters_around_it() -> None:
    post = PostText("Well done Am\u200belia")
    assert post.text == "Well done Amelia"
    assert post.original_slice(10, 16) == "Am\u200belia"


def test_a_character_that_normalises_to_several_maps_each_back_to_itself() -> None:
    post = PostText("\ufb01sh")  # the "fi" ligature
    assert post.text == "fish"
    assert post.span(0, 1) == (0, 1)
    assert post.span(1, 2) == (0, 1)
    assert post.span(2, 3) == (1, 2)


# --- sentences ----------------------------------------------------------------------------------


def sentences(text: str) -> list[str]:
    post = PostText(text)
    return [post.text[s:e].strip() for s, e in post.sentence_bounds]


@pytest.mark.parametrize(
    "text",
    [
        "Thank you to Mr. Patel for a wonderful assembly.",
        "Mrs. Khan and Dr. Lee joined us at St. Helens library today.",
        "Bring something for the collage, e.g. buttons or ribbon, on Friday.",
        "Ms. Ali read to Class 3 this morning.",
        "Bring a coat, i.e. a waterproof one, for the trip.",
        "Year 6 met J. K. Rowling's biggest fan today.",
    ],
)
def test_abbreviations_do_not_end_a_sentence(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Well done Year 4. Great work!", ["Well done Year 4.", "Great work!"]),
        ("What a day! See you tomorrow?", ["What a day!", "See you tomorrow?"]),
        ("Sports day is on Friday.\nBring a hat", ["Sports day is on Friday.", "Bring a hat"]),
        ("Fantastic!!! The choir sang beautifully.", ["Fantastic!!!", "The choir sang beautifully."]),
        ('She said "well done." Then we went home.', ['She said "well done."', "Then we went home."]),
        ("Dr. Lee visited. Mrs. Khan stayed.", ["Dr. Lee visited.", "Mrs. Khan stayed."]),
        ("", [""]),
    ],
)
def test_sentences_end_at_full_stops_questions_exclamations_and_new_lines(
    text: str, expected: list[str]
) -> None:
    assert sentences(text) == expected


def test_each_word_knows_its_sentence() -> None:
    post = PostText("Well done Josh. Class 4 were great!")
    assert [(t.text, t.sentence) for t in post.words] == [
        ("Well", 0),
        ("done", 0),
        ("Josh", 0),
        ("Class", 1),
        ("4", 1),
        ("were", 1),
        ("great", 1),
    ]


# --- mentions, e-mail addresses, links and hashtags ---------------------------------------------


def test_mentions_are_found_but_email_addresses_are_not_mentions() -> None:
    post = PostText("Thanks @LivMuseums! Questions to office@stcaths.sch.uk or @Stcaths_PTA.")
    assert [m[2] for m in post.mentions] == ["@LivMuseums", "@Stcaths_PTA"]
    assert "office@stcaths.sch.uk" in [post.text[s:e] for s, e in post.protected_spans]


@pytest.mark.parametrize("text", ["Email head@school.org.uk today", "me@x.co", "Price: 3 @ £2", "a@@b"])
def test_text_without_an_at_handle_has_no_mentions(text: str) -> None:
    assert PostText(text).mentions == []


def test_words_inside_links_emails_and_mentions_are_not_prose_words() -> None:
    post = PostText("See https://example.org/Josh-Baker or josh.baker@gmail.com or @JoshBaker today")
    assert [t.text for t in post.words] == ["See", "or", "or", "today"]


def test_hashtags_are_found_with_their_tags() -> None:
    post = PostText("Happy #WorldBookDay from Year 2! #Reading #KS1")
    assert [tag for _, _, tag in post.hashtags] == ["WorldBookDay", "Reading", "KS1"]
    s, e, _ = post.hashtags[0]
    assert post.text[s:e] == "#WorldBookDay"


@pytest.mark.parametrize(
    "text", ["C# club starts today", "Use &#39; in HTML", "https://example.org/page#top", "# not a tag", "##"]
)
def test_things_that_only_look_like_hashtags_are_not_hashtags(text: str) -> None:
    assert PostText(text).hashtags == []


def test_a_hashtag_splits_into_its_words() -> None:
    post = PostText("#WellDoneAmelia")
    assert [(t.text, t.key) for t in post.hashtag_words] == [
        ("Well", "well"),
        ("Done", "done"),
        ("Amelia", "amelia"),
    ]
    assert all(t.hashtag for t in post.hashtag_words)


def test_all_words_lists_prose_hashtag_and_spaced_words_in_text_order() -> None:
    post = PostText("Well done J o s h #StarOfTheWeek")
    keys = [t.key for t in post.all_words]
    assert keys.index("done") < keys.index("josh") < keys.index("star")


# --- keys: folding, leetspeak and possessives ---------------------------------------------------


@pytest.mark.parametrize(
    ("word", "key"),
    [("Zoë", "zoe"), ("ÉLODIE", "elodie"), ("Siân", "sian"), ("O'Brien", "obrien"), ("Straße", "strasse")],
)
def test_fold_ignores_case_accents_and_apostrophes(word: str, key: str) -> None:
    assert fold(word) == key


@pytest.mark.parametrize(
    ("word", "plain"), [("J0sh", "Josh"), ("4melia", "amelia"), ("1sl4", "isla"), ("5ophie", "sophie")]
)
def test_deleet_reads_stand_in_digits_in_words_as_letters(word: str, plain: str) -> None:
    assert deleet(word).lower() == plain.lower()


@pytest.mark.parametrize("text", ["Year 2", "2026", "Class 4", "Year 10", "3 pupils", "020 7946 0000"])
def test_ordinary_numbers_are_not_de_leeted(text: str) -> None:
    post = PostText(text)
    numbers = [t for t in post.words if t.text.isdigit()]
    assert numbers
    assert all(t.key == t.text for t in numbers)


@pytest.mark.parametrize("word", ["10am", "3pm", "1st", "4th", "Y6", "KS2"])
def test_times_ordinals_and_year_codes_keep_their_digits(word: str) -> None:
    (token,) = PostText(f"See you on the {word} for the concert").words[4:5]
    assert token.text == word
    assert token.key == fold(word)


@pytest.mark.parametrize(
    ("word", "base"),
    [("Amelia's", "Amelia"), ("James'", "James"), ("AMELIA'S", "AMELIA"), ("Amelia", "Amelia")],
)
def test_strip_possessive_removes_apostrophe_s(word: str, base: str) -> None:
    assert strip_possessive(word) == base


def test_a_surname_with_an_apostrophe_is_one_word() -> None:
    post = PostText("Congratulations to Niamh O'Brien and Sean O’Neill")
    keys = [t.key for t in post.words]
    assert "obrien" in keys
    assert "oneill" in keys


def test_capitalisation_is_read_after_undoing_leetspeak() -> None:
    post = PostText("well done J0sh and 4melia")
    caps = {t.text: t.is_capitalised for t in post.words}
    assert caps["J0sh"] is True
    assert caps["4melia"] is False
    assert caps["well"] is False
