"""How much one client may send with feedback: reports per address and window, files at once."""

from __future__ import annotations

import datetime as dt

PER_CLIENT = (10, dt.timedelta(minutes=30))  # reports per client address
MAX_PHOTOS = 5  # files in one upload: a report's photos, an answer's evidence
