"""A simulation run and how far it got, so that an interrupted run resumes where it stopped."""

from __future__ import annotations

from django.db import models


class Run(models.Model):
    """One `haicap simulate` call: its parameters and the days already written."""

    province_code = models.CharField(max_length=2)
    start = models.DateField()
    end = models.DateField()
    seed = models.IntegerField()
    total = models.PositiveIntegerField()
    scale = models.FloatField(default=1.0)
    days_done = models.JSONField(default=list)  # ISO dates whose dossiers are all written
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
