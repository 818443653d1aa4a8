"""Issue 20, finding 7 and the "also weak" list: bad values are coded errors naming the key,
exit 2, no traceback, nothing written (dates that do not exist, numbers that are not finite or
absurdly large, characters Word cannot store, a period in year 1, previous: a folder without a
report), and CSV cells too long or quotes never closed are data errors or warnings, not crashes."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from attacks.attack_helpers import SAMPLE, draft

BASE = (SAMPLE / "report.yaml").read_text(encoding="utf-8")


def _report(tmp_path: Path, **replace: str) -> Path:
    folder = tmp_path / "peru"
    shutil.copytree(SAMPLE, folder)
    text = BASE
    for key, value in replace.items():
        text, n = re.subn(rf"^{key}:.*?(?=^\S)", lambda _: f"{key}: {value}\n", text, count=1,  # noqa: B023  (called at once)
                          flags=re.M | re.S)
        if not n:
            text += f"{key}: {value}\n"
    (folder / "report.yaml").write_text(text, encoding="utf-8")
    return folder


CASES = {
    "day that does not exist": ({"published": "2023-02-30"}, "[E117] published: expected a date"),
    "month 13": ({"key_figures": "\n  refugees_and_migrants: {value: 1540000, as_of: 2023-13-01}\n"
                                 "  people_assisted: 14971"}, "[E117] key_figures.refugees_and_migrants.as_of"),
    "1.0e+308": ({"funding": "{funded_usd: 1.0e+308, required_usd: 318000000}"},
                 "[E194] funding.funded_usd: larger than any report figure"),
    ".inf": ({"key_figures": "\n  refugees_and_migrants: .inf\n  people_assisted: 14971"},
             "[E193] key_figures.refugees_and_migrants: not a finite number"),
    ".nan": ({"key_figures": "\n  refugees_and_migrants: .nan\n  people_assisted: 14971"},
             "[E193] key_figures.refugees_and_migrants: not a finite number"),
    "5,000 digits": ({"key_figures": "\n  refugees_and_migrants: " + "9" * 5000 + "\n  people_assisted: 1"},
                     "[E194] key_figures.refugees_and_migrants: a number of 5,000 digits"),
    "1e15 people": ({"key_figures": "\n  refugees_and_migrants: 1.0e+15\n  people_assisted: 1"},
                    "[E194] key_figures.refugees_and_migrants: more people than live on Earth"),
    "bullets_per_sector .inf": ({"style": "{bullets_per_sector: .inf}"},
                                "[E193] style.bullets_per_sector: not a finite number"),
    "C0 control": ({"coordination": '\n  - {en: "Meeting \\a today", es: "Reunión hoy"}'},
                   "[E197] coordination[0].en: holds the character U+0007, which Word cannot store"),
    "U+FFFE": ({"coordination": '\n  - {en: "Meeting \\uFFFE today", es: "Reunión hoy"}'},
               "[E197] coordination[0].en: holds the character U+FFFE"),
    "year 1 to 9999": ({"period": "0001-01..9999-12"}, "[E195] period: a year outside 2000-2100"),
    "previous: /": ({"previous": "/"}, "[E196] previous: the folder holds no report.yaml"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_value_is_a_coded_error(tmp_path, capsys, case):
    changes, message = CASES[case]
    folder = _report(tmp_path, **changes)
    assert draft(tmp_path / "out", folder=folder) == 2
    err = capsys.readouterr().err
    assert message in err, err
    assert "Traceback" not in err
    assert not list((tmp_path / "out").glob("*.docx")) if (tmp_path / "out").exists() else True


COL = SAMPLE.parent / "tree" / "col" / "2023-09"
CSV = "5W_GIFMM_Colombia_2023-09.csv"


def _csv_report(tmp_path: Path, edit) -> Path:
    """Return a copy of the sample CSV report whose data rows went through ``edit(rows)``."""
    folder = tmp_path / "col"
    shutil.copytree(COL, folder)
    lines = (folder / CSV).read_bytes().decode("cp1252").splitlines(keepends=True)
    (folder / CSV).write_bytes("".join(lines[:1] + edit(lines[1:])).encode("cp1252"))
    return folder


def test_a_csv_cell_over_131072_characters_is_cut_with_w213(tmp_path, capsys):
    def long_cell(rows):
        cells = next(r for r in rows if ";2023-09;" in r).split(";")
        cells[9] = "x" * 200_000                        # Activity Name
        return rows + [";".join(cells)]
    code = draft(tmp_path / "out", folder=_csv_report(tmp_path, long_cell))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert code == 0 and "W213" in captured.out + captured.err


def test_an_unbalanced_quote_names_its_line(tmp_path, capsys):
    def quote(rows):
        return rows[:2] + [rows[2].replace(";", ';"', 1)] + rows[3:]
    assert draft(tmp_path / "out", folder=_csv_report(tmp_path, quote)) == 2
    err = capsys.readouterr().err
    assert '.csv:4: [E231] a quote (") opened on line 4 is never closed' in err
    assert "Month" not in err


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs")
def test_pipes_and_devices_are_named_as_such(tmp_path, capsys):
    import os

    folder = _report(tmp_path, data="[/dev/zero]")
    assert draft(tmp_path / "out", folder=folder) == 2
    assert "[E118] data: not a file (a folder, pipe or device), got '/dev/zero'" in capsys.readouterr().err
    (folder / "report.yaml").unlink()
    os.mkfifo(folder / "report.yaml")                  # reading it would wait forever
    assert draft(tmp_path / "out", folder=folder) == 2
    err = capsys.readouterr().err
    assert "[E103] report.yaml is not a regular file (a device, pipe or folder)" in err
