"""English for the workdays app's Vietnamese strings added in this app (merged by make messages)."""

EN = {
    # messages and labels through the catalogue (ADR 19)
    'Ngày phải có dạng YYYY-MM-DD.': 'The date must be written YYYY-MM-DD.',
    'Không có ngày hoán đổi này.': 'There is no such swapped day.',
    'Đã xoá ngày hoán đổi.': 'The swapped day is deleted.',
    'Năm «{value}» không hợp lệ.': 'The year «{value}» is not valid.',
    'Đã lưu ngày {day:%d/%m/%Y}.': 'Day {day:%d/%m/%Y} saved.',
}
