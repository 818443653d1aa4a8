"""Who may talk to the page: this computer only, under its own name, from its own page.

* the client must be a loopback address (the server binds 127.0.0.1 too) - E179;
* the Host header must be ``localhost`` or ``127.0.0.1`` (a DNS-rebinding page
  would send its own name) - E180;
* a request that changes anything (POST) must come from the page itself: an
  ``Origin`` header, when the browser sends one, must be this server, and the
  form must carry the token the page was served with - E181.
"""
from __future__ import annotations

import hmac
import ipaddress
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse

ALLOWED_HOSTS = ("localhost", "127.0.0.1", "[::1]")
TOKEN_HEADER = "x-sitrep-token"
TOKEN_FIELD = "_token"


def is_loopback(host: str | None) -> bool:
    """Return whether ``host`` is a loopback address.

    >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("192.168.1.5"), is_loopback(None)
    (True, True, False, False)
    """
    try:
        return ipaddress.ip_address(host or "").is_loopback
    except ValueError:
        return False


def host_name(value: str | None) -> str:
    """Return the host part of a Host header, lower case, without the port.

    >>> host_name("LocalHost:8765"), host_name("[::1]:80"), host_name("evil.example")
    ('localhost', '[::1]', 'evil.example')
    """
    text = (value or "").strip().lower()
    if text.startswith("["):
        return text.split("]")[0] + "]"
    return text.split(":")[0]


def _refuse(code: str, text: str) -> PlainTextResponse:
    return PlainTextResponse(f"[{code}] {text}\n", status_code=403)


class LocalOnly:
    """ASGI middleware refusing requests from other hosts, other names and other sites."""

    def __init__(self, app, *, token: str):
        self.app, self.token = app, token

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        refusal = self.refusal(scope)
        if refusal is not None:
            return await refusal(scope, receive, send)
        await self.app(scope, receive, send)

    def refusal(self, scope) -> PlainTextResponse | None:
        """Return the 403 response for a request that must be refused, else None."""
        client = scope.get("client")
        if not client or not is_loopback(client[0]):
            return _refuse("E179", "refused: the page answers this computer only")
        headers = Headers(scope=scope)
        if host_name(headers.get("host")) not in ALLOWED_HOSTS:
            return _refuse("E180", "refused: open the page as http://127.0.0.1 or http://localhost")
        if scope.get("method", "GET") in ("GET", "HEAD"):
            return None
        origin = headers.get("origin")
        if origin is not None and host_name(urlsplit(origin).netloc) not in ALLOWED_HOSTS:
            return _refuse("E181", "refused: the request was sent from another site")
        if headers.get("sec-fetch-site") in ("cross-site", "same-site"):
            return _refuse("E181", "refused: the request was sent from another site")
        sent = headers.get(TOKEN_HEADER, "")
        if not hmac.compare_digest(sent.encode(), self.token.encode()):
            return _refuse("E181", "refused: reload the page (the form's token is missing or old)")
        return None
