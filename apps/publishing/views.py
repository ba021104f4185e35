"""The public side of a school's feed: page, single post, widget and official accounts.

These are the only views without school membership. Everything is looked up by the school's
slug and goes through :mod:`apps.publishing.public`, which only ever returns published entries.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from apps.posts.models import PostPhoto
from apps.posts.renditions import rendition_bytes
from apps.publishing.public import (
    embed_snippet,
    is_protected,
    official_accounts,
    public_entries,
    purpose_of,
    school_for,
    visible_entries,
)

PAGE_SIZE = 10
WIDGET_DEFAULT = 5
WIDGET_MAX = 20


def framable(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Let any website frame this view: no X-Frame-Options, and CSP ``frame-ancestors *``."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        for attr, config in (
            ("_csp_config", settings.SECURE_CSP),
            ("_csp_ro_config", settings.SECURE_CSP_REPORT_ONLY),
        ):
            if config:
                setattr(response, attr, {**config, "frame-ancestors": ["*"]})
        return response

    return xframe_options_exempt(wrapped)


@require_safe
def feed_page(request: HttpRequest, slug: str) -> HttpResponse:
    """The school's public feed: its published posts, newest first."""
    school = school_for(slug)
    accounts = list(official_accounts(school))
    chosen = None
    if "account" in request.GET:
        chosen = next((a for a in accounts if str(a.pk) == request.GET["account"]), None)
        if chosen is None:
            raise Http404("No such account.")
    page = Paginator(public_entries(school, chosen), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "publishing/public/feed.html",
        {
            "public_school": school,
            "protected": is_protected(school),
            "accounts": accounts,
            "chosen": chosen,
            "page": page,
            "snippet": embed_snippet(school, request),
        },
    )


@require_safe
def entry_page(request: HttpRequest, slug: str, entry_id: int) -> HttpResponse:
    """One published post, at its own address (the feeds link here)."""
    school = school_for(slug)
    entry = visible_entries(school).filter(pk=entry_id).first()
    if entry is None:
        raise Http404("This post is not on the school's feed.")
    return render(request, "publishing/public/entry.html", {"public_school": school, "entry": entry})


@require_safe
def photo(request: HttpRequest, slug: str, photo_id: int) -> HttpResponse:
    """A published photo: only the cleaned rendition, only while its post is on the public feed."""
    school = school_for(slug)
    item = PostPhoto.objects.filter(pk=photo_id, post__school=school).first()
    if (
        item is None
        or not item.rendition
        or not visible_entries(school).filter(post_id=item.post_id).exists()
    ):
        raise Http404("This photo is not on the school's feed.")
    response = HttpResponse(rendition_bytes(item), content_type=item.mime)
    response["Cache-Control"] = "public, max-age=300"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def accounts_page(request: HttpRequest, slug: str) -> HttpResponse:
    """The school's official accounts (SUT-17): the only accounts that speak for it."""
    school = school_for(slug)
    accounts = [(account, purpose_of(account)) for account in official_accounts(school)]
    answers = school.policy.interaction.replies == "open"
    return render(
        request,
        "publishing/public/accounts.html",
        {"public_school": school, "accounts": accounts, "answers_replies": answers},
    )


def _count(request: HttpRequest) -> int:
    try:
        count = int(request.GET.get("count", WIDGET_DEFAULT))
    except ValueError:
        count = WIDGET_DEFAULT
    return max(1, min(WIDGET_MAX, count))


@require_safe
@framable
@cache_control(public=True, max_age=300)
def widget(request: HttpRequest, slug: str) -> HttpResponse:
    """The latest posts in a minimal page meant for an ``<iframe>`` on the school's own website."""
    school = school_for(slug)
    count = _count(request)
    entries = list(public_entries(school)[:count])
    return render(
        request,
        "publishing/public/widget.html",
        {
            "public_school": school,
            "entries": entries,
            "count": count,
        },
    )


@require_safe
@cache_control(public=True, max_age=300)
def widget_js(request: HttpRequest, slug: str) -> HttpResponse:
    """The script of the embed snippet: swaps its container for a self-sizing frame of the widget."""
    school = school_for(slug)
    widget_url = request.build_absolute_uri(reverse("public:widget", kwargs={"slug": school.slug}))
    origin = request.build_absolute_uri("/").rstrip("/")
    config = json.dumps(
        {
            "widget": widget_url,
            "origin": origin,
            "container": f"safepost-{school.slug}",
            "title": f"Latest posts from {school.name}",
            "max": WIDGET_MAX,
            "default": WIDGET_DEFAULT,
        }
    )
    # JSON is valid JavaScript; escape "<" so the config can never close a script element.
    script = WIDGET_JS.replace("__CONFIG__", config.replace("<", "\\u003c"))
    response = HttpResponse(script, content_type="text/javascript; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    return response


WIDGET_JS = """/* Safepost feed widget: shows a school's latest posts. Paste the snippet, nothing else. */
(function () {
  "use strict";
  var config = __CONFIG__;
  var script = document.currentScript;
  var id = (script && script.getAttribute("data-target")) || config.container;
  var count = parseInt((script && script.getAttribute("data-count")) || config["default"], 10);
  if (!(count >= 1)) { count = config["default"]; }
  if (count > config.max) { count = config.max; }
  function start() {
    var container = document.getElementById(id);
    if (!container) {
      container = document.createElement("div");
      if (script && script.parentNode) { script.parentNode.insertBefore(container, script); }
      else { document.body.appendChild(container); }
    }
    var frame = document.createElement("iframe");
    frame.src = config.widget + "?count=" + count;
    frame.title = config.title;
    frame.loading = "lazy";
    frame.setAttribute("referrerpolicy", "strict-origin");
    frame.style.width = "100%";
    frame.style.border = "0";
    frame.style.height = (120 + 110 * count) + "px";
    frame.style.display = "block";
    window.addEventListener("message", function (event) {
      if (event.origin !== config.origin || event.source !== frame.contentWindow) { return; }
      var data = event.data;
      if (data && data.safepost === "height" && typeof data.height === "number") {
        frame.style.height = Math.min(Math.max(data.height, 80), 5000) + "px";
      }
    });
    container.innerHTML = "";
    container.appendChild(frame);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
})();
"""
