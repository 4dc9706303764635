"""One search for every list: diacritics and case folded on both sides, the obvious answer first.

The data side is stored folded (`core.text.search_key`) in two columns the model keeps on save
and every bulk path fills: the record's *name* (a unit's full name, an applicant's name, a
procedure's name) and its *text* (the name again plus whatever else one may type: codes, phone,
aliases). The query is folded the same way. A record's rank, best first:

    0 EXACT      the name is the query               "quan 1"      Quận 1
    1 PREFIX     the name starts with the query      "quan 1"      Quận 10
    2 IN_NAME    the query starts a word of the name "ben thanh"   Phường Bến Thành
    3 PHRASE     the query starts a word of the text "26743 0001"  the dossier's code
    4 WORDS      every query word starts a word      "mai le"      Lê Thị Mai
    5 SUBSTRING  every query word occurs somewhere   "hanh"        Phường Bến Thành

Ranks 4 and 5 are loose: their words may lie anywhere in a long text ("khai" of "khai thác",
"sinh" of "phát sinh" in a land procedure's 1,500 characters). They are listed only when
nothing matches the query as a phrase (ranks 0-3), so that "dang ky khai sinh" lists the birth
registrations and no land procedure, while "dang ky khai sinh nuoc ngoai", a phrase no name
has, still finds each foreign birth registration. A query of digits (a code, the end of a phone
number) matches as a phrase anywhere in the text.

Common abbreviations are read both ways ("tp" and "thành phố", "q1" and "quận 1", "p 7" and
"phường 7"); tone placement ("hoà"/"hòa") disappears with the diacritics.

`search(qs, query, ...)` ranks a queryset (annotated `search_rank`, ordered by it and then by
the caller's order: current units before old ones, shorter names first...); its WHERE clause
is a LIKE on the text column, which a pg_trgm GIN index serves on PostgreSQL (`trigram_index`).
`search_items(items, query, ...)` ranks a list in memory the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import Combinable
from django.db.models.functions import Length

from haicap.core.text import search_key

EXACT, PREFIX, IN_NAME, PHRASE, WORDS, SUBSTRING = range(6)
MAX_QUERY = 100  # characters of the folded query; longer is no longer a search
MAX_WORDS = 8

# abbreviations an officer types, read as the words they stand for (whole query words only)
ABBREVIATIONS = {
    "tp": "thanh pho",
    "tx": "thi xa",
    "tt": "thi tran",
    "hcm": "ho chi minh",
    "tphcm": "thanh pho ho chi minh",
    "ubnd": "uy ban nhan dan",
}
# a letter and a number: "q1", "p 7", "q.1" (search_key gives "q 1")
_NUMBERED = {"q": "quan", "p": "phuong", "h": "huyen"}
_GLUED = re.compile(r"^([qph])(\d+)$")

T = TypeVar("T")
Order = str | Combinable


def query_keys(query: str) -> list[str]:
    """The folded query and, if it has abbreviations, the same query with them spelt out."""
    key = " ".join(search_key(query or "")[:MAX_QUERY].split()[:MAX_WORDS])
    if not key:
        return []
    words = key.split()
    spelt: list[str] = []
    for i, word in enumerate(words):
        glued = _GLUED.match(word)
        if glued:
            spelt.append(f"{_NUMBERED[glued[1]]} {glued[2]}")
        elif word in _NUMBERED and i + 1 < len(words) and words[i + 1].isdigit():
            spelt.append(_NUMBERED[word])
        else:
            spelt.append(ABBREVIATIONS.get(word, word))
    other = " ".join(spelt)
    return [key] if other == key else [key, other]


def _digits(key: str) -> bool:
    return key.replace(" ", "").isdigit()


# --- in memory -------------------------------------------------------------------------------


def rank_of(key: str, name: str, text: str) -> int | None:
    """The rank of one record for one folded query key (None: no match). `name` and `text` are
    folded (search_key); `text` contains the name."""
    if name and name == key:
        return EXACT
    if name and name.startswith(key):
        return PREFIX
    if name and f" {key}" in f" {name}":
        return IN_NAME
    if f" {key}" in f" {text}" or (_digits(key) and key in text):
        return PHRASE
    words = key.split()
    if all(f" {w}" in f" {text}" for w in words):
        return WORDS
    if all(w in text for w in words):
        return SUBSTRING
    return None


def search_items(
    items: Iterable[T],
    query: str,
    *,
    name: Callable[[T], str],
    text: Callable[[T], str],
    order: Callable[[T], Any] = lambda item: 0,
) -> list[T]:
    """`search` for a list in memory: `name` and `text` give an item's folded name and text."""
    keys = query_keys(query)
    listed = list(items)
    if not keys:
        return sorted(listed, key=order)
    ranked: list[tuple[int, T]] = []
    for item in listed:
        ranks = [rank_of(k, name(item), text(item)) for k in keys]
        found = [r for r in ranks if r is not None]
        if found:
            ranked.append((min(found), item))
    if any(r <= PHRASE for r, _ in ranked):
        ranked = [(r, item) for r, item in ranked if r <= PHRASE]
    ranked.sort(key=lambda pair: (pair[0], order(pair[1])))
    return [item for _, item in ranked]


# --- in the database -------------------------------------------------------------------------


def _starts_word(field: str, key: str) -> Q:
    return Q(**{f"{field}__startswith": key}) | Q(**{f"{field}__contains": f" {key}"})


def _phrase_q(key: str, text: str) -> Q:
    if _digits(key):
        return Q(**{f"{text}__contains": key})
    return _starts_word(text, key)


def _words_q(key: str, text: str) -> Q:
    q = Q()
    for word in key.split():
        q &= _starts_word(text, word)
    return q


