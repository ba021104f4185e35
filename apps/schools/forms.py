"""Forms for the school settings pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model

from apps.schools.models import Membership, Role, School
from apps.schools.policy_edit import REMOVE, KeyPath
from safepost.policy.config import DAYS, EXCEPTION_KINDS, Policy

ROLE_CHOICES = list(Role.choices)
DAY_CHOICES = [
    ("mon", "Monday"),
    ("tue", "Tuesday"),
    ("wed", "Wednesday"),
    ("thu", "Thursday"),
    ("fri", "Friday"),
    ("sat", "Saturday"),
    ("sun", "Sunday"),
]
assert [d for d, _ in DAY_CHOICES] == list(DAYS)
EXCEPTION_LABELS = {
    "school-event": "School events (matches, trips, performances)",
    "urgent-news": "Urgent school news (such as a closure)",
}
NAMES_CHOICES = [
    ("first-names-only", "First names only, no surnames"),
    ("none", "No pupil names at all"),
    ("not-with-photos", "No names with pupils' photos"),
    ("allowed", "Names allowed"),
]
MENTIONS_CHOICES = [("avoid", "Avoid @mentions"), ("allow", "@mentions are fine")]
HASHTAG_CHOICES = [("end-only", "Only at the end of a post"), ("anywhere", "Anywhere in a post")]
APPROVER_CHOICES = [
    ("account-holder", "The account's holder"),
    ("headteacher", "The headteacher"),
    ("senior-leader", "Senior leaders, the headteacher included"),
]
TIME_ERRORS = {"invalid": "Write the time as HH:MM, for example 08:00.", "required": "Enter a time."}


def exception_field(kind: str) -> tuple[str, str]:
    """The form field names for one posting-window exception: (allowed, roles)."""
    slug = kind.replace("-", "_")
    return f"exc_{slug}_on", f"exc_{slug}_roles"


class PolicyTextForm(forms.Form):
    text = forms.CharField(
        label="The policy file (TOML)",
        strip=False,
        widget=forms.Textarea(attrs={"rows": 30, "spellcheck": "false", "class": "school-code"}),
        max_length=100_000,
        error_messages={"required": "The policy cannot be empty. Paste the whole file back in."},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def clean_text(self) -> str:
        return str(self.cleaned_data["text"]).replace("\r\n", "\n")


class PolicySettingsForm(forms.Form):
    """The settings schools change most, written back into the policy file."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    days = forms.MultipleChoiceField(
        label="Days posts may go out",
        choices=DAY_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Tick at least one day."},
    )
    start = forms.TimeField(
        label="Earliest time",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        input_formats=["%H:%M"],
        error_messages=TIME_ERRORS,
    )
    end = forms.TimeField(
        label="Latest time",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        input_formats=["%H:%M"],
        error_messages=TIME_ERRORS,
    )
    names = forms.ChoiceField(label="Pupils' names", choices=NAMES_CHOICES)
    max_length = forms.IntegerField(
        label="Longest post (characters)",
        min_value=1,
        max_value=5000,
        error_messages={"invalid": "Enter a whole number of characters, such as 280."},
    )
    mentions = forms.ChoiceField(label="@mentions", choices=MENTIONS_CHOICES)
    hashtags = forms.ChoiceField(label="Hashtags", choices=HASHTAG_CHOICES)
    publishers = forms.MultipleChoiceField(
        label="Who has posting rights",
        choices=ROLE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Tick at least one role, or nobody could post."},
    )
    approval_required_for = forms.MultipleChoiceField(
        label="Whose posts need approval first",
        choices=ROLE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    approvers = forms.MultipleChoiceField(
        label="Who approves posts",
        help_text="The headteacher approves whenever senior leaders do; tick “The headteacher” alone for "
        "only the head to approve. Nobody approves their own post.",
        choices=APPROVER_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Tick at least one, or posts needing approval could never go out."},
    )
    agreement_required = forms.BooleanField(
        label="Staff must sign the social media agreement before they post", required=False
    )
    class_accounts = forms.BooleanField(label="The school has class accounts", required=False)

    def __init__(self, *args: Any, policy: Policy, **kwargs: Any) -> None:
        self.policy = policy
        window = policy.posting_window
        initial = {
            "days": list(window.days),
            "start": window.start,
            "end": window.end,
            "names": policy.pupils.names,
            "max_length": policy.writing.max_length,
            "mentions": policy.writing.mentions,
            "hashtags": policy.writing.hashtags,
            "publishers": list(policy.accounts.publishers),
            "approval_required_for": list(policy.accounts.approval_required_for),
            "approvers": list(policy.accounts.approvers),
            "agreement_required": policy.accounts.agreement_required,
            "class_accounts": policy.accounts.class_accounts,
        }
        for kind in EXCEPTION_KINDS:
            on, roles = exception_field(kind)
            rule = window.exceptions.get(kind)  # type: ignore[call-overload]
            initial[on] = rule is not None
            initial[roles] = list(rule.roles) if rule is not None else []
        kwargs.setdefault("initial", {}).update(initial)
        super().__init__(*args, **kwargs)
        for kind in EXCEPTION_KINDS:
            on, roles = exception_field(kind)
            label = EXCEPTION_LABELS.get(kind, kind.replace("-", " "))
            self.fields[on] = forms.BooleanField(
                label=f"Allow posting outside the hours for: {label}", required=False
            )
            self.fields[roles] = forms.MultipleChoiceField(
                label="Who may use it",
                choices=ROLE_CHOICES,
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )

    def exception_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        """(allowed, roles) bound fields for each exception, for the template."""
        return [(self[exception_field(k)[0]], self[exception_field(k)[1]]) for k in EXCEPTION_KINDS]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for kind in EXCEPTION_KINDS:
            on, roles = exception_field(kind)
            if data.get(on) and not data.get(roles):
                self.add_error(roles, "Tick who may use this exception, or untick “Allow”.")
        return data

    def changes(self) -> dict[KeyPath, Any]:
        """The key paths whose value the form changes, with their new values."""
        data = self.cleaned_data
        policy = self.policy
        current: dict[KeyPath, Any] = {
            ("posting_window", "days"): list(policy.posting_window.days),
            ("posting_window", "start"): policy.posting_window.start,
            ("posting_window", "end"): policy.posting_window.end,
            ("pupils", "names"): policy.pupils.names,
            ("writing", "max_length"): policy.writing.max_length,
            ("writing", "mentions"): policy.writing.mentions,
            ("writing", "hashtags"): policy.writing.hashtags,
            ("accounts", "publishers"): list(policy.accounts.publishers),
            ("accounts", "approval_required_for"): list(policy.accounts.approval_required_for),
            ("accounts", "approvers"): list(policy.accounts.approvers),
            ("accounts", "agreement_required"): policy.accounts.agreement_required,
            ("accounts", "class_accounts"): policy.accounts.class_accounts,
        }
        role_order = [r for r, _ in ROLE_CHOICES]
        approver_order = [a for a, _ in APPROVER_CHOICES]
        wanted: dict[KeyPath, Any] = {
            ("posting_window", "days"): [d for d in DAYS if d in data["days"]],
            ("posting_window", "start"): data["start"],
            ("posting_window", "end"): data["end"],
            ("pupils", "names"): data["names"],
            ("writing", "max_length"): data["max_length"],
            ("writing", "mentions"): data["mentions"],
            ("writing", "hashtags"): data["hashtags"],
            ("accounts", "publishers"): [r for r in role_order if r in data["publishers"]],
            ("accounts", "approval_required_for"): [
                r for r in role_order if r in data["approval_required_for"]
            ],
            ("accounts", "approvers"): [a for a in approver_order if a in data["approvers"]],
            ("accounts", "agreement_required"): data["agreement_required"],
            ("accounts", "class_accounts"): data["class_accounts"],
        }
        out: dict[KeyPath, Any] = {}
        for path, value in wanted.items():
            old = current[path]
            same = sorted(old) == sorted(value) if isinstance(value, list) else old == value
            if not same:
                out[path] = value
        for kind in EXCEPTION_KINDS:
            on, roles = exception_field(kind)
            rule = policy.posting_window.exceptions.get(kind)  # type: ignore[call-overload]
            path = ("posting_window", "exceptions", kind)
            if not data[on]:
                if rule is not None:
                    out[path] = REMOVE
                continue
            chosen = [r for r in role_order if r in data[roles]]
            if rule is None or sorted(rule.roles) != sorted(chosen):
                out[(*path, "roles")] = chosen
        return out


#: Where a problem with a policy key is shown on the settings form.
FIELD_FOR_KEY: list[tuple[str, str]] = [
    *((f"posting_window.exceptions.{k}", exception_field(k)[1]) for k in EXCEPTION_KINDS),
    ("posting_window.days", "days"),
    ("posting_window.start", "start"),
    ("posting_window.end", "end"),
    ("posting_window", "end"),  # "start must be before end"
    ("pupils.names", "names"),
    ("writing.max_length", "max_length"),
    ("writing.mentions", "mentions"),
    ("writing.hashtags", "hashtags"),
    ("accounts.publishers", "publishers"),
    ("accounts.approval_required_for", "approval_required_for"),
    ("accounts.approvers", "approvers"),
    ("accounts.agreement_required", "agreement_required"),
    ("accounts.class_accounts", "class_accounts"),
]


def field_for_key(key: str) -> str | None:
    """The settings form field that shows a problem with ``key`` (a policy key path), if any."""
    for prefix, name in FIELD_FOR_KEY:
        if key == prefix or key.startswith((prefix + ".", prefix + "[")):
            return name
    return None


class AddMemberForm(forms.Form):
    first_name = forms.CharField(label="First name", max_length=150)
    last_name = forms.CharField(label="Surname", max_length=150)
    email = forms.EmailField(
        label="School e-mail address",
        max_length=254,
        help_text="Their invitation goes here; it is also how they sign in.",
        error_messages={"invalid": "Enter an e-mail address such as j.smith@school.sch.uk."},
    )
    role = forms.ChoiceField(label="Role", choices=ROLE_CHOICES)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label="Role", choices=ROLE_CHOICES)


