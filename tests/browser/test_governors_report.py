"""A governor reads the term's report with its charts, downloads the PDF and signs it as received."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings
from pypdf import PdfReader

from apps.home.demo import DemoResult
from apps.reports.models import Receipt
from browser.test_journey import IMMEDIATE_TASKS
from browser.test_new_school import PHONE, signed_in


@pytest.mark.browser
@override_settings(TASKS=IMMEDIATE_TASKS)
def test_a_governor_reads_the_report_downloads_the_pdf_and_signs_it_as_received(
    browser: Any, live_server: Any, demo: DemoResult, screenshot_dir: Path
) -> None:
    page = signed_in(browser, live_server.url, "governor")
    page.click('nav.app-nav a:text-is("Governors\' report")')
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith("Governors' report:")
    charts = page.locator("figure.report-chart svg")
    assert charts.count() == 3 and charts.first.bounding_box()["width"] > 300  # type: ignore[index]
    page.screenshot(path=str(screenshot_dir / "governors-report.png"), full_page=True)

    with page.expect_download() as download:
        page.click("text=Download as a PDF")
    text = " ".join(
        pg.extract_text() for pg in PdfReader(io.BytesIO(Path(download.value.path()).read_bytes())).pages
    )
    assert "Governors' report" in text and "Posts published each week" in " ".join(text.split())

    page.fill("#r-note", "Received at the full governing body meeting")
    page.click("button:text-is('Sign as received')")
    page.wait_for_load_state()
    assert "Signed as received by" in page.content()
    assert Receipt.objects.get().note == "Received at the full governing body meeting"
    assert page.locator("button:text-is('Sign as received')").count() == 0
    page.close()

    phone = signed_in(browser, live_server.url, "governor", PHONE)
    phone.goto(f"{live_server.url}/reports/governors/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.close()
