"""Notifications pages: the system administrator's list of messages."""

from django.urls import path

from haicap.notifications import views

app_name = "notifications"
urlpatterns = [
    path("he-thong/thong-bao/", views.messages, name="messages"),
]
