"""edXML status messages: the receiver's replies about a document (no body, no attachment)."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from haicap.documents.edxml import fields
from haicap.documents.edxml.build import envelope_root, fill, sub
from haicap.documents.edxml.model import EdxmlError, Organ, ResponseFor, StaffInfo
from haicap.documents.edxml.parse import (
    child,
    message_header,
    parse_organ,
    parse_response_for,
    parse_staff,
    read_xml,
    text,
)

# StatusCode values the VPCP SDK exchanges, with what each one says
STATUS_CODES = {
    "01": "arrived",
    "02": "refused",
    "03": "accepted",
    "04": "assigned",
    "05": "in progress",
    "06": "done",
    "13": "take-back requested",
    "15": "take-back agreed",
    "16": "take-back refused",
}


@dataclass(frozen=True)
class Status:
    from_: Organ
    status_code: str
    response_for: ResponseFor | None = None
    staff_info: StaffInfo | None = None
    description: str | None = None
    timestamp: str | None = None


def parse_status(data: bytes) -> Status:
    header = message_header(read_xml(data))
    path = "edXML/edXMLEnvelope/edXMLHeader/MessageHeader"
    code = text(header, "StatusCode")
    if code is None:
        raise EdxmlError(path + "/StatusCode: missing")
    if code not in STATUS_CODES:
        raise EdxmlError(path + "/StatusCode: unknown code " + repr(code))
    return Status(
        from_=parse_organ(child(header, "From", path)),
        status_code=code,
        response_for=parse_response_for(header),
        staff_info=parse_staff(header),
        description=text(header, "Description"),
        timestamp=text(header, "Timestamp"),
    )


def build_status(status: Status) -> bytes:
    if status.status_code not in STATUS_CODES:
        raise EdxmlError("MessageHeader/StatusCode: unknown code " + repr(status.status_code))
    root, envelope = envelope_root()
    header = sub(sub(envelope, "edXMLHeader"), "MessageHeader")
    fill(sub(header, "From"), status.from_, fields.ORGAN)
    if status.response_for is not None:
        fill(sub(header, "ResponseFor"), status.response_for, fields.RESPONSE_FOR)
    if status.staff_info is not None:
        fill(sub(header, "StaffInfo"), status.staff_info, fields.STAFF)
    sub(header, "StatusCode", status.status_code)
    for name, value in (("Description", status.description), ("Timestamp", status.timestamp)):
        if value is not None:
            sub(header, name, value)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
