"""The baseline server: plain grpc.aio and no relaydesk code, run as a child process.

    python -m benchmarks.bare_server [--port PORT]

It prints one JSON line on stdout, `{"message": "bare server is serving", "port": N}`,
and serves on 127.0.0.1 until SIGTERM or SIGINT. Its one service is defined without a
.proto file: raw bytes in and out (no serializers), three methods:

- Echo (unary): answers with the request's bytes.
- Subscribe (server streaming): gives the caller an asyncio.Queue and streams whatever is
  put into it, as it is.
- Publish (unary): the request is `COUNT` and a newline followed by an encoded message;
  the server puts that message COUNT times into every subscriber's queue at full speed,
  then answers with no bytes.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
from collections.abc import AsyncIterator

import grpc
import grpc.aio
import uvloop

SERVICE = "relaydesk.benchmarks.Bare"
ECHO = f"/{SERVICE}/Echo"
SUBSCRIBE = f"/{SERVICE}/Subscribe"
PUBLISH = f"/{SERVICE}/Publish"
READY = "bare server is serving"

Context = grpc.aio.ServicerContext[bytes, bytes]


def publish_request(count: int, message: bytes) -> bytes:
    """The request of Publish: put `message` `count` times into every subscriber's queue."""
    return b"%d\n%s" % (count, message)


class Hub:
    """The in-memory source: one queue per open Subscribe stream."""

    def __init__(self) -> None:
        self.queues: set[asyncio.Queue[bytes]] = set()

    async def echo(self, request: bytes, context: Context) -> bytes:
        return request

    async def subscribe(self, request: bytes, context: Context) -> AsyncIterator[bytes]:
        queue: asyncio.Queue[bytes] = asyncio.Queue()
        self.queues.add(queue)
        try:
            while True:
                yield await queue.get()
        finally:
            self.queues.discard(queue)

    async def publish(self, request: bytes, context: Context) -> bytes:
        count, _, message = request.partition(b"\n")
        queues = list(self.queues)
        for _ in range(int(count)):
            for queue in queues:
                queue.put_nowait(message)
        return b""


def generic_handler(hub: Hub) -> grpc.GenericRpcHandler:
    # No request_deserializer / response_serializer: the handlers see and return raw bytes.
    return grpc.method_handlers_generic_handler(
        SERVICE,
        {
            "Echo": grpc.unary_unary_rpc_method_handler(hub.echo),
            "Subscribe": grpc.unary_stream_rpc_method_handler(hub.subscribe),
            "Publish": grpc.unary_unary_rpc_method_handler(hub.publish),
        },
    )


async def serve(port: int) -> None:
    server = grpc.aio.server()
    server.add_generic_rpc_handlers((generic_handler(Hub()),))
    bound = server.add_insecure_port(f"127.0.0.1:{port}")
    await server.start()
    print(json.dumps({"message": READY, "port": bound}), flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await stop.wait()
    await server.stop(grace=None)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bare_server")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    # The same event loop relaydesk serves on, so that the baseline differs
    # from relaydesk only by what relaydesk does.
    uvloop.run(serve(parser.parse_args().port))


if __name__ == "__main__":
    main()
