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
    # messages and labels through the catalogue (ADR 19)
    'Cần nội dung trả lời, cập nhật hoặc lý do (ít nhất 10 ký tự).': (
        'The answer, update or reason needs at least 10 characters.'
    ),
    'Cần ghi rõ cơ quan có thẩm quyền xử lý.': 'Name the competent body.',
    'Ngày hẹn trả lời phải từ hôm nay trở đi, dạng YYYY-MM-DD.': (
        'The promised answer date must be today or later, written YYYY-MM-DD.'
    ),
    'Cần ghi lý do không hài lòng.': 'Give the reason for dissatisfaction.',
    'lãnh đạo đơn vị': "the unit's leader",
    'Cần tải lên ít nhất một tệp minh chứng (PDF, JPEG hoặc PNG).': (
        'Upload at least one evidence file (PDF, JPEG or PNG).'
    ),
    'Phản ánh {code} đang «{status}»: không thể thêm minh chứng trả lời.': (
        'Report {code} is «{status}»: no answer evidence can be added.'
    ),
    'Không tìm thấy phản ánh «{code}».': 'No report «{code}» was found.',
    'Đã lưu kiểm duyệt.': 'Moderation saved.',
    'Vị trí ({lat}, {lon}) nằm ngoài lãnh thổ Việt Nam.': 'The location ({lat}, {lon}) is outside Vietnam.',
    'Vị trí ({lat}, {lon}) không thuộc xã, phường nào (ngoài biển hoặc ranh giới).': (
        'The location ({lat}, {lon}) is in no commune or ward (at sea or on a boundary).'
    ),
    'Vị trí thuộc {commune}, {province}: hãy gửi phản ánh đến {province}.': (
        'The location is in {commune}, {province}: please send the report to {province}.'
    ),
    'Cần vị trí trên bản đồ (toạ độ) hoặc địa chỉ nơi xảy ra sự việc.': (
        'A location on the map (coordinates) or the address where it happened is needed.'
    ),
    'Không có lĩnh vực phản ánh «{code}» ở tỉnh {province}.': (
        'There is no feedback category «{code}» in province {province}.'
    ),
    'Nội dung phản ánh cần từ 10 đến 5.000 ký tự.': 'The report must have 10 to 5,000 characters.',
    (
        'Đây là khiếu nại hoặc tố cáo: theo Luật Khiếu nại và Luật Tố cáo, đơn phải gửi trực '
        'tiếp đến cơ quan có thẩm quyền (Ban Tiếp công dân của {province}), không qua kênh '
        'phản ánh, kiến nghị. Nếu bạn chỉ muốn báo một sự việc cần xử lý, hãy viết lại nội '
        'dung không kèm yêu cầu khiếu nại, tố cáo.'
    ): (
        'This is a complaint or denunciation: under the Law on Complaints and the Law on '
        'Denunciations it must be sent directly to the competent body (the Citizen Reception '
        'Board of {province}), not through feedback. If you only want to report something '
        'that needs handling, write it again without the complaint or denunciation.'
    ),
    'Người gửi này đang bị tạm chặn gửi phản ánh do vi phạm quy định sử dụng.': (
        'This sender is temporarily blocked from sending reports for breaking the rules of '
        'use.'
    ),
    'Cần ghi lý do.': 'Give the reason.',
    'Không thể gộp vào phản ánh này.': 'Cannot merge into this report.',
    'Cần ghi lý do chặn.': 'Give the reason for blocking.',
    'Mã xác nhận không đúng; còn {left} lần thử.': 'The confirmation code is wrong; {left} attempts left.',
    'Mã xác nhận đã bị huỷ sau {n} lần nhập sai; hãy bấm «Gửi lại mã» để nhận mã mới.': (
        'The confirmation code was cancelled after {n} wrong entries; press «Send the code '
        'again» to get a new one.'
    ),
    'Chưa có mã xác nhận; hãy bấm «Gửi lại mã» để nhận mã.': (
        'There is no confirmation code yet; press «Send the code again» to get one.'
    ),
    'Không tìm thấy tệp.': 'The file was not found.',
    'Đường dẫn riêng không đúng hoặc đã hết hạn.': 'The private link is wrong or has expired.',
    'Đường dẫn riêng của phản ánh không đúng.': "The report's private link is wrong.",
    'Trả lời phải kèm ít nhất một ảnh hoặc tài liệu minh chứng.': (
        'An answer needs at least one photo or document as evidence.'
    ),
    'Đơn vị «{code}» không thuộc tỉnh của phản ánh.': "The unit «{code}» is not in the report's province.",
    'Không tìm thấy phản ánh «{duplicate_of}».': 'No report «{duplicate_of}» was found.',
    'Không có tỉnh mã «{province_code}».': 'There is no province with code «{province_code}».',
    '«{value}» không phải toạ độ hợp lệ.': '«{value}» is not a valid coordinate.',
    'Thao tác «{action}» không có.': 'There is no action «{action}».',
    "Không có api_key còn hiệu lực mang tên «{label}» ở tỉnh {province}.": (
        "No api_key in force is named «{label}» in province {province}."
    ),
    "api_key «{label}» đã gửi {limit} yêu cầu trong {window}: vui lòng thử lại sau {minutes} phút.": (
        "api_key «{label}» sent {limit} requests within {window}: please try again in {minutes} minutes."
    ),
    "Đã nhận {limit} yêu cầu từ địa chỉ mạng này trong {window}: vui lòng thử lại sau {minutes} phút.": (
        "{limit} requests were received from this network address within {window}: "
        "please try again in {minutes} minutes."
    ),
}
