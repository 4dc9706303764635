"""The navigation bar's work pages come from the apps' own declarations, each shown to those who
hold its permission: a citizen sees none, not even the audit log that would answer 403."""

import pytest

from haicap.core.navigation import work_links_for
from haicap.core.roles import Role

pytestmark = pytest.mark.django_db


def _names(user) -> list[str]:
    return [link.url_name for link in work_links_for(user)]


def test_each_role_sees_the_work_pages_it_may_open(make_user, ben_thanh, hcmc, client):
    citizen = make_user("congdan", Role.CITIZEN, ben_thanh)
    counter = make_user("motcua", Role.COUNTER_OFFICER, ben_thanh)
    leader = make_user("lanhdao", Role.UNIT_LEADER, ben_thanh)
    assert _names(citizen) == ["dossiers:mine"]  # "my dossiers", the only work page a citizen has
    assert _names(counter) == ["dossiers:queue", "feedback:queue"]
    assert _names(leader) == [
        "dossiers:queue",
        "feedback:queue",
        "metrics:home",
        "payments:transactions",
        "audit",
    ]
    client.force_login(citizen)
    page = client.get("/").content.decode()
    assert 'href="/audit/"' not in page and "nav-one-stop" not in page
    client.force_login(leader)
    page = client.get("/").content.decode()
    assert 'href="/audit/"' in page and 'data-testid="nav-metrics"' in page
