"""The online portal's list of procedures in the order citizens need them: those the commune's
dossiers of the last year came for most, then (for a commune without dossiers yet, or chosen
without one) those of the province, then the hand-checked commune procedures
(`procedures.requirements.curated`: the ones filed most everywhere), then the catalogue's order.
The customs and tax procedures the catalogue lists first are what nobody at a ward files."""

from __future__ import annotations

import datetime as dt
import threading
import time

from django.db.models import Case, Count, IntegerField, QuerySet, Value, When
from django.utils import timezone

from haicap.dossiers.models import Dossier
from haicap.procedures.models import Procedure
from haicap.procedures.requirements import curated

WINDOW = dt.timedelta(days=365)
TOP = 200  # procedures ranked; the rest follow in the catalogue's order
SECONDS = 600  # the ranking moves slowly: counted again every ten minutes per process

_lock = threading.Lock()
_counts: dict[tuple[str, str], tuple[float, dict[int, int]]] = {}


def filing_counts(
    *, province_code: str, unit_code: str = "", now: dt.datetime | None = None
) -> dict[int, int]:
    """Dossiers per procedure (id → count) over the last year, of the commune whose code is given
    (as competent unit), or of the whole province."""
    key = (province_code, unit_code)
    hit = _counts.get(key)
    if now is None and hit is not None and hit[0] > time.monotonic():
        return hit[1]
    since = (now or timezone.now()) - WINDOW
    dossiers = Dossier.objects.filter(province_code=province_code, registered_at__gte=since)
    if unit_code:
        dossiers = dossiers.filter(competent_unit__code=unit_code)
    rows = (
        dossiers.values("procedure_id")
        .annotate(n=Count("id"))
        .order_by("-n", "procedure_id")[:TOP]
    )
    counts = {int(r["procedure_id"]): int(r["n"]) for r in rows}
    if now is None:
        with _lock:
            _counts[key] = (time.monotonic() + SECONDS, counts)
    return counts


def _rank(counts: dict[int, int]) -> Case:
    whens = [When(pk=pk, then=Value(n)) for pk, n in counts.items()]
    return Case(*whens, default=Value(0), output_field=IntegerField())


def by_use(
    procedures: QuerySet[Procedure],
    *,
    province_code: str,
    unit_code: str = "",
    now: dt.datetime | None = None,
) -> QuerySet[Procedure]:
    """`procedures` ordered by the commune's filings, then the province's, then by code; a
    search's best matches (core.search's rank) before all of them."""
    commune = (
        filing_counts(province_code=province_code, unit_code=unit_code, now=now)
        if unit_code
        else {}
    )
    province = filing_counts(province_code=province_code, now=now)
    zero = Value(0, output_field=IntegerField())
    first = ("search_rank",) if "search_rank" in procedures.query.annotations else ()
    return procedures.annotate(
        commune_uses=_rank(commune) if commune else zero,
        province_uses=_rank(province) if province else zero,
        common=Case(
            When(code__in=sorted(curated()), then=Value(1)),
            default=zero,
            output_field=IntegerField(),
        ),
    ).order_by(*first, "-commune_uses", "-province_uses", "-common", "code")


def clear() -> None:
    with _lock:
        _counts.clear()
