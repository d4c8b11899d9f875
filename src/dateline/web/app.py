"""Build the web app: the JSON API under /api, the page at /, static files.

    from dateline.web import create_app
    app = create_app("dateline.db")            # or a postgresql:// URL

The page is static HTML + JS that reads only the JSON API, so everything it
shows can be had as JSON too (/api/events, /api/events/{id}, …). The app is
read-only unless a write token is given.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote
from typing import Any, Optional

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from .api import router
from .cache import ResponseCache

STATIC = Path(__file__).parent / "static"

# The page loads nothing from elsewhere except, when the user turns them on,
# OpenStreetMap tiles; article text is inserted as text nodes, and the CSP
# forbids inline script as a second line of defence.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: https://tile.openstreetmap.org; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
# /docs is FastAPI's Swagger UI page (vendored, no CDN); it starts with an inline script.
_DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
             "img-src 'self' data:; frame-ancestors 'none'")
SWAGGER_UI = "5.35.0"


class SecurityHeaders:
    """Plain ASGI middleware (cheaper than BaseHTTPMiddleware on the hot path)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        csp = (_DOCS_CSP if scope.get("path", "").startswith(("/docs", "/redoc")) else CSP).encode()

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                    (b"content-security-policy", csp),
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(store_url: Optional[str] = None, *, write_token: Optional[str] = None,
               store: Any = None, cache: bool = True) -> FastAPI:
    """The FastAPI app over the store at `store_url` (SQLite path or database URL).

    `store` may be given instead of a URL (an already opened store). With `cache`, API
    responses are kept while the store's generation stays the same (web/cache.py)."""
    if store is None:
        from dateline.store import open_store
        store = open_store(store_url)
    app = FastAPI(
        title="dateline",
        version=_version(),
        description=("Conflict events extracted from news articles, with the sources behind "
                     "every claim. The page at / reads only this API."),
        docs_url=None, redoc_url=None,
    )
    app.state.store = store
    app.state.write_token = write_token or None
    app.include_router(router)

    @app.get("/", include_in_schema=False)
    def page():
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/events/{event_id}", include_in_schema=False)
    def event_page(event_id: str):
        # HTML twin of /api/events/{id}: the page opens with that event's panel.
        return RedirectResponse("/#event=" + quote(event_id, safe=""))

    @app.get("/docs", include_in_schema=False)
    def docs():
        return get_swagger_ui_html(
            openapi_url=app.openapi_url, title="dateline API",
            swagger_js_url=f"/static/vendor/swagger-ui-bundle-{SWAGGER_UI}.js",
            swagger_css_url=f"/static/vendor/swagger-ui-{SWAGGER_UI}.css",
            swagger_favicon_url="data:,")

    @app.get("/healthz", include_in_schema=False)
    def healthz():
        return JSONResponse({"ok": True})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    if cache and hasattr(store, "generation"):
        app.add_middleware(ResponseCache, generation=store.generation)
    app.add_middleware(SecurityHeaders)
    return app


def app_from_env() -> FastAPI:
    """App factory for `uvicorn --factory` / `dateline serve --workers N`: the store URL comes
    from $DATELINE_DB (as for every command), the write token from $DATELINE_WRITE_TOKEN."""
    import os
    return create_app(os.environ.get("DATELINE_DB") or None,
                      write_token=os.environ.get("DATELINE_WRITE_TOKEN") or None,
                      cache=os.environ.get("DATELINE_RESPONSE_CACHE", "1") != "0")


def _version() -> str:
    try:
        from importlib.metadata import version
        return version("dateline")
    except Exception:
        return "0"
