"""Replace files in one step, a set of files together, and clear what a killed run left.

Every output goes through a temporary file beside it (``.NAME.PID.XXXX.tmp``: written,
flushed to disk, then renamed over ``NAME``), so an interrupted run leaves the old file
or the new one, never half of either. :func:`replace_together` does that for several
files (a report's drafts in every language): all are written before any is replaced,
and when one cannot be replaced the ones already replaced get their old bytes back.
A run killed with ``kill -9`` cannot remove its temporary file; :func:`clear_stale`
removes such leftovers on the next run (their process is gone, or they are a day old).
Faults are :class:`OutputError`: E501 (no permission, open in Word), E563 (any other
write error: disk full, quota, a folder in the way).
"""
from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from pathlib import Path

from nlg.errors import OutputError, error

_LOCKED_HINT = "close it in Word and run again"
_TEMP = re.compile(r"^\.(?P<name>.+?)\.(?:(?P<pid>\d+)\.)?[A-Za-z0-9_]{6,12}\.tmp$")
STALE_SECONDS = 86_400          # a temp file of a process this machine cannot see: one day
OLD_FORMAT_SECONDS = 600        # a temp file without a process id (older versions): ten minutes


def write_atomic(path: Path, data: bytes) -> None:
    """Return after replacing ``path`` with ``data`` in one step; never leave a temp file."""
    path = Path(path)
    temp = write_temp(path, data)
    try:
        os.replace(temp, path)
    except OSError as exc:
        raise fault(path, exc) from None
    finally:
        _remove(temp)
    _sync_folder(path.parent)


def write_temp(path: Path, data: bytes) -> Path:
    """Return a temporary file beside ``path`` holding ``data``, flushed to disk."""
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp",
                                    dir=path.parent)
    except OSError as exc:
        raise fault(path, exc) from None
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, _mode(path))
    except OSError as exc:
        _remove(temp)
        raise fault(path, exc) from None
    return temp


def replace_together(files: dict[Path, bytes]) -> None:
    """Return after replacing every file, or raise with none of them changed."""
    temps: dict[Path, Path] = {}
    try:
        for path, data in files.items():
            temps[path] = write_temp(Path(path), data)
        done: list[tuple[Path, bytes | None]] = []
        for path, temp in temps.items():
            before = _old_bytes(path)
            try:
                os.replace(temp, path)
            except OSError as exc:
                _undo(done)
                raise fault(path, exc) from None
            done.append((path, before))
        if temps:
            _sync_folder(next(iter(temps)).parent)
    finally:
        for temp in temps.values():
            _remove(temp)


def _old_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes() if path.is_file() else None
    except OSError as exc:
        raise fault(path, exc) from None


def _undo(done: list[tuple[Path, bytes | None]]) -> None:
    """Return after giving the files already replaced their old bytes back (best effort)."""
    for path, before in reversed(done):
        try:
            if before is None:
                path.unlink()
            else:
                write_atomic(path, before)
        except (OSError, OutputError):
            continue


def clear_stale(folder: Path, names: list[str] | None = None) -> list[Path]:
    """Return the temporary files of killed runs removed from ``folder`` (of ``names`` only, if given)."""
    removed: list[Path] = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        match = _TEMP.match(entry.name)
        if match is None or (names is not None and match["name"] not in names):
            continue
        try:
            age = now - entry.stat().st_mtime
        except OSError:
            continue
        if _stale(match["pid"], age):
            _remove(entry)
            removed.append(entry)
    return removed


def _stale(pid: str | None, age: float) -> bool:
    if pid is None:
        return age > OLD_FORMAT_SECONDS
    if int(pid) == os.getpid():
        return False
    if sys.platform != "win32" and age > 60:       # os.kill(pid, 0) ends processes on Windows
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return True
        except (PermissionError, OSError):
            pass
    return age > STALE_SECONDS


def fault(path: Path, exc: OSError) -> OutputError:
    """Return the error for an output that cannot be written."""
    reason = exc.strerror or str(exc)
    if isinstance(exc, PermissionError):
        return OutputError(problems=[error("E501", f"cannot write {path.name}: {reason}",
                                           file=str(path), hint=_LOCKED_HINT)])
    return OutputError(problems=[error(
        "E563", f"cannot write {path.name}: {reason}", file=str(path),
        hint="free some disk space, or choose another output folder (--out)")])


def _remove(temp: Path) -> None:
    try:
        os.unlink(temp)
    except OSError:              # gone already, or not ours to remove: nothing to do
        pass


def _sync_folder(folder: Path) -> None:
    """Return after flushing the folder entry of a renamed file (POSIX only; best effort)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _mode(path: Path) -> int:
    """Return the permission bits for a new output: the old file's, else 0o666 less the umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
