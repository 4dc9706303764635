"""The cross-cutting records: memberships (a user's role in a unit), audit events, API tokens
and rate-limit attempts."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from haicap.core.registry import audit_action_label
from haicap.core.roles import Role


class Membership(models.Model):
    """A user holds a role in one administrative unit (a commune, or a whole province).

    A system administrator holds a membership with no unit: national scope.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("vai trò"), max_length=32, choices=Role.choices)
    unit = models.ForeignKey(
        "units.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("đơn vị"),
    )
    province_code = models.CharField(_("mã tỉnh"), max_length=2, blank=True, db_index=True)
    granted_at = models.DateTimeField(_("cấp lúc"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("phân quyền")
        verbose_name_plural = _("phân quyền")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "unit"],
                condition=models.Q(revoked_at__isnull=True),
                name="membership_one_active_per_user_role_unit",
            )
        ]

    def __str__(self) -> str:
        where = self.unit.full_name if self.unit else _("toàn quốc")
        return f"{self.user} · {self.get_role_display()} · {where}"


class AuditEvent(models.Model):
    """One state change: who, when, what object, from which state to which, and why."""

    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người thực hiện"),
    )
    actor_label = models.CharField(_("người thực hiện (ghi lại)"), max_length=150)
    # the values are declared by each app (haicap.core.registry.AuditActions), not here: a
    # new action needs no core migration
    action = models.PositiveSmallIntegerField(_("hành động"))
    object_type = models.CharField(_("loại đối tượng"), max_length=64, blank=True)
    object_id = models.CharField(_("mã đối tượng"), max_length=64, blank=True)
    province_code = models.CharField(_("mã tỉnh"), max_length=2, blank=True, db_index=True)
    unit_code = models.CharField(_("mã đơn vị"), max_length=5, blank=True)
    from_state = models.CharField(_("trạng thái trước"), max_length=64, blank=True)
    to_state = models.CharField(_("trạng thái sau"), max_length=64, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    data = models.JSONField(_("dữ liệu"), default=dict, blank=True)

    class Meta:
        verbose_name = _("sự kiện kiểm toán")
        verbose_name_plural = _("nhật ký kiểm toán")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label}: {self.action_label}"

    @property
    def action_label(self) -> str:
        """The action's translated label, from the app that declares it."""
        return audit_action_label(self.action)


class ApiToken(models.Model):
    """A bearer token for integrators and kiosks, acting as one user."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("người dùng"),
    )
    key_hash = models.CharField(max_length=64, unique=True)
    label = models.CharField(_("tên gọi"), max_length=100)
    created_at = models.DateTimeField(_("cấp lúc"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)

    class Meta:
        # the tables keep their names from the dossiers app, where these models began
        # (moved without copying: migrations core 0007 and dossiers 0007)
        db_table = "dossiers_apitoken"
        verbose_name = _("token API")
        verbose_name_plural = _("token API")

    def __str__(self) -> str:
        return self.label


class RateLimitHit(models.Model):
    """Attempts per key (e.g. tracking look-ups per client address), for windowed limits."""

    key = models.CharField(max_length=120, db_index=True)
    at = models.DateTimeField(db_index=True)

    class Meta:
        db_table = "dossiers_ratelimithit"

    def __str__(self) -> str:
        return self.key
