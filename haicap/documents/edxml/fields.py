"""Element names of the edXML header, in the order the samples write them.

Shared by parse.py and build.py so the two cannot disagree about names or order.
"""

ORGAN = (
    ("OrganId", "organ_id"),
    ("OrganizationInCharge", "organization_in_charge"),
    ("OrganName", "organ_name"),
    ("OrganAdd", "organ_add"),
    ("Email", "email"),
    ("Telephone", "telephone"),
    ("Fax", "fax"),
    ("Website", "website"),
)
CODE = (("CodeNumber", "code_number"), ("CodeNotation", "code_notation"))
PROMULGATION = (("Place", "place"), ("PromulgationDate", "promulgation_date"))
DOCUMENT_TYPE = (("Type", "type"), ("TypeDetail", "type_detail"), ("TypeName", "type_name"))
SIGNER = (("Competence", "competence"), ("Position", "position"), ("FullName", "full_name"))
OTHER = (
    ("Priority", "priority"),
    ("SphereOfPromulgation", "sphere_of_promulgation"),
    ("TyperNotation", "typer_notation"),
    ("PromulgationAmount", "promulgation_amount"),
    ("PageAmount", "page_amount"),
    ("Direction", "direction"),
)
RESPONSE_FOR = (
    ("OrganId", "organ_id"),
    ("Code", "code"),
    ("PromulgationDate", "promulgation_date"),
    ("DocumentId", "document_id"),
)
STAFF = (
    ("Department", "department"),
    ("Staff", "staff"),
    ("Email", "email"),
    ("Mobile", "mobile"),
)
BUSSINESS = (
    ("DocumentId", "document_id"),
    ("BussinessDocType", "bussiness_doc_type"),
    ("BussinessDocReason", "bussiness_doc_reason"),
    ("Paper", "paper"),
)
TRACE = (("OrganId", "organ_id"), ("Timestamp", "timestamp"))
