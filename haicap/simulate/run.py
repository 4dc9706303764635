"""`haicap simulate`: a province's dossiers day by day, each day in one transaction that also
records the day as done, so that an interrupted run resumes where it stopped with the same
result. On PostgreSQL, `workers` processes write different days at once."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection, connections, transaction
from django.db.models import F
from django.utils import timezone

from haicap.core.audit import audit_record
from haicap.feedback.models import Report
from haicap.simulate import bulk
from haicap.simulate.clock import Clock
from haicap.simulate.models import Run, RunDay
from haicap.simulate.plan import Planner, day_counts, working_online_share
from haicap.simulate.profile import Profile
from haicap.simulate.replay import replay
from haicap.simulate.reports import (
    ReportBatch,
    ReportPlanner,
    announce_reports,
    build_report,
    ensure_evidence_file,
    replay_report,
    report_code,
    write_reports,
)
from haicap.simulate.rights import SimulateAudit
from haicap.simulate.world import build_world
from haicap.workdays.selectors import work_calendar

Progress = Callable[[int, int, int, float], None]  # days done, days, dossiers, seconds


@dataclass
class Result:
    run: Run
    dossiers: int  # written by this call
    seconds: float
    skipped_days: int


@dataclass
class _Job:
    province: str
    run_id: int
    seed: int
    path: str
    clock: Clock
    planner: Planner
    report_planner: ReportPlanner
    counts: dict[dt.date, int]
    online: float
    feedback_per_dossier: float


_JOB: _Job | None = None  # what forked workers inherit


def _write_day(job: _Job, day: dt.date) -> int:
    """Plan and write one day's dossiers and reports, and mark the day done, atomically."""
    plans = job.planner.day(job.seed, day, job.counts[day], job.online)
    reports = job.report_planner.day(
        job.seed, day, round(job.counts[day] * job.feedback_per_dossier)
    )
    if job.path == "services":
        with transaction.atomic():
            for plan in plans:
                replay(plan)
            for report in reports:
                replay_report(report)
            _mark_done(job, day, len(plans), len(reports))
        return len(plans)
    # the rows are built before the transaction; inside it only writes, then the shared
    # counters and the run's row, which other workers also update
    batch, report_batch = bulk.Batch(), ReportBatch()
    codes = bulk.references_for(plans, day, random.Random(f"refs-{job.seed}-{job.province}-{day}"))
    ids = bulk.reserve_ids(len(plans))
    builder = bulk.Builder(job.clock)
    for pk, plan, code in zip(ids, plans, codes, strict=True):
        builder.dossier(plan, pk, code, batch)
    ids = bulk.reserve_ids(len(reports), Report)
    rng = random.Random(f"codes-{job.seed}-{job.province}-{day}")
    # codes already given that day (by real reports or another run) are not drawn again
    taken = set(
        Report.objects.filter(code__startswith=f"PA-{day:%y%m%d}-").values_list("code", flat=True)
    )
    for pk, report in zip(ids, reports, strict=True):
        code = report_code(rng, report.at, taken)
        build_report(report, pk, code, job.clock, report_batch)
    with transaction.atomic():
        bulk.write(batch)
        write_reports(report_batch)
        bulk.announce(batch)
        announce_reports(report_batch)
        _mark_done(job, day, len(plans), len(reports))
    return len(plans)


def _mark_done(job: _Job, day: dt.date, dossiers: int, reports: int) -> None:
    RunDay.objects.create(run_id=job.run_id, day=day, dossiers=dossiers, reports=reports)
    Run.objects.filter(pk=job.run_id).update(
        dossiers=F("dossiers") + dossiers, reports=F("reports") + reports
    )


def _worker_day(day: dt.date) -> int:
    assert _JOB is not None
    return _write_day(_JOB, day)


def simulate(
    province: str,
    start: dt.date,
    end: dt.date,
    *,
    seed: int = 1,
    profile: Profile | None = None,
    path: str = "bulk",
    max_days: int | None = None,
    workers: int = 1,
    progress: Progress | None = None,
) -> Result:
    """Write the simulated dossiers of `province` filed from `start` to `end` (inclusive)."""
    if end < start:
        raise ValueError(f"--to ({end}) is before --from ({start})")
    if path not in ("bulk", "services"):
        raise ValueError(f"unknown path {path!r}: bulk or services")
    run, days, job = _prepare(province, start, end, seed, profile or Profile(), path)
    done = set(run.days.values_list("day", flat=True))
    todo = [d for d in days if d not in done]
    if max_days is not None:
        todo = todo[:max_days]
    tally = _Tally(progress, len(done), len(days))
    if workers > 1 and connection.vendor == "postgresql" and len(todo) > 1:
        _write_days_in_workers(job, todo, workers, tally)
    else:
        for index, day in enumerate(todo):
            tally.day_written(_write_day(job, day), index)
    _finish_run(run, len(days), job, start, end)
    return Result(run, tally.written, tally.seconds(), len(done))


def _prepare(
    province: str, start: dt.date, end: dt.date, seed: int, profile: Profile, path: str
) -> tuple[Run, list[dt.date], _Job]:
    """The run's row (found again when resuming), its days, and what writing a day needs."""
    cal = work_calendar()
    clock = Clock(cal)
    world = build_world(province, seed, profile)
    run, _ = Run.objects.get_or_create(
        province_code=province, start=start, end=end, seed=seed, total=profile.total
    )
    days = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
    counts = day_counts(seed, days, profile.total, cal)
    ensure_evidence_file()
    job = _Job(
        province,
        run.pk,
        seed,
        path,
        clock,
        Planner(world, profile, clock, end),
        ReportPlanner(world, profile, clock, end),
        counts,
        working_online_share(profile, counts, cal),
        profile.feedback_per_dossier,
    )
    return run, days, job


class _Tally:
    """Dossiers written by this call, reported to `progress` after each day."""

    def __init__(self, progress: Progress | None, done_before: int, days: int) -> None:
        self.progress, self.done_before, self.days = progress, done_before, days
        self.started, self.written = time.perf_counter(), 0

    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def day_written(self, count: int, index: int) -> None:
        self.written += count
        if self.progress:
            self.progress(self.done_before + index + 1, self.days, self.written, self.seconds())


def _write_days_in_workers(job: _Job, todo: list[dt.date], workers: int, tally: _Tally) -> None:
    """Forked processes write different days at once (PostgreSQL only)."""
    global _JOB
    _JOB = job
    connections.close_all()  # the workers open their own
    context = multiprocessing.get_context("fork")
    with context.Pool(min(workers, len(todo))) as pool:
        for index, count in enumerate(pool.imap_unordered(_worker_day, todo)):
            tally.day_written(count, index)
    _JOB = None


def _finish_run(run: Run, days: int, job: _Job, start: dt.date, end: dt.date) -> None:
    """Once every day is written, the run is finished and audited (only the first time)."""
    run.refresh_from_db()
    if run.days.count() == days and run.finished_at is None:
        run.finished_at = timezone.now()
        run.save(update_fields=["finished_at"])
        audit_record(
            actor=None,
            action=SimulateAudit.RUN,
            obj=run,
            province_code=job.province,
            note=f"mô phỏng {run.dossiers} hồ sơ, {run.reports} phản ánh, {start}–{end}, "
            f"seed {job.seed}, đường {job.path}",
        )
