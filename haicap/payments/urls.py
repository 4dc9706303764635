"""The finance officer's pages, under /thu-phi/."""

from django.urls import path

from haicap.payments import views

app_name = "payments"
urlpatterns = [
    path("thu-phi/", views.transactions, name="transactions"),
    path("thu-phi/nhap-sao-ke/", views.statement_import_page, name="import"),
    path("thu-phi/giao-dich/<int:pk>/", views.transaction_detail, name="detail"),
    path("thu-phi/giao-dich/<int:pk>/xu-ly/", views.resolve, name="resolve"),
    path("thu-phi/giao-dich/<int:pk>/bien-lai.pdf", views.receipt, name="receipt"),
]
