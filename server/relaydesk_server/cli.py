"""The `relaydesk` command: `relaydesk serve` runs the server.

Every flag has an environment variable `RELAYDESK_<FLAG>` (e.g. RELAYDESK_LISTEN).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
from pathlib import Path

from relaydesk_server import __version__
from relaydesk_server.app import ServerOptions, create_server
from relaydesk_server.durations import parse_duration
from relaydesk_server.logs import configure_logging

log = logging.getLogger("relaydesk")


def _env(flag: str, default: str) -> str:
    return os.environ.get("RELAYDESK_" + flag.upper().replace("-", "_"), default)


def _duration(text: str) -> float:
    try:
        return parse_duration(text).total_seconds()
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="relaydesk", description="relaydesk: messaging orchestration for contact centers."
    )
    parser.add_argument("--version", action="version", version=f"relaydesk {__version__}")
    verbs = parser.add_subparsers(dest="verb", required=True)
    serve = verbs.add_parser("serve", help="run the gRPC server")
    serve.add_argument(
        "--listen",
        default=_env("listen", "127.0.0.1:50051"),
        help="HOST:PORT to listen on (env RELAYDESK_LISTEN; default %(default)s)",
    )
    serve.add_argument(
        "--data-dir",
        type=Path,
        default=Path(_env("data-dir", "./data")),
        help="where the database and the first admin key live (env RELAYDESK_DATA_DIR; "
        "default %(default)s)",
    )
    serve.add_argument(
        "--log-format",
        choices=("json", "text"),
        default=_env("log-format", "json"),
        help="log line format (env RELAYDESK_LOG_FORMAT; default %(default)s)",
    )
    serve.add_argument(
        "--log-level",
        choices=("debug", "info", "warning", "error"),
        default=_env("log-level", "info"),
        help="(env RELAYDESK_LOG_LEVEL; default %(default)s)",
    )
    serve.add_argument(
        "--shutdown-grace",
        type=_duration,
        default=_duration(_env("shutdown-grace", "10s")),
        help="how long in-flight calls may take to finish on shutdown "
        "(env RELAYDESK_SHUTDOWN_GRACE; default 10s)",
    )
    return parser


async def serve(args: argparse.Namespace) -> None:
    running = await create_server(ServerOptions(listen=args.listen, data_dir=args.data_dir))
    await running.start()
    log.info(
        "relaydesk is serving",
        extra={
            "listen": args.listen,
            "port": running.port,
            "database": str(running.store.path),
            "admin_key_file": str(running.admin_key_path.resolve()),
        },
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await stop.wait()
    log.info("shutting down", extra={"grace_s": args.shutdown_grace})
    await running.stop(grace=args.shutdown_grace)
    log.info("stopped")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    configure_logging(args.log_format, args.log_level)
    if args.verb == "serve":
        try:
            asyncio.run(serve(args))
        except OSError as error:
            log.error("cannot start: %s", error)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
