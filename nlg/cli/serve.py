"""`sitrep serve [FOLDER] [--port N] [--no-browser]`: the local web page (nlg.web).

Only argparse and pathlib are imported here; the web packages load in :func:`run`.
"""
from __future__ import annotations

import argparse
from pathlib import Path

HELP = "open the report folder in a local web page (this computer only)"
EPILOG = "Stop with Ctrl+C. Needs the web extra: pip install 'sitrep-nlg[web]'. Docs: README.md."


def register(subparsers) -> argparse.ArgumentParser:
    """Return the `serve` parser added to ``subparsers``."""
    p = subparsers.add_parser("serve", help=HELP, description=HELP, epilog=EPILOG)
    p.add_argument("folder", type=Path, nargs="?", default=Path("."),
                   help="report folder (created when missing; default: the current folder)")
    p.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (default 8765; 0: any free)")
    p.add_argument("--no-browser", action="store_true", help="do not open the browser")
    return p


def run(args: argparse.Namespace) -> int:
    """Return the exit code after serving ``args.folder`` until Ctrl+C."""
    import sys

    from nlg.web.serve import serve

    def ready(url: str) -> None:
        print(f"serving {args.folder.resolve()} at {url}  (this computer only; Ctrl+C to stop)", flush=True)

    serve(args.folder, port=args.port, open_browser=not args.no_browser, on_ready=ready)
    print("stopped", file=sys.stderr)
    return 0
