"""Parsing the national portal's procedure records, whose table cells lost their separators.

Every parser returns what it could read and a list of problems (field, message), so the import
summary can say, per field, what failed. The raw text is always kept beside the parsed fields.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

CHANNELS = {"Trực tiếp": "in_person", "Trực tuyến": "online", "Dịch vụ bưu chính": "post"}
UNITS = {
    "ngày làm việc": "working_days",
    "ngày": "days",
    "giờ làm việc": "hours",
    "giờ": "hours",
    "tháng": "months",
}
# a channel name starts a cell only when a time or a fee follows (descriptions mention channels too)
_CHANNEL = re.compile("(" + "|".join(CHANNELS) + r")(?=\s*(?:\d|Miễn phí|Không có thông tin))")
_TIME_WITH_UNIT = re.compile(
    r"^\s*(\d+(?:[.,]5)?)\s*(ngày làm việc|ngày|giờ làm việc|giờ|tháng)", re.IGNORECASE
)
_FREE = re.compile(r"^\s*(Miễn phí|Không có thông tin|Không)", re.IGNORECASE)
_AMOUNT = re.compile(r"^\s*(\d{1,3}(?:,\d{3})+|\d+)\s*(?:VNĐ|Việt Nam Đồng|đồng)", re.IGNORECASE)
_FOREIGN = re.compile(r"^\s*[\d,.]+\s*(USD|EUR)", re.IGNORECASE)
_DESCRIBED_AMOUNT = re.compile(r"(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:đ\b|đồng|vnđ)", re.IGNORECASE)
_COUNT = re.compile(r"(\d+)\s*bản chính(?:\s*,\s*(\d+)\s*bản sao)?")
_TEMPLATE_EXT = re.compile(r"\.(?:docx?|pdf|xlsx?|odt)\s*$", re.IGNORECASE)
_LOWER = "a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
# '85/2019/TT-BTC' followed directly by the next title ('Nghị định...'): stop before 'Ng'
# a code ends where a title starts ('Nghị…', 'LUẬT…') or the next code does
# ('118/2014/NĐ-CP118/2014/NĐ-CP'); 'QH13' takes two digits ('Luật 60/2014/QH1360/2014/QH13')
_CODE_END = rf"(?=[A-ZĐ][{_LOWER}]|[^A-ZĐ0-9]|$|\d+/\d{{4}}/|LUẬT|NGHỊ|THÔNG|QUYẾT)"
_LEGAL_CODE = re.compile(
    rf"\d+(?:\.\d+)?/\d{{4}}/(?:QH\d{{2}}|(?:[A-ZĐ0-9]+-)*[A-ZĐ0-9]+?{_CODE_END})"
)
_SECTION = re.compile(r"\*\s*(Giấy tờ phải nộp|Giấy tờ phải xuất trình)\s*:?")
_TABLE_HEADER = re.compile(r"Tên giấy tờ\s*Mẫu đơn, tờ khai\s*Số lượng")


@dataclass
class Channel:
    channel: str  # in_person | online | post
    time_value: float | None
    time_unit: str | None  # working_days | days | hours | months
    fee_vnd: int | None  # None: not stated; 0: free
    description: str


@dataclass
class Component:
    name: str
    originals: int
    copies: int
    template: str
    presented: bool  # to show, not to hand in


@dataclass
class Parsed:
    channels: list[Channel] = field(default_factory=list)
    components: list[Component] = field(default_factory=list)
    result: str = ""
    legal_basis: list[dict[str, str]] = field(default_factory=list)
    levels: list[str] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _described_amounts(description: str) -> set[int]:
    return {int(re.sub(r"[.,]", "", m.group(1))) for m in _DESCRIBED_AMOUNT.finditer(description)}


def parse_channels(text: str, problems: list[tuple[str, str]]) -> list[Channel]:
    """'Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến5 Ngày làm việcMiễn phí(...)...'"""
    body = text.split("Mô tả", 1)[1] if "Mô tả" in text else text
    pieces = _CHANNEL.split(body)
    channels: list[Channel] = []
    for name, rest in zip(pieces[1::2], pieces[2::2], strict=True):
        code = CHANNELS[name]
        value: float | None = None
        unit: str | None = None
        fee: int | None = None
        timed = _TIME_WITH_UNIT.match(rest)
        if timed:
            value, unit = _number(timed.group(1)), UNITS[timed.group(2).lower()]
            rest = rest[timed.end() :]
            fee, rest = _fee(rest, code, problems)
        else:
            value, fee, rest = _time_glued_to_fee(rest, code, problems)
        channels.append(Channel(code, value, unit, fee, rest.strip(" ()\t\n")))
    if not channels:
        problems.append(
            ("channels", "no channel (Trực tiếp / Trực tuyến / Dịch vụ bưu chính) found")
        )
    return channels


def _fee(rest: str, channel: str, problems: list[tuple[str, str]]) -> tuple[int | None, str]:
    free = _FREE.match(rest)
    if free:
        stated = free.group(1).lower() == "miễn phí"
        return (0 if stated else None), rest[free.end() :]
    amount = _AMOUNT.match(rest)
    if amount:
        value = int(amount.group(1).replace(",", ""))
        described = _described_amounts(rest[amount.end() :])
        if value not in described and value * 1000 in described:
            value *= 1000  # the portal shows some fees in thousands: '100 VNĐ(100.000 đồng/lần)'
        return value, rest[amount.end() :]
    foreign = _FOREIGN.match(rest)
    if foreign:
        problems.append(("fee", f"{channel}: fee in {foreign.group(1)}, kept in the description"))
        return None, rest
    problems.append(("fee", f"{channel}: no fee in «{rest[:40]}»"))
    return None, rest


def _time_glued_to_fee(
    rest: str, channel: str, problems: list[tuple[str, str]]
) -> tuple[float | None, int | None, str]:
    """No unit after the time: '1Miễn phí' is clear; '1100 VNĐ(100.000 đồng)' is settled by the
    amounts in the description, or flagged."""
    digits = re.match(r"^\s*(\d+)", rest)
    if not digits:
        problems.append(("time", f"{channel}: no processing time"))
        fee, rest = _fee(rest, channel, problems)
        return None, fee, rest
    after = rest[digits.end() :]
    if _FREE.match(after):
        problems.append(("time_unit", f"{channel}: time {digits.group(1)} has no unit"))
        fee, rest = _fee(after, channel, problems)
        return float(digits.group(1)), fee, rest
    glued = _AMOUNT.match(rest)
    if not glued:
        problems.append(("time", f"{channel}: cannot read «{rest[:40]}»"))
        return None, None, rest
    number = glued.group(1).replace(",", "")
    described = _described_amounts(rest[glued.end() :])
    for cut in range(1, len(number)):
        fee = int(number[cut:]) if number[cut:] else 0
        if fee in described or fee * 1000 in described:
            problems.append(("time_unit", f"{channel}: time {number[:cut]} has no unit"))
            return float(number[:cut]), fee if fee in described else fee * 1000, rest[glued.end() :]
    problems.append(("fee", f"{channel}: time and fee run together in «{glued.group(0)}»"))
    return None, None, rest[glued.end() :]


def parse_components(text: str, problems: list[tuple[str, str]]) -> list[Component]:
    components: list[Component] = []
    presented = False
    position = 0
    chunks = _SECTION.split(text)
    # _SECTION.split gives [before, title, body, title, body, ...]
    sections = [(None, chunks[0]), *zip(chunks[1::2], chunks[2::2], strict=True)]
    for title, body in sections:
        if title is not None:
            presented = "xuất trình" in title
        body = _TABLE_HEADER.sub("", body)
        position = 0
        for m in _COUNT.finditer(body):
            name = body[position : m.start()].strip(" -–\n\t;")
            position = m.end()
            name, template = _split_template(name)
            if not name:
                continue
            components.append(
                Component(name[:1000], int(m.group(1)), int(m.group(2) or 0), template, presented)
            )
    if not components and text.strip() and "Không có thông tin" not in text:
        problems.append(("components", "no 'N bản chính' counts found"))
    return components


def _split_template(name: str) -> tuple[str, str]:
    """'Tờ khai theo mẫuTo khai.docx' -> ('Tờ khai theo mẫu', 'To khai.docx'): the file name
    starts after the last ';' or where a lower-case letter runs into an upper-case one."""
    if not _TEMPLATE_EXT.search(name):
        return name, ""
    starts = [i + 1 for i, ch in enumerate(name) if ch == ";"]
    starts += [i for i in range(1, len(name)) if name[i - 1].islower() and name[i].isupper()]
    cut = max(starts) if starts else name.rstrip().rfind(" ") + 1
    return name[:cut].strip(" ;"), name[cut:].strip()


def parse_result(text: str) -> str:
    name = text.split("Mã:", 1)[0].split("Từ khóa", 1)[0]
    return " ".join(name.split())[:500]


def _glued_title_start(title: str) -> str:
    """'… của Bộ Tư phápThông tư số' -> '… của Bộ Tư pháp': a column's code that begins with
    words ('Thông tư số 03/2023/TT-BTP') leaves them glued to the end of the title."""
    cuts = [
        i
        for i in range(1, len(title) - 1)
        if not (title[i - 1].isspace() or title[i - 1].isupper())
        and title[i].isupper()
        and title[i + 1].islower()
    ]
    return title[: cuts[-1]] if cuts else title


def _ends_an_entry(body: str, m: re.Match[str]) -> bool:
    """The code column is glued to its title ('Luật Hộ tịch123/2015/NĐ-CP') or to the next
    title ('…/TT-BTPThông tư …'); a code quoted inside a title follows a space
    ('Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 …')."""
    before = body[m.start() - 1] if m.start() else " "
    after = body[m.end() : m.end() + 2]
    starts_title = len(after) == 2 and after[0].isupper() and after[1].islower()
    return not before.isspace() or starts_title or not body[m.end() :].strip()


def parse_legal_basis(text: str, problems: list[tuple[str, str]]) -> list[dict[str, str]]:
    """'Tên văn bản pháp lýMã văn bản' then, per document, its title and its code run
    together: the title is everything up to the code that ends the entry."""
    body = text.replace("Tên văn bản pháp lýMã văn bản", "", 1)
    out: list[dict[str, str]] = []
    position = 0
    for m in _LEGAL_CODE.finditer(body):
        if not _ends_an_entry(body, m):
            continue
        title = " ".join(body[position : m.start()].split()).strip(" .;")
        if m.start() > 0 and body[m.start() - 1].isspace():  # code column starting with words
            title = _glued_title_start(title)
        position = m.end()
        out.append({"title": title[:500], "code": m.group(0)})
    rest = " ".join(body[position:].split()).strip(" .;")
    quoted = _LEGAL_CODE.search(rest)
    if quoted:  # a last title without its code column ('Nghị định số 46/2020/NĐ-CP46/2020')
        out.append({"title": rest[:500], "code": quoted.group(0)})
    if not out and body.strip() and "Không có thông tin" not in body:
        problems.append(("legal_basis", "no document code (NN/YYYY/TYPE) found"))
    return out


def parse_levels(text: str) -> list[str]:
    mapping = {"Cấp xã": "commune", "Cấp tỉnh": "province", "Cấp bộ": "ministry"}
    return [code for label, code in mapping.items() if label in text] or ["other"]


def parse_record(record: dict[str, str]) -> Parsed:
    parsed = Parsed()
    parsed.channels = parse_channels(record.get("cach_thuc_thuc_hien", ""), parsed.problems)
    parsed.components = parse_components(record.get("thanh_phan_ho_so", ""), parsed.problems)
    parsed.result = parse_result(record.get("ket_qua_xu_ly", ""))
    if not parsed.result:
        parsed.problems.append(("result", "empty"))
    parsed.legal_basis = parse_legal_basis(record.get("can_cu_phap_ly", ""), parsed.problems)
    parsed.levels = parse_levels(record.get("cap_thuc_hien", ""))
    return parsed
