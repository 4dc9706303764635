"""Sixteen counters receiving at once on PostgreSQL: every code unique, and no gaps even when
some intakes roll back. The work runs in threads with their own committed connections (the test's
own transaction would hide their rows), and cleans up after itself."""

import datetime as dt
import os
import threading

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection, transaction

from haicap.core.errors import Conflict
from haicap.core.models import AuditEvent, Membership
from haicap.core.roles import Role
from haicap.core.services import membership_grant
from haicap.core.tests.own_connection import in_own_connection
from haicap.dossiers.models import DailySequence, Dossier
from haicap.dossiers.services import Intake, dossier_intake, dossier_transition
from haicap.dossiers.validation import Applicant
from haicap.notifications.models import Message
from haicap.procedures.models import Procedure
from haicap.units.models import Unit
from haicap.workdays.calendar import VN

CLIENTS = 16
PER_CLIENT = 15
DAY = dt.datetime(2031, 1, 2, 9, 0, tzinfo=VN)  # a day no other test uses
PREFIX = "26743-310102-"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgres,
    pytest.mark.skipif(
        os.environ.get("HAICAP_PG_LANE") != "1",
        reason="concurrent writers need the PostgreSQL lane",
    ),
]


class Rollback(Exception):
    pass




def test_sixteen_parallel_counters_get_unique_gap_free_codes():
    ben_thanh = Unit.objects.current().get(level="commune", code="26743")
    procedure = Procedure.objects.get(code="1.001193")
    applicant = Applicant.clean(
        name="Nguyễn Thị Mai",
        id_number="079190001234",
        phone_number="0903123456",
        address="Quận 3, TP.HCM",
    )

    def setup():  # type: ignore[no-untyped-def]
        user = get_user_model().objects.create_user(username="motcua.song-song", password="x")
        membership_grant(user=user, role=Role.COUNTER_OFFICER, unit=ben_thanh, actor=None)
        return user

    officer = in_own_connection(setup)
    start = threading.Barrier(CLIENTS)
    errors: list[BaseException] = []
    rolled_back = 0
    lock = threading.Lock()

    def counter(client: int) -> None:
        nonlocal rolled_back
        try:
            start.wait()
            for i in range(PER_CLIENT):
                try:
                    with transaction.atomic():
                        dossier_intake(
                            Intake(
                                procedure=procedure, receiving_unit=ben_thanh, applicant=applicant
                            ),
                            actor=officer,
                            now=DAY + dt.timedelta(seconds=i),
                        )
                        if (client + i) % 5 == 0:  # e.g. the scanner failed: the intake is undone
                            raise Rollback
                except Rollback:
                    with lock:
                        rolled_back += 1
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=counter, args=(c,)) for c in range(CLIENTS)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors, errors
        codes = in_own_connection(
            lambda: list(
                Dossier.objects.filter(code__startswith=PREFIX).values_list("code", flat=True)
            )
        )
        committed = CLIENTS * PER_CLIENT - rolled_back
        assert rolled_back > 0 and len(codes) == committed
        assert sorted(int(c[-4:]) for c in codes) == list(range(1, committed + 1))
        # the service index's day and month rows counted exactly the committed intakes, though
        # all sixteen updated the same two rows at once
        counted = in_own_connection(
            lambda: [
                apps.get_model("metrics", name)
                .objects.filter(unit_code="26743", **{field: day})
                .values_list("received", flat=True)
                .first()
                for name, field, day in (
                    ("UnitDay", "day", DAY.date()),
                    ("UnitMonth", "month", DAY.date().replace(day=1)),
                )
            ]
        )
        assert counted == [committed, committed]
    finally:

        def cleanup() -> None:
            with transaction.atomic():
                # the outbox queued a "received" message for each committed intake
                Message.objects.filter(object_type="dossier", object_code__startswith=PREFIX).delete()
                Dossier.objects.filter(code__startswith=PREFIX).delete()
                DailySequence.objects.filter(agency_code="26743", day=DAY.date()).delete()
                AuditEvent.objects.filter(actor=officer).delete()
                AuditEvent.objects.filter(
                    object_type="core.membership", note__contains="song-song"
                ).delete()
                Membership.objects.filter(user=officer).delete()
                officer.delete()
                # the service index counted the committed intakes (through a signal), on the
                # day received and, as open ones, on the days they are due: all from DAY on
                for name, field in (("UnitDay", "day"), ("UnitMonth", "month")):
                    counters = apps.get_model("metrics", name).objects
                    day = DAY.date() if field == "day" else DAY.date().replace(day=1)
                    counters.filter(unit_code="26743", **{f"{field}__gte": day}).delete()

        in_own_connection(cleanup)