def holder_choices(school: School) -> Any:
    """Users who may hold an account: active members of ``school`` who can write posts."""
    users = (
        Membership.objects.filter(school=school, is_active=True).exclude(role=Role.GOVERNOR).values("user")
    )
    return get_user_model().objects.filter(pk__in=users).order_by("first_name", "last_name", "username")


class HolderField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.get_full_name() or obj.get_username()


class AccountForm(forms.Form):
    name = forms.CharField(label="Account name", max_length=100, help_text="For example “Oak Class”.")
    class_name = forms.CharField(
        label="Class",
        max_length=60,
        required=False,
        help_text="The class as the pupil roster names it, for example “Oak”.",
    )
    handle = forms.CharField(
        label="Handle", max_length=100, required=False, help_text="For example @OakClass."
    )
    holder = HolderField(
        label="Account holder",
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label="Nobody yet",
        error_messages={"invalid_choice": "Choose a member of staff from the list."},
    )

    def __init__(self, *args: Any, school: School, is_class: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["holder"].queryset = holder_choices(school)  # type: ignore[attr-defined]
        if is_class:
            self.fields["class_name"].required = True
            self.fields["holder"].help_text = "Usually the class teacher. They approve the class's posts."
        else:
            del self.fields["class_name"]
            self.fields["holder"].help_text = "The headteacher, unless the school chooses someone else."


class RosterUploadForm(forms.Form):
    file = forms.FileField(
        label="Roster file (CSV)",
        help_text="Export it from your MIS (SIMS, Arbor, Bromcom…) as CSV: a header row with first name and "
        "surname columns, and optionally year, class, social media consent and website consent. At most 2 MB.",
        error_messages={"required": "Choose the CSV file to upload.", "empty": "The file is empty."},
    )


class RosterConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput, max_length=100)
    sha256 = forms.CharField(widget=forms.HiddenInput, max_length=64)
    # The second confirmation an import needs when it would mark many pupils as left.
    whole_roster = forms.BooleanField(required=False)


