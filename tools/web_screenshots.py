"""Take the screenshots of `sitrep serve` in docs/web/ with Playwright and the system's Chromium.

    .venv/bin/python tools/web_screenshots.py [--chromium /usr/bin/chromium] [--out docs/web]

Serves an empty scratch folder, drops the Peru sample export, fills the form from the
sample's report.yaml values, previews and drafts; one screenshot per main screen (and the
Spanish interface, and a refused export).
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "peru-2023-11"
BAD = ROOT / "tests" / "data" / "bad" / "bad_value.csv"


def serve(folder: Path) -> tuple[subprocess.Popen, str]:
    """Return the running `sitrep serve` process and its URL."""
    process = subprocess.Popen([sys.executable, "-m", "nlg", "serve", str(folder), "--port", "0",
                                "--no-browser"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, cwd=str(ROOT))
    line = process.stdout.readline()
    match = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
    if not match:
        process.terminate()
        raise SystemExit(f"sitrep serve did not start: {line!r}")
    return process, match.group(1)


def shoot(page, out: Path, name: str, *, full: bool = False) -> None:
    path = out / f"{name}.png"
    page.screenshot(path=str(path), full_page=full)
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def main() -> int:
    from playwright.sync_api import expect, sync_playwright

    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--chromium", default="/usr/bin/chromium")
    args.add_argument("--out", type=Path, default=ROOT / "docs" / "web")
    opts = args.parse_args()
    opts.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "peru-2023-11"
        folder.mkdir()
        process, url = serve(folder)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=opts.chromium)
                page = browser.new_page(locale="en-GB", viewport={"width": 1440, "height": 900})
                page.goto(url)
                shoot(page, opts.out, "1-start")
                page.set_input_files("#export-input", str(BAD))
                expect(page.locator(".refused")).to_be_visible()
                shoot(page, opts.out, "2-bad-export")
                page.set_input_files("#export-input", str(SAMPLE / "5w.xlsx"))
                expect(page.locator("#f-country")).to_have_value("PER")
                page.fill("#f-key_figures-refugees_and_migrants", "1540000")
                page.fill("#f-key_figures-refugees_and_migrants-source", "R4V, Government of Peru")
                page.fill("#f-funding-funded_usd", "66800000")
                page.fill("#f-funding-required_usd", "318000000")
                page.fill("#f-funding-source", "Financial Tracking System (FTS)")
                page.fill("#f-situation-0-en", "On 10 November, the **deadline to apply for the "
                          "Temporary Residence Card (CPP) came to an end**.")
                page.fill("#f-situation-0-es", "El 10 de noviembre **venció el plazo para solicitar "
                          "el Carné de Permiso Temporal de Permanencia (CPP)**.")
                shoot(page, opts.out, "3-form")
                page.click("#preview-btn")
                expect(page.locator("#result table.preview")).to_be_visible()
                page.evaluate("document.getElementById('result').scrollIntoView({block: 'start'})")
                shoot(page, opts.out, "4-preview")
                page.click("#draft-btn")
                expect(page.locator("#result a.download").first).to_be_visible()
                page.evaluate("document.getElementById('result').scrollIntoView({block: 'start'})")
                shoot(page, opts.out, "5-drafts")
                spanish = browser.new_page(locale="es-PE", viewport={"width": 1440, "height": 900})
                spanish.goto(url)
                shoot(spanish, opts.out, "6-spanish")
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
