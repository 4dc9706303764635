"""The knobs of a simulated province, with defaults calibrated to Ho Chi Minh City from
1 July to 10 September 2025: 932,670 dossiers, 52.5% filed online, 98.6% finished on time,
90.6% of ratings satisfied (figures the city reported; see docs/service-index.md)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

HCMC_START, HCMC_END = dt.date(2025, 7, 1), dt.date(2025, 9, 10)
HCMC_DOSSIERS = 932_670
HCMC_COMMUNES = 168


@dataclass(frozen=True)
class Profile:
    total: int = HCMC_DOSSIERS  # dossiers filed in the period
    online: float = 0.525  # share filed online
    on_time: float = 0.986  # share finished by the due date
    satisfied: float = 0.906  # share of ratings that are satisfied
    rated: float = 0.35  # share of returned dossiers the citizen rates
    province_level: float = 0.18  # share processed by a province department
    boundary_free: float = 0.08  # commune dossiers filed at another commune's centre
    intake_supplement: float = 0.03
    refused: float = 0.004
    appraisal_supplement: float = 0.02
    withdrawn: float = 0.002
    understaffed: float = 0.15  # share of communes short of staff: slower, later, less liked
    apologize: float = 0.6  # share of late dossiers whose officer apologises in time
    return_online: float = 0.45  # share of online filings that take the result online
    feedback_per_dossier: float = 0.03  # citizen reports per dossier
    feedback_on_time: float = 0.88
    feedback_rated: float = 0.55
    feedback_satisfied: float = 0.8


def default_total(province_communes: int, start: dt.date, end: dt.date) -> int:
    """HCMC's volume scaled by the number of communes and days (HCMC itself: 932,670)."""
    days = (end - start).days + 1
    hcmc_days = (HCMC_END - HCMC_START).days + 1
    return round(HCMC_DOSSIERS * province_communes / HCMC_COMMUNES * days / hcmc_days)
