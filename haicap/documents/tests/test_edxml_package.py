"""edXML packages: the real VPCP SDK and VXP gateway samples read, written and read again."""

from pathlib import Path

import pytest
from django.conf import settings
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from haicap.documents.edxml import EdxmlError, Package, build_package, parse_package
from haicap.documents.edxml.model import (
    Attachment,
    Code,
    DocumentId,
    Organ,
    TraceHeader,
    zip_payload,
)

SAMPLES = Path(settings.BASE_DIR).parent.parent / "shared" / "interop" / "edxml"
needs_samples = pytest.mark.skipif(
    not SAMPLES.is_dir(), reason="the edXML samples are not in ../shared/interop/edxml"
)


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


@needs_samples
def test_vpcp_sdk_package_is_read_with_its_three_recipients_and_zip_payload():
    package = parse_package(sample("vpcp_sdk_document_new_3recipients.edxml"))
    assert package.from_.organ_id == "000.00.00.G22"
    assert [organ.organ_id for organ in package.to] == [
        "000.00.00.H41", "000.00.00.H14", "000.00.00.G17",
    ]
    assert package.code == Code("7816", "VPCP-TTĐT")
    document_id = package.parsed_document_id()
    assert document_id is not None and document_id.code == "7816/VPCP-TTĐT"
    assert str(document_id) == package.document_id
    assert package.signer_info is not None and package.signer_info.full_name == "Nguyen Thanh Phuc"
    assert package.to_places == ("Cac bo va co quan ngang bo", "Uy ban nhan dan cac tinh, TP")
    assert package.bussiness is not None and package.bussiness.bussiness_doc_type == "0"
    # the impossible date 2014/02/30 is kept as written, and read as no date
    business_id = DocumentId.parse(package.bussiness.document_id or "")
    assert business_id is not None and business_id.date() is None
    (attachment,) = package.attachments
    assert attachment.content_type == "application/zip" and len(attachment.data) == 4151
    ((member, data),) = attachment.unzipped()
    assert member.endswith(".edxml") and len(data) == 8381


@needs_samples
def test_gateway_package_with_missing_optional_blocks_is_read():
    package = parse_package(sample("pvn_gateway_document_via_vxp_2025.edxml"))
    assert package.from_.organ_name is None and package.due_date is None
    assert package.parsed_document_id() is None  # a bare UUID
    assert package.trace_headers == (
        TraceHeader("null", "2025/10/23 16:28:42"), TraceHeader(None, "2025/10/23 16:28:43"),
    )
    ((_, data),) = package.attachments[0].unzipped()
    assert data.startswith(b"%PDF-1.3") and len(data) == 11229


@needs_samples
@pytest.mark.parametrize(
    "name", ["vpcp_sdk_document_new_3recipients.edxml", "pvn_gateway_document_via_vxp_2025.edxml"]
)
def test_samples_round_trip(name):
    package = parse_package(sample(name))
    assert parse_package(build_package(package)) == package


@pytest.mark.parametrize(
    "data, where",
    [
        (b"<edXML", "not well-formed"),
        (b"<other/>", "root element"),
        (b'<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"/>', "edXML/edXMLEnvelope: missing"),
        (
            b'<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXMLEnvelope><edXMLHeader>'
            b"<MessageHeader/></edXMLHeader></edXMLEnvelope></edXML>",
            "MessageHeader/From: missing",
        ),
        (
            b'<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXMLEnvelope><edXMLHeader>'
            b"<MessageHeader><From/></MessageHeader></edXMLHeader></edXMLEnvelope>"
            b"<AttachmentEncoded><Attachment><ContentTransferEncoded>@@@</ContentTransferEncoded>"
            b"</Attachment></AttachmentEncoded></edXML>",
            "Attachment[1]/ContentTransferEncoded: not base64",
        ),
    ],
)
def test_malformed_input_is_an_edxml_error_naming_the_path(data, where):
    with pytest.raises(EdxmlError) as caught:
        parse_package(data)
    assert where in str(caught.value)
    assert caught.value.status == 400


vietnamese = st.text(
    alphabet=st.sampled_from("aăâbdđeêghiklmnoôơpqrstuưvxyÀẢÃÁẠẰẲẴẮẶẦẨẪẤẬđĐỳỷỹýỵ 0123456789/-"),
    min_size=1,
    max_size=40,
).map(str.strip).filter(bool)
optional = st.none() | vietnamese


@hsettings(max_examples=60, deadline=None)
@given(
    organs=st.lists(st.builds(Organ, organ_id=vietnamese, organ_name=optional, email=optional), min_size=1, max_size=4),
    subject=optional,
    code=st.none() | st.builds(Code, code_number=optional, code_notation=optional),
    payload=st.binary(max_size=200),
)
def test_generated_headers_round_trip(organs, subject, code, payload):
    package = Package(
        from_=organs[0],
        to=tuple(organs[1:]),
        subject=subject,
        code=code,
        trace_headers=(TraceHeader(organs[0].organ_id, "2026/12/02 21:00:00"),),
        attachments=(
            Attachment("cid:1", "vb.pdf", "application/zip", zip_payload("vb.pdf", payload)),
        ),
    )
    again = parse_package(build_package(package))
    assert again == package
    assert again.attachments[0].unzipped() == [("vb.pdf", payload)]
