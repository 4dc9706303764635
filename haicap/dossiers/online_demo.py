"""`make demo`'s online filings: the demo citizen (congdan, Bến Thành) files birth registrations
online through the same path as the portal — the e-form declaration, the birth certificate in
its labelled slot, the details saved with consent — and the desk accepts one, so that "my
dossiers" shows more than one status. Idempotent: each filing is keyed `online-demo-N`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone

from haicap.dossiers import citizen, profiles
from haicap.dossiers.eforms import BIRTH, declaration_clean
from haicap.dossiers.models import Dossier
from haicap.dossiers.services import Intake, dossier_intake, dossier_transition
from haicap.dossiers.validation import Applicant
from haicap.procedures.models import Procedure
from haicap.units.models import Unit

CITIZEN, COUNTER = "congdan", "motcua.benthanh"
PDF = b"%PDF-1.4\n% giay chung sinh (minh hoa)\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
CHILDREN = (("Nguyễn Minh Khang", "Nam", 9), ("Nguyễn Ngọc Hân", "Nữ", 3))


@dataclass(frozen=True)
class OnlineDemo:
    made: int
    mine: int  # the demo citizen's dossiers in "my dossiers"


def _declaration(child: str, sex: str, born: dt.date) -> dict:
    return declaration_clean(
        BIRTH,
        {
            "decl_relationship": "Cha",
            "decl_child_name": child,
            "decl_child_birth_date": born.isoformat(),
            "decl_child_sex": sex,
            "decl_child_ethnicity": "Kinh",
            "decl_child_nationality": "Việt Nam",
            "decl_child_birth_place": "Bệnh viện Từ Dũ, Thành phố Hồ Chí Minh",
            "decl_child_hometown": "Phường Bến Thành, Thành phố Hồ Chí Minh",
            "decl_mother_name": "Lê Thị Hồng",
            "decl_mother_birth_date": "1992-04-02",
            "decl_mother_ethnicity": "Kinh",
            "decl_mother_nationality": "Việt Nam",
            "decl_mother_residence": "8 Lý Tự Trọng, Phường Bến Thành, Thành phố Hồ Chí Minh",
            "decl_father_name": "Nguyễn Văn An",
        },
    )


def online_demo() -> OnlineDemo:
    users = {u.username: u for u in get_user_model().objects.filter(username__in=[CITIZEN, COUNTER])}
    if len(users) < 2:
        raise RuntimeError("run 'haicap demo_setup' first: the demo citizen is missing")
    procedure = Procedure.objects.get(code="1.001193")
    ben_thanh = Unit.objects.current().get(level="commune", code="26743")
    applicant = Applicant.clean(
        name="Nguyễn Văn An",
        id_number="079085001234",
        phone_number="0909 555 777",
        address="8 Lý Tự Trọng, P. Bến Thành, Quận 1, Hồ Chí Minh",
    )
    commune = profiles.commune_of(applicant.address)
    today = timezone.now().date()
    made = 0
    for n, (child, sex, days_old) in enumerate(CHILDREN):
        key = f"online-demo-{n}"
        if Dossier.objects.filter(idempotency_key=key).exists():
            continue
        dossier = dossier_intake(
            Intake(
                procedure=procedure,
                receiving_unit=ben_thanh,
                applicant=applicant,
                channel="online",
                return_method="online",
                applicant_commune_code=commune,
                declaration=_declaration(child, sex, today - dt.timedelta(days=days_old)),
                request=f"Đăng ký khai sinh cho {child}",
            ),
            actor=users[CITIZEN],
            outcome="register",
            idempotency_key=key,
        )
        citizen.attachments_add(
            dossier, [("Giấy chứng sinh", "giay-chung-sinh.pdf", PDF)], item_keys=["giay-chung-sinh"]
        )
        if n == 0:  # the desk checked it and accepted it: it has its number and due date
            dossier_transition(dossier, action="accept", actor=users[COUNTER])
        made += 1
    profiles.profile_save(users[CITIZEN], applicant, commune)
    return OnlineDemo(made, Dossier.objects.filter(filed_by=users[CITIZEN]).count())
