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
from types import SimpleNamespace
from typing import Any

from django.db import connection

from haicap.dossiers.codes import agency_code
from haicap.dossiers.deadlines import start_clock
from haicap.dossiers.effects import EFFECTS, DossierStep, Units
from haicap.dossiers.models import DailySequence, Dossier, DossierEvent, SupplementRequest
from haicap.dossiers.signals import dossiers_loaded
from haicap.dossiers.workflow import INTAKE_STATUS, TRANSITIONS
from haicap.simulate.plan import Clock, DossierPlan

UTC = dt.UTC
def _columns(model: Any, skip: tuple[str, ...] = ("id",)) -> list[str]:
    return [f.attname for f in model._meta.concrete_fields if f.attname not in skip]


D_COLS = _columns(Dossier, ())
E_COLS = _columns(DossierEvent)
S_COLS = _columns(SupplementRequest)
JSON = {"data", "items", "candidate_codes", "attributes"}


class Batch:
    """The rows of one day, ready to write."""

    def __init__(self) -> None:
        self.dossiers: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self.supplements: list[dict[str, Any]] = []
        self.sequences: dict[tuple[str, dt.date], int] = {}


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
    return {
        "id": pk,
        "code": code,
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
        "returned_at": None,
        "return_method": plan.return_method,
        "fee_vnd": fee,
        "payment": "unpaid" if fee else "not_required",
        "note": plan.refusal.strip(),
        "rating_satisfied": None,
        "rating_reason": "",
        "rated_at": None,
        "idempotency_key": None,
        "idempotency_fingerprint": "",
        "created_by_id": actor.pk if actor else None,
    }


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
            target = TRANSITIONS[action].target
            if target is not None:
                d.status = target
            self._event(
                batch, d, action, at, actor, before, holder, d.holder_unit_code, step.note, step.data
            )

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


def next_numbers(agencies: set[str], day: dt.date) -> dict[str, int]:
    """The last number each agency has drawn on `day` (0 if none)."""
    rows = DailySequence.objects.filter(agency_code__in=agencies, day=day)
    found = {r.agency_code: r.last for r in rows}
    return {a: found.get(a, 0) for a in agencies}


def codes_for(plans: list[DossierPlan], day: dt.date, batch: Batch) -> list[str]:
    agencies = {agency_code(p.receiving.unit.code) for p in plans}
    last = next_numbers(agencies, day)
    codes = []
    for plan in plans:
        agency = agency_code(plan.receiving.unit.code)
        last[agency] += 1
        codes.append(f"{agency}-{day:%y%m%d}-{last[agency]:04d}")
    batch.sequences = {(a, day): n for a, n in last.items()}
    return codes


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
    copy_rows(Dossier._meta.db_table, D_COLS, batch.dossiers)
    copy_rows(DossierEvent._meta.db_table, E_COLS, batch.events)
    copy_rows(SupplementRequest._meta.db_table, S_COLS, batch.supplements)
    DailySequence.objects.bulk_create(
        [DailySequence(agency_code=a, day=day, last=n) for (a, day), n in batch.sequences.items()],
        update_conflicts=True,
        unique_fields=["agency_code", "day"],
        update_fields=["last"],
    )


def announce(batch: Batch) -> None:
    """Tell the readers of dossiers (the index) what was written: last in the transaction, so
    that the rows they lock are held for the shortest time."""
    dossiers_loaded.send(Dossier, dossiers=[SimpleNamespace(**d) for d in batch.dossiers])
