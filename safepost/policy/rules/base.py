"""What every rule is: a code, a name, a category, a severity and a check."""

from __future__ import annotations

import inspect
import re
import textwrap
from abc import abstractmethod
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, ClassVar

from safepost.policy.findings import Finding, Severity
from safepost.policy.photo_facts import PhotoFacts
from safepost.policy.roster import Roster
from safepost.policy.text import PostText

if TYPE_CHECKING:
    from safepost.policy.config import Policy
    from safepost.policy.names import PeopleAnalysis
    from safepost.policy.trained import Features

# The most characters of a post the analyses read: the longest post the web app accepts.
MAX_CHECKED_CHARS = 5000
DOC_SECTIONS = ("What it flags", "Why it matters", "Example", "Use instead")
_HEADING = re.compile("({}):".format("|".join(map(re.escape, DOC_SECTIONS))))


@dataclass(frozen=True)
class Post:
    """A post to check.

    ``at`` is when it would go out (aware, or naive meaning the school's local
    time); ``None`` skips the posting-window check. ``exception`` is
    ``"school-event"`` or ``"urgent-news"`` when the writer claims one;
    ``role`` is the writer's role, for exceptions limited to some roles.
    ``pupil_photos`` says the post carries photos showing pupils. ``pupil_words`` and
    ``other_words`` are the school's answers to "Is Summer a pupil here?" (folded words): a
    capitalised word in ``pupil_words`` is read as a child's name, one in ``other_words`` is not
    asked about again.
    """

    text: str
    at: datetime | None = None
    exception: str | None = None
    role: str | None = None
    media: tuple[str, ...] = ()
    pupil_photos: bool = False
    pupil_words: frozenset[str] = frozenset()
    other_words: frozenset[str] = frozenset()


@dataclass
class Context:
    """Everything a rule may look at, with analyses shared between rules."""

    post: Post
    policy: Policy
    roster: Roster
    text: PostText = field(init=False)
    # Readings a rule shares with the rules after it (SP105's with SP106 and SP107), by name.
    memo: dict[str, object] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        # The analyses read at most MAX_CHECKED_CHARS (the web app's limit), so no text, however
        # long, ties up a worker; the over-length rule still measures the whole post.
        self.text = PostText(self.post.text[:MAX_CHECKED_CHARS])

    @cached_property
    def reading(self) -> PostText:
        """The text the pupil analyses read: the post, or one typed all in lower case with the capitals
        a careful writer would have used (:mod:`safepost.policy.truecase`), position for position."""
        from safepost.policy.truecase import truecase

        cased = truecase(self.post.text[:MAX_CHECKED_CHARS], self.roster)
        if cased is None:
            return self.text
        reading = PostText(cased)
        return reading if len(reading.text) == len(self.text.text) else self.text

    @cached_property
    def reader_features(self) -> Features:
        """The post's features for the trained readers (shared by SP105 and SP203)."""
        from safepost.policy import trained

        return trained.post_features(self.text.text, self.roster, trained.readers().known)

    @cached_property
    def people(self) -> PeopleAnalysis:
        """Who is named or described in the post (shared by the pupil rules)."""
        from safepost.policy.names import analyse_people

        return analyse_people(self.reading, self.roster, self.post.pupil_words, self.post.other_words)


class Rule:
    """Base class of every rule.

    Subclasses set the class attributes, write a docstring with the sections in
    :data:`DOC_SECTIONS`, and implement :meth:`setting` and :meth:`check`.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str]
    default_severity: ClassVar[Severity] = Severity.BLOCK

    def setting(self, policy: Policy) -> str:
        """What the policy says about this rule: ``block``, ``warn`` or ``allow``."""
        raise NotImplementedError  # pragma: no cover - every rule overrides it

    def severity(self, policy: Policy) -> Severity | None:
        """The severity this policy gives the rule, or ``None`` when it is off."""
        override = policy.rules.get(self.code)
        if override is not None and not override.enabled:
            return None
        action = self.setting(policy)
        if action == "allow":
            return None
        if override is not None and override.severity:
            return Severity(override.severity)
        return Severity(action) if action in ("block", "warn") else self.default_severity

    def allowed_words(self, policy: Policy) -> frozenset[str]:
        """Words the school allows for this rule (``[rules.CODE] words = [...]``), folded."""
        from safepost.policy.text import fold

        override = policy.rules.get(self.code)
        return frozenset(fold(w) for w in override.words) if override else frozenset()

    def check(self, ctx: Context) -> Iterator[Finding]:
        """Yield findings for one post."""
        raise NotImplementedError  # pragma: no cover - every rule overrides it

    def finding(
        self,
        ctx: Context,
        nstart: int,
        nend: int,
        message: str,
        suggestion: str | None = None,
        trace: tuple[str, ...] = (),
    ) -> Finding:
        """A finding for a span of the *normalised* text, mapped back to the original."""
        start, end = ctx.text.span(nstart, nend)
        severity = self.severity(ctx.policy) or self.default_severity
        return Finding(self.code, self.name, self.category, severity, message, start, end, suggestion, trace)

    @classmethod
    def doc_sections(cls) -> dict[str, str]:
        """The docstring's sections by heading (``What it flags`` ...)."""
        text = inspect.cleandoc(cls.__doc__ or "")
        sections: dict[str, str] = {}
        current = "summary"
        lines: list[str] = []
        for line in text.splitlines():
            m = _HEADING.fullmatch(line.strip())
            if m:
                sections[current] = textwrap.dedent("\n".join(lines)).strip()
                current, lines = m.group(1), []
            else:
                lines.append(line)
        sections[current] = textwrap.dedent("\n".join(lines)).strip()
        return sections

    @classmethod
    def summary(cls) -> str:
        """The first line of the docstring."""
        return cls.doc_sections().get("summary", "").splitlines()[0] if cls.__doc__ else ""


class PhotoRule(Rule):
    """Base class of the rules about a post's photos (codes SP6xx).

    A photo rule judges what is known about one photo (:class:`~safepost.policy.photo_facts.PhotoFacts`)
    for a post going to some channels; it has nothing to say about the text, so the text checker
    (``safepost check``) does not run it, and its category is one of
    :data:`~safepost.policy.findings.PHOTO_CATEGORIES`. Its docstring has the same sections as a
    text rule's; ``example`` and ``instead`` are the photos its *Example* and *Use instead*
    describe, which the rule meta-tests run through it (the first must be flagged, the second not)
    for a post going to ``example_channels``.
    """

    example: ClassVar[PhotoFacts]
    instead: ClassVar[PhotoFacts]
    example_channels: ClassVar[tuple[str, ...]] = ("social",)

    @abstractmethod
    def check_photo(self, photo: PhotoFacts, policy: Policy, channels: Collection[str]) -> Iterator[Finding]:
        """Yield findings for one photo."""

    def check(self, ctx: Context) -> Iterator[Finding]:
        """A post's text holds no photo: photo rules are run by ``assess``, never by the text checker."""
        return iter(())

    def make(self, policy: Policy, photo: PhotoFacts, message: str, suggestion: str, *trace: str) -> Finding:
        """A finding about ``photo`` (photos have no span of text: start and end are 0)."""
        severity = self.severity(policy) or self.default_severity
        return Finding(
            self.code,
            self.name,
            self.category,
            severity,
            message,
            0,
            0,
            suggestion,
            (f"photo {photo.number}", *trace),
        )
