"""``manage.py following_due``: read whom each account follows, and run the follows, unfollows and
reviews that are due."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from apps.following import sync, tasks


class Command(BaseCommand):
    help = "Read whom each connected account follows and do the follows, unfollows and reviews that are due."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--every", type=int, default=0, metavar="SECONDS", help="Keep sweeping every SECONDS."
        )
        parser.add_argument("--enqueue", action="store_true", help="Hand each job to the task worker.")

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            due = sync.due()
            if options["enqueue"]:
                for connection_id in due["reads"]:
                    tasks.read_following.enqueue(connection_id)
                for proposal_id in due["follows"]:
                    tasks.follow_approved.enqueue(proposal_id)
                for followed_id in due["unfollows"]:
                    tasks.unfollow_account.enqueue(followed_id)
                for school_id in due["reviews"]:
                    tasks.review_following.enqueue(school_id)
                self.stdout.write(f"{sum(len(ids) for ids in due.values())} job(s) queued")
            else:
                for connection_id in due["reads"]:
                    self.stdout.write(
                        f"connection {connection_id}: {sync.read_following(connection_id).summary()}"
                    )
                for proposal_id in due["follows"]:
                    self.stdout.write(f"proposal {proposal_id}: {sync.follow_approved(proposal_id)}")
                for followed_id in due["unfollows"]:
                    self.stdout.write(f"followed account {followed_id}: {sync.unfollow(followed_id)}")
                for school_id in due["reviews"]:
                    review = sync.review_school(school_id)
                    self.stdout.write(
                        f"school {school_id}: {review.looked_at} looked at, {review.flagged} flagged"
                    )
            if options["every"] <= 0:
                return
            time.sleep(options["every"])
