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
    # the province settings sheet (issue 20, part 2)
    "tỉnh đã kiểm chứng thời hạn": "time verified by the province",
    "tên tệp": "file name",
    "mã băm SHA-256": "SHA-256 digest",
    "số dòng": "rows",
    "số lỗi": "errors",
    "số thủ tục thay đổi": "procedures changed",
    "tải lên lúc": "uploaded at",
    "áp dụng lúc": "applied at",
    "số thủ tục đã thay đổi": "procedures changed when applied",
    "bảng cấu hình tải lên": "uploaded settings sheet",
    "Tải lên bảng cấu hình thủ tục của tỉnh": "Upload of the province's procedure settings sheet",
    "Áp dụng bảng cấu hình thủ tục của tỉnh": "Province's procedure settings sheet applied",
    (
        "Tải bảng cấu hình về, sửa trong Excel (cung cấp, phi địa giới, mức trực tuyến, "
        "thời hạn và đơn vị, kiểm chứng thời hạn, lệ phí), rồi tải lên: hệ thống kiểm "
        "tra từng dòng, cho xem trước những gì thay đổi, và chỉ áp dụng khi bạn xác nhận "
        "(tất cả hoặc không gì cả)."
    ): (
        "Download the settings sheet, edit it in Excel (offered, boundary-free, online "
        "level, time and unit, time verified, fee), then upload it: every row is "
        "checked, you see what would change, and it is applied only when you confirm "
        "(all of it or nothing)."
    ),
    "Thủ tục có thời hạn chưa được tỉnh kiểm chứng không được cung cấp trực tuyến.": (
        "A procedure whose processing time the province has not verified cannot be "
        "offered online."
    ),
    "1. Tải bảng về": "1. Download the sheet",
    "Tải bảng Excel": "Download the Excel sheet",
    "2. Tải bảng đã sửa lên": "2. Upload the edited sheet",
    "Tệp Excel (.xlsx, tối đa 5 MB)": "Excel file (.xlsx, at most 5 MB)",
    "Kiểm tra và xem trước": "Check and preview",
    "Các lần tải lên": "Uploads",
    "Lúc": "At",
    "Tệp": "File",
    "Người tải": "Uploaded by",
    "Dòng": "Row",
    "Thay đổi": "Changes",
    "Áp dụng": "Applied",
    "Chưa có lần tải lên nào.": "No upload yet.",
    "Xem trước bảng cấu hình": "Settings sheet preview",
    "Tỉnh %(p)s · SHA-256 %(d)s": "Province %(p)s · SHA-256 %(d)s",
    "Đã áp dụng lúc %(at)s: %(n)s thủ tục thay đổi.": (
        "Applied at %(at)s: %(n)s procedures changed."
    ),
    "Bảng có %(n)s lỗi; sửa rồi tải lên lại. Chưa thay đổi gì.": (
        "The sheet has %(n)s error(s); correct them and upload it again. Nothing was "
        "changed."
    ),
    "Cột": "Column",
    "Trường": "Field",
    "%(r)s dòng đọc được, không có lỗi. Sẽ thay đổi %(n)s thủ tục.": (
        "%(r)s rows read, no errors. %(n)s procedure(s) will change."
    ),
    "Áp dụng %(n)s thay đổi": "Apply %(n)s change(s)",
    "Thay đổi (trước → sau)": "Changes (before → after)",
    "Bảng trùng với cấu hình đang áp dụng: không có gì để thay đổi.": (
        "The sheet matches the settings in force: nothing to change."
    ),
    'Cung cấp': 'Offered',
    'Phi địa giới': 'Filed anywhere in the province',
    'Lệ phí (đồng)': 'Fee (VND)',
    'Đơn vị thời hạn': 'Time unit',
    'Thời hạn đã kiểm chứng': 'Time verified',
    'Bảng cấu hình': 'Settings sheet',
    # messages and labels through the catalogue (ADR 19)
    'Không tìm thấy thủ tục mã «{code}».': 'No procedure with code «{code}» was found.',
    'Thủ tục không có kênh trực tuyến trong danh mục quốc gia; không thể đặt trực tuyến toàn trình.': (
        'The procedure has no online channel in the national catalogue; it cannot be set '
        'fully online.'
    ),
    'Thời hạn cần cả số và đơn vị.': 'A time limit needs both a number and a unit.',
    (
        'Thủ tục {code}: thời hạn giải quyết chưa được tỉnh kiểm chứng nên chưa thể cung cấp '
        'trực tuyến; hãy nhập thời hạn và đánh dấu đã kiểm chứng.'
    ): (
        'Procedure {code}: its time limit is not verified by the province, so it cannot be '
        'offered online yet; enter the time limit and mark it verified.'
    ),
    'Tệp không phải bảng tính Excel (.xlsx) đọc được.': 'The file is not a readable Excel workbook (.xlsx).',
    'Tệp lớn hơn 5 MB.': 'The file is larger than 5 MB.',
    'Không tìm thấy bảng cấu hình đã tải lên.': 'The uploaded settings sheet was not found.',
    'Bảng còn {n} lỗi; sửa rồi tải lên lại. Chưa thay đổi gì.': (
        'The sheet still has {n} errors; correct them and upload again. Nothing was changed.'
    ),
    'Bảng này đã được áp dụng lúc {at}.': 'This sheet was applied at {at}.',
    'Chọn tệp Excel (.xlsx) để tải lên.': 'Choose an Excel file (.xlsx) to upload.',
    'Kiểm chứng thời hạn': 'Time limit verified',
    'Đơn vị thời hạn «{time_unit}» không hợp lệ.': 'The time unit «{time_unit}» is not valid.',
    'Không có tỉnh mã «{wanted}».': 'There is no province with code «{wanted}».',
    'Cấp «{level}» không hợp lệ; chọn: commune, province.': (
        'The level «{level}» is not valid; choose: commune, province.'
    ),
    '«{value}» không phải là số nguyên không âm.': '«{value}» is not a non-negative whole number.',
    'Đã lưu cấu hình thủ tục {code} cho tỉnh {province}.': (
        'Settings of procedure {code} saved for province {province}.'
    ),
}
