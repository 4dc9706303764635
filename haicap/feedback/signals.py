"""What the feedback module tells other modules, without knowing them.

`report_changed` is sent inside the writing transaction whenever a report is filed, moves or is
moderated, with the report as it was (`before`, None for a new one) and as it is (`after`).
"""

from django.dispatch import Signal

report_changed = Signal()

# sent after reports were written in bulk (the simulator), with `reports`: objects with the
# model's attribute names, as they were written
reports_loaded = Signal()
