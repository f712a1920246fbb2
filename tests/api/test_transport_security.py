"""TLS and mutual TLS, plaintext only on loopback, and the data directory's file modes.

The certificates are made here: a CA, a server certificate for 127.0.0.1 and
localhost, a client certificate from the same CA, and one from another CA.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import ipaddress
import logging
import os
import ssl
import stat
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import grpc
import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from grpc_health.v1 import health_pb2, health_pb2_grpc

from relaydesk.client import Client, connect
from relaydesk.v1 import flow_service_pb2 as pb
from relaydesk_server.app import RelaydeskServer, ServerOptions, create_server
from relaydesk_server.clock import ManualClock
from relaydesk_server.transport_security import PlaintextRefused, TlsFiles, is_loopback
from tests.api.test_cli import READY_TIMEOUT, read_json_until
from tests.support import expect_error, start_server

CALL_TIMEOUT = 10


# -- certificates --------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Identity:
    """A PEM certificate and its private key, and the files they were written to."""

    cert: bytes
    key: bytes
    cert_file: Path
    key_file: Path


@dataclasses.dataclass(frozen=True)
class Pki:
    ca: Identity
    server: Identity
    client: Identity
    other_ca: Identity
    # Signed by other_ca: a client certificate the server must not accept.
    stranger: Identity


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _issue(
    directory: Path,
    label: str,
    builder: x509.CertificateBuilder,
    key: ec.EllipticCurvePrivateKey,
    signer: ec.EllipticCurvePrivateKey,
) -> Identity:
    now = dt.datetime.now(dt.UTC)
    cert = (
        builder.public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(signer, hashes.SHA256())
    )
    identity = Identity(
        cert=cert.public_bytes(serialization.Encoding.PEM),
        key=key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        cert_file=directory / f"{label}.crt",
        key_file=directory / f"{label}.key",
    )
    identity.cert_file.write_bytes(identity.cert)
    identity.key_file.write_bytes(identity.key)
    return identity


def _ca(directory: Path, label: str) -> tuple[Identity, ec.EllipticCurvePrivateKey, x509.Name]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name(f"relaydesk test {label}")
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
    )
    return _issue(directory, label, builder, key, key), key, name


def _leaf(
    directory: Path,
    label: str,
    issuer: tuple[Identity, ec.EllipticCurvePrivateKey, x509.Name],
    *,
    server: bool,
) -> Identity:
    key = ec.generate_private_key(ec.SECP256R1())
    usage = ExtendedKeyUsageOID.SERVER_AUTH if server else ExtendedKeyUsageOID.CLIENT_AUTH
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(label))
        .issuer_name(issuer[2])
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([usage]), critical=False)
    )
    if server:
        builder = builder.add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
    return _issue(directory, label, builder, key, issuer[1])


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    directory = tmp_path_factory.mktemp("pki")
    ca = _ca(directory, "ca")
    other_ca = _ca(directory, "other-ca")
    return Pki(
        ca=ca[0],
        server=_leaf(directory, "server", ca, server=True),
        client=_leaf(directory, "client", ca, server=False),
        other_ca=other_ca[0],
        stranger=_leaf(directory, "stranger", other_ca, server=False),
    )


def server_tls(pki: Pki, *, mutual: bool = False) -> TlsFiles:
    return TlsFiles(
        cert_chain=pki.server.cert,
        private_key=pki.server.key,
        client_ca=pki.ca.cert if mutual else None,
    )


def client_credentials(
    pki: Pki, client: Identity | None = None, *, trust: Identity | None = None
) -> grpc.ChannelCredentials:
    return grpc.ssl_channel_credentials(
        root_certificates=(trust or pki.ca).cert,
        private_key=client.key if client else None,
        certificate_chain=client.cert if client else None,
    )


# -- servers -------------------------------------------------------------------


@pytest.fixture
async def servers() -> AsyncIterator[list[RelaydeskServer]]:
    """Servers a test started, stopped at its end."""
    started: list[RelaydeskServer] = []
    yield started
    for running in started:
        await running.stop(grace=None)


async def serve(
    servers: list[RelaydeskServer], data_dir: Path, **options: object
) -> RelaydeskServer:
    running = await start_server(data_dir, ManualClock(), **options)
    servers.append(running)
    return running


def admin_key(data_dir: Path) -> str:
    return (data_dir / "admin.key").read_text().strip()


async def list_flows(client: Client) -> pb.ListFlowsResponse:
    return await client.flows.ListFlows(pb.ListFlowsRequest(), timeout=CALL_TIMEOUT)


async def health_check(client: Client) -> int:
    response = await health_pb2_grpc.HealthStub(client.channel).Check(
        health_pb2.HealthCheckRequest(), timeout=CALL_TIMEOUT
    )
    return int(response.status)


# -- the loopback rule ---------------------------------------------------------


@pytest.mark.parametrize(
    "listen",
    [
        "127.0.0.1:50051",
        "127.8.9.10:0",
        "localhost:50051",
        "LocalHost:50051",
        "[::1]:50051",
        "[::ffff:127.0.0.1]:50051",
        "unix:/run/relaydesk.sock",
    ],
)
def test_loopback_addresses(listen: str) -> None:
    assert is_loopback(listen)


@pytest.mark.parametrize(
    "listen",
    [
        "0.0.0.0:50051",
        "[::]:50051",
        ":50051",
        "10.1.2.3:50051",
        "192.168.0.10:0",
        "[fe80::1]:50051",
        "[2001:db8::1]:50051",
        "relaydesk.example.com:50051",
        "localhost.example.com:50051",
        "128.0.0.1:50051",
    ],
)
def test_non_loopback_addresses(listen: str) -> None:
    assert not is_loopback(listen)


@pytest.mark.parametrize("listen", ["0.0.0.0:0", "[::]:0", ":0"])
async def test_plaintext_on_a_non_loopback_address_is_refused(listen: str, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with pytest.raises(PlaintextRefused) as refused:
        await create_server(ServerOptions(listen=listen, data_dir=data_dir, clock=ManualClock()))
    message = str(refused.value)
    assert "non-loopback" in message
    assert "--allow-insecure" in message
    assert "--tls-cert/--tls-key" in message
    # Refused before anything was created.
    assert not data_dir.exists()


async def test_allow_insecure_serves_plaintext_on_every_interface_with_a_warning(
    tmp_path: Path, servers: list[RelaydeskServer], caplog: pytest.LogCaptureFixture
) -> None:
    data_dir = tmp_path / "data"
    with caplog.at_level(logging.WARNING, logger="relaydesk_server"):
        running = await create_server(
            ServerOptions(
                listen="0.0.0.0:0", data_dir=data_dir, clock=ManualClock(), allow_insecure=True
            )
        )
    servers.append(running)
    await running.start()
    assert any("plaintext on a non-loopback" in r.getMessage() for r in caplog.records)
    async with connect(f"127.0.0.1:{running.port}", admin_key(data_dir)) as client:
        assert (await list_flows(client)).flows == []


async def test_tls_on_every_interface_needs_no_allow_insecure(
    tmp_path: Path, servers: list[RelaydeskServer], pki: Pki
) -> None:
    data_dir = tmp_path / "data"
    running = await create_server(
        ServerOptions(
            listen="0.0.0.0:0", data_dir=data_dir, clock=ManualClock(), tls=server_tls(pki)
        )
    )
    servers.append(running)
    await running.start()
    target = f"127.0.0.1:{running.port}"
    async with connect(target, channel_credentials=client_credentials(pki)) as client:
        assert await health_check(client) == health_pb2.HealthCheckResponse.SERVING


# -- TLS -----------------------------------------------------------------------


async def test_tls_calls_succeed(tmp_path: Path, servers: list[RelaydeskServer], pki: Pki) -> None:
    data_dir = tmp_path / "data"
    running = await serve(servers, data_dir, tls=server_tls(pki))
    target = f"127.0.0.1:{running.port}"
    async with connect(
        target, admin_key(data_dir), channel_credentials=client_credentials(pki)
    ) as client:
        assert await health_check(client) == health_pb2.HealthCheckResponse.SERVING
        assert (await list_flows(client)).flows == []


async def test_a_plaintext_client_cannot_call_a_tls_server(
    tmp_path: Path, servers: list[RelaydeskServer], pki: Pki
) -> None:
    data_dir = tmp_path / "data"
    running = await serve(servers, data_dir, tls=server_tls(pki))
    async with connect(f"127.0.0.1:{running.port}", admin_key(data_dir)) as client:
        await expect_error(list_flows(client), grpc.StatusCode.UNAVAILABLE)


async def test_a_client_that_does_not_trust_the_server_certificate_fails(
    tmp_path: Path, servers: list[RelaydeskServer], pki: Pki
) -> None:
    data_dir = tmp_path / "data"
    running = await serve(servers, data_dir, tls=server_tls(pki))
    credentials = client_credentials(pki, trust=pki.other_ca)
    async with connect(
        f"127.0.0.1:{running.port}", admin_key(data_dir), channel_credentials=credentials
    ) as client:
        await expect_error(list_flows(client), grpc.StatusCode.UNAVAILABLE)


# -- mutual TLS ----------------------------------------------------------------


async def test_mutual_tls_accepts_a_client_certificate_from_its_ca(
    tmp_path: Path, servers: list[RelaydeskServer], pki: Pki
) -> None:
    data_dir = tmp_path / "data"
    running = await serve(servers, data_dir, tls=server_tls(pki, mutual=True))
    credentials = client_credentials(pki, pki.client)
    async with connect(
        f"127.0.0.1:{running.port}", admin_key(data_dir), channel_credentials=credentials
    ) as client:
        assert (await list_flows(client)).flows == []


@pytest.mark.parametrize("client_cert", ["none", "from another CA"])
async def test_mutual_tls_refuses_a_client_without_a_certificate_from_its_ca(
    client_cert: str, tmp_path: Path, servers: list[RelaydeskServer], pki: Pki
) -> None:
    data_dir = tmp_path / "data"
    running = await serve(servers, data_dir, tls=server_tls(pki, mutual=True))
    identity = None if client_cert == "none" else pki.stranger
    credentials = client_credentials(pki, identity)
    async with connect(
        f"127.0.0.1:{running.port}", admin_key(data_dir), channel_credentials=credentials
    ) as client:
        await expect_error(list_flows(client), grpc.StatusCode.UNAVAILABLE)
        await expect_error(health_check(client), grpc.StatusCode.UNAVAILABLE)


# -- the command line ----------------------------------------------------------


async def run_cli(*flags: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    """Runs `relaydesk serve FLAGS` to its exit; returns its exit code and stderr."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "relaydesk_server.cli",
        "serve",
        *flags,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "RELAYDESK_LOG_FORMAT": "json", **(env or {})},
    )
    _, stderr = await asyncio.wait_for(process.communicate(), READY_TIMEOUT)
    assert process.returncode is not None
    return process.returncode, stderr.decode()


