"""Every view works inside the signed-in user's school; outsiders get 404."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django_htmx.middleware import HtmxDetails

from apps.schools.models import Membership, School


class HtmxRequest(HttpRequest):
    """A request with django-htmx's ``request.htmx`` (for type checkers): a page anyone may open."""

    htmx: HtmxDetails


class SchoolRequest(HtmxRequest):
    """A request inside a school, as :func:`school_member_required` leaves it (for type checkers).

    The one request type of the school's pages: ``school``, ``membership`` and ``htmx``.
    """

    school: School
    membership: Membership


def current_membership(request: HttpRequest) -> Membership | None:
    """The signed-in user's membership of the school they are working in.

    A user may belong to several schools of a trust; the chosen one is kept in
    the session (``school_id``), otherwise their first active membership.
    """
    user = request.user
    if not user.is_authenticated:
        return None
    memberships = Membership.objects.select_related("school").filter(user=user, is_active=True)
    chosen = request.session.get("school_id")
    if chosen is not None:
        membership = memberships.filter(school_id=chosen).first()
        if membership is not None:
            return membership
    return memberships.order_by("pk").first()


def school_member_required(
    check: Callable[[Membership], bool] | None = None,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Decorate a view: signed in, a member of a school, and (optionally) passing ``check``.

    Sets ``request.school`` and ``request.membership``. A member who fails
    ``check`` gets 403 with a plain explanation; anyone else is sent to sign in.
    """

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            membership = current_membership(request)
            if membership is None:
                raise Http404("You are not a member of any school.")
            if check is not None and not check(membership):
                raise PermissionDenied("Your role at this school cannot do this.")
            request.school = membership.school  # type: ignore[attr-defined]
            request.membership = membership  # type: ignore[attr-defined]
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def get_for_school[M: models.Model](
    queryset: models.QuerySet[M] | type[M], request: HttpRequest, **lookup: Any
) -> M:
    """Fetch an object of the request's school, or 404 (never another school's object)."""
    school = getattr(request, "school", None)
    if school is None:
        raise Http404
    return get_object_or_404(queryset, school=school, **lookup)
