"""Shared set-up for benchmarks: a throwaway SQLite database with the real reference data."""

from __future__ import annotations

import os
import platform
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def django_with_reference_data() -> None:
    """Point Django at a fresh database (unless HAICAP_DATABASE_URL is set) and load the units."""
    sys.path.insert(0, str(ROOT))
    if "HAICAP_DATABASE_URL" not in os.environ:
        os.environ["HAICAP_VAR_DIR"] = tempfile.mkdtemp(prefix="haicap-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haicap.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    from haicap.units.loading import units_load

    units_load()


def machine() -> dict[str, object]:
    return {
        "python": platform.python_version(),
        "cpu": platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "system": platform.platform(terse=True),
    }