async def test_serve_refuses_plaintext_on_every_interface(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    code, stderr = await run_cli("--listen", "0.0.0.0:0", "--data-dir", str(data_dir))
    assert code == 2
    assert "plaintext is refused on the non-loopback address 0.0.0.0:0" in stderr
    assert "--allow-insecure" in stderr
    assert "Traceback" not in stderr
    assert not data_dir.exists()


def _bad_tls_flags(pki: Pki, tmp_path: Path) -> dict[str, tuple[list[str], dict[str, str], str]]:
    """Case → (flags, environment, what stderr names)."""
    garbage = tmp_path / "garbage.pem"
    garbage.write_text("not a certificate\n")
    missing = tmp_path / "missing.pem"
    cert, key = str(pki.server.cert_file), str(pki.server.key_file)
    return {
        "cert without key": (["--tls-cert", cert], {}, "--tls-cert and --tls-key go together"),
        "key without cert": (["--tls-key", key], {}, "--tls-cert and --tls-key go together"),
        "client CA without cert": (
            ["--tls-client-ca", str(pki.ca.cert_file)],
            {},
            "--tls-client-ca needs --tls-cert and --tls-key",
        ),
        "missing cert": (
            ["--tls-cert", str(missing), "--tls-key", key],
            {},
            f"--tls-cert {missing}: cannot read it",
        ),
        "missing key": (
            ["--tls-cert", cert, "--tls-key", str(missing)],
            {},
            f"--tls-key {missing}: cannot read it",
        ),
        "missing client CA": (
            ["--tls-cert", cert, "--tls-key", key, "--tls-client-ca", str(missing)],
            {},
            f"--tls-client-ca {missing}: cannot read it",
        ),
        "key of another certificate": (
            ["--tls-cert", cert, "--tls-key", str(pki.client.key_file)],
            {},
            f"--tls-cert {cert} and --tls-key {pki.client.key_file}",
        ),
        "garbage cert": (
            ["--tls-cert", str(garbage), "--tls-key", key],
            {},
            f"--tls-cert {garbage} and --tls-key {key}",
        ),
        "garbage client CA": (
            ["--tls-cert", cert, "--tls-key", key, "--tls-client-ca", str(garbage)],
            {},
            f"--tls-client-ca {garbage}",
        ),
        "cert from the environment without key": (
            [],
            {"RELAYDESK_TLS_CERT": cert},
            "--tls-cert and --tls-key go together",
        ),
        "allow-insecure not a boolean": (
            [],
            {"RELAYDESK_ALLOW_INSECURE": "maybe"},
            "--allow-insecure",
        ),
    }


@pytest.mark.parametrize(
    "case",
    [
        "cert without key",
        "key without cert",
        "client CA without cert",
        "missing cert",
        "missing key",
        "missing client CA",
        "key of another certificate",
        "garbage cert",
        "garbage client CA",
        "cert from the environment without key",
        "allow-insecure not a boolean",
    ],
)
async def test_bad_tls_flags_are_usage_errors(case: str, pki: Pki, tmp_path: Path) -> None:
    flags, env, named = _bad_tls_flags(pki, tmp_path)[case]
    data_dir = tmp_path / "data"
    code, stderr = await run_cli(*flags, "--data-dir", str(data_dir), env=env)
    assert code == 2, stderr
    assert "usage:" in stderr
    assert named in stderr
    assert "Traceback" not in stderr
    assert not data_dir.exists()


@pytest.mark.parametrize("mode", ["flags", "environment"])
async def test_serve_with_mutual_tls_on_every_interface(
    mode: str, pki: Pki, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    settings = {
        "listen": "0.0.0.0:0",
        "data-dir": str(data_dir),
        "tls-cert": str(pki.server.cert_file),
        "tls-key": str(pki.server.key_file),
        "tls-client-ca": str(pki.ca.cert_file),
    }
    if mode == "flags":
        flags = [part for name, value in settings.items() for part in (f"--{name}", value)]
        env = {"RELAYDESK_LOG_FORMAT": "json"}
    else:
        flags = []
        env = {"RELAYDESK_" + k.upper().replace("-", "_"): v for k, v in settings.items()}
        env["RELAYDESK_LOG_FORMAT"] = "json"
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "relaydesk_server.cli",
        "serve",
        *flags,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, **env},
    )
    try:
        assert process.stderr is not None
        ready = await read_json_until(process.stderr, "relaydesk is serving")
        assert ready["tls"] == "mutual"
        target = f"127.0.0.1:{ready['port']}"
        credentials = client_credentials(pki, pki.client)
        async with connect(target, admin_key(data_dir), channel_credentials=credentials) as client:
            assert (await list_flows(client)).flows == []
        async with connect(target, channel_credentials=client_credentials(pki)) as client:
            await expect_error(health_check(client), grpc.StatusCode.UNAVAILABLE)
    finally:
        process.kill()
        await process.wait()


