"""Django admin for staff: memberships (granted through the audited service), API tokens
(revoked through the audited service) and the audit log."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest
from django.utils.translation import gettext, gettext_lazy

from haicap.core.errors import ApplicationError
from haicap.core.models import ApiToken, AuditEvent, Membership
from haicap.core.registry import audit_action_choices
from haicap.core.services import membership_grant, membership_revoke
from haicap.core.tokens import token_revoke


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "unit", "province_code", "granted_at", "revoked_at"]
    list_filter = ["role", "province_code", "revoked_at"]
    search_fields = [
        "user__username",
        "user__first_name",
        "user__last_name",
        "unit__full_name",
        "unit__code",
    ]
    autocomplete_fields = ["user", "unit"]
    readonly_fields = ["province_code", "granted_at", "revoked_at"]
    actions = ["revoke"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a membership is granted or revoked, never edited in place

    def save_model(self, request: HttpRequest, obj: Membership, form: Any, change: bool) -> None:
        try:
            saved = membership_grant(
                user=obj.user, role=obj.role, unit=obj.unit, actor=request.user
            )
        except ApplicationError as exc:
            self.message_user(request, exc.message, messages.ERROR)
            return
        obj.pk = saved.pk

    @admin.action(description="Thu hồi các quyền đã chọn")
    def revoke(self, request: HttpRequest, queryset: Any) -> None:
        for membership in queryset.filter(revoked_at__isnull=True):
            try:
                reason = "thu hồi qua trang quản trị"  # vi-only: the stored reason
                membership_revoke(membership=membership, actor=request.user, reason=reason)
            except ApplicationError as exc:
                self.message_user(request, exc.message, messages.ERROR)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records that change only through services or reference-data loads, never by hand."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class AuditActionFilter(admin.SimpleListFilter):
    """The actions that apps declare (the field itself has no choices, so that a new action
    needs no core migration)."""

    title = gettext_lazy("hành động")
    parameter_name = "action"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(str(value), label) for value, label in audit_action_choices()]

    def queryset(self, request: HttpRequest, queryset: Any) -> Any:
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(action=int(value))
        return queryset


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = [
        "at",
        "actor_label",
        "action_label",
        "object_type",
        "object_id",
        "province_code",
        "note",
    ]
    list_filter = [AuditActionFilter, "province_code"]
    search_fields = ["actor_label", "note", "object_id"]
    date_hierarchy = "at"

    @admin.display(description=gettext_lazy("hành động"), ordering="action")
    def action_label(self, obj: AuditEvent) -> str:
        return obj.action_label


class TokenStateFilter(admin.SimpleListFilter):
    title = gettext_lazy("trạng thái")
    parameter_name = "state"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("active", gettext_lazy("Còn hiệu lực")), ("revoked", gettext_lazy("Đã thu hồi"))]

    def queryset(self, request: HttpRequest, queryset: Any) -> Any:
        if self.value() in ("active", "revoked"):
            return queryset.filter(revoked_at__isnull=self.value() == "active")
        return queryset


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    """Tokens are issued with `haicap dossiers token USER` (the value is shown once, only its
    hash is kept); here they are listed and revoked."""

    list_display = ["label", "user", "created_at", "revoked_at"]
    list_filter = [TokenStateFilter]
    search_fields = ["label", "user__username"]
    date_hierarchy = "created_at"
    exclude = ["key_hash"]
    actions = ["revoke"]

    @admin.action(description=gettext_lazy("Thu hồi các token đã chọn"))
    def revoke(self, request: HttpRequest, queryset: Any) -> None:
        tokens = list(queryset.filter(revoked_at__isnull=True))
        for token in tokens:
            token_revoke(token=token, actor=request.user)
        self.message_user(
            request, gettext("Đã thu hồi %(n)d token.") % {"n": len(tokens)}, messages.SUCCESS
        )


# django-axes's sign-in lockouts: lifted through the audited action only (no plain delete).
from axes.admin import AccessAttemptAdmin as _AxesAccessAttemptAdmin  # noqa: E402
from axes.models import AccessAttempt  # noqa: E402

from haicap.core.lockout import login_unlock_attempts  # noqa: E402

admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class AccessAttemptAdmin(_AxesAccessAttemptAdmin):
    actions = ["unlock"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description=gettext_lazy("Mở khoá đăng nhập đã chọn (ghi nhật ký)"))
    def unlock(self, request: HttpRequest, queryset: Any) -> None:
        n = login_unlock_attempts(queryset, actor=request.user)
        self.message_user(request, gettext("Đã mở khoá %(n)d lượt.") % {"n": n}, messages.SUCCESS)
