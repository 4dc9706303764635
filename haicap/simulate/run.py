"""`haicap simulate`: a province's dossiers day by day, each day in one transaction, the days
done recorded so that an interrupted run resumes where it stopped with the same result."""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from haicap.core.audit import audit_record
from haicap.core.models import AuditAction
from haicap.feedback.models import Report
from haicap.simulate import bulk
from haicap.simulate.models import Run
from haicap.simulate.plan import Clock, Planner, day_counts, working_online_share
from haicap.simulate.profile import Profile
from haicap.simulate.replay import replay
from haicap.simulate.reports import (
    ReportBatch,
    ReportPlanner,
    build_report,
    ensure_evidence_file,
    replay_report,
    report_code,
    write_reports,
)
from haicap.simulate.world import build_world
from haicap.workdays.selectors import work_calendar

Progress = Callable[[int, int, int, float], None]  # days done, days, dossiers, seconds


@dataclass
class Result:
    run: Run
    dossiers: int  # written by this call
    seconds: float
    skipped_days: int


def simulate(
    province: str,
    start: dt.date,
    end: dt.date,
    *,
    seed: int = 1,
    profile: Profile | None = None,
    path: str = "bulk",
    max_days: int | None = None,
    progress: Progress | None = None,
) -> Result:
    """Write the simulated dossiers of `province` filed from `start` to `end` (inclusive)."""
    if end < start:
        raise ValueError(f"--to ({end}) is before --from ({start})")
    if path not in ("bulk", "services"):
        raise ValueError(f"unknown path {path!r}: bulk or services")
    profile = profile or Profile()
    cal = work_calendar()
    clock = Clock(cal)
    world = build_world(province, seed, profile)
    run, _ = Run.objects.get_or_create(
        province_code=province, start=start, end=end, seed=seed, total=profile.total
    )
    days = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
    counts = day_counts(seed, days, profile.total, cal)
    online = working_online_share(profile, counts, cal)
    planner = Planner(world, profile, clock, end)
    report_planner = ReportPlanner(world, profile, clock, end)
    ensure_evidence_file()
    done = set(run.days_done)
    started, written, todo = time.perf_counter(), 0, [d for d in days if d.isoformat() not in done]
    for index, day in enumerate(todo[:max_days] if max_days is not None else todo):
        plans = planner.day(seed, day, counts[day], online)
        reports = report_planner.day(seed, day, round(counts[day] * profile.feedback_per_dossier))
        with transaction.atomic():
            if path == "bulk":
                batch = bulk.Batch()
                codes = bulk.codes_for(plans, day, batch)
                first = bulk.reserve_ids(len(plans))
                builder = bulk.Builder(clock)
                for offset, (plan, code) in enumerate(zip(plans, codes, strict=True)):
                    builder.dossier(plan, first + offset, code, batch)
                bulk.write(batch)
                report_batch = ReportBatch()
                first = bulk.reserve_ids(len(reports), Report)
                rng, taken = random.Random(f"codes-{seed}-{day}"), set[str]()
                for offset, report in enumerate(reports):
                    code = report_code(rng, report.at, taken)
                    build_report(report, first + offset, code, clock, report_batch)
                write_reports(report_batch)
            else:
                for plan in plans:
                    replay(plan)
                for report in reports:
                    replay_report(report)
            run.days_done = sorted({*run.days_done, day.isoformat()})
            run.dossiers += len(plans)
            run.reports += len(reports)
            run.save(update_fields=["days_done", "dossiers", "reports"])
        written += len(plans)
        if progress:
            progress(len(done) + index + 1, len(days), written, time.perf_counter() - started)
    if len(run.days_done) == len(days) and run.finished_at is None:
        from django.utils import timezone

        run.finished_at = timezone.now()
        run.save(update_fields=["finished_at"])
        audit_record(
            actor=None,
            action=AuditAction.SIMULATION_RUN,
            obj=run,
            province_code=province,
            note=f"mô phỏng {run.dossiers} hồ sơ, {run.reports} phản ánh, {start}–{end}, seed {seed}, đường {path}",
        )
    return Result(run, written, time.perf_counter() - started, len(done))
