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
}
