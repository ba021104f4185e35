"""Fixtures for governance: the personas, with notifications e-mailed to the test outbox."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader

from apps.schools.testing import Personas, make_personas


@pytest.fixture
def p(db: Any) -> Personas:
    """A St Catherine's school with one member of staff per role, and an outsider."""
    return make_personas()


def pdf_text(data: bytes) -> str:
    """The text of a PDF, read back as a reader would, with its lines joined by spaces."""
    assert data.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
