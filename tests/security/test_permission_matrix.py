"""The permission matrix: every route × every actor against the records of one ward (Bến Thành)
gets the outcome tests/security/permission_table.py records, and the table lists exactly the
routes the URL configuration and the OpenAPI schema have."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connections, transaction
from django.http import HttpResponse
from django.test import Client

from tests.security.permission_table import API, HTML, PUBLIC, Row
from tests.security.routes import api_routes, html_routes, ninja_resolver_routes
from tests.security.world import ACTORS, World, world_build

ROWS: dict[str, Row] = {**HTML, **API}
OWNERS = ("own", "province")  # who may see the Bến Thành records
PROBE = os.environ.get("HAICAP_MATRIX_PROBE")  # a file: write the observed outcomes there


@pytest.fixture(scope="module")
def world(django_db_setup: None, django_db_blocker: Any) -> Iterator[World]:
    """The records and actors, built once for the module inside a transaction that is rolled
    back at its end; each test runs in a savepoint inside it (pytest-django's `db`)."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            built = world_build()
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    yield built
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)
        for conn in connections.all():
            conn.close_if_unusable_or_obsolete()


def outcome(response: HttpResponse) -> str:
    status = response.status_code
    if status >= 500:
        return f"error {status}"
    if status == 401:
        return "login"
    if status in (301, 302, 303, 307, 308):
        return "login" if re.search(r"/login/", response.get("Location", "")) else "ok"
    if status < 400:
        return "ok"
    if status in (403, 404):
        return str(status)
    return "invalid"


def _fill(value: Any, params: dict[str, str]) -> Any:
    if isinstance(value, bytes):
        name = "tep.png" if value.startswith(b"\x89PNG") else "dia-chi.csv"
        kind = "image/png" if name.endswith("png") else "text/csv"
        return SimpleUploadedFile(name, value, kind)
    if isinstance(value, str):
        return value.format(**params)
    if isinstance(value, dict):
        return {k: _fill(v, params) for k, v in value.items()}
    return value


def request(row: Row, world: World, actor: str) -> HttpResponse:
    client = Client(raise_request_exception=False)
    user = world.users[actor]
    if user is not None:
        client.force_login(user)
    params = world.params()
    url, data = row.url.format(**params), _fill(row.data, params)
    if row.method == "GET":
        return client.get(url)
    if row.json:
        return client.generic(row.method, url, json.dumps(data), content_type="application/json")
    return client.post(url, data)


CELLS = [pytest.param(key, actor, id=f"{key}|{actor}") for key in ROWS for actor in ACTORS]


@pytest.mark.django_db
@pytest.mark.parametrize(("route", "actor"), CELLS)
def test_cell(world: World, route: str, actor: str) -> None:
    row = ROWS[route]
    response = request(row, world, actor)
    got = outcome(response)
    if PROBE:
        with open(PROBE, "a") as f:
            f.write(json.dumps([route, actor, got]) + "\n")
        return
    assert not got.startswith("error"), f"{row.method} {row.url} as {actor}: {got}"
    public = row.expect == PUBLIC
    if public:
        assert got in ("ok", "invalid"), f"public {row.method} {row.url} as {actor}: {got}"
    else:
        expected = row.outcomes()[ACTORS.index(actor)]
        assert got == expected, (
            f"{row.method} {row.url} as {actor}: {got}, the table says {expected}"
        )
    if got == "ok" and actor not in OWNERS and not response.streaming:
        body = response.content.decode(errors="replace")
        for secret in world.secrets(public=public):
            assert secret not in body, f"{row.method} {row.url} shows {actor} «{secret}»"


def test_the_table_covers_every_route() -> None:
    pages, operations = html_routes(), api_routes()
    missing = sorted((pages - HTML.keys()) | (operations - API.keys()))
    removed = sorted((HTML.keys() - pages) | (API.keys() - operations))
    assert not missing, f"routes without an entry in the permission matrix: {missing}"
    assert not removed, f"entries for routes that no longer exist: {removed}"


def test_every_api_operation_is_in_the_schema() -> None:
    """The API's URL patterns are those of the schema's operations: an operation left out of
    the schema (include_in_schema=False) would otherwise escape the matrix."""
    from_schema = {
        re.sub(r"\{(\w+)\}", r"<\1>", key.split(" ", 1)[1]).removeprefix("/")
        for key in api_routes()
    }
    assert ninja_resolver_routes() == from_schema


def test_every_row_names_an_outcome_per_actor() -> None:
    for key, row in ROWS.items():
        if row.expect != PUBLIC:
            assert len(row.outcomes()) == len(ACTORS), key
            assert set(row.outcomes()) <= {"ok", "login", "403", "404", "invalid"}, key
