"""The `relaydesk` command: `relaydesk serve` runs the server.

Every flag has an environment variable `RELAYDESK_<FLAG>` (e.g. RELAYDESK_LISTEN).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import logging
import os
import signal
import sys
from pathlib import Path

import uvloop

from relaydesk_server import __version__
from relaydesk_server.app import ServerOptions, create_server
from relaydesk_server.durations import parse_duration
from relaydesk_server.logs import configure_logging

log = logging.getLogger("relaydesk")


def _env(flag: str, default: str) -> str:
    return os.environ.get("RELAYDESK_" + flag.upper().replace("-", "_"), default)


def _duration(text: str) -> dt.timedelta:
    try:
        return parse_duration(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def _positive_duration(text: str) -> dt.timedelta:
    value = _duration(text)
    if value <= dt.timedelta(0):
        raise argparse.ArgumentTypeError(f"{text!r} must be more than 0")
    return value


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
        "--event-retention",
        type=_positive_duration,
        default=_positive_duration(_env("event-retention", "7d")),
        help="how long events stay replayable (env RELAYDESK_EVENT_RETENTION; default 7d)",
    )
    serve.add_argument(
        "--heartbeat-interval",
        type=_positive_duration,
        default=_positive_duration(_env("heartbeat-interval", "15s")),
        help="how often idle subscribers get a heartbeat "
        "(env RELAYDESK_HEARTBEAT_INTERVAL; default 15s)",
    )
    serve.add_argument(
        "--subscriber-buffer",
        type=int,
        default=int(_env("subscriber-buffer", "10000")),
        help="how many events a subscriber may fall behind before it is cut "
        "(env RELAYDESK_SUBSCRIBER_BUFFER; default %(default)s)",
    )
    serve.add_argument(
        "--channel-message-rate",
        type=float,
        default=float(_env("channel-message-rate", "30")),
        help="messages a second one channel sustains; bursts may reach five times that "
        "(env RELAYDESK_CHANNEL_MESSAGE_RATE; default 30)",
    )
    serve.add_argument(
        "--event-loop",
        choices=("uvloop", "asyncio"),
        default=_env("event-loop", "uvloop"),
        help="the asyncio event loop implementation (env RELAYDESK_EVENT_LOOP; "
        "default %(default)s: libuv-based, markedly cheaper per call)",
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
    running = await create_server(
        ServerOptions(
            listen=args.listen,
            data_dir=args.data_dir,
            event_retention=args.event_retention,
            heartbeat_interval=args.heartbeat_interval,
            subscriber_buffer=args.subscriber_buffer,
            channel_message_rate=args.channel_message_rate,
            channel_message_burst=max(1, round(args.channel_message_rate * 5)),
        )
    )
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
    grace = args.shutdown_grace.total_seconds()
    log.info("shutting down", extra={"grace_s": grace})
    await running.stop(grace=grace)
    log.info("stopped")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    configure_logging(args.log_format, args.log_level)
    if args.verb == "serve":
        run = uvloop.run if args.event_loop == "uvloop" else asyncio.run
        try:
            run(serve(args))
        except OSError as error:
            log.error("cannot start: %s", error)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
