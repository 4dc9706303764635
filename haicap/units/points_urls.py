"""The public list of service points (/diem-tiep-nhan/)."""

from django.urls import path

from haicap.units import points_views

app_name = "points"
urlpatterns = [
    path("", points_views.points_page, name="list"),
    path("<str:code>/sua/", points_views.point_edit, name="edit"),
]
