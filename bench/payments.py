"""Benchmark: matching a bank statement to the dossiers awaiting their fee.

A throwaway SQLite database (or HAICAP_DATABASE_URL) with the real units and procedures, N
dossiers (default 100,000) awaiting a fee in the wards of Ho Chi Minh City, and a statement of
M lines (default 10,000) as Vietcombank exports it (.xlsx): 85% exact transfers with the memo
written in the ways people write it, the rest paid short, paid too much, paid twice, without a
reference or with a reference of no dossier. Measured:

- reading the file (`statement_lines`);
- matching (`dossiers_named` + `decide`: the dossiers looked up in chunks by the id the
  reference names), against a same-run baseline that looks each line's dossier up by itself;
- the whole import as the finance officer runs it (`statement_import`: recorded, matched, each
  paid dossier's step, receipts, counters, audit), and importing the same file again.

Prints one JSON line. Targets: matching 10,000 lines in under 2 s; every exact transfer matched,
every other line queued with the reason it was made with; the second import adds nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import time
from collections import Counter
from typing import Any

from _setup import django_with_reference_data, machine

STYLES = ("{name} chuyen tien {memo}", "MBVCB.{n}.{memo}.CT tu 0071000{n}", "{spaced} nop phi",
          "IBFT {lower}", "{memo}")


def dossiers(n: int) -> list[Any]:
    from django.utils import timezone

    from haicap.dossiers.models import Dossier, Payment, Status
    from haicap.procedures.models import Procedure
    from haicap.units.models import Unit

    wards = list(Unit.objects.current().filter(level="commune", province_code="79"))
    procedure = Procedure.objects.filter(level_codes__contains="commune").first()
    now = timezone.now()
    rows = [
        Dossier(
            code=f"{w.code}-BENCH-{i:06d}", province_code="79", procedure=procedure,
            receiving_unit=w, competent_unit=w, return_unit=w, holder_unit_code=w.code,
            channel="online", status=Status.AWAITING_PAYMENT, applicant_name="NGUYEN VAN A",
            applicant_id_number="079190001234", applicant_phone="0903123456",
            applicant_address="Bến Thành", registered_at=now, received_at=now, time_value=5,
            time_unit="working_days", fee_vnd=random.choice((20_000, 50_000, 100_000)),
            payment=Payment.UNPAID,
        )
        for i, w in ((i, wards[i % len(wards)]) for i in range(n))
    ]
    Dossier.objects.bulk_create(rows, batch_size=5000)
    return list(Dossier.objects.order_by("pk").values_list("pk", "fee_vnd"))


def statement(pairs: list[tuple[int, int]], m: int, rng: random.Random) -> tuple[bytes, Counter]:
    """The statement file and the reason each line was made with ("" for an exact one)."""
    from openpyxl import Workbook

    from haicap.dossiers.vietqr import fee_memo
    from haicap.payments.reference import reference_for

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["SAO KÊ TÀI KHOẢN"])
    sheet.append(["STT", "Ngày giao dịch", "Số tham chiếu", "Số tiền ghi nợ", "Số tiền ghi có",
                  "Số dư", "Nội dung chi tiết"])
    made: Counter = Counter()
    picks = rng.sample(pairs, m)
    paid: list[tuple[int, int]] = []
    for i, (pk, fee) in enumerate(picks):
        roll = rng.random()
        memo, amount, reason = fee_memo(pk), fee, ""
        if roll < 0.05:
            amount, reason = fee - 10_000, "partial"
        elif roll < 0.08:
            amount, reason = fee + 10_000, "overpaid"
        elif roll < 0.11:
            memo, reason = "NGUYEN VAN A chuyen tien le phi", "no_reference"
        elif roll < 0.13:
            memo, reason = f"PHI {reference_for(9_000_000_000 + i)}", "unknown_reference"
        elif roll < 0.15 and paid:
            pk, fee = paid[-1]
            memo, amount, reason = f"{fee_memo(pk)} lan 2", fee, "already_paid"
        if not reason:
            paid.append((pk, fee))
        text = rng.choice(STYLES).format(
            name="NGUYEN THI MAI", n=i, memo=memo, spaced=memo[:6] + " " + memo[6:],
            lower=memo.lower(),
        ) if not reason or reason in ("partial", "overpaid") else memo
        made[reason] += 1
        sheet.append([i + 1, f"02/07/2025 {8 + i % 9:02d}:{i % 60:02d}:00", f"FT{i:09d}", "",
                      f"{amount:,}".replace(",", "."), "", text])
    import io

    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), made


def match_in_chunks(lines: list[Any], scope: Any) -> list[str]:
    """The import's matching: the named dossiers looked up in chunks, then one decision a line."""
    from haicap.payments.matching import decide, dossiers_named

    found = dossiers_named((x.memo for x in lines), "79")
    paid: set[int] = set()
    reasons = []
    for line in lines:
        decision = decide(line.amount, line.memo, found, scope, paid)
        if decision.state == "matched":
            paid.add(decision.dossier.pk)
        reasons.append(decision.reason)
    return reasons


