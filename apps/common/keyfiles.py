"""Secret keys kept outside the database: read from a setting, or from a key file made at first use.

Both the platform token keys (:mod:`apps.common.crypto`) and the audit chain's key
(:mod:`apps.audit.keys`) are loaded this way, so a copy of the database alone is useless.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def setting(name: str) -> str:
    """The setting ``name`` from settings.py, else from the environment ("" when neither has it)."""
    value = getattr(settings, name, None)
    if value is None:
        value = os.environ.get(name, "")
    return str(value).strip()


def key_file(file_setting: str, default_name: str) -> Path:
    """The key file named by ``file_setting``, by default ``<var>/<default_name>``."""
    configured = setting(file_setting)
    if configured:
        return Path(configured)
    var_dir = getattr(settings, "VAR_DIR", None) or Path(settings.BASE_DIR) / "var"
    return Path(var_dir) / default_name


def read_key_file(path: Path, *, make_key: Callable[[], str], what: str, instead: str) -> str:
    """The key text in ``path`` (stripped), the file first created with a key from ``make_key``.

    The file is made with mode 0600 and ``O_EXCL``, so two processes starting together cannot both
    write one. ``what`` names the key in messages ("token key"), ``instead`` the settings that
    avoid the file.
    """
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        except OSError as exc:
            raise ImproperlyConfigured(
                f"Cannot create the {what} file {path} ({exc.strerror}). Set {instead} to a writable place."
            ) from exc
        else:
            with os.fdopen(fd, "w", encoding="ascii") as handle:
                handle.write(make_key() + "\n")
    try:
        return path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeError) as exc:
        reason = f" ({exc.strerror})" if isinstance(exc, OSError) and exc.strerror else ""
        raise ImproperlyConfigured(f"Cannot read the {what} file {path}{reason}.") from exc
