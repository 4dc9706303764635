"""Catalogue pages: browse, search, detail, and the province administrator's configuration."""

from django.urls import path

from haicap.procedures import settings_views, views

app_name = "procedures"
urlpatterns = [
    path("", views.procedure_list, name="list"),
    # the province's settings in bulk, before <code>/ so that no procedure code shadows them
    path("cau-hinh/", settings_views.settings_page, name="settings"),
    path("cau-hinh/tai-ve.xlsx", settings_views.settings_download, name="settings_download"),
    path("cau-hinh/tai-len/", settings_views.settings_upload_view, name="settings_upload"),
    path("cau-hinh/tai-len/<int:pk>/", settings_views.settings_preview, name="settings_preview"),
    path(
        "cau-hinh/tai-len/<int:pk>/ap-dung/",
        settings_views.settings_apply_view,
        name="settings_apply",
    ),
    path("<str:code>/", views.procedure_detail, name="detail"),
    path("<str:code>/configure/", views.procedure_configure, name="configure"),
]
