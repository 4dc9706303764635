"""GET /api/v1/metrics/index and /api/v1/metrics/units/{code}: the service index, ranked."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.security import django_auth

from haicap.core.errors import PermissionDenied
from haicap.core.permissions import PERMISSION_DENIED, has_permission
from haicap.core.tokens import TokenAuth
from haicap.metrics import selectors as s
from haicap.metrics.index import UnitIndex
from haicap.metrics.rights import MetricsPerm

router = Router(tags=["metrics"])
AUTH = [TokenAuth(), django_auth]


class PeriodIn(Schema):
    from_: str = Field("", alias="from", description="YYYY-MM-DD (mặc định: đầu quý)")
    to: str = Field("", description="YYYY-MM-DD (mặc định: hôm nay)")
    period: str = Field("", description="hom-qua | thang | quy | nam (khi không có from/to)")


class IndexIn(PeriodIn):
    province: str = Field(..., description="mã tỉnh, ví dụ 79")


class IndicatorOut(Schema):
    code: str
    group: str
    name: str
    points: float
    measured: bool
    rate: float | None = Field(None, description="tỷ lệ 0–1; null: chưa đo được")
    score: float | None = Field(None, description="điểm đạt; null: không tính vào điểm")
    numerator: float
    denominator: float


class NotMeasuredOut(Schema):
    name: str
    points: float
    needs: str = Field(..., description="what would measure it")


class GroupOut(Schema):
    code: str
    name: str
    points: float
    measured_points: float
    score: float | None
    unmeasured: list[NotMeasuredOut] = Field(
        default_factory=list, description="chỉ số chưa đo được (không tính vào điểm) và cần gì"
    )


class UnitIndexOut(Schema):
    code: str
    name: str
    rank: int | None = Field(
        None, description="hạng trong tỉnh; null: chưa có chỉ số đo được, hoặc chưa đủ dữ liệu"
    )
    enough_data: bool = Field(
        True, description="đủ số hồ sơ trong kỳ để xếp hạng (HAICAP_INDEX_MIN_DOSSIERS)"
    )
    dossiers: int = Field(0, description="hồ sơ trong kỳ: tiếp nhận hoặc hoàn thành, số lớn hơn")
    score: float | None = Field(None, description="trên 100, chỉ tính các chỉ số đo được")
    points: float
    measured_points: float
    groups: list[GroupOut]
    indicators: list[IndicatorOut]
    counts: dict[str, int]


class IndexOut(Schema):
    province: UnitIndexOut
    period_from: str
    period_to: str
    as_of: str
    units: list[UnitIndexOut]


def _unit_out(unit: UnitIndex, name: str) -> dict[str, Any]:
    return {
        "code": unit.unit_code,
        "name": name,
        "rank": unit.rank,
        "score": unit.score,
        "enough_data": unit.enough,
        "dossiers": unit.volume,
        "points": round(unit.points, 4),
        "measured_points": unit.measured_points,
        "groups": [
            {**g, "unmeasured": [{**u, "needs": str(u["needs"])} for u in g["unmeasured"]]}
            for g in unit.groups()
        ],
        "indicators": [
            {
                "code": f.indicator.code,
                "group": f.indicator.group,
                "name": f.indicator.name,
                "points": float(f.indicator.points),
                "measured": f.measured,
                "rate": None if f.rate is None else round(f.rate, 6),
                "score": None if f.score is None else round(f.score, 4),
                "numerator": f.numerator,
                "denominator": f.denominator,
            }
            for f in unit.figures
        ],
        "counts": {name: value for name, value in unit.counts.items() if value},
    }


def _allowed(request: HttpRequest, province: str, unit: str = "") -> None:
    if not has_permission(request.user, MetricsPerm.VIEW, province_code=province, unit_code=unit):
        raise PermissionDenied(PERMISSION_DENIED, extra={"permission": MetricsPerm.VIEW})


@router.get(
    "/index",
    response=IndexOut,
    auth=AUTH,
    summary="Chỉ số phục vụ của mọi xã, phường trong tỉnh, xếp hạng (Quyết định 766/QĐ-TTg)",
)
def index(request: HttpRequest, q: Query[IndexIn]) -> dict[str, Any]:
    province = s.province_unit(q.province)
    _allowed(request, province.code)
    _, period = s.period_of(q.period, q.from_, q.to)
    as_of = timezone.now()
    result = s.ranking(province.code, period, as_of)
    return {
        "province": _unit_out(result.province, province.full_name),
        "period_from": period.start.isoformat(),
        "period_to": period.end.isoformat(),
        "as_of": as_of.isoformat(),
        "units": [
            _unit_out(
                u,
                result.names[u.unit_code].full_name if u.unit_code in result.names else u.unit_code,
            )
            for u in result.units
        ],
    }


@router.get(
    "/units/{code}",
    response=UnitIndexOut,
    auth=AUTH,
    summary="Chỉ số phục vụ của một xã, phường (hoặc tỉnh), với hạng trong tỉnh",
)
def unit(request: HttpRequest, code: str, q: Query[PeriodIn]) -> dict[str, Any]:
    found = s.commune_unit(code)
    _allowed(request, found.province_code, found.code)
    _, period = s.period_of(q.period, q.from_, q.to)
    figures, _rank, _ranked = s.unit_figures(found, period)
    return _unit_out(figures, found.full_name)
