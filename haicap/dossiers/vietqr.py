"""VietQR (NAPAS, EMVCo merchant-presented) payloads for paying a fee by bank transfer."""

from __future__ import annotations

from django.conf import settings


def _tlv(tag: str, value: str) -> str:
    return f"{tag}{len(value):02d}{value}"


def crc16_ccitt(data: bytes) -> int:
    """CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF), as EMVCo requires."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def vietqr_payload(*, bank_bin: str, account: str, amount: int, purpose: str) -> str:
    """Dynamic QR for a transfer of `amount` đồng to `account` at the bank `bank_bin`."""
    if not (bank_bin.isdigit() and len(bank_bin) == 6):
        raise ValueError("bank BIN must be 6 digits")
    if amount <= 0:
        raise ValueError("amount must be positive")
    beneficiary = _tlv("00", bank_bin) + _tlv("01", account)
    merchant = _tlv("00", "A000000727") + _tlv("01", beneficiary) + _tlv("02", "QRIBFTTA")
    body = (
        _tlv("00", "01")
        + _tlv("01", "12")
        + _tlv("38", merchant)
        + _tlv("53", "704")
        + _tlv("54", str(amount))
        + _tlv("58", "VN")
        + _tlv("62", _tlv("08", purpose[:25]))
        + "6304"
    )
    return body + f"{crc16_ccitt(body.encode('ascii')):04X}"


def fee_memo(dossier_id: int) -> str:
    """The transfer's memo: the dossier's payment reference (haicap.payments.reference), which
    the statement import finds in whatever the bank and the citizen make of the memo."""
    from haicap.payments.reference import reference_for

    return f"PHI {reference_for(dossier_id)}"


def fee_payload(dossier_id: int, amount: int) -> str:
    return vietqr_payload(
        bank_bin=settings.HAICAP_FEE_BANK_BIN,
        account=settings.HAICAP_FEE_ACCOUNT,
        amount=amount,
        purpose=fee_memo(dossier_id),
    )
