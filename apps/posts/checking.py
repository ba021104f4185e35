"""The policy engine as posts use it: one checker per school, the photo facts the photo rules read,
the checks of a post's words, photos and length on each platform, and when a post would go out."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from apps.posts.models import KnownPicture, Post, PostPhoto
from apps.posts.publisher import Place, publisher
from apps.schools.actions import name_answers
from apps.schools.models import Membership, Pupil, School
from safepost.photos.policy import FaceInPhoto, PhotoFacts, PupilInPhoto, assess
from safepost.photos.rights import SAME_PICTURE_BITS, Rights, hash_distance
from safepost.policy.checker import Checker
from safepost.policy.config import Policy
from safepost.policy.findings import Finding, Report, Severity
from safepost.policy.rules.base import Post as EnginePost
from safepost.policy.rules.outside_posting_window import (
    describe_moment,
    describe_window,
    in_window,
    local_time,
    next_window_start,
)

# school id -> its checker; replaced when the school's policy or roster object changes.
_CHECKERS: dict[int, Checker] = {}


def checker_for(school: School) -> Checker:
    """A reusable checker for the school's current policy and roster."""
    policy, roster = school.policy, school.roster
    cached = _CHECKERS.get(school.pk)
    if cached is not None and cached.policy is policy and cached.roster is roster:
        return cached
    checker = Checker(policy, roster)
    _CHECKERS[school.pk] = checker
    return checker


def channels_for(post: Post) -> set[str]:
    """Where the post goes, as consent is given: the website feed, and social media if connected."""
    return channels_of(publisher().places_for(post.account))


def channels_of(targets: Iterable[Any]) -> set[str]:
    """The consent channels of these publishing targets (the website; social media for the rest)."""
    kinds = {t.kind for t in targets}
    channels = {"website"} if "website" in kinds else set()
    if kinds - {"website"}:
        channels.add("social")
    return channels or {"website"}


def _pupil(pupil: Pupil) -> PupilInPhoto:
    return PupilInPhoto(
        f"{pupil.first_name} {pupil.surname}",
        {"social": pupil.photo_consent, "website": pupil.website_consent},
    )


def facts_for(photos: Sequence[PostPhoto]) -> list[PhotoFacts]:
    """What the photo rules need to know about each photo, numbered from 1.

    Only tags the writer made (or confirmed) say who a face is; a face-matching suggestion counts
    only to catch a pupil without consent (``FaceInPhoto.matched``).
    """
    facts = []
    known = _known_pictures(photos)
    for number, photo in enumerate(photos, start=1):
        tags = [t for t in photo.tags.all() if not t.suggested]  # prefetched by photos_of()
        by_face = {t.face: _pupil(t.pupil) for t in tags if t.face is not None}
        matched_ids = {i: f["match"]["pupil"] for i, f in enumerate(photo.faces) if f.get("match")}
        matched = (
            {p.pk: _pupil(p) for p in Pupil.objects.filter(pk__in=set(matched_ids.values()))}
            if matched_ids
            else {}
        )
        faces = tuple(
            FaceInPhoto(
                index=i,
                blurred=bool(face.get("blurred", face.get("blur"))),
                adult=bool(face.get("adult") or face.get("not_face")),
                pupil=by_face.get(i),
                matched=matched.get(matched_ids[i]) if i in matched_ids else None,
            )
            for i, face in enumerate(photo.faces)
        )
        facts.append(
            PhotoFacts(
                number=number,
                faces=faces,
                hidden_pupils=tuple(_pupil(t.pupil) for t in tags if t.face is None),
                alt_text=photo.alt_text,
                unsuitable_score=photo.unsuitable_score,
                reviewed=photo.reviewed_at is not None,
                rights_holder=Rights(**photo.rights).holder if photo.rights else "",
                agency=Rights(**photo.rights).agency if photo.rights else None,
                known=_known_match(photo.phash, known),
            )
        )
    return facts


def _known_pictures(photos: Sequence[PostPhoto]) -> list[tuple[str, str, str]]:
    """(hash, status, label) of the pictures the school marked, for the school of ``photos``."""
    if not photos:
        return []
    school_id = photos[0].post.school_id
    return list(KnownPicture.objects.filter(school_id=school_id).values_list("phash", "status", "label"))


