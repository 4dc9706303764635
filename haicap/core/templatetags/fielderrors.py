"""The form's error summary and the marks on each field (see core.fielderrors).

    {% load fielderrors %}
    {% error_summary %}                                     at the top of the form
    <label for="f-applicant_name">Họ và tên</label>
    <input name="applicant_name" {% field_attrs "applicant_name" %} value="…">
    {% field_errors "applicant_name" %}                     under the field

On a page of several forms, `form=<its name>` marks only the form the view names in
`invalid_form`. The context holds `invalid` (field → messages) and `invalid_labels` (field → label), as
`core.fielderrors.form_errors` returns them.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from haicap.core.fielderrors import NON_FIELD

register = template.Library()


def field_id(name: str) -> str:
    return f"f-{name}"


def error_id(name: str) -> str:
    return f"e-{name}"


def _other_form(context: template.Context, form: str) -> bool:
    """On a page of several small forms (a dossier's actions), only the one sent is marked:
    the view puts its name in `invalid_form`."""
    return bool(form) and context.get("invalid_form") != form


@register.simple_tag(takes_context=True)
def field_attrs(context: template.Context, name: str, form: str = "") -> SafeString:
    """`id`, and `aria-invalid` + `aria-describedby` when the field has an error."""
    if _other_form(context, form):
        return SafeString("")
    errors = context.get("invalid") or {}
    if name in errors:
        return format_html(
            'id="{}" aria-invalid="true" aria-describedby="{}"', field_id(name), error_id(name)
        )
    return format_html('id="{}"', field_id(name))


@register.simple_tag(takes_context=True)
def field_aria(context: template.Context, name: str, form: str = "") -> SafeString:
    """The aria marks alone, for a field that keeps an id of its own (its label or wrapper then
    carries `id="f-<name>"` for the summary's link)."""
    if _other_form(context, form):
        return SafeString("")
    errors = context.get("invalid") or {}
    if name in errors:
        return format_html('aria-invalid="true" aria-describedby="{}"', error_id(name))
    return SafeString("")


@register.inclusion_tag("core/field_errors.html", takes_context=True)
def field_errors(context: template.Context, name: str, form: str = "") -> dict[str, Any]:
    errors = {} if _other_form(context, form) else context.get("invalid") or {}
    return {"name": name, "id": error_id(name), "messages": errors.get(name, [])}


@register.inclusion_tag("core/error_summary.html", takes_context=True)
def error_summary(context: template.Context) -> dict[str, Any]:
    errors = context.get("invalid") or {}
    labels = context.get("invalid_labels") or {}
    general = list(errors.get(NON_FIELD, []))
    items = [
        {"href": "#" + field_id(name), "label": labels.get(name, ""), "message": message}
        for name, messages in errors.items()
        if name != NON_FIELD
        for message in messages
    ]
    return {"general": general, "items": items, "count": len(general) + len(items)}
