"""The portal's flattened table cells, read back into fields."""

from haicap.procedures.parsing import (
    parse_channels,
    parse_components,
    parse_legal_basis,
    parse_record,
)


def test_channels_with_units_and_fees():
    problems: list = []
    text = (
        "Hình thức nộpThời gianPhí, lệ phíMô tả"
        "Trực tiếp5 Ngày làm việc50,000 VNĐ(Lệ phí cấp giấy)Trực tuyến3 NgàyMiễn phí"
    )
    channels = parse_channels(text, problems)
    assert [(c.channel, c.time_value, c.time_unit, c.fee_vnd) for c in channels] == [
        ("in_person", 5, "working_days", 50000),
        ("online", 3, "days", 0),
    ]
    assert problems == []


def test_time_glued_to_a_fee_in_thousands_is_settled_by_the_description():
    problems: list = []
    text = "Mô tảTrực tuyến1100 VNĐ(Phí công bố nội dung đăng ký doanh nghiệp: 100.000 đồng/lần)"
    [channel] = parse_channels(text, problems)
    assert (channel.time_value, channel.fee_vnd) == (1, 100000)
    assert ("time_unit", "online: time 1 has no unit") in problems


def test_unreadable_cells_are_reported_not_guessed():
    problems: list = []
    [channel] = parse_channels(
        "Mô tảTrực tuyến120,000 VNĐ(Theo Thông tư 172/2010/TT-BTC)", problems
    )
    assert channel.time_value is None and channel.fee_vnd is None
    assert problems[0][0] == "fee"


def test_channel_names_inside_descriptions_do_not_start_cells():
    problems: list = []
    text = "Mô tảTrực tiếp5 Ngày làm việcMiễn phí- Trực tiếp: nộp tại Bộ phận Một cửaTrực tuyến5 Ngày làm việcMiễn phí"
    assert [c.channel for c in parse_channels(text, problems)] == ["in_person", "online"]


def test_components_counts_templates_and_presented_documents():
    problems: list = []
    text = (
        "* Giấy tờ phải nộp:Tên giấy tờMẫu đơn, tờ khaiSố lượng"
        "- Tờ khai đăng ký khai sinh theo mẫuTo khai.docx1 bản chính"
        "- Giấy chứng sinh.0 bản chính,1 bản sao"
        "* Giấy tờ phải xuất trình:Tên giấy tờMẫu đơn, tờ khaiSố lượng- Căn cước1 bản chính"
    )
    components = parse_components(text, problems)
    assert [(c.name, c.originals, c.copies, c.template, c.presented) for c in components] == [
        ("Tờ khai đăng ký khai sinh theo mẫu", 1, 0, "To khai.docx", False),
        ("Giấy chứng sinh.", 0, 1, "", False),
        ("Căn cước", 1, 0, "", True),
    ]


def test_legal_codes_stop_before_the_next_title():
    problems: list = []
    basis = parse_legal_basis(
        "Tên văn bản pháp lýMã văn bảnThông tư về phí85/2019/TT-BTCNghị định hộ tịch123/2015/NĐ-CP",
        problems,
    )
    assert [b["code"] for b in basis] == ["85/2019/TT-BTC", "123/2015/NĐ-CP"]
    assert basis[1]["title"] == "Nghị định hộ tịch"


def test_record_levels_and_result():
    parsed = parse_record(
        {
            "cap_thuc_hien": "Cấp tỉnh, Cấp xã",
            "ket_qua_xu_ly": "Giấy khai sinhMã: KQ.G15.000031Từ khóa",
        }
    )
    assert parsed.levels == ["commune", "province"]
    assert parsed.result == "Giấy khai sinh"


def test_legal_basis_keeps_each_title_with_its_own_code():
    """A code quoted inside a title (after a space) does not end the entry; the code column is
    glued to its title, or to the next title, or to the next code."""
    text = (
        "Tên văn bản pháp lýMã văn bản"
        "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của  Chính phủ quy định chi tiết một số điều"
        " và biện pháp thi  hành Luật Hộ tịch123/2015/NĐ-CP"
        "Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư phápThông tư số 03/2023/TT-BTP"
        "Nghị định 118/2014/NĐ-CP118/2014/NĐ-CP"
        "Luật 60/2014/QH1360/2014/QH13"
        "Nghị quyết số 66.7/2025/NQ-CP của Chính phủ66.7/2025/NQ-CP"
    )
    problems: list = []
    assert parse_legal_basis(text, problems) == [
        {
            "title": "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết"
            " một số điều và biện pháp thi hành Luật Hộ tịch",
            "code": "123/2015/NĐ-CP",
        },
        {"title": "Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư pháp", "code": "03/2023/TT-BTP"},
        {"title": "Nghị định 118/2014/NĐ-CP", "code": "118/2014/NĐ-CP"},
        {"title": "Luật 60/2014/QH13", "code": "60/2014/QH13"},
        {"title": "Nghị quyết số 66.7/2025/NQ-CP của Chính phủ", "code": "66.7/2025/NQ-CP"},
    ]
    assert problems == []
