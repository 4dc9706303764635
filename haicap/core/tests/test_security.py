"""Security settings on real responses: sign-in throttling (django-axes) with its audit trail
and unlock path, staff idle timeout, security headers and cookie flags, deployment checks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from haicap.core.middleware import IDLE_KEY
from haicap.core.models import AuditEvent
from haicap.core.rights import CoreAudit

PROJECT = Path(__file__).resolve().parents[3]
LIMIT = settings.AXES_FAILURE_LIMIT


def _fail(client, username: str, times: int, ip: str = "10.0.0.1"):  # type: ignore[no-untyped-def]
    r = None
    for _ in range(times):
        r = client.post(
            "/login/", {"username": username, "password": "wrong"}, REMOTE_ADDR=ip
        )
    return r


def test_throttling_is_on_in_tests_too():
    assert settings.AXES_ENABLED
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"


def test_wrong_passwords_lock_the_account_from_that_address_then_the_right_one_is_refused(
    client, counter_officer
):
    r = _fail(client, "motcua", LIMIT - 1)
    assert r.status_code == 200  # still the form, "wrong password"
    r = _fail(client, "motcua", 1)
    assert r.status_code == 429
    page = r.content.decode()
    assert 'data-testid="locked-out"' in page and "tạm thời bị khoá" in page
    assert r["Retry-After"] == str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    # the right password from the same address is refused until the cool-off ends
    r = client.post(
        "/login/", {"username": "motcua", "password": "pw-motcua"}, REMOTE_ADDR="10.0.0.1"
    )
    assert r.status_code == 429
    assert "_auth_user_id" not in client.session
    failed = AuditEvent.objects.filter(action=CoreAudit.USER_LOGIN_FAILED)
    assert failed.count() >= LIMIT
    assert failed.first().data["ip"] == "10.0.0.1"
    locked = AuditEvent.objects.filter(action=CoreAudit.LOGIN_LOCKED)
    assert locked.exists() and locked.first().note == "username=motcua"


def test_an_attacker_elsewhere_does_not_lock_the_officer_out(client, counter_officer):
    _fail(client, "motcua", LIMIT + 2, ip="203.0.113.9")
    r = client.post(
        "/login/", {"username": "motcua", "password": "pw-motcua"}, REMOTE_ADDR="10.0.0.1"
    )
    assert r.status_code == 302


def test_the_lockout_page_in_english(client, counter_officer):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    r = _fail(client, "motcua", LIMIT)
    assert r.status_code == 429
    assert "temporarily locked" in r.content.decode()


def test_without_cool_off_the_page_sends_to_an_administrator(client, counter_officer):
    with override_settings(AXES_COOLOFF_TIME=None):
        r = _fail(client, "motcua", LIMIT)
    assert r.status_code == 429 and "Retry-After" not in r
    assert "liên hệ quản trị viên để được mở khoá" in r.content.decode()


def test_admin_login_is_throttled_too(client, counter_officer):
    for _ in range(LIMIT):
        r = client.post(
            "/admin/login/",
            {"username": "motcua", "password": "wrong", "next": "/admin/"},
            REMOTE_ADDR="10.0.0.1",
        )
    assert r.status_code == 429


def test_the_unlock_command_lifts_the_lockout_and_is_audited(client, counter_officer):
    _fail(client, "motcua", LIMIT)
    assert AccessAttempt.objects.filter(username="motcua").exists()
    call_command("login_unlock", "motcua", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert not AccessAttempt.objects.filter(username="motcua").exists()
    unlocked = AuditEvent.objects.get(action=CoreAudit.LOGIN_UNLOCKED)
    assert unlocked.note == "username=motcua" and unlocked.data["ip"] == "10.0.0.1"
    r = client.post(
        "/login/", {"username": "motcua", "password": "pw-motcua"}, REMOTE_ADDR="10.0.0.1"
    )
    assert r.status_code == 302


def test_the_admin_unlock_action_is_audited_with_the_administrator(
    client, counter_officer, django_user_model
):
    _fail(client, "motcua", LIMIT)
    root = django_user_model.objects.create_superuser("root", password="pw-root-long")
    admin_client = type(client)()
    admin_client.force_login(root)
    page = admin_client.get("/admin/axes/accessattempt/")
    assert page.status_code == 200
    attempt = AccessAttempt.objects.get(username="motcua")
    r = admin_client.post(
        "/admin/axes/accessattempt/",
        {"action": "unlock", "_selected_action": [attempt.pk]},
    )
    assert r.status_code == 302
    assert not AccessAttempt.objects.exists()
    event = AuditEvent.objects.get(action=CoreAudit.LOGIN_UNLOCKED)
    assert event.actor == root
    # no plain delete that would bypass the audit log
    assert admin_client.get(f"/admin/axes/accessattempt/{attempt.pk}/delete/").status_code in {
        403,
        302,
    }


def test_api_tokens_are_not_throttled_by_axes(client, counter_officer):
    from haicap.core.tokens import token_issue

    raw = token_issue(user=counter_officer, label="kiosk", actor=None)
    for _ in range(LIMIT + 1):
        r = client.get("/api/v1/dossiers", HTTP_AUTHORIZATION="Bearer hc_wrong")
        assert r.status_code == 401
    r = client.get("/api/v1/dossiers", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert r.status_code == 200
    assert not AccessAttempt.objects.exists()


# -- staff idle timeout ------------------------------------------------------------------------


def test_idle_staff_are_signed_out(client, counter_officer):
    client.force_login(counter_officer)
    assert client.get("/me/").status_code == 200
    session = client.session
    session[IDLE_KEY] = session[IDLE_KEY] - settings.HAICAP_STAFF_IDLE_SECONDS - 1
    session.save()
    r = client.get("/me/")
    assert r.status_code == 302 and r["Location"].startswith("/login/?next=/me/")
    assert "_auth_user_id" not in client.session


def test_idle_staff_on_the_api_are_answered_as_signed_out(client, counter_officer):
    client.force_login(counter_officer)
    client.get("/me/")
    session = client.session
    session[IDLE_KEY] = session[IDLE_KEY] - settings.HAICAP_STAFF_IDLE_SECONDS - 1
    session.save()
    r = client.get("/api/v1/dossiers")
    assert r.status_code == 401
    assert "_auth_user_id" not in client.session


def test_active_staff_stay_signed_in(client, counter_officer):
    client.force_login(counter_officer)
    client.get("/me/")
    session = client.session
    session[IDLE_KEY] = session[IDLE_KEY] - settings.HAICAP_STAFF_IDLE_SECONDS + 120
    session.save()
    assert client.get("/me/").status_code == 200


def test_citizens_have_no_idle_timeout(client, make_user, ben_thanh):
    from haicap.core.roles import Role

    citizen = make_user("congdan", Role.CITIZEN, ben_thanh)
    client.force_login(citizen)
    client.get("/me/")
    assert IDLE_KEY not in client.session
    assert client.get("/me/").status_code == 200
    assert settings.SESSION_COOKIE_AGE == 14 * 24 * 3600


# -- headers and cookies -----------------------------------------------------------------------


@pytest.mark.django_db
def test_security_headers_on_a_page(client):
    r = client.get("/login/")
    csp = r["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert r["X-Content-Type-Options"] == "nosniff"
    assert r["Referrer-Policy"] == "same-origin"
    assert r["X-Frame-Options"] == "DENY"
    csrf = r.cookies["csrftoken"]
    assert csrf["samesite"] == "Lax"
    assert not csrf["secure"]  # plain HTTP on the demo


def test_session_cookie_flags(client, counter_officer):
    r = client.post("/login/", {"username": "motcua", "password": "pw-motcua"})
    cookie = r.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_cookies_are_secure_behind_tls(client, counter_officer):
    with override_settings(
        SESSION_COOKIE_SECURE=True,
        CSRF_COOKIE_SECURE=True,
        SECURE_SSL_REDIRECT=True,
        SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
        SECURE_HSTS_SECONDS=31536000,
    ):
        assert client.get("/login/").status_code == 301  # plain HTTP is redirected
        r = client.post(
            "/login/",
            {"username": "motcua", "password": "pw-motcua"},
            HTTP_X_FORWARDED_PROTO="https",
        )
        assert r.status_code == 302
        assert r.cookies[settings.SESSION_COOKIE_NAME]["secure"]
        assert r.cookies["csrftoken"]["secure"]
        assert r["Strict-Transport-Security"].startswith("max-age=31536000")


def test_no_inline_scripts_in_templates():
    templates = list((PROJECT / "haicap").glob("**/templates/**/*.html"))
    assert templates
    for path in templates:
        text = path.read_text()
        assert "<script>" not in text, path
        assert " onchange=" not in text and " onclick=" not in text, path


# -- deployment: a separate process reads the settings from its own environment ---------------


def _manage(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("HAICAP_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    base.update({"HAICAP_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "haicap.settings"})
    base.update(env)
    return subprocess.run(
        [sys.executable, str(PROJECT / "manage.py"), *args],
        env=base,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=PROJECT,
    )


def test_the_public_default_key_is_refused_when_others_can_reach_the_server(tmp_path):
    r = _manage(tmp_path, "check", HAICAP_ALLOWED_HOSTS="haicap.example.gov.vn")
    assert r.returncode != 0 and "HAICAP_SECRET_KEY is not set" in r.stderr
    r = _manage(tmp_path, "check", HAICAP_BEHIND_TLS="1")
    assert r.returncode != 0 and "HAICAP_SECRET_KEY is not set" in r.stderr


def test_the_demo_runs_with_no_environment(tmp_path):
    r = _manage(tmp_path, "check")
    assert r.returncode == 0, r.stderr


def test_check_deploy_behind_tls_has_no_transport_warnings(tmp_path):
    r = _manage(
        tmp_path,
        "check",
        "--deploy",
        HAICAP_BEHIND_TLS="1",
        HAICAP_SECRET_KEY="k" * 20 + "-a-long-random-production-secret-" + "x" * 20,
        HAICAP_ALLOWED_HOSTS="haicap.example.gov.vn",
    )
    out = r.stdout + r.stderr
    for warning in ("W004", "W008", "W012", "W016", "W009", "W018", "W020"):
        assert f"security.{warning}" not in out, out
    assert r.returncode == 0, out
    # left: HSTS preload, an operator's choice (HAICAP_HSTS_PRELOAD=1), hard to undo
    assert "identified 1 issue" in out and "security.W021" in out, out
