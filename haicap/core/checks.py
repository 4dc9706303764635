"""System checks (`manage.py check`, and before runserver and migrate)."""

from __future__ import annotations

from typing import Any

from django.core import checks
from django.core.exceptions import ImproperlyConfigured


@checks.register()
def registry_check(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Two apps declaring one audit value or one permission name is an error."""
    from haicap.core.registry import check_registry

    try:
        check_registry()
    except ImproperlyConfigured as exc:
        return [checks.Error(str(exc), id="haicap.E001")]
    return []