def match_line_by_line(lines: list[Any], scope: Any) -> list[str]:
    """The baseline: each line's dossier looked up by itself, then the same decision."""
    from haicap.dossiers.models import Dossier
    from haicap.payments.matching import decide
    from haicap.payments.reference import dossier_id_of, references_in

    paid: set[int] = set()
    reasons = []
    for line in lines:
        one = {}
        for ref in references_in(line.memo):
            d = Dossier.objects.select_related("competent_unit").filter(
                pk=dossier_id_of(ref) or 0, province_code="79"
            ).first()
            if d is not None:
                one[d.pk] = d
        decision = decide(line.amount, line.memo, one, scope, paid)
        if decision.state == "matched":
            paid.add(decision.dossier.pk)
        reasons.append(decision.reason)
    return reasons


def run(n: int, m: int, seed: int) -> dict[str, Any]:
    from django.contrib.auth import get_user_model

    from haicap.core.permissions import scope_for
    from haicap.core.roles import Role
    from haicap.core.services import membership_grant
    from haicap.payments.models import BankTransaction
    from haicap.payments.rights import PaymentPerm
    from haicap.payments.services import statement_import
    from haicap.payments.statements import statement_lines
    from haicap.units.models import Unit

    rng = random.Random(seed)
    random.seed(seed)
    hcmc = Unit.objects.current().get(level="province", code="79")
    officer = get_user_model().objects.create_user("ketoan.bench")
    membership_grant(user=officer, role=Role.FINANCE_OFFICER, unit=hcmc, actor=None)
    t = time.perf_counter()
    pairs = dossiers(n)
    made_s = time.perf_counter() - t
    content, made = statement(pairs, m, rng)

    t = time.perf_counter()
    lines = statement_lines(content, "bench.xlsx")
    parse_s = time.perf_counter() - t
    scope = scope_for(officer, PaymentPerm.IMPORT)

    t = time.perf_counter()
    ours = match_in_chunks(lines, scope)
    match_s = time.perf_counter() - t
    t = time.perf_counter()
    base = match_line_by_line(lines, scope)
    base_s = time.perf_counter() - t

    t = time.perf_counter()
    batch = statement_import(content=content, filename="bench.xlsx", unit=hcmc, actor=officer)
    import_s = time.perf_counter() - t
    t = time.perf_counter()
    again = statement_import(content=content, filename="bench.xlsx", unit=hcmc, actor=officer)
    again_s = time.perf_counter() - t
    stored = Counter(BankTransaction.objects.values_list("reason", flat=True))
    return {
        "dossiers": n, "lines": len(lines), "dossiers_made_s": round(made_s, 1),
        "parse_s": round(parse_s, 2), "lines_per_s_parse": round(len(lines) / parse_s),
        "match_s": round(match_s, 3), "lines_per_s_match": round(len(lines) / match_s),
        "baseline_per_line_lookup_s": round(base_s, 3),
        "baseline_lines_per_s": round(len(lines) / base_s),
        "speedup": round(base_s / match_s, 1),
        "same_decisions_as_baseline": ours == base,
        "made": dict(made), "decided": dict(Counter(ours)), "stored": dict(stored),
        "all_as_made": dict(Counter(ours)) == {k: v for k, v in made.items()},
        "import_s": round(import_s, 1), "lines_per_s_import": round(len(lines) / import_s),
        "matched": batch.matched, "queued": batch.queued,
        "reimport_s": round(again_s, 2), "reimport_new": again.new,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dossiers", type=int, default=100_000)
    parser.add_argument("--lines", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20)
    args = parser.parse_args()
    django_with_reference_data()
    from haicap.procedures.loading import procedures_load

    procedures_load()
    result = run(args.dossiers, args.lines, args.seed)
    result |= {
        "bench": "payments", "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "targets": {"match_s": 2.0, "all_as_made": True, "reimport_new": 0},
        "pass": result["match_s"] < 2.0 and result["all_as_made"] and result["reimport_new"] == 0,
        "machine": machine(),
    }
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
