"""The `relaydesk` command: `relaydesk serve` runs the server; the admin verbs (admin.py)
talk to a running one, and `relaydesk backup` (backup.py) copies its database.

Every flag has an environment variable `RELAYDESK_<FLAG>` (e.g. RELAYDESK_LISTEN).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gc
import logging
import signal
import ssl
import sys
from collections.abc import Callable
from pathlib import Path

import uvloop

from relaydesk_server import __version__, admin, backup, copy_data
from relaydesk_server.app import ServerOptions, create_server
from relaydesk_server.arguments import UsageError, check_database_url, env, read_file
from relaydesk_server.durations import parse_duration
from relaydesk_server.logs import configure_logging
from relaydesk_server.metrics import parse_listen
from relaydesk_server.transport_security import PlaintextRefused, TlsFiles

log = logging.getLogger("relaydesk")


# Flag values are checked by their `type`. A flag's default is its environment
# variable's text (or the built-in text), so argparse runs it through `type` too and a
# bad value, from the command line or the environment, is a usage error naming the flag.

_MAX_DURATION = dt.timedelta(days=3650)
_MIN_RATE, _MAX_RATE = 0.001, 1_000_000.0


def _duration(text: str) -> dt.timedelta:
    """A duration from 0 to 3650d."""
    try:
        value = parse_duration(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error
    except OverflowError:
        value = dt.timedelta.max
    if value > _MAX_DURATION:
        raise argparse.ArgumentTypeError(f"{text!r} is more than 3650d")
    return value


def _positive_duration(text: str) -> dt.timedelta:
    """A duration more than 0, up to 3650d."""
    value = _duration(text)
    if value <= dt.timedelta(0):
        raise argparse.ArgumentTypeError(f"{text!r} must be more than 0")
    return value


def _address(text: str) -> str:
    """HOST:PORT (an IPv6 host in brackets, an empty host for every interface, a port
    from 0 to 65535; 0 picks a free one), or a Unix socket: unix:PATH, unix-abstract:NAME."""
    scheme, _, path = text.partition(":")
    if scheme in ("unix", "unix-abstract") and path:
        return text
    try:
        parse_listen(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{error} (or unix:PATH)") from error
    return text


def _count(text: str) -> int:
    """A whole number, 1 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be 1 or more")
    return value


def _rate(unit: str, *, off: bool = False, per: str = "second") -> Callable[[str], float]:
    """A number of `unit` a `per` from 0.001 to 1000000; with `off`, 0 (no limit) too."""

    def rate(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{text!r} is not a number of {unit} a {per}"
            ) from None
        if not (_MIN_RATE <= value <= _MAX_RATE or (off and value == 0)):
            zero = "0 (no limit) or " if off else ""
            raise argparse.ArgumentTypeError(
                f"{text!r} must be {zero}from {_MIN_RATE:g} to {_MAX_RATE:.0f}"
            )
        return value

    return rate


def _choice(*choices: str) -> Callable[[str], str]:
    """One of `choices` (argparse's `choices` are not checked against a default)."""

    def choice(text: str) -> str:
        if text not in choices:
            raise argparse.ArgumentTypeError(f"{text!r} is not one of {', '.join(choices)}")
        return text

    return choice


def _boolean(text: str) -> bool:
    value = text.strip().lower()
    if value in ("1", "true", "yes"):
        return True
    if value in ("0", "false", "no"):
        return False
    raise ValueError(f"{text!r} is not one of 1, true, yes, 0, false, no")


class _EncryptedKey(Exception):
    pass


def _no_password() -> bytes:
    raise _EncryptedKey("the key is encrypted")


def _allow_insecure(args: argparse.Namespace) -> bool:
    if args.allow_insecure is not None:
        return bool(args.allow_insecure)
    text = env("allow-insecure", "") or "false"
    try:
        return _boolean(text)
    except ValueError as error:
        raise UsageError(f"--allow-insecure (env RELAYDESK_ALLOW_INSECURE): {error}") from error


