"""The complaint taxonomy as data: the three JR/T 0169-2018 axes (channel of the business,
business type, cause), each a tree of coded categories with zh_CN and en labels, plus
the extra fields and handling checklist that some categories need.

The channel axis is the channel through which the business complained about was
done (业务办理渠道), not how the complaint reached the bank (`model.Channel`).

The shipped file is `resources/taxonomy/jrt0169.json`; HQ publishes replacements.
A category code also stands for its whole subtree: an extra-field rule on `B02`
(loans) applies to `B0201` (housing loans) as well.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.domain.errors import NotFound, PolicyError
from desktop.domain.reference_files import (
    AXES,
    CategoryNode,
    FieldSpec,
    FieldType,
    TaxonomyFile,
    check,
)
from desktop.resources import load_json

DEFAULT_TAXONOMY = "jrt0169"


@dataclass(frozen=True, slots=True)
class Category:
    axis: str
    code: str
    label: Mapping[str, str]
    parent: str | None
    children: tuple[str, ...]
    checklist: tuple[Mapping[str, str], ...] = ()
    keywords: tuple[str, ...] = ()

    def text(self, locale: str = "zh_CN") -> str:
        return self.label.get(locale) or self.label["en"]


@dataclass(frozen=True, slots=True)
class ExtraField:
    """A field some categories require at intake (e.g. the loan application number)."""

    key: str
    type: FieldType
    label: Mapping[str, str]
    required: bool
    max_length: int = 200
    options: tuple[tuple[str, Mapping[str, str]], ...] = ()  # (value, label) for a choice

    def text(self, locale: str = "zh_CN") -> str:
        return self.label.get(locale) or self.label["en"]


@dataclass(frozen=True, slots=True)
class ExtraFieldRule:
    business_type: str | None
    cause: str | None
    fields: tuple[ExtraField, ...]
    checklist: tuple[Mapping[str, str], ...]


@dataclass(frozen=True, slots=True)
class Taxonomy:
    id: str
    version: str
    source: str
    axis_labels: Mapping[str, Mapping[str, str]]
    categories: Mapping[str, Mapping[str, Category]]  # axis → code → category, in file order
    rules: tuple[ExtraFieldRule, ...] = field(default=())

    def category(self, axis: str, code: str) -> Category:
        """The category `code` of `axis`. Raises NotFound for an unknown axis or code."""
        try:
            return self.categories[axis][code]
        except KeyError:
            raise NotFound(what=f"{axis}:{code[:20]}") from None

    def has(self, axis: str, code: str) -> bool:
        return code in self.categories.get(axis, {})

    def label(self, axis: str, code: str, locale: str = "zh_CN") -> str:
        return self.category(axis, code).text(locale)

    def roots(self, axis: str) -> list[Category]:
        return [c for c in self.categories[axis].values() if c.parent is None]

    def children(self, axis: str, code: str | None = None) -> list[Category]:
        """The top-level categories (code None) or the children of `code`."""
        if code is None:
            return self.roots(axis)
        return [self.categories[axis][c] for c in self.category(axis, code).children]

    def path(self, axis: str, code: str) -> list[Category]:
        """From the top-level category down to `code` itself."""
        chain = [self.category(axis, code)]
        while chain[-1].parent is not None:
            chain.append(self.categories[axis][chain[-1].parent])
        return chain[::-1]

    def full_label(self, axis: str, code: str, locale: str = "zh_CN", sep: str = " / ") -> str:
        return sep.join(c.text(locale) for c in self.path(axis, code))

    def is_within(self, axis: str, code: str, ancestor: str) -> bool:
        """True when `code` is `ancestor` or lies below it."""
        return any(c.code == ancestor for c in self.path(axis, code))

    def search(self, axis: str, query: str) -> list[Category]:
        """Categories of `axis` whose code, zh or en label or keyword contains `query`
        (case and width folded), in tree order. An empty query matches nothing.
        The UI shows each hit with its `path()` so the tree can open to it."""
        needle = _fold(query)
        if not needle:
            return []
        hits = []
        for cat in self.categories.get(axis, {}).values():
            hay = (cat.code, *cat.label.values(), *cat.keywords)
            if any(needle in _fold(h) for h in hay):
                hits.append(cat)
        return hits

    def _matching_rules(self, business_type: str | None, cause: str | None) -> Iterator[ExtraFieldRule]:
        for rule in self.rules:
            if rule.business_type is not None and not (
                business_type and self.has("business_type", business_type)
                and self.is_within("business_type", business_type, rule.business_type)
            ):
                continue
            if rule.cause is not None and not (
                cause and self.has("cause", cause) and self.is_within("cause", cause, rule.cause)
            ):
                continue
            yield rule

    def extra_fields(self, business_type: str | None, cause: str | None) -> list[ExtraField]:
        """The extra fields the category (business type × cause) asks for, each key once;
        a key two rules share is required if either rule requires it."""
        merged: dict[str, ExtraField] = {}
        for rule in self._matching_rules(business_type, cause):
            for f in rule.fields:
                known = merged.get(f.key)
                if known is None:
                    merged[f.key] = f
                elif f.required and not known.required:
                    merged[f.key] = ExtraField(known.key, known.type, known.label, True,
                                               known.max_length, known.options)
        return list(merged.values())

    def checklist(self, business_type: str | None, cause: str | None, locale: str = "zh_CN") -> list[str]:
        """Handling steps for the category: those of the business type and cause (with their
        parents), then those of the matching extra-field rules; duplicates left out."""
        items: list[Mapping[str, str]] = []
        for axis, code in (("business_type", business_type), ("cause", cause)):
            if code and self.has(axis, code):
                for cat in self.path(axis, code):
                    items.extend(cat.checklist)
        for rule in self._matching_rules(business_type, cause):
            items.extend(rule.checklist)
        seen: list[str] = []
        for item in items:
            line = item.get(locale) or item["en"]
            if line not in seen:
                seen.append(line)
        return seen


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().strip()


def _walk(axis: str, nodes: list[CategoryNode], parent: str | None, out: dict[str, Category]) -> None:
    for node in nodes:
        out[node.code] = Category(
            axis=axis, code=node.code, label=node.label, parent=parent,
            children=tuple(k.code for k in node.children),
            checklist=tuple(node.checklist), keywords=tuple(node.keywords),
        )
        _walk(axis, node.children, node.code, out)


def _field(spec: FieldSpec) -> ExtraField:
    return ExtraField(key=spec.key, type=spec.type, label=spec.label,
                      required=spec.required, max_length=spec.max_length,
                      options=tuple((o.value, o.label) for o in spec.options))


def taxonomy_from_dict(data: Mapping[str, Any]) -> Taxonomy:
    """Build a taxonomy from its JSON form. Raises PolicyError (code `taxonomy.invalid`,
    detail naming the field path) for a missing axis, a label without zh_CN or en, a
    duplicate code, an unknown field type, or an extra-field rule naming a code that does
    not exist. The shape is `reference_files.TaxonomyFile` (resources/schemas/taxonomy.schema.json)."""
    spec = check(TaxonomyFile, data, "taxonomy.invalid")
    categories: dict[str, dict[str, Category]] = {}
    axis_labels: dict[str, Mapping[str, str]] = {}
    for axis in AXES:
        axis_spec = getattr(spec.axes, axis)
        axis_labels[axis] = axis_spec.label
        categories[axis] = {}
        _walk(axis, axis_spec.categories, None, categories[axis])
    rules = tuple(ExtraFieldRule(business_type=r.business_type, cause=r.cause,
                                 fields=tuple(_field(f) for f in r.fields), checklist=tuple(r.checklist))
                  for r in spec.extra_fields)
    return Taxonomy(id=spec.id, version=spec.version, source=spec.source, axis_labels=axis_labels,
                    categories=categories, rules=rules)


def load_taxonomy(name: str = DEFAULT_TAXONOMY) -> Taxonomy:
    """The shipped taxonomy `resources/taxonomy/<name>.json`.
    Raises PolicyError when it is missing or malformed."""
    if not name.replace("_", "").isalnum() or not name.isascii():
        raise PolicyError("taxonomy.invalid", detail="name")
    try:
        data = load_json("taxonomy", f"{name}.json")
    except FileNotFoundError:
        raise PolicyError("taxonomy.invalid", detail="missing") from None
    return taxonomy_from_dict(data)
