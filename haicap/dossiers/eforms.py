"""Declarations entered online (e-forms) for the forms the catalogue names: the birth, marriage
and death registration forms of Circular 04/2020/TT-BTP (as amended). The fields are typed into
the portal, checked (422 naming the field), stored on the dossier (`Dossier.declaration`) and
shown to the officer; the paper form's upload slot is then not required."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_noop

from haicap.core.errors import ApplicationError
from haicap.core.fielderrors import Collector
from haicap.core.personal import citizen_id
from haicap.core.text import nfc, search_key
from haicap.workdays.calendar import VN

REQUIRED = "Chưa khai «{label}» trong {form}."
TOO_LONG = "«{label}» dài quá {most} ký tự."
BAD_DATE = "«{label}» phải là một ngày (ngày/tháng/năm), không sau hôm nay."
BAD_CHOICE = "«{label}»: chọn một trong {allowed}."
UNDER_AGE = "{who} chưa đủ {years} tuổi vào ngày đăng ký kết hôn (Luật Hôn nhân và gia đình, điều 8)."
SEXES = ("Nam", "Nữ")
TIMES = ("1", "2", "3", "4")


@dataclass(frozen=True)
class EField:
    name: str
    label: str
    kind: str = "text"  # text | date | choice | id_number
    required: bool = True
    choices: tuple[str, ...] = ()
    default: str = ""
    most: int = 120

    @property
    def input_name(self) -> str:
        return f"decl_{self.name}"


@dataclass(frozen=True)
class EForm:
    key: str
    title: str
    fields: tuple[EField, ...]
    sections: tuple[tuple[str, tuple[str, ...]], ...]  # (heading, field names)

    def grouped(self) -> list[tuple[str, list[EField]]]:
        by_name = {f.name: f for f in self.fields}
        return [(heading, [by_name[n] for n in names]) for heading, names in self.sections]


PERSON_FIELDS = ("name", "birth_date", "ethnicity", "nationality", "residence", "id_number")
# the labels, each written out so that `make messages` finds it (gettext_noop) and the form shows
# it in the reader's language; the declaration stores the Vietnamese
PERSON_LABELS = {
    "mother": (
        gettext_noop("Họ, chữ đệm, tên của mẹ"),
        gettext_noop("Ngày sinh của mẹ"),
        gettext_noop("Dân tộc của mẹ"),
        gettext_noop("Quốc tịch của mẹ"),
        gettext_noop("Nơi cư trú của mẹ"),
        gettext_noop("Số định danh cá nhân của mẹ"),
    ),
    "father": (
        gettext_noop("Họ, chữ đệm, tên của cha"),
        gettext_noop("Ngày sinh của cha"),
        gettext_noop("Dân tộc của cha"),
        gettext_noop("Quốc tịch của cha"),
        gettext_noop("Nơi cư trú của cha"),
        gettext_noop("Số định danh cá nhân của cha"),
    ),
    "wife": (
        gettext_noop("Họ, chữ đệm, tên bên nữ"),
        gettext_noop("Ngày sinh bên nữ"),
        gettext_noop("Dân tộc bên nữ"),
        gettext_noop("Quốc tịch bên nữ"),
        gettext_noop("Nơi cư trú bên nữ"),
        gettext_noop("Số định danh cá nhân bên nữ"),
    ),
    "husband": (
        gettext_noop("Họ, chữ đệm, tên bên nam"),
        gettext_noop("Ngày sinh bên nam"),
        gettext_noop("Dân tộc bên nam"),
        gettext_noop("Quốc tịch bên nam"),
        gettext_noop("Nơi cư trú bên nam"),
        gettext_noop("Số định danh cá nhân bên nam"),
    ),
}


def _person(prefix: str, *, required: bool = True) -> tuple[EField, ...]:
    name, born, ethnicity, nationality, residence, id_number = PERSON_LABELS[prefix]
    return (
        EField(f"{prefix}_name", name, required=required),
        EField(f"{prefix}_birth_date", born, "date", required=required),
        EField(f"{prefix}_ethnicity", ethnicity, required=required, default="Kinh", most=40),
        EField(
            f"{prefix}_nationality", nationality, required=required, default="Việt Nam", most=60
        ),
        EField(f"{prefix}_residence", residence, required=required, most=300),
        EField(f"{prefix}_id_number", id_number, "id_number", required=False),
    )


def _section(heading: str, prefix: str, *more: str) -> tuple[str, tuple[str, ...]]:
    return heading, tuple(f"{prefix}_{n}" for n in (*PERSON_FIELDS, *more))


BIRTH = EForm(
    key="to-khai-dang-ky-khai-sinh",
    title=gettext_noop("Tờ khai đăng ký khai sinh"),
    fields=(
        EField(
            "relationship", gettext_noop("Quan hệ của người đi đăng ký với người được khai sinh"), most=40
        ),
        EField("child_name", gettext_noop("Họ, chữ đệm, tên người được khai sinh")),
        EField("child_birth_date", gettext_noop("Ngày, tháng, năm sinh"), "date"),
        EField("child_sex", gettext_noop("Giới tính"), "choice", choices=SEXES),
        EField("child_ethnicity", gettext_noop("Dân tộc"), default="Kinh", most=40),
        EField("child_nationality", gettext_noop("Quốc tịch"), default="Việt Nam", most=60),
        EField("child_birth_place", gettext_noop("Nơi sinh"), most=300),
        EField("child_hometown", gettext_noop("Quê quán"), most=300),
        *_person("mother"),
        *_person("father", required=False),
    ),
    sections=(
        (
            gettext_noop("Người được khai sinh"),
            tuple(
                f"child_{n}"
                for n in (
                    "name", "birth_date", "sex", "ethnicity", "nationality", "birth_place",
                    "hometown",
                )
            ),
        ),
        _section(gettext_noop("Mẹ"), "mother"),
        _section(gettext_noop("Cha (nếu có)"), "father"),
        (gettext_noop("Người đi đăng ký"), ("relationship",)),
    ),
)

MARRIAGE = EForm(
    key="to-khai-dang-ky-ket-hon",
    title=gettext_noop("Tờ khai đăng ký kết hôn"),
    fields=(
        *_person("wife"),
        EField("wife_times", gettext_noop("Kết hôn lần thứ mấy (bên nữ)"), "choice", choices=TIMES),
        *_person("husband"),
        EField("husband_times", gettext_noop("Kết hôn lần thứ mấy (bên nam)"), "choice", choices=TIMES),
    ),
    sections=(
        _section(gettext_noop("Bên nữ"), "wife", "times"),
        _section(gettext_noop("Bên nam"), "husband", "times"),
    ),
)

DEATH = EForm(
    key="to-khai-dang-ky-khai-tu",
    title=gettext_noop("Tờ khai đăng ký khai tử"),
    fields=(
        EField("relationship", gettext_noop("Quan hệ của người đi đăng ký với người đã chết"), most=40),
        EField("deceased_name", gettext_noop("Họ, chữ đệm, tên người đã chết")),
        EField("deceased_birth_date", gettext_noop("Ngày sinh người đã chết"), "date"),
        EField("deceased_sex", gettext_noop("Giới tính"), "choice", choices=SEXES),
        EField("deceased_ethnicity", gettext_noop("Dân tộc"), default="Kinh", most=40),
        EField("deceased_nationality", gettext_noop("Quốc tịch"), default="Việt Nam", most=60),
        EField(
            "deceased_id_number", gettext_noop("Số định danh cá nhân người đã chết"), "id_number",
            required=False,
        ),
        EField("deceased_residence", gettext_noop("Nơi cư trú cuối cùng"), most=300),
        EField("death_date", gettext_noop("Ngày chết"), "date"),
        EField("death_place", gettext_noop("Nơi chết"), most=300),
        EField("death_cause", gettext_noop("Nguyên nhân chết"), required=False, most=200),
    ),
    sections=(
        (
            gettext_noop("Người đã chết"),
            tuple(
                f"deceased_{n}"
                for n in (
                    "name", "birth_date", "sex", "ethnicity", "nationality", "id_number",
                    "residence",
                )
            ),
        ),
        (gettext_noop("Việc chết"), ("death_date", "death_place", "death_cause")),
        (gettext_noop("Người đi đăng ký"), ("relationship",)),
    ),
)

FORMS = {search_key(f.title): f for f in (BIRTH, MARRIAGE, DEATH)}
MARRIAGE_AGE = (("wife_birth_date", "Bên nữ", 18), ("husband_birth_date", "Bên nam", 20))


def eform_for(form_name: str) -> EForm | None:
    """The e-form for a form the catalogue names ("Tờ khai đăng ký khai sinh"), if there is one."""
    key = search_key(form_name or "")
    return next((form for title, form in FORMS.items() if title and title in key), None)


def _date(text: str, label: str, today: dt.date) -> str:
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            day = dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        if dt.date(1900, 1, 1) <= day <= today:
            return day.isoformat()
        break
    raise ApplicationError(BAD_DATE.format(label=label), status=422)


def _value(f: EField, raw: str, form: EForm, today: dt.date) -> str:
    value = " ".join(nfc(raw or "").split())
    if not value:
        if f.required:
            raise ApplicationError(REQUIRED.format(label=f.label, form=form.title), status=422)
        return ""
    if len(value) > f.most:
        raise ApplicationError(TOO_LONG.format(label=f.label, most=f.most), status=422)
    if f.kind == "date":
        return _date(value, f.label, today)
    if f.kind == "choice" and value not in f.choices:
        raise ApplicationError(
            BAD_CHOICE.format(label=f.label, allowed=", ".join(f.choices)), status=422
        )
    if f.kind == "id_number":
        return citizen_id(value)
    return value


def _ages_checked(form: EForm, values: dict[str, str], today: dt.date) -> None:
    if form is not MARRIAGE:
        return
    for name, who, years in MARRIAGE_AGE:
        born = dt.date.fromisoformat(values[name])
        of_age = born.replace(year=born.year + years) if (born.month, born.day) != (2, 29) else (
            dt.date(born.year + years, 3, 1)
        )
        if of_age > today:
            raise ApplicationError(
                UNDER_AGE.format(who=who, years=years),
                extra={"field": f"decl_{name}"},
                status=422,
            )


def declaration_clean(
    form: EForm, data: Mapping[str, Any], *, today: dt.date | None = None
) -> dict[str, Any]:
    """The declaration from the form's `decl_*` fields, checked: what `Dossier.declaration`
    stores (each field with its label, so that it reads the same if the form changes)."""
    today = today or timezone.now().astimezone(VN).date()
    values: dict[str, str] = {}
    errors = Collector()  # every field is checked: all that is wrong is reported at once
    for f in form.fields:
        with errors.field(f.input_name):
            try:
                values[f.name] = _value(f, str(data.get(f.input_name, "") or ""), form, today)
            except ApplicationError as exc:
                exc.extra["field"] = f.input_name
                raise
    errors.done()
    _ages_checked(form, values, today)
    return {
        "form": form.key,
        "title": form.title,
        "fields": [
            {"name": f.name, "label": f.label, "value": values[f.name]}
            for f in form.fields
            if values[f.name]
        ],
    }
