"""How a post's publications stand, in words for the post's page (posts asks through its publisher)."""

from __future__ import annotations

from datetime import datetime

from apps.posts.checking import moment_words
from apps.posts.models import Post
from apps.publishing.models import Publication
from apps.publishing.targets import label_of
from safepost.policy.config import Policy


def next_retry(post: Post) -> datetime | None:
    """When the earliest publication of ``post`` waiting to be retried is tried again."""
    retrying = [
        p.next_attempt_at
        for p in post.publications.all()
        if p.status == Publication.Status.RETRYING and p.next_attempt_at
    ]
    return min(retrying) if retrying else None


def publication_advice(publication: Publication, now: datetime, policy: Policy) -> str:
    """What the writer should do about a publication, in plain words."""
    target = label_of(publication.target)
    match publication.status:
        case Publication.Status.PENDING:
            return f"Waiting to go out to {target}."
        case Publication.Status.PUBLISHING:
            # A live worker holds the attempt until ``next_attempt_at`` (its lease) and renews it by its
            # heartbeat; a worker that stopped mid-send leaves it to run out within ``LEASE``.
            lease_ends = publication.next_attempt_at
            if lease_ends is None or lease_ends > now:
                return f"Going out to {target} now."
            return (
                f"Sending to {target} was not confirmed, so Safepost is about to check whether the post "
                "arrived and try again (within a minute): it is never posted twice. Nothing to do yet."
            )
        case Publication.Status.PUBLISHED:
            return f"On {target}."
        case Publication.Status.RETRYING:
            when = (
                moment_words(publication.next_attempt_at, now, policy)
                if publication.next_attempt_at
                else "shortly"
            )
            return f"It did not go out to {target}; Safepost will try again at {when}. Nothing to do yet."
        case Publication.Status.FAILED:
            return (
                f"It did not go out to {target} after {publication.attempts} tries, and Safepost has stopped "
                "trying. Nothing was posted there. Tell your computing lead, with the error below. "
                "To post it anyway, write it again as a new post once the problem is fixed."
            )
    return str(publication.get_status_display())
