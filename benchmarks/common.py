"""Shared pieces of the benchmarks: timing, results, machine facts, what is available."""
from __future__ import annotations

import importlib.util
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "peru-2023-11"
#: Stand-in loader a colleague keeps outside the repo while nlg/load/table.py is not committed.
DEV_SHIM = Path("/tmp/dev/batchshim")
NOT_YET = "not available yet"


@dataclass
class Row:
    """One line of the table: what was measured, the number, the target and the verdict."""

    key: str
    what: str
    value: str = NOT_YET
    baseline: str = ""
    ratio: str = ""
    target: str = ""
    ok: bool | None = None          # None: not measured
    note: str = ""
    details: dict = field(default_factory=dict)

    @property
    def verdict(self) -> str:
        """Return pass / MISS / n/a."""
        return "n/a" if self.ok is None else ("pass" if self.ok else "**MISS**")


def median(values: Sequence[float]) -> float:
    """Return the median of ``values``."""
    return statistics.median(values)


def repeat(fn: Callable[[], object], n: int, warmup: int = 1) -> list[float]:
    """Return ``n`` wall times (s) of ``fn()`` after ``warmup`` untimed calls."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return times


def spread(values: Sequence[float], scale: float = 1.0, unit: str = "s", digits: int = 3) -> str:
    """Return 'median (min–max, n=…)' text."""
    return (f"{median(values) * scale:.{digits}f} {unit} "
            f"(min {min(values) * scale:.{digits}f}, max {max(values) * scale:.{digits}f}, n={len(values)})")


def has_module(name: str) -> bool:
    """Return whether ``name`` can be imported from the repository (without importing it)."""
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def loader_state() -> str:
    """Return 'real' (nlg.load.table + nlg.validate.dataset committed), 'shim' (dev stand-in) or 'missing'."""
    if has_module("nlg.load.table") and has_module("nlg.validate.dataset"):
        return "real"
    if (DEV_SHIM / "devload.py").is_file():
        return "shim"
    return "missing"


def use_loader_in_process() -> str:
    """Return the loader state after installing the dev stand-in in this process if needed."""
    state = loader_state()
    if state == "shim" and str(DEV_SHIM) not in sys.path:
        sys.path.insert(0, str(DEV_SHIM))
        import devload  # noqa: F401  (patches nlg.api.load_data)
    return state


def _shim_site() -> Path:
    """Return a folder whose sitecustomize installs the dev stand-in loader unconditionally."""
    import tempfile

    folder = Path(tempfile.gettempdir()) / "sitrep-bench-shim"
    folder.mkdir(exist_ok=True)
    (folder / "sitecustomize.py").write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nsys.path.insert(0, {str(DEV_SHIM)!r})\n"
        "import devload  # noqa: F401  (benchmarks: nlg.load.table/nlg.validate.dataset not committed yet)\n")
    return folder


def child_env(state: str) -> dict[str, str]:
    """Return the environment for a subprocess running the tool from the repository."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONSTARTUP")}
    paths = [str(ROOT)] + ([str(_shim_site())] if state == "shim" else [])
    env["PYTHONPATH"] = os.pathsep.join(paths)
    return env


def run_timed(cmd: list[str], env: dict[str, str], cwd: Path | None = None) -> tuple[float, subprocess.CompletedProcess]:  # noqa: E501
    """Return (wall seconds, completed process) of one subprocess run; CPU seconds in ``proc.cpu``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=cwd or ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc.cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, proc


def load() -> str:
    """Return the 1-minute load average (other work on the machine skews wall times)."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "?"


def machine() -> dict[str, str]:
    """Return CPU model, cores, memory, Python and OS."""
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    libs = []
    for name in ("docx", "openpyxl", "babel", "jinja2", "spacy"):
        try:
            from importlib.metadata import version
            dist = {"docx": "python-docx"}.get(name, name)
            libs.append(f"{dist} {version(dist)}")
        except Exception:  # noqa: BLE001
            pass
    return {"CPU": cpu, "cores": str(os.cpu_count()), "memory": mem,
            "Python": f"{platform.python_implementation()} {platform.python_version()}",
            "OS": f"{platform.system()} {platform.release()} ({platform.machine()})",
            "libraries": ", ".join(libs)}
