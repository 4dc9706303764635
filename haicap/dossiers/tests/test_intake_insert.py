"""The one-statement intake on PostgreSQL writes exactly the rows the ORM path writes."""

import functools

import pytest
from django.db import connection
from django.forms.models import model_to_dict

from haicap.core.models import AuditEvent
from haicap.dossiers import services
from haicap.dossiers.intake_insert import intake_insert
from haicap.dossiers.services import dossier_intake
from haicap.dossiers.tests.conftest import at

pytestmark = pytest.mark.django_db


def rows(dossier) -> tuple[dict, list[dict], list[dict]]:  # type: ignore[no-untyped-def]
    d = model_to_dict(
        dossier.__class__.objects.get(pk=dossier.pk), exclude=["id", "code", "idempotency_key"]
    )
    events = [model_to_dict(e, exclude=["id", "dossier"]) for e in dossier.events.all()]
    audits = [
        {**model_to_dict(a, exclude=["id", "object_id", "at"]), "note": a.note.split(" ", 1)[1]}
        for a in AuditEvent.objects.filter(
            object_type="dossiers.dossier", object_id=str(dossier.pk)
        )
    ]
    return d, events, audits


@pytest.mark.parametrize("outcome", ["accept", "supplement", "refuse"])
def test_both_paths_write_the_same_rows(intake, counter_officer, monkeypatch, outcome):
    kwargs = {
        "actor": counter_officer,
        "outcome": outcome,
        "now": at(2025, 7, 1, 9),
        "missing_items": [{"name": "Giấy chứng sinh", "kind": "copy", "reason": "thiếu"}],
        "refusal_reason": "Không thuộc thẩm quyền",
    }
    first = dossier_intake(intake, **kwargs)
    monkeypatch.setattr(
        services, "intake_insert", functools.partial(intake_insert, single_statement=False)
    )
    second = dossier_intake(intake, **kwargs)
    assert (first.code[:-4], int(first.code[-4:]) + 1) == (second.code[:-4], int(second.code[-4:]))
    assert rows(first) == rows(second)
    assert rows(first)[2][0]["note"].startswith(f"intake_{outcome}")
    audit = AuditEvent.objects.get(object_type="dossiers.dossier", object_id=str(first.pk))
    assert audit.note.startswith(first.code)


def test_the_path_follows_the_database(intake, counter_officer):
    d = dossier_intake(intake, actor=counter_officer)
    assert d.pk and d.code.startswith("26743-") and d.events.count() == 1
    assert connection.vendor in ("postgresql", "sqlite")
