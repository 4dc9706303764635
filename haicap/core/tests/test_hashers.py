"""Passwords are stored with Argon2id at OWASP's cost (ADR 22); an account whose password was
stored with Django's PBKDF2 still signs in, and its hash is replaced by an Argon2id one."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher, identify_hasher, make_password
from django.test import Client


def test_a_new_password_is_stored_with_argon2id_at_19_mib_two_passes_one_lane() -> None:
    encoded = make_password("mật-khẩu-đủ-dài")
    assert encoded.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert identify_hasher(encoded).verify("mật-khẩu-đủ-dài", encoded)
    assert not identify_hasher(encoded).verify("mat-khau-khac", encoded)


@pytest.mark.django_db
def test_a_pbkdf2_password_signs_in_and_is_rehashed_with_argon2id() -> None:
    user = get_user_model().objects.create(username="cu.pbkdf2")
    user.password = PBKDF2PasswordHasher().encode("mật-khẩu-cũ-2024", "saltsaltsalt")
    user.save()
    response = Client().post("/login/", {"username": "cu.pbkdf2", "password": "mật-khẩu-cũ-2024"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
