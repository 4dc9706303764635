"""The public procedure page: the checklist, a legal basis that reads right, no parser output."""

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db




def test_birth_registration_page_shows_the_checklist_and_no_parser_output():
    html = Client().get("/procedures/1.001193/").content.decode()
    checklist = html[html.index('data-testid="checklist"') : html.index('data-testid="legal-basis"')]
    for text in ("Tờ khai đăng ký khai sinh", "Giấy chứng sinh", "Trường hợp trẻ em bị bỏ rơi"):
        assert text in checklist
    assert "Người tiếp nhận có trách nhiệm" not in checklist  # guidance is never an item
    for leak in ("time_unit", "has no unit", "parse", "ma_thu_tuc", "thanh_phan_ho_so"):
        assert leak not in html, leak


def test_legal_basis_keeps_each_document_with_its_own_date():
    html = Client().get("/procedures/1.001193/").content.decode()
    items = re.findall(r"<li>(.*?)</li>", html[html.index('data-testid="legal-basis"') :].split("</ul>")[0])
    decree = [i for i in items if "123/2015/NĐ-CP" in i and i.startswith("Nghị định số 123/2015")]
    assert decree and "ngày 15/11/2015 của Chính phủ" in decree[0]
    assert not any(i.startswith("ngày ") for i in items)
    assert any(i == "Luật 60/2014/QH13" for i in items)


def test_the_province_administrator_sees_what_could_not_be_read(province_admin):
    client = Client()
    client.force_login(province_admin)
    html = client.get("/procedures/1.001193/").content.decode()
    assert 'data-testid="unread"' in html and "không ghi đơn vị" in html
    assert 'data-testid="unread"' not in Client().get("/procedures/1.001193/").content.decode()


def test_the_checklist_api_gives_keys_the_intake_accepts():
    data = Client().get("/api/v1/procedures/1.001193/checklist").json()
    assert data["curated"] and data["code"] == "1.001193"
    keys = {i["key"]: i for i in data["items"]}
    assert keys["to-khai"]["eform"] and keys["giay-to-tuy-than"]["kind"] == "present"
    assert not keys["van-ban-uy-quyen"]["required"] and keys["van-ban-uy-quyen"]["condition"]
    assert Client().get("/api/v1/procedures/9.999999/checklist").status_code == 404


def test_the_list_names_levels_in_words_not_codes():
    html = Client().get("/procedures/?q=1.000025").content.decode()
    rows = html[html.index('data-testid="procedures"') :].split("</table>")[0]
    assert "<td>Cấp tỉnh, Cấp bộ</td>" in rows  # the catalogue's "province,ministry"
    assert "province" not in rows.replace('href="/procedures/', "")
    english = Client(headers={"accept-language": "en"}).get("/procedures/1.001193/").content.decode()
    assert "Commune level" in english and "<dd>Cấp xã</dd>" not in english
