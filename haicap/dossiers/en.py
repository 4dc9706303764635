"""English for the one-stop shop's Vietnamese strings added in this app (merged by make messages)."""

EN = {
    "Hẹn trả (ban đầu → hẹn lại)": "Due (original → new date)",
    "đã hẹn lại": "rescheduled",
    "chưa phân công": "not assigned",
    "Đơn vị chưa có cán bộ xử lý nào đang làm việc": "The unit has no active processing officer",
    "giấy tờ đã nhận": "papers received",
    "Giấy tờ phải nộp": "Papers to hand in",
    "Giấy tờ phải xuất trình (đối chiếu rồi trả lại)": "Papers to show (checked, then handed back)",
    "Giấy tờ theo trường hợp (chỉ đánh dấu khi có)": (
        "Papers needed in some cases (tick only when handed in)"
    ),
    "Danh mục quốc gia không ghi rõ giấy tờ của thủ tục này: ghi vào «Nội dung yêu cầu» những gì đã nhận.": (
        "The national catalogue names no papers for this procedure: write what was received under «Request»."
    ),
    "Đã nhận": "Received",
    "Giấy tờ": "Paper",
    "Bản chính": "Originals",
    "Bản sao có chứng thực": "Certified copies",
    "Bản sao": "Copies",
    "Mẫu": "Form",
    "nộp trực tuyến bằng biểu mẫu điện tử": "filed online as an e-form",
    "Lưu ý": "Note",
    "Hướng dẫn của danh mục": "The catalogue's guidance",
    (
        "Danh mục này do hệ thống đọc từ cơ sở dữ liệu quốc gia, chưa được rà soát; đối "
        "chiếu với quy định khi cần."
    ): (

            "This checklist was read by the system from the national database and has not "
            "been reviewed; check it against the regulations when in doubt."

    ),
    "Đã tiếp nhận. Phiếu tiếp nhận và hẹn trả kết quả đã mở để in; giao một liên cho người nộp.": (
        "Accepted. The receipt and appointment slip is open for printing; give one copy to the applicant."
    ),
    "In phiếu hẹn": "Print the slip",
    "Phiếu tiếp nhận và hẹn trả kết quả": "Receipt and appointment slip",
    "Giấy tờ đã nhận": "Papers received",
    "bản sao có chứng thực": "certified copies",
    "Chọn thủ tục để hiện danh mục giấy tờ.": "Choose the procedure to see its checklist.",
    "Đủ (đã đánh dấu mọi giấy tờ bắt buộc): tiếp nhận, in phiếu hẹn (Alt+1)": (
        "Complete (every required paper ticked): accept, print the slip (Alt+1)"
    ),
    "Thiếu: phiếu yêu cầu bổ sung ghi đúng các giấy tờ bắt buộc chưa đánh dấu (Alt+2)": (
        "Incomplete: the supplement request lists exactly the required papers not ticked (Alt+2)"
    ),
    (
        "Giấy tờ cần bổ sung khác (khi mọi giấy tờ bắt buộc đã có nhưng chưa hợp lệ), mỗi "
        "dòng: tên; bản chính / bản sao / bản sao có chứng thực; lý do"
    ): (

            "Other papers to supplement (when every required paper is there but one is not "
            "valid), one a line: name; bản chính / bản sao / bản sao có chứng thực; reason"

    ),
    # online filing (dossiers.eforms, slots, mine, profiles)
    # e-forms (dossiers.eforms)
    "Tờ khai đăng ký khai sinh": "Birth registration form",
    "Tờ khai đăng ký kết hôn": "Marriage registration form",
    "Quan hệ của người đi đăng ký với người được khai sinh": "Relationship of the applicant to the child",
    "Họ, chữ đệm, tên người được khai sinh": "Child's full name",
    "Ngày, tháng, năm sinh": "Date of birth",
    "Giới tính": "Sex",
    "Dân tộc": "Ethnicity",
    "Quốc tịch": "Nationality",
    "Nơi sinh": "Place of birth",
    "Quê quán": "Place of origin",
    "Người được khai sinh": "The child",
    "Mẹ": "Mother",
    "Cha (nếu có)": "Father (if any)",
    "Người đi đăng ký": "The applicant",
    "Họ, chữ đệm, tên của mẹ": "Mother's full name",
    "Ngày sinh của mẹ": "Mother's date of birth",
    "Dân tộc của mẹ": "Mother's ethnicity",
    "Quốc tịch của mẹ": "Mother's nationality",
    "Nơi cư trú của mẹ": "Mother's residence",
    "Số định danh cá nhân của mẹ": "Mother's personal ID number",
    "Họ, chữ đệm, tên của cha": "Father's full name",
    "Ngày sinh của cha": "Father's date of birth",
    "Dân tộc của cha": "Father's ethnicity",
    "Quốc tịch của cha": "Father's nationality",
    "Nơi cư trú của cha": "Father's residence",
    "Số định danh cá nhân của cha": "Father's personal ID number",
    "Họ, chữ đệm, tên bên nữ": "Bride's full name",
    "Ngày sinh bên nữ": "Bride's date of birth",
    "Dân tộc bên nữ": "Bride's ethnicity",
    "Quốc tịch bên nữ": "Bride's nationality",
    "Nơi cư trú bên nữ": "Bride's residence",
    "Số định danh cá nhân bên nữ": "Bride's personal ID number",
    "Họ, chữ đệm, tên bên nam": "Groom's full name",
    "Ngày sinh bên nam": "Groom's date of birth",
    "Dân tộc bên nam": "Groom's ethnicity",
    "Quốc tịch bên nam": "Groom's nationality",
    "Nơi cư trú bên nam": "Groom's residence",
    "Số định danh cá nhân bên nam": "Groom's personal ID number",
    "Kết hôn lần thứ mấy (bên nữ)": "Bride's marriage number (1st, 2nd…)",
    "Kết hôn lần thứ mấy (bên nam)": "Groom's marriage number (1st, 2nd…)",
    "Bên nữ": "Bride",
    "Bên nam": "Groom",
    # records and rights
    "Đã xoá thông tin đã lưu.": "The saved details were deleted.",
    "người nộp trực tuyến": "filed online by",
    "tờ khai điện tử": "electronic declaration",
    "họ và tên": "full name",
    "đồng ý lưu lúc": "consent to keep given at",
    "thông tin công dân": "citizen's details",
    "Lưu thông tin công dân để điền sẵn": "Save a citizen's details for pre-filling",
    "Xoá thông tin công dân đã lưu": "Delete a citizen's saved details",
    "Xem hồ sơ mình đã nộp trực tuyến": "View one's own online dossiers",
    "Hồ sơ của tôi": "My dossiers",
    # pages
    "khai trực tuyến": "declared online",
    "Hồ sơ bạn đã nộp trực tuyến khi đăng nhập, mới nhất trước.": "Dossiers you filed online while signed in, newest first.",  # noqa: E501
    "Nộp hồ sơ mới": "File a new dossier",
    "Nộp lúc": "Filed at",
    "hẹn trả khi hồ sơ được tiếp nhận": "due date set when the dossier is accepted",
    "Bạn chưa nộp hồ sơ trực tuyến nào khi đăng nhập.": "You have not filed any dossier online while signed in.",
    "Thông tin đã lưu để điền sẵn": "Details saved for pre-filling",
    "Xoá thông tin đã lưu": "Delete the saved details",
    "Nơi nộp": "Filed at",
    "Mã tra cứu khi nộp": "Reference given when filing",
    "Quá trình giải quyết": "Progress",
    "Giấy tờ đã tải lên": "Uploaded papers",
    "Không có tệp nào.": "No files.",
    "Đánh giá hoặc tra cứu bằng mã và số điện thoại": "Rate or track with the code and phone number",
    "Xã, phường của bạn": "Your commune or ward",
    "— cả tỉnh —": "— whole province —",
    "Thủ tục người dân nộp nhiều nhất ở xã, phường đã chọn (12 tháng qua) đứng trước.": "The procedures filed most in the chosen commune (last 12 months) come first.",  # noqa: E501
    "đồng": "VND",
    "Người nộp hồ sơ": "Applicant",
    "Thông tin đã điền sẵn từ lần nộp trước; bạn có thể sửa.": "Filled in from your last filing; you can change it.",
    "Thông tin đã điền sẵn từ tài khoản; bạn có thể sửa.": "Filled in from your account; you can change it.",
    "Khai tờ khai ngay trên trang này; không cần tải lên tờ khai giấy.": "Fill in the form on this page; no paper form needs uploading.",  # noqa: E501
    "bắt buộc": "required",
    "%(types)s; tối đa %(mb)s MB mỗi tệp, 20 tệp mỗi hồ sơ.": "%(types)s; at most %(mb)s MB a file, 20 files a dossier.",  # noqa: E501
    "Tôi thuộc trường hợp này": "This applies to me",
    "đã khai trực tuyến, không bắt buộc": "declared online, not required",
    "nếu thuộc trường hợp": "if this applies",
    "không bắt buộc": "optional",
    "Lưu thông tin người nộp để điền sẵn lần sau (xoá được trong «Hồ sơ của tôi»)": "Save the applicant's details to pre-fill next time (delete them in “My dossiers”)",  # noqa: E501
    "Tải kết quả điện tử (PDF)": "Download the electronic result (PDF)",
    "Tờ khai đăng ký khai tử": "Death registration form",
    "Quan hệ của người đi đăng ký với người đã chết": "Relationship of the applicant to the deceased",
    "Họ, chữ đệm, tên người đã chết": "Full name of the deceased",
    "Ngày sinh người đã chết": "Date of birth of the deceased",
    "Số định danh cá nhân người đã chết": "Personal ID number of the deceased",
    "Nơi cư trú cuối cùng": "Last residence",
    "Ngày chết": "Date of death",
    "Nơi chết": "Place of death",
    "Nguyên nhân chết": "Cause of death",
    "Người đã chết": "The deceased",
    "Việc chết": "The death",
    # the counter form's error summary (core.fielderrors)
    "Giấy tờ cần bổ sung": "Papers to supplement",
    'Thông tin công dân': "Citizen's saved details",
    # the register picker (form 07 for a month or the whole year)
    "Tháng": "Month",
    "Cả năm": "Whole year",
    "Tháng %(m)s": "Month %(m)s",
}
