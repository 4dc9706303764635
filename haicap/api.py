"""The REST API root (/api/v1/): one NinjaAPI, one error handler, routers from each app."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from haicap.core.errors import ApplicationError
from haicap.core.outage import DATABASE_ERRORS, unavailable_response
from haicap.dossiers.api import router as dossiers_router
from haicap.dossiers.mine import router as me_router
from haicap.feedback.api import router as feedback_router
from haicap.metrics.api import router as metrics_router
from haicap.payments.api import router as payments_router
from haicap.procedures.api import router as procedures_router
from haicap.units.api import router as units_router

api = NinjaAPI(
    title="haicap API",
    version="1",
    description=(
        "API mở của haicap: đơn vị hành chính hai cấp, chuyển đổi địa chỉ cũ → mới, "
        "tra cứu xã/phường theo toạ độ, thủ tục và hồ sơ một cửa. Open API of haicap: two-tier administrative units, "
        "old → new address conversion, point → commune, procedures and one-stop dossiers."
    ),
    urls_namespace="api",
)


@api.exception_handler(ApplicationError)
def application_error(request: HttpRequest, exc: ApplicationError) -> HttpResponse:
    response = api.create_response(
        request, {"message": exc.message, "extra": exc.extra}, status=exc.status
    )
    if exc.status == 429 and "retry_after_s" in exc.extra:
        response["Retry-After"] = str(exc.extra["retry_after_s"])
    return response


def database_unavailable(request: HttpRequest, exc: Exception | type[Exception]) -> HttpResponse:
    """503 JSON with Retry-After, not an HTML 500, while the database is down."""
    return unavailable_response(request, exc if isinstance(exc, Exception) else exc())


for _error in DATABASE_ERRORS:
    api.add_exception_handler(_error, database_unavailable)


@api.get("/health", summary="Máy chủ đang chạy (không truy cập cơ sở dữ liệu)", tags=["health"])
def health(request: HttpRequest) -> dict[str, str]:
    return {"status": "ok"}


api.add_router("/units/", units_router)
api.add_router("/procedures", procedures_router)
api.add_router("/dossiers", dossiers_router)
api.add_router("/me", me_router)
api.add_router("/feedback", feedback_router)
api.add_router("/metrics", metrics_router)
api.add_router("/payments", payments_router)
