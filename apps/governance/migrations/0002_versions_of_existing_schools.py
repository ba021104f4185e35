"""Each school that existed before governance gets a draft version of its current settings."""

from typing import Any

from django.db import migrations


def first_versions(apps: Any, schema_editor: Any) -> None:
    School = apps.get_model("schools", "School")
    PolicyVersion = apps.get_model("governance", "PolicyVersion")
    for school in School.objects.all():
        PolicyVersion.objects.get_or_create(
            school=school, number=school.policy_version, defaults={"policy_toml": school.policy_toml}
        )


class Migration(migrations.Migration):
    dependencies = [("governance", "0001_initial")]

    operations = [migrations.RunPython(first_versions, migrations.RunPython.noop)]
