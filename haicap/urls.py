"""Top-level URLs: web pages, the REST API (/api/v1/) with its OpenAPI docs, admin, i18n."""

from django.contrib import admin
from django.urls import include, path

from haicap.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("haicap.core.urls")),
    path("units/", include("haicap.units.urls")),
    path("diem-tiep-nhan/", include("haicap.units.points_urls")),
    path("procedures/", include("haicap.procedures.urls")),
    path("", include("haicap.dossiers.urls")),
    path("", include("haicap.feedback.urls")),
    path("", include("haicap.workdays.urls")),
    path("", include("haicap.metrics.urls")),
    path("", include("haicap.notifications.urls")),
    path("", include("haicap.payments.urls")),
]

# the error pages in the site's layout (JSON under /api/); see core.error_pages.
# A database outage raised outside a view (a middleware loading the session) is a 503 too.
handler400 = "haicap.core.error_pages.bad_request"
handler403 = "haicap.core.error_pages.permission_denied"
handler404 = "haicap.core.error_pages.page_not_found"
handler500 = "haicap.core.outage.server_error"
