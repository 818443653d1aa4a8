"""Shared fixtures: paths to the shipped sample and a scratch copy of it."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "peru-2023-11"


@pytest.fixture()
def sample_copy(tmp_path: Path) -> Path:
    """Return a writable copy of the Peru sample folder."""
    target = tmp_path / "peru-2023-11"
    shutil.copytree(SAMPLE, target)
    return target


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the golden text files from the current output (review the diff!)")


@pytest.fixture()
def update_golden(request) -> bool:
    """Return whether golden files should be rewritten."""
    return request.config.getoption("--update-golden")


def docx_text(path: Path) -> str:
    """Return the visible text of a .docx, read back with python-docx, in body order."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    lines = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(block, document)
            text = "".join(n.text or "" for n in block.iter() if n.tag.endswith("}t"))
            if text.strip():
                lines.append(f"[{para.style.name}] {text}")
        elif tag == "tbl":
            for row in Table(block, document).rows:
                cells = []
                for cell in row.cells:
                    cells.append(" / ".join(p.text for p in cell.paragraphs if p.text.strip()))
                if any(cells):
                    lines.append("| " + " | ".join(dict.fromkeys(cells)) + " |")
    return "\n".join(lines) + "\n"
