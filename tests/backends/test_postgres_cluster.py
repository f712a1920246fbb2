"""The tests' own PostgreSQL: a real server on loopback, a fresh database per test."""

from __future__ import annotations

import psycopg


def test_each_test_gets_a_fresh_database_on_loopback(postgres_url: str) -> None:
    with psycopg.connect(postgres_url) as conn:
        row = conn.execute(
            "SELECT current_setting('server_version_num')::int, inet_server_addr()::text, "
            "(SELECT count(*) FROM pg_tables WHERE schemaname = 'public')"
        ).fetchone()
    assert row is not None
    version, address, tables = row
    assert version >= 130000
    assert address == "127.0.0.1/32"
    assert tables == 0