async def test_serve_allows_plaintext_on_every_interface_when_told(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "relaydesk_server.cli",
        "serve",
        "--listen",
        "0.0.0.0:0",
        "--data-dir",
        str(data_dir),
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "RELAYDESK_LOG_FORMAT": "json", "RELAYDESK_ALLOW_INSECURE": "yes"},
    )
    try:
        assert process.stderr is not None
        warning = await read_json_until(
            process.stderr,
            "serving plaintext on a non-loopback address: whoever can reach it can read "
            "and alter the calls, credentials included",
        )
        assert warning["level"] == "warning"
        ready = await read_json_until(process.stderr, "relaydesk is serving")
        assert ready["tls"] == "off"
        async with connect(f"127.0.0.1:{ready['port']}", admin_key(data_dir)) as client:
            assert (await list_flows(client)).flows == []
    finally:
        process.kill()
        await process.wait()


# -- the browser endpoint --------------------------------------------------------


def https_client(pki: Pki, client: Identity | None = None) -> httpx.AsyncClient:
    """An HTTP client that trusts the test CA (and presents `client`'s certificate)."""
    context = ssl.create_default_context(cadata=pki.ca.cert.decode())
    if client is not None:
        context.load_cert_chain(client.cert_file, client.key_file)
    return httpx.AsyncClient(verify=context, timeout=CALL_TIMEOUT)


