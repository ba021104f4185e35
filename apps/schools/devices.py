"""School networks and school devices (CAT-01): is this request coming from one?

A request counts as from the school when its address is in the policy's `devices.networks`, or
when it carries the cookie of a device the school remembered (`SchoolDevice`). Behind a
reverse proxy (`SAFEPOST_BEHIND_PROXY=1`) the address is the one the proxy appended last to
`X-Forwarded-For`; an address a client wrote itself further left is never trusted.
"""

from __future__ import annotations

import hashlib
import ipaddress
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from apps.schools.models import Membership, SchoolDevice
from safepost.policy.config import school_network

COOKIE_NAME = "safepost_device"
#: A remembered device stays remembered for a year of not being used.
COOKIE_MAX_AGE = 365 * 24 * 3600


@dataclass(frozen=True)
class Whereabouts:
    """Where a request comes from, as far as the school's device rule is concerned."""

    address: str
    on_school_network: bool
    device: SchoolDevice | None

    @property
    def from_school(self) -> bool:
        return self.on_school_network or self.device is not None


def client_address(request: HttpRequest) -> str:
    """The client's IP address (the proxy's last `X-Forwarded-For` entry when behind one)."""
    if settings.SAFEPOST_BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return str(request.META.get("REMOTE_ADDR", ""))


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def whereabouts(request: HttpRequest, membership: Membership) -> Whereabouts:
    """Whether ``request`` comes from the school's network or one of its remembered devices."""
    policy = membership.school.policy
    address = client_address(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        ip = None
    networks = [n for n in (school_network(text) for text in policy.devices.networks) if n is not None]
    on_network = ip is not None and any(ip.version == n.version and ip in n for n in networks)
    device = None
    token = request.COOKIES.get(COOKIE_NAME, "")
    if token and len(token) <= 200:
        device = SchoolDevice.objects.filter(
            school=membership.school, token_hash=token_hash(token), revoked_at__isnull=True
        ).first()
        if device is not None and device.for_trips and device.added_by_id != membership.user_id:
            device = None  # a senior leader's own phone is a school device for them only
        if device is not None and (
            device.last_seen_at is None or timezone.now() - device.last_seen_at > timedelta(hours=1)
        ):
            SchoolDevice.objects.filter(pk=device.pk).update(last_seen_at=timezone.now())
    return Whereabouts(address, on_network, device)


def restricted(membership: Membership) -> bool:
    """Whether the policy holds this member to school networks and devices."""
    devices = membership.school.policy.devices
    return devices.school_devices != "off" and membership.role in devices.roles


def may_remember_device(membership: Membership, where: Whereabouts) -> tuple[bool, bool]:
    """(may remember this device, as a trip phone): senior leaders on the school network remember
    school devices; a member of `devices.trip_roles` may remember their own phone anywhere."""
    if membership.is_senior and where.on_school_network:
        return True, False
    if membership.role in membership.school.policy.devices.trip_roles:
        return True, True
    return False, False
