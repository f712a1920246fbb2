"""Transport security: the server's TLS material, and the rule that plaintext stays on loopback."""

from __future__ import annotations

import dataclasses
import ipaddress
import logging
import os
import ssl
import tempfile
from pathlib import Path

import grpc

log = logging.getLogger(__name__)

# gRPC listen addresses that are sockets in the file system (or the abstract
# namespace): only processes on this machine can reach them.
_LOCAL_SCHEMES = ("unix:", "unix-abstract:")


@dataclasses.dataclass(frozen=True)
class TlsFiles:
    """PEM-encoded TLS material: the server's certificate chain and its private key and,
    for mutual TLS, the CA certificates that client certificates must be signed by."""

    cert_chain: bytes
    private_key: bytes
    client_ca: bytes | None = None

    @property
    def mutual(self) -> bool:
        return bool(self.client_ca)

    def server_credentials(self) -> grpc.ServerCredentials:
        return grpc.ssl_server_credentials(
            [(self.private_key, self.cert_chain)],
            root_certificates=self.client_ca,
            require_client_auth=self.mutual,
        )

    def ssl_context(self) -> ssl.SSLContext:
        """The same certificate, key and client CA for an HTTPS server (HTTP/1.1)."""
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        # Python loads a certificate chain and its key from files only: they pass
        # through a private directory (0700, files 0600) that is gone once loaded.
        with tempfile.TemporaryDirectory(prefix="relaydesk-tls-") as directory:
            chain, key = Path(directory) / "chain.pem", Path(directory) / "key.pem"
            for path, data in ((chain, self.cert_chain), (key, self.private_key)):
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as file:
                    file.write(data)
            context.load_cert_chain(chain, key)
        if self.client_ca:
            context.load_verify_locations(cadata=self.client_ca.decode())
            context.verify_mode = ssl.CERT_REQUIRED
        context.set_alpn_protocols(["http/1.1"])
        return context


class PlaintextRefused(ValueError):
    """Plaintext was asked for on an address other machines can reach."""


def is_loopback(listen: str) -> bool:
    """Whether the listen address `listen` (HOST:PORT) accepts connections from this machine only.

    Loopback is 127.0.0.0/8, ::1 (bracketed: `[::1]:50051`) and `localhost`; a Unix
    socket (`unix:PATH`) is local too. Everything else is reachable from elsewhere:
    0.0.0.0, [::], an empty host (`:50051`), any interface address, any other name.
    """
    if listen.startswith(_LOCAL_SCHEMES):
        return True
    host = listen.rpartition(":")[0] if ":" in listen else listen
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if host.lower() == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback


def check_plaintext(listen: str, *, allow_insecure: bool) -> None:
    """Refuses plaintext on a non-loopback address unless `allow_insecure`, then warns."""
    if is_loopback(listen):
        return
    if not allow_insecure:
        raise PlaintextRefused(
            f"plaintext is refused on the non-loopback address {listen}: give --tls-cert/--tls-key "
            "to serve TLS, or --allow-insecure to serve plaintext there anyway"
        )
    log.warning(
        "serving plaintext on a non-loopback address: whoever can reach it can read "
        "and alter the calls, credentials included",
        extra={"listen": listen},
    )
