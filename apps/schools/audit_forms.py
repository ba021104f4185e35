"""The audit log's filters."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any, cast

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from apps.audit.display import ACTION_LABELS, GROUPS, GROUPS_BY_KEY, action_label, group_of
from apps.audit.models import AuditEntry
from apps.schools.models import School

SYSTEM = "system"


class DateInput(forms.DateInput):
    input_type = "date"


class AuditFilterForm(forms.Form):
    """What to show: an action (or a group of them), a person, dates and words in the summary."""

    action = forms.ChoiceField(label="What happened", required=False)
    person = forms.ChoiceField(label="Who", required=False)
    start = forms.DateField(label="From", required=False, widget=DateInput)
    end = forms.DateField(label="To", required=False, widget=DateInput)
    q = forms.CharField(
        label="Words in the summary",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "e.g. Oak Class"}),
    )

    def __init__(self, school: School, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.school = school
        cast(forms.ChoiceField, self.fields["action"]).choices = self._action_choices()
        cast(forms.ChoiceField, self.fields["person"]).choices = self._person_choices()

    def _action_choices(self) -> list[Any]:
        seen = set(AuditEntry.objects.filter(school=self.school).values_list("action", flat=True).distinct())
        known = set(ACTION_LABELS) | seen
        choices: list[Any] = [("", "Everything")]
        for group in GROUPS:
            members = sorted((a for a in known if group.matches(a)), key=action_label)
            options = [(group.key, f"All {group.label.lower()}")]
            options += [(a, action_label(a)) for a in members]
            choices.append((group.label, options))
        other = sorted((a for a in seen if group_of(a) is None), key=action_label)
        if other:
            choices.append(("Other", [(a, action_label(a)) for a in other]))
        return choices

    def _person_choices(self) -> list[tuple[str, str]]:
        in_log = AuditEntry.objects.filter(school=self.school, actor__isnull=False).values("actor")
        users = (
            get_user_model()
            .objects.filter(Q(memberships__school=self.school) | Q(pk__in=in_log))
            .distinct()
            .order_by("first_name", "last_name", "username")
        )
        choices = [("", "Anyone"), (SYSTEM, "The system (scheduled tasks)")]
        for user in users:
            full = user.get_full_name()
            choices.append((str(user.pk), f"{full} ({user.get_username()})" if full else user.get_username()))
        return choices

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            self.add_error("end", "The end date is before the start date.")
        return data

    def apply(self, entries: QuerySet[AuditEntry]) -> QuerySet[AuditEntry]:
        """``entries`` narrowed by the (valid) filters."""
        data = self.cleaned_data
        action = data.get("action") or ""
        if action in GROUPS_BY_KEY:
            entries = entries.filter(GROUPS_BY_KEY[action].q())
        elif action:
            entries = entries.filter(action=action)
        person = data.get("person") or ""
        if person == SYSTEM:
            entries = entries.filter(actor__isnull=True)
        elif person:
            entries = entries.filter(actor_id=int(person))
        tz = self.school.policy.tz
        if data.get("start"):
            entries = entries.filter(created_at__gte=datetime.combine(data["start"], time(), tzinfo=tz))
        if data.get("end") and data["end"] < date.max:
            day_after = data["end"] + timedelta(days=1)
            entries = entries.filter(created_at__lt=datetime.combine(day_after, time(), tzinfo=tz))
        if data.get("q"):
            entries = entries.filter(summary__icontains=data["q"].strip())
        return entries

    @property
    def active(self) -> bool:
        return self.is_bound and self.is_valid() and any(self.cleaned_data.values())
