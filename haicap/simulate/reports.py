"""Simulated citizen reports (1022 / iHanoi style): planned like dossiers, routed by the
feedback module's own routing, then written in bulk or through feedback.services. The bulk rows
equal the services' except the report code's random suffix and the private token, which are
random in both (a token is a credential: it never comes from the seed)."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import secrets
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from haicap.core.search import search_row
from haicap.feedback.effects import EFFECTS, sla_due
from haicap.feedback.models import Category, Evidence, Report, ReportEvent
from haicap.feedback.routing import Route, route_report
from haicap.feedback.selectors import categories_for
from haicap.feedback.services import Submission, report_submit, report_transition
from haicap.feedback.signals import reports_loaded
from haicap.feedback.workflow import TRANSITIONS
from haicap.simulate.clock import Clock
from haicap.simulate.people import FAMILY, GIVEN, MIDDLE
from haicap.simulate.profile import Profile
from haicap.simulate.world import Place, World
from haicap.workdays.calendar import VN, due_at

UTC = dt.UTC
EVIDENCE_NAME = "simulate/minh-chung.png"


# a 1×1 grey PNG: the answer's proof in simulated data
def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)  # 1×1, 8-bit grey
    pixels = zlib.compress(b"\x00\x80")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


PNG = _png()
TEXTS = {
    "default": "Người dân phản ánh sự việc tại khu vực, đề nghị chính quyền kiểm tra xử lý.",
}
ANSWER = "Đơn vị đã kiểm tra thực tế và khắc phục xong; ảnh sau khi xử lý kèm theo."
PROGRESS = "Đơn vị đã tiếp nhận và phối hợp kiểm tra, đang xử lý theo kế hoạch."
UNHAPPY = ["Trả lời chung chung, chưa khắc phục", "Xử lý chậm"]
CHANNELS = ["app", "web", "phone"]


@dataclass
class ReportPlan:
    province: str
    category: Category
    lat: float
    lon: float
    at: dt.datetime
    contact_name: str
    contact_phone: str
    channel: str
    route: Route
    handler: Place | None = None
    steps: list[tuple[str, dt.datetime, dict[str, Any]]] = field(default_factory=list)


def _description(category: Category) -> str:
    return f"{category.name}: {TEXTS['default']}"


class ReportPlanner:
    def __init__(self, world: World, profile: Profile, clock: Clock, end: dt.date) -> None:
        self.world, self.profile, self.clock = world, profile, clock
        self.end_at = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), tzinfo=VN)
        province = world.province.unit.province_code
        self.categories = [c for c in categories_for(province) if c.code != "other"]
        self._weights = list(itertools.accumulate(p.weight for p in world.communes))

    def day(self, seed: int, day: dt.date, count: int) -> list[ReportPlan]:
        rng = random.Random(f"reports-{seed}-{self.world.province.unit.code}-{day.isoformat()}")
        plans = []
        for _ in range(count):
            plan = self._one(rng, day)
            if plan is not None:
                plans.append(plan)
        plans.sort(key=lambda p: p.at)
        return plans

    def _one(self, rng: random.Random, day: dt.date) -> ReportPlan | None:
        place = rng.choices(self.world.communes, cum_weights=self._weights)[0]
        unit = place.unit
        if unit.centroid_lat is None or unit.centroid_lon is None:
            return None
        lat = round(unit.centroid_lat + rng.uniform(-0.002, 0.002), 6)
        lon = round(unit.centroid_lon + rng.uniform(-0.002, 0.002), 6)
        category = rng.choice(self.categories)
        try:
            route = route_report(
                category=category, province_code=unit.province_code, lat=lat, lon=lon
            )
        except Exception:  # a point on a river or outside: the resident would move the pin
            return None
        at = dt.datetime.combine(
            day, dt.time(rng.randrange(6, 23), rng.randrange(60), rng.randrange(60)), tzinfo=VN
        )
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        phone = f"0{rng.choice('3579')}{rng.randrange(10**8):08d}"
        plan = ReportPlan(
            unit.province_code, category, lat, lon, at, name, phone, rng.choice(CHANNELS), route
        )
        if route.dispatch:
            return plan  # the province dispatcher's decision: left open
        try:
            plan.handler = self.world.place(route.unit_code)
        except KeyError:
            return plan
        self._life(rng, plan, place)
        plan.steps = [s for s in plan.steps if s[1] < self.end_at]
        return plan

    def _life(self, rng: random.Random, plan: ReportPlan, place: Place) -> None:
        p, clock = self.profile, self.clock
        due = due_at(
            plan.at, plan.category.sla_working_days, "working_days", clock.cal.cal, cutoff=False
        )
        accepted = clock.later(rng, plan.at, 20, 600)
        plan.steps.append(("accept", accepted, {}))
        on_time = rng.random() < (p.feedback_on_time - (0.1 if place.understaffed else 0))
        if on_time:
            span = max(1, int((due - accepted).total_seconds() // 60) - 1)
            answered = accepted + dt.timedelta(minutes=rng.randint(30, max(31, span)))
            answered = min(answered, due)
        else:
            if rng.random() < 0.3:  # a progress update with a committed date, then late anyway
                committed = clock.cal.add_working_days(due.astimezone(VN).date(), 2)
                plan.steps.append(
                    (
                        "progress",
                        clock.later(rng, accepted, 60, 600),
                        {"text": PROGRESS, "committed_date": committed.isoformat()},
                    )
                )
            answered = clock.days_later(rng, due, 1, 8)
        answered = max(answered, plan.steps[-1][1] + dt.timedelta(minutes=1))
        plan.steps.append(("answer", answered, {"text": ANSWER}))
        if rng.random() < p.feedback_rated:
            happy = rng.random() < p.feedback_satisfied
            plan.steps.append(
                (
                    "close",
                    answered + dt.timedelta(minutes=rng.randint(30, 4000)),
                    {"satisfied": happy, "reason": "" if happy else rng.choice(UNHAPPY)},
                )
            )


def ensure_evidence_file() -> None:
    if not default_storage.exists(EVIDENCE_NAME):
        default_storage.save(EVIDENCE_NAME, ContentFile(PNG))


# --- the services path -------------------------------------------------------------------------


def replay_report(plan: ReportPlan) -> Report:
    report = report_submit(
        Submission(
            province_code=plan.province,
            category_code=plan.category.code,
            description=_description(plan.category),
            lat=plan.lat,
            lon=plan.lon,
            contact_name=plan.contact_name,
            contact_phone=plan.contact_phone,
            channel=plan.channel,
        ),
        now=plan.at,
    )
    officer = plan.handler.officers[0] if plan.handler else None
    for action, at, params in plan.steps:
        if action == "answer":
            Evidence.objects.create(
                report=report,
                kind="answer",
                file=EVIDENCE_NAME,
                content_type="image/png",
                size=len(PNG),
            )
        if action == "close":
            report = report_transition(
                report, action="close", actor=None, token=report.token, now=at, **params
            )
        else:
            report = report_transition(report, action=action, actor=officer, now=at, **params)
    return report


# --- the bulk path -----------------------------------------------------------------------------

R_COLS = [f.attname for f in Report._meta.concrete_fields]
RE_COLS = [f.attname for f in ReportEvent._meta.concrete_fields if f.attname != "id"]
EV_COLS = [f.attname for f in Evidence._meta.concrete_fields if f.attname != "id"]


class ReportBatch:
    def __init__(self) -> None:
        self.reports: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self.evidence: list[dict[str, Any]] = []


def report_code(rng: random.Random, at: dt.datetime, taken: set[str]) -> str:
    while True:
        code = f"PA-{at.astimezone(VN):%y%m%d}-{rng.getrandbits(24):06X}"
        if code not in taken:
            taken.add(code)
            return code


def build_report(plan: ReportPlan, pk: int, code: str, clock: Clock, batch: ReportBatch) -> None:
    r = _report_row(plan, pk, code, clock)
    events = _EventRows(plan, pk, r, batch)
    routed = not plan.route.dispatch
    note = r["responsible_body"] + (
        " (gần ranh giới xã/phường)" if plan.route.near_boundary else ""
    )
    events.add("submit", plan.at, None, "", "received", plan.route.reason, {})
    events.add(
        "forward" if routed else "to_dispatcher", plan.at, None, "received", r["status"], note, {}
    )
    officer = plan.handler.officers[0] if plan.handler else None
    for action, when, params in plan.steps:
        before = r["status"]
        if action == "answer":
            batch.evidence.append(_answer_evidence_row(pk, when))
        text, data = _apply_step(r, action, when, params, clock)
        actor = None if action == "close" else officer
        events.add(action, when, actor, before, r["status"], text, data, r["responsible_unit_code"])
    batch.reports.append(r)


def _report_row(plan: ReportPlan, pk: int, code: str, clock: Clock) -> dict[str, Any]:
    """The report as report_submit stores it: forwarded to the routed unit, or to the dispatcher."""
    route, category, at = plan.route, plan.category, plan.at
    routed = not route.dispatch
    row = {
        "id": pk,
        "code": code,
        "province_code": plan.province,
        "category_id": category.pk,
        "description": _description(category),
        "channel": plan.channel,
        "lat": plan.lat,
        "lon": plan.lon,
        "address": "",
        "commune_code": route.commune_code,
        "candidate_codes": route.candidates,
        "near_boundary": route.near_boundary,
        "responsible_unit_code": route.unit_code,
        "responsible_body": route.body[:160],
        "status": "forwarded" if routed else "dispatch",
        "created_at": at,
        "forwarded_at": at if routed else None,
        "due_at": sla_due(plan, at, clock.cal.cal) if routed else None,
        "committed_at": None,
        "answered_at": None,
        "closed_at": None,
        "answer": "",
        "escalation": 0,
        "contact_name": plan.contact_name,
        "contact_phone": plan.contact_phone,
        "contact_email": "",
        "contact_confirmed": False,
        "confirmation_hash": "",
        "token": secrets.token_urlsafe(18),
        "hidden": False,
        "duplicate_of_id": None,
        "rating_satisfied": None,
        "rating_reason": "",
        "attributes": {},
        "client_key": "",
        "idempotency_key": None,
        "idempotency_fingerprint": "",
    }
    return row | search_row(Report, row)  # as Report.save keeps them (core.search)


class _EventRows:
    """Appends one report's event rows to the batch; each goes to the report's current unit."""

    def __init__(
        self, plan: ReportPlan, pk: int, report: dict[str, Any], batch: ReportBatch
    ) -> None:
        self.plan, self.pk, self.report, self.batch = plan, pk, report, batch

    def add(
        self,
        action: str,
        when: dt.datetime,
        actor: Any,
        before: str,
        to: str,
        text: str,
        data: dict,
        from_unit: str = "",
    ) -> None:
        citizen = action in ("reopen", "close")
        self.batch.events.append(
            {
                "report_id": self.pk,
                "at": when,
                "action": action,
                "from_status": before,
                "to_status": to,
                "from_unit_code": from_unit,
                "to_unit_code": self.report["responsible_unit_code"],
                "actor_id": actor.pk if actor else None,
                "actor_label": actor.get_username()
                if actor
                else ("người dân" if citizen else "hệ thống"),
                "note": text,
                "public": True,
                "data": data,
                "province_code": self.plan.province,
            }
        )


def _answer_evidence_row(pk: int, when: dt.datetime) -> dict[str, Any]:
    """The answer's proof, uploaded a minute before the answer."""
    return {
        "report_id": pk,
        "kind": "answer",
        "file": EVIDENCE_NAME,
        "content_type": "image/png",
        "size": len(PNG),
        "uploaded_at": when - dt.timedelta(minutes=1),
    }


def _apply_step(
    r: dict[str, Any], action: str, when: dt.datetime, params: dict[str, Any], clock: Clock
) -> tuple[str, dict]:
    """Apply the workflow's effects of ``action`` to the report row; the event's note and data."""
    view = SimpleNamespace(**r)  # the effects change a report's attributes
    step = EFFECTS[action](view, when, params, clock.cal)
    r.update(vars(view))
    r["status"] = TRANSITIONS[action].target
    return step.note, step.data


def write_reports(batch: ReportBatch) -> None:
    from haicap.simulate.bulk import copy_rows

    copy_rows(Report._meta.db_table, R_COLS, batch.reports)
    copy_rows(ReportEvent._meta.db_table, RE_COLS, batch.events)
    copy_rows(Evidence._meta.db_table, EV_COLS, batch.evidence)


def announce_reports(batch: ReportBatch) -> None:
    reports_loaded.send(Report, reports=[SimpleNamespace(**r) for r in batch.reports])
