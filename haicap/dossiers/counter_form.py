"""The counter's intake form read into an `Intake`: every field checked before the intake, all
that is wrong reported at once (core.fielderrors, ADR 21)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext

from haicap.core.errors import ApplicationError
from haicap.core.fielderrors import Collector
from haicap.dossiers.models import Channel, ReturnMethod
from haicap.dossiers.received import received_from_form
from haicap.dossiers.services import Intake
from haicap.dossiers.validation import applicant_from_form, intake_procedure
from haicap.units.models import Unit
from haicap.units.selectors import unit_by_code


def _sets(text: str) -> int:
    """The form's number of sets: blank is one; anything but ASCII digits is refused by Intake."""
    text = text.strip() or "1"
    return int(text) if text.isascii() and text.isdigit() and len(text) < 4 else -1


def _unit_by_code(code: str, field: str) -> Unit | None:
    code = code.strip()
    if not code:
        return None
    unit = unit_by_code(code)
    if unit is None:
        raise ApplicationError(
            gettext("Không có đơn vị hành chính mã «{code}».").format(code=code), extra={"field": field}, status=422
        )
    return unit


def intake_from_form(post: Any, *, default_unit: Unit) -> Intake:
    """The intake the form describes, or one `FieldErrors` naming every bad field."""
    errors = Collector()
    receiving = errors.run(_unit_by_code, post.get("receiving_unit", ""), "receiving_unit")
    procedure = errors.run(intake_procedure, post.get("procedure_code", ""), field="procedure_code")
    competent = errors.run(_unit_by_code, post.get("competent_unit", ""), "competent_unit")
    return_unit = errors.run(_unit_by_code, post.get("return_unit", ""), "return_unit")
    applicant = errors.run(applicant_from_form, post)
    received = errors.run(received_from_form, post, field="received")
    intake = errors.run(
        Intake,
        procedure=procedure,
        receiving_unit=receiving or default_unit,
        competent_unit=competent,
        return_unit=return_unit,
        applicant=applicant,
        channel=post.get("channel", Channel.IN_PERSON),
        request=post.get("request", ""),
        sets=_sets(post.get("sets", "")),
        applicant_commune_code=post.get("applicant_commune_code", ""),
        return_method=post.get("return_method", ReturnMethod.COUNTER),
        received_items=received,
    )
    errors.done()
    assert intake is not None
    return intake
