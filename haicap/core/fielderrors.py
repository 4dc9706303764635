"""Every error of a form at once, each under its field: the one way services, validators and
pages report bad input (ADR 21).

A validator collects what is wrong with each field and raises one `FieldErrors` (a 422
`ApplicationError`): its `extra` keeps the API's shape, `{"field": <first field>, "errors":
{field: [messages]}}`, so a client that read `extra.field` still does. A page catches it, puts
`form_errors(exc)` into its context, and the template marks each field with the tags of
`core/templatetags/fielderrors.py` (`{% error_summary %}`, `{% field_attrs "name" %}`,
`{% field_errors "name" %}`): the values typed are kept, every error is shown next to its
field, and a summary at the top links to each one by its label, never by its internal name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from django.utils.translation import gettext_lazy

from haicap.core.errors import ApplicationError

T = TypeVar("T")

NON_FIELD = "__all__"  # an error about the form as a whole (Django's name for it)
MANY = gettext_lazy("Biểu mẫu có {count} lỗi: {errors}")
# statuses that are about what was typed; 403, 404, 409, 429 stop the form as they are
INPUT_STATUSES = (400, 422)


class FieldErrors(ApplicationError):
    """Several fields' errors at once (422)."""

    status = 422

    def __init__(self, errors: Mapping[str, Sequence[str]], *, status: int | None = None):
        self.errors = {field: list(messages) for field, messages in errors.items() if messages}
        if not self.errors:
            raise ValueError("FieldErrors needs at least one error")
        every = [m for messages in self.errors.values() for m in messages]
        message = every[0] if len(every) == 1 else MANY.format(
            count=len(every), errors="; ".join(every)
        )
        first = next(iter(self.errors))
        extra: dict[str, Any] = {"errors": self.errors}
        if first != NON_FIELD:
            extra["field"] = first
        super().__init__(message, extra=extra, status=status or 422)


def errors_of(exc: ApplicationError) -> dict[str, list[str]]:
    """Any application error as field → messages (a single-field error included)."""
    if isinstance(exc, FieldErrors):
        return {k: list(v) for k, v in exc.errors.items()}
    nested = exc.extra.get("errors")
    if isinstance(nested, dict):
        return {str(k): [str(m) for m in v] for k, v in nested.items()}
    field = exc.extra.get("field")
    return {str(field) if field else NON_FIELD: [exc.message]}


class Collector:
    """Runs each check, keeps its input error under its field and goes on; `done()` raises them
    all as one `FieldErrors`.

        errors = Collector()
        with errors.field("applicant_name"):
            name = clean_name(raw)
        phone = errors.run(clean_phone, raw_phone, field="applicant_phone")
        errors.done()
    """

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}
        self._caught: list[ApplicationError] = []
        self._added = False

    def add(self, field: str, message: Any) -> None:
        self._added = True
        self._add(field, message)

    def _add(self, field: str, message: Any) -> None:
        message = str(message)  # a lazily translated message: read in the reader's language
        messages = self.errors.setdefault(field or NON_FIELD, [])
        if message not in messages:
            messages.append(message)

    def absorb(self, exc: ApplicationError, field: str = "") -> None:
        self._caught.append(exc)
        for name, messages in errors_of(exc).items():
            for message in messages:
                self._add(field if name == NON_FIELD and field else name, message)

    @contextmanager
    def field(self, name: str = "") -> Iterator[None]:
        """Input errors raised inside are kept (under their own field, or `name`)."""
        try:
            yield
        except ApplicationError as exc:
            if exc.status not in INPUT_STATUSES:
                raise
            self.absorb(exc, name)

    def run(self, check: Callable[..., T], *args: Any, field: str = "", **kwargs: Any) -> T | None:
        with self.field(field):
            return check(*args, **kwargs)
        return None

    def has(self, field: str) -> bool:
        return field in self.errors

    def __bool__(self) -> bool:
        return bool(self.errors)

    def done(self) -> None:
        """Raise what was found: one check's own error as it was (its status and extra kept,
        e.g. a complaint's redirect), several as one `FieldErrors`."""
        if not self.errors:
            return
        if len(self._caught) == 1 and not self._added:
            caught = self._caught[0]
            named = next(iter(self.errors))
            if "field" not in caught.extra and len(self.errors) == 1 and named != NON_FIELD:
                caught.extra["field"] = named  # named by the caller
            raise caught
        raise FieldErrors(self.errors)


def form_errors(exc: ApplicationError, labels: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The page context of a refused form: `error` (the exception), `invalid` (field →
    messages) and `invalid_labels` (field → label, for the summary's links)."""
    return {"error": exc, "invalid": errors_of(exc), "invalid_labels": dict(labels or {})}


def django_form_errors(form: Any, labels: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """`form_errors` for a Django form (the sign-in page): its field and non-field errors as the
    same context, for the same tags."""
    invalid = {
        (NON_FIELD if name == "__all__" else name): [str(m) for m in messages]
        for name, messages in form.errors.items()
    }
    return {"invalid": invalid, "invalid_labels": dict(labels or {})}