async def list_flows_over_http(http: httpx.AsyncClient, url: str, key: str) -> httpx.Response:
    return await http.post(
        f"{url}/relaydesk.v1.FlowService/ListFlows",
        json={},
        headers={"authorization": f"Bearer {key}"},
    )


@pytest.mark.parametrize("listen", ["0.0.0.0:0", "[::]:0", ":0"])
async def test_a_plaintext_browser_endpoint_off_loopback_is_refused(
    listen: str, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    with pytest.raises(PlaintextRefused) as refused:
        await create_server(
            ServerOptions(
                listen="127.0.0.1:0", data_dir=data_dir, clock=ManualClock(), http_listen=listen
            )
        )
    message = str(refused.value)
    assert "--http-listen" in message
    assert "--allow-insecure" in message
    assert "--tls-cert/--tls-key" in message
    assert not data_dir.exists()


async def test_with_tls_the_browser_endpoint_is_https_with_the_same_certificate(
    tmp_path: Path, servers: list[RelaydeskServer], pki: Pki
) -> None:
    data_dir = tmp_path / "data"
    # TLS needs no --allow-insecure on every interface, for browsers as for gRPC.
    running = await serve(servers, data_dir, tls=server_tls(pki), http_listen="0.0.0.0:0")
    url = f"https://127.0.0.1:{running.http_port}"
    async with https_client(pki) as http:
        listed = await list_flows_over_http(http, url, admin_key(data_dir))
        assert listed.status_code == 200
        assert listed.json() == {}
    async with httpx.AsyncClient(timeout=CALL_TIMEOUT) as plain:
        with pytest.raises(httpx.TransportError):
            await list_flows_over_http(plain, f"http://127.0.0.1:{running.http_port}", "x")


async def test_with_mutual_tls_browsers_need_a_client_certificate_too(
    tmp_path: Path, servers: list[RelaydeskServer], pki: Pki
) -> None:
    data_dir = tmp_path / "data"
    running = await serve(
        servers, data_dir, tls=server_tls(pki, mutual=True), http_listen="127.0.0.1:0"
    )
    url = f"https://127.0.0.1:{running.http_port}"
    async with https_client(pki, pki.client) as http:
        listed = await list_flows_over_http(http, url, admin_key(data_dir))
        assert listed.status_code == 200
    for stranger in (None, pki.stranger):
        async with https_client(pki, stranger) as http:
            with pytest.raises(httpx.TransportError):
                await list_flows_over_http(http, url, admin_key(data_dir))


# -- data at rest --------------------------------------------------------------


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    """umask 000: whatever is private is so by the server's doing, not the umask's."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def assert_private(data_dir: Path) -> None:
    assert mode_of(data_dir) == 0o700
    for name in ("relaydesk.db", "relaydesk.db-wal", "relaydesk.db-shm", "admin.key"):
        # A running server has them all: SQLite keeps -wal and -shm while it is open.
        assert mode_of(data_dir / name) == 0o600, name


@pytest.mark.usefixtures("permissive_umask")
async def test_the_data_directory_and_its_files_are_private(
    tmp_path: Path, servers: list[RelaydeskServer], caplog: pytest.LogCaptureFixture
) -> None:
    data_dir = tmp_path / "data"
    running = await serve(servers, data_dir)
    async with connect(f"127.0.0.1:{running.port}", admin_key(data_dir)) as client:
        await client.flows.ListFlows(pb.ListFlowsRequest(), timeout=CALL_TIMEOUT)
    assert_private(data_dir)
    await servers.pop().stop(grace=None)

    # An existing installation whose modes were loosened is tightened on the next start.
    data_dir.chmod(0o755)
    (data_dir / "relaydesk.db").chmod(0o644)
    (data_dir / "admin.key").chmod(0o644)
    with caplog.at_level(logging.WARNING, logger="relaydesk_server"):
        await serve(servers, data_dir)
    assert_private(data_dir)
    assert any("tightened the data directory" in r.getMessage() for r in caplog.records)


@pytest.mark.usefixtures("permissive_umask")
async def test_companions_left_by_a_crash_are_made_private(
    tmp_path: Path, servers: list[RelaydeskServer]
) -> None:
    data_dir = tmp_path / "data"
    await serve(servers, data_dir)
    await servers.pop().stop(grace=None)
    # What a killed server leaves behind, readable by anyone.
    for name in ("relaydesk.db-wal", "relaydesk.db-shm"):
        (data_dir / name).touch(mode=0o644)
        (data_dir / name).chmod(0o644)
    await serve(servers, data_dir)
    assert_private(data_dir)