ONLINE_DAY = dt.datetime(2031, 1, 3, 9, 0, tzinfo=VN)  # another day no other test uses
ONLINE_PREFIX = "26743-310103-"


def test_online_dossiers_accepted_at_once_get_unique_gap_free_codes_and_one_accept_each():
    """Security finding 2: an online dossier draws its official code when an officer accepts it.
    Twelve accepted at once by two officers, each also tried twice: every dossier is accepted
    exactly once (the second try is a 409), and the codes run 0001..0012."""
    ben_thanh = Unit.objects.current().get(level="commune", code="26743")
    procedure = Procedure.objects.get(code="1.001193")
    count = 12

    def setup():  # type: ignore[no-untyped-def]
        officers = []
        for name in ("motcua.truc-tuyen-1", "motcua.truc-tuyen-2"):
            user = get_user_model().objects.create_user(username=name, password="x")
            membership_grant(user=user, role=Role.COUNTER_OFFICER, unit=ben_thanh, actor=None)
            officers.append(user)
        dossiers = [
            dossier_intake(
                Intake(
                    procedure=procedure,
                    receiving_unit=ben_thanh,
                    channel="online",
                    applicant=Applicant.clean(
                        name="Trần Văn An",
                        id_number=f"0791900{i:05d}",
                        phone_number=f"0903{i:06d}",
                        address="Quận 3, TP.HCM",
                    ),
                ),
                actor=None,
                outcome="register",
                now=ONLINE_DAY - dt.timedelta(hours=1),
            )
            for i in range(count)
        ]
        return officers, [d.pk for d in dossiers]

    officers, pks = in_own_connection(setup)
    start = threading.Barrier(2 * count, timeout=30)
    results: list[str] = []
    lock = threading.Lock()

    def accept(pk: int, officer) -> None:  # type: ignore[no-untyped-def]
        try:
            start.wait()
            dossier = Dossier.objects.get(pk=pk)
            dossier_transition(dossier, action="accept", actor=officer, now=ONLINE_DAY)
            outcome = "accepted"
        except Conflict:
            outcome = "409"
        except BaseException as exc:
            outcome = repr(exc)
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    threads = [
        threading.Thread(target=accept, args=(pk, officer)) for pk in pks for officer in officers
    ]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        assert sorted(results) == ["409"] * count + ["accepted"] * count, results
        codes = in_own_connection(
            lambda: list(Dossier.objects.filter(pk__in=pks).values_list("code", flat=True))
        )
        assert all(c.startswith(ONLINE_PREFIX) for c in codes), codes
        assert sorted(int(c[-4:]) for c in codes) == list(range(1, count + 1))
    finally:

        def cleanup() -> None:
            with transaction.atomic():
                told = Dossier.objects.filter(pk__in=pks).values_list("code", flat=True)
                Message.objects.filter(object_type="dossier", object_code__in=list(told)).delete()
                Dossier.objects.filter(pk__in=pks).delete()
                DailySequence.objects.filter(agency_code="26743", day=ONLINE_DAY.date()).delete()
                for officer in officers:
                    AuditEvent.objects.filter(actor=officer).delete()
                    Membership.objects.filter(user=officer).delete()
                AuditEvent.objects.filter(
                    object_type="core.membership", note__contains="truc-tuyen"
                ).delete()
                AuditEvent.objects.filter(
                    object_type="dossiers.dossier", object_id__in=[str(p) for p in pks]
                ).delete()
                for officer in officers:
                    officer.delete()
                for name, field in (("UnitDay", "day"), ("UnitMonth", "month")):
                    counters = apps.get_model("metrics", name).objects
                    day = ONLINE_DAY.date() - dt.timedelta(days=1)
                    day = day if field == "day" else day.replace(day=1)
                    counters.filter(unit_code="26743", **{f"{field}__gte": day}).delete()

        in_own_connection(cleanup)
