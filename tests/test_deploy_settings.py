"""Production settings: `manage.py check --deploy` is clean, and an unsafe start is refused."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def manage(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("SAFEPOST_", "DATABASE_URL"))
    }
    environment |= {
        "SAFEPOST_VAR_DIR": str(tmp_path / "var"),
        "SAFEPOST_HTTPS": "1",
        "SAFEPOST_SECRET_KEY": secrets.token_urlsafe(60),
        "SAFEPOST_ALLOWED_HOSTS": "safepost.example.sch.uk",
        "SAFEPOST_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "SAFEPOST_EMAIL_HOST": "smtp.example.sch.uk",
        **env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path: Path) -> None:
    result = manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_e_mail_and_says_what_to_set(tmp_path: Path) -> None:
    result = manage(tmp_path, "check", SAFEPOST_EMAIL_BACKEND="")
    assert result.returncode != 0
    assert "E-mail is not set up" in result.stderr
    assert "SAFEPOST_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend" in result.stderr


def test_a_laptop_without_https_still_starts_with_the_console_e_mail(tmp_path: Path) -> None:
    result = manage(tmp_path, "check", SAFEPOST_HTTPS="0", SAFEPOST_EMAIL_BACKEND="")
    assert result.returncode == 0, result.stderr
