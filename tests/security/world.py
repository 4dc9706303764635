"""The records and actors of the permission matrix: one dossier and one report at Bến Thành
(26743, Ho Chi Minh City 79), and the people who try to reach them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile

from haicap.core.roles import Role
from haicap.core.services import membership_grant
from haicap.units.models import Unit

BEN_THANH, SAI_GON, HCMC, HANOI = "26743", "26740", "79", "01"
PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 64

# The actors of each cell. "own" and "province" are the positive controls: the record's own
# ward officer (counter officer and unit leader of Bến Thành) and HCMC's province administrator.
ACTORS = ("anonymous", "citizen", "other_ward", "other_province", "other_admin", "own", "province")


@dataclass
class World:
    dossier_code: str
    attachment_pk: int
    report_code: str
    report_token: str
    evidence_pk: int
    procedure_code: str
    hanoi_ward: str
    users: dict[str, Any] = field(default_factory=dict)
    # placeholders an app's rows_<app>.py adds with its world_extend(world) (its own records)
    extra: dict[str, str] = field(default_factory=dict)

    def secrets(self, *, public: bool = False) -> tuple[str, ...]:
        """What only Bến Thành's officers (and HCMC's administrator) may see of the records: on
        a public page (where the dossier's code is shown to whoever gives the phone's digits),
        the personal data."""
        personal = ("Nguyễn Thị Mai", "079190001234", "0903 123", "Trần Văn Hải", "0903 111")
        return personal if public else (self.dossier_code, *personal)

    def params(self) -> dict[str, str]:
        return {
            "dossier": self.dossier_code,
            "attachment": str(self.attachment_pk),
            "report": self.report_code,
            "token": self.report_token,
            "evidence": str(self.evidence_pk),
            "procedure": self.procedure_code,
            "ward": BEN_THANH,
            "province": HCMC,
            **self.extra,
        }


def _user(username: str, *grants: tuple[str, Unit]) -> Any:
    user = get_user_model().objects.create_user(username=username)  # no password: no hashing
    for role, unit in grants:
        membership_grant(user=user, role=role, unit=unit, actor=None)
    return user


def world_build() -> World:
    from haicap.dossiers import citizen
    from haicap.dossiers.services import Intake, dossier_intake
    from haicap.dossiers.validation import Applicant
    from haicap.feedback.models import Evidence
    from haicap.feedback.services import Submission, report_submit
    from haicap.procedures.models import Procedure

    units = Unit.objects.current()
    ben_thanh = units.get(level="commune", code=BEN_THANH)
    sai_gon = units.get(level="commune", code=SAI_GON)
    hcmc = units.get(level="province", code=HCMC)
    hanoi = units.get(level="province", code=HANOI)
    hanoi_ward = units.filter(level="commune", province_code=HANOI).order_by("code").first()
    assert hanoi_ward is not None

    procedure = (
        Procedure.objects.filter(code="1.001193").first()
        or Procedure.objects.filter(
            level_codes__contains="commune", name__icontains="khai sinh"
        ).first()
    )
    assert procedure is not None
    dossier = dossier_intake(
        Intake(
            procedure=procedure,
            receiving_unit=ben_thanh,
            applicant=Applicant.clean(
                name="Nguyễn Thị Mai",
                id_number="079190001234",
                phone_number="0903 123 456",
                address="25 Trần Quốc Thảo, Phường 9, Quận 3, TP.HCM",
            ),
            request="Đăng ký khai sinh cho con",
            channel="online",
        ),
        actor=AnonymousUser(),
        outcome="register",
    )
    [attachment] = citizen.attachments_add(dossier, [("Tờ khai", "to-khai.png", PNG)])

    photo = Evidence(kind="report", content_type="image/png", size=len(PNG))
    photo.file.save("ngap.png", ContentFile(PNG), save=False)
    report = report_submit(
        Submission(
            province_code=HCMC,
            category_code="drainage",
            description="Đường Lê Lợi trước chợ Bến Thành ngập sâu 30 cm sau mưa.",
            lat=10.77250,
            lon=106.69800,
            contact_name="Trần Văn Hải",
            contact_phone="0903 111 222",
        ),
        photos=[photo],
    )
    assert report.responsible_unit_code == BEN_THANH, report.responsible_unit_code

    users = {
        "anonymous": None,
        "citizen": _user("m-citizen", (Role.CITIZEN, ben_thanh)),
        "other_ward": _user(
            "m-saigon", (Role.COUNTER_OFFICER, sai_gon), (Role.UNIT_LEADER, sai_gon)
        ),
        "other_province": _user(
            "m-hanoi", (Role.COUNTER_OFFICER, hanoi_ward), (Role.UNIT_LEADER, hanoi_ward)
        ),
        "other_admin": _user("m-hanoi-admin", (Role.PROVINCE_ADMIN, hanoi)),
        "own": _user(
            "m-benthanh", (Role.COUNTER_OFFICER, ben_thanh), (Role.UNIT_LEADER, ben_thanh)
        ),
        "province": _user("m-hcmc-admin", (Role.PROVINCE_ADMIN, hcmc)),
    }
    world = World(
        dossier_code=dossier.code,
        attachment_pk=attachment.pk,
        report_code=report.code,
        report_token=report.token,
        evidence_pk=report.evidence.get().pk,
        procedure_code=procedure.code,
        hanoi_ward=hanoi_ward.code,
        users=users,
    )
    _extend(world, dossier)
    return world


def _extend(world: World, dossier: Any) -> None:
    """Each rows_<app>.py may build records of its own app at Bến Thành for its routes:
    `world_extend(world, dossier) -> {placeholder: value}`."""
    import importlib
    from pathlib import Path

    for path in sorted(Path(__file__).parent.glob("rows_*.py")):
        module = importlib.import_module(f"tests.security.{path.stem}")
        extend = getattr(module, "world_extend", None)
        if extend is not None:
            world.extra.update(extend(world, dossier))
