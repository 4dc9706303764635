"""Converting a sheet of addresses: CSV in, CSV out; bad rows reported by line, the rest kept."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from haicap.core.exports import SafeCsvWriter
from haicap.units.address.convert import AddressConverter
from haicap.units.address.index import address_index
from haicap.units.address.result import Conversion


class CsvWriter(Protocol):
    def writerow(self, row: Iterable[str], /) -> object: ...


OUTPUT_COLUMNS = [
    "trang_thai",
    "do_tin_cay",
    "xa_phuong_moi",
    "ma_xa_moi",
    "tinh_moi",
    "ma_tinh_moi",
    "ung_vien",
    "dia_chi_moi",
    "so_nha_duong",
    "xa_cu",
    "huyen_cu",
    "tinh_cu",
    "khong_nhan_ra",
    "ghi_chu",
]
ADDRESS_COLUMNS = ("address", "dia_chi", "địa chỉ", "dia chi", "địa_chỉ")
MAX_ADDRESS_LENGTH = 500


@dataclass
class RowError:
    line: int
    message: str


@dataclass
class BatchSummary:
    rows: int = 0
    converted: int = 0
    errors: list[RowError] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)

    def line(self) -> str:
        parts = ", ".join(f"{k}: {v}" for k, v in sorted(self.statuses.items()))
        return f"{self.rows} rows, {self.converted} converted, {len(self.errors)} errors ({parts})"


def conversion_row(result: Conversion) -> list[str]:
    return [
        result.status,
        f"{result.confidence:.2f}",
        result.new_commune.name if result.new_commune else "",
        result.new_commune.code if result.new_commune else "",
        result.new_province.name if result.new_province else "",
        result.new_province.code if result.new_province else "",
        " | ".join(f"{c.commune.name} ({c.commune.code})" for c in result.candidates)
        if len(result.candidates) > 1
        else "",
        result.new_address,
        result.street,
        result.old_commune.name if result.old_commune else "",
        result.old_district.name if result.old_district else "",
        result.old_province.name if result.old_province else "",
        result.not_understood,
        " ".join(result.messages),
    ]


def _float(value: str, name: str, low: float, high: float) -> float | None:
    value = value.strip()
    if not value:
        return None
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        raise ValueError(f"{name} «{value}» không phải là số") from None
    if not low <= number <= high:
        raise ValueError(f"{name} {number} nằm ngoài khoảng [{low}, {high}]")
    return number


def convert_rows(
    reader: Iterable[list[str]],
    writer: CsvWriter,
    *,
    progress: Callable[[int], None] | None = None,
) -> BatchSummary:
    """Convert rows from a CSV reader whose first row is a header with an address column."""
    converter = AddressConverter(address_index())
    summary = BatchSummary()
    sheet = SafeCsvWriter(writer)  # the output echoes what was uploaded: no live formulas
    rows = iter(reader)
    try:
        header = next(rows)
    except StopIteration:
        summary.errors.append(
            RowError(1, "Tệp trống: cần dòng tiêu đề có cột «address» hoặc «dia_chi».")
        )
        return summary
    folded = [h.strip().lower() for h in header]
    column = next((folded.index(c) for c in ADDRESS_COLUMNS if c in folded), None)
    if column is None:
        if len(header) == 1:
            column = 0
        else:
            summary.errors.append(
                RowError(
                    1, "Không tìm thấy cột địa chỉ («address» hoặc «dia_chi») trong dòng tiêu đề."
                )
            )
            return summary
    lat_col = next((folded.index(c) for c in ("lat", "latitude", "vi_do") if c in folded), None)
    lon_col = next(
        (folded.index(c) for c in ("lon", "lng", "longitude", "kinh_do") if c in folded), None
    )
    sheet.writerow([*header, *OUTPUT_COLUMNS])
    for line, row in enumerate(rows, start=2):
        summary.rows += 1
        if progress:
            progress(1)
        try:
            address, lat, lon = _row_input(row, column, lat_col, lon_col)
        except ValueError as exc:
            summary.errors.append(RowError(line, str(exc)))
            sheet.writerow(
                [*row, "error", "", "", "", "", "", "", "", "", "", "", "", "", str(exc)]
            )
            continue
        result = converter.convert(address, lat=lat, lon=lon)
        summary.statuses[result.status] += 1
        if result.new_commune is not None:
            summary.converted += 1
        sheet.writerow([*row, *conversion_row(result)])
    return summary


def _row_input(
    row: list[str], column: int, lat_col: int | None, lon_col: int | None
) -> tuple[str, float | None, float | None]:
    """The row's address and point; ValueError says what is wrong with them."""
    if column >= len(row) or not row[column].strip():
        raise ValueError("địa chỉ trống")
    address = row[column]
    if len(address) > MAX_ADDRESS_LENGTH:
        raise ValueError(f"địa chỉ dài quá {MAX_ADDRESS_LENGTH} ký tự")
    lat = (
        _float(row[lat_col], "vĩ độ", -90, 90)
        if lat_col is not None and lat_col < len(row)
        else None
    )
    lon = (
        _float(row[lon_col], "kinh độ", -180, 180)
        if lon_col is not None and lon_col < len(row)
        else None
    )
    return address, lat, lon


def convert_text_lines(text: str) -> list[Conversion]:
    """One address a line, as an officer pastes them into the web page."""
    converter = AddressConverter(address_index())
    return [converter.convert(line) for line in text.splitlines() if line.strip()]


def decode_upload(data: bytes) -> str:
    """CSV bytes as text: UTF-8 (with or without BOM), else Windows-1258 as Excel writes it."""
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError("Tệp không phải văn bản UTF-8 hoặc Windows-1258.")


def convert_csv_text(text: str) -> tuple[str, BatchSummary]:
    out = io.StringIO()
    summary = convert_rows(csv.reader(io.StringIO(text)), csv.writer(out))
    return out.getvalue(), summary
