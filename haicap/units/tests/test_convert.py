"""Old → new address conversion as counter officers meet it."""

import unicodedata

import pytest

from haicap.units.address.convert import convert_address

pytestmark = pytest.mark.django_db

BEN_THANH_MARKET = (10.7725, 106.6980)


def codes(result):
    return {c.commune.code for c in result.candidates}


@pytest.mark.parametrize(
    "text",
    [
        "Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh",
        "phuong ben nghe, quan 1, thanh pho ho chi minh",
        "P. Bến Nghé, Q.1, TP.HCM",
        "P.Ben Nghe Q1 HCM",
        "PHƯỜNG BẾN NGHÉ QUẬN 1 SÀI GÒN",
        "Bến Nghé, Quận 01, SG",
        "p ben nghe quan 1 tp hcm viet nam",
    ],
)
def test_old_form_variants_all_reach_sai_gon(text):
    result = convert_address(text)
    assert result.status == "converted", result.messages
    assert result.new_commune.code == "26740"
    assert result.new_province.code == "79"
    assert result.old_commune.name == "Phường Bến Nghé"
    assert result.old_district.name == "Quận 1"
    assert result.form == "old"


def test_nfd_input_is_the_same_as_nfc():
    text = "Phường Tân Định, Quận 1, TP. Hồ Chí Minh"
    nfd = convert_address(unicodedata.normalize("NFD", text))
    nfc = convert_address(text)
    assert nfd.new_commune == nfc.new_commune
    assert nfd.confidence == nfc.confidence == 1.0


def test_numbered_ward_needs_its_district():
    result = convert_address("P. 14, Q. Bình Thạnh, TP.HCM")
    assert result.status == "converted"
    assert result.old_commune.name == "Phường 14"
    assert result.new_commune.name == "Phường Bình Thạnh"
    ambiguous = convert_address("Phường 14, TP HCM")
    assert ambiguous.status == "ambiguous"
    assert ambiguous.new_commune is None
    assert len(ambiguous.candidates) > 3
    assert ambiguous.confidence < 0.5


def test_street_part_is_kept_and_missing_commas_are_fine():
    result = convert_address("123 Lê Lợi phường Bến Thành quận 1 thành phố Hồ Chí Minh")
    assert result.street == "123 Lê Lợi"
    assert result.new_commune.code == "26743"
    assert result.new_address == "123 Lê Lợi, Phường Bến Thành, Thành phố Hồ Chí Minh"


def test_split_ward_returns_every_candidate_never_a_guess():
    result = convert_address("45 Nguyễn Huệ, P. Đa Kao, Q.1, TP.HCM")
    assert result.status == "split"
    assert result.new_commune is None
    assert codes(result) == {"26737", "26740"}
    assert {c.relation for c in result.candidates} == {"part"}
    assert result.new_province.code == "79"


def test_split_ward_with_coordinates_picks_the_containing_ward():
    # old Nguyễn Thái Bình went partly to Sài Gòn, partly to Bến Thành; the market is in Bến Thành
    result = convert_address(
        "P. Nguyễn Thái Bình, Quận 1, TP.HCM", lat=BEN_THANH_MARKET[0], lon=BEN_THANH_MARKET[1]
    )
    assert result.status == "split_resolved"
    assert result.new_commune.code == "26743"
    assert [c.commune.code for c in result.candidates if c.contains_point] == ["26743"]


def test_new_form_returns_the_units_it_came_from():
    result = convert_address("Phường Sài Gòn, TP. Hồ Chí Minh")
    assert result.status == "current" and result.form == "new"
    assert result.new_commune.code == "26740"
    origins = {(o.commune.name, o.relation) for o in result.formed_from}
    assert origins == {
        ("Phường Bến Nghé", "whole"),
        ("Phường Đa Kao", "part"),
        ("Phường Nguyễn Thái Bình", "part"),
    }
    assert all(o.district.name == "Quận 1" for o in result.formed_from)


