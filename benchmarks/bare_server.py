"""The baseline server: plain grpc.aio and no relaydesk code, run as a child process.

    python -m benchmarks.bare_server [--port PORT]

It prints one JSON line on stdout, `{"message": "bare server is serving", "port": N}`,
and serves on 127.0.0.1 until SIGTERM or SIGINT. Its one service, `relaydesk.benchmarks.Bare`,
is served without serializers (raw bytes in and out), in five methods:

- Echo (unary): answers with the request's bytes.
- HopEcho (unary): the writer-hop baseline. Answers with the request's bytes once a writer
  thread has seen the call: the handler queues a future and awaits it, and one thread takes
  whatever is queued, in batches, and resolves each batch's futures with one wake-up of the
  event loop. That is the threading shape of relaydesk's storage writer (one writer thread,
  group commit, callers answered after their batch), doing no work, so its cost against Echo
  is what the hop alone costs.
- ProcessHopEcho (unary): the writer-process baseline. Answers with the request's bytes once
  a writer process has sent them back: the handler frames the request's bytes onto a socket
  to a child process (the frames of one turn of the event loop in one write), and the child
  reads whatever has arrived and writes it all back in one write, doing no other work. That
  is the shape of a writer in a process of its own, fed encoded requests and answering with
  encoded replies, so its cost against Echo is what crossing to another process costs, on
  the server's core (the child runs on the other).
- Subscribe (server streaming): gives the caller an asyncio.Queue and streams whatever is
  put into it, as it is.
- Publish (unary): the request is `COUNT` and a newline followed by an encoded message;
  the server puts that message COUNT times into every subscriber's queue at full speed,
  then answers with no bytes.

Echo, HopEcho and ProcessHopEcho are also described, for tools such as ghz that build their
requests from a service's description: server reflection serves a file,
`relaydesk/benchmarks/bare.proto`, built here in code (`message Payload { bytes data = 1; }`,
each method from Payload to Payload). An encoded Payload echoes as itself, so the handlers
stay raw bytes. Subscribe and Publish carry framing of their own and are left out of the
description.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import signal
import socket
import struct
import sys
import threading
from collections.abc import AsyncIterator
from queue import Empty, SimpleQueue
from typing import Any, cast

import grpc
import grpc.aio
import uvloop
from google.protobuf import descriptor_pb2, descriptor_pool
from google.protobuf.descriptor import FileDescriptor
from grpc_reflection.v1alpha import reflection, reflection_pb2

PACKAGE = "relaydesk.benchmarks"
SERVICE = f"{PACKAGE}.Bare"
ECHO = f"/{SERVICE}/Echo"
HOP_ECHO = f"/{SERVICE}/HopEcho"
SUBSCRIBE = f"/{SERVICE}/Subscribe"
PUBLISH = f"/{SERVICE}/Publish"
READY = "bare server is serving"
PROTO_FILE = "relaydesk/benchmarks/bare.proto"

ECHOES = ("Echo", "HopEcho", "ProcessHopEcho")

# As many calls as relaydesk's writer takes into one transaction (storage/store.py).
MAX_BATCH = 512

Context = grpc.aio.ServicerContext[bytes, bytes]


def publish_request(count: int, message: bytes) -> bytes:
    """The request of Publish: put `message` `count` times into every subscriber's queue."""
    return b"%d\n%s" % (count, message)


def descriptor() -> descriptor_pb2.FileDescriptorProto:
    """The description of the echoes that reflection serves."""
    field = descriptor_pb2.FieldDescriptorProto
    payload = f".{PACKAGE}.Payload"
    return descriptor_pb2.FileDescriptorProto(
        name=PROTO_FILE,
        package=PACKAGE,
        syntax="proto3",
        message_type=[
            descriptor_pb2.DescriptorProto(
                name="Payload",
                field=[
                    field(name="data", number=1, type=field.TYPE_BYTES, label=field.LABEL_OPTIONAL)
                ],
            )
        ],
        service=[
            descriptor_pb2.ServiceDescriptorProto(
                name="Bare",
                method=[
                    descriptor_pb2.MethodDescriptorProto(
                        name=name, input_type=payload, output_type=payload
                    )
                    for name in ECHOES
                ],
            )
        ],
    )


