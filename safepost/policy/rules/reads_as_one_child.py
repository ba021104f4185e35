"""SP105 reads-as-one-child."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from safepost.policy import trained
from safepost.policy.findings import Finding, Severity
from safepost.policy.names import characters_named, first_name_lexicon, is_a_place
from safepost.policy.reading import plural
from safepost.policy.rules.base import Context, Rule

if TYPE_CHECKING:
    from safepost.policy.config import Policy

CATEGORY = "individual-pupil"


class ReadsAsOneChild(Rule):
    """A post that reads like news about one child, though no rule found the child: a warning.

    What it flags:
        A post the trained reader (safepost/policy/trained.py, a model learnt from
        about 53,000 labelled school posts) scores as being about one child, when
        the pupil rules (SP103, SP104) found no child in it: a pupil singled out in
        a way no rule knows, such as a role the rules have no list for. It points at
        the sentence that reads most like it, and stays silent when that sentence
        is first about a grown-up: a name after a title ("Well done to Mr Okafor,
        who ran his first marathon"), or an adult, a famous person or a book's
        character the pupil rules recognised ("Happy 90th birthday to Doris, our
        reading volunteer", "Juliet's balcony speech" in a post on Romeo and Juliet),
        and when it is first about a group ("Our youngest singers, just four and
        five, sang ...").
        It is a warning, not a block: the writer reads the sentence again and
        rewrites it for the class or year group if a child could be recognised.

    Why it matters:
        CAT-13, NNF-09, RAC-06 and SUT-14 forbid content about an individual
        pupil. The rules read the phrasings they were written for; measured on
        blind sets written after it was trained, this reader found about a third
        of the posts about one child that the rules had missed, and was right
        about nine times in ten when it spoke.

    Example:
        Congratulations to Maple's new Eco Monitor, who has already told the whole staffroom off for leaving the lights on!

    Use instead:
        Congratulations to Maple Class, who have already reminded the whole staffroom to switch the lights off!
    """

    code = "SP105"
    name = "reads-as-one-child"
    category = CATEGORY
    default_severity = Severity.WARN

    def setting(self, policy: Policy) -> str:
        return "warn" if policy.pupils.individual_content != "allow" else "allow"

    def check(self, ctx: Context) -> Iterator[Finding]:
        reading = one_child_reading(ctx)
        if reading is None:
            return
        threshold = trained.readers().models[CATEGORY].threshold
        yield self.finding(
            ctx,
            reading.start,
            reading.end,
            "This reads like news about one child. The pupil checks found no child in it, but Safepost's trained "
            "reader, which learnt from thousands of school posts, reads this sentence as being about one pupil. "
            "If a parent or a stranger could tell who is meant, it should not be posted.",
            suggestion='Write it about the class or group instead ("Well done, Oak Class!"), and share news '
            "about one child privately with their family.",
            trace=(
                f"the trained reader scored it {reading.score:.2f} (it warns from {threshold:.2f})",
                "no child found by SP103/SP104",
            ),
        )


def one_child_reading(ctx: Context) -> trained.Reading | None:
    """The reader's finding of one child where the pupil rules found none, or None (kept on ``ctx``)."""
    if "one-child" not in ctx.memo:
        ctx.memo["one-child"] = _one_child_reading(ctx)
    return ctx.memo["one-child"]  # type: ignore[return-value]


def names_in_its_sentence(ctx: Context, kind: str, sure: float = 0.0) -> list[tuple[int, int]]:
    """Where SP105 speaks (at least ``sure`` of it), the roster names of ``kind`` ("first" or "surname")
    in the sentence it points at, as spans of the normalised text."""
    reading = one_child_reading(ctx)
    if reading is None or reading.score < sure:
        return []
    names = trained.roster_names(ctx.text.text, reading.start, reading.end, ctx.roster)
    return [(start, end) for start, end, k in names if k == kind]


def is_it_the_childs(
    rule: Rule, ctx: Context, spans: list[tuple[int, int]], what: str, policy_says: str, instead: str
) -> Iterator[Finding]:
    """SP106's and SP107's question for each roster name in SP105's sentence: is it the child's?

    ``what`` says what the word is on the roster ("the name", "the surname"), ``policy_says`` what the
    policy allows, ``instead`` what to write.
    """
    for start, end in sorted(spans):
        shown = ctx.text.original_slice(start, end)
        yield rule.finding(
            ctx,
            start,
            end,
            f'Is "{shown}" the child this is about? The sentence reads like news about one pupil, and '
            f'"{shown}" is {what} of a pupil on the roster; {policy_says}',
            suggestion=instead,
            trace=(f"{what.removeprefix('the ')} of a pupil on the roster, in the sentence SP105 points at",),
        )


def _one_child_reading(ctx: Context) -> trained.Reading | None:
    people = ctx.people
    if people.pupils or people.roles or people.unsure or people.surname_refs:
        return None  # SP103 or SP104 has already said it
    reading = trained.read(ctx.text.text, ctx.roster, CATEGORY, ctx.reader_features)
    if reading.score < trained.readers().models[CATEGORY].threshold:
        return None
    sentence = ctx.text.text[reading.start : reading.end]
    if (
        _about_a_grown_up(ctx, reading)
        or _about_a_group(sentence)
        or _A_PARENT_FIRST.match(sentence) is not None
        or _tags_with_no_name(ctx, reading, sentence)
    ):
        return None
    return reading


def _tags_with_no_name(ctx: Context, reading: trained.Reading, sentence: str) -> bool:
    """Whether the sentence is hashtags alone and none of their words is a name: "#IslandCup" after the news of a
    team, not "#ThankYouMabel" or "#ProudOfYouLourdes"."""
    if _A_WORD_OF_PROSE.search(sentence):
        return False
    lexicon = first_name_lexicon()
    return not any(
        tok.key in ctx.roster.by_first or tok.key in ctx.roster.by_surname or tok.key in lexicon
        for tok in ctx.text.hashtag_words
        if reading.start <= tok.nstart < reading.end
    )


# A sentence whose subject is a group: "Our youngest singers, just four and five, sang ...", "Our U14 boys
# travelled to Derby", "Our head girl and head boy elections take place next week": a determiner, a few
# words, a plural noun, then a verb or a comma.
_GROUP_SUBJECT = re.compile(
    # (after a shout-out: "A special shout-out to our Year 11 buddies, who stayed behind")
    r"^\W*(?:(?:an?\s+)?(?:special\s+|huge\s+|big\s+|massive\s+)?(?:shout[\s-]?out|thanks|thank\s+you|well\s+done|"
    r"congratulations|congrats)\s+to\s+)?(?:all\s+)?(?:our|the|these|those|some|many|both)\s+(?:[\w'’-]+\s+){0,5}?(?P<noun>[a-z]+)"
    r"(?=\s*,|\s+(?:(?-i:[a-z]+ed)|are|were|have|had|will|can|sang|ran|won|did|took|made|came|went|got|gave|"
    r"swam|wrote|read|met|brought|spent|raised|all|both|take|make|start|begin|open|close|run|continue|return|"
    r"need|meet|finish|join)\b)",
    re.IGNORECASE,
)


def _about_a_group(sentence: str) -> bool:
    """Whether the sentence is first about a group of pupils, as the pupil rules read a plural noun."""
    m = _GROUP_SUBJECT.match(sentence)
    return (m is not None and plural(m.group("noun").lower())) or _AWARD_TO_A_GROUP.search(
        sentence
    ) is not None


# A parent first: "One of our Year 6 mums has baked for the fair; thank her when you see her".
_A_PARENT_FIRST = re.compile(
    r"^\W*(?:one\s+of\s+)?(?:our|the)\s+(?:[\w'’-]+\s+){0,3}?(?:mums?|dads?|parents?|grandparents?|grans?|grandads?|carers?)\b",
    re.IGNORECASE,
)
# A word outside a hashtag or a handle.
_A_WORD_OF_PROSE = re.compile(r"(?<![#@\w])[A-Za-z]")
# An award given to many: "Man of the match went to the whole front row", "shared between the two keepers".
_AWARD_TO_A_GROUP = re.compile(
    r"\b(?:went|goes|go|going|awarded|given|presented)\s+to\s+(?:the\s+(?:whole|entire)|all\s+(?:of\s+)?(?:the|our)|"
    r"every\s+(?:single\s+)?(?:one|member|player|child|pupil))\b|\bshared\s+(?:by|between)\s+(?:the|all|our|both)\b",
    re.IGNORECASE,
)


def _about_a_grown_up(ctx: Context, reading: trained.Reading) -> bool:
    """Whether the first person the sentence names is a grown-up: an adult or a famous person the
    pupil rules recognised, or a name after a title ("Well done to Mr Okafor, who ran his first ...")."""
    named = [m for m in ctx.people.mentions if reading.start <= m.nstart < reading.end]
    on_roster = [m for m in named if m.on_roster]
    if on_roster and all(m.kind == "place" and is_a_place(m.first.key) for m in on_roster):
        return True  # "They can now point to Lewis, Harris, Skye and Iona": the roster's names are places
    if named:
        # the roster's names first: "Little Donkey, Away in a Manger and Rudolph: ... help Mary and Joseph
        # find room at the inn" is about the story's Mary and Joseph, whatever Rudolph is
        first = min(named, key=lambda m: (not m.on_roster, m.nstart))
        # an adult; a famous person by full name; a character of a work the post names ("Juliet's
        # balcony speech" after "Romeo and Juliet", "Lyra's Oxford came alive as we started Northern Lights")
        if (
            first.kind == "adult"
            # (not a pupil of the same full name: "Tom Daley won the Year 6 boys' 25m backstroke")
            or (first.kind == "other-person" and first.surname is not None and not first.full_name_on_roster)
            or (
                first.kind == "other-person"
                and first.first.key in characters_named(ctx.text.text)
                # "Our Mary didn't miss a line", "our Romeo and Juliet, who open tonight": pupils in the parts
                and not ctx.text.text[max(0, first.nstart - 4) : first.nstart].lower().endswith("our ")
            )
        ):
            return True
    sentence = ctx.text.text[reading.start : reading.end]
    names = [
        t for t in trained.sentence_tokens(sentence, ctx.roster, trained.readers().known) if t in _NAME_TOKENS
    ]
    return bool(names) and names[0] == "<TITLE>"


_NAME_TOKENS = frozenset(["<F>", "<S>", "<X>", "<TITLE>"])
