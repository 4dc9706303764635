"""What a conversion returns: what was recognised, the new unit(s), and how sure we are."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

STATUS_LABELS = {
    "converted": _("Đã chuyển đổi"),
    "split": _("Đơn vị cũ bị chia: có nhiều xã/phường mới"),
    "split_resolved": _("Đơn vị cũ bị chia: đã chọn theo toạ độ"),
    "current": _("Địa chỉ đã theo đơn vị hành chính mới"),
    "ambiguous": _("Không xác định duy nhất"),
    "partial": _("Chỉ nhận ra một phần địa chỉ"),
    "unrecognised": _("Không nhận ra địa chỉ"),
    "unmapped": _("Đơn vị cũ không có trong bảng chuyển đổi chính thức"),
}


@dataclass(frozen=True)
class UnitRef:
    code: str
    name: str
    level: str
    kind: str
    province_code: str


@dataclass(frozen=True)
class Candidate:
    commune: UnitRef
    province: UnitRef
    relation: str  # whole | part: how the old unit went into this one
    contains_point: bool | None = None


@dataclass(frozen=True)
class Origin:
    commune: UnitRef
    district: UnitRef | None
    province: UnitRef | None
    relation: str


@dataclass
class Conversion:
    input: str
    status: str
    form: str  # old | new | unknown
    confidence: float
    street: str = ""
    old_commune: UnitRef | None = None
    old_district: UnitRef | None = None
    old_province: UnitRef | None = None
    new_commune: UnitRef | None = None
    new_province: UnitRef | None = None
    candidates: list[Candidate] = field(default_factory=list)
    formed_from: list[Origin] = field(default_factory=list)
    understood: list[dict[str, str]] = field(default_factory=list)
    not_understood: str = ""
    messages: list[str] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def new_address(self) -> str:
        """The address in new form when the commune is known: street, commune, province."""
        if self.new_commune is None or self.new_province is None:
            return ""
        parts = [self.street, self.new_commune.name, self.new_province.name]
        return ", ".join(p for p in parts if p)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["status_label"] = self.status_label
        data["new_address"] = self.new_address
        return data
