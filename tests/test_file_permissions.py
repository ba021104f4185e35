"""What Safepost writes to disk is readable by its own user only: 0600 files, 0700 folders."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from apps.posts import actions, photos
from apps.schools.models import Membership
from apps.schools.testing import Personas, make_personas

ROOT = Path(__file__).resolve().parent.parent


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_fresh_var_folder_and_sqlite_database_are_private(tmp_path: Path) -> None:
    var = tmp_path / "var"
    env = {
        **os.environ,
        "SAFEPOST_VAR_DIR": str(var),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "SAFEPOST_SECRET_KEY": "x" * 50,
    }
    env.pop("DATABASE_URL", None)
    script = (
        "import django; django.setup(); from django.db import connection; "
        "c = connection.cursor(); c.execute('create table t (x int)'); c.execute('insert into t values (1)')"
    )
    subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
        preexec_fn=lambda: os.umask(0o022),
    )
    assert mode(var) == 0o700
    database = var / "safepost.sqlite3"
    assert database.stat().st_size > 0
    assert mode(database) == 0o600
    for journal in var.glob("safepost.sqlite3-*"):
        assert mode(journal) == 0o600, journal.name


@pytest.mark.django_db
def test_photo_originals_and_their_folders_are_private(settings: Any) -> None:
    old = os.umask(0o022)
    try:
        p: Personas = make_personas()
        writer = Membership.objects.select_related("school").get(user=p.teacher, school=p.school)
        post = actions.create_draft(writer, p.oak, "Our science week")
        out = io.BytesIO()
        Image.new("RGB", (80, 60), "navy").save(out, "JPEG")
        photos.add_photo(post, writer, out.getvalue(), "science.jpg")
    finally:
        os.umask(old)
    media = Path(settings.MEDIA_ROOT)
    files = [f for f in media.rglob("*") if f.is_file()]
    folders = [d for d in media.rglob("*") if d.is_dir()]
    assert len(files) >= 3  # original, working copy, rendition
    assert all(mode(f) == 0o600 for f in files), [(f.name, oct(mode(f))) for f in files]
    assert folders and all(mode(d) == 0o700 for d in folders), [(d.name, oct(mode(d))) for d in folders]
