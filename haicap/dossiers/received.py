"""What the counter received, checked against the procedure's checklist.

The officer ticks, per item of `procedures.requirements.checklist_for`, what was handed in
(originals, certified copies, copies) or shown. "Complete" is allowed only when every required
item is ticked; otherwise the supplement request lists exactly the unticked required items. The
counter form, the API and the demo all come through `received_clean` and `intake_checked`.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext, gettext_lazy
from django.utils.translation import gettext as _

from haicap.core.errors import ApplicationError
from haicap.procedures.models import Procedure
from haicap.procedures.requirements import Checklist, Item, checklist_for

FIELD = "received_items"
UNKNOWN_KEY = gettext_lazy("Giấy tờ «{key}» không có trong danh mục của thủ tục {code}.")
BAD_COUNT = gettext_lazy("Số bản của «{name}» phải là số nguyên từ 0 đến {most}.")
NOTHING_COUNTED = gettext_lazy("«{name}»: đánh dấu đã nhận thì phải có ít nhất một bản.")
NOT_A_LIST = gettext_lazy("Giấy tờ đã nhận phải là một danh sách (key, số bản chính, bản sao có chứng thực, bản sao).")
INCOMPLETE = gettext_lazy(
    "Hồ sơ chưa đủ, chưa thể tiếp nhận: còn thiếu {names}. "
    "Chọn «Thiếu» để in phiếu yêu cầu bổ sung."
)
MISSING_REASON = "Chưa nộp"  # vi-only: stored in the supplement request, printed on form 02
MOST_COPIES = 20
COUNTS = ("originals", "certified", "copies")


def _count(entry: dict[str, Any], field: str, item: Item) -> int:
    value = entry.get(field, 0)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if value in ("", None):
        value = 0
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MOST_COPIES:
        raise ApplicationError(
            BAD_COUNT.format(name=item.name[:80], most=MOST_COPIES),
            extra={"field": FIELD, "key": item.key, "count": field},
            status=422,
        )
    return value


def received_clean(procedure: Procedure, entries: Any) -> list[dict[str, Any]]:
    """The ticked items, in the checklist's order, each with its counts (422 naming
    `received_items` for an unknown key, a bad count or a ticked item with no copy)."""
    if not isinstance(entries, list):
        raise ApplicationError(NOT_A_LIST, extra={"field": FIELD}, status=422)
    checklist = checklist_for(procedure)
    by_key: dict[str, dict[str, Any]] = {}
    for entry in entries:
        key = str(entry.get("key", "")).strip() if isinstance(entry, dict) else ""
        item = checklist.item(key)
        if item is None:
            raise ApplicationError(
                UNKNOWN_KEY.format(key=key[:60], code=procedure.code),
                extra={"field": FIELD, "key": key[:60]},
                status=422,
            )
        counts = {field: _count(entry, field, item) for field in COUNTS}
        if not any(counts.values()):
            raise ApplicationError(
                NOTHING_COUNTED.format(name=item.name[:80]),
                extra={"field": FIELD, "key": key},
                status=422,
            )
        by_key[key] = {"key": key, "name": item.name, "kind": item.kind, **counts}
    return [by_key[i.key] for i in checklist.items if i.key in by_key]


def unticked_required(checklist: Checklist, received: list[dict[str, Any]]) -> list[Item]:
    ticked = {r["key"] for r in received}
    return [i for i in checklist.required() if i.key not in ticked]


def _copy_kind(item: Item) -> str:
    if item.originals:
        return "original"
    return "certified" if item.certified else ("copy" if item.copies else "original")


def missing_as_supplement(items: list[Item]) -> list[dict[str, str]]:
    """Form 02's lines for the unticked required items."""
    return [{"name": i.name, "kind": _copy_kind(i), "reason": MISSING_REASON} for i in items]


def intake_checked(
    procedure: Procedure,
    received: list[dict[str, Any]],
    outcome: str,
    missing_items: list[dict[str, str]] | None,
) -> list[dict[str, str]] | None:
    """The counter's outcome against the checklist: "accept" needs every required item; a
    supplement request lists the unticked required items (the officer's own lines only when
    every required item was ticked, e.g. a paper that is illegible)."""
    missing = unticked_required(checklist_for(procedure), received)
    if outcome == "accept" and missing:
        raise ApplicationError(
            INCOMPLETE.format(names="; ".join(i.name for i in missing)),
            extra={"field": FIELD, "missing": [i.key for i in missing]},
            status=422,
        )
    if outcome == "supplement" and missing:
        return missing_as_supplement(missing)
    return missing_items


def received_lines(received: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """For the slip: each item with its copies in words ('1 bản chính, 2 bản sao')."""
    lines = []
    for r in received:
        parts = []
        if r.get("originals"):
            parts.append(gettext("{originals} bản chính").format(originals=r["originals"]))
        if r.get("certified"):
            parts.append(gettext("{certified} bản sao có chứng thực").format(certified=r["certified"]))
        if r.get("copies"):
            parts.append(gettext("{copies} bản sao").format(copies=r["copies"]))
        lines.append({**r, "copies_text": ", ".join(parts)})
    return lines


def received_from_form(post: Any) -> list[dict[str, Any]] | None:
    """The counter form's ticks: `received` (one value per ticked key) and the counts
    `n-<key>-originals`, `n-<key>-certified`, `n-<key>-copies`. None when the form had no
    checklist (a procedure whose record names no paper)."""
    if not post.get("checklist_for"):
        return None
    entries = []
    for key in post.getlist("received"):
        entry: dict[str, Any] = {"key": key}
        for field in COUNTS:
            text = post.get(f"n-{key}-{field}", "").strip()
            entry[field] = int(text) if text.isascii() and text.isdigit() and len(text) < 4 else (
                text or 0
            )
        entries.append(entry)
    return entries


def checklist_rows(procedure: Procedure, post: Any | None = None) -> dict[str, Any]:
    """The counter's checklist: the items grouped (to submit, to present, when needed), each
    with its tick and counts as the officer left them (or the record's counts)."""
    checklist = checklist_for(procedure)
    ticked = set(post.getlist("received")) if post is not None else set()

    def row(item: Item) -> dict[str, Any]:
        # "1 bản chính, 1 bản sao" in the record means either: the form offers the original
        usual = {**item.counts(), "copies": 0 if item.originals else item.copies}
        counts = {
            f: (post.get(f"n-{item.key}-{f}") if post is not None else None) or usual[f]
            for f in COUNTS
        }
        return {"item": item, "ticked": item.key in ticked, **counts}

    submit = [row(i) for i in checklist.to_submit() if i.required]
    present = [row(i) for i in checklist.to_present() if i.required]
    conditional = [row(i) for i in checklist.conditional()]
    return {
        "procedure": procedure,
        "submit": submit,
        "present": present,
        "conditional": conditional,
        "groups": [
            (_("Giấy tờ phải nộp"), submit),
            (_("Giấy tờ phải xuất trình (đối chiếu rồi trả lại)"), present),
            (_("Giấy tờ theo trường hợp (chỉ đánh dấu khi có)"), conditional),
        ],
        "notes": checklist.notes,
        "curated": checklist.curated,
    }
