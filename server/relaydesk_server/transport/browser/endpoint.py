"""The browser endpoint's HTTP server: the RPC paths and the web apps' files on one port, in
relaydesk's own process and event loop, with CORS for the pages of other sites (the widget
is embedded in company websites).

Every origin may call: credentials travel in the `Authorization` header, never in cookies,
so a page only ever acts with a credential it holds; what gates the one RPC open without
a credential is the flow's `allowed_origins` (StartWebchat, API §14).
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import socket
import ssl
from collections.abc import Iterator
from pathlib import Path

import uvicorn
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from relaydesk_server.transport.browser.assets import assets_app
from relaydesk_server.transport.browser.rpc import RpcApp
from relaydesk_server.transport.pipeline import CallPipeline
from relaydesk_server.transport.registry import MethodTable

# What Connect and gRPC-Web clients send (connect-es, grpc-web), and the credential.
ALLOWED_HEADERS = (
    "authorization",
    "content-type",
    "connect-protocol-version",
    "connect-timeout-ms",
    "connect-content-encoding",
    "connect-accept-encoding",
    "grpc-timeout",
    "grpc-encoding",
    "grpc-accept-encoding",
    "x-grpc-web",
    "x-user-agent",
)
# What they read from responses: statuses and error details, and encodings.
EXPOSED_HEADERS = (
    "grpc-status",
    "grpc-message",
    "grpc-status-details-bin",
    "grpc-encoding",
    "grpc-accept-encoding",
    "connect-content-encoding",
    "connect-accept-encoding",
    "content-encoding",
)
# How long a browser may reuse a preflight's answer.
PREFLIGHT_MAX_AGE_S = 7200
_BACKLOG = 1024


class _Routes:
    """The RPC paths to the RPCs, everything else to the files."""

    def __init__(self, rpc: RpcApp, assets: ASGIApp) -> None:
        self._rpc = rpc
        self._assets = assets

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # uvicorn serves no websockets and no lifespan here
            return
        if scope["path"] in self._rpc.paths:
            await self._rpc(scope, receive, send)
        else:
            await self._assets(scope, receive, send)


def browser_app(methods: MethodTable, pipeline: CallPipeline, web_root: Path) -> ASGIApp:
    """The ASGI application of the browser endpoint."""
    return CORSMiddleware(
        _Routes(RpcApp(methods, pipeline), assets_app(web_root)),
        allow_origins=["*"],
        allow_methods=["GET", "POST"],
        allow_headers=list(ALLOWED_HEADERS),
        expose_headers=list(EXPOSED_HEADERS),
        max_age=PREFLIGHT_MAX_AGE_S,
    )


class _Server(uvicorn.Server):
    """uvicorn inside relaydesk's process: the process, not uvicorn, handles signals."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


def _bind(host: str, port: int) -> socket.socket:
    family, kind, proto, _, address = socket.getaddrinfo(
        host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(_BACKLOG)
    except OSError:
        sock.close()
        raise
    return sock


class HttpEndpoint:
    """The HTTP server (HTTP/1.1, which Connect and gRPC-Web need from browsers; HTTPS with
    a TLS context): bound when made, serving once started, on the running event loop."""

    def __init__(
        self, app: ASGIApp, host: str, port: int, tls: ssl.SSLContext | None = None
    ) -> None:
        self._socket = _bind(host, port)
        self.port: int = self._socket.getsockname()[1]
        self.tls = tls is not None
        config = uvicorn.Config(
            app,
            http="h11",
            ws="none",
            lifespan="off",
            # Calls are logged by the call pipeline; uvicorn says only what goes wrong.
            log_config=None,
            log_level="warning",
            access_log=False,
            # The caller's address is the connection's: no proxy is trusted to say otherwise.
            proxy_headers=False,
            server_header=False,
            ssl_context_factory=None if tls is None else (lambda config, default: tls),
        )
        self._server = _Server(config)
        self._serving: asyncio.Task[None] | None = None

    def start(self) -> None:
        # The socket listens already: connections made before uvicorn takes it wait.
        self._serving = asyncio.create_task(self._server.serve(sockets=[self._socket]))

    async def stop(self, grace: float | None) -> None:
        """Stops taking connections, lets requests in progress finish within `grace`
        seconds (None: at once), then cancels them. The server has let its calls finish
        and ended its streams before this (RelaydeskServer.stop), so what is still busy
        is a response being written: it gets at least a second."""
        if self._serving is None:
            self._socket.close()
            return
        self._server.config.timeout_graceful_shutdown = max(1, math.ceil(grace or 0))
        self._server.should_exit = True
        await self._serving
        self._serving = None
