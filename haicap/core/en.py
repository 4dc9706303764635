"""English for the core's Vietnamese strings added since the platform's table (merged by make
messages; a msgid translated twice stops it)."""

EN = {
    # error pages (core.error_pages)
    "Không tìm thấy trang": "Page not found",
    "Thao tác không được hỗ trợ": "Method not allowed",
    "Thao tác không phù hợp với trạng thái hiện tại": "Not possible in the current state",
    "Dữ liệu chưa hợp lệ": "Invalid data",
    "Quá nhiều yêu cầu": "Too many requests",
    "Lỗi hệ thống": "System error",
    "Yêu cầu gửi đến không đúng định dạng.": "The request was not in the expected form.",
    "Bạn không có quyền xem trang này.": "You do not have permission to see this page.",
    "Trang bạn tìm không có hoặc đã được chuyển đi. Hãy kiểm tra lại địa chỉ.": (
        "The page you are looking for does not exist or has moved. Please check the address."
    ),
    "Trang này không nhận thao tác {method}.": "This page does not accept {method}.",
    "Hệ thống gặp lỗi khi xử lý yêu cầu; lỗi đã được ghi lại. Vui lòng thử lại sau ít phút.": (
        "The system met an error handling the request; it has been logged. "
        "Please try again in a few minutes."
    ),
    "Mã lỗi %(status)s": "Error code %(status)s",
    "Bạn không có quyền thực hiện thao tác này cho đơn vị này.": (
        "You do not have permission to do this for this unit."
    ),
    "Tham số «{field}» chứa ký tự không hợp lệ (NUL hoặc surrogate đơn lẻ).": (
        "The parameter «{field}» holds an invalid character (NUL or a lone surrogate)."
    ),
    # core.fielderrors: the error summary at the top of a refused form
    "Chưa lưu được, vui lòng sửa:": "Not saved yet. Please correct:",
    # the main navigation (base.html, ADR 23)
    "Điều hướng chính": "Main navigation",
    "Thêm": "More",
    "Menu": "Menu",
    'có': 'yes',
    'không': 'no',
    'Người dùng': 'User',
    'Phân quyền': 'Membership',
    'Token API': 'API token',
    # maps (core.maps, templatetags/places.py; ADR 0020)
    "Vị trí của tôi": "My location",
    "Bạn đang ở đây (sai số khoảng %(m)s m)": "You are here (within about %(m)s m)",
    "Đang xác định vị trí…": "Finding your location…",
    "Không xác định được vị trí: %(reason)s": "Your location could not be found: %(reason)s",
    "Không tải được ranh giới": "The boundaries could not be loaded",
    "Bản đồ: %(place)s": "Map: %(place)s",
    # core.formatting: money and durations (ADR 17)
    "%(amount)s đồng": "%(amount)s VND",
    "1 ngày": "1 day",
    "%(n)s ngày": "%(n)s days",
    "1 ngày làm việc": "1 working day",
    "%(n)s ngày làm việc": "%(n)s working days",
    "1 giờ": "1 hour",
    "%(n)s giờ": "%(n)s hours",
    "1 giờ làm việc": "1 working hour",
    "%(n)s giờ làm việc": "%(n)s working hours",
    "1 tháng": "1 month",
    "%(n)s tháng": "%(n)s months",
    # messages and labels through the catalogue (ADR 19)
    'Biểu mẫu có {count} lỗi: {errors}': 'The form has {count} errors: {errors}',
    'Idempotency-Key phải có từ 1 đến 80 ký tự ASCII in được (chữ, số, dấu).': (
        'Idempotency-Key must be 1 to 80 printable ASCII characters (letters, digits, '
        'punctuation).'
    ),
    (
        'Idempotency-Key này đã được dùng cho một yêu cầu khác; mỗi yêu cầu mới cần một khóa '
        'mới (chỉ gửi lại đúng yêu cầu cũ với khóa cũ).'
    ): (
        'This Idempotency-Key was used for another request; each new request needs a new key '
        '(send the same old request again only with its old key).'
    ),
    'Số định danh cá nhân phải gồm đúng 12 chữ số.': 'A personal identification number has exactly 12 digits.',
    'Số định danh «{value}»: 3 chữ số đầu ({prefix}) không phải mã tỉnh nơi đăng ký khai sinh.': (
        'Identification number «{value}»: the first 3 digits ({prefix}) are not the code of '
        'a province of birth registration.'
    ),
    'Số định danh «{value}»: chữ số thứ 4 và năm sinh ({year}) không hợp lệ.': (
        'Identification number «{value}»: the 4th digit and the year of birth ({year}) are '
        'not valid.'
    ),
    (
        'Số điện thoại «{value}» không hợp lệ (di động: 10 số bắt đầu 03, 05, 07, 08, 09; cố '
        'định: 11 số bắt đầu 02).'
    ): (
        'Phone number «{value}» is not valid (mobile: 10 digits starting 03, 05, 07, 08, 09; '
        'landline: 11 digits starting 02).'
    ),
    'Quá nhiều lần thử; vui lòng thử lại sau {minutes} phút.': (
        'Too many attempts; please try again in {minutes} minutes.'
    ),
    'Vai trò «{role}» không áp dụng cho đơn vị cấp «{level}».': (
        'The role «{role}» does not apply to a unit of level «{level}».'
    ),
    'Người dùng đã có vai trò này tại đơn vị này.': 'The user already holds this role at this unit.',
    'Đơn vị «{unit}» không còn hiệu lực; chỉ phân quyền tại đơn vị đang hoạt động.': (
        'The unit «{unit}» is no longer in force; roles are granted only at units in force.'
    ),
    'Tệp «{name}» quá lớn ({size} MB); tối đa 10 MB mỗi tệp.': (
        'The file «{name}» is too large ({size} MB); at most 10 MB per file.'
    ),
    'Tệp «{name}» không phải PDF, JPEG hoặc PNG.': 'The file «{name}» is not a PDF, JPEG or PNG.',
    'Tối đa {limit} tệp.': 'At most {limit} files.',
    'Thao tác «{action}» không tồn tại.': 'The action «{action}» does not exist.',
    '{record} {code} đang «{status}»: không thể «{action}». Thao tác được phép: {allowed}.': (
        '{record} {code} is «{status}»: «{action}» is not possible. Allowed actions: '
        '{allowed}.'
    ),
    'không có': 'none',
    'Chỉ hệ thống mới thực hiện được thao tác này.': 'Only the system can do this.',
    'Không tìm thấy hồ sơ với mã và 4 số cuối điện thoại này.': (
        'No dossier has this code and these last 4 digits of the phone number.'
    ),
    'Nhập đúng 4 số cuối của số điện thoại đã khai khi nộp hồ sơ.': (
        'Enter the last 4 digits of the phone number given when filing the dossier.'
    ),
    'Tối đa 20 tệp cho một hồ sơ.': 'At most 20 files for one dossier.',
    'Hồ sơ {code} không còn nhận thêm giấy tờ (trạng thái «{status}»).': (
        'Dossier {code} accepts no more papers (status «{status}»).'
    ),
    'Đã nhận {limit} hồ sơ trực tuyến từ địa chỉ mạng này trong {window}: vui lòng thử lại sau {minutes} phút.': (
        '{limit} online dossiers were received from this network address within {window}: '
        'please try again in {minutes} minutes.'
    ),
    (
        'Số điện thoại này đã nộp {limit} hồ sơ trực tuyến trong {window}: vui lòng thử lại '
        'sau {minutes} phút hoặc nộp trực tiếp tại bộ phận một cửa.'
    ): (
        'This phone number filed {limit} online dossiers within {window}: please try again '
        'in {minutes} minutes or file at the one-stop desk.'
    ),
    'cấp tỉnh': 'the province',
    '{value} ngày': '{value} days',
    '{value} giờ': '{value} hours',
    '{value} phút': '{value} minutes',
    'bình quân {now} so với {before} (kỳ gốc {start:%d/%m/%Y}–{end:%d/%m/%Y})': (
        'on average {now} against {before} (baseline {start:%d/%m/%Y}–{end:%d/%m/%Y})'
    ),
    'Đã áp dụng bảng cấu hình: {n_changes} thủ tục thay đổi (trong {rows} dòng).': (
        'Settings sheet applied: {n_changes} procedures changed (out of {rows} rows).'
    ),
}
