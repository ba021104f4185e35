"""Key the audit chain: entries recorded before this migration keep their plain SHA-256 hashes
(``keyed`` false) and still verify as before; every entry recorded after it is an HMAC under the
audit key, and the first one seals the older entries in (its hash covers the last old hash)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_auditentry_audit_object_idx"),
    ]

    operations = [
        # Existing rows were hashed without a key: they get False...
        migrations.AddField(
            model_name="auditentry",
            name="keyed",
            field=models.BooleanField(default=False),
        ),
        # ...and every row from now on True.
        migrations.AlterField(
            model_name="auditentry",
            name="keyed",
            field=models.BooleanField(
                default=True,
                help_text="An HMAC under the audit key (false: plain SHA-256, recorded before keying).",
            ),
        ),
    ]