def test_2025_name_of_a_dong_nai_commune_that_became_a_ward():
    result = convert_address("Xã Long Thành, tỉnh Đồng Nai")
    assert result.new_commune.name == "Phường Long Thành"
    assert result.new_province.name == "Thành phố Đồng Nai"
    assert any("nay là" in m for m in result.messages)


def test_old_province_merged_into_a_new_one():
    result = convert_address("Phường Phú Cường, TP. Thủ Dầu Một, Bình Dương")
    assert result.old_province.name == "Tỉnh Bình Dương"
    assert result.new_province.code == "79"
    assert result.new_commune is not None


def test_hanoi_alias_and_no_diacritics():
    result = convert_address("so 5 hang bai, phuong hang bai, quan hoan kiem, HN")
    assert result.new_commune.name == "Phường Cửa Nam"
    assert result.street == "so 5 hang bai"


def test_house_number_before_a_bare_ward_name_lowers_confidence():
    result = convert_address("12 Hàng Bài, Hoàn Kiếm, Hà Nội")
    assert result.confidence < 0.8
    assert any("tên đường" in m for m in result.messages)


def test_unparseable_says_what_was_and_was_not_understood():
    nothing = convert_address("xin chào các bạn")
    assert nothing.status == "unrecognised" and nothing.confidence == 0
    assert nothing.not_understood == "xin chào các bạn"
    partial = convert_address("khu phố 3, ấp lạ, TP.HCM")
    assert partial.status == "partial"
    assert partial.new_province.code == "79"
    assert partial.not_understood == "khu phố 3, ấp lạ"
    assert [u["as"] for u in partial.understood] == ["province"]


def test_district_only_lists_the_possible_new_wards():
    result = convert_address("Quận 1, TP.HCM")
    assert result.status == "partial"
    assert codes(result) == {"26737", "26740", "26743", "26758"}


def test_new_form_name_that_was_also_an_old_district():
    # 'Thủ Đức' is a new ward and the old city of Thủ Đức: the type word decides
    ward = convert_address("Phường Thủ Đức, TP HCM")
    assert ward.form == "new" and ward.new_commune.name == "Phường Thủ Đức"
    old = convert_address("P. Linh Trung, TP. Thủ Đức, TP.HCM")
    assert old.form == "old" and old.old_district.name == "Thành phố Thủ Đức"


def test_district_name_ending_like_a_province_type_word():
    # 'Sơn Tịnh' ends in 'tịnh', which folds like 'tỉnh' (province)
    result = convert_address("xã Tịnh Sơn, huyện Sơn Tịnh, Quảng Ngãi")
    assert result.status == "converted"
    assert result.old_district.name == "Huyện Sơn Tịnh"
    city = convert_address("Xã Thạch Hội, Thành phố Hà Tĩnh, Hà Tĩnh")
    assert city.old_district.name == "Thành phố Hà Tĩnh" and city.new_commune is not None


def test_names_that_differ_only_by_diacritics_are_not_guessed():
    result = convert_address("xa hoang phu, huyen hoang hoa, tinh thanh hoa")
    assert result.status == "ambiguous" and result.new_commune is None
    assert any("có dấu" in m for m in result.messages)
    exact = convert_address("xã Hoằng Phú, huyện Hoằng Hóa, tỉnh Thanh Hóa")
    assert exact.status == "converted"


def test_no_network_call_ever(monkeypatch):
    import socket

    from haicap.units.address.index import reset_address_index
    from haicap.units.locate import reset_locator

    def refuse(*args, **kwargs):
        raise AssertionError("the converter tried to open a network connection")

    reset_address_index()
    reset_locator()
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    result = convert_address("45 Nguyễn Huệ, P. Đa Kao, Q.1, TP.HCM", lat=10.7880, lon=106.6990)
    assert result.status in {"split_resolved", "split"}
