"""Indicators (points, thresholds) and targets in the admin, for the system administrator."""

from django.contrib import admin

from haicap.metrics.models import Indicator, Target


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ("order", "code", "group", "name", "points", "full_at", "measure")
    list_editable = ("points", "full_at")
    list_filter = ("group",)
    ordering = ("order",)


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ("province_code", "code", "value", "baseline_from", "baseline_to")
    list_filter = ("province_code",)
