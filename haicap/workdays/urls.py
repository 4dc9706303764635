"""The working calendar (/lich/): holidays, swap days, working days per month."""

from django.urls import path

from haicap.workdays import views

app_name = "workdays"
urlpatterns = [
    path("lich/", views.calendar_page, name="calendar"),
    path("lich/ngay-hoan-doi/", views.swap_day_set, name="swap_set"),
    path("lich/ngay-hoan-doi/<int:pk>/xoa/", views.swap_day_delete, name="swap_delete"),
]
