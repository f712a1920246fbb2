"""How SQLite spells what the common subset cannot say (storage/sql.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from relaydesk_server.storage.sql import (
    AddColumn,
    ColumnKind,
    CreateIndex,
    CreateTable,
    Db,
    Dialect,
    Seed,
    Sql,
    Step,
)

_TYPES: dict[ColumnKind, str] = {"text": "TEXT", "integer": "INTEGER", "blob": "BLOB"}


def _json_path(path: Sequence[str]) -> str:
    return "'$." + ".".join(path) + "'"


class SqliteDialect(Dialect):
    name = "sqlite"
    errors = (sqlite3.Error,)

    def json_text(self, expression: str, path: Sequence[str]) -> str:
        return f"json_extract({expression}, {_json_path(path)})"

    def json_elements(self, expression: str, key: str, alias: str) -> str:
        return f"json_each({expression}, '$.{key}') AS {alias}"

    def json_object_agg(self, key: str, value: str) -> str:
        return f"json_group_object({key}, {value})"

    def column_type(self, kind: ColumnKind) -> str:
        return _TYPES[kind]

    def render(self, step: Step) -> list[str]:
        # The DDL exactly as sqlite-utils wrote it: SQLite keeps it in its schema.
        match step:
            case CreateTable():
                lines = []
                for column in step.columns:
                    line = f'   "{column.name}" {_TYPES[column.kind]}'
                    if step.pk == (column.name,):
                        line += " PRIMARY KEY"
                    if column.not_null:
                        line += " NOT NULL"
                    if column.references is not None:
                        line += f' REFERENCES "{column.references}"("id")'
                        if column.cascade:
                            line += " ON DELETE CASCADE"
                    lines.append(line)
                if len(step.pk) > 1:
                    keys = ", ".join(f'"{c}"' for c in step.pk)
                    lines.append(f"   PRIMARY KEY ({keys})")
                return [f'CREATE TABLE "{step.name}" (\n' + ",\n".join(lines) + "\n)"]
            case CreateIndex():
                unique = "UNIQUE " if step.unique else ""
                if step.name is not None:  # written by hand, as SQL
                    sql = f"CREATE {unique}INDEX {step.name} ON {step.table} "
                    sql += f"({', '.join(step.columns)})"
                    return [sql + (f" WHERE {step.where}" if step.where else "")]
                cols = ", ".join(f'"{c}"' for c in step.columns)
                return [f'CREATE {unique}INDEX "{step.index_name}"\n    ON "{step.table}" ({cols})']
            case AddColumn():
                column = step.column
                sql_type = _TYPES[column.kind]
                if step.quoted:
                    return [f'ALTER TABLE "{step.table}" ADD COLUMN "{column.name}" {sql_type}']
                sql = f"ALTER TABLE {step.table} ADD COLUMN {column.name} {sql_type}"
                if column.not_null:
                    sql += " NOT NULL"
                if step.default is not None:
                    sql += f" DEFAULT {step.default}"
                return [sql]
            case Sql():
                return [] if step.sqlite is None else [step.sqlite]
            case Seed():
                raise TypeError("a seed runs itself")

    def table_exists(self, db: Db, table: str) -> bool:
        row = db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()
        return row is not None

    def last_event_sequence(self, db: Db) -> int:
        # sqlite_sequence remembers the largest number ever used, even when
        # compaction has emptied the table.
        row = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'events'").fetchone()
        return 0 if row is None else int(row[0])


SQLITE = SqliteDialect()
