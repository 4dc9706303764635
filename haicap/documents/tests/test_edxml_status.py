"""edXML status messages: the four real SDK samples read, written and read again."""

import pytest

from haicap.documents.edxml.model import EdxmlError
from haicap.documents.edxml.status import build_status, parse_status
from haicap.documents.tests.test_edxml_package import SAMPLES, needs_samples


@needs_samples
@pytest.mark.parametrize(
    "name, code",
    [("01_inbox", "01"), ("03_acceptance", "03"), ("05_processing", "05"), ("06_finish", "06")],
)
def test_real_status_samples_read_and_round_trip(name, code):
    status = parse_status((SAMPLES / "status" / f"status_{name}.edxml").read_bytes())
    assert status.status_code == code
    assert status.from_.organ_id == "000.00.00.H41"
    assert status.response_for is not None
    assert status.response_for.document_id == "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT"
    assert status.staff_info is not None and status.staff_info.mobile == "84912000001"
    assert status.timestamp and status.timestamp[4] == "/"
    assert parse_status(build_status(status)) == status


def test_unknown_status_code_names_the_element():
    data = (
        b'<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXMLEnvelope><edXMLHeader>'
        b"<MessageHeader><From/><StatusCode>99</StatusCode></MessageHeader>"
        b"</edXMLHeader></edXMLEnvelope></edXML>"
    )
    with pytest.raises(EdxmlError, match="StatusCode: unknown code"):
        parse_status(data)
