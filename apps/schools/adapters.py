"""django-allauth adapter: schools add their staff; nobody signs themselves up."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    """Closed sign-up: a senior leader adds each member of staff from the staff list."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False
