"""The bulk path: a day's plans turned straight into rows (dossiers, control-sheet lines,
supplement requests, daily sequences, index counters), written with COPY on PostgreSQL and
executemany elsewhere. Each step runs the workflow's own effects (dossiers.effects), the pure
functions the services call too; a test writes the same plans both ways and compares every
record. It writes no per-step audit events
(the run itself is audited once): a simulation is not something anyone did.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from types import SimpleNamespace
from typing import Any

from django.db import connection

from haicap.core.search import search_row
from haicap.dossiers.codes import agency_code, online_reference
from haicap.dossiers.deadlines import start_clock
from haicap.dossiers.effects import EFFECTS, DossierStep, Units
from haicap.dossiers.models import DailySequence, Dossier, DossierEvent, SupplementRequest
from haicap.dossiers.signals import dossiers_loaded
from haicap.dossiers.workflow import (
    INTAKE_STATUS,
    TRANSITIONS,
    official_code_draw,
    official_code_set,
)
from haicap.simulate.plan import Clock, DossierPlan
from haicap.workdays.calendar import VN

UTC = dt.UTC
def _columns(model: Any, skip: tuple[str, ...] = ("id",)) -> list[str]:
    return [f.attname for f in model._meta.concrete_fields if f.attname not in skip]


D_COLS = _columns(Dossier, ())
E_COLS = _columns(DossierEvent)
S_COLS = _columns(SupplementRequest)
JSON = {"data", "items", "candidate_codes", "attributes", "received_items", "declaration"}


class Batch:
    """The rows of one day, ready to write."""

    def __init__(self) -> None:
        self.dossiers: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self.supplements: list[dict[str, Any]] = []
        # the numbers of the daily sequences the rows need, in the order the services draw
        # them: (agency, day, dossier row, the accept step's control-sheet row or None)
        self.draws: list[tuple[str, dt.date, dict[str, Any], dict[str, Any] | None]] = []


def _who(plan: DossierPlan, who: str) -> Any:
    if who == "counter":
        return plan.receiving.counter
    if who == "leader":
        return plan.competent.leader
    return plan.officer


def _intake_row(plan: DossierPlan, pk: int, code: str, actor: Any) -> dict[str, Any]:
    """The dossier's row as the intake writes it (dossiers.services._dossier_new)."""
    settings, receiving, competent = plan.settings, plan.receiving.unit, plan.competent.unit
    fee = settings.fee_vnd or 0
    row = {
        "id": pk,
        "code": code,
        "online_reference": code if plan.outcome == "register" else None,
        "province_code": receiving.province_code,
        "procedure_id": plan.offer.procedure.pk,
        "receiving_unit_id": receiving.pk,
        "competent_unit_id": competent.pk,
        "return_unit_id": receiving.pk,
        "holder_unit_code": receiving.code,
        "channel": plan.channel,
        "online_level": settings.online_level,
        "status": INTAKE_STATUS[plan.outcome],
        "applicant_name": plan.applicant.name,
        "applicant_id_number": plan.applicant.id_number,
        "applicant_phone": plan.applicant.phone,
        "applicant_email": "",
        "applicant_address": plan.applicant.address,
        "applicant_commune_code": plan.applicant_commune,
        "request": "",
        "sets": 1,
        "received_items": [],  # the simulator ticks no checklist (Intake.received_items None)
        "registered_at": plan.at,
        "received_at": None,
        "time_value": settings.time_value,
        "time_unit": settings.time_unit,
        "time_verified": settings.time_verified,
        "due_at": None,
        "original_due_at": None,
        "apologized": False,
        "paused_at": None,
        "supplement_requests": 0,
        "assigned_to_id": None,
        "finished_at": None,
        "outcome": "",
        "result_at": None,
        "returned_at": None,
        "return_method": plan.return_method,
        "fee_vnd": fee,
        "payment": "unpaid" if fee else "not_required",
        "paid_at": None,
        "paid_via": "",
        "note": plan.refusal.strip(),
        "rating_satisfied": None,
        "rating_reason": "",
        "rated_at": None,
        "idempotency_key": None,
        "idempotency_fingerprint": "",
        "created_by_id": actor.pk if actor else None,
        # as dossier_intake: an online filing belongs to whoever filed it signed in
        "filed_by_id": actor.pk if actor and plan.outcome == "register" else None,
        "declaration": {},  # the simulator types no e-form
    }
    # the searched columns, as Dossier.save keeps them (core.search)
    return row | search_row(Dossier, row)


