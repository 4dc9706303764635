"""The sign-in form: each blank field under itself; a wrong password says neither which."""

import pytest
from django.test import Client

from haicap.dossiers.tests.test_form_errors import field_error

pytestmark = pytest.mark.django_db


def test_both_blank_fields_are_reported_under_each():
    page = Client().post("/login/", {"username": "", "password": ""}).content.decode()
    for name in ("username", "password"):
        assert field_error(page, name), name
        assert f'id="f-{name}" aria-invalid="true" aria-describedby="e-{name}"' in page
    assert '<a href="#f-username">Tên đăng nhập: ' in page
    assert '<a href="#f-password">Mật khẩu: ' in page


def test_a_wrong_password_is_one_message_that_names_no_field(make_user):
    make_user("canbo")
    page = Client().post("/login/", {"username": "canbo", "password": "sai"}).content.decode()
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in page
    assert 'aria-invalid="true"' not in page and 'value="canbo"' in page
