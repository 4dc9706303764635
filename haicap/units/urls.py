"""Web pages of the unit directory and the address converter."""

from django.urls import path

from haicap.units import views

app_name = "units"
urlpatterns = [
    path("", views.province_list, name="provinces"),
    path("search/", views.search, name="search"),
    path("convert/", views.convert_page, name="convert"),
    path("convert/csv/", views.convert_csv, name="convert_csv"),
    path("p/<str:code>/", views.province_detail, name="province"),
    path("p/<str:code>/map.geojson", views.province_map, name="province_map"),
    path("c/<str:code>/", views.commune_detail, name="commune"),
    path("c/<str:code>/map.geojson", views.commune_map, name="commune_map"),
    path("old/<str:level>/<str:code>/", views.old_unit_detail, name="old_unit"),
]
