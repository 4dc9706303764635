"""Write an edXML package in the element order of the VPCP SDK's samples.

The root carries the default namespace, the envelope the `edXML:` prefix, and the
attachments sit outside the envelope (as the SDK writes them).
"""

from __future__ import annotations

import base64
from typing import Any

from lxml import etree

from haicap.documents.edxml import fields
from haicap.documents.edxml.model import NS, Organ, Package

_E = f"{{{NS}}}"


def sub(parent: etree._Element, name: str, value: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, _E + name)
    if value is not None:
        element.text = value
    return element


def fill(parent: etree._Element, obj: Any, spec: tuple[tuple[str, str], ...]) -> None:
    for name, attr in spec:
        value = getattr(obj, attr)
        if value is not None:
            sub(parent, name, value)


def _block(parent: etree._Element, name: str, obj: Any, spec: Any) -> None:
    if obj is not None:
        fill(sub(parent, name), obj, spec)


def _organ(parent: etree._Element, name: str, organ: Organ) -> None:
    fill(sub(parent, name), organ, fields.ORGAN)


def _text(parent: etree._Element, name: str, value: str | None) -> None:
    if value is not None:
        sub(parent, name, value)


def envelope_root() -> tuple[etree._Element, etree._Element]:
    root = etree.Element(_E + "edXML", nsmap={None: NS})
    envelope = etree.SubElement(root, _E + "edXMLEnvelope", nsmap={"edXML": NS})
    return root, envelope


def build_package(package: Package) -> bytes:
    """The bytes of an .edxml file for `package`."""
    root, envelope = envelope_root()
    header_el = sub(envelope, "edXMLHeader")
    header = sub(header_el, "MessageHeader")
    _organ(header, "From", package.from_)
    for organ in package.to:
        _organ(header, "To", organ)
    _text(header, "DocumentId", package.document_id)
    _block(header, "Code", package.code, fields.CODE)
    _block(header, "PromulgationInfo", package.promulgation_info, fields.PROMULGATION)
    _block(header, "DocumentType", package.document_type, fields.DOCUMENT_TYPE)
    _text(header, "Subject", package.subject)
    _text(header, "Content", package.content)
    _block(header, "SignerInfo", package.signer_info, fields.SIGNER)
    _text(header, "DueDate", package.due_date)
    if package.other_info is not None:
        other = sub(header, "OtherInfo")
        fill(other, package.other_info, fields.OTHER)
        if package.other_info.appendixes:
            appendixes = sub(other, "Appendixes")
            for appendix in package.other_info.appendixes:
                sub(appendixes, "Appendix", appendix)
    _text(header, "SteeringType", package.steering_type)
    if package.to_places is not None:
        places = sub(header, "ToPlaces")
        for place in package.to_places:
            sub(places, "Place", place)
    _block(header, "ResponseFor", package.response_for, fields.RESPONSE_FOR)
    if package.bussiness is not None or package.trace_headers:
        trace_list = sub(header_el, "TraceHeaderList")
        if package.bussiness is not None:
            bussiness = sub(trace_list, "Bussiness")
            fill(bussiness, package.bussiness, fields.BUSSINESS)
            _block(bussiness, "StaffInfo", package.bussiness.staff_info, fields.STAFF)
        for trace in package.trace_headers:
            fill(sub(trace_list, "TraceHeader"), trace, fields.TRACE)
    body = sub(envelope, "edXMLBody")
    manifest = sub(body, "edXMLManifest")
    manifest.set("version", "1.0")
    for item in package.attachments:
        reference = sub(manifest, "Reference")
        _text(reference, "ContentId", item.content_id)
        _text(reference, "ContentType", item.content_type)
        _text(reference, "Description", item.description)
        _text(reference, "AttachmentName", item.name)
    if package.attachments:
        encoded = etree.SubElement(root, _E + "AttachmentEncoded", nsmap={None: NS})
        for item in package.attachments:
            attachment = sub(encoded, "Attachment")
            _text(attachment, "ContentId", item.content_id)
            _text(attachment, "AttachmentName", item.name)
            _text(attachment, "Description", item.description)
            _text(attachment, "ContentType", item.content_type)
            sub(attachment, "ContentTransferEncoded", base64.b64encode(item.data).decode("ascii"))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
