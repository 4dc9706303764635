from pathlib import Path

import pytest
from asn1crypto import pem, x509

from haicap.signing.validation import validate_pdf

PADES = Path(__file__).resolve().parents[4] / "shared" / "interop" / "pades"
pytestmark = pytest.mark.skipif(not PADES.is_dir(), reason="../shared/interop/pades is absent")


def _cert(name: str) -> x509.Certificate:
    data = (PADES / name).read_bytes()
    return x509.Certificate.load(pem.unarmor(data)[2] if pem.detect(data) else data)


def test_lexpersona_b_t_is_valid_at_the_timestamp_time():
    (r,) = validate_pdf((PADES / "lexpersona_sunnystamp_pades_b_t.pdf").read_bytes(),
                        trust_roots=[_cert("sunnystamp_root_ca_test.pem")])
    assert r.valid and r.intact and r.trusted
    assert r.signer_cn == "Benoit Schweblin"
    assert r.timestamp_time is not None and r.timestamp_time.year == 2021
    assert r.modification_level == "NONE"


def test_setapdf_has_two_valid_signatures():
    rs = validate_pdf((PADES / "setapdf_two_signatures_pades_b_b.pdf").read_bytes(),
                      trust_roots=[_cert("setapdf_demo_selfsigned.pem")])
    assert [r.field_name for r in rs] == ["Signaturefield", "Signaturefield_1"]
    assert all(r.valid and r.signer_cn == "SetaPDF-Demo" for r in rs)


def test_untrusted_root_is_intact_but_not_trusted():
    (r,) = validate_pdf((PADES / "lexpersona_sunnystamp_pades_b_t.pdf").read_bytes(),
                        trust_roots=[_cert("setapdf_demo_selfsigned.pem")])
    assert r.intact and not r.trusted and not r.valid


def test_tampered_byte_is_not_intact():
    data = bytearray((PADES / "setapdf_two_signatures_pades_b_b.pdf").read_bytes())
    i = 12  # a byte of the header comment line, inside every signed byte range
    data[i] ^= 0x01
    rs = validate_pdf(bytes(data), trust_roots=[_cert("setapdf_demo_selfsigned.pem")])
    assert rs and not rs[0].intact and not rs[0].valid
