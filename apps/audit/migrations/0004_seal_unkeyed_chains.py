"""Seal the chains recorded before keying: each school's newest unkeyed entry is anchored outside
the database (signed with the audit key, marked ``legacy``). ``verify_audit`` accepts entries
without the key up to there and no further, so turning keyed entries back into unkeyed ones
(and recomputing their plain hashes) is found. A database with no entries writes nothing."""

from typing import Any

from django.db import migrations
from django.utils import timezone

from apps.audit import anchors


def seal(apps: Any, schema_editor: Any) -> None:
    AuditEntry = apps.get_model("audit", "AuditEntry")
    School = apps.get_model("schools", "School")
    now = timezone.now()
    for school in School.objects.order_by("pk"):
        last = AuditEntry.objects.filter(school=school).order_by("-seq").values_list("seq", "hash").first()
        if last is not None:
            anchors.write(school.pk, school.slug, last[0], last[1], now, legacy=True)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0003_auditentry_keyed"),
        ("schools", "0001_initial"),
    ]

    operations = [migrations.RunPython(seal, migrations.RunPython.noop)]