def _known_match(phash: str, known: list[tuple[str, str, str]]) -> tuple[str, str] | None:
    """The closest known picture within :data:`SAME_PICTURE_BITS` (a "not ours" wins a tie)."""
    if not phash:
        return None
    close = [(hash_distance(phash, h), status != "not-ours", status, label) for h, status, label in known]
    close = [c for c in close if c[0] <= SAME_PICTURE_BITS]
    if not close:
        return None
    _, _, status, label = min(close)
    return status, label


def photos_of(post: Post) -> list[PostPhoto]:
    """The post's photos, in order."""
    if post.pk is None:
        return []
    return list(post.photos.prefetch_related("tags__pupil").order_by("position", "pk"))


def photo_findings(post: Post, channels: Iterable[str] | None = None) -> tuple[list[Finding], bool]:
    """The photo rules' findings for the post, and whether it carries photos of pupils (SUT-07)."""
    photos = photos_of(post)
    if not photos:
        return [], False
    facts = facts_for(photos)
    chosen = set(channels) if channels is not None else channels_for(post)
    return assess(facts, post.school.policy, chosen), any(f.shows_pupils for f in facts)


def check_text(
    school: School,
    text: str,
    *,
    at: datetime | None,
    exception: str = "",
    role: str | None = None,
    pupil_photos: bool = False,
) -> Report:
    """Check ``text`` as it would go out at ``at`` from a writer with ``role``.

    ``pupil_photos``: the post carries photos showing pupils (SUT-07 then forbids their names).
    """
    pupil_words, other_words = name_answers(school)
    post = EnginePost(
        text,
        at=at,
        exception=exception or None,
        role=role,
        pupil_photos=pupil_photos,
        pupil_words=pupil_words,
        other_words=other_words,
    )
    return checker_for(school).check(post)


def check_post_content(
    school: School,
    text: str,
    *,
    at: datetime | None,
    exception: str = "",
    role: str | None = None,
    post: Post | None = None,
    targets: Sequence[Place] | None = None,
) -> Report:
    """Check a post's words, its photos (a saved ``post``) and its length on each target together.

    ``targets`` are the places the post goes (``publisher().places_for(account)``); pass them when already at
    hand, as the compose page does on every keystroke. Photo and length findings come first.
    """
    if targets is None:
        targets = publisher().places_for(post.account) if post is not None else []
    photo: list[Finding] = []
    with_pupils = False
    if post is not None and post.pk:
        photo, with_pupils = photo_findings(post, channels_of(targets))
    report = check_text(school, text, at=at, exception=exception, role=role, pupil_photos=with_pupils)
    extra = [*photo, *target_length_findings(targets, text)]
    return Report((*extra, *report.findings)) if extra else report


def check_saved_post(post: Post, at: datetime) -> Report:
    """Check a saved post as it would go out at ``at``: its words (with its writer's role and the
    exception claimed), its photos and its length on each place its account publishes to.

    The one check behind the compose page's re-check (:func:`apps.posts.actions.run_check`) and
    publishing's pre-flight: what was checked when the post was sent is what is checked before it
    goes out. The school's policy and roster are read afresh (they may have changed since the post
    was loaded), and so are the places it goes.
    """
    school = post.school = School.objects.get(pk=post.school_id)
    author = Membership.objects.filter(user_id=post.author_id, school_id=post.school_id).first()
    return check_post_content(
        school, post.text, at=at, exception=post.exception, role=author.role if author else None, post=post
    )


def stored_check(
    report: Report, school: School, at: datetime, *, before_publishing: bool = False
) -> dict[str, Any]:
    """A check as it is kept on the post (``Post.last_check``), for the pages that show it."""
    return {
        "verdict": str(report.verdict),
        "findings": [f.to_dict() for f in report.findings],
        "policy_version": school.policy_version,
        "roster_version": school.roster_version,
        "at": at.isoformat(),
        **({"when": "publish"} if before_publishing else {}),
    }


def check_summary(report: Report, *, before_publishing: bool = False) -> str:
    """The audit log's sentence for a check (``post.checked``)."""
    if before_publishing:
        return f"Checked again before publishing: {report.verdict}"
    categories = sorted(report.categories())
    return f"Checked: {report.verdict}" + (f" ({', '.join(categories)})" if categories else "")


def check_audit_data(report: Report, school: School) -> dict[str, Any]:
    """What the audit log keeps of a check (``post.checked``): the verdict and what it was checked with."""
    return {
        "verdict": str(report.verdict),
        "categories": sorted(report.categories()),
        "findings": len(report.findings),
        "policy_version": school.policy_version,
        "roster_version": school.roster_version,
    }


