"""The structuring of the whole catalogue in figures: `haicap procedures checklist-report`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from haicap.procedures.requirements import checklist_for


@dataclass
class StructuringReport:
    procedures: int = 0
    curated: int = 0
    with_items: int = 0
    submit: int = 0
    present: int = 0
    conditional: int = 0
    eform: int = 0
    with_form: int = 0
    notes: int = 0
    # per field: records where something could not be structured
    unstructured: Counter[str] = field(default_factory=Counter)

    def add(self, procedure: Any) -> None:
        checklist = checklist_for(procedure)
        self.procedures += 1
        self.curated += checklist.curated
        self.with_items += bool(checklist.items)
        self.submit += len(checklist.to_submit())
        self.present += len(checklist.to_present())
        self.conditional += len(checklist.conditional())
        self.eform += sum(i.eform for i in checklist.items)
        self.with_form += sum(bool(i.form_name) for i in checklist.items)
        self.notes += len(checklist.notes)
        fields = {name for name, _ in checklist.problems}
        fields |= {name for name, *_ in (procedure.parse_problems or [])}
        self.unstructured.update(fields)

    def lines(self) -> list[str]:
        items = self.submit + self.present
        out = [
            f"procedures: {self.procedures} ({self.curated} hand-checked, "
            f"{self.with_items} with at least one item)",
            f"items: {items} ({self.submit} to submit, {self.present} to present)",
            f"conditional items: {self.conditional}",
            f"items with a form named: {self.with_form}; replaced online by an e-form: {self.eform}",
            f"notes: {self.notes}",
            "not structured, per field (records):",
        ]
        out += [f"  {name}: {n}" for name, n in sorted(self.unstructured.items())]
        return out


def structuring_report(procedures: Iterable[Any]) -> StructuringReport:
    report = StructuringReport()
    for procedure in procedures:
        report.add(procedure)
    return report