class RosterSearchForm(forms.Form):
    q = forms.CharField(label="Search by name", required=False, max_length=100)
    class_name = forms.ChoiceField(label="Class", required=False)

    def __init__(self, *args: Any, classes: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["class_name"].choices = [("", "All classes"), *((c, c) for c in classes)]  # type: ignore[attr-defined]


class AgreementForm(forms.Form):
    text = forms.CharField(
        label="Agreement text",
        widget=forms.Textarea(attrs={"rows": 24}),
        max_length=50_000,
        error_messages={"required": "Write the agreement before publishing it."},
    )


class SignForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    typed_name = forms.CharField(
        label="Type your full name to sign",
        max_length=200,
        error_messages={"required": "Type your name to sign the agreement."},
    )


# Consent register ------------------------------------------------------------------------------


class ConsentSearchForm(forms.Form):
    q = forms.CharField(label="Search by name", required=False, max_length=100)
    class_name = forms.ChoiceField(label="Class", required=False)
    show = forms.ChoiceField(
        label="Show",
        required=False,
        choices=[
            ("", "Everyone on the roster"),
            ("no-social", "No social media consent"),
            ("no-website", "No website consent"),
            ("left", "Pupils who have left"),
        ],
    )

    def __init__(self, *args: Any, classes: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["class_name"].choices = [("", "All classes"), *((c, c) for c in classes)]  # type: ignore[attr-defined]


class ConsentForm(forms.Form):
    channel = forms.ChoiceField(
        label="Consent for",
        choices=[
            ("social", "Social media (X, Bluesky, Mastodon)"),
            ("website", "The school website"),
            ("face-matching", "Face matching (written consent for biometric data)"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose which consent this is about."},
    )
    value = forms.ChoiceField(
        label="The parent or carer",
        choices=[("given", "gives consent"), ("withdrawn", "refuses or withdraws consent")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether consent is given or withdrawn."},
    )
    given_by = forms.CharField(
        label="Who gave or withdrew it",
        max_length=200,
        help_text="Name and relationship, e.g. Mrs Jones (mother).",
        error_messages={"required": "Write who gave or withdrew the consent, e.g. Mrs Jones (mother)."},
    )
    on = forms.DateField(
        label="Date",
        help_text="The date on the form, e-mail or call.",
        # A date input takes (and shows) ISO dates only: in the British format it would stay empty.
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": "Enter the date.", "invalid": "Enter a real date, e.g. 6 December 2026."},
    )
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="e.g. “Paper form, filed in the office”.",
    )


class FaceReferenceForm(forms.Form):
    photo = forms.FileField(
        label="Reference photo",
        help_text="A clear photo of this pupil's face alone (JPEG, PNG, HEIC or WebP). Only the face "
        "measurements are kept; the photo itself is discarded straight away.",
        error_messages={"required": "Choose a photo to upload.", "empty": "The photo file is empty."},
    )
