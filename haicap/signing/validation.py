"""Validate the PAdES signatures of a PDF against given trust roots (offline, no fetching)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

from asn1crypto import x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext


@dataclass(frozen=True)
class SignatureReport:
    field_name: str
    signer_cn: str
    signer_o: str
    signing_time: datetime | None
    timestamp_time: datetime | None
    intact: bool
    trusted: bool
    valid: bool
    modification_level: str
    coverage: str
    summary: str  # pyHanko's own status line, e.g. "INTACT:TRUSTED,UNTOUCHED"


def _name_part(cert: x509.Certificate, key: str) -> str:
    return str(cert.subject.native.get(key, ""))


def validate_pdf(pdf_bytes: bytes, *, trust_roots: list[x509.Certificate]) -> list[SignatureReport]:
    """One report per embedded signature. Revocation is soft-fail and nothing is fetched;
    each signature is checked at its timestamp time if it has one, else at its signing time."""
    reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
    reports = []
    for sig in reader.embedded_signatures:
        moment = sig.self_reported_timestamp
        for attr in sig.signer_info["unsigned_attrs"] or []:
            if attr["type"].native == "signature_time_stamp_token":
                tst = attr["values"][0]["content"]["encap_content_info"]["content"].parsed
                moment = tst["gen_time"].native
        vc = ValidationContext(
            trust_roots=trust_roots, allow_fetching=False, revocation_mode="soft-fail", moment=moment
        )
        status = validate_pdf_signature(sig, signer_validation_context=vc, ts_validation_context=vc)
        cert = status.signing_cert
        level = status.modification_level
        reports.append(
            SignatureReport(
                field_name=sig.field_name,
                signer_cn=_name_part(cert, "common_name"),
                signer_o=_name_part(cert, "organization_name"),
                signing_time=status.signer_reported_dt,
                timestamp_time=status.timestamp_validity.timestamp if status.timestamp_validity else None,
                intact=status.intact,
                trusted=status.trusted,
                valid=status.bottom_line,
                modification_level=level.name if level is not None else "UNKNOWN",
                coverage=status.coverage.name if status.coverage is not None else "UNKNOWN",
                summary=status.summary(),
            )
        )
    return reports
