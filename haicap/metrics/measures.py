"""What each measure of the index computes from a unit's counters: (numerator, denominator), or
None when there is nothing to measure; and the same formulas on columns, for many units at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import numpy as np
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

Ratio = tuple[float, float] | None


def _ratio(num: float, den: float) -> Ratio:
    return (num, den) if den > 0 else None


def _satisfaction_766(c: Counter[str]) -> Ratio:
    finished, rated = c.get("finished", 0), c.get("rated", 0)
    if not finished or not rated:
        return None
    late = c.get("late", 0) / finished
    unhappy = (rated - c.get("satisfied", 0)) / rated
    return (max(0.0, 1 - late - unhappy), 1.0)


# counters are read with .get(name, 0), not c[name]: Counter's __missing__ is a Python call for
# every absent counter, tens of thousands of times when ranking every commune of the country
MEASURES: dict[str, tuple[Any, Callable[[Counter[str]], Ratio]]] = {  # (lazy formula, ratio)
    "on_time_rate": (
        gettext_lazy("Sớm và đúng hạn ÷ (hoàn thành + quá hạn chưa xong)"),
        lambda c: _ratio(c.get("early", 0) + c.get("on_time", 0), c.get("finished", 0) + c.get("overdue", 0)),
    ),
    "online_rate": (
        gettext_lazy("Nộp trực tuyến ÷ hồ sơ của thủ tục có DVC trực tuyến"),
        lambda c: _ratio(c.get("eligible_online", 0), c.get("eligible", 0)),
    ),
    "online_payment_rate": (
        gettext_lazy("Nộp phí qua ngân hàng (khớp tự động hoặc thủ công) ÷ hồ sơ đã nộp phí"),
        lambda c: _ratio(c.get("fee_paid_online", 0), c.get("fee_paid", 0)),
    ),
    "e_result_rate": (
        gettext_lazy("Trả kết quả trực tuyến ÷ hồ sơ đã trả"),
        lambda c: _ratio(c.get("returned_online", 0), c.get("returned", 0)),
    ),
    "feedback_on_time_rate": (
        gettext_lazy("Trả lời đúng hạn ÷ (đã trả lời + quá hạn chưa trả lời)"),
        lambda c: _ratio(c.get("fb_answered_on_time", 0), c.get("fb_answered", 0) + c.get("fb_overdue", 0)),
    ),
    "feedback_satisfied_rate": (
        gettext_lazy("Hài lòng ÷ phản ánh được đánh giá"),
        lambda c: _ratio(c.get("fb_satisfied", 0), c.get("fb_rated", 0)),
    ),
    "satisfaction_766": (
        gettext_lazy("100% − tỷ lệ trễ hạn − tỷ lệ không hài lòng"),
        _satisfaction_766,
    ),
}


def _div(numerator: Any, denominator: Any) -> Any:
    """numerator / denominator where the denominator is positive, else 0 (arrays)."""
    out = np.zeros(np.broadcast(numerator, denominator).shape)
    return np.divide(numerator, denominator, out=out, where=denominator > 0)


def _satisfaction_766_many(c: dict[str, Any]) -> tuple[Any, Any]:
    asked = (c["finished"] > 0) & (c["rated"] > 0)
    rate = np.maximum(
        0.0, 1 - _div(c["late"], c["finished"]) - _div(c["rated"] - c["satisfied"], c["rated"])
    )
    return np.where(asked, rate, 0.0), asked.astype(float)


# MEASURES for many units at once, on columns (numpy arrays): (numerators, denominators), a
# denominator of 0 meaning "not measured". The same formulas as above, operation for operation,
# so that the scores agree to the last bit (tested against MEASURES on random counters).
MANY: dict[str, Callable[[dict[str, Any]], tuple[Any, Any]]] = {
    "on_time_rate": lambda c: (c["early"] + c["on_time"], c["finished"] + c["overdue"]),
    "online_rate": lambda c: (c["eligible_online"], c["eligible"]),
    "online_payment_rate": lambda c: (c["fee_paid_online"], c["fee_paid"]),
    "e_result_rate": lambda c: (c["returned_online"], c["returned"]),
    "feedback_on_time_rate": lambda c: (
        c["fb_answered_on_time"],
        c["fb_answered"] + c["fb_overdue"],
    ),
    "feedback_satisfied_rate": lambda c: (c["fb_satisfied"], c["fb_rated"]),
    "satisfaction_766": _satisfaction_766_many,
}


# What would measure an indicator that a unit's card shows as "chưa đo" (not measured): for a
# measure, the records the period lacks; for an indicator haicap has no measure of, the source
# it would need (docs/service-index.md).
NEEDS = {
    "on_time_rate": _("cần hồ sơ hoàn thành hoặc đến hạn trong kỳ"),
    "online_rate": _("cần hồ sơ của thủ tục có dịch vụ công trực tuyến"),
    "online_payment_rate": _("cần hồ sơ nộp phí, lệ phí trong kỳ"),
    "e_result_rate": _("cần hồ sơ đã trả kết quả trong kỳ"),
    "feedback_on_time_rate": _("cần phản ánh đã trả lời hoặc đến hạn trả lời trong kỳ"),
    "feedback_satisfied_rate": _("cần phản ánh được người gửi đánh giá"),
    "satisfaction_766": _("cần hồ sơ hoàn thành và được người nộp đánh giá"),
}
NEEDS_BY_GROUP = {
    "transparency": _("cần số liệu của Cổng Dịch vụ công quốc gia (haicap chưa kết nối)"),
    "digitisation": _("cần số liệu số hóa, kho dữ liệu, CSDL dân cư (haicap chưa kết nối)"),
}
NEEDS_OTHER = _("haicap chưa có nguồn số liệu cho chỉ số này")


def measured_by(indicator: Any) -> Any:
    """What would measure `indicator` (a metrics.Indicator) when it is not measured."""
    if indicator.measure:
        return NEEDS.get(indicator.measure, NEEDS_OTHER)
    return NEEDS_BY_GROUP.get(indicator.group, NEEDS_OTHER)
