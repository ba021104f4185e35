"""`manage.py demo_totp USERNAME`: the current sign-in code of a demo leader (demo accounts only)."""

from __future__ import annotations

import time
from typing import Any

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import decrypt
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from apps.home.demo import TOTP_SECRETS, totp_code


class Command(BaseCommand):
    help = "Print the current two-step sign-in code of a demo account (head or senior)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", nargs="?", default="head", help="head (default) or senior")

    def handle(self, *args: Any, **options: Any) -> None:
        username = options["username"]
        user = get_user_model().objects.filter(username=username).first()
        authenticator = (
            Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first() if user else None
        )
        secret = decrypt(authenticator.data["secret"]) if authenticator else None
        # Only for the demo's published secrets: never a way round a real person's second factor.
        if secret is None or secret not in TOTP_SECRETS.values():
            demo = ", ".join(TOTP_SECRETS)
            raise CommandError(f"{username} is not a demo account with the demo authenticator (try: {demo}).")
        code, seconds = totp_code(secret)
        self.stdout.write(f"{code}  (valid for {seconds} more second{'s' if seconds != 1 else ''})")
        if seconds < 10:
            upcoming, _ = totp_code(secret, at=time.time() + seconds)
            self.stdout.write(f"Next code: {upcoming}")
