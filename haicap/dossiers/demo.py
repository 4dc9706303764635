"""A small demo workload for `make demo`: dossiers at Bến Thành in every state an officer meets,
made through the same services as real ones, and idempotent (each keyed `demo-N`)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from haicap.dossiers.models import Dossier
from haicap.dossiers.services import Intake, dossier_intake, dossier_transition
from haicap.dossiers.validation import Applicant
from haicap.procedures.models import Procedure
from haicap.procedures.requirements import checklist_for
from haicap.units.models import Unit
from haicap.workdays.calendar import VN

PROCEDURES = ["1.001193", "1.000894", "1.001022", "2.000908", "1.000656"]
NAMES = [
    "Nguyễn Thị Hoa",
    "Trần Văn Hùng",
    "Lê Thị Lan",
    "Phạm Minh Tuấn",
    "Võ Thị Thu",
    "Đặng Quốc Bảo",
]
ADDRESSES = [
    "25 Trần Quốc Thảo, P.9, Q.3, TP.HCM",
    "45 Nguyễn Huệ, P. Bến Nghé, Q.1, TP.HCM",
    "8 Lý Tự Trọng, P. Bến Thành, Quận 1, Hồ Chí Minh",
    "101 Trần Hưng Đạo, Phường Cầu Ông Lãnh, Quận 1, TPHCM",
    "27 Điện Biên Phủ, P. Đa Kao, Q1, HCM",
]
# the path each demo dossier takes after intake (counter officer, processor, leader)
PATHS: list[list[str]] = [
    [],
    ["transfer"],
    ["transfer", "assign"],
    ["transfer", "assign", "complete"],
    ["transfer", "assign", "complete", "return"],
    ["transfer", "request_supplement_appraisal"],
    ["transfer", "apologize"],
]


def demo_dossiers(count: int = 28, progress: Callable[[int, int], None] | None = None) -> int:
    """Create the demo dossiers that do not exist yet; returns how many were made."""
    accounts = _demo_accounts()
    ben_thanh = Unit.objects.current().get(level="commune", code="26743")
    procedures = list(Procedure.objects.filter(code__in=PROCEDURES)) or list(
        Procedure.objects.filter(level_codes__contains="commune")[:5]
    )
    rng = random.Random(2025)
    made = 0
    start = timezone.now().astimezone(VN).replace(hour=8, minute=0, second=0, microsecond=0)
    for n in range(count):
        key = f"demo-{n}"
        if Dossier.objects.filter(idempotency_key=key).exists():
            continue  # made by an earlier run; it draws no random numbers
        when = start - dt.timedelta(days=(count - n) // 5, minutes=-37 * (n % 9))
        procedure = procedures[n % len(procedures)]
        dossier = dossier_intake(
            Intake(
                procedure=procedure,
                receiving_unit=ben_thanh,
                applicant=_demo_applicant(rng),
                request="Hồ sơ minh hoạ (demo)",
                received_items=demo_received(procedure, n),
            ),
            actor=accounts.counter,
            idempotency_key=key,
            now=when,
        )
        _walk_path(dossier, PATHS[n % len(PATHS)], when, accounts)
        made += 1
        if progress:
            progress(n + 1, count)
    return made


def demo_received(procedure: Procedure, n: int) -> list[dict[str, int | str]]:
    """What the counter ticked: every required paper with the record's counts, and on every
    third dossier the first conditional one too (a proxy letter, say)."""
    checklist = checklist_for(procedure)
    items = checklist.required() + (checklist.conditional()[:1] if n % 3 == 0 else [])
    return [
        {
            "key": i.key,
            "originals": i.originals or (0 if i.certified or i.copies else 1),
            "certified": i.certified,
            "copies": i.copies,
        }
        for i in items
    ]


@dataclass
class _Accounts:
    """The Bến Thành demo officers: counter (một cửa), processor (xử lý) and leader (lãnh đạo)."""

    counter: Any
    processor: Any
    leader: Any


def _demo_accounts() -> _Accounts:
    users = {u.username: u for u in get_user_model().objects.filter(username__contains=".benthanh")}
    counter, processor = users.get("motcua.benthanh"), users.get("xuly.benthanh")
    leader = users.get("lanhdao.benthanh")
    if counter is None or processor is None or leader is None:
        raise RuntimeError("run 'haicap demo_setup' first: the Bến Thành demo accounts are missing")
    return _Accounts(counter, processor, leader)


def _demo_applicant(rng: random.Random) -> Applicant:
    return Applicant.clean(
        name=rng.choice(NAMES),
        id_number=f"0791{rng.randint(80, 99)}{rng.randint(0, 999999):06d}",
        phone_number=f"09{rng.randint(10000000, 99999999)}",
        address=rng.choice(ADDRESSES),
    )


def _walk_path(dossier: Dossier, path: list[str], when: dt.datetime, accounts: _Accounts) -> None:
    """Take the dossier along its path, one action every 20 minutes after intake."""
    for step, action in enumerate(path, start=1):
        at = when + dt.timedelta(minutes=20 * step)
        move = _step(action, dossier, at, accounts)
        if move is None:
            continue
        actor, params = move
        dossier = dossier_transition(dossier, action=action, actor=actor, now=at, **params)


def _step(
    action: str, dossier: Dossier, at: dt.datetime, accounts: _Accounts
) -> tuple[Any, dict] | None:
    """Who takes `action` and with which parameters; None when an apology is not due."""
    params: dict = {}
    actor = accounts.processor
    if action == "transfer":
        actor = accounts.counter
    elif action == "assign":
        actor, params = accounts.leader, {"officer_id": accounts.processor.pk}
    elif action == "return":
        actor = accounts.counter
    elif action == "request_supplement_appraisal":
        params = {
            "items": [
                {
                    "name": "Bản sao giấy chứng sinh",
                    "kind": "certified",
                    "reason": "ảnh chụp mờ",
                }
            ]
        }
    elif action == "apologize":
        if dossier.due_at is None or dossier.due_at - at < dt.timedelta(days=2):
            return None
        params = {
            "reason": "Chờ kết quả xác minh của cơ quan liên quan",
            "new_due": (dossier.due_at.astimezone(VN).date() + dt.timedelta(days=3)).isoformat(),
        }
    return actor, params
