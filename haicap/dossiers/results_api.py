"""REST endpoints of electronic results: the processing officer attaches the PDF, officers who
may see the dossier download it, the citizen downloads it with the tracking check."""

from __future__ import annotations

import datetime as dt

from django.http import FileResponse, HttpRequest
from ninja import File, Router, Schema, UploadedFile
from ninja.responses import Status as Reply
from ninja.security import django_auth

from haicap.core.clients import client_address
from haicap.core.tokens import TokenAuth
from haicap.dossiers import citizen
from haicap.dossiers.results import (
    max_result_bytes,
    result_attach,
    result_for_citizen,
    result_of,
    result_response,
)
from haicap.dossiers.selectors import dossier_for

router = Router(tags=["dossiers"])
AUTH = [TokenAuth(), django_auth]


class ResultOut(Schema):
    code: str
    name: str
    size: int
    sha256: str
    uploaded_at: dt.datetime


@router.post(
    "/{code}/result",
    response={201: ResultOut},
    auth=AUTH,
    summary="Đính kèm (hoặc thay) kết quả điện tử (PDF) khi xử lý xong; cán bộ xử lý",
)
def result_upload(request: HttpRequest, code: str, file: File[UploadedFile]) -> Reply[dict]:
    dossier = dossier_for(request.user, code)
    stored = result_attach(
        dossier, file.name or "", file.read(max_result_bytes() + 1), actor=request.user
    )
    return Reply(
        201,
        {
            "code": dossier.code,
            "name": stored.name,
            "size": stored.size,
            "sha256": stored.sha256,
            "uploaded_at": stored.uploaded_at,
        },
    )


@router.get("/{code}/result", auth=AUTH, summary="Tải kết quả điện tử (PDF)")
def result_download(request: HttpRequest, code: str) -> FileResponse:
    return result_response(result_of(dossier_for(request.user, code)))




@router.get(
    "/{code}/tracking/result",
    summary="Công dân tải kết quả điện tử: mã hồ sơ + 4 số cuối điện thoại, khi đã có kết quả",
)
def tracking_result(request: HttpRequest, code: str, phone: str) -> FileResponse:
    dossier = citizen.dossier_track(code, phone, client=client_address(request))
    return result_response(result_for_citizen(dossier))


