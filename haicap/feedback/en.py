"""English for the Vietnamese strings of citizen feedback (merged by `make messages`)."""

EN = {
    "Sửa lĩnh vực phản ánh": "Feedback category edited",
    'Khoá Open311': 'Open311 key',
}
