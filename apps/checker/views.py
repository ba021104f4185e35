from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from apps.checker.engine import DEFAULT_PRESET, checker_for, load_preset, school_checker
from apps.checker.forms import YOUR_SCHOOL, CheckForm
from apps.schools.models import Membership
from apps.schools.scoping import HtmxRequest, current_membership
from safepost.policy.checker import Checker
from safepost.policy.config import Policy, preset_names
from safepost.policy.findings import CATEGORIES, Finding, Severity, Verdict
from safepost.policy.rules.base import Post
from safepost.policy.rules.over_length import post_length

# Card titles in staff language; the engine's categories are the fallback.
#: Titles for rules that share a category with others ("grammar-slip" reports as spelling).
RULE_TITLES = {"grammar-slip": "Grammar"}
TITLES = {
    "pupil-surname": "A pupil's surname",
    "pupil-name": "A pupil's name",
    "individual-pupil": "About one child",
    "trip-whereabouts": "Says where pupils will be",
    "out-of-hours": "Outside posting hours",
    "mention": "An @mention of another account",
    "text-speak": "Text speak",
    "spelling": "Spelling",
    "offensive": "Offensive language",
    "personal-data": "Personal details",
    "too-long": "Too long",
    "hashtag-placement": "Hashtag in the middle",
    "key-information": "Key information without a website link",
    "copyright": "A quotation without a credit",
    "tone": "A negative tone",
    "photo-face": "A child's face in a photo",
    "photo-consent": "A pupil without photo consent",
    "photo-unknown-face": "A face nobody has named",
    "photo-single-child": "A photo of one child",
    "photo-copyright": "A picture that may not be the school's",
    "photo-alt-text": "A photo without a description",
    "photo-unsuitable": "A photo to be looked at",
}
SEVERITY_LABELS = {Severity.BLOCK: "Must change", Severity.WARN: "Check this", Severity.INFO: "Tip"}
VERDICTS = {
    Verdict.PASS: "Ready to post",
    Verdict.WARN: "Needs a second look",
    Verdict.BLOCK: "Can't be posted yet",
}
_RANK = {Severity.BLOCK: 0, Severity.WARN: 1, Severity.INFO: 2}


@dataclass(frozen=True)
class Card:
    """One finding as the page shows it, numbered in text order."""

    number: int
    finding: Finding
    title: str
    flagged: str
    severity_label: str


@dataclass(frozen=True)
class Piece:
    """A run of the post's text; ``cards`` are the findings covering it (none: plain text)."""

    text: str
    cards: tuple[Card, ...] = ()
    ending: tuple[int, ...] = ()  # numbers of the findings whose words end here

    @property
    def severity(self) -> str:
        return str(min((c.finding.severity for c in self.cards), key=_RANK.__getitem__))

    @property
    def label(self) -> str:
        return "; ".join(f"{c.number}: {c.title}" for c in self.cards)


@dataclass(frozen=True)
class Basis:
    """What a check runs against, and how the page names it."""

    policy: Policy
    checker: Checker
    policy_words: str  # "Oakfield Primary School's policy", "the Sutton Manor Primary School policy"
    against: str  # the whole "Checked against ..." sentence, without the time
    role: str | None = None
    note: str = ""  # a warning about what the check could not cover


EMPTY_ROSTER_NOTE = (
    "Your school has no pupils on its list yet, so pupils' names cannot be caught. "
    "A senior leader can import the pupil roster on the School page."
)


def _pupils(n: int) -> str:
    return f"{n} pupil{'' if n == 1 else 's'}"


def check_basis(form: CheckForm, membership: Membership | None) -> Basis:
    """The policy, roster and role for a valid ``form``.

    A visitor gets the chosen preset and the demo school's invented pupils. A
    member gets their own school's roster (the school comes from their
    membership, never from the form) with their school's policy or, for
    comparison, a preset; and their role, so exceptions are judged for it.
    """
    choice: str = form.cleaned_data["preset"]
    if membership is None:
        policy = load_preset(choice)
        name = policy.school.name
        return Basis(
            policy,
            checker_for(choice),
            f"the {name} policy",
            f"Checked against the {name} preset and a demo class list of invented pupils",
        )
    school = membership.school
    pupils = len(school.roster)
    note = "" if pupils else EMPTY_ROSTER_NOTE
    if choice == YOUR_SCHOOL:
        policy, checker = school.policy, school_checker(school)
        policy_words = f"{school.name}'s policy"
        roster_words = f"its {_pupils(pupils)}" if pupils else "its pupil list, which is empty"
        against = f"Checked against {policy_words} and {roster_words}"
    else:
        policy, checker = load_preset(choice), school_checker(school, choice)
        policy_words = f"the {policy.school.name} policy"
        roster_words = f"{_pupils(pupils)}" if pupils else "pupil list, which is empty"
        against = (
            f"Checked against the {policy.school.name} preset, for comparison, "
            f"and {school.name}'s {roster_words}"
        )
    return Basis(policy, checker, policy_words, against, membership.role, note)


