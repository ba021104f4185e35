"""Findings: what a rule reports about a post, and the verdict they add up to."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How a finding affects publishing.

    ``block`` stops the post; ``warn`` lets it through after a written, logged
    override; ``info`` is advice only.
    """

    BLOCK = "block"
    WARN = "warn"
    INFO = "info"


class Verdict(StrEnum):
    """The outcome of checking one post."""

    PASS = "pass"
    WARN = "warn"
    BLOCK = "block"


#: The finding categories: the public contract of ``safepost check``
#: (``shared/eval/README.md``). Rule codes are ours; these names are fixed.
CATEGORIES: dict[str, str] = {
    "pupil-surname": "a pupil's surname or full name appears",
    "pupil-name": "a pupil's name appears where the policy allows none (or beside photos of pupils)",
    "individual-pupil": "content about one identifiable child",
    "trip-whereabouts": "where pupils are or will be, at a time a stranger could act on",
    "out-of-hours": "outside the policy's posting window without an allowed exception",
    "mention": "an @handle of another account, where the policy says to avoid them",
    "text-speak": "text language such as lol, gr8, l8r, u, pls, 2moro",
    "spelling": "a misspelt word (British English)",
    "offensive": "offensive, profane or discriminatory language",
    "personal-data": "a phone number, personal e-mail, home address or date of birth",
    "too-long": "longer than the policy's length limit",
    "hashtag-placement": "a hashtag in the middle of the text where the policy wants them at the end",
}

#: Categories of advice beyond the scored contract, from rules a school switches on for
#: clauses of its own policy (a key-information link, crediting a quotation, a post's
#: tone). They are never about safeguarding and never block unless the school says so.
ADVICE_CATEGORIES: dict[str, str] = {
    "key-information": "key information (dates, letters, closures) without a link to the school's website",
    "copyright": "someone else's words or pictures used without a credit or a licence",
    "tone": "negative about people, or a complaint aired in public, in the school's own post",
}

#: Categories of the photo rules (SP6xx), which the app runs on a post's photos; not part of
#: ``safepost check``, which reads text.
PHOTO_CATEGORIES: dict[str, str] = {
    "photo-face": "a child's face can be seen where the policy allows no faces",
    "photo-consent": "a pupil without photo consent for where the post goes",
    "photo-unknown-face": "a face nobody has named, so its consent is unknown",
    "photo-single-child": "a photo of a single child",
    "photo-alt-text": "a photo without a description",
    "photo-unsuitable": "an image to be looked at by a senior leader before it goes out",
    "photo-copyright": "a picture that may not be the school's to post",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a rule found in a post.

    ``start``/``end`` index the *original* text (as the writer typed it), so the
    compose page can mark the words. ``trace`` says which pattern, list or
    setting made the rule fire, for the "why was this flagged?" view.
    """

    rule: str
    name: str
    category: str
    severity: Severity
    message: str
    start: int = 0
    end: int = 0
    suggestion: str | None = None
    trace: tuple[str, ...] = field(default_factory=tuple)
    #: A word the checker is unsure is a child's name: the writer is asked once ("Is Summer a
    #: pupil here?") and the school's answer is remembered (``Post.pupil_words``/``other_words``).
    asks_about: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of a finding (``safepost check --format json``)."""
        data = asdict(self)
        data["severity"] = str(self.severity)
        data["trace"] = list(self.trace)
        return data


@dataclass(frozen=True, slots=True)
class Report:
    """Every finding for one post, in text order, and the verdict."""

    findings: tuple[Finding, ...]

    @property
    def verdict(self) -> Verdict:
        """``block`` if any finding blocks, ``warn`` if any warns, else ``pass``."""
        severities = {f.severity for f in self.findings}
        if Severity.BLOCK in severities:
            return Verdict.BLOCK
        if Severity.WARN in severities:
            return Verdict.WARN
        return Verdict.PASS

    @property
    def blocking(self) -> tuple[Finding, ...]:
        """The findings that stop publishing."""
        return tuple(f for f in self.findings if f.severity is Severity.BLOCK)

    def categories(self) -> set[str]:
        """The distinct categories found."""
        return {f.category for f in self.findings}
