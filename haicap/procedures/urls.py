"""Catalogue pages: browse, search, detail, and the province administrator's configuration."""

from django.urls import path

from haicap.procedures import views

app_name = "procedures"
urlpatterns = [
    path("", views.procedure_list, name="list"),
    path("<str:code>/", views.procedure_detail, name="detail"),
    path("<str:code>/configure/", views.procedure_configure, name="configure"),
]
