"""Governance pages: the policy document and its versions, sign-off, letters to parents, e-safety posts."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.governance import actions, esafety
from apps.governance.document import Document, build, date_words
from apps.governance.forms import ChairForm, LetterForm, SignForm
from apps.governance.models import EsafetySuggestion, ParentLetter, PolicyVersion, SignOff
from apps.governance.pdf import policy_pdf, text_pdf
from apps.platforms.rotation import REGULAR_DAYS
from apps.schools import permissions
from apps.schools.models import Membership, Role
from apps.schools.scoping import SchoolRequest, get_for_school, school_member_required
from safepost.policy.config import PolicyError


def _membership(request: SchoolRequest) -> Membership:
    return request.membership


def _context(request: SchoolRequest, tab: str, **extra: Any) -> dict[str, Any]:
    membership = _membership(request)
    return {
        "tab": tab,
        "can_manage": permissions.can_manage_school(membership),
        "can_read_letters": permissions.can_view_school_settings(membership),
        **extra,
    }


def _document(version: PolicyVersion) -> Document:
    return build(actions.policy_of(version), version.school.name, REGULAR_DAYS)


def _status(version: PolicyVersion) -> str:
    """One sentence on where a version stands, for the page and the PDF."""
    school = version.school
    if version.is_signed:
        names = " and ".join(
            f"{s.typed_name} ({s.get_capacity_display().lower()}) on {timezone.localtime(s.signed_at):%-d %B %Y}"
            for s in version.signoffs.all()
        )
        current = (
            "" if actions.signed_version(school) == version else " A later version has been signed since."
        )
        return f"Version {version.number} of the settings, signed by {names}.{current}"
    if version.number == school.policy_version:
        return (
            f"Version {version.number} of the settings: a draft, waiting for the signatures of the headteacher "
            "and the chair of governors."
        )
    return f"Version {version.number} of the settings: a draft that was replaced by a later change of the settings."


# The overview ------------------------------------------------------------------------------------


@require_GET
@school_member_required(check=lambda m: m.is_active)
def index(request: SchoolRequest) -> HttpResponse:
    school = request.school
    membership = _membership(request)
    latest = actions.latest_version(school)
    governors = Membership.objects.filter(school=school, role=Role.GOVERNOR, is_active=True).select_related(
        "user"
    )
    chair = actions.chair_of(school)
    due = actions.review_due(school.policy)
    capacity = actions.capacity_of(membership)
    context = _context(
        request,
        "overview",
        latest=latest,
        signed=actions.signed_version(school),
        versions=PolicyVersion.objects.filter(school=school).prefetch_related("signoffs")[:50],
        chair=chair,
        chair_form=ChairForm(
            initial={"governor": next((g.pk for g in governors if g.user == chair), None)},
            choices=[(g.pk, g.user.get_full_name() or g.user.get_username()) for g in governors],
        ),
        has_governors=bool(governors),
        can_set_chair=membership.role == Role.HEADTEACHER,
        review=date_words(school.policy.review.next_review) if due else "",
        review_overdue=bool(due and due <= timezone.localdate()),
        review_soon=bool(due and 0 < (due - timezone.localdate()).days <= actions.REVIEW_NOTICE_DAYS),
        may_sign=capacity is not None and not latest.signoffs.filter(capacity=capacity).exists(),
        notice_days=actions.REVIEW_NOTICE_DAYS,
    )
    return render(request, "governance/index.html", context)


@require_POST
@school_member_required(check=lambda m: m.role == Role.HEADTEACHER)
def chair(request: SchoolRequest) -> HttpResponse:
    school = request.school
    governors = Membership.objects.filter(school=school, role=Role.GOVERNOR, is_active=True)
    form = ChairForm(request.POST, choices=[(g.pk, str(g.pk)) for g in governors])
    if not form.is_valid():
        messages.error(request, "Choose one of the school's governors from the list.")
        return HttpResponseRedirect(reverse("governance:index"))
    governor = governors.get(pk=form.cleaned_data["governor"])
    try:
        actions.set_chair(school, governor, _membership(request))
    except actions.GovernanceError as exc:
        messages.error(request, str(exc))
    else:
        name = governor.user.get_full_name() or governor.user.get_username()
        messages.success(
            request, f"{name} is recorded as the chair of governors and signs the policy for them."
        )
    return HttpResponseRedirect(reverse("governance:index"))


# The document and its versions ---------------------------------------------------------------------


def _version_page(
    request: SchoolRequest, version: PolicyVersion, form: SignForm | None = None
) -> HttpResponse:
    membership = _membership(request)
    capacity = actions.capacity_of(membership)
    signoffs = list(version.signoffs.select_related("user"))
    may_sign = (
        capacity is not None
        and version.number == version.school.policy_version
        and not any(s.capacity == capacity for s in signoffs)
    )
    try:
        document: Document | None = _document(version)
        unreadable: list[str] = []
    except PolicyError as exc:  # settings an older Safepost accepted and this one does not
        document, unreadable = None, exc.problems
    context = _context(
        request,
        "document",
        version=version,
        document=document,
        unreadable=unreadable,
        status=_status(version),
        signoffs=signoffs,
        missing=[c.label for c in SignOff.Capacity if not any(s.capacity == c for s in signoffs)],
        may_sign=may_sign,
        capacity_label=SignOff.Capacity(capacity).label.lower() if capacity else "",
        form=form or SignForm(),
        my_name=request.user.get_full_name() or request.user.get_username(),  # type: ignore[union-attr]
        chair_known=actions.chair_of(version.school) is not None,
    )
    return render(request, "governance/version.html", context)


@require_GET
@school_member_required(check=lambda m: m.is_active)
def document(request: SchoolRequest) -> HttpResponse:
    return _version_page(request, actions.latest_version(request.school))


@require_GET
@school_member_required(check=lambda m: m.is_active)
def version(request: SchoolRequest, pk: int) -> HttpResponse:
    return _version_page(request, get_for_school(PolicyVersion, request, pk=pk))


@require_GET
@school_member_required(check=lambda m: m.is_active)
def version_pdf(request: SchoolRequest, pk: int) -> HttpResponse:
    found = get_for_school(PolicyVersion, request, pk=pk)
    try:
        document = _document(found)
    except PolicyError:
        messages.error(
            request, f"Version {found.number}'s settings can no longer be read, so there is no PDF of it."
        )
        return HttpResponseRedirect(reverse("governance:version", args=[found.pk]))
    response = HttpResponse(policy_pdf(document, _status(found)), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="social-media-policy-v{found.number}.pdf"'
    return response


@require_POST
@school_member_required(check=lambda m: m.is_active)
def sign(request: SchoolRequest, pk: int) -> HttpResponse:
    found = get_for_school(PolicyVersion, request, pk=pk)
    form = SignForm(request.POST)
    if form.is_valid():
        try:
            signoff = actions.sign_version(found, _membership(request), form.cleaned_data["typed_name"])
        except actions.GovernanceError as exc:
            form.add_error("typed_name", str(exc))
        else:
            found.refresh_from_db()
            done = (
                " Both signatures are in: this is now the school's signed policy."
                if found.is_signed
                else " It now waits for the other signature."
            )
            if found.agreement_republished:
                done += " It changes what staff must do, so the agreement has been published again for everyone to sign."
            messages.success(
                request,
                f"You signed version {found.number} as the {signoff.get_capacity_display().lower()}.{done}",
            )
            return HttpResponseRedirect(reverse("governance:version", args=[found.pk]))
    return _version_page(request, found, form)


# Letters to parents --------------------------------------------------------------------------------


_LETTER_INTRO = {
    ParentLetter.Kind.LETTER: "The letter that tells parents about the account before it launches: how it works, "
    "that the school does not discuss school matters in replies, and how children are kept safe.",
    ParentLetter.Kind.SUMMARY: "A short summary of the policy for parents, to send home or put on the website.",
}


@require_http_methods(["GET", "POST"])
@school_member_required(check=permissions.can_view_school_settings)
def parent_letter(request: SchoolRequest, kind: str) -> HttpResponse:
    school = request.school
    membership = _membership(request)
    current = actions.letter(school, kind)
    initial = current.generated if request.GET.get("fresh") else current.text
    form = LetterForm(initial={"text": initial})
    if request.method == "POST":
        if not permissions.can_manage_school(membership):
            raise PermissionDenied("Only the headteacher and senior leaders change letters to parents.")
        if request.POST.get("action") == "sent":
            actions.mark_letter_sent(school, kind, membership)
            messages.success(
                request, f"Recorded: the {ParentLetter.Kind(kind).label.lower()} went to parents today."
            )
            return HttpResponseRedirect(reverse(f"governance:{kind}"))
        form = LetterForm(request.POST)
        if form.is_valid():
            try:
                actions.save_letter(school, kind, form.cleaned_data["text"], membership)
            except actions.GovernanceError as exc:
                form.add_error("text", str(exc))
            else:
                messages.success(request, "Saved. Download it as a PDF or as text below.")
                return HttpResponseRedirect(reverse(f"governance:{kind}"))
    context = _context(
        request,
        kind,
        kind=kind,
        label=ParentLetter.Kind(kind).label,
        intro=_LETTER_INTRO[ParentLetter.Kind(kind)],
        letter=current,
        form=form,
    )
    return render(request, "governance/letter.html", context)


@require_GET
@school_member_required(check=permissions.can_view_school_settings)
def parent_letter_file(request: SchoolRequest, kind: str, as_pdf: bool) -> HttpResponse:
    school = request.school
    current = actions.letter(school, kind)
    name = "launch-letter" if kind == ParentLetter.Kind.LETTER else "policy-summary"
    if as_pdf:
        response = HttpResponse(
            text_pdf(ParentLetter.Kind(kind).label, current.text), content_type="application/pdf"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    else:
        response = HttpResponse(current.text, content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.txt"'
    return response


# E-safety messages -------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@school_member_required(check=lambda m: m.is_active)
def esafety_messages(request: SchoolRequest) -> HttpResponse:
    school = request.school
    membership = _membership(request)
    if request.method == "POST":
        if not permissions.can_write(membership):
            raise PermissionDenied("Governors read the e-safety messages; staff who post use them.")
        key = request.POST.get("message", "")
        try:
            post = actions.start_esafety_draft(key, membership)
        except actions.GovernanceError as exc:
            messages.error(request, str(exc))
            return HttpResponseRedirect(reverse("governance:esafety"))
        messages.success(
            request,
            "Your draft is ready. Change it as you like, then send it: it is checked and approved like any post.",
        )
        return HttpResponseRedirect(reverse("posts:edit", args=[post.pk]))
    suggested = list(
        EsafetySuggestion.objects.filter(school=school, post__isnull=True).exclude(
            term__startswith="chosen-"
        )[:12]
    )
    used = list(
        EsafetySuggestion.objects.filter(school=school, post__isnull=False).select_related("post")[:12]
    )
    context = _context(
        request,
        "esafety",
        suggested=[(s, esafety.BY_KEY[s.message]) for s in suggested if s.message in esafety.BY_KEY],
        used=[(s, esafety.BY_KEY[s.message]) for s in used if s.message in esafety.BY_KEY],
        groups=[
            (label, [m for m in esafety.LIBRARY if m.ages == ages]) for ages, label in esafety.AGES.items()
        ],
        can_write=permissions.can_write(membership),
        sid=esafety.safer_internet_day(
            timezone.localdate().year
            if timezone.localdate() <= esafety.safer_internet_day(timezone.localdate().year)
            else timezone.localdate().year + 1
        ),
        notice_days=esafety.SID_NOTICE_DAYS,
    )
    return render(request, "governance/esafety.html", context)
