"""The migrations describe the models exactly: a model change without its migration (or a move
between apps done in the models only) fails here, on both databases."""

import io

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_the_models_need_no_new_migration():
    out = io.StringIO()
    try:
        call_command("makemigrations", check=True, dry_run=True, stdout=out, verbosity=1)
    except SystemExit as missing:  # --check exits 1 when a migration is missing
        pytest.fail(f"models and migrations differ (exit {missing.code}):\n{out.getvalue()}")


@pytest.mark.django_db(transaction=True)
def test_moving_tokens_to_core_keeps_the_issued_tokens(django_user_model):
    """core 0007 / dossiers 0007 move ApiToken and RateLimitHit between apps in Django's state
    only: a token issued before the move still authenticates after it."""
    from django.db import connection

    from haicap.core.tokens import _hash, token_user

    user = django_user_model.objects.create_user("tichhop")
    call_command("migrate", "core", "0006", verbosity=0)  # and dossiers 0007, which needs it
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO dossiers_apitoken (user_id, key_hash, label, created_at) "
                "VALUES (%s, %s, %s, %s)",
                [user.pk, _hash("hc_before-the-move"), "cũ", "2026-11-30 08:00:00+07:00"],
            )
            cursor.execute(
                "INSERT INTO dossiers_ratelimithit (key, at) VALUES (%s, %s)",
                ["track:10.0.0.1", "2026-11-30 08:00:00+07:00"],
            )
    finally:
        call_command("migrate", verbosity=0)
    from haicap.core.models import ApiToken, RateLimitHit

    assert ApiToken.objects.get().label == "cũ"
    assert token_user("hc_before-the-move") == user
    assert RateLimitHit.objects.filter(key="track:10.0.0.1").count() == 1
