"""Django admin for staff: memberships (granted through the audited service) and the audit log."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest

from haicap.core.errors import ApplicationError
from haicap.core.models import AuditEvent, Membership
from haicap.core.services import membership_grant, membership_revoke


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
                membership_revoke(
                    membership=membership, actor=request.user, reason="thu hồi qua trang quản trị"
                )
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


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = [
        "at",
        "actor_label",
        "action",
        "object_type",
        "object_id",
        "province_code",
        "note",
    ]
    list_filter = ["action", "province_code"]
    search_fields = ["actor_label", "note", "object_id"]
    date_hierarchy = "at"
