"""gunicorn settings, read from the working directory (`make demo`, production: see
docs/operations.md, "Security settings").

The `Server` header would name gunicorn and its version, which helps nobody but an attacker
matching versions to advisories. gunicorn has no option for it: its response takes the name
from the module attribute `gunicorn.http.wsgi.SERVER` (imported from `gunicorn.SERVER`), so
both are overwritten when this file is loaded, in the master, before workers are forked.
"""

import gunicorn
import gunicorn.http.wsgi

gunicorn.SERVER = "haicap"
gunicorn.http.wsgi.SERVER = "haicap"  # type: ignore[attr-defined]
