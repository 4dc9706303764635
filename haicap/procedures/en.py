"""English for the procedure catalogue's Vietnamese strings added in this app (merged by make
messages)."""

EN = {
    "nộp trực tuyến: khai biểu mẫu điện tử": "online: fill in the e-form",
    "Giấy tờ theo trường hợp": "Papers needed in some cases",
    (
        "Danh mục giấy tờ do hệ thống đọc từ Cơ sở dữ liệu quốc gia về thủ tục hành chính; "
        "xem văn bản gốc bên dưới khi cần."
    ): (
        "This list of papers was read by the system from the national procedure database; "
        "see the original text below when in doubt."
    ),
    "Danh mục quốc gia không ghi rõ thành phần hồ sơ; xem văn bản gốc bên dưới.": (
        "The national catalogue does not list the papers clearly; see the original text below."
    ),
    "hoặc": "or",
    "Danh mục quốc gia chưa đọc được hết (tỉnh cần xác minh):": (
        "The national catalogue could not all be read (the province should check):"
    ),
    "Trình tự thực hiện": "Steps",
    "Yêu cầu, điều kiện": "Requirements and conditions",
    "thời hạn giải quyết không ghi đơn vị (ngày, ngày làm việc…)": (
        "the processing time has no unit (days, working days…)"
    ),
    "không đọc được thời hạn giải quyết": "the processing time could not be read",
    "không đọc được phí, lệ phí": "the fee could not be read",
    "không đọc được cách thức thực hiện": "the ways of filing could not be read",
    "không đọc được thành phần hồ sơ": "the papers could not be read",
    "không ghi kết quả thực hiện": "no result is stated",
    "không đọc được số hiệu văn bản căn cứ pháp lý": "the legal basis has no readable document number",
}
