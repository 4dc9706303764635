"""Log filter that masks personal data (citizen ID numbers, phone numbers) per Decree 13/2023."""

from __future__ import annotations

import logging
import re

_CITIZEN_ID = re.compile(r"(?<!\d)(\d{3})\d{6}(\d{3})(?!\d)")
_PHONE = re.compile(r"(?<!\d)(0|\+84)(\d{2})\d{4,5}(\d{3})(?!\d)")


def mask_personal_data(text: str) -> str:
    """'079203001234' -> '079******234'; '0903123456' -> '090*****456'."""
    text = _CITIZEN_ID.sub(lambda m: f"{m.group(1)}******{m.group(2)}", text)
    return _PHONE.sub(lambda m: f"{m.group(1)}{m.group(2)}*****{m.group(3)}", text)


class PersonalDataMaskFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask_personal_data(record.getMessage())
        record.args = None
        return True
