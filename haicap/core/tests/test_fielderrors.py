"""core.fielderrors: checks collected per field, one 422 for all, the template's marks."""

import pytest
from django.template import Context, Template

from haicap.core.errors import ApplicationError, NotFound
from haicap.core.fielderrors import NON_FIELD, Collector, FieldErrors, errors_of, form_errors


def bad(field: str, message: str) -> None:
    raise ApplicationError(message, extra={"field": field}, status=422)


def test_the_collector_keeps_every_field_and_raises_once():
    errors = Collector()
    errors.run(bad, "phone", "Số điện thoại sai.")
    with errors.field("id_number"):
        raise ApplicationError("Thiếu số định danh.", status=422)  # named by the caller
    errors.add("phone", "Số điện thoại sai.")  # the same message once
    assert errors.run(lambda: 7) == 7
    with pytest.raises(FieldErrors) as caught:
        errors.done()
    exc = caught.value
    assert exc.status == 422
    assert exc.extra == {
        "field": "phone",
        "errors": {"phone": ["Số điện thoại sai."], "id_number": ["Thiếu số định danh."]},
    }
    assert exc.message == "Biểu mẫu có 2 lỗi: Số điện thoại sai.; Thiếu số định danh."


def test_a_single_error_keeps_its_message_and_other_statuses_are_not_input():
    with pytest.raises(FieldErrors) as caught:
        raise FieldErrors({"phone": ["Số điện thoại sai."]})
    assert caught.value.message == "Số điện thoại sai."
    errors = Collector()
    with pytest.raises(NotFound), errors.field("procedure_code"):
        raise NotFound("Không có.")  # a 404 stops the form as it is
    assert not errors
    Collector().done()  # nothing wrong: nothing raised
    with pytest.raises(ValueError):
        FieldErrors({})


def test_errors_of_reads_any_application_error():
    assert errors_of(ApplicationError("x", extra={"field": "a"})) == {"a": ["x"]}
    assert errors_of(ApplicationError("y")) == {NON_FIELD: ["y"]}
    nested = ApplicationError("z", extra={"field": "a", "errors": {"a": ["1"], "b": ["2"]}})
    assert errors_of(nested) == {"a": ["1"], "b": ["2"]}


TEMPLATE = Template(
    "{% load fielderrors %}{% error_summary %}"
    '<input name="phone" {% field_attrs "phone" %}>{% field_errors "phone" %}'
    '<input name="name" {% field_attrs "name" %}>{% field_errors "name" %}'
)


def test_the_template_marks_the_fields_and_links_the_summary_by_label():
    exc = FieldErrors({"phone": ["Số điện thoại <sai>."], NON_FIELD: ["Hết hạn."]})
    html = TEMPLATE.render(Context(form_errors(exc, {"phone": "Số điện thoại"})))
    assert 'id="f-phone" aria-invalid="true" aria-describedby="e-phone"' in html
    assert '<span class="field-error" id="e-phone" data-testid="field-error-phone">' in html
    assert "Số điện thoại &lt;sai&gt;." in html and "<sai>" not in html  # escaped
    assert '<a href="#f-phone">Số điện thoại: Số điện thoại &lt;sai&gt;.</a>' in html
    assert "<li>Hết hạn.</li>" in html
    assert '<input name="name" id="f-name">' in html and "field-error-name" not in html
    assert "form-error" not in TEMPLATE.render(Context({}))  # nothing wrong: no summary


def test_one_checks_own_error_is_raised_as_it_was():
    """A single error keeps its status and extra (a complaint's redirect, a 400)."""
    original = ApplicationError("Khiếu nại.", extra={"field": "d", "redirect": "complaint"})
    errors = Collector()
    with errors.field():
        raise original
    with pytest.raises(ApplicationError) as caught:
        errors.done()
    assert caught.value is original and caught.value.status == 400
    named = Collector()
    named.run(bad_unnamed, field="x")
    with pytest.raises(ApplicationError) as caught:
        named.done()
    assert caught.value.extra == {"field": "x"}


def bad_unnamed() -> None:
    raise ApplicationError("Thiếu.", status=422)
