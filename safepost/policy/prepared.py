"""Prepared data kept on disk between runs, so a process does not build it again.

Some of the checker's data is built from files of installed packages: the spelling
dictionary's word forms (:mod:`safepost.policy.spelling`) and the first names of the
names analysis (:func:`safepost.policy.names.first_name_lexicon`, a tenth of a second
to read from 48,000 lines, a hundredth from here). Each is written once to the cache
directory (:func:`cache_dir`), with a first line that says what it was built from; a
file whose sources have changed since, or that cannot be read, is built again.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

log = logging.getLogger(__name__)

#: Bump when the layout of a word list file changes.
WORDS_FORMAT = 1
_END = "\fend"


def cache_dir() -> Path:
    """Where prepared data is cached: ``$SAFEPOST_CACHE_DIR``, else ``$XDG_CACHE_HOME/safepost``,
    else ``~/.cache/safepost``."""
    if os.environ.get("SAFEPOST_CACHE_DIR"):
        return Path(os.environ["SAFEPOST_CACHE_DIR"])
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "safepost"
    return Path.home() / ".cache" / "safepost"


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all (a reader never sees half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def sources_stamp(sources: Sequence[Path]) -> str:
    """What a prepared file was built from: the format, Python and its Unicode data (folding
    accents depends on them), and the size and modification time of each source file."""
    parts = [
        f"v{WORDS_FORMAT}",
        f"py{sys.version_info[0]}.{sys.version_info[1]}",
        unicodedata.unidata_version,
    ]
    return " ".join([*parts, *file_stamps(sources)])


def file_stamps(paths: Iterable[Path]) -> list[str]:
    """Each file's name, size and modification time ("name:missing" when it is not there)."""
    stamps = []
    for path in paths:
        try:
            st = path.stat()
            stamps.append(f"{path.name}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            stamps.append(f"{path.name}:missing")
    return stamps


def cached_words(
    name: str, sources: Sequence[Path], build: Callable[[], Iterable[str]], directory: Path | None = None
) -> frozenset[str]:
    """A set of words built by ``build`` from ``sources``: read from ``<cache dir>/<name>.txt``
    while the sources are unchanged, else built and written there (kept in memory only when the
    directory cannot be written). The words must not hold a line break."""
    path = (directory or cache_dir()) / f"{name}.txt"
    header = f"safepost-words {sources_stamp(sources)}"
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        lines = []
    if len(lines) >= 2 and lines[0] == header and lines[-1] == _END:
        return frozenset(lines[1:-1])
    words = frozenset(build())
    try:
        write_atomic(path, "\n".join([header, *sorted(words), _END]))
    except OSError as exc:
        log.warning("could not cache %s in %s (%s); keeping it in memory", name, path, exc)
    return words
