"""The whole OpenAPI schema, fuzzed in-process by schemathesis against the WSGI application on
the test database, anonymous and with an officer's token: no input may give a server error,
and every response must match the documented schema. Bounded and derandomized, so CI runs the
same cases each time in well under a minute and a half."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import response_schema_conformance

from haicap.core.roles import Role
from haicap.core.tokens import token_issue

MAX_EXAMPLES = 15
CONFIG = SchemathesisConfig.from_dict(
    {
        "phases": {
            "coverage": {"enabled": False},
            "stateful": {"enabled": False},
        },
        "generation": {"mode": "all", "allow-x00": True, "max-examples": MAX_EXAMPLES},
    }
)


def _schema() -> Any:
    from haicap.wsgi import application

    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, config=CONFIG)


SCHEMA = _schema()
# schemathesis' own pytest plugin (lazy schemas, subtests) needs pytest internals that pytest 9
# no longer has: each operation is a plain parametrized test here, driven through hypothesis.
OPERATIONS = {op.label: op for op in (r.ok() for r in SCHEMA.get_all_operations())}


@pytest.fixture(autouse=True)
def _connection_kept_across_requests() -> Any:
    """Calling the WSGI application directly sends request_started/finished, whose receiver
    closes the database connection: on PostgreSQL that ends the test's transaction. Django's
    test client detaches the receiver the same way."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def officer_token(make_user: Any, ben_thanh: Any) -> str:
    officer = make_user("fuzz-officer", Role.COUNTER_OFFICER, ben_thanh)
    from haicap.core.services import membership_grant

    membership_grant(user=officer, role=Role.PROCESSING_OFFICER, unit=ben_thanh, actor=None)
    membership_grant(user=officer, role=Role.UNIT_LEADER, unit=ben_thanh, actor=None)
    return token_issue(user=officer, label="fuzz", actor=None)


FUZZ = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
CHECKS = [not_a_server_error, response_schema_conformance]


def _fuzz(operation: Any, headers: dict[str, str]) -> None:
    @FUZZ
    @given(
        case=st.one_of(
            operation.as_strategy(GenerationMode.POSITIVE),
            operation.as_strategy(GenerationMode.NEGATIVE),
        )
    )
    def run(case: Any) -> None:
        case.call_and_validate(headers=headers, checks=CHECKS)

    run()


@pytest.mark.django_db
@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_api_fuzz_anonymous(label: str) -> None:
    _fuzz(OPERATIONS[label], {})


@pytest.mark.django_db
@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_api_fuzz_officer(label: str, officer_token: str) -> None:
    _fuzz(OPERATIONS[label], {"Authorization": f"Bearer {officer_token}"})


def test_units_and_metrics_schemas_have_distinct_names() -> None:
    """Two `UnitOut` schemas once shared one component: the units endpoints were documented
    with the service index's fields."""
    components = SCHEMA.raw_schema["components"]["schemas"]
    communes = SCHEMA.raw_schema["paths"]["/api/v1/units/communes"]["get"]
    assert "UnitIndexOut" in components
    assert "kind_label" in components["UnitOut"]["properties"]
    assert "points" not in components["UnitOut"]["properties"]
    assert "UnitOut" in str(communes["responses"]["200"])
