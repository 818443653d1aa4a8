"""The routes of the local page: the form, uploads, preview, drafts, downloads and check.

Every action that needs the report first saves the form as report.yaml (only
when it passes the same checks as ``sitrep draft``), then calls the library:
:func:`nlg.api.prepare`, :func:`nlg.draft.output.write_drafts`, :mod:`nlg.draft.review`,
:mod:`nlg.word.pdf`, :func:`nlg.check.findings.check`. Nothing is written outside the folder.
"""
from __future__ import annotations

import secrets
import threading
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from nlg.errors import SitrepError
from nlg.web import actions, forms, i18n, store, views
from nlg.web.errors import WebError
from nlg.web.folder import ReportFolder
from nlg.web.security import TOKEN_HEADER, LocalOnly

HERE = Path(__file__).resolve().parent
LANG_COOKIE = "sitrep_lang"
#: Nothing but this server's own files; no frames, no referrer.
HEADERS = {"Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
           "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
           "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer",
           "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"}


class Page:
    """The state of one served folder: templates, token, and a lock for writes."""

    def __init__(self, folder: ReportFolder, token: str):
        self.folder, self.token = folder, token
        self.lock = threading.Lock()
        self.templates = Jinja2Templates(directory=str(HERE / "templates"))
        env = self.templates.env
        env.filters.update(slug=views.slug, fid=views.field_id, link=views.safe_link)
        env.globals.update(token_header=TOKEN_HEADER)

    def lang(self, request: Request) -> str:
        """Return the interface language of ``request``."""
        return i18n.pick(request.query_params.get("lang"), request.cookies.get(LANG_COOKIE),
                         request.headers.get("accept-language"))

    def render(self, request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
        """Return the template ``name`` rendered for ``request``."""
        lang = self.lang(request)
        base = {"t": i18n.labels(lang), "lang": lang, "token": self.token,
                "folder": str(self.folder.root), "pdf_available": actions.pdf_available()}
        response = self.templates.TemplateResponse(request, name, {**base, **context},
                                                   status_code=status, headers=HEADERS)
        if request.query_params.get("lang") in i18n.LANGS:
            response.set_cookie(LANG_COOKIE, request.query_params["lang"], samesite="strict",
                                httponly=True)
        return response

    def form_context(self, state: forms.FormState, uploads=(), saved=None) -> dict:
        """Return what the form template needs."""
        exports = self.folder.exports()
        state.data = [d for d in state.data if d in exports] or ([] if state.data else exports)
        return {"state": state, "exports": exports, "uploads": {u.name: u for u in uploads},
                "export_errors": {}, "saved": saved}


async def _form(request: Request) -> dict[str, list[str]]:
    form = await request.form()
    return {key: [v for v in form.getlist(key) if isinstance(v, str)] for key in form.keys()}


def routes(page: Page) -> list:
    """Return the routes of ``page``."""

    async def index(request: Request) -> Response:
        try:
            problems: tuple = store.check_saved(page.folder.root)[1]   # the CLI's messages
        except SitrepError as exc:                                       # E103: not UTF-8
            problems = exc.problems
        try:
            document = store.read_document(page.folder.root)
        except SitrepError as exc:
            document, problems = {}, problems or exc.problems
        state = forms.from_raw(document) if document else actions.guessed_state(page.folder)
        forms.with_problems(state, problems)
        return page.render(request, "index.html", **page.form_context(state))

    async def form(request: Request) -> Response:
        state = forms.from_form(await _form(request))
        add = request.query_params.get("add")
        if add in forms.PAIRS:
            state.pairs[add].append(("", ""))
        return page.render(request, "form.html", **page.form_context(state))

    async def upload(request: Request) -> Response:
        form = await request.form()
        fields = {k: [v for v in form.getlist(k) if isinstance(v, str)] for k in form.keys()}
        state = forms.from_form(fields)
        files = [(f.filename, await f.read()) for f in form.getlist("export") if not isinstance(f, str)]
        with page.lock:
            uploads = await run_in_threadpool(actions.take_uploads, page.folder, state, files)
        return page.render(request, "form.html", **page.form_context(state, uploads))

    async def act(request: Request) -> Response:
        action = request.path_params["action"]
        fields = await _form(request)
        state = forms.from_form(fields)
        force = (fields.get("force") or [""])[0] == "1"
        with page.lock:
            result = await run_in_threadpool(actions.run, page.folder, state, action, force)
        return page.render(request, "result.html", result=result, state=result.state,
                           fields=result.state.names(), exports=page.folder.exports())

    async def download(request: Request) -> Response:
        try:
            path = page.folder.path(request.path_params["name"], under="out")
        except WebError as exc:
            return page.render(request, "message.html", 400, problems=views.located(exc.problems))
        if not path.is_file():
            return page.render(request, "message.html", 404, problems=[])
        return FileResponse(path, filename=path.name)

    async def check(request: Request) -> Response:
        form = await request.form()
        files = [(f.filename, await f.read()) for f in form.getlist("docx") if not isinstance(f, str)]
        compare = form.get("compare") == "1"
        result = await run_in_threadpool(actions.check_uploads, page.folder, files, compare)
        return page.render(request, "check.html", check=result)

    return [Route("/", index), Route("/form", form, methods=["POST"]),
            Route("/upload", upload, methods=["POST"]),
            Route("/act/{action:str}", act, methods=["POST"]),
            Route("/download/{name:str}", download),
            Route("/check", check, methods=["POST"]),
            Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")]


def create_app(folder: str | Path, *, token: str | None = None) -> LocalOnly:
    """Return the web application serving the report folder ``folder``."""
    page = Page(ReportFolder.open(Path(folder)), token or secrets.token_urlsafe(24))
    app = LocalOnly(Starlette(routes=routes(page)), token=page.token)
    app.page = page
    return app
