"""Server reflection, v1 and v1alpha, resolving every symbol: services, methods,
messages, enums, fields.

grpcio-reflection serves v1alpha from a descriptor pool, and asks the pool for the
file containing a symbol; the protobuf runtime's pool does not find methods
(`relaydesk.v1.ChannelService.SendMessage`), which `grpcurl describe` and ghz ask for.
So the servicer gets a pool (its `pool` argument) that falls back from a method to
its service's file.

grpcio-reflection has no v1 service. v1 is the same protocol under another package
(its messages are v1alpha's, field for field), so the same servicer answers both; the
v1 file, derived from v1alpha's, sits in a pool of its own so reflection describes
v1 like any other service.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import grpc
import grpc.aio
from google.protobuf import descriptor_pb2, descriptor_pool
from google.protobuf.descriptor import FileDescriptor, ServiceDescriptor
from grpc_reflection.v1alpha import reflection, reflection_pb2

V1_SERVICE_NAME = "grpc.reflection.v1.ServerReflection"
V1ALPHA_SERVICE_NAME = reflection.SERVICE_NAME


def _v1_file() -> descriptor_pb2.FileDescriptorProto:
    """grpc/reflection/v1/reflection.proto, from the v1alpha file it was copied from."""
    proto = descriptor_pb2.FileDescriptorProto()
    reflection_pb2.DESCRIPTOR.CopyToProto(proto)
    alpha, v1 = f".{proto.package}.", ".grpc.reflection.v1."
    proto.name = "grpc/reflection/v1/reflection.proto"
    proto.package = "grpc.reflection.v1"
    proto.options.go_package = "google.golang.org/grpc/reflection/grpc_reflection_v1"
    proto.options.java_multiple_files = True
    proto.options.java_package = "io.grpc.reflection.v1"
    proto.options.java_outer_classname = "ServerReflectionProto"
    for message in proto.message_type:
        for field in message.field:
            if field.HasField("type_name"):
                field.type_name = field.type_name.replace(alpha, v1)
    for method in proto.service[0].method:
        method.input_type = method.input_type.replace(alpha, v1)
        method.output_type = method.output_type.replace(alpha, v1)
    return proto


class _Pools:
    """The descriptor pools reflection answers from, in order, as one pool whose
    FindFileContainingSymbol also finds methods."""

    def __init__(self, *pools: descriptor_pool.DescriptorPool) -> None:
        self._pools = pools

    def _first(self, find: str, name: str) -> Any:
        for pool in self._pools:
            try:
                return getattr(pool, find)(name)
            except KeyError:
                pass
        raise KeyError(name)

    def FindFileByName(self, name: str) -> FileDescriptor:
        found: FileDescriptor = self._first("FindFileByName", name)
        return found

    def FindFileContainingSymbol(self, symbol: str) -> FileDescriptor:
        try:
            found: FileDescriptor = self._first("FindFileContainingSymbol", symbol)
        except KeyError:
            # Not a type, a field or a service: a method, then, or nothing.
            service_name, _, method = symbol.rpartition(".")
            service: ServiceDescriptor = self._first("FindServiceByName", service_name)
            if method not in service.methods_by_name:
                raise
            found = service.file
        return found

    def __getattr__(self, name: str) -> Any:
        # Extension lookups: neither relaydesk's files nor v1 reflection's define any.
        return getattr(self._pools[0], name)


def enable_reflection(server: grpc.aio.Server, service_names: Iterable[str]) -> None:
    """Serves v1 and v1alpha reflection on `server`, listing `service_names` and itself."""
    v1 = descriptor_pool.DescriptorPool()
    v1.AddSerializedFile(_v1_file().SerializeToString())
    servicer = reflection.aio.ReflectionServicer(
        (*service_names, V1_SERVICE_NAME, V1ALPHA_SERVICE_NAME),
        pool=_Pools(descriptor_pool.Default(), v1),
    )
    # One method, served under both names: the two protocols are the same on the wire.
    method = grpc.stream_stream_rpc_method_handler(
        servicer.ServerReflectionInfo,
        request_deserializer=reflection_pb2.ServerReflectionRequest.FromString,
        response_serializer=reflection_pb2.ServerReflectionResponse.SerializeToString,
    )
    server.add_generic_rpc_handlers(
        tuple(
            grpc.method_handlers_generic_handler(name, {"ServerReflectionInfo": method})
            for name in (V1_SERVICE_NAME, V1ALPHA_SERVICE_NAME)
        )
    )
