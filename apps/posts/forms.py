"""The compose form: what to post, from which account, when, and why if it can't wait."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.db.models import QuerySet

from apps.checker.forms import PostTextField
from apps.posts.actions import MAX_TEXT
from apps.posts.checking import window_problem
from apps.posts.models import Post
from apps.schools.models import Account, Membership
from apps.schools.permissions import allowed_exceptions

ASAP, PICK = "asap", "pick"
OVERRIDE_PREFIX = "override-"
EXCEPTION_LABELS = {
    Post.Exception.SCHOOL_EVENT: "Yes: a school event happening now (a match, trip or performance)",
    Post.Exception.URGENT_NEWS: "Yes: urgent school news (such as a closure)",
}


class AccountChoiceField(forms.ModelChoiceField[Account]):
    def label_from_instance(self, obj: Account) -> str:
        return f"{obj.name} ({obj.handle})" if obj.handle else obj.name


class ComposeForm(forms.Form):
    account = AccountChoiceField(
        queryset=Account.objects.none(),
        label="Post from",
        empty_label=None,
        error_messages={
            "required": "Choose the account to post from.",
            "invalid_choice": "Choose one of the accounts in the list.",
        },
    )
    text = PostTextField(
        label="Your post",
        required=False,
        strip=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea,
        error_messages={
            "max_length": "A post can be at most %(limit_value)s characters; this one has %(show_value)s."
        },
    )
    when = forms.ChoiceField(
        label="When",
        choices=[(ASAP, "As soon as possible"), (PICK, "Pick a time")],
        initial=ASAP,
        required=False,
        widget=forms.RadioSelect,
    )
    at = forms.DateTimeField(
        label="Date and time",
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={"invalid": "Enter a date and time such as 09/03/2026 08:30."},
    )
    exception = forms.ChoiceField(
        label="Does this need to go out outside posting hours?",
        required=False,
        choices=[],
        error_messages={"invalid_choice": "Choose one of the reasons in the list."},
    )
    exception_reason = forms.CharField(
        label="Why it can't wait",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Recorded with your name in the school's log.",
    )

    def __init__(
        self,
        *args: Any,
        membership: Membership,
        accounts: QuerySet[Account],
        now: datetime,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.membership = membership
        self.now = now
        self.policy = membership.school.policy
        account_field = self.fields["account"]
        assert isinstance(account_field, forms.ModelChoiceField)
        account_field.queryset = accounts
        allowed = allowed_exceptions(membership)
        if allowed:
            exception_field = self.fields["exception"]
            assert isinstance(exception_field, forms.ChoiceField)
            exception_field.choices = [("", "No, an ordinary post")] + [
                (kind, EXCEPTION_LABELS.get(Post.Exception(kind), kind)) for kind in allowed
            ]
        else:
            # Offered only to roles the policy allows: others never see (or send) it.
            del self.fields["exception"]
            del self.fields["exception_reason"]

    @classmethod
    def initial_for(cls, post: Post) -> dict[str, Any]:
        """The form's starting values for editing ``post``."""
        return {
            "account": post.account_id,
            "text": post.text,
            "when": PICK if post.requested_time else ASAP,
            "at": post.requested_time,
            "exception": post.exception,
            "exception_reason": post.exception_reason,
        }

    @property
    def offers_exceptions(self) -> bool:
        return "exception" in self.fields

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not str(data.get("text") or "").strip() and "text" not in self.errors:
            self.add_error("text", "Write the post first: it is empty.")
        exception = data.get("exception") or ""
        if exception:
            if not str(data.get("exception_reason") or "").strip():
                self.add_error(
                    "exception_reason", "Say why this can't wait for posting hours: it is recorded."
                )
        elif data.get("when") == PICK:
            at = data.get("at")
            if at is None:
                if "at" not in self.errors:
                    self.add_error("at", "Pick a date and time, or choose “As soon as possible”.")
            else:
                problem = window_problem(self.policy, at, self.now)
                if problem:
                    self.add_error("at", problem)
        return data

    def value_of(self, name: str) -> Any:
        """What the field holds now: cleaned if it validated, else its initial value (for previews)."""
        cleaned = getattr(self, "cleaned_data", {})
        if name in cleaned:
            return cleaned[name]
        if self.is_bound:
            return None
        value = self.initial.get(name, self.fields[name].initial if name in self.fields else None)
        if name == "account" and value is not None and not isinstance(value, Account):
            field = self.fields["account"]
            assert isinstance(field, forms.ModelChoiceField) and field.queryset is not None
            return field.queryset.filter(pk=value).first()
        return value

    def requested_time(self) -> datetime | None:
        """The time picked, when the writer picked one (and no exception)."""
        if self.value_of("exception") or self.value_of("when") != PICK:
            return None
        at = self.value_of("at")
        return at if isinstance(at, datetime) else None

    def overrides(self) -> dict[str, str]:
        """The reasons typed for each warning, by warning key."""
        if not self.is_bound:
            return {}
        return {
            key.removeprefix(OVERRIDE_PREFIX): str(value)
            for key, value in self.data.items()
            if key.startswith(OVERRIDE_PREFIX)
        }
