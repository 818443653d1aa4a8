"""The local web page in a real browser: Playwright drives the distribution's Chromium.

`sitrep serve` runs as a subprocess on a free port; the tests never touch a terminal after it.
They skip (with the reason) when Playwright or /usr/bin/chromium is missing; `.ci/run`
installs Chromium, the test extra installs Playwright. No browser is ever downloaded.
"""
from __future__ import annotations

import base64
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed (pip install -e '.[web]')")
playwright = pytest.importorskip("playwright.sync_api",
                                 reason="Playwright is not installed (pip install -e '.[test]')")

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real" / "Activities_5W_2022.xlsx"
BAD = ROOT / "tests" / "data" / "bad" / "bad_value.csv"
CHROMIUM = Path(os.environ.get("SITREP_CHROMIUM", "/usr/bin/chromium"))
TIMEOUT = 60_000  # ms

pytestmark = pytest.mark.skipif(not CHROMIUM.is_file(),
                                reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)")


class Server:
    """`sitrep serve FOLDER --port 0 --no-browser` in a subprocess; ``url`` once it listens."""

    def __init__(self, folder: Path):
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "nlg", "serve", str(folder), "--port", "0", "--no-browser"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=str(ROOT))
        line = self.process.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
        if not match:
            self.stop()
            raise AssertionError(f"sitrep serve did not start: {line!r}")
        self.url = match.group(1)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "report"
    target.mkdir()
    return target


@pytest.fixture()
def server(folder: Path):
    running = Server(folder)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM))
        yield launched
        launched.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(locale="en-GB", accept_downloads=True,
                                  viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(TIMEOUT)
    opened = context.new_page()
    yield opened
    context.close()


def drop(page, zone: str, path: Path) -> None:
    """Drop the file at ``path`` on the element ``zone`` as a drag from the desktop would."""
    page.evaluate("""([selector, b64, name]) => {
        const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name));
        const zone = document.querySelector(selector);
        for (const type of ["dragenter", "dragover", "drop"]) {
            zone.dispatchEvent(new DragEvent(type, {dataTransfer: transfer, bubbles: true, cancelable: true}));
        }
    }""", [zone, base64.b64encode(path.read_bytes()).decode("ascii"), path.name])


def test_from_an_empty_folder_to_two_drafts_of_a_real_export(server, page, folder, tmp_path):
    import docx

    page.goto(server.url)
    assert page.locator("html").get_attribute("lang") == "en"
    drop(page, "#drop", REAL)
    expect = playwright.expect
    expect(page.locator("#f-country")).to_have_value("ARG", timeout=TIMEOUT)
    expect(page.locator("#f-period")).to_have_value("2022-08")
    expect(page.locator("#f-platform")).to_have_value("R4V")
    assert (folder / REAL.name).read_bytes() == REAL.read_bytes()

    page.fill("#f-key_figures-refugees_and_migrants", "170000")
    page.click("#preview-btn")
    preview = page.locator("#result table.preview")
    expect(preview).to_be_visible(timeout=TIMEOUT)
    expect(preview.locator('td[lang="en"]').first).to_have_text("Argentina")
    expect(preview.locator('td[lang="es"]').first).to_have_text("Argentina")
    # (review flags are tested in test_web.py: every indicator of this export has an entry now)
    expect(page.locator("#result table.problems")).to_contain_text(REAL.name)
    assert "refugees_and_migrants: 170000" in (folder / "report.yaml").read_text(encoding="utf-8")

    page.click("#draft-btn")
    links = page.locator("#result a.download")
    expect(links).to_have_count(2, timeout=TIMEOUT)
    texts = {}
    for lang in ("en", "es"):
        with page.expect_download() as info:
            page.click(f'#result a.download[href$="_{lang}.docx"]')
        saved = tmp_path / info.value.suggested_filename
        info.value.save_as(saved)
        assert saved.name == f"ARG_2022-08_{lang}.docx"
        texts[lang] = "\n".join(p.text for p in docx.Document(str(saved)).paragraphs)
    assert "Argentina" in texts["en"] and "Situation report" in texts["en"]
    assert "Informe de situación" in texts["es"] and "personas refugiadas y migrantes" in texts["es"].lower()
    assert sorted(p.name for p in (folder / "out").glob("*.docx")) == ["ARG_2022-08_en.docx",
                                                                       "ARG_2022-08_es.docx"]


def test_a_bad_export_shows_its_errors_next_to_the_file_and_writes_nothing(server, page, folder):
    page.goto(server.url)
    page.set_input_files("#export-input", str(BAD))
    refused = page.locator(".refused")
    playwright.expect(refused).to_be_visible(timeout=TIMEOUT)
    playwright.expect(refused).to_contain_text(BAD.name)
    playwright.expect(refused).to_contain_text("E214")
    playwright.expect(refused).to_contain_text("Value (in USD)")
    assert sorted(os.listdir(folder)) == []


def test_every_control_has_a_label_and_the_switch_changes_language(server, page):
    page.goto(server.url)
    unlabeled = page.evaluate("""() => [...document.querySelectorAll("input, textarea, button")]
        .filter(e => e.type !== "hidden")
        .filter(e => !(e.labels && e.labels.length) && !e.getAttribute("aria-label") && !e.textContent.trim())
        .map(e => e.id || e.name)""")
    assert unlabeled == []
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.click('a[lang="es"]')
    playwright.expect(page.locator("html")).to_have_attribute("lang", "es")
    playwright.expect(page.locator("h1")).to_have_text("Informe de situación")
