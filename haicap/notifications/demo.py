"""The notifications demo for `make demo`: one dossier at Bến Thành taken from intake to an
electronic result returned online, through the same services as real ones (idempotent, keyed
`demo-result`), then the outbox delivered through the configured gateway, so that the system
administrator's page (/he-thong/thong-bao/) shows the messages of every demo dossier."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from haicap.core.dateline import place_name
from haicap.dossiers.demo import _demo_accounts
from haicap.dossiers.models import Dossier
from haicap.dossiers.paperwork import render_pdf
from haicap.dossiers.results import result_attach
from haicap.dossiers.services import Intake, dossier_intake, dossier_transition
from haicap.dossiers.validation import Applicant
from haicap.procedures.models import Procedure
from haicap.units.models import Unit
from haicap.workdays.calendar import VN

KEY = "demo-result"
PHONE = "0908 246 813"


def demo_result() -> Dossier:
    """The demo dossier with its electronic result (made once)."""
    existing = Dossier.objects.filter(idempotency_key=KEY).first()
    if existing is not None:
        return existing
    accounts = _demo_accounts()
    ben_thanh = Unit.objects.current().get(level="commune", code="26743")
    procedure = Procedure.objects.get(code="1.001193")
    now = timezone.now() - dt.timedelta(hours=3)
    dossier = dossier_intake(
        Intake(
            procedure=procedure,
            receiving_unit=ben_thanh,
            applicant=Applicant.clean(
                name="Huỳnh Thị Ngọc Anh",
                id_number="079195012345",
                phone_number=PHONE,
                address="12 Lê Thánh Tôn, Phường Bến Thành, TP. Hồ Chí Minh",
                email="ngocanh.demo@example.vn",
            ),
            request="Đăng ký khai sinh cho con (demo kết quả điện tử)",
            return_method="online",
        ),
        actor=accounts.counter,
        idempotency_key=KEY,
        now=now,
    )
    dossier = dossier_transition(
        dossier, action="transfer", actor=accounts.counter, now=now + dt.timedelta(minutes=10)
    )
    dossier = dossier_transition(
        dossier,
        action="assign",
        actor=accounts.leader,
        officer_id=accounts.processor.pk,
        now=now + dt.timedelta(minutes=20),
    )
    finished = now + dt.timedelta(hours=2)
    pdf = render_pdf(
        "notifications/demo_result.html",
        {
            "d": dossier,
            "finished": finished,
            "place": place_name(dossier.competent_unit),
            "today": finished.astimezone(VN),
        },
    )
    result_attach(dossier, "trich-luc-khai-sinh.pdf", pdf, actor=accounts.processor, now=finished)
    dossier = dossier_transition(
        dossier, action="complete", actor=accounts.processor, now=finished
    )
    return dossier_transition(
        dossier,
        action="return",
        actor=accounts.counter,
        method="online",
        now=finished + dt.timedelta(minutes=5),
    )
