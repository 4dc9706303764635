"""The service index pages (/chi-so/)."""

from django.urls import path

from haicap.metrics import exports, views

app_name = "metrics"
urlpatterns = [
    path("chi-so/", views.home, name="home"),
    path("chi-so/cach-tinh/", views.method, name="method"),
    path("chi-so/tinh/<str:province>/", views.province, name="province"),
    path("chi-so/tinh/<str:province>/ban-do.geojson", views.shapes, name="shapes"),
    path("chi-so/tinh/<str:province>/xuat.<str:fmt>", exports.export, name="export"),
    path("chi-so/tinh/<str:province>/chi-tieu/", views.targets, name="targets"),
    path("chi-so/don-vi/<str:code>/", views.unit, name="unit"),
    path("chi-so/don-vi/<str:code>/<str:what>/", views.behind, name="behind"),
]