def _load_tls(args: argparse.Namespace) -> TlsFiles | None:
    """Reads and checks the TLS flags' files; None when TLS is off."""
    cert: Path | None = args.tls_cert
    key: Path | None = args.tls_key
    client_ca: Path | None = args.tls_client_ca
    if cert is None and key is None:
        if client_ca is not None:
            raise UsageError("--tls-client-ca needs --tls-cert and --tls-key")
        return None
    if cert is None or key is None:
        raise UsageError("--tls-cert and --tls-key go together: give both or neither")
    tls = TlsFiles(
        cert_chain=read_file("--tls-cert", cert),
        private_key=read_file("--tls-key", key),
        client_ca=None if client_ca is None else read_file("--tls-client-ca", client_ca),
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    try:
        context.load_cert_chain(cert, key, password=_no_password)
    except (OSError, _EncryptedKey) as error:  # ssl.SSLError is an OSError
        raise UsageError(
            f"--tls-cert {cert} and --tls-key {key}: not a PEM certificate chain and "
            f"its unencrypted private key ({error})"
        ) from error
    if client_ca is not None:
        try:
            context.load_verify_locations(cafile=client_ca)
        except OSError as error:
            raise UsageError(
                f"--tls-client-ca {client_ca}: not PEM CA certificates ({error})"
            ) from error
    return tls


def _host_port(text: str) -> str:
    """HOST:PORT (an IPv6 host in brackets, an empty host for every interface)."""
    try:
        parse_listen(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error
    return text


def _database_url(text: str) -> str:
    try:
        return check_database_url(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="relaydesk", description="relaydesk: messaging orchestration for contact centers."
    )
    parser.add_argument("--version", action="version", version=f"relaydesk {__version__}")
    verbs = parser.add_subparsers(dest="verb", required=True)
    serve = verbs.add_parser("serve", help="run the server (gRPC, and browsers with --http-listen)")
    serve.add_argument(
        "--listen",
        type=_address,
        default=env("listen", "127.0.0.1:50051"),
        help="HOST:PORT to listen on (env RELAYDESK_LISTEN; default %(default)s)",
    )
    serve.add_argument(
        "--data-dir",
        type=Path,
        default=env("data-dir", "./data"),
        help="where the database and the first admin key live (env RELAYDESK_DATA_DIR; "
        "default %(default)s)",
    )
    serve.add_argument(
        "--database-url",
        type=_database_url,
        default=env("database-url", "") or None,
        help="sqlite:///PATH or postgresql://USER:PASSWORD@HOST:PORT/DATABASE, which any "
        "number of servers may share (env RELAYDESK_DATABASE_URL; default "
        "sqlite:///DATA_DIR/relaydesk.db)",
    )
    serve.add_argument(
        "--log-format",
        choices=("json", "text"),
        type=_choice("json", "text"),
        default=env("log-format", "json"),
        help="log line format (env RELAYDESK_LOG_FORMAT; default %(default)s)",
    )
    serve.add_argument(
        "--log-level",
        choices=("debug", "info", "warning", "error"),
        type=_choice("debug", "info", "warning", "error"),
        default=env("log-level", "info"),
        help="(env RELAYDESK_LOG_LEVEL; default %(default)s)",
    )
    serve.add_argument(
        "--event-retention",
        type=_positive_duration,
        default=env("event-retention", "7d"),
        help="how long events stay replayable (env RELAYDESK_EVENT_RETENTION; default 7d)",
    )
    serve.add_argument(
        "--heartbeat-interval",
        type=_positive_duration,
        default=env("heartbeat-interval", "15s"),
        help="how often idle subscribers get a heartbeat "
        "(env RELAYDESK_HEARTBEAT_INTERVAL; default 15s)",
    )
    serve.add_argument(
        "--subscriber-buffer",
        type=_count,
        default=env("subscriber-buffer", "10000"),
        help="how many events a subscriber may fall behind before it is cut "
        "(env RELAYDESK_SUBSCRIBER_BUFFER; default %(default)s)",
    )
    serve.add_argument(
        "--channel-message-rate",
        type=_rate("messages"),
        default=env("channel-message-rate", "30"),
        help="messages a second one channel sustains; bursts may reach five times that "
        "(env RELAYDESK_CHANNEL_MESSAGE_RATE; default 30)",
    )
    serve.add_argument(
        "--token-call-rate",
        type=_rate("calls", off=True),
        default=env("token-call-rate", "20"),
        help="calls a second one agent or customer token sustains, in bursts of up to five "
        "times that; 0 for no limit (env RELAYDESK_TOKEN_CALL_RATE; default 20)",
    )
    serve.add_argument(
        "--key-call-rate",
        type=_rate("calls", off=True),
        default=env("key-call-rate", "0"),
        help="calls a second one API key sustains, in bursts of up to five times that; "
        "0 for no limit (env RELAYDESK_KEY_CALL_RATE; default 0)",
    )
    serve.add_argument(
        "--event-loop",
        choices=("uvloop", "asyncio"),
        type=_choice("uvloop", "asyncio"),
        default=env("event-loop", "uvloop"),
        help="the asyncio event loop implementation (env RELAYDESK_EVENT_LOOP; "
        "default %(default)s: libuv-based, markedly cheaper per call)",
    )
    serve.add_argument(
        "--shutdown-grace",
        type=_duration,
        default=env("shutdown-grace", "10s"),
        help="how long in-flight calls may take to finish on shutdown "
        "(env RELAYDESK_SHUTDOWN_GRACE; default 10s)",
    )
    serve.add_argument(
        "--tls-cert",
        type=Path,
        metavar="FILE",
        default=env("tls-cert", "") or None,
        help="the server's PEM certificate chain; with --tls-key, calls are served over TLS "
        "(env RELAYDESK_TLS_CERT)",
    )
    serve.add_argument(
        "--tls-key",
        type=Path,
        metavar="FILE",
        default=env("tls-key", "") or None,
        help="the PEM private key of --tls-cert, unencrypted (env RELAYDESK_TLS_KEY)",
    )
    serve.add_argument(
        "--tls-client-ca",
        type=Path,
        metavar="FILE",
        default=env("tls-client-ca", "") or None,
        help="mutual TLS: require a client certificate signed by a CA in this PEM file; "
        "needs --tls-cert and --tls-key (env RELAYDESK_TLS_CLIENT_CA)",
    )
    serve.add_argument(
        "--allow-insecure",
        action="store_true",
        default=None,
        help="serve plaintext on an address that is not loopback "
        "(env RELAYDESK_ALLOW_INSECURE: 1/true/yes or 0/false/no; default off)",
    )
    serve.add_argument(
        "--metrics-listen",
        type=_host_port,
        metavar="HOST:PORT",
        default=env("metrics-listen", "") or None,
        help="serve Prometheus metrics at http://HOST:PORT/metrics, plaintext (the rule of "
        "--allow-insecure applies) (env RELAYDESK_METRICS_LISTEN; default off)",
    )
    serve.add_argument(
        "--http-listen",
        type=_host_port,
        metavar="HOST:PORT",
        default=env("http-listen", "") or None,
        help="serve browsers on HOST:PORT: every RPC over Connect and gRPC-Web, the agent "
        "desktop at / and the webchat widget at /widget/relaydesk-chat.js; HTTPS with "
        "--tls-cert/--tls-key, else plaintext under the rule of --allow-insecure "
        "(env RELAYDESK_HTTP_LISTEN; default off)",
    )
    serve.add_argument(
        "--webchat-start-rate",
        type=_rate("web chats", off=True, per="minute"),
        default=env("webchat-start-rate", "10"),
        help="web chats a minute one client address may start without a credential (a "
        "public page's widget), in bursts of up to twice that; 0 for no limit "
        "(env RELAYDESK_WEBCHAT_START_RATE; default 10)",
    )
    serve.set_defaults(usage_error=serve.error)
    admin.add_verbs(verbs)
    backup.add_verb(verbs)
    copy_data.add_verb(verbs)
    return parser


async def serve(args: argparse.Namespace) -> None:
    running = await create_server(
        ServerOptions(
            listen=args.listen,
            data_dir=args.data_dir,
            database_url=args.database_url,
            event_retention=args.event_retention,
            heartbeat_interval=args.heartbeat_interval,
            subscriber_buffer=args.subscriber_buffer,
            channel_message_rate=args.channel_message_rate,
            channel_message_burst=max(1, round(args.channel_message_rate * 5)),
            tls=args.tls,
            allow_insecure=args.allow_insecure,
            token_call_rate=args.token_call_rate,
            token_call_burst=max(1, round(args.token_call_rate * 5)),
            key_call_rate=args.key_call_rate,
            key_call_burst=max(1, round(args.key_call_rate * 5)),
            metrics_listen=args.metrics_listen,
            http_listen=args.http_listen,
            webchat_start_rate=args.webchat_start_rate,
            webchat_start_burst=max(1, round(args.webchat_start_rate * 2)),
        )
    )
    await running.start()
    # What exists now (modules, the server's wiring, its caches as loaded) lives as long
    # as the process. Left to the collector, each of its full passes walks all of it,
    # pausing every call and stream for tens of milliseconds; frozen, a pass walks only
    # what calls and streams made since.
    gc.collect()
    gc.freeze()
    log.info(
        "relaydesk is serving",
        extra={
            "listen": args.listen,
            "port": running.port,
            "tls": "off" if args.tls is None else "mutual" if args.tls.mutual else "on",
            "database": running.store.describe(),
            "admin_key_file": str(running.admin_key_path.resolve()),
            "metrics_port": running.metrics_port,
            "http_listen": args.http_listen,
            "http_port": running.http_port,
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
    verb = getattr(args, "run", None)
    if verb is not None:  # the admin verbs and backup: no server runs here
        code: int = verb(args)
        return code
    configure_logging(args.log_format, args.log_level)
    if args.verb == "serve":
        try:
            args.allow_insecure = _allow_insecure(args)
            args.tls = _load_tls(args)
        except UsageError as error:
            args.usage_error(str(error))  # exits with status 2
            return 2
        run = uvloop.run if args.event_loop == "uvloop" else asyncio.run
        try:
            run(serve(args))
        except PlaintextRefused as error:
            log.error("cannot start: %s", error)
            return 2
        except OSError as error:
            log.error("cannot start: %s", error)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
