"""docs/operations.md says the large tables can be partitioned by province_code. Here the dossier,
its control sheet and the counter tables are rebuilt as tables PARTITIONED BY LIST
(province_code), from the models' own columns, indexes and unique keys (PostgreSQL refuses a
unique key that leaves out the partition key), and the one-stop runs on them: intake through the
single-statement insert, transitions, the counters kept by signals and their rebuild.

All of it happens in the test's transaction (PostgreSQL DDL is transactional): the rollback at
the end restores the ordinary tables for the rest of the suite."""

from __future__ import annotations

import dataclasses
import os

import pytest
from django.db import connection, models

from haicap.core.roles import Role
from haicap.dossiers.models import Dossier, DossierEvent, Status
from haicap.dossiers.services import dossier_intake, dossier_transition
from haicap.dossiers.tests.conftest import at
from haicap.metrics.models import UnitDay, UnitMonth
from haicap.metrics.rebuild import rebuild, stored_counts
from haicap.units.models import Unit

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgres,
    pytest.mark.skipif(
        os.environ.get("HAICAP_PG_LANE") != "1",
        reason="partitioned tables need the PostgreSQL lane",
    ),
]

PARTITIONS = ("79", "01")
DOSSIER = Dossier._meta.db_table
EVENT = DossierEvent._meta.db_table


def _query(sql: str, params: list | None = None) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall()) if cursor.description else []


