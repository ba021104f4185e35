"""What the school's records announce to the apps above them (which schools does not import).

``consent_withdrawn`` is sent when a pupil's social media or website consent is recorded as
withdrawn (on the pupil's page or by a roster import). The posts app receives it and holds the
posts waiting to go out that now break the policy (``apps.posts.actions.hold_for_withdrawn_consent``,
connected in ``PostsConfig.ready``); each receiver returns the list of what it held.
"""

from __future__ import annotations

from typing import Any

from django.dispatch import Signal

from apps.schools.models import Pupil

#: Arguments: ``pupil``, ``withdrawn`` (which consent, for the reason: "website consent"), ``actor``.
consent_withdrawn = Signal()


def announce_withdrawn_consent(pupil: Pupil, withdrawn: str, actor: Any) -> list[Any]:
    """Send :data:`consent_withdrawn` and return everything its receivers held (the posts).

    Sent, not sent robustly: a receiver's error stops the request, as it would have when the view
    held the posts itself, rather than leaving a post that should be held in the queue silently.
    """
    held: list[Any] = []
    for _receiver, response in consent_withdrawn.send(
        sender=Pupil, pupil=pupil, withdrawn=withdrawn, actor=actor
    ):
        held.extend(response or [])
    return held