class _Described:
    """The pool reflection answers from. The protobuf runtime's pool finds a file by a
    service or message name but not by a method's, which ghz asks for
    (`relaydesk.benchmarks.Bare.Echo`): a method's file is its service's."""

    def __init__(self) -> None:
        self._pool = descriptor_pool.DescriptorPool()
        self._pool.AddSerializedFile(descriptor().SerializeToString())

    def FindFileByName(self, name: str) -> FileDescriptor:
        return self._pool.FindFileByName(name)

    def FindFileContainingSymbol(self, symbol: str) -> FileDescriptor:
        try:
            return self._pool.FindFileContainingSymbol(symbol)
        except KeyError:
            service, _, method = symbol.rpartition(".")
            found = self._pool.FindServiceByName(service)
            if method not in found.methods_by_name:
                raise
            return found.file

    def __getattr__(self, name: str) -> Any:
        # Message and extension look-ups, as the runtime's pool answers them.
        return getattr(self._pool, name)


class WriterHop:
    """A writer thread that does nothing: callers queue a future and await it; the thread
    takes the first queued call, then whatever else is queued (up to MAX_BATCH), and
    resolves that batch's futures with one call_soon_threadsafe."""

    def __init__(self) -> None:
        self._jobs: SimpleQueue[asyncio.Future[None] | None] = SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="bare-writer", daemon=True)
        self._loop: asyncio.AbstractEventLoop | None = None

    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._thread.start()

    async def stop(self) -> None:
        self._jobs.put(None)
        await asyncio.to_thread(self._thread.join)

    async def hop(self) -> None:
        assert self._loop is not None, "the writer was never started"
        future: asyncio.Future[None] = self._loop.create_future()
        self._jobs.put(future)
        await future

    def _run(self) -> None:
        assert self._loop is not None
        stopping = False
        while not stopping:
            first = self._jobs.get()
            if first is None:
                break
            batch = [first]
            while len(batch) < MAX_BATCH:
                try:
                    job = self._jobs.get_nowait()
                except Empty:
                    break
                if job is None:
                    stopping = True
                    break
                batch.append(job)
            self._loop.call_soon_threadsafe(_resolve, batch)


def _resolve(batch: list[asyncio.Future[None]]) -> None:
    for future in batch:
        if not future.done():  # the caller went away
            future.set_result(None)


# A frame on the writer process's socket: its payload's length, then the payload.
_LENGTH = struct.Struct(">I")


class ProcessHop(asyncio.Protocol):
    """The server's end of a socket to a writer process that sends back what it reads:
    `hop(payload)` frames the payload, writes the frames of one turn of the event loop
    together, and returns the payload as it comes back. The process answers in order, so
    the calls waiting are a queue."""

    def __init__(self) -> None:
        self._waiting: collections.deque[asyncio.Future[bytes]] = collections.deque()
        self._outgoing: list[bytes] = []
        self._incoming = bytearray()
        self._transport: asyncio.Transport | None = None
        self._child: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        ours, theirs = socket.socketpair()
        with theirs:
            fd = theirs.fileno()
            self._child = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "benchmarks.bare_server", f"--echo-fd={fd}", pass_fds=(fd,)
            )
        await asyncio.get_running_loop().create_connection(lambda: self, sock=ours)

    async def stop(self) -> None:
        if self._transport is not None:
            self._transport.close()
        if self._child is not None:
            await self._child.wait()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's transports are not asyncio.Transport's subclasses, but behave as one.
        self._transport = cast(asyncio.Transport, transport)

    async def hop(self, payload: bytes) -> bytes:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[bytes] = loop.create_future()
        if not self._outgoing:
            loop.call_soon(self._flush)
        self._outgoing += (_LENGTH.pack(len(payload)), payload)
        self._waiting.append(future)
        return await future

    def _flush(self) -> None:
        assert self._transport is not None
        self._transport.write(b"".join(self._outgoing))
        self._outgoing.clear()

    def data_received(self, data: bytes) -> None:
        incoming = self._incoming
        incoming += data
        start = 0
        while len(incoming) - start >= _LENGTH.size:
            (length,) = _LENGTH.unpack_from(incoming, start)
            end = start + _LENGTH.size + length
            if end > len(incoming):
                break
            future = self._waiting.popleft()
            if not future.done():  # the caller went away
                future.set_result(bytes(incoming[start + _LENGTH.size : end]))
            start = end
        del incoming[:start]


