"""The consent register: every pupil's consent by class, one pupil's history, and face matching."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from apps.schools import actions, permissions
from apps.schools.consent import WAITING_STATUSES, posts_showing
from apps.schools.forms import ConsentForm, ConsentSearchForm, FaceReferenceForm
from apps.schools.models import CONSENT_FIELDS, Channel, ConsentValue, FaceReference, Membership, Pupil
from apps.schools.scoping import SchoolRequest, get_for_school, school_member_required
from apps.schools.signals import announce_withdrawn_consent
from safepost.photos import PhotoError
from safepost.photos.matching import MatchingError, ModelError

REGISTER_LIMIT = 600
#: The largest reference photo taken (phones make 3-8 MB JPEGs; HEIC is smaller).
MAX_REFERENCE_BYTES = 25 * 1024 * 1024


def _context(request: SchoolRequest, **extra: Any) -> dict[str, Any]:
    membership: Membership = request.membership
    return {
        "can_edit": permissions.can_edit_consent(membership),
        "can_switch": permissions.can_switch_face_matching(membership),
        **extra,
    }


def _counts(pupils: Any) -> dict[str, int]:
    out: dict[str, int] = pupils.aggregate(
        total=Count("pk"),
        social_given=Count("pk", filter=Q(photo_consent=True)),
        social_refused=Count("pk", filter=Q(photo_consent=False)),
        social_unknown=Count("pk", filter=Q(photo_consent__isnull=True)),
        website_given=Count("pk", filter=Q(website_consent=True)),
        website_refused=Count("pk", filter=Q(website_consent=False)),
        website_unknown=Count("pk", filter=Q(website_consent__isnull=True)),
        face_given=Count("pk", filter=Q(face_matching_consent=True)),
    )
    return out


@require_http_methods(["GET"])
@vary_on_headers("HX-Request")
@school_member_required(check=permissions.can_view_consent)
def register(request: SchoolRequest) -> HttpResponse:
    school = request.school
    everyone = Pupil.objects.filter(school=school)
    on_roll = everyone.filter(is_active=True)
    classes = sorted(
        set(on_roll.exclude(class_name="").values_list("class_name", flat=True)), key=str.casefold
    )
    search = ConsentSearchForm(request.GET or None, classes=classes)
    pupils = on_roll
    show = ""
    if search.is_valid():
        show = search.cleaned_data["show"]
        if show == "left":
            pupils = everyone.filter(is_active=False)
        elif show == "no-social":
            pupils = pupils.exclude(photo_consent=True)  # refused, withdrawn or never recorded
        elif show == "no-website":
            pupils = pupils.exclude(website_consent=True)
        pupils = pupils.search(search.cleaned_data["q"], search.cleaned_data["class_name"])
    total = pupils.count()
    context = _context(
        request,
        search=search,
        show=show,
        pupils=list(pupils.order_by("class_name", "surname", "first_name")[:REGISTER_LIMIT]),
        total=total,
        limit=REGISTER_LIMIT,
        counts=_counts(on_roll),
        left_count=everyone.filter(is_active=False).count(),
        school=school,
    )
    if request.htmx:
        return render(request, "schools/consent_register.html#register-list", context)
    return render(request, "schools/consent_register.html", context)


@require_POST
@school_member_required(check=permissions.can_switch_face_matching)
def face_matching(request: SchoolRequest) -> HttpResponse:
    school = request.school
    on = request.POST.get("on") == "1"
    try:
        deleted = actions.set_face_matching(school, on, by=request.membership)
    except actions.SchoolError as exc:
        messages.error(request, str(exc))
        return redirect("schools:consent")
    if on:
        messages.success(
            request,
            "Face matching is on. Staff can now add reference photos for pupils whose parents gave "
            "written consent for it; nobody else is ever matched.",
        )
    else:
        gone = (
            f" {deleted} enrolled reference{'s were' if deleted != 1 else ' was'} deleted." if deleted else ""
        )
        messages.success(request, f"Face matching is off: no photo is matched against pupils' faces.{gone}")
    return redirect("schools:consent")


def _channels(pupil: Pupil) -> list[dict[str, Any]]:
    latest: dict[str, Any] = {}
    for change in pupil.consent_changes.select_related("recorded_by").order_by("created_at", "pk"):
        latest[change.channel] = change
    return [
        {
            "channel": channel,
            "label": Channel(channel).label,
            "value": ConsentValue.of(getattr(pupil, field)),
            "last": latest.get(channel),
        }
        for channel, field in CONSENT_FIELDS.items()
    ]


@require_http_methods(["GET", "POST"])
@school_member_required(check=permissions.can_view_consent)
def pupil_consent(request: SchoolRequest, pk: int) -> HttpResponse:
    school = request.school
    pupil = get_for_school(Pupil, request, pk=pk)
    form = ConsentForm(initial={"on": timezone.localdate()})
    enrol_form = FaceReferenceForm()
    if request.method == "POST":
        if not permissions.can_edit_consent(request.membership):
            raise PermissionDenied(
                "Only the headteacher, senior leaders and office staff can change consent."
            )
        if request.POST.get("form") == "enrol":
            enrol_form = FaceReferenceForm(request.POST, request.FILES)
            if enrol_form.is_valid() and _enrol(request, pupil, enrol_form):
                return redirect("schools:pupil_consent", pk=pupil.pk)
        else:
            form = ConsentForm(request.POST)
            if form.is_valid() and _record(request, pupil, form):
                return redirect("schools:pupil_consent", pk=pupil.pk)
    published = list(posts_showing(pupil))
    withdrawn = [c for c in (Channel.SOCIAL, Channel.WEBSITE) if pupil.consent(c) is False]
    context = _context(
        request,
        pupil=pupil,
        channels=_channels(pupil),
        history=pupil.consent_changes.select_related("recorded_by"),
        published=published,
        waiting=list(posts_showing(pupil, WAITING_STATUSES)),
        withdrawn_labels=[Channel(c).label.lower() for c in withdrawn],
        form=form,
        enrol_form=enrol_form,
        face_matching=school.face_matching,
        references=FaceReference.objects.filter(pupil=pupil).count(),
        max_references=actions.MAX_REFERENCES,
        school=school,
    )
    return render(request, "schools/consent_pupil.html", context)


def _record(request: SchoolRequest, pupil: Pupil, form: ConsentForm) -> bool:
    data = form.cleaned_data
    given = data["value"] == ConsentValue.GIVEN
    try:
        result = actions.set_consent(
            pupil,
            data["channel"],
            given,
            given_by=data["given_by"],
            on=data["on"],
            note=data["note"],
            actor=request.user,
        )
    except actions.SchoolError as exc:
        form.add_error(None, str(exc))
        return False
    label = Channel(data["channel"]).label
    if given:
        messages.success(request, f"{label} consent for {pupil} is recorded as given.")
        return True
    text = f"{label} consent for {pupil} is recorded as withdrawn."
    if data["channel"] == Channel.FACE_MATCHING:
        n = result.references_deleted
        text += (
            f" {n} enrolled face reference{'s were' if n != 1 else ' was'} deleted: {pupil} will no longer be matched."
            if n
            else f" No face references were stored for {pupil}, so there was nothing to delete."
        )
    else:
        n = posts_showing(pupil).count()
        text += (
            f" {n} published post{'s show' if n != 1 else ' shows'} {pupil}: they are listed below. "
            "Open each one and take it down."
            if n
            else f" No published post shows {pupil} (as tagged in Safepost)."
        )
        held = announce_withdrawn_consent(pupil, f"{label.lower()} consent", request.user)
        if held:
            text += (
                f" {len(held)} post{'s' if len(held) != 1 else ''} waiting to go out with {pupil} in "
                f"{'their photos are' if len(held) != 1 else 'its photos is'} now held: "
                f"{'they do' if len(held) != 1 else 'it does'} not go out until the writer changes "
                f"{'them' if len(held) != 1 else 'it'}. The writer and approvers see this on their home page."
            )
    (messages.warning if "take it down" in text or "now held" in text else messages.success)(request, text)
    return True


def _enrol(request: SchoolRequest, pupil: Pupil, form: FaceReferenceForm) -> bool:
    upload = form.cleaned_data["photo"]
    if upload.size is not None and upload.size > MAX_REFERENCE_BYTES:
        form.add_error(
            "photo",
            f"The photo is {upload.size / 1024 / 1024:.0f} MB; the most Safepost takes is "
            f"{MAX_REFERENCE_BYTES // 1024 // 1024} MB. Share a smaller copy and try again.",
        )
        return False
    try:
        actions.enrol_face(pupil, upload.read(), upload.name or "the photo", request.user)
    except (actions.SchoolError, PhotoError, MatchingError) as exc:
        form.add_error("photo", str(exc))
        return False
    except ModelError:
        form.add_error(
            "photo",
            "Face matching is not working on this server (its face model is missing), so nothing was stored. "
            "Tell whoever runs Safepost for your school.",
        )
        return False
    messages.success(
        request,
        f"Reference added for {pupil}. The photo was not kept: only the face measurements are stored.",
    )
    return True
