"""English for the Vietnamese strings of citizen feedback (merged by `make messages`)."""

EN = {
    "Sửa lĩnh vực phản ánh": "Feedback category edited",
    'Khoá Open311': 'Open311 key',
    # the report page's place (ADR 0020)
    "Mở bằng ứng dụng bản đồ của máy": "Open in this device's map app",
    # the officers' report queue's search box (core.search, ADR 18)
    "Mã, nội dung hoặc địa chỉ": "Code, description or address",
    # the dispatcher's ward picker (ADR 0020)
    "Xã, phường nhận (hoặc cả tỉnh, thành phố)": "Commune or ward to send it to (or the whole province)",
}
