"""`manage.py loaddemo`: the demo school, Oakfield Primary, with one login per role (idempotent)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from apps.audit.display import url_or_none
from apps.home.demo import PASSWORD, PEOPLE, TOTP_SECRETS, DemoResult, load_demo, totp_code
from apps.schools.models import MFA_REQUIRED_ROLES


class Command(BaseCommand):
    help = (
        "Load the demo school (Oakfield Primary School): staff for every role, class accounts, pupils, "
        "the signed agreement and posts in every state. Running it again changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--address",
            default="http://127.0.0.1:8000",
            help="Where the site runs, for the links printed at the end (default %(default)s).",
        )
        parser.add_argument(
            "--public-demo",
            action="store_true",
            help="Load it although DEBUG is off (only on a site that is meant to be a public demo).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["public_demo"]:
            raise CommandError(
                "The demo school has logins anyone can use (the passwords and authenticator secrets are "
                "published), so it is only loaded on a development site (SAFEPOST_DEBUG=1, as `make run` "
                "sets). On a site meant to be a public demo, add --public-demo."
            )
        result = load_demo()
        if "the school" in result.created:
            self.stdout.write(self.style.SUCCESS("Loaded the demo school."))
        elif result.changed:
            self.stdout.write(self.style.SUCCESS(f"Added what was missing: {', '.join(result.created)}."))
        else:
            self.stdout.write("The demo school is already loaded; nothing changed.")
        self.stdout.write(logins(result, options["address"].rstrip("/")))


def _seconds(n: int) -> str:
    return f"{n} more second{'s' if n != 1 else ''}"


def _path(name: str, arg: str | None, fallback: str) -> str:
    return url_or_none(name, *([arg] if arg else [])) or fallback


def logins(result: DemoResult, address: str) -> str:
    """The demo's addresses and logins, as a table."""
    school = result.school
    rows = [("Role", "Username", "Password", "Two-step sign-in", "Notes")]
    for person in PEOPLE:
        user = result.users[person.username]
        totp = "yes: manage.py demo_totp " + user.username if person.role in MFA_REQUIRED_ROLES else "no"
        rows.append((person.role.label, user.username, PASSWORD, totp, person.note))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    table = "\n".join(
        "  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows
    )
    codes = []
    for username, secret in TOTP_SECRETS.items():
        code, seconds = totp_code(secret)
        codes.append(f"    {username:<7} secret {secret}  (code now: {code}, for {_seconds(seconds)})")
    return "\n".join(
        [
            "",
            f"  {school.name}",
            f"    Sign in:          {address}{_path('account_login', None, '/accounts/login/')}",
            f"    Public feed:      {address}{_path('public:feed', school.slug, f'/s/{school.slug}/')}",
            "",
            table,
            "",
            "  The headteacher and the senior leader sign in with a code from an authenticator app.",
            "  The demo uses fixed, public secrets (a real school's leaders set up their own app when",
            "  they first sign in). Add a secret to any authenticator app, or print the current code:",
            "    .venv/bin/python manage.py demo_totp head",
            *codes,
            "",
        ]
    )
