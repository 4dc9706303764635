"""PostgreSQL: the pg_trgm GIN indexes serve the search's WHERE clause (ADR 18)."""

from __future__ import annotations

import os

import pytest
from django.db import connection

from haicap.core.search import search, search_row, shorter
from haicap.dossiers.models import Dossier
from haicap.dossiers.services import dossier_intake
from haicap.dossiers.tests.conftest import at
from haicap.procedures.models import Procedure
from haicap.units.models import Unit

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgres,
    pytest.mark.skipif(os.environ.get("HAICAP_PG_LANE") != "1", reason="needs the PostgreSQL lane"),
]

NAMES = ["Lê Thị Mai", "Nguyễn Văn An", "Trần Minh Đức", "Phạm Thu Hà", "Võ Hoàng Long"]


def _plan(qs) -> str:
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_the_unit_and_procedure_searches_use_their_trigram_indexes():
    assert Unit.objects.count() > 10_000 and Procedure.objects.count() > 2_000
    plan = _plan(search(Unit.objects.all(), "ben thanh", ties=(shorter(),)))
    assert "unit_search_trgm" in plan, plan
    plan = _plan(search(Procedure.objects.all(), "dang ky khai sinh", ties=(shorter(),)))
    assert "procedure_search_trgm" in plan, plan


def test_the_dossier_search_uses_its_trigram_index_on_thousands_of_rows(intake, counter_officer):
    first = dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 2, 9))
    first.applicant_name = "Lê Thị Mai"
    first.save(update_fields=["applicant_name"])
    fields = [f for f in Dossier._meta.concrete_fields if not f.primary_key]
    copies = []
    for i in range(4000):
        copy = Dossier(**{f.attname: getattr(first, f.attname) for f in fields})
        copy.code = f"26743-250702-{i + 2:04d}"
        copy.idempotency_key = copy.online_reference = None
        copy.applicant_name = f"{NAMES[i % len(NAMES)]} {i}"
        columns = search_row(Dossier, vars(copy))  # as a bulk path writes them
        copy.search_name, copy.search_key = columns["search_name"], columns["search_key"]
        copies.append(copy)
    Dossier.objects.bulk_create(copies, batch_size=1000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE dossiers_dossier")
    found = search(Dossier.objects.all(), "le thi mai", order=("-registered_at",))
    assert found.count() == 801  # the first one and every fifth copy
    assert found[0].pk == first.pk  # "Lê Thị Mai" exactly, before "Lê Thị Mai 5"
    plan = _plan(found)
    assert "dossier_search_trgm" in plan, plan
