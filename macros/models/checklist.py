"""data/tarkistuslistat/*.yml: a checklist of a guideline section (macros/checklist.py)."""
from __future__ import annotations

from pydantic import Field, model_validator

from .types import (At, Bool, NonEmpty, Prose, Slug, StorageVersion, Strict, Text, choice, matching)

FIELD_TYPES = ("date", "email", "radio", "select", "tel", "text", "textarea")
OPTION_TYPES = ("select", "radio")


class Condition(Strict):
    """{field, value}: while the form's field `field` has the option `value`."""
    field: Text
    value: Text


class Item(Strict):
    id: Slug                       # stable: the saved answers and the PDF refer to it
    text: Text                     # what the user confirms
    guideline: Text                # the guideline's bullet, verbatim
    not_applicable: Bool = False   # may be marked "ei koske tätä julkaisua"
    relevant_when: Condition | None = None   # does not apply once that field has another value


class Group(Strict):
    id: Slug
    title: Text
    anchor: Slug                   # the heading id in the source page
    items: list[Item] = Field(json_schema_extra={"minItems": 1})

    @model_validator(mode="after")
    def _items(self):
        if not self.items:
            raise At(f"ryhmässä {self.id!r} ei ole yhtään kohtaa (items on tyhjä)", "items")
        return self


class Option(Strict):
    value: Slug
    label: Text


class Field(Strict):
    id: Slug
    label: Text
    type: choice(FIELD_TYPES, lambda v: f"tuntematon tyyppi {v!r} (sallitut: {', '.join(FIELD_TYPES)})")
    required: Bool = False
    required_if: Condition | None = None
    options: NonEmpty(Option) | None = None   # select and radio only
    hint: Prose | None = None
    autocomplete: Slug = "off"     # the input's autocomplete token (name, email, tel...)
    records: NonEmpty(Slug) | None = None     # the items whose result or detail the field records

    @model_validator(mode="after")
    def _consistent(self):
        if self.type in OPTION_TYPES and self.options is None:
            raise At("odotettiin ei-tyhjää luetteloa", "options")
        if self.type not in OPTION_TYPES and self.options is not None:
            raise At("vaihtoehdot sopivat vain tyypeille select ja radio", "options")
        values = [o.value for o in self.options or []]
        for i, value in enumerate(values):
            if value in values[:i]:
                raise At(f"arvo {value!r} on jo käytössä", "options", i)
        if self.required and self.required_if is not None:
            raise ValueError("required ja required_if eivät sovi yhteen")
        return self


class Ready(Strict):
    """Shown when every item is handled."""
    title: Text
    text: Prose
    button: Text


class Summary(Strict):
    """The request to communications (a list with fields)."""
    title: Text
    intro: Prose
    fields_title: Text
    fields_intro: Prose
    mail_subject: Text
    name_field: Text                          # the field whose value names the request
    mail_fields: NonEmpty(Text) | None = None  # the fields the e-mail carries first (default: name_field)


SUMMARY_KEYS = sorted(set(Summary.model_fields) - {"mail_fields"})


class Checklist(Strict):
    id: Slug                       # also the localStorage key
    title: Text
    section: matching(r"\d+(\.\d+)*", lambda v: f"odotettiin kohdan numeroa kuten 3.2, saatiin {v!r}")
    source: matching(r".*\.md", lambda v: f"odotettiin sivua (.md), saatiin {v!r}")
    storage_version: StorageVersion   # raise when saved answers change shape
    progress: Text                 # "5 / 13 kohtaa vahvistettu"
    intro: Prose | None = None
    groups: NonEmpty(Group)
    fields: NonEmpty(Field) | None = None
    ready: Ready | None = None
    summary: Summary | None = None

    @model_validator(mode="after")
    def _consistent(self):
        self._unique_ids()
        fields = {f.id: f for f in self.fields or []}
        self._summary(fields)
        for g, group in enumerate(self.groups):
            for i, item in enumerate(group.items):
                if item.relevant_when:
                    option_of(item.relevant_when, fields, ("groups", g, "items", i, "relevant_when"))
        for n, f in enumerate(self.fields or []):
            if f.required_if:
                option_of(f.required_if, fields, ("fields", n, "required_if"))
        self._records()
        return self

    def _unique_ids(self):
        """Groups, items and fields: each id becomes an HTML id, so all are unique."""
        seen: dict[str, str] = {}
        places = [(("groups", g), group) for g, group in enumerate(self.groups)]
        places += [(("groups", g, "items", i), item) for g, group in enumerate(self.groups)
                   for i, item in enumerate(group.items)]
        places += [(("fields", n), f) for n, f in enumerate(self.fields or [])]
        for steps, entry in sorted(places, key=lambda p: _order(p[0])):
            if entry.id in seen:
                raise At(f"id {entry.id!r} on jo käytössä ({seen[entry.id]})", *steps, "id")
            seen[entry.id] = ".".join(str(s + 1 if isinstance(s, int) else s) for s in steps)

    def _summary(self, fields: dict):
        if self.summary is None:
            if fields:
                # Named at fields: (there is no summary: line to point at).
                raise At("lista, jossa on kenttiä, tarvitsee myös yhteenvedon tiedot (summary: "
                         f"{', '.join(SUMMARY_KEYS)}). Lisää summary-kohta tai poista kentät", "fields")
            return
        if not fields:
            raise At("yhteenveto sopii vain listaan, jossa on kenttiä (fields)", "summary")
        for i, name in enumerate(self.summary.mail_fields or []):
            if name not in fields:
                raise At(f"kenttää {name!r} ei ole (fields)", "summary", "mail_fields", i)
        if self.summary.name_field not in fields:
            raise At(f"kenttää {self.summary.name_field!r} ei ole (fields)", "summary", "name_field")

    def _records(self):
        items = [item.id for group in self.groups for item in group.items]
        for n, f in enumerate(self.fields or []):
            for i, item_id in enumerate(f.records or []):
                if item_id in items:
                    continue
                group = next((g for g in self.groups if g.id == item_id), None)
                at = ("fields", n, "records", i)
                if group:
                    raise At(f"{item_id!r} on ryhmä, ei kohta. Kirjoita ryhmän kohdan id, esimerkiksi "
                             f"{group.items[0].id!r}.", *at)
                raise At(f"kohtaa {item_id!r} ei ole tässä listassa. Kirjoita jonkin kohdan id "
                         f"(groups → items → id), esimerkiksi {items[0]!r}.", *at)


def _order(steps: tuple) -> tuple:
    """The file's order: groups and their items as written, then the fields."""
    return (steps[0] == "fields", steps[1], steps[3] + 1 if len(steps) > 2 else 0)


def option_of(cond: Condition, fields: dict, steps: tuple) -> tuple[Field, Option]:
    """The field and option a condition names; At steps if there is none."""
    target = fields.get(cond.field)
    option = next((o for o in target.options or [] if o.value == cond.value), None) if target else None
    if option is None:
        raise At(f"kenttää {cond.field!r} vaihtoehdolla {cond.value!r} ei ole", *steps)
    return target, option
