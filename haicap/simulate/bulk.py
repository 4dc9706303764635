"""The bulk path: a day's plans turned straight into rows (dossiers, control-sheet lines,
supplement requests, daily sequences, index counters), written with COPY on PostgreSQL and
executemany elsewhere. It applies the same rules as dossiers.services, step for step; a test
writes the same plans both ways and compares every record. It writes no per-step audit events
(the run itself is audited once): a simulation is not something anyone did.
"""

from __future__ import annotations

import datetime as dt
import json
from types import SimpleNamespace
from typing import Any

from django.db import connection

from haicap.dossiers.codes import agency_code
from haicap.dossiers.models import (
    DailySequence,
    Dossier,
    DossierEvent,
    ReturnMethod,
    SupplementRequest,
)
from haicap.dossiers.signals import dossiers_loaded
from haicap.simulate.plan import Clock, DossierPlan
from haicap.workdays.calendar import CUTOFF, VN, classify

UTC = dt.UTC
STATUS = {"accept": 2, "supplement": 5, "refuse": 3, "register": 1}
TARGET = {
    "accept": 2,
    "request_supplement": 5,
    "refuse": 3,
    "transfer": 4,
    "request_supplement_appraisal": 5,
    "supplement_received": 4,
    "request_payment": 6,
    "payment_received": 4,
    "withdraw": 7,
    "stop": 8,
    "complete": 9,
    "return": 10,
}  # assign and apologize keep the status


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


class Builder:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._labels = {m: str(ReturnMethod(m).label) for m in ReturnMethod.values}

    def dossier(self, plan: DossierPlan, pk: int, code: str, batch: Batch) -> None:
        settings, receiving, competent = plan.settings, plan.receiving.unit, plan.competent.unit
        actor = plan.receiving.counter if plan.outcome != "register" else None
        fee = settings.fee_vnd or 0
        d: dict[str, Any] = {
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
            "status": STATUS[plan.outcome],
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
            "created_by_id": actor.pk if actor else None,
        }
        if plan.outcome == "accept":
            self._start(d, plan.at)
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
            receiving.code,
            plan.refusal or ", ".join(i["name"] for i in plan.missing),
            {},
        )
        apology_due: dt.datetime | None = None
        for action, at, who, params in plan.steps:
            actor = _who(plan, who)
            before, holder = d["status"], d["holder_unit_code"]
            note, data = "", {}
            if action == "accept":
                for s in open_supplements:
                    if s["phase"] == "intake":
                        s["completed_at"] = at
                self._start(d, at)
                data = {"due_at": d["due_at"].isoformat()}
            elif action == "request_supplement":
                open_supplements.append(
                    self._supplement(batch, pk, at, "intake", params["items"], actor)
                )
                note, data = (
                    ", ".join(i["name"] for i in params["items"]),
                    {"items": params["items"]},
                )
            elif action in ("refuse", "withdraw"):
                d["note"] = note = params["reason"]
            elif action == "transfer":
                local = at.astimezone(VN)
                cal = self.clock.cal
                by = (
                    local.date()
                    if local.time() < CUTOFF and cal.is_working_day(local.date())
                    else cal.next_working_day(local.date())
                )
                d["holder_unit_code"] = competent.code
                note = f"{receiving.full_name} → {competent.full_name}"
                data = {"transfer_by": by.isoformat()}
            elif action == "assign":
                d["assigned_to_id"] = plan.officer.pk
                note, data = plan.officer.get_username(), {"officer_id": plan.officer.pk}
            elif action == "request_supplement_appraisal":
                open_supplements.append(
                    self._supplement(batch, pk, at, "appraisal", params["items"], actor)
                )
                d["supplement_requests"] += 1
                d["paused_at"] = at
                note, data = (
                    ", ".join(i["name"] for i in params["items"]),
                    {"items": params["items"]},
                )
            elif action == "supplement_received":
                for s in open_supplements:
                    s["completed_at"] = s["completed_at"] or at
                d["paused_at"] = None
                d["due_at"] = self.clock.due(at, d["time_value"], d["time_unit"])
                data = {"due_at": d["due_at"].isoformat()}
            elif action == "apologize":
                old = apology_due = d["due_at"]
                new_day = dt.date.fromisoformat(params["new_due"])
                d["due_at"] = dt.datetime.combine(
                    self.clock.cal.next_working_day(new_day, include=True),
                    dt.time(17, 0),
                    tzinfo=VN,
                )
                d["apologized"] = True
                note = params["reason"]
                data = {
                    "original_due": old.astimezone(UTC).isoformat(),
                    "new_due": d["due_at"].isoformat(),
                    "reason": note,
                }
            elif action == "request_payment":
                d["payment"] = "unpaid"
                note, data = f"{d['fee_vnd']} đồng", {"amount": d["fee_vnd"]}
            elif action == "payment_received":
                d["payment"] = "paid"
            elif action == "stop":
                d["note"] = note = params["reason"]
                d["finished_at"] = at
            elif action == "complete":
                d["finished_at"] = at
                due = apology_due if d["apologized"] and apology_due else d["due_at"]
                d["outcome"] = classify(at, due, d["supplement_requests"])
                d["holder_unit_code"] = receiving.code
                data = {"outcome": d["outcome"]}
            elif action == "return":
                d["returned_at"] = at
                note, data = self._labels[d["return_method"]], {"method": d["return_method"]}
            else:  # pragma: no cover - the planner makes no other step
                raise ValueError(action)
            if action in TARGET:
                d["status"] = TARGET[action]
            self._event(
                batch, d, action, at, actor, before, holder, d["holder_unit_code"], note, data
            )
        if plan.rating is not None:
            d["rated_at"], d["rating_satisfied"], d["rating_reason"] = plan.rating
        batch.dossiers.append(d)

    def _start(self, d: dict[str, Any], at: dt.datetime) -> None:
        d["received_at"] = at
        d["due_at"] = d["original_due_at"] = self.clock.due(at, d["time_value"], d["time_unit"])

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
        d: dict[str, Any],
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
                "dossier_id": d["id"],
                "at": at,
                "action": action,
                "from_status": from_status,
                "to_status": d["status"],
                "from_unit_code": from_unit,
                "to_unit_code": to_unit,
                "actor_id": actor.pk if actor else None,
                "actor_label": actor.get_username() if actor else "hệ thống",
                "note": note,
                "data": data,
                "province_code": d["province_code"],
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