def echo_process(fd: int) -> None:
    """The writer process of ProcessHopEcho: sends back whatever it reads, as it reads it,
    until the server closes the socket."""
    with socket.socket(fileno=fd) as peer:
        while chunk := peer.recv(1 << 20):
            peer.sendall(chunk)


class Hub:
    """The in-memory source: one queue per open Subscribe stream; and the writer hops."""

    def __init__(self, writer: WriterHop, process: ProcessHop) -> None:
        self.queues: set[asyncio.Queue[bytes]] = set()
        self.writer = writer
        self.process = process

    async def echo(self, request: bytes, context: Context) -> bytes:
        return request

    async def hop_echo(self, request: bytes, context: Context) -> bytes:
        await self.writer.hop()
        return request

    async def process_hop_echo(self, request: bytes, context: Context) -> bytes:
        return await self.process.hop(request)

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
            "HopEcho": grpc.unary_unary_rpc_method_handler(hub.hop_echo),
            "ProcessHopEcho": grpc.unary_unary_rpc_method_handler(hub.process_hop_echo),
            "Subscribe": grpc.unary_stream_rpc_method_handler(hub.subscribe),
            "Publish": grpc.unary_unary_rpc_method_handler(hub.publish),
        },
    )


def _reflection() -> grpc.GenericRpcHandler:
    """Server reflection (v1alpha, which ghz and grpcurl fall back to) over _Described."""
    servicer = reflection.aio.ReflectionServicer((SERVICE,), pool=_Described())
    method = grpc.stream_stream_rpc_method_handler(
        servicer.ServerReflectionInfo,
        request_deserializer=reflection_pb2.ServerReflectionRequest.FromString,
        response_serializer=reflection_pb2.ServerReflectionResponse.SerializeToString,
    )
    return grpc.method_handlers_generic_handler(
        reflection.SERVICE_NAME, {"ServerReflectionInfo": method}
    )


async def serve(port: int) -> None:
    writer = WriterHop()
    writer.start()
    process = ProcessHop()
    await process.start()
    # The room relaydesk gives calls waiting for a handler (relaydesk_server/app.py), so
    # that ten thousand subscribers connect alike to both.
    server = grpc.aio.server(
        options=[
            ("grpc.server.max_pending_requests", 20_000),
            ("grpc.server.max_pending_requests_hard_limit", 40_000),
        ]
    )
    server.add_generic_rpc_handlers((generic_handler(Hub(writer, process)),))
    server.add_generic_rpc_handlers((_reflection(),))
    bound = server.add_insecure_port(f"127.0.0.1:{port}")
    await server.start()
    print(json.dumps({"message": READY, "port": bound}), flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await stop.wait()
    await server.stop(grace=None)
    await writer.stop()
    await process.stop()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bare_server")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument(
        "--echo-fd", type=int, help="be ProcessHopEcho's writer process, on this socket"
    )
    arguments = parser.parse_args()
    if arguments.echo_fd is not None:
        echo_process(arguments.echo_fd)
        return
    # The same event loop relaydesk serves on, so that the baseline differs
    # from relaydesk only by what relaydesk does.
    uvloop.run(serve(arguments.port))


if __name__ == "__main__":
    main()
