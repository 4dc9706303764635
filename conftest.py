"""Shared fixtures: the real reference data, loaded once per test database; demo users."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from haicap.core.roles import Role
from haicap.core.services import membership_grant
from haicap.units.models import Unit

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_configure(config: pytest.Config) -> None:
    """Under pytest-xdist each worker stores uploads in its own media directory: the lane's
    HAICAP_VAR_DIR is shared by the workers, and the test databases' dossier codes repeat from
    one worker to the other, so neither should find the other's files under the same names."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker:
        from django.conf import settings

        settings.MEDIA_ROOT = Path(settings.MEDIA_ROOT) / worker


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    from haicap.procedures.loading import procedures_load
    from haicap.units.loading import units_load

    with django_db_blocker.unblock():
        units_load()
        procedures_load()
        _hcmc_verified_times()


def _hcmc_verified_times() -> None:
    """HCMC has verified the catalogue's processing time of the procedures checked by hand (as
    `procedures settings demo` does), so that the tests may file them online (ADR 13); every
    other setting stays the catalogue's."""
    from haicap.procedures.models import OnlineLevel, Procedure, ProvinceProcedure
    from haicap.procedures.settings_demo import HAND_CHECKED

    for procedure in Procedure.objects.filter(code__in=HAND_CHECKED):
        ProvinceProcedure.objects.get_or_create(
            province_code="79",
            procedure=procedure,
            defaults={
                "offered": bool({"commune", "province"} & set(procedure.levels)),
                "online_level": OnlineLevel.PARTIAL if procedure.online_available else OnlineLevel.NONE,
                "time_verified": True,
            },
        )


@pytest.fixture(autouse=True)
def _fresh_caches() -> None:
    """Each test starts with empty per-process caches: rolled-back rows must not linger."""
    from haicap.core.ttlcache import clear_all_caches

    clear_all_caches()


@pytest.fixture(autouse=True)
def _source_language() -> None:
    """Each test starts in the site's language (Vietnamese): a test that activated English
    (a request with the language cookie, `translation.activate`) must not change what the next
    test on the same worker reads."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def ben_thanh(db) -> Unit:  # type: ignore[no-untyped-def]
    return Unit.objects.current().get(level="commune", code="26743")


@pytest.fixture
def hcmc(db) -> Unit:  # type: ignore[no-untyped-def]
    return Unit.objects.current().get(level="province", code="79")


@pytest.fixture
def make_user(db):  # type: ignore[no-untyped-def]
    def make(username: str, role: str | None = None, unit: Unit | None = None):  # type: ignore[no-untyped-def]
        user = get_user_model().objects.create_user(username=username, password="pw-" + username)
        if role is not None:
            membership_grant(user=user, role=role, unit=unit, actor=None)
        return user

    return make


@pytest.fixture
def counter_officer(make_user, ben_thanh):  # type: ignore[no-untyped-def]
    return make_user("motcua", Role.COUNTER_OFFICER, ben_thanh)


@pytest.fixture
def province_admin(make_user, hcmc):  # type: ignore[no-untyped-def]
    return make_user("quantri", Role.PROVINCE_ADMIN, hcmc)
