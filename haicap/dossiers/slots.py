"""Upload slots of the online form, one per checklist item to submit
(`procedures.requirements.checklist_for`): labelled with the item's name, required or
conditional ("Trường hợp…", off until the citizen says it applies), with the types
`core.uploads` accepts. A required slot left empty is a 422 naming the slot; each stored file
keeps its item's key. Where an e-form replaces the item's paper form, its slot is optional."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy

from haicap.core.errors import ApplicationError
from haicap.core.fielderrors import Collector
from haicap.core.uploads import EXTENSIONS, MAX_FILE_BYTES
from haicap.dossiers.eforms import EForm, eform_for
from haicap.procedures.requirements import checklist_for

ACCEPT = ",".join(
    [".pdf", ".jpg", ".jpeg", ".png", *sorted(EXTENSIONS)]
)  # the browser's file picker; the bytes are what core.uploads checks
ACCEPTED_LABEL = "PDF, JPEG, PNG"
OTHER_KEY, OTHER_LABEL = "", gettext_lazy("Giấy tờ khác")
LABEL_MOST = 200
SLOT_EMPTY = gettext_lazy("Chưa tải lên «{label}» (bắt buộc).")
CONDITION_EMPTY = gettext_lazy("Bạn chọn «{condition}» nhưng chưa tải lên «{label}».")
UNKNOWN_SLOT = gettext_lazy("Thủ tục {code} không có thành phần hồ sơ «{key}» để tải lên.")
NO_FILES = gettext_lazy("Cần tải lên ít nhất một thành phần hồ sơ (PDF, JPEG hoặc PNG).")


def _label(name: str) -> str:
    """The item's name; a long one shortened at a word, never in the middle of one."""
    name = " ".join(name.split())
    if len(name) <= LABEL_MOST:
        return name
    return name[:LABEL_MOST].rsplit(" ", 1)[0].rstrip(",;:") + "…"


@dataclass(frozen=True)
class Slot:
    key: str
    label: str
    required: bool  # as the citizen meets it: False for conditional and e-form slots
    condition: str = ""
    detail: str = ""
    eform: EForm | None = None

    @property
    def field(self) -> str:
        return f"slot_{self.key}"

    @property
    def applies_field(self) -> str:
        return f"applies_{self.key}"

    @property
    def conditional(self) -> bool:
        return bool(self.condition)


def slots_for(procedure: Any) -> list[Slot]:
    """The slots of a procedure, in the checklist's order: required ones first."""
    slots = []
    for item in checklist_for(procedure).to_submit():
        form = eform_for(item.form_name) if item.eform else None
        slots.append(
            Slot(
                key=item.key,
                label=_label(item.name),
                required=item.required and form is None,
                condition=item.condition if not item.required else "",
                detail=item.detail,
                eform=form,
            )
        )
    return sorted(slots, key=lambda s: (not s.required, s.conditional))


def slot_label(procedure: Any, item_key: str) -> str:
    """The label of a procedure's slot by its key; an unknown key is a 422 naming item_key."""
    slot = next((s for s in slots_for(procedure) if s.key == item_key), None)
    if slot is None:
        raise ApplicationError(
            UNKNOWN_SLOT.format(key=item_key[:40], code=procedure.code),
            extra={"field": "item_key"},
            status=422,
        )
    return slot.label


def eform_of(slots: list[Slot]) -> EForm | None:
    return next((s.eform for s in slots if s.eform is not None), None)


Upload = tuple[str, str, str, bytes]  # item key, component label, file name, content


def uploads_from(slots: list[Slot], files: Any, data: Any, *, declared: bool) -> list[Upload]:
    """The files of a multipart form (`request.FILES`, `request.POST`) by slot, checked for
    presence: a required slot left empty, or a conditional one whose condition the citizen
    ticked, is a 422 naming it. Types and sizes are checked when they are stored."""
    uploads: list[Upload] = []
    errors = Collector()  # every empty slot at once
    for slot in slots:
        got = [
            (slot.key, slot.label, f.name or "", f.read(MAX_FILE_BYTES + 1))
            for f in files.getlist(slot.field)
        ]
        if not got and slot.required:
            errors.add(slot.field, SLOT_EMPTY.format(label=slot.label))
        if not got and slot.conditional and data.get(slot.applies_field):
            errors.add(
                slot.field, CONDITION_EMPTY.format(condition=slot.condition, label=slot.label)
            )
        uploads += got
    errors.done()
    uploads += [
        (OTHER_KEY, str(OTHER_LABEL), f.name or "", f.read(MAX_FILE_BYTES + 1))
        for f in files.getlist("file_other")
    ]
    if not uploads and not declared:
        raise ApplicationError(NO_FILES, extra={"field": "files"}, status=422)
    return uploads
