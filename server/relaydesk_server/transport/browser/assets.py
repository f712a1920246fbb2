"""The web apps' built files (API §14), read-only: the agent desktop at `/` (the package's
`web/desktop/`, `index.html` for a directory) and the webchat widget at `/widget/`
(`web/widget/`, so `/widget/relaydesk-chat.js`).

Starlette's StaticFiles serves them: GET and HEAD only, content types by extension, no
directory listings, and no path that leaves its directory (`..`, symbolic links out).
A directory that is not there (assets not built yet) answers 404, as any missing file.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from starlette.middleware.exceptions import ExceptionMiddleware
from starlette.routing import Mount, Router
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp

# Where the built assets are, inside the installed package.
WEB_ROOT = Path(__file__).resolve().parents[2] / "web"

# Browsers run a module script only with a JavaScript type, whatever the platform's MIME
# tables say.
for _type, _extension in (
    ("text/javascript", ".js"),
    ("text/javascript", ".mjs"),
    ("text/css", ".css"),
    ("text/html", ".html"),
    ("application/json", ".json"),
    ("application/json", ".map"),
    ("image/svg+xml", ".svg"),
    ("font/woff2", ".woff2"),
    ("application/wasm", ".wasm"),
):
    mimetypes.add_type(_type, _extension)


class _BuiltFiles(StaticFiles):
    def __init__(self, directory: Path, *, html: bool) -> None:
        super().__init__(directory=directory, html=html, check_dir=False)

    async def check_config(self) -> None:
        """Serves whatever is there when asked: a directory built after the server
        started is served, and a missing one is 404 (StaticFiles would fail instead)."""


def assets_app(root: Path) -> ASGIApp:
    """The desktop and the widget from `root` (a package's `web/` directory); a missing
    file, a directory without an index, or a method other than GET and HEAD answers with
    its plain HTTP status (404, 405)."""
    return ExceptionMiddleware(
        Router(
            routes=[
                Mount("/widget", app=_BuiltFiles(root / "widget", html=False)),
                Mount("/", app=_BuiltFiles(root / "desktop", html=True)),
            ]
        )
    )
