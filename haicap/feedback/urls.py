"""Feedback pages (/phan-anh/) and the Open311 GeoReport v2 endpoints (/open311/v2/)."""

from django.urls import path

from haicap.feedback import open311

app_name = "feedback"
urlpatterns = [
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