def target_length_findings(targets: Sequence[Place], text: str) -> list[Finding]:
    """A post longer than a connected platform takes (as that platform counts: X counts links as
    23, Bluesky counts graphemes) cannot go out there: say so before it is sent, not when it fails."""
    findings = []
    for target in targets:
        limits = target.limits()
        if limits.max_chars is None:
            continue
        length = limits.length(text)
        if length > limits.max_chars:
            findings.append(
                Finding(
                    "SP404",
                    "over-length",
                    "too-long",
                    Severity.BLOCK,
                    f"{target.label} takes at most {limits.max_chars} characters as it counts them; this "
                    f"post has {length}.",
                    0,
                    0,
                    f"Shorten it by {length - limits.max_chars} characters, or split it into two posts.",
                    (f"{target.kind} limit {limits.max_chars}",),
                )
            )
    return findings


def planned_time(
    policy: Policy, now: datetime, exception: str = "", requested: datetime | None = None
) -> datetime:
    """When a post would go out if it were scheduled at ``now`` (in the school's time zone).

    Exceptions go out at once; a time the writer picked is kept while it is still
    ahead; otherwise the next moment the posting window is open.
    """
    if exception:
        return local_time(now, policy)
    if requested is not None and requested > now:
        return local_time(requested, policy)
    return next_window_start(now, policy)


def window_problem(policy: Policy, at: datetime, now: datetime) -> str | None:
    """Why ``at`` cannot be picked as a posting time, in a sentence naming the window; else ``None``."""
    local = local_time(at, policy)
    if at <= now:
        return f"{local:%H:%M} on {local:%A} {local.day} {local:%B} has already passed. Pick a later time."
    if not in_window(at, policy):
        window = describe_window(policy)
        next_ok = describe_moment(next_window_start(at, policy), local_time(now, policy))
        return (
            f"Posts can go out {window} ({policy.school.timezone}); {local:%A} {local:%H:%M} is outside "
            f"those hours. Pick a time inside them (the next is {next_ok})."
        )
    return None


def moment_words(moment: datetime, now: datetime, policy: Policy) -> str:
    """``08:00 on Monday 9 March`` in the school's time zone (``today``/``tomorrow`` when close)."""
    return describe_moment(local_time(moment, policy), local_time(now, policy))


def short_moment(moment: datetime, now: datetime, policy: Policy) -> str:
    """``08:00 Monday`` for a button label (``today``/``tomorrow``, or the date when a week away)."""
    local, today = local_time(moment, policy), local_time(now, policy).date()
    if local.date() == today:
        return f"{local:%H:%M} today"
    if local.date() == today + timedelta(days=1):
        return f"{local:%H:%M} tomorrow"
    if local.date() < today + timedelta(days=7):
        return f"{local:%H:%M} {local:%A}"
    return f"{local:%H:%M} {local:%A} {local.day} {local:%B}"


def keyed_warnings(report: Report, text: str) -> list[tuple[str, Finding]]:
    """The findings that need a written reason to post despite them, each with a stable key.

    The key names the rule and the flagged words (not their position), so a
    reason typed for a warning stays with it while the writer edits elsewhere.
    """
    seen: dict[str, int] = {}
    keyed = []
    for finding in report.findings:
        if finding.severity is not Severity.WARN:
            continue
        words = text[finding.start : finding.end].casefold()
        key = f"{finding.rule}-{hashlib.sha1(words.encode('utf-8')).hexdigest()[:8]}"
        seen[key] = seen.get(key, 0) + 1
        keyed.append((key if seen[key] == 1 else f"{key}-{seen[key]}", finding))
    return keyed


def finding_from_dict(data: dict[str, Any]) -> Finding:
    """A stored finding (``Finding.to_dict()``) back as a Finding, for showing a saved check."""
    return Finding(
        rule=str(data.get("rule", "")),
        name=str(data.get("name", "")),
        category=str(data.get("category", "")),
        severity=Severity(data.get("severity", "info")),
        message=str(data.get("message", "")),
        start=int(data.get("start", 0)),
        end=int(data.get("end", 0)),
        suggestion=data.get("suggestion"),
        trace=tuple(data.get("trace", ())),
        asks_about=data.get("asks_about"),
    )
