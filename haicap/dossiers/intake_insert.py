"""Writing a new dossier: its code from the daily sequence, the dossier, its first control-sheet
line and its audit event. On PostgreSQL all four go in one statement (data-modifying CTEs), one
round trip instead of four; elsewhere through the ORM. Both write the same rows (tested)."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connection, connections, models
from django.db.models import Field

from haicap.core.errors import ApplicationError
from haicap.core.models import AuditEvent
from haicap.dossiers.codes import MAX_PER_DAY, SEQUENCE_FULL, dossier_code
from haicap.dossiers.models import DailySequence, Dossier, DossierEvent


@functools.cache
def _layout(model: type[models.Model], skip: frozenset[str]) -> tuple[tuple[Field, ...], str, str]:
    """The fields, quoted column list and typed placeholders of an insert (the same every time)."""
    fields = tuple(
        f for f in model._meta.concrete_fields if not f.primary_key and f.attname not in skip
    )
    columns = ", ".join(connection.ops.quote_name(str(f.column)) for f in fields)
    holders = ", ".join(f"%s::{f.cast_db_type(connection)}" for f in fields)
    return fields, columns, holders


def _values(obj: models.Model, skip: frozenset[str]) -> tuple[str, str, list[Any]]:
    """Columns, typed placeholders and parameters for inserting `obj`, as Django would."""
    fields, columns, holders = _layout(type(obj), skip)
    db = connections[DEFAULT_DB_ALIAS]
    return columns, holders, [f.get_db_prep_save(f.pre_save(obj, True), db) for f in fields]


def intake_insert(
    dossier: Dossier,
    event: DossierEvent,
    audit: AuditEvent,
    *,
    agency: str,
    day: dt.date,
    single_statement: bool | None = None,
) -> None:
    """Give `dossier` its code and write it with `event` and `audit`, whose note gets the code in
    front. Runs inside the caller's transaction, so a failed intake gives its number back."""
    if single_statement is None:
        single_statement = connection.vendor == "postgresql"
    if not single_statement:
        dossier.code = dossier_code(agency, day)
        dossier.save()
        event.dossier = dossier
        event.save()
        audit.object_id, audit.note = str(dossier.pk), f"{dossier.code} {audit.note}"[:2000]
        audit.save()
        return
    quote = connection.ops.quote_name
    d_cols, d_holders, d_params = _values(dossier, frozenset({"code"}))
    e_cols, e_holders, e_params = _values(event, frozenset({"dossier_id"}))
    a_cols, a_holders, a_params = _values(audit, frozenset({"object_id", "note"}))
    sequence, dossiers = DailySequence._meta.db_table, Dossier._meta.db_table
    sql = f"""
WITH seq AS (
  INSERT INTO {sequence} (agency_code, day, last) VALUES (%s, %s::date, 1)
  ON CONFLICT (agency_code, day) DO UPDATE SET last = {sequence}.last + 1 RETURNING last
), d AS (
  INSERT INTO {dossiers} ({quote("code")}, {d_cols})
  SELECT %s || lpad(seq.last::text, 4, '0'), {d_holders} FROM seq
  RETURNING id, {quote("code")}
), e AS (
  INSERT INTO {DossierEvent._meta.db_table} (dossier_id, {e_cols})
  SELECT d.id, {e_holders} FROM d
), a AS (
  INSERT INTO {AuditEvent._meta.db_table} (object_id, note, {a_cols})
  SELECT d.id::text, left(d.code || ' ' || %s, 2000), {a_holders} FROM d
)
SELECT d.id, d.code, seq.last FROM d, seq"""
    params = [agency, day, f"{agency}-{day:%y%m%d}-", *d_params, *e_params, audit.note, *a_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        pk, code, number = cursor.fetchone()
    if number > MAX_PER_DAY:
        raise ApplicationError(SEQUENCE_FULL.format(agency=agency, day=day), status=409)
    dossier.pk, dossier.code = pk, code
    dossier._state.adding, dossier._state.db = False, connection.alias
    event.dossier = dossier
    audit.object_id, audit.note = str(pk), f"{code} {audit.note}"[:2000]
