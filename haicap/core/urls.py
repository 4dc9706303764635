"""Core pages: home, sign-in/out, the signed-in user's page, the audit log."""

from django.contrib.auth import views as auth_views
from django.urls import path

from haicap.core import views

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="core/login.html"),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("me/", views.me, name="me"),
    path("audit/", views.audit_log, name="audit"),
]