@dataclass(frozen=True)
class Result:
    verdict: Verdict
    heading: str
    summary: str
    against: str
    note: str
    at: datetime
    cards: tuple[Card, ...]
    pieces: tuple[Piece, ...]
    length: int
    limit: int


def build_cards(text: str, findings: tuple[Finding, ...]) -> tuple[Card, ...]:
    return tuple(
        Card(
            number=i,
            finding=f,
            title=RULE_TITLES.get(f.name) or TITLES.get(f.category, CATEGORIES.get(f.category, f.name)),
            flagged=text[f.start : f.end],
            severity_label=SEVERITY_LABELS[f.severity],
        )
        for i, f in enumerate(findings, start=1)
    )


def build_pieces(text: str, cards: tuple[Card, ...]) -> tuple[Piece, ...]:
    """Split ``text`` at every finding's start and end, so overlapping findings mark cleanly."""
    spans = [(max(0, c.finding.start), min(len(text), c.finding.end), c) for c in cards]
    spans = [s for s in spans if s[0] < s[1]]
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    pieces: list[Piece] = []
    for lo, hi in pairwise(cuts):
        covering = tuple(c for start, end, c in spans if start <= lo and hi <= end)
        ending = tuple(c.number for start, end, c in spans if end == hi and start < hi)
        if pieces and not covering and not pieces[-1].cards:
            pieces[-1] = Piece(pieces[-1].text + text[lo:hi])
        else:
            pieces.append(Piece(text[lo:hi], covering, ending if covering else ()))
    return tuple(pieces)


def _summary(verdict: Verdict, cards: tuple[Card, ...], policy_words: str) -> str:
    blocking = sum(c.finding.severity is Severity.BLOCK for c in cards)
    warnings = sum(c.finding.severity is Severity.WARN for c in cards)
    if verdict is Verdict.BLOCK:
        things = "thing" if blocking == 1 else "things"
        extra = f", and {warnings} more to look at" if warnings else ""
        return f"{blocking} {things} must change before this can go out{extra}."
    if verdict is Verdict.WARN:
        things = "thing" if warnings == 1 else "things"
        return f"It can go out, but check {warnings} {things} against {policy_words} first."
    return f"Nothing in it goes against {policy_words}. Read it through once more before posting."


def run_check(form: CheckForm, membership: Membership | None = None) -> Result | None:
    text: str = form.cleaned_data["text"]
    if not text.strip():
        return None
    basis = check_basis(form, membership)
    policy = basis.policy
    at = form.publish_time()
    post = Post(
        text,
        at=at,
        exception=form.cleaned_data["exception"] or None,
        role=basis.role,
        pupil_photos=form.cleaned_data["pupil_photos"],
    )
    report = basis.checker.check(post)
    cards = build_cards(text, report.findings)
    return Result(
        verdict=report.verdict,
        heading=VERDICTS[report.verdict],
        summary=_summary(report.verdict, cards, basis.policy_words),
        against=basis.against,
        note=basis.note,
        at=at.astimezone(policy.tz),
        cards=cards,
        pieces=build_pieces(text, cards),
        length=post_length(text),
        limit=policy.writing.max_length,
    )


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def check(request: HtmxRequest) -> HttpResponse:
    """The check page; an htmx request gets only the result panel.

    Signed in, a member checks against their own school's policy and pupils by
    default; visitors check against a preset and invented demo pupils.
    """
    membership = current_membership(request)
    school = membership.school if membership is not None else None
    data = request.POST if request.method == "POST" else None
    form = CheckForm(data, school=school)
    result = run_check(form, membership) if form.is_bound and form.is_valid() else None
    limits = {name: load_preset(name).writing.max_length for name in preset_names()}
    default = DEFAULT_PRESET
    if school is not None:
        limits[YOUR_SCHOOL] = school.policy.writing.max_length
        default = YOUR_SCHOOL
    preset = form["preset"].value() or default
    limit = limits.get(str(preset), limits[default])
    length = post_length(str(form["text"].value() or ""))
    context = {
        "form": form,
        "membership": membership,
        "pupil_count": len(school.roster) if school is not None else 0,
        "result": result,
        "limits": limits,
        "limit": limit,
        "length": length,
        "over": length - limit,
        # Keep "When and how" open once any of its controls is in use.
        "when_open": any(form.data.get(k) for k in ("at", "exception", "pupil_photos")),
    }
    template = "checker/check.html#result" if request.htmx else "checker/check.html"
    return render(request, template, context)
