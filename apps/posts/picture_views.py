"""The school's pictures page: pictures marked as licensed or as not the school's to use."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from apps.posts import pictures
from apps.posts.models import KnownPicture
from apps.schools.models import Membership
from apps.schools.permissions import can_manage_school, can_write
from apps.schools.scoping import get_for_school, school_member_required
from safepost.photos import MAX_BYTES


def _may_see(membership: Membership) -> bool:
    return can_write(membership) or can_manage_school(membership)


@require_http_methods(["GET", "POST"])
@school_member_required(check=_may_see)
def library(request: HttpRequest) -> HttpResponse:
    membership: Membership = request.membership  # type: ignore[attr-defined]
    if request.method == "POST":
        upload = request.FILES.get("picture")
        if upload is None:
            messages.error(request, "Choose the picture to mark.")
        elif upload.size is not None and upload.size > MAX_BYTES:
            messages.error(request, f"{upload.name} is too large to read; choose a smaller copy of it.")
        else:
            try:
                picture = pictures.add_known_picture(
                    membership,
                    upload.read(),
                    upload.name or "picture",
                    request.POST.get("status", ""),
                    request.POST.get("label", ""),
                )
            except pictures.PictureError as exc:
                messages.error(request, exc.message)
            else:
                messages.success(
                    request, f"“{picture.label}” is on the list: {picture.get_status_display().lower()}."
                )
                return HttpResponseRedirect(reverse("posts:pictures"))
    return render(
        request,
        "posts/pictures.html",
        {
            "pictures": KnownPicture.objects.filter(school=membership.school).select_related("added_by"),
            "can_manage": can_manage_school(membership),
            "statuses": KnownPicture.Status.choices,
        },
    )


@require_POST
@school_member_required(check=_may_see)
def forget(request: HttpRequest, pk: int) -> HttpResponse:
    membership: Membership = request.membership  # type: ignore[attr-defined]
    picture = get_for_school(KnownPicture, request, pk=pk)
    try:
        pictures.forget_known_picture(membership, picture)
    except pictures.PictureError as exc:
        raise PermissionDenied(exc.message) from None
    messages.success(request, f"“{picture.label}” is off the list.")
    return HttpResponseRedirect(reverse("posts:pictures"))
