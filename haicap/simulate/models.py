"""A simulation run and the days it has written, so that an interrupted run resumes where it
stopped (and two workers never write the same day)."""

from __future__ import annotations

from django.db import models


class Run(models.Model):
    """One `haicap simulate` call: its parameters and what it has written."""

    province_code = models.CharField(max_length=2)
    start = models.DateField()
    end = models.DateField()
    seed = models.IntegerField()
    total = models.PositiveIntegerField()
    dossiers = models.PositiveIntegerField(default=0)
    reports = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["province_code", "start", "end", "seed", "total"],
                name="simulate_run_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.province_code} {self.start}–{self.end} seed {self.seed}"


class RunDay(models.Model):
    """A day whose dossiers and reports are all written (in the same transaction as they)."""

    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="days")
    day = models.DateField()
    dossiers = models.PositiveIntegerField()
    reports = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["run", "day"], name="simulate_runday_unique")
        ]

    def __str__(self) -> str:
        return f"{self.run} {self.day}"
