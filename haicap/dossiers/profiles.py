"""A signed-in citizen's details, pre-filled in the online form: saved from the last filing when
the citizen agrees (Decree 13/2023: consent, and deletion on request), otherwise the account's
name and e-mail. The address is converted to the new unit as at the counter."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from haicap.core.audit import audit_record
from haicap.core.errors import ApplicationError
from haicap.core.permissions import Actor, active_memberships
from haicap.core.roles import Role
from haicap.core.workflow import user_of
from haicap.dossiers.models import CitizenProfile
from haicap.dossiers.rights import DossierAudit
from haicap.dossiers.validation import Applicant
from haicap.units.address.convert import convert_address
from haicap.units.models import Unit

COMMUNE_INVALID = gettext_lazy("Xã/phường cư trú «{code}» không phải đơn vị đang có hiệu lực.")


def profile_of(actor: Actor) -> CitizenProfile | None:
    if not actor.is_authenticated:
        return None
    return CitizenProfile.objects.filter(user_id=actor.pk).first()


def prefill(actor: Actor) -> dict[str, str]:
    """The form's applicant fields for this actor: the saved profile, or the account's name and
    e-mail; nothing for an anonymous citizen."""
    if not actor.is_authenticated:
        return {}
    profile = profile_of(actor)
    if profile is not None:
        return {
            "applicant_name": profile.name,
            "applicant_id_number": profile.id_number,
            "applicant_phone": profile.phone,
            "applicant_email": profile.email,
            "applicant_address": profile.address,
            "applicant_commune_code": profile.commune_code,
        }
    # the account's full name as the navigation bar shows it ("Nguyễn Văn An": first_name holds
    # the family and middle names, last_name the given name, as demo_setup writes them)
    name = actor.get_full_name() if hasattr(actor, "get_full_name") else ""
    return {"applicant_name": name.strip(), "applicant_email": getattr(actor, "email", "") or ""}


def home_commune(actor: Actor) -> str:
    """The commune a signed-in citizen lives in (saved profile, else a citizen membership)."""
    profile = profile_of(actor)
    if profile is not None and profile.commune_code:
        return profile.commune_code
    for membership in active_memberships(actor):
        if membership.role == Role.CITIZEN and membership.unit and membership.unit.level == "commune":
            return str(membership.unit.code)
    return ""


def commune_of(address: str, posted: str = "") -> str:
    """The applicant's new commune: the one picked in the form (a split ward), checked; else the
    address converted as at the counter when it names one new commune; else blank."""
    posted = posted.strip()
    if posted:
        if not Unit.objects.current().filter(level="commune", code=posted).exists():
            raise ApplicationError(
                COMMUNE_INVALID.format(code=posted[:8]),
                extra={"field": "applicant_commune_code"},
                status=422,
            )
        return posted
    result = convert_address(address)
    return result.new_commune.code if result.new_commune is not None else ""


@transaction.atomic
def profile_save(
    actor: Actor, applicant: Applicant, commune_code: str, *, now: dt.datetime | None = None
) -> CitizenProfile:
    """Keep the details the citizen agreed to save (audited, without the ID number in the note)."""
    values: dict[str, Any] = {
        "name": applicant.name,
        "id_number": applicant.id_number,
        "phone": applicant.phone,
        "email": applicant.email,
        "address": applicant.address,
        "commune_code": commune_code,
        "consented_at": now or timezone.now(),
    }
    user = user_of(actor)
    assert user is not None, "only a signed-in citizen has a profile"
    profile, _ = CitizenProfile.objects.update_or_create(user=user, defaults=values)
    unit = Unit.objects.current().filter(level="commune", code=commune_code).first()
    audit_record(
        actor=actor,
        action=DossierAudit.PROFILE_SAVED,
        obj=profile,
        province_code=unit.province_code if unit else "",
        unit_code=commune_code,
        note="Công dân đồng ý lưu thông tin để điền sẵn",
    )
    return profile


@transaction.atomic
def profile_delete(actor: Actor) -> bool:
    """Forget the saved details (the citizen's right to deletion); audited. False if none."""
    profile = profile_of(actor)
    if profile is None:
        return False
    audit_record(
        actor=actor,
        action=DossierAudit.PROFILE_DELETED,
        obj=profile,
        unit_code=profile.commune_code,
        note="Công dân xoá thông tin đã lưu",
    )
    profile.delete()
    return True
