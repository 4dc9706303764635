"""Read an edXML package (QCVN 102:2016) as the VPCP SDK and the VXP gateways write it.

Tolerant where real files differ (prefixed or default namespace, the attachment outside
the envelope, optional blocks missing, "null" organ ids), strict where nothing can be
read: every failure is an `EdxmlError` naming the element path, never an lxml exception.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from lxml import etree

from haicap.documents.edxml import fields
from haicap.documents.edxml.model import (
    NS,
    Attachment,
    Bussiness,
    Code,
    DocumentType,
    EdxmlError,
    Organ,
    OtherInfo,
    Package,
    PromulgationInfo,
    ResponseFor,
    SignerInfo,
    StaffInfo,
    TraceHeader,
)

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True
)


def _q(name: str) -> str:
    return f"{{{NS}}}{name}"


def read_xml(data: bytes, root_name: str = "edXML") -> etree._Element:
    """The root element, checked to be `edXML` in the QCVN namespace."""
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        raise EdxmlError(f"edXML: not well-formed XML ({error})") from error
    if root.tag != _q(root_name):
        raise EdxmlError(
            f"{root_name}: the root element is {root.tag}, expected {{{NS}}}{root_name}"
        )
    return root


def child(parent: etree._Element, name: str, path: str) -> etree._Element:
    """The one required child `name` of `parent`."""
    found = parent.find(_q(name))
    if found is None:
        raise EdxmlError(f"{path}/{name}: missing")
    return found


def text(parent: etree._Element, name: str) -> str | None:
    found = parent.find(_q(name))
    if found is None:
        return None
    return (found.text or "").strip()


def block(parent: etree._Element, spec: tuple[tuple[str, str], ...]) -> dict[str, Any]:
    return {attr: text(parent, name) for name, attr in spec}


def _optional(parent: etree._Element, name: str, cls: Any, spec: Any) -> Any:
    found = parent.find(_q(name))
    return None if found is None else cls(**block(found, spec))


def parse_organ(element: etree._Element) -> Organ:
    return Organ(**block(element, fields.ORGAN))


def parse_staff(parent: etree._Element) -> StaffInfo | None:
    return _optional(parent, "StaffInfo", StaffInfo, fields.STAFF)


def parse_response_for(parent: etree._Element) -> ResponseFor | None:
    return _optional(parent, "ResponseFor", ResponseFor, fields.RESPONSE_FOR)


def _parse_other(header: etree._Element) -> OtherInfo | None:
    found = header.find(_q("OtherInfo"))
    if found is None:
        return None
    appendixes = tuple(
        (item.text or "").strip() for item in found.iterfind("{}/{}".format(_q("Appendixes"), _q("Appendix")))
    )
    return OtherInfo(**block(found, fields.OTHER), appendixes=appendixes)


def _parse_places(header: etree._Element) -> tuple[str, ...] | None:
    found = header.find(_q("ToPlaces"))
    if found is None:
        return None
    return tuple((place.text or "").strip() for place in found.iterfind(_q("Place")))


def _parse_trace(header: etree._Element) -> tuple[Bussiness | None, tuple[TraceHeader, ...]]:
    trace_list = header.find(_q("TraceHeaderList"))
    if trace_list is None:
        return None, ()
    bussiness = None
    found = trace_list.find(_q("Bussiness"))
    if found is not None:
        bussiness = Bussiness(**block(found, fields.BUSSINESS), staff_info=parse_staff(found))
    traces = tuple(
        TraceHeader(**block(item, fields.TRACE)) for item in trace_list.iterfind(_q("TraceHeader"))
    )
    return bussiness, traces


def _parse_attachments(root: etree._Element) -> tuple[Attachment, ...]:
    encoded = root.find(_q("AttachmentEncoded"))
    if encoded is None:
        return ()
    attachments = []
    for index, item in enumerate(encoded.iterfind(_q("Attachment")), start=1):
        path = f"edXML/AttachmentEncoded/Attachment[{index}]"
        payload = child(item, "ContentTransferEncoded", path).text or ""
        try:
            data = base64.b64decode("".join(payload.split()), validate=True)
        except (binascii.Error, ValueError) as error:
            raise EdxmlError(f"{path}/ContentTransferEncoded: not base64 ({error})") from error
        attachments.append(
            Attachment(
                content_id=text(item, "ContentId"),
                name=text(item, "AttachmentName"),
                content_type=text(item, "ContentType"),
                data=data,
                description=text(item, "Description"),
            )
        )
    return tuple(attachments)


def message_header(root: etree._Element) -> etree._Element:
    envelope = child(root, "edXMLEnvelope", "edXML")
    header = child(envelope, "edXMLHeader", "edXML/edXMLEnvelope")
    return child(header, "MessageHeader", "edXML/edXMLEnvelope/edXMLHeader")


def parse_package(data: bytes) -> Package:
    """The package in `data` (the bytes of an .edxml file)."""
    root = read_xml(data)
    header = message_header(root)
    path = "edXML/edXMLEnvelope/edXMLHeader/MessageHeader"
    from_ = parse_organ(child(header, "From", path))
    bussiness, traces = _parse_trace(header.getparent())
    return Package(
        from_=from_,
        to=tuple(parse_organ(item) for item in header.iterfind(_q("To"))),
        document_id=text(header, "DocumentId"),
        code=_optional(header, "Code", Code, fields.CODE),
        promulgation_info=_optional(
            header, "PromulgationInfo", PromulgationInfo, fields.PROMULGATION
        ),
        document_type=_optional(header, "DocumentType", DocumentType, fields.DOCUMENT_TYPE),
        subject=text(header, "Subject"),
        content=text(header, "Content"),
        signer_info=_optional(header, "SignerInfo", SignerInfo, fields.SIGNER),
        due_date=text(header, "DueDate"),
        other_info=_parse_other(header),
        steering_type=text(header, "SteeringType"),
        to_places=_parse_places(header),
        response_for=parse_response_for(header),
        bussiness=bussiness,
        trace_headers=traces,
        attachments=_parse_attachments(root),
    )
