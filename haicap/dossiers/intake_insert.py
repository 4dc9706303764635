"""Writing a new dossier: its code from the daily sequence, the dossier, its first control-sheet
line and its audit event. On PostgreSQL all four go in one statement (data-modifying CTEs), one
round trip instead of four; elsewhere through the ORM. Both write the same rows (tested)."""

from __future__ import annotations

import datetime as dt
import functools
import json
from typing import Any

import psycopg
from django.db import connection, models
from django.db.models import Field

from haicap.core.errors import ApplicationError
from haicap.core.models import AuditEvent
from haicap.core.search import search_row
from haicap.dossiers.codes import MAX_PER_DAY, SEQUENCE_FULL, dossier_code
from haicap.dossiers.models import DailySequence, Dossier, DossierEvent

KEY_LENGTH = Dossier._meta.get_field("search_key").max_length


@functools.cache
def _layout(
    model: type[models.Model], skip: frozenset[str]
) -> tuple[tuple[Field, ...], tuple[tuple[str, str], ...], str, str]:
    """The fields that need Django's conversion on save (auto_now dates and the like), the
    (column, attribute) pairs that are written as they are, the quoted column list and the
    `r.column` list of an insert: the same every time."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key and f.attname not in skip]
    # plain values go straight to JSON; JSON fields are kept as objects (jsonb_populate_record
    # reads a nested object into a jsonb column); everything else through pre_save/get_prep_value
    plain = (
        models.CharField,
        models.IntegerField,
        models.BooleanField,
        models.JSONField,
        models.ForeignKey,
    )
    convert = tuple(
        f
        for f in fields
        if not isinstance(f, plain)
        and not (isinstance(f, models.DateTimeField) and not (f.auto_now or f.auto_now_add))
    )
    direct = tuple((str(f.column), f.attname) for f in fields if f not in convert)
    quoted = [connection.ops.quote_name(str(f.column)) for f in fields]
    return convert, direct, ", ".join(quoted), ", ".join(f"r.{q}" for q in quoted)


def _json_default(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date | dt.datetime) else str(value)


def _record(obj: models.Model, skip: frozenset[str]) -> tuple[str, str, str]:
    """Columns, `r.column` list and the row as one JSON object for jsonb_populate_record: one
    parameter instead of one per column (psycopg converts a long parameter list on every call)."""
    convert, direct, columns, selects = _layout(type(obj), skip)
    values = obj.__dict__
    row = {column: values[attname] for column, attname in direct}
    for f in convert:
        row[str(f.column)] = f.get_prep_value(f.pre_save(obj, True))
    return columns, selects, json.dumps(row, default=_json_default, ensure_ascii=False)


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
    front. Runs inside the caller's transaction, so a failed intake gives its number back. A
    dossier that already has one (an online one's reference) draws no number."""
    numbered = not dossier.code
    if single_statement is None:
        single_statement = connection.vendor == "postgresql" and numbered
    if not single_statement:
        if numbered:
            dossier.code = dossier_code(agency, day)
        dossier.save()
        event.dossier = dossier
        event.save()
        audit.object_id, audit.note = str(dossier.pk), f"{dossier.code} {audit.note}"[:2000]
        audit.save()
        return
    quote = connection.ops.quote_name
    # the searched text as Dossier.save keeps it, the code's number appended by the statement
    prefix = f"{agency}-{day:%y%m%d}-"
    dossier.code = prefix
    columns = search_row(dossier, vars(dossier))
    dossier.code, dossier.search_name, key_prefix = "", columns["search_name"], columns["search_key"]
    d_cols, d_sel, d_row = _record(dossier, frozenset({"code", "search_key"}))
    e_cols, e_sel, e_row = _record(event, frozenset({"dossier_id"}))
    a_cols, a_sel, a_row = _record(audit, frozenset({"object_id", "note"}))
    sequence, dossiers = DailySequence._meta.db_table, Dossier._meta.db_table
    events, audits = DossierEvent._meta.db_table, AuditEvent._meta.db_table
    sql = f"""
WITH seq AS (
  INSERT INTO {sequence} (agency_code, day, last) VALUES (%s, %s::date, 1)
  ON CONFLICT (agency_code, day) DO UPDATE SET last = {sequence}.last + 1 RETURNING last
), d AS (
  INSERT INTO {dossiers} ({quote("code")}, {quote("search_key")}, {d_cols})
  SELECT %s || lpad(seq.last::text, 4, '0'), left(%s || ' ' || lpad(seq.last::text, 4, '0'), {KEY_LENGTH}), {d_sel}
  FROM seq, jsonb_populate_record(NULL::{dossiers}, %s::jsonb) r
  RETURNING id, {quote("code")}
), e AS (
  INSERT INTO {events} (dossier_id, {e_cols})
  SELECT d.id, {e_sel} FROM d, jsonb_populate_record(NULL::{events}, %s::jsonb) r
), a AS (
  INSERT INTO {audits} (object_id, note, {a_cols})
  SELECT d.id::text, left(d.code || ' ' || %s, 2000), {a_sel}
  FROM d, jsonb_populate_record(NULL::{audits}, %s::jsonb) r
)
SELECT d.id, d.code, seq.last FROM d, seq"""
    params = [agency, day, prefix, key_prefix, d_row, e_row, audit.note, a_row]
    connection.ensure_connection()
    # server-side binding, prepared: PostgreSQL plans this statement once per connection
    # instead of parsing a long literal statement for every dossier
    with connection.wrap_database_errors, psycopg.Cursor(connection.connection) as cursor:
        cursor.execute(sql, params, prepare=True)  # errors reach callers as Django's, as usual
        row = cursor.fetchone()
    assert row is not None
    pk, code, number = row
    if number > MAX_PER_DAY:
        raise ApplicationError(SEQUENCE_FULL.format(agency=agency, day=day), status=409)
    dossier.pk, dossier.code = pk, code
    dossier.search_key = f"{key_prefix} {number:04d}"[:KEY_LENGTH]
    dossier._state.adding, dossier._state.db = False, connection.alias
    event.dossier = dossier
    audit.object_id, audit.note = str(pk), f"{code} {audit.note}"[:2000]
