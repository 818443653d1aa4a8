"""Run the page: bind 127.0.0.1 only, serve the app with uvicorn, open the browser once it listens."""
from __future__ import annotations

import importlib.util
import socket
import threading
import webbrowser
from collections.abc import Callable
from pathlib import Path

from nlg.errors import error
from nlg.web.errors import WebError

HOST = "127.0.0.1"
DEFAULT_PORT = 8765
NEEDED = ("starlette", "uvicorn", "multipart", "jinja2", "ruamel.yaml")


def missing_packages() -> list[str]:
    """Return the web packages that are not installed."""
    return [name for name in NEEDED if importlib.util.find_spec(name) is None]


def bind(port: int) -> socket.socket:
    """Return a listening socket on 127.0.0.1:``port`` (0: any free port); E171 when it cannot."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((HOST, port))
    except OSError as exc:
        sock.close()
        raise WebError(problems=[error("E171", f"cannot listen on {HOST}:{port}: {exc.strerror or exc}",
                                       value=str(port), hint="another program uses the port: "
                                       "choose another with --port, e.g. --port 8766")]) from None
    sock.listen(64)
    return sock


def serve(folder: str | Path, *, port: int = DEFAULT_PORT, open_browser: bool = True,
          on_ready: Callable[[str], None] | None = None) -> None:
    """Return when the server stops (Ctrl+C), after serving ``folder`` on 127.0.0.1:``port``."""
    missing = missing_packages()
    if missing:
        raise WebError(problems=[error("E170", "the web page needs packages that are not installed: "
                                       + ", ".join(missing),
                                       hint="pip install 'sitrep-nlg[web]'")])
    import uvicorn

    from nlg.web.app import create_app

    app = create_app(folder)
    sock = bind(port)
    url = f"http://{HOST}:{sock.getsockname()[1]}/"
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off",
                                           access_log=False, server_header=False))

    def announce() -> None:
        while not server.started and not server.should_exit:
            threading.Event().wait(0.05)
        if server.started:
            if on_ready:
                on_ready(url)
            if open_browser:
                webbrowser.open(url)

    threading.Thread(target=announce, daemon=True).start()
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
