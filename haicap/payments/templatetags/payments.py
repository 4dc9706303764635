"""How to pay a dossier's fee by bank transfer, for pages that show a dossier to its applicant:
`{% load payments %}{% fee_memo d %}`, `{% fee_account %}`, `{% fee_qr d %}`."""

from __future__ import annotations

from typing import Any

import segno
from django import template
from django.conf import settings

from haicap.dossiers.vietqr import fee_memo as memo_of
from haicap.dossiers.vietqr import fee_payload

register = template.Library()


@register.simple_tag
def fee_memo(dossier: Any) -> str:
    return memo_of(dossier.pk)


@register.simple_tag
def fee_account() -> str:
    return f"{settings.HAICAP_FEE_ACCOUNT} ({settings.HAICAP_FEE_ACCOUNT_NAME})"


@register.simple_tag
def fee_qr(dossier: Any) -> str:
    """The VietQR of the exact amount with the reference, as a PNG data URI."""
    return str(
        segno.make(fee_payload(dossier.pk, dossier.fee_vnd), error="m").png_data_uri(scale=4)
    )