def _substring_q(key: str, text: str) -> Q:
    q = Q()
    for word in key.split():
        q &= Q(**{f"{text}__contains": word})
    return q


def _any(qs: Iterable[Q]) -> Q:
    result = Q()
    for q in qs:
        result |= q
    return result


def search(
    qs: QuerySet[Any],
    query: str,
    *,
    name: str | None = "search_name",
    text: str = "search_key",
    order: Sequence[Order] = (),
    ties: Sequence[Order] = (),
) -> QuerySet[Any]:
    """`qs` filtered to the records matching `query`, annotated `search_rank` (EXACT...SUBSTRING)
    and ordered by it, then by `ties` (`shorter()`: the shorter names first), then by `order`.
    An empty query keeps every record (rank 0), in `order` alone.

    `name` and `text` are the folded columns (or paths such as "unit__search_key"); `name` None
    for records that have no name (a bank transaction), whose ranks then start at PHRASE."""
    keys = query_keys(query)
    if not keys:
        qs = qs.annotate(search_rank=Value(EXACT, output_field=IntegerField()))
        return qs.order_by(*order) if order else qs
    whens: list[When] = []
    if name:
        whens += [
            When(_any(Q(**{name: k}) for k in keys), then=Value(EXACT)),
            When(_any(Q(**{f"{name}__startswith": k}) for k in keys), then=Value(PREFIX)),
            When(_any(_starts_word(name, k) for k in keys), then=Value(IN_NAME)),
        ]
    phrase = _any(_phrase_q(k, text) for k in keys)
    words = _any(_words_q(k, text) for k in keys)
    whens += [When(phrase, then=Value(PHRASE)), When(words, then=Value(WORDS))]
    rank = Case(*whens, default=Value(SUBSTRING), output_field=IntegerField())
    # the WHERE is on the text column alone (LIKE), which the trigram index serves; the name
    # is part of the text, so every name rank is also a phrase match
    matching = qs.filter(phrase)
    if not matching.exists():
        matching = qs.filter(_any(_substring_q(k, text) for k in keys))
    return matching.annotate(search_rank=rank).order_by("search_rank", *ties, *order)


def shorter(name: str = "search_name") -> Length:
    """A tie-break for `search`: the shorter names first ("Đăng ký khai sinh" before its special
    cases)."""
    return Length(name)


def searchable(name: str, *others: str) -> tuple[str, str]:
    """The two stored columns for a record: its folded name and its folded text (name first,
    then the others). Each model's save() and every bulk path use this one function."""
    folded = search_key(name or "")
    rest = " ".join(search_key(o) for o in others if o)
    return folded, f"{folded} {rest}".strip()


def search_row(
    model: Any, values: Mapping[str, Any], fields: Sequence[str] | None = None
) -> dict[str, str]:
    """The stored columns `search_name` and `search_key` of a row given as a dict (the bulk
    paths), from `fields` (the model's `search_fields`: the name first); cut to the columns'
    lengths. `model` may be a migration's historical model."""
    fields = fields or model.search_fields
    name, text = searchable(*(str(values.get(f) or "") for f in fields))
    columns = {"search_name": name, "search_key": text}
    for column, value in columns.items():
        length = model._meta.get_field(column).max_length
        columns[column] = value[:length] if length else value
    return columns


class Searchable:
    """A model mixin that keeps `search_name` and `search_key` on save: `search_fields` names
    the record's name first, then the other fields one may search by. A save that names its
    `update_fields` refreshes them only when one of those fields is among them."""

    search_fields: tuple[str, ...] = ()

    def save(self, *args: Any, **kwargs: Any) -> None:
        update_fields = kwargs.get("update_fields")
        if update_fields is None or set(update_fields) & set(self.search_fields):
            values = {f: getattr(self, f) for f in self.search_fields}
            for column, value in search_row(self, values).items():
                setattr(self, column, value)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "search_name", "search_key"}
        super().save(*args, **kwargs)  # type: ignore[misc]


def trigram_index(table: str, column: str, name: str) -> Any:
    """A migration operation: the pg_trgm GIN index that serves `search`'s LIKE on PostgreSQL,
    with the extension if it is missing (nothing on SQLite; Django's TrigramExtension would
    query pg_extension on SQLite when unapplied, and dropping it is no app's to do)."""
    from django.db import migrations

    def forwards(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin ("{column}" gin_trgm_ops)'
            )

    def backwards(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')

    return migrations.RunPython(forwards, backwards)


def backfill(
    app: str,
    model: str,
    fields: Sequence[str],
    prepare: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
    columns: Sequence[str] = ("search_name", "search_key"),
    batch: int = 2000,
) -> Any:
    """A migration operation: fills `search_name` and `search_key` of the existing rows from
    `fields` (the name first; `prepare` may rewrite a row's values first), by primary-key
    batches (a million dossiers are never loaded at once). `columns`: those to write (a table
    whose `search_key` is older than its new `search_name` keeps it)."""
    from django.db import migrations

    def forwards(apps: Any, schema_editor: Any) -> None:
        historical = apps.get_model(app, model)
        rows = historical.objects.order_by("pk").values("pk", *fields)
        last = 0
        while chunk := list(rows.filter(pk__gt=last)[:batch]):
            objects = []
            for values in chunk:
                obj = historical(pk=values["pk"])
                values = prepare(values) if prepare else values
                for column, value in search_row(historical, values, fields).items():
                    setattr(obj, column, value)
                objects.append(obj)
            historical.objects.bulk_update(objects, list(columns))
            last = chunk[-1]["pk"]

    return migrations.RunPython(forwards, migrations.RunPython.noop)
