"""Structuring a national record's "Thành phần hồ sơ" into a `Checklist`.

The portal's table lost its separators: a row is its text run into "N bản chính[, M bản sao]".
Sections start with "* Giấy tờ phải nộp:", "* Giấy tờ phải xuất trình:", "* Lưu ý:" (notes
only) or "--". A row becomes a note when it is guidance: it asks for nothing (0 copies), it
belongs to the notes section, it is a heading ("Đối với …:") or a sub-point ("+ …"), or it
tells the officer what to do. A row that opens with "Trường hợp … thì" or names "trong trường
hợp …" is a conditional item. What could not be read is reported per field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from haicap.core.text import fold
from haicap.procedures.requirements import PRESENT, SUBMIT, Checklist, Item, Kind

_SECTION = re.compile(r"(\*\s*[^:*]{2,80}?\s*:|--)(?=\s*Tên giấy tờ|\s*[-+A-ZĐ(])")
_HEADER = re.compile(r"Tên giấy tờ\s*Mẫu đơn, tờ khai\s*Số lượng")
_COUNT = re.compile(
    r"(\d+)\s*bản chính(?:\s*(?:,|hoặc)\s*(\d+)\s*bản sao(\s*(?:có\s*)?chứng thực)?)?"
    r"|(\d+)\s*bản sao(\s*(?:có\s*)?chứng thực)?"
)
_BULLET = re.compile(r"^\s*(?:[-+–•]|\(?[0-9]{1,2}[.)]|\(?[a-zđ][)]|\([ivx]+\))\s*")
_TEMPLATE = re.compile(r"([^;]*?)\.(?:docx?|pdf|xlsx?|odt)\s*$", re.IGNORECASE)
_FORM_NO = re.compile(r"[Mm]ẫu(?: số)?\s*([0-9]{1,3}[A-Za-zĐđ0-9/._-]*)")
_CONDITION_HEAD = re.compile(
    r"^(?:Trường hợp|Nếu|Đối với trường hợp)\s+(.+?)\s+(?:thì|(?=phải (?:có|nộp)))\s*(.+)$", re.S
)
_CONDITION_TAIL = re.compile(r"^(.+?)\s*,?\s*((?:trong|đối với) trường hợp\s+.+?)$", re.S)
_ASK = re.compile(
    r"^(?:phải\s+)?(?:có|nộp lại|nộp|xuất trình|cung cấp|bổ sung|kèm theo|gửi kèm)\s+", re.I
)
# guidance for the officer or the applicant, never a paper to hand in
_GUIDANCE = re.compile(
    r"người tiếp nhận|có trách nhiệm|không phải (?:nộp|xuất trình|tải lên|chứng thực)|"
    r"không được yêu cầu|cơ quan đăng ký hộ tịch (?:từ chối|yêu cầu|có thẩm quyền)|"
    r"^cá nhân có quyền|^người yêu cầu .{0,40}có thể|được sử dụng",
    re.I,
)
_EFORM = re.compile(r"điện tử tương tác|biểu mẫu điện tử|tờ khai điện tử|e-?form", re.I)
_DECLARATION = re.compile(r"^(?:Tờ khai|Đơn|Phiếu|Văn bản đề nghị|Bản khai)", re.I)


@dataclass
class Row:
    """One table row as the portal printed it."""

    section: str  # submit | present | notes
    condition: str  # set by a conditional section ("* Trường hợp ủy quyền …:")
    text: str
    originals: int
    copies: int
    certified: int


def _section_kind(title: str) -> tuple[str, str]:
    folded = fold(title)
    if "luu y" in folded or "so luong ho so" in folded:
        return "notes", ""
    if "xuat trinh" in folded:
        return PRESENT, ""
    if "truong hop" in folded:
        return SUBMIT, title.strip("*: ").strip()
    return SUBMIT, ""


def split_rows(text: str) -> list[Row]:
    """The rows, each with its section and counts; text between counts is one row."""
    rows: list[Row] = []
    chunks = _SECTION.split(text)
    sections = [("", chunks[0]), *zip(chunks[1::2], chunks[2::2], strict=True)]
    for title, body in sections:
        section, condition = _section_kind(title) if title else (SUBMIT, "")
        body = _HEADER.sub("", body)
        position = 0
        for m in _COUNT.finditer(body):
            row_text = body[position : m.start()]
            position = m.end()
            if m.group(4) is not None:
                originals, copies, certified_mark = 0, int(m.group(4)), m.group(5)
            else:
                originals, copies, certified_mark = int(m.group(1)), int(m.group(2) or 0), m.group(3)
            certified = copies if certified_mark else 0
            rows.append(
                Row(section, condition, " ".join(row_text.split()), originals,
                    0 if certified_mark else copies, certified)
            )
    return rows


def _is_note(row: Row, text: str) -> bool:
    raw = row.text.lstrip()
    first = _name_and_detail(text)[0]
    return (
        row.section == "notes"
        or row.originals + row.copies + row.certified == 0
        or raw.startswith("+")
        or text.endswith(":")
        or bool(_GUIDANCE.search(first))
    )


def _split_template(text: str) -> tuple[str, str]:
    """'Tờ khai theo mẫuTo khai.docx' -> ('Tờ khai theo mẫu', 'To khai')."""
    m = _TEMPLATE.search(text)
    if not m:
        return text, ""
    head = text[: m.start()] + m.group(1)
    starts = [i + 1 for i, ch in enumerate(head) if ch == ";"]
    starts += [i for i in range(1, len(head)) if head[i - 1].islower() and head[i].isupper()]
    cut = max(starts) if starts else head.rfind(" ") + 1
    return head[:cut].strip(" ;"), head[cut:].strip()


def _name_and_detail(text: str) -> tuple[str, str]:
    """The first sentence names the paper; the rest is detail (exemptions, explanations)."""
    parts = re.split(r"(?<=[.;])\s+(?=[A-ZĐ])", text, maxsplit=1)
    name = parts[0].rstrip(" .;")
    return name, (parts[1].strip() if len(parts) > 1 else "")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _condition(name: str) -> tuple[str, str]:
    """('Trường hợp trẻ em bị bỏ rơi', 'Biên bản …') from 'Trường hợp trẻ em bị bỏ rơi thì phải
    có biên bản …'; ('', name) when the row asks for the paper in every case."""
    head = _CONDITION_HEAD.match(name)
    if head:
        condition = re.sub(r"\s+thì\s*$", "", name[: head.start(2)].strip()).strip(" ,")
        return condition, _capital(_ASK.sub("", head.group(2)).strip())
    tail = _CONDITION_TAIL.match(name)
    if tail and len(tail.group(1)) > 8:
        return _capital(tail.group(2).strip(" ,.")), tail.group(1).strip(" ,")
    return "", name