def _later(drawn: list[tuple[str, dt.date]]) -> Any:
    """A `number` for official_code_draw that notes the draw and gives a placeholder (0)."""

    def number(agency: str, day: dt.date) -> int:
        drawn.append((agency, day))
        return 0

    return number


class Builder:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def dossier(self, plan: DossierPlan, pk: int, code: str, batch: Batch) -> None:
        """A dossier's rows, from intake through every planned step."""
        actor = plan.receiving.counter if plan.outcome != "register" else None
        d = SimpleNamespace(**_intake_row(plan, pk, code, actor))
        if plan.outcome == "accept":
            start_clock(d, plan.at, self.clock)
        open_supplements: list[dict[str, Any]] = []
        if plan.missing:
            open_supplements.append(
                self._supplement(batch, pk, plan.at, "intake", plan.missing, actor)
            )
        self._event(
            batch,
            d,
            f"intake_{plan.outcome}",
            plan.at,
            actor,
            None,
            "",
            plan.receiving.unit.code,
            plan.refusal or ", ".join(i["name"] for i in plan.missing),
            {},
        )
        if plan.outcome != "register":  # numbered at intake; online ones at acceptance
            agency = agency_code(plan.receiving.unit.code)
            batch.draws.append((agency, plan.at.astimezone(VN).date(), vars(d), None))
        self._steps(plan, d, batch, open_supplements)
        if plan.rating is not None:
            d.rated_at, d.rating_satisfied, d.rating_reason = plan.rating
        batch.dossiers.append(vars(d))

    def _steps(
        self, plan: DossierPlan, d: Any, batch: Batch, open_supplements: list[dict[str, Any]]
    ) -> None:
        """Each planned step through the workflow's own effect and table."""
        units = Units(plan.receiving.unit, plan.competent.unit, plan.receiving.unit)
        apology_due: dt.datetime | None = None
        for action, at, who, params in plan.steps:
            actor = _who(plan, who)
            before, holder = d.status, d.holder_unit_code
            if action == "assign":
                params = {**params, "officer": plan.officer}
            elif action == "complete":
                params = {**params, "due_before_apology": apology_due}
            elif action == "apologize":
                apology_due = d.due_at
            step = EFFECTS[action](d, at, params, units, self.clock)
            self._supplements(batch, d.id, at, step, open_supplements, actor)
            drawn: list[tuple[str, dt.date]] = []
            if action == "accept":  # numbered by `write`, in the order drawn here
                official_code_draw(d, step, at, plan.receiving.unit.code, _later(drawn))
            target = TRANSITIONS[action].target
            if target is not None:
                d.status = target
            self._event(
                batch, d, action, at, actor, before, holder, d.holder_unit_code, step.note, step.data
            )
            for agency, day in drawn:
                batch.draws.append((agency, day, vars(d), batch.events[-1]))

    def _supplements(
        self,
        batch: Batch,
        pk: int,
        at: dt.datetime,
        step: DossierStep,
        open_supplements: list[dict[str, Any]],
        actor: Any,
    ) -> None:
        """File or close the supplement requests as `dossiers.workflow.supplements_write` does."""
        if step.close_supplements:
            for s in open_supplements:
                if s["completed_at"] is None and step.close_supplements in ("all", s["phase"]):
                    s["completed_at"] = at
        if step.file_supplement is not None:
            phase, items = step.file_supplement
            open_supplements.append(self._supplement(batch, pk, at, phase, items, actor))

    def _supplement(
        self, batch: Batch, pk: int, at: dt.datetime, phase: str, items: list, actor: Any
    ) -> dict[str, Any]:
        row = {
            "dossier_id": pk,
            "at": at,
            "phase": phase,
            "items": items,
            "officer_id": actor.pk if actor else None,
            "completed_at": None,
        }
        batch.supplements.append(row)
        return row

    def _event(
        self,
        batch: Batch,
        d: Any,
        action: str,
        at: dt.datetime,
        actor: Any,
        from_status: int | None,
        from_unit: str,
        to_unit: str,
        note: str,
        data: dict,
    ) -> None:
        batch.events.append(
            {
                "dossier_id": d.id,
                "at": at,
                "action": action,
                "from_status": from_status,
                "to_status": d.status,
                "from_unit_code": from_unit,
                "to_unit_code": to_unit,
                "actor_id": actor.pk if actor else None,
                "actor_label": actor.get_username() if actor else "hệ thống",
                "note": note,
                "data": data,
                "province_code": d.province_code,
            }
        )


