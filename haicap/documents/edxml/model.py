"""The edXML package header and attachments as plain dataclasses.

Every value is kept as the text the producer wrote (dates stay `YYYY/MM/DD`, numbers stay
strings) so a package read and written again says the same thing; helpers such as
`DocumentId.parse` interpret the text where the canonical forms are known.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date

from haicap.core.errors import ApplicationError

NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016"


class EdxmlError(ApplicationError):
    """A package could not be read; the message names the element path at fault."""

    status = 400


@dataclass(frozen=True)
class Organ:
    """From / To: an agency (OrganId is its code in the national directory)."""

    organ_id: str | None = None
    organization_in_charge: str | None = None
    organ_name: str | None = None
    organ_add: str | None = None
    email: str | None = None
    telephone: str | None = None
    fax: str | None = None
    website: str | None = None


_DOCUMENT_ID = re.compile(r"^(?P<organ>[^,]+),(?P<y>\d{4})/(?P<m>\d{2})/(?P<d>\d{2}),(?P<code>.+)$")


@dataclass(frozen=True)
class DocumentId:
    """The canonical `OrganId,YYYY/MM/DD,number/notation` identifier.

    `day` is kept as written (the VPCP sample carries 2014/02/30, an impossible date);
    `date()` interprets it and answers None when it is not a real day.
    """

    organ_id: str
    year: int
    month: int
    day: int
    code: str

    @classmethod
    def parse(cls, text: str) -> DocumentId | None:
        """The identifier's parts, or None when it is not in the canonical form (e.g. a UUID)."""
        match = _DOCUMENT_ID.match(text.strip())
        if match is None:
            return None
        return cls(
            match["organ"], int(match["y"]), int(match["m"]), int(match["d"]), match["code"]
        )

    def date(self) -> date | None:
        try:
            return date(self.year, self.month, self.day)
        except ValueError:
            return None

    def __str__(self) -> str:
        return f"{self.organ_id},{self.year:04d}/{self.month:02d}/{self.day:02d},{self.code}"


@dataclass(frozen=True)
class Code:
    code_number: str | None = None
    code_notation: str | None = None


@dataclass(frozen=True)
class PromulgationInfo:
    place: str | None = None
    promulgation_date: str | None = None


@dataclass(frozen=True)
class DocumentType:
    type: str | None = None
    type_detail: str | None = None
    type_name: str | None = None


@dataclass(frozen=True)
class SignerInfo:
    competence: str | None = None
    position: str | None = None
    full_name: str | None = None


@dataclass(frozen=True)
class OtherInfo:
    priority: str | None = None
    sphere_of_promulgation: str | None = None
    typer_notation: str | None = None
    promulgation_amount: str | None = None
    page_amount: str | None = None
    direction: str | None = None
    appendixes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ResponseFor:
    organ_id: str | None = None
    code: str | None = None
    promulgation_date: str | None = None
    document_id: str | None = None


@dataclass(frozen=True)
class StaffInfo:
    department: str | None = None
    staff: str | None = None
    email: str | None = None
    mobile: str | None = None


# BussinessDocType: what the package does to a document already sent
NEW, RECALL, UPDATE, REPLACE = "0", "1", "2", "3"


@dataclass(frozen=True)
class Bussiness:
    """The trace list's business block (the standard's spelling)."""

    document_id: str | None = None
    bussiness_doc_type: str | None = None
    bussiness_doc_reason: str | None = None
    paper: str | None = None
    staff_info: StaffInfo | None = None


@dataclass(frozen=True)
class TraceHeader:
    organ_id: str | None = None
    timestamp: str | None = None


@dataclass(frozen=True)
class Attachment:
    """An attachment as carried: `data` is the decoded base64 (the SDK's payloads are ZIPs)."""

    content_id: str | None
    name: str | None
    content_type: str | None
    data: bytes
    description: str | None = None

    def is_zip(self) -> bool:
        return self.data[:4] == b"PK\x03\x04"

    def unzipped(self) -> list[tuple[str, bytes]]:
        """The members of a ZIP payload as (name, bytes); a bare payload as one member."""
        if not self.is_zip():
            return [(self.name or "", self.data)]
        try:
            with zipfile.ZipFile(io.BytesIO(self.data)) as archive:
                return [(info.filename, archive.read(info)) for info in archive.infolist()]
        except (zipfile.BadZipFile, ValueError) as error:
            raise EdxmlError(
                f"AttachmentEncoded/Attachment: the ZIP payload cannot be read ({error})"
            ) from error


def zip_payload(name: str, data: bytes) -> bytes:
    """Wrap one file in a ZIP, as the VPCP SDK does with every payload."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


@dataclass(frozen=True)
class Package:
    """A document package: the MessageHeader, the TraceHeaderList and the attachments."""

    from_: Organ
    to: tuple[Organ, ...] = ()
    document_id: str | None = None
    code: Code | None = None
    promulgation_info: PromulgationInfo | None = None
    document_type: DocumentType | None = None
    subject: str | None = None
    content: str | None = None
    signer_info: SignerInfo | None = None
    due_date: str | None = None
    other_info: OtherInfo | None = None
    steering_type: str | None = None
    to_places: tuple[str, ...] | None = None
    response_for: ResponseFor | None = None
    bussiness: Bussiness | None = None
    trace_headers: tuple[TraceHeader, ...] = ()
    attachments: tuple[Attachment, ...] = field(default=())

    def parsed_document_id(self) -> DocumentId | None:
        return DocumentId.parse(self.document_id) if self.document_id else None
