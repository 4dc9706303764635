"""The bulk path writes exactly what the services write for the same plans; a run is
deterministic and resumes; the index counters kept on every write equal a rebuild."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from django.forms.models import model_to_dict

from haicap.core.search import search_row
from haicap.dossiers.models import DailySequence, Dossier, DossierEvent, SupplementRequest
from haicap.feedback.models import Evidence, Report, ReportEvent
from haicap.metrics.models import UnitDay, UnitMonth
from haicap.metrics.rebuild import rebuild, stored_counts
from haicap.simulate.models import Run
from haicap.simulate.profile import Profile
from haicap.simulate.run import simulate

START, END = dt.date(2025, 7, 28), dt.date(2025, 8, 8)
# a small, eventful workload: every kind of step happens many times in a few hundred dossiers
EVENTFUL = dataclasses.replace(
    Profile(),
    total=360,
    feedback_per_dossier=0.3,
    on_time=0.8,
    intake_supplement=0.08,
    refused=0.04,
    appraisal_supplement=0.1,
    withdrawn=0.03,
)


def _key(d: Dossier) -> str:
    """A dossier's code, or for an online one never accepted (its code is its reference, random
    in the services path) when and by whom it was filed."""
    if d.code == d.online_reference:
        return f"~{d.registered_at.isoformat()} {d.applicant_id_number}"
    return d.code


def _searchable(model: Any, row: dict[str, Any]) -> None:
    """Both paths store the search columns Model.save computes (they hold the random codes and
    references, so they are compared with that and left out of the rows)."""
    stored = {"search_name": row.pop("search_name"), "search_key": row.pop("search_key")}
    assert stored == search_row(model, row), row


def snapshot() -> dict[str, Any]:
    codes = {d.pk: _key(d) for d in Dossier.objects.all()}

    def rows(model: Any, order: tuple[str, ...]) -> list[dict[str, Any]]:
        out = []
        for obj in model.objects.order_by(*order):
            row = model_to_dict(obj)
            row.pop("id", None)
            if "dossier" in row:
                row["dossier"] = codes[row["dossier"]]
            if isinstance(row.get("data"), dict) and "online_reference" in row["data"]:
                # the acceptance of an online dossier names its (random) reference
                row["data"] = {**row["data"], "online_reference": "TT-"}
                row["note"] = row["note"].split(" (mã tra cứu ")[0]
            out.append(row)
        return out

    dossiers = []
    for obj in sorted(Dossier.objects.all(), key=_key):
        row = {f.attname: getattr(obj, f.attname) for f in Dossier._meta.concrete_fields}
        row.pop("id")
        _searchable(Dossier, row)
        row["code"] = _key(obj)
        row["online_reference"] = (row["online_reference"] or "")[:9]  # TT-YYMMDD-
        dossiers.append(row)
    reports, report_key = [], {}
    for report in Report.objects.order_by("created_at", "lat", "lon"):
        row = {f.attname: getattr(report, f.attname) for f in Report._meta.concrete_fields}
        _searchable(Report, row)
        for random_part in ("id", "code", "token"):
            row.pop(random_part)
        report_key[report.pk] = (row["created_at"], row["lat"], row["lon"])
        reports.append(row)

    def by_report(model: Any, drop: tuple[str, ...]) -> list[dict[str, Any]]:
        out = []
        for obj in model.objects.all():
            row = {f.attname: getattr(obj, f.attname) for f in model._meta.concrete_fields}
            for name in ("id", *drop):
                row.pop(name)
            row["report_id"] = report_key[row["report_id"]]
            out.append(row)
        return sorted(out, key=lambda r: (r["report_id"], str(r.get("at")), r.get("action", "")))

    return {
        "reports": reports,
        "report_events": by_report(ReportEvent, ()),
        "evidence": by_report(Evidence, ("uploaded_at",)),
        "dossiers": dossiers,
        "events": sorted(
            rows(DossierEvent, ("id",)), key=lambda r: (r["dossier"], r["at"], r["action"])
        ),
        "supplements": sorted(
            rows(SupplementRequest, ("id",)), key=lambda r: (r["dossier"], r["at"])
        ),
        "sequences": sorted(DailySequence.objects.values_list("agency_code", "day", "last")),
        "counters": stored_counts(UnitDay),
        "months": stored_counts(UnitMonth),
    }


def wipe() -> None:
    for model in (
        SupplementRequest,
        DossierEvent,
        Dossier,
        DailySequence,
        UnitDay,
        UnitMonth,
        Run,
        Evidence,
        ReportEvent,
        Report,
    ):
        model.objects.all().delete()


@pytest.mark.django_db(transaction=False)
def test_bulk_path_writes_what_the_services_write() -> None:
    wipe()
    simulate("79", START, END, seed=7, profile=EVENTFUL, path="services")
    by_services = snapshot()
    assert len(by_services["dossiers"]) == 360
    actions = {e["action"] for e in by_services["events"]}
    assert {
        "intake_refuse",
        "intake_supplement",
        "request_supplement",
        "apologize",
        "request_supplement_appraisal",
        "supplement_received",
        "stop",
        "return",
    } <= actions
    assert {"accept", "answer", "close", "progress"} <= {
        e["action"] for e in by_services["report_events"]
    }
    outcomes = {d["outcome"] for d in by_services["dossiers"]}
    assert {"early", "on_time", "late"} <= outcomes
    # the counters kept on every services call equal the ones computed from scratch
    rebuild()
    assert stored_counts(UnitDay) == by_services["counters"]
    assert stored_counts(UnitMonth) == by_services["months"]
    wipe()
    simulate("79", START, END, seed=7, profile=EVENTFUL, path="bulk")
    by_bulk = snapshot()
    for key in by_services:
        assert by_bulk[key] == by_services[key], key


@pytest.mark.django_db
def test_a_run_is_deterministic_and_resumes() -> None:
    wipe()
    profile = dataclasses.replace(Profile(), total=400)
    first = simulate("79", START, END, seed=3, profile=profile, max_days=4)
    assert first.dossiers < 400 and first.run.days.count() == 4
    second = simulate("79", START, END, seed=3, profile=profile)
    assert second.skipped_days == 4 and second.run.dossiers == 400
    again = simulate("79", START, END, seed=3, profile=profile)
    assert again.dossiers == 0  # nothing left to do: no duplicates
    resumed = snapshot()
    wipe()
    simulate("79", START, END, seed=3, profile=profile)
    assert snapshot() == resumed
    rebuild()
    assert stored_counts(UnitDay) == resumed["counters"]


@pytest.mark.django_db
def test_another_seed_gives_another_workload() -> None:
    profile = dataclasses.replace(Profile(), total=50)
    simulate("79", START, START + dt.timedelta(days=2), seed=1, profile=profile)
    one = [d["applicant_name"] for d in snapshot()["dossiers"]]
    wipe()
    simulate("79", START, START + dt.timedelta(days=2), seed=2, profile=profile)
    assert [d["applicant_name"] for d in snapshot()["dossiers"]] != one
