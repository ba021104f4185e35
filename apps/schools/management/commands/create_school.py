"""manage.py create_school: a new school on a preset policy, with its first headteacher."""

from __future__ import annotations

import re
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_email
from django.db import transaction

from apps.audit.actions import record
from apps.schools.actions import create_school
from apps.schools.models import Account, Membership, Role, School
from safepost.policy.config import preset_names


class Command(BaseCommand):
    help = (
        "Create a school on one of the policy presets, with its first headteacher, who then sets a "
        "password from the sign-in page (Forgot your password?) and an authenticator app."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", help="the school's name, e.g. \"St Anne's Primary School\"")
        parser.add_argument("slug", help="its web name for the public feed: lower case, digits and hyphens")
        parser.add_argument(
            "--preset", required=True, choices=preset_names(), help="the policy to start from"
        )
        parser.add_argument("--head-email", required=True, help="the headteacher's school e-mail address")
        parser.add_argument("--head-name", required=True, help='the headteacher\'s name, e.g. "Alex Jones"')
        parser.add_argument("--website", default="", help="the school website's address (optional)")

    def handle(self, *args: Any, **options: Any) -> None:
        name, slug = options["name"].strip(), options["slug"].strip()
        email, head_name = options["head_email"].strip(), options["head_name"].strip()
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug):
            raise CommandError(
                f'"{slug}" is not a web name: use lower-case letters, digits and hyphens, e.g. st-annes'
            )
        if School.objects.filter(slug=slug).exists():
            raise CommandError(f'a school already uses the web name "{slug}"; choose another')
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f'"{email}" is not an e-mail address') from None
        first, _, last = head_name.partition(" ")
        User = get_user_model()
        with transaction.atomic():
            school = create_school(name, slug, options["preset"])
            if options["website"]:
                School.objects.filter(pk=school.pk).update(website=options["website"])
            head = User.objects.filter(email__iexact=email).first()
            if head is None:
                head = User.objects.create_user(username=email, email=email, first_name=first, last_name=last)
                head.set_unusable_password()
                head.save(update_fields=["password"])
                EmailAddress.objects.create(user=head, email=email, primary=True, verified=True)
            membership = Membership.objects.create(user=head, school=school, role=Role.HEADTEACHER)
            Account.objects.filter(school=school, kind=Account.Kind.MAIN).update(holder=head)
            record(
                school,
                None,
                "member.added",
                f"{head_name} added as Headteacher when the school was set up",
                membership,
                {"user": head.pk, "email": email, "role": "headteacher"},
            )
        self.stdout.write(
            f"Created {name} on the {options['preset']} policy.\n"
            f"  Public feed: /s/{slug}/\n"
            f"  Headteacher: {head_name} <{email}>. They open the sign-in page, choose "
            f'"Forgot your password?" with this address to set a password, then set up an authenticator app.\n'
            "  Next: check the policy (School > Policy), add staff, class accounts and the pupil roster."
        )
