"""Feedback pages (/phan-anh/ for the public, /mot-cua/phan-anh/ for officers) and Open311
GeoReport v2 (/open311/v2/)."""

from django.urls import path

from haicap.feedback import officer, open311, views

app_name = "feedback"
urlpatterns = [
    path("phan-anh/", views.report_list, name="list"),
    path("phan-anh/diem.geojson", views.report_points, name="points"),
    path("phan-anh/gui/", views.report_new, name="new"),
    path("phan-anh/gui/gan-day/", views.nearby, name="nearby"),
    path("phan-anh/rieng/<str:token>/", views.report_private, name="private"),
    path(
        "phan-anh/rieng/<str:token>/<str:action>/",
        views.report_citizen_action,
        name="citizen_action",
    ),
    path("phan-anh/<str:code>/", views.report_detail, name="detail"),
    path("phan-anh/<str:code>/tep/<int:pk>/", views.evidence_file, name="evidence"),
    path("mot-cua/phan-anh/", officer.queue, name="queue"),
    path("mot-cua/phan-anh/<str:code>/", officer.detail, name="officer_detail"),
    path("mot-cua/phan-anh/<str:code>/thao-tac/<str:action>/", officer.act, name="act"),
    path("mot-cua/phan-anh/<str:code>/kiem-duyet/", officer.moderate, name="moderate"),
    path("open311/v2/discovery.<str:fmt>", open311.discovery, name="open311_discovery"),
    path("open311/v2/services.<str:fmt>", open311.services, name="open311_services"),
    path(
        "open311/v2/services/<slug:code>.<str:fmt>",
        open311.service_definition,
        name="open311_service",
    ),
    path("open311/v2/requests.<str:fmt>", open311.requests, name="open311_requests"),
    path(
        "open311/v2/requests/<slug:code>.<str:fmt>", open311.request_detail, name="open311_request"
    ),
    path("open311/v2/tokens/<slug:token>.<str:fmt>", open311.token, name="open311_token"),
]
