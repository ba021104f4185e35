"""Reading the consent register: which posts show a pupil, and the face-matching references."""

from __future__ import annotations

from typing import TYPE_CHECKING

from apps.schools.models import FaceReference, Pupil, School

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from apps.posts.models import Post

#: Posts not yet out, but on their way: worth checking when consent is withdrawn.
WAITING_STATUSES = ("pending", "changes", "scheduled", "publishing", "held", "failed")


def posts_showing(pupil: Pupil, statuses: tuple[str, ...] = ("published",)) -> QuerySet[Post]:
    """The school's posts with a photo in which ``pupil`` is tagged, newest first.

    Face-matching suggestions count too: for taking posts down, missing one is the costly error.
    Read through the school's ``posts`` (the posts app sits above schools and is not imported).
    """
    return (
        pupil.school.posts.filter(
            status__in=statuses,
            photos__tags__pupil=pupil,
        )
        .select_related("account")
        .distinct()
        .order_by("-published_at", "-created_at")
    )


def references_for(school: School) -> dict[int, list[bytes]]:
    """Every enrolled face-matching reference of the school, by pupil id (``{}`` when it is off).

    Only pupils on the roster whose written consent for face matching is recorded as given are
    included, whatever is stored: nobody else is ever matched.
    """
    if not school.face_matching:
        return {}
    references: dict[int, list[bytes]] = {}
    rows = FaceReference.objects.filter(
        pupil__school=school, pupil__is_active=True, pupil__face_matching_consent=True
    ).values_list("pupil_id", "embedding")
    for pupil_id, embedding in rows:
        references.setdefault(pupil_id, []).append(bytes(embedding))
    return references
