"""Issue 16, items 6 and 9: the command as a new user meets it on their own laptop.

Quiet pipes, the version from the package metadata, help an installed user can follow
(no README.md there), a LICENSE, project URLs, binary output only through --out.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from importlib import metadata

import pytest
from conftest import ROOT, SAMPLE

from nlg.cli import topics as cli_topics


def _closed_pipe_run(*args: str) -> subprocess.CompletedProcess:
    """Run `python -m nlg ARGS` with its standard output a pipe nobody reads (like `| head`)."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run([sys.executable, "-m", "nlg", *args], stdout=write,
                              stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write)


@pytest.mark.parametrize("args", [("preview", str(SAMPLE)), ("--help-topics", "report"), ("--help",)])
def test_a_closed_pipe_is_no_traceback(args):
    """Why: `| head` ended in a BrokenPipeError traceback."""
    run = _closed_pipe_run(*args)
    assert "Traceback" not in run.stderr and "BrokenPipe" not in run.stderr, run.stderr
    assert run.returncode == 0


def _sitrep(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nlg", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=120, env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def test_version_comes_from_the_package_metadata():
    """Why: `--version` was a literal."""
    assert _sitrep("--version").stdout.strip() == f"sitrep-nlg {metadata.version('sitrep-nlg')}"
    assert cli_topics.version() == metadata.version("sitrep-nlg")


def test_help_points_to_the_online_docs_and_the_topics():
    """Why: `--help` said "Docs: README.md", which an installed user does not have."""
    out = _sitrep("--help").stdout
    assert "README.md" not in out
    assert "--help-topics" in out
    assert cli_topics.docs_url().split("#")[0] in out.replace("\n", "")
    for command in ("batch", "check", "phrasebank"):
        assert "README.md" not in _sitrep(command, "--help").stdout
        assert "docs/" not in _sitrep(command, "--help").stdout


def test_every_help_topic_prints_its_text():
    listing = _sitrep("--help-topics")
    assert listing.returncode == 0
    for name in cli_topics.TOPICS:
        assert name in listing.stdout
        text = cli_topics.topic(name)
        assert text and not text.startswith("This installation lacks"), name
        file, heading, _ = cli_topics.TOPICS[name]
        assert heading is None or text.lstrip("#").startswith(f" {heading}"), name
    assert _sitrep("--help-topics", "report").stdout.startswith("## The report folder")
    unknown = _sitrep("--help-topics", "nope")
    assert unknown.returncode == 2 and "unknown help topic 'nope'" in unknown.stderr


def test_the_topics_files_ship_inside_the_wheel():
    """An installed user has no checkout: every topic's file is force-included in the wheel."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    included = project["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    shipped = {target.removeprefix("nlg/docs/") for target in included.values()}
    for file, _, _ in cli_topics.TOPICS.values():
        if file.startswith("phrasebanks/"):
            assert "phrasebanks" in included
        else:
            top = file.split("/")[0]
            assert file in shipped or f"nlg/docs/{top}" in included.values() or top in included, file


def test_license_and_project_urls():
    """Why: no LICENSE file although the metadata said MIT."""
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT" and "LICENSE" in project["license-files"]
    assert {"Homepage", "Documentation", "Issues"} <= set(project["urls"])
    urls = metadata.metadata("sitrep-nlg").get_all("Project-URL") or []
    assert any(u.startswith("Documentation, https://") for u in urls)


def test_template_is_written_only_to_a_named_file(tmp_path):
    """Why: `sitrep template > org.docx` wrote a corrupt file in Windows PowerShell."""
    piped = subprocess.run([sys.executable, "-m", "nlg", "template"], capture_output=True, timeout=120)
    assert piped.returncode == 2
    assert piped.stdout == b""                     # nothing binary ever goes to a pipe
    assert b"E530" in piped.stderr and b"--out" in piped.stderr
    target = tmp_path / "org.docx"
    run = _sitrep("template", "--out", str(target))
    assert run.returncode == 0, run.stderr
    import docx

    assert docx.Document(str(target)).styles["Sitrep Title"] is not None


def _blocks(text: str) -> list[str]:
    import re

    return re.findall(r"```\n(.*?)```", text, re.S)


def test_readme_starts_with_the_two_commands_then_their_powershell_forms():
    """Why: the README's one-liners used `&&`, which Windows PowerShell 5.1 rejects; it did not
    say how to get Python 3.11 (macOS ships 3.9)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = _blocks(text)
    draft, tests, ps_draft, ps_tests = blocks[:4]
    assert draft.strip() == ("python3 -m venv .venv && .venv/bin/pip install . && "
                             ".venv/bin/sitrep draft samples/peru-2023-11 --out out/")
    assert tests.strip() == 'python3 -m venv .venv && .venv/bin/pip install -q -e ".[test]" && .venv/bin/python -m pytest'  # noqa: E501
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert tests.strip() in ci                                   # CI runs the README's command
    for block in (ps_draft, ps_tests):
        assert "&&" not in block and "/bin/" not in block
        assert block.splitlines()[0] == "py -m venv .venv"
        assert all(line.startswith(("py ", ".venv\\Scripts\\")) for line in block.splitlines())
    assert ps_draft.splitlines()[-1] == ".venv\\Scripts\\sitrep draft samples\\peru-2023-11 --out out\\"
    assert text.index("Windows PowerShell") < text.index("## Install")
    install = text[text.index("## Install"):text.index("## ", text.index("## Install") + 3)]
    for needle in ("Python 3.11", "python.org", "winget", "brew install python@3.12", "python3-venv"):
        assert needle in install, needle
