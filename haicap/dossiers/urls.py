"""One-stop pages: the officers' screens under /mot-cua/, the citizen's under /dich-vu-cong/
and /tra-cuu/."""

from django.urls import path

from haicap.dossiers import counter_checklist, mine, portal, results_views, views

app_name = "dossiers"
urlpatterns = [
    path("mot-cua/", views.queue, name="queue"),
    path("mot-cua/tiep-nhan/", views.receive, name="receive"),
    path("mot-cua/tiep-nhan/thu-tuc/", views.procedure_picker, name="procedure_picker"),
    path("mot-cua/tiep-nhan/giay-to/", counter_checklist.checklist, name="checklist"),
    path("mot-cua/tiep-nhan/dia-chi/", views.address_lookup, name="address_lookup"),
    path("mot-cua/tiep-nhan/don-vi/", views.unit_picker, name="unit_picker"),
    path("mot-cua/so-theo-doi/", views.register, name="register"),
    path("mot-cua/h/<str:code>/", views.detail, name="detail"),
    path("mot-cua/h/<str:code>/thao-tac/<str:action>/", views.act, name="act"),
    path("mot-cua/h/<str:code>/mau-<str:number>.pdf", views.form, name="form"),
    path("mot-cua/h/<str:code>/tep/<int:pk>/", views.attachment, name="attachment"),
    path("mot-cua/h/<str:code>/ket-qua.pdf", results_views.result, name="result"),
    path("mot-cua/h/<str:code>/ket-qua/tai-len/", results_views.result_upload, name="result_upload"),
    path("dich-vu-cong/", portal.portal, name="portal"),
    path("dich-vu-cong/xa-phuong/", portal.communes, name="portal_communes"),
    path("dich-vu-cong/dia-chi/", portal.address, name="portal_address"),
    path("dich-vu-cong/<str:code>/nop/", portal.submit, name="submit"),
    path("ho-so-cua-toi/", mine.mine, name="mine"),
    path("ho-so-cua-toi/thong-tin/xoa/", mine.profile_forget, name="profile_forget"),
    path("ho-so-cua-toi/<str:code>/", mine.mine_detail, name="mine_detail"),
    path("tra-cuu/", portal.track, name="track"),
    path("tra-cuu/danh-gia/", portal.rate, name="rate"),
    path("tra-cuu/ket-qua/", results_views.track_result, name="track_result"),
    path("dich-vu-cong/ho-so/<str:code>/ket-qua.pdf", results_views.mine, name="my_result"),
]