def _partition(model: type[models.Model]) -> list[str]:
    """Replace `model`'s table by one partitioned by province_code (partitions '79', '01' and a
    default) with the same columns, indexes, unique keys and foreign keys out, its primary key
    (id, province_code) — Django keeps `id` as the pk — and its rows. Foreign keys into the table
    are dropped (by id alone they cannot reference a partitioned table); returns the tables
    whose keys were dropped."""
    table = model._meta.db_table
    incoming = [
        row[0]
        for row in _query(
            "SELECT conrelid::regclass::text FROM pg_constraint "
            "WHERE contype = 'f' AND confrelid = %s::regclass AND conrelid <> confrelid",
            [table],
        )
    ]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in model._meta.concrete_fields)
    _query(f"CREATE TEMP TABLE keep_{table} ON COMMIT DROP AS SELECT {columns} FROM {table}")
    _query(f"DROP TABLE {table} CASCADE")
    with connection.schema_editor() as editor:
        sql, params = editor.table_sql(model)
        assert sql.count(" PRIMARY KEY") == 1 and sql.endswith(")")
        sql = sql.replace(" PRIMARY KEY", "")[:-1]
        editor.execute(
            f"{sql}, PRIMARY KEY (id, province_code)) PARTITION BY LIST (province_code)",
            params or None,
        )
        # no foreign key to the partitioned dossier table by id alone: the event's is recreated
        # below with the province
        editor.deferred_sql = [s for s in editor.deferred_sql if f'"{DOSSIER}"' not in str(s)]
        editor.deferred_sql.extend(editor._model_indexes_sql(model))  # type: ignore[attr-defined]
        for code in PARTITIONS:
            editor.execute(
                f"CREATE TABLE {table}_p{code} PARTITION OF {table} FOR VALUES IN ('{code}')"
            )
        editor.execute(f"CREATE TABLE {table}_default PARTITION OF {table} DEFAULT")
    _query(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM keep_{table}")
    _query(
        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
        f"(SELECT coalesce(max(id), 0) + 1 FROM {table}), false)"
    )
    return incoming


@pytest.fixture
def partitioned(db):  # type: ignore[no-untyped-def]
    dropped = _partition(Dossier)
    _partition(DossierEvent)
    # the control sheet's lines point at their dossier by (id, province): the key that includes
    # the partition key
    _query(
        f"ALTER TABLE {EVENT} ADD CONSTRAINT dossierevent_dossier_fk "
        f"FOREIGN KEY (dossier_id, province_code) REFERENCES {DOSSIER} (id, province_code) "
        "DEFERRABLE INITIALLY DEFERRED"
    )
    for model in (UnitDay, UnitMonth):
        _partition(model)
    return dropped


def _where(table: str) -> dict[str, str]:
    return dict(_query(f"SELECT id::text, tableoid::regclass::text FROM {table}"))


def test_the_one_stop_runs_on_tables_partitioned_by_province(
    partitioned, intake, counter_officer, processing_officer, leader, make_user
):
    tables = (DOSSIER, EVENT, UnitDay._meta.db_table, UnitMonth._meta.db_table)
    kinds = dict(
        _query(
            "SELECT relname, relkind::text FROM pg_class WHERE relname = ANY(%s)", [list(tables)]
        )
    )
    assert kinds == dict.fromkeys(tables, "p")
    # the declared unique keys are on the partitioned table (PostgreSQL accepted them)
    keys = {
        row[0]
        for row in _query(
            "SELECT conname FROM pg_constraint WHERE contype IN ('u', 'p') AND conrelid = %s::regclass",
            [DOSSIER],
        )
    }
    assert {"dossier_code_unique_in_province", "dossier_idempotency_key_unique_in_province"} <= keys
    # supplements and attachments referenced dossiers by id alone: their keys had to go
    assert set(partitioned) >= {"dossiers_supplementrequest", "dossiers_attachment", EVENT}

    hanoi = Unit.objects.current().filter(level="commune", province_code="01").order_by("code")[0]
    hanoi_officer = make_user("motcua_hn", Role.COUNTER_OFFICER, hanoi)
    in_hanoi = dataclasses.replace(intake, receiving_unit=hanoi)

    # intake: the single-statement insert on PostgreSQL
    done = dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 1, 9))
    keyed = dossier_intake(
        intake, actor=counter_officer, idempotency_key="k-1", now=at(2025, 7, 1, 10)
    )
    retried = dossier_intake(
        intake, actor=counter_officer, idempotency_key="k-1", now=at(2025, 7, 1, 11)
    )
    assert retried.pk == keyed.pk  # the key, unique within the province, still finds the first
    waiting = dossier_intake(
        intake,
        actor=counter_officer,
        outcome="supplement",
        missing_items=[{"name": "Giấy chứng sinh", "kind": "original", "reason": "chưa nộp"}],
        now=at(2025, 7, 1, 11),
    )
    north = dossier_intake(in_hanoi, actor=hanoi_officer, now=at(2025, 7, 1, 9))
    assert done.code == "26743-250701-0001" and keyed.code == "26743-250701-0002"

    # transitions
    done = dossier_transition(
        done, action="transfer", actor=counter_officer, now=at(2025, 7, 1, 9, 30)
    )
    done = dossier_transition(
        done,
        action="assign",
        actor=leader,
        officer_id=processing_officer.pk,
        now=at(2025, 7, 1, 10),
    )
    done = dossier_transition(
        done, action="complete", actor=processing_officer, now=at(2025, 7, 1, 14)
    )
    done = dossier_transition(done, action="return", actor=counter_officer, now=at(2025, 7, 2, 8))
    waiting = dossier_transition(
        waiting, action="accept", actor=counter_officer, now=at(2025, 7, 3, 9)
    )
    assert done.status == Status.RETURNED and waiting.status == Status.ACCEPTED
    assert list(Dossier.objects.get(code=done.code).events.values_list("action", flat=True)) == [
        "intake_accept",
        "transfer",
        "assign",
        "complete",
        "return",
    ]

    # each row in its province's partition, codes unique
    dossiers = _where(DOSSIER)
    assert dossiers[str(north.pk)] == f"{DOSSIER}_p01"
    assert {dossiers[str(d.pk)] for d in (done, keyed, waiting)} == {f"{DOSSIER}_p79"}
    assert set(_where(EVENT).values()) == {f"{EVENT}_p79", f"{EVENT}_p01"}
    codes = [row[0] for row in _query(f"SELECT code FROM {DOSSIER}")]
    assert len(codes) == len(set(codes)) == 4
    assert set(_where(UnitDay._meta.db_table).values()) == {
        f"{UnitDay._meta.db_table}_p79",
        f"{UnitDay._meta.db_table}_p01",
    }

    # the counters kept by the signals' upserts are the rebuild's, row for row
    kept = stored_counts(UnitDay), stored_counts(UnitMonth)
    assert kept[0][("79", "26743", at(2025, 7, 1).date())]["received"] == 2
    assert kept[0][("01", hanoi.code, at(2025, 7, 1).date())]["received"] == 1
    rebuild()
    for model, was in zip((UnitDay, UnitMonth), kept, strict=True):
        now = stored_counts(model)
        assert {
            k: (was.get(k), now.get(k)) for k in was.keys() | now.keys() if was.get(k) != now.get(k)
        } == {}
