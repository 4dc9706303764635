"""English for the one-stop shop's Vietnamese strings added in this app (merged by make messages)."""

EN = {
    "Hẹn trả (ban đầu → hẹn lại)": "Due (original → new date)",
    "đã hẹn lại": "rescheduled",
    "chưa phân công": "not assigned",
    "Đơn vị chưa có cán bộ xử lý nào đang làm việc": "The unit has no active processing officer",
}