class _Keys:
    """Stable keys from the name's first words: 'giay-chung-sinh', then '-2' for a repeat."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, name: str) -> str:
        words = re.findall(r"[a-z0-9]+", fold(name))[:6]
        base = "-".join(words) or "giay-to"
        key, n = base, 2
        while key in self.used:
            key, n = f"{base}-{n}", n + 1
        self.used.add(key)
        return key


def _item(row: Row, text: str, keys: _Keys, problems: list[tuple[str, str]]) -> Item:
    text, template = _split_template(text)
    name, detail = _name_and_detail(text)
    condition, name = _condition(name)
    condition = condition or row.condition
    form = _FORM_NO.search(name)
    form_name = template or (f"Mẫu số {form.group(1)}" if form else "")
    if not form_name and re.search(r"theo mẫu", name, re.I):
        problems.append(("form", f"«{name[:60]}»: 'theo mẫu' without the form's name"))
    if fold(name).startswith("truong hop"):
        problems.append(("condition", f"«{name[:60]}»: condition without 'thì'"))
    kind: Kind = PRESENT if row.section == PRESENT else SUBMIT
    return Item(
        key=keys(name), name=name[:300], kind=kind, required=not condition,
        condition=condition[:300], originals=row.originals, certified=row.certified,
        copies=row.copies, form_name=form_name[:200], eform=bool(_EFORM.search(name)),
        detail=detail[:1000],
    )


def parse_checklist(text: str) -> Checklist:
    out = Checklist()
    keys = _Keys()
    for row in split_rows(text):
        body = _BULLET.sub("", row.text).strip()
        if not body:
            out.problems.append(("components", "a count with no paper named before it"))
            continue
        if _is_note(row, body):
            out.notes.append(body)
            continue
        out.items.append(_item(row, body, keys, out.problems))
    out.items = _absorb_eforms(out.items)
    if not out.items and text.strip() and "Không có thông tin" not in text:
        out.problems.append(("components", "no paper with a count ('N bản chính') found"))
    return out


def _absorb_eforms(items: list[Item]) -> list[Item]:
    """An interactive e-form row replaces the paper declaration: one item, marked `eform`."""
    eforms = [i for i in items if i.eform and not _DECLARATION.match(i.name)]
    declaration = next((i for i in items if _DECLARATION.match(i.name)), None)
    if not eforms or declaration is None:
        return items
    return [
        Item(**{**i.as_dict(), "eform": True}) if i is declaration else i
        for i in items
        if i not in eforms
    ]
