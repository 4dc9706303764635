"""REST endpoints for units: directory, detail with successions, address conversion, locate."""

import datetime as dt

from django.http import HttpRequest
from django.utils.translation import gettext_lazy
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from haicap.core.errors import ApplicationError
from haicap.core.pagination import Paginated
from haicap.units import selectors
from haicap.units.address.convert import convert_address
from haicap.units.locate import inside_vietnam_bbox, locator
from haicap.units.models import Level, Unit
from haicap.units.points import service_points

router = Router(tags=["units"])

OUTSIDE_VIETNAM = gettext_lazy("Điểm ({lat}, {lon}) nằm ngoài lãnh thổ Việt Nam: không thuộc xã/phường nào.")
ADDRESS_REQUIRED = gettext_lazy("Cần tham số address (địa chỉ cần chuyển đổi).")
ADDRESS_TOO_LONG = gettext_lazy("Địa chỉ dài quá 500 ký tự.")


class UnitOut(Schema):
    code: str
    level: str
    kind: str
    kind_label: str = Field(..., alias="get_kind_display")
    name: str
    full_name: str
    name_en: str
    full_name_en: str
    province_code: str
    district_code: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    area_km2: float | None


class SuccessionOut(Schema):
    unit: UnitOut
    relation: str
    effective: dt.date
    note: str


class UnitDetailOut(UnitOut):
    centroid_lat: float | None
    centroid_lon: float | None
    formed_from: list[SuccessionOut]
    became: list[SuccessionOut]


class UnitFilter(Schema):
    q: str = Field("", description="tìm theo tên hoặc mã, có dấu hoặc không dấu")
    province: str = Field("", description="mã tỉnh, ví dụ 79")
    kind: str = Field("", description="xa | phuong | dac_khu | ...")
    on: dt.date | None = Field(None, description="trạng thái tại ngày (mặc định: hiện hành)")


class UnitRefOut(Schema):
    code: str
    name: str
    level: str
    kind: str
    province_code: str


class CandidateOut(Schema):
    commune: UnitRefOut
    province: UnitRefOut
    relation: str
    contains_point: bool | None


class OriginOut(Schema):
    commune: UnitRefOut
    district: UnitRefOut | None
    province: UnitRefOut | None
    relation: str


class ConversionOut(Schema):
    input: str
    status: str
    status_label: str
    form: str
    confidence: float
    street: str
    old_commune: UnitRefOut | None
    old_district: UnitRefOut | None
    old_province: UnitRefOut | None
    new_commune: UnitRefOut | None
    new_province: UnitRefOut | None
    new_address: str
    candidates: list[CandidateOut]
    formed_from: list[OriginOut]
    understood: list[dict[str, str]]
    not_understood: str
    messages: list[str]


class LocateOut(Schema):
    lat: float
    lon: float
    commune: UnitOut
    province: UnitOut


class ServicePointOut(Schema):
    code: str
    kind: str
    name: str
    full_name: str
    name_en: str
    province_code: str
    parent_code: str | None
    address: str
    commune_code: str
    old_district_code: str
    hours: list[str]
    phone: str
    lat: float | None
    lon: float | None
    demo: bool


class PointFilter(Schema):
    q: str = Field("", description="tìm theo tên hoặc địa chỉ, có dấu hoặc không dấu")
    province: str = Field("", description="mã tỉnh, ví dụ 79")


@router.get(
    "/points",
    response=list[ServicePointOut],
    summary="Điểm tiếp nhận hồ sơ: trung tâm phục vụ hành chính công và chi nhánh (phân trang)",
)
@paginate(Paginated)
def list_points(request: HttpRequest, filters: Query[PointFilter]) -> list[dict]:
    return [
        {
            "code": p.unit.code,
            "kind": p.unit.kind,
            "name": p.unit.name,
            "full_name": p.unit.full_name,
            "name_en": p.unit.name_en,
            "province_code": p.province_code,
            "parent_code": p.parent.unit.code if p.parent else None,
            "address": p.address,
            "commune_code": p.commune_code,
            "old_district_code": p.old_district_code,
            "hours": p.hours_lines,
            "phone": p.phone,
            "lat": p.lat,
            "lon": p.lon,
            "demo": p.demo,
        }
        for p in service_points(filters.province, filters.q)
    ]


