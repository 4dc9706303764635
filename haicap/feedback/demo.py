"""Demo feedback for `make demo`: reports pinned around central HCMC, made through the same
services as real ones (idempotent: each keyed `demo-fb-N`), some answered with evidence."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from haicap.core.errors import ApplicationError
from haicap.feedback.models import Evidence, Report
from haicap.feedback.services import Submission, report_submit, report_transition

TEXTS = {
    "drainage": "Mưa chiều nay đường ngập sâu, nước tràn vào nhà dân.",
    "lighting": "Đèn đường hỏng cả tuần nay, buổi tối rất tối, dễ xảy ra tai nạn.",
    "waste": "Rác tập kết sai giờ ở góc đường, bốc mùi hôi.",
    "roads": "Ổ gà lớn giữa đường, xe máy dễ té ngã.",
    "trees": "Cây xanh nghiêng sau mưa bão, có nguy cơ ngã đổ.",
    "public-order": "Quán karaoke hát lớn sau 22 giờ nhiều đêm liền.",
}
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def demo_reports(count: int = 16) -> int:
    rng = random.Random(1022)
    officer = get_user_model().objects.filter(username="xuly.saigon").first()
    made = 0
    start = timezone.now() - dt.timedelta(days=6)
    for n in range(count):
        key = f"demo-fb-{n}"
        if Report.objects.filter(idempotency_key=key).exists():
            continue
        category = list(TEXTS)[n % len(TEXTS)]
        lat, lon = 10.7806 + rng.uniform(-0.012, 0.012), 106.7000 + rng.uniform(-0.012, 0.012)
        try:
            report = report_submit(
                Submission(
                    province_code="79",
                    category_code=category,
                    description=TEXTS[category],
                    lat=lat,
                    lon=lon,
                ),
                idempotency_key=key,
                now=start + dt.timedelta(hours=9 * n),
            )
        except ApplicationError:  # a random point may fall on a river: skip it
            continue
        made += 1
        if officer is not None and report.responsible_unit_code == "26740" and n % 2 == 0:
            when = report.created_at + dt.timedelta(hours=20)
            report_transition(report, action="accept", actor=officer, now=when)
            evidence = Evidence(
                report=report, kind="answer", content_type="image/png", size=len(PNG)
            )
            evidence.file.save(f"{report.code}-minh-chung.png", ContentFile(PNG), save=True)
            report_transition(
                report,
                action="answer",
                actor=officer,
                now=when + dt.timedelta(hours=3),
                text="Đơn vị đã kiểm tra và khắc phục; ảnh sau khi xử lý kèm theo.",
            )
    return made