# --- writing -----------------------------------------------------------------------------------


def reserve_ids(count: int, model: Any = Dossier) -> list[int]:
    """`count` ids of `model` nobody else will take (each drawn from the table's sequence on
    PostgreSQL, so that concurrent writers never share one)."""
    table = model._meta.db_table
    if count == 0:
        return []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [table, count],
            )
            return sorted(row[0] for row in cursor.fetchall())
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
        first = int(cursor.fetchone()[0]) + 1
        return list(range(first, first + count))


def references_for(plans: list[DossierPlan], day: dt.date, rng: random.Random) -> list[str]:
    """Each plan's code at intake: an online one's reference (from `rng`, so that a run is
    reproducible), "" for one the counter numbers (`write` does, see `numbers_draw`)."""
    return [online_reference(day, rng) if p.outcome == "register" else "" for p in plans]


def numbers_draw(batch: Batch) -> None:
    """Number the batch's rows from the daily sequences, in the order the services would have:
    one upsert per agency and day reserves a block (`last + n`), atomically, so that workers
    writing other days at once (whose acceptances may fall on the same day) never share one."""
    blocks: dict[tuple[str, dt.date], list[tuple[dict[str, Any], dict[str, Any] | None]]] = {}
    for agency, day, row, event in batch.draws:
        blocks.setdefault((agency, day), []).append((row, event))
    table = DailySequence._meta.db_table
    with connection.cursor() as cursor:
        for (agency, day), rows in blocks.items():
            cursor.execute(
                f"INSERT INTO {table} (agency_code, day, last) VALUES (%s, %s, %s) "
                f"ON CONFLICT (agency_code, day) DO UPDATE SET last = {table}.last + %s "
                "RETURNING last",
                [agency, day, len(rows), len(rows)],
            )
            (last,) = cursor.fetchone()
            for number, (row, event) in enumerate(rows, start=last - len(rows) + 1):
                code = f"{agency}-{day:%y%m%d}-{number:04d}"
                if event is None:
                    row["code"] = code
                else:
                    official_code_set(SimpleNamespace(**row), event, code)
                    row["code"] = code
                row.update(search_row(Dossier, row))  # with its code, as Dossier.save


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return str(value.astimezone(UTC).replace(tzinfo=None))
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value)
    return value


def copy_rows(table: str, columns: list[str], rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    json_at = [i for i, c in enumerate(columns) if c in JSON]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor
            with raw.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    values = [row[c] for c in columns]
                    for i in json_at:
                        values[i] = json.dumps(values[i], ensure_ascii=False)
                    copy.write_row(values)
            return
        marks = ", ".join(["%s"] * len(columns))
        cursor.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",
            [[_sqlite_value(row[c]) for c in columns] for row in rows],
        )


def write(batch: Batch) -> None:
    """Write a day's rows (in the caller's transaction); `announce` tells the readers."""
    numbers_draw(batch)
    copy_rows(Dossier._meta.db_table, D_COLS, batch.dossiers)
    copy_rows(DossierEvent._meta.db_table, E_COLS, batch.events)
    copy_rows(SupplementRequest._meta.db_table, S_COLS, batch.supplements)


def announce(batch: Batch) -> None:
    """Tell the readers of dossiers (the index) what was written: last in the transaction, so
    that the rows they lock are held for the shortest time."""
    dossiers_loaded.send(Dossier, dossiers=[SimpleNamespace(**d) for d in batch.dossiers])