@router.get("/provinces", response=list[UnitOut], summary="Tỉnh/thành phố")
def list_provinces(request: HttpRequest, on: dt.date | None = None) -> list[Unit]:
    return list(selectors.provinces_on(on))


@router.get("/communes", response=list[UnitOut], summary="Xã/phường/đặc khu (tìm kiếm, phân trang)")
@paginate(Paginated)
def list_communes(request: HttpRequest, filters: Query[UnitFilter]) -> list[Unit]:
    return selectors.unit_search(  # type: ignore[return-value]
        query=filters.q, province_code=filters.province, kind=filters.kind, date=filters.on
    )


@router.get("/convert", response=ConversionOut, summary="Chuyển đổi địa chỉ cũ → mới")
def convert(
    request: HttpRequest, address: str = "", lat: float | None = None, lon: float | None = None
) -> dict:
    if not address.strip():
        raise ApplicationError(ADDRESS_REQUIRED, extra={"field": "address"}, status=422)
    if len(address) > 500:
        raise ApplicationError(ADDRESS_TOO_LONG, extra={"field": "address"}, status=422)
    return convert_address(address, lat=lat, lon=lon).as_dict()


@router.get("/locate", response=LocateOut, summary="Tìm xã/phường chứa một điểm")
def locate(request: HttpRequest, lat: float, lon: float) -> dict:
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ApplicationError(
            gettext_lazy("Toạ độ không hợp lệ: vĩ độ trong [-90, 90], kinh độ trong [-180, 180]."),
            extra={"lat": lat, "lon": lon},
            status=422,
        )
    code = locator().locate(lat, lon) if inside_vietnam_bbox(lat, lon) else None
    if code is None:
        raise ApplicationError(
            OUTSIDE_VIETNAM.format(lat=lat, lon=lon),
            extra={"lat": lat, "lon": lon, "outside_vietnam": True},
            status=404,
        )
    commune = selectors.unit_get(level=Level.COMMUNE, code=code)
    province = selectors.unit_get(level=Level.PROVINCE, code=commune.province_code)
    return {"lat": lat, "lon": lon, "commune": commune, "province": province}


def _detail(unit: Unit) -> dict:
    return {
        **{f: getattr(unit, f) for f in UnitOut.model_fields if f != "kind_label"},
        "get_kind_display": unit.get_kind_display(),
        "centroid_lat": unit.centroid_lat,
        "centroid_lon": unit.centroid_lon,
        "formed_from": [
            {
                "unit": s.predecessor,
                "relation": s.relation,
                "effective": s.effective,
                "note": s.note,
            }
            for s in selectors.formed_from(unit)
        ],
        "became": [
            {"unit": s.successor, "relation": s.relation, "effective": s.effective, "note": s.note}
            for s in selectors.became(unit)
        ],
    }


@router.get("/provinces/{code}", response=UnitDetailOut, summary="Một tỉnh/thành phố")
def province_detail(request: HttpRequest, code: str, on: dt.date | None = None) -> dict:
    return _detail(selectors.unit_get(level=Level.PROVINCE, code=code, date=on))


@router.get("/communes/{code}", response=UnitDetailOut, summary="Một xã/phường, với nguồn gốc")
def commune_detail(request: HttpRequest, code: str, on: dt.date | None = None) -> dict:
    return _detail(selectors.unit_get(level=Level.COMMUNE, code=code, date=on))


@router.get("/communes/{code}/boundary", summary="Ranh giới (GeoJSON Feature)")
def commune_boundary(request: HttpRequest, code: str) -> dict:
    import json

    unit = selectors.unit_get(level=Level.COMMUNE, code=code)
    return {
        "type": "Feature",
        "properties": {"code": unit.code, "name": unit.full_name},
        "geometry": json.loads(unit.boundary) if unit.boundary else None,
    }
