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
}
