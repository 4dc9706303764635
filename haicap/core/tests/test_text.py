import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from haicap.core.logging import mask_personal_data
from haicap.core.text import fold, search_key, tone_key

vietnamese = st.text(
    alphabet="aàáảãạăằắẳẵặâầấẩẫậđeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ BĐ ",
    max_size=30,
)


def test_fold_removes_diacritics_and_case():
    assert fold("Phường Bến Thành") == "phuong ben thanh"
    assert fold("ĐẶC KHU CÔN ĐẢO") == "dac khu con dao"


def test_tone_key_ignores_tone_placement_but_not_the_tone():
    assert tone_key("Hoà") == tone_key("hòa")
    assert tone_key("Thuỷ") == tone_key("Thủy")
    assert tone_key("hoa") != tone_key("hòa")
    assert tone_key("hòa") != tone_key("hóa")


@given(vietnamese)
def test_fold_is_the_same_for_nfc_and_nfd(text):
    assert fold(unicodedata.normalize("NFD", text)) == fold(unicodedata.normalize("NFC", text))


@given(vietnamese)
def test_fold_is_idempotent_and_ascii(text):
    once = fold(text)
    assert fold(once) == once
    assert once.isascii()


def test_search_key_collapses_punctuation():
    assert search_key("  Phường  Bến-Thành, Q.1 ") == "phuong ben thanh q 1"


def test_personal_data_is_masked():
    masked = mask_personal_data("CCCD 079203001234, ĐT 0903123456")
    assert "079203001234" not in masked and "0903123456" not in masked
    assert masked == "CCCD 079******234, ĐT 090*****456"
