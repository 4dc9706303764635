"""Where a report goes: the commune that contains its point (or that its address, old or new,
names), then the body that handles its category there. A split ward with no point, or an address
nobody can read, goes to the province's dispatcher with the candidate communes; a point in another
province is refused with that province named."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from django.utils.translation import gettext_lazy

from haicap.core.errors import ApplicationError
from haicap.feedback.models import BodyKind, Category
from haicap.units.address.convert import convert_address
from haicap.units.locate import Locator, inside_vietnam_bbox, locator, near_another_commune
from haicap.units.selectors import unit_in_force

OUTSIDE_VIETNAM = gettext_lazy("Vị trí ({lat}, {lon}) nằm ngoài lãnh thổ Việt Nam.")
OUTSIDE_COMMUNES = gettext_lazy("Vị trí ({lat}, {lon}) không thuộc xã, phường nào (ngoài biển hoặc ranh giới).")
OTHER_PROVINCE = gettext_lazy("Vị trí thuộc {commune}, {province}: hãy gửi phản ánh đến {province}.")
NOTHING_TO_LOCATE = gettext_lazy("Cần vị trí trên bản đồ (toạ độ) hoặc địa chỉ nơi xảy ra sự việc.")


@dataclass(slots=True)
class Route:
    """The answer of routing one report."""

    commune_code: str = ""  # where it happened, when known
    candidates: list[str] = field(default_factory=list)  # split ward, no point: the choices
    near_boundary: bool = False
    unit_code: str = ""  # whose queue it lands in: a commune, or the province (dispatcher/body)
    body: str = ""  # the body in words
    dispatch: bool = False  # True: the province dispatcher must choose
    reason: str = ""


def _commune_name(code: str) -> str:
    unit = unit_in_force("commune", code)
    return unit.full_name if unit else code


def _province(code: str) -> tuple[str, str]:
    unit = unit_in_force("commune", code)
    province = unit_in_force("province", unit.province_code) if unit else None
    return (unit.province_code if unit else "", province.full_name if province else "")


def _body(route: Route, category: Category, province_code: str) -> Route:
    """Fill in who handles it, once the place is known (or left to the dispatcher)."""
    if route.dispatch:
        province = unit_in_force("province", province_code)
        route.unit_code = province_code
        route.body = f"Bộ phận điều phối {province.full_name if province else province_code}"  # vi-only: stored
    elif category.body_kind == BodyKind.COMMUNE:
        route.unit_code, route.body = (
            route.commune_code,
            f"UBND {_commune_name(route.commune_code)}",
        )
    else:
        route.unit_code, route.body = province_code, category.body_name
    return route


def _in_province(located: Locator, lat: float, lon: float, province_code: str) -> str | None:
    """Another ward of the province that also contains the point, if any."""
    for index in located.tree.query(shapely.Point(lon, lat), predicate="within"):
        code = str(located.codes[index])
        if _province(code)[0] == province_code:
            return code
    return None


def route_points(
    lats: Sequence[float], lons: Sequence[float], province_code: str
) -> list[Route | ApplicationError]:
    """Route many pinned reports at once (the vectorised point → commune look-up)."""
    lat_array, lon_array = np.asarray(lats, dtype=float), np.asarray(lons, dtype=float)
    codes = locator().locate_many(lat_array, lon_array)
    near = near_another_commune(locator(), lat_array, lon_array).tolist()
    provinces = {code: _province(code) for code in set(codes) if code is not None}
    routes: list[Route | ApplicationError] = []
    for i, code in enumerate(codes):
        if code is None:
            lat, lon = round(float(lat_array[i]), 6), round(float(lon_array[i]), 6)
            message = OUTSIDE_COMMUNES if inside_vietnam_bbox(lat, lon) else OUTSIDE_VIETNAM
            routes.append(
                ApplicationError(
                    message.format(lat=lat, lon=lon), extra={"field": "lat"}, status=422
                )
            )
            continue
        province, province_name = provinces[code]
        if province != province_code:  # simplified boundaries overlap a little at the edges
            code = (
                _in_province(locator(), float(lat_array[i]), float(lon_array[i]), province_code)
                or code
            )
            province, province_name = _province(code)
        if province != province_code:
            routes.append(
                ApplicationError(
                    OTHER_PROVINCE.format(commune=_commune_name(code), province=province_name),
                    extra={"field": "lat", "province_code": province, "commune_code": code},
                    status=422,
                )
            )
            continue
        routes.append(Route(commune_code=code, near_boundary=near[i]))
    return routes


def route_address(text: str, province_code: str) -> Route:
    """Route by an address in old or new form (no point)."""
    result = convert_address(text)
    if result.new_commune is not None:
        if result.new_commune.province_code != province_code:
            province = result.new_province.name if result.new_province else ""
            raise ApplicationError(
                OTHER_PROVINCE.format(commune=result.new_commune.name, province=province),
                extra={"field": "address", "province_code": result.new_commune.province_code},
                status=422,
            )
        return Route(commune_code=result.new_commune.code)
    candidates = [
        c.commune.code for c in result.candidates if c.commune.province_code == province_code
    ]
    reason = result.status_label + (f": {len(candidates)} xã/phường có thể" if candidates else "")  # vi-only: stored
    return Route(candidates=candidates, dispatch=True, reason=reason)


def route_report(
    *,
    category: Category,
    province_code: str,
    lat: float | None = None,
    lon: float | None = None,
    address: str = "",
) -> Route:
    """Route one report; raises ApplicationError for a place outside the province."""
    if lat is not None and lon is not None:
        found = route_points([lat], [lon], province_code)[0]
        if isinstance(found, ApplicationError):
            raise found
        route = found
    elif address.strip():
        route = route_address(address, province_code)
    else:
        raise ApplicationError(NOTHING_TO_LOCATE, extra={"field": "lat"}, status=422)
    return _body(route, category, province_code)
