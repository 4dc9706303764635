"""What the one-stop shop tells other modules, without knowing them.

`dossier_changed` is sent inside the writing transaction after every intake, transition and
rating, with the dossier as it was (`before`, None for a new one) and as it is now (`after`).
Readers such as the service index keep their own figures from it; if a receiver fails, the
write fails with it, so figures and dossiers never disagree.
"""

from django.dispatch import Signal

dossier_changed = Signal()

# sent after dossiers were written in bulk (the simulator), with `dossiers`: objects with the
# model's attribute names, as they were written
dossiers_loaded = Signal()
