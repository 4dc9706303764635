"""English for the units app's Vietnamese strings (merged by `make messages`)."""
# ruff: noqa: E501

EN = {
    # names, never codes (ADR 0020)
    "Lưu ý: cũng có %(old)s (cũ) cùng tên, nay thuộc %(names)s.": "Note: there was also an old %(old)s with this name, now in %(names)s.",
    # service points (ADR 0015)
    "Trung tâm Phục vụ hành chính công và chi nhánh": "Public administration service centre and branches",
    "Xã, phường, đặc khu": "Communes, wards, special zones",
    "Điểm tiếp nhận": "Service points",
    "Điểm tiếp nhận hồ sơ": "Service point",
    "Trung tâm Phục vụ hành chính công": "Public administration service centre",
    "Chi nhánh Trung tâm Phục vụ hành chính công": "Branch of the public administration service centre",
    "trung tâm chủ quản": "parent centre",
    "mã xã/phường nơi đặt trụ sở": "code of the commune the building is in",
    "mã quận/huyện cũ": "old district code",
    "Mỗi dòng một khoảng thời gian": "One opening period a line",
    "vĩ độ": "latitude",
    "kinh độ": "longitude",
    "dữ liệu minh hoạ": "illustrative data",
    "thứ tự": "order",
    "điểm tiếp nhận hồ sơ": "service point",
    "Nạp danh sách điểm tiếp nhận hồ sơ": "Load the list of service points",
    "Xã, phường giải quyết (khi nộp tại trung tâm hoặc chi nhánh)": "Commune that decides (when filing at the centre or a branch)",
    "— chọn khi nộp tại trung tâm hoặc chi nhánh —": "— choose when filing at the centre or a branch —",
    "Địa chỉ, giờ làm việc của trung tâm và các chi nhánh": "Addresses and opening hours of the centre and its branches",
    "minh hoạ": "illustrative",
    "Xem trên bản đồ": "See on the map",
    "Điểm tiếp nhận và trả kết quả hồ sơ": "Where to file dossiers and collect results",
    "Ngoài bộ phận một cửa của xã, phường, đặc khu, người dân nộp hồ sơ thủ tục phi địa giới tại Trung tâm Phục vụ hành chính công của tỉnh, thành phố và các chi nhánh; hồ sơ được chuyển đến xã, phường có thẩm quyền và trả kết quả tại nơi đã nộp.": "Besides the one-stop desk of each commune, ward and special zone, boundary-free procedures can be filed at the province's public administration service centre and its branches; the dossier is sent to the competent commune and the result is returned where it was filed.",
    "Tên hoặc địa chỉ (không cần dấu)": "Name or address (diacritics optional)",
    "Tìm điểm tiếp nhận": "Find a service point",
    "Địa chỉ và giờ làm việc đánh dấu «minh hoạ» chưa được đối chiếu với quyết định thành lập của thành phố; vị trí trên bản đồ là tâm của phường nơi đặt trụ sở.": "Addresses and hours marked “illustrative” have not been checked against the city's founding decision; the position on the map is the centre of the ward the building is in.",
    "Tại trụ sở cũ của": "In the former headquarters of",
    "Nộp hồ sơ trực tuyến, nhận kết quả tại đây": "File online, collect the result here",
    "Tỉnh, thành phố này chưa có điểm tiếp nhận nào ngoài bộ phận một cửa của xã, phường.": "This province has no service point yet besides the communes' one-stop desks.",
    "Danh sách xã, phường, đặc khu của tỉnh, thành phố": "Communes, wards and special zones of the province",
    "Bản đồ vẽ từ ranh giới trong dữ liệu của hệ thống; không cần máy chủ bản đồ nền. Danh sách bên cạnh đủ dùng khi không xem được bản đồ.": "The map is drawn from the system's own boundaries, with no tile server. The list beside it is enough when the map cannot be shown.",
    "Đã lưu thông tin điểm tiếp nhận.": "The service point's details were saved.",
    "Sửa địa chỉ, giờ làm việc của điểm tiếp nhận": "Change a service point's address and hours",
    "Sửa thông tin điểm tiếp nhận hồ sơ của tỉnh": "Change the province's service points",
    "Sửa điểm tiếp nhận": "Edit service point",
    "Lưu thông tin theo quyết định của tỉnh, thành phố: điểm tiếp nhận không còn đánh dấu «minh hoạ»; thay đổi được ghi nhật ký.": "Save the details as the province decided them: the point is no longer marked “illustrative”; the change is audited.",
    "Giờ làm việc (mỗi dòng một khoảng thời gian)": "Opening hours (one period a line)",
    "Sửa địa chỉ, giờ làm việc": "Edit address and hours",
    "không phi địa giới: chỉ nhận tại xã, phường có thẩm quyền": "not boundary-free: received only at the competent commune",
    # an old province's page (ADR 23)
    "Các quận, huyện của tỉnh, thành phố này": "Districts of this province",
    "Quận, huyện cũ": "Former district",
    "Số xã, phường cũ": "Former communes and wards",
    # messages and labels through the catalogue (ADR 19)
    'Điểm ({lat}, {lon}) nằm ngoài lãnh thổ Việt Nam: không thuộc xã/phường nào.': (
        'The point ({lat}, {lon}) is outside Vietnam: it is in no commune or ward.'
    ),
    'Cần tham số address (địa chỉ cần chuyển đổi).': 'The address parameter is required (the address to convert).',
    'Địa chỉ dài quá 500 ký tự.': 'The address is longer than 500 characters.',
    'Toạ độ không hợp lệ: vĩ độ trong [-90, 90], kinh độ trong [-180, 180].': (
        'Invalid coordinates: latitude within [-90, 90], longitude within [-180, 180].'
    ),
    'Không tìm thấy điểm tiếp nhận mã «{code}».': 'No service point with code «{code}» was found.',
    'Cần nhập {label}.': 'Enter the {label}.',
    '{label} dài quá {most} ký tự.': 'The {label} is longer than {most} characters.',
    'Giờ làm việc: tối đa {most} dòng.': 'Opening hours: at most {most} lines.',
    'Số điện thoại chỉ gồm chữ số, dấu cách, dấu chấm, dấu gạch và dấu +.': (
        'A phone number has only digits, spaces, dots, hyphens and +.'
    ),
    'Mỗi dòng giờ làm việc': 'Each line of opening hours',
    'Không tìm thấy đơn vị hành chính mã «{code}».': 'No administrative unit with code «{code}» was found.',
    'Tối đa {n} địa chỉ mỗi lần dán; với danh sách dài hơn, hãy tải lên tệp CSV.': (
        'At most {n} addresses per paste; for a longer list, upload a CSV file.'
    ),
    'Tệp quá lớn ({size} MB); tối đa 5 MB.': 'The file is too large ({size} MB); at most 5 MB.',
    'Chưa chọn tệp CSV.': 'No CSV file chosen.',
    'nay thuộc': 'now part of',
    'hình thành từ': 'formed from',
}
