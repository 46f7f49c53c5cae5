"""canonical_json writes exactly the bytes json.dumps writes (the hash chain depends on
every byte), whichever of its two writers it takes: orjson for values it provably writes
the same way, json.dumps for the rest."""

from __future__ import annotations

import json
import math
import sys
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.chain import canonical_json, may_hold_float, parse_json


def reference(value: Any) -> bytes:
    """The canonical form as it was first defined."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8")


def outcome(write: Any, value: Any) -> bytes | type[BaseException]:
    try:
        return bytes(write(value))
    except (ValueError, TypeError, RecursionError) as exc:
        return type(exc)


any_text = st.text(st.characters(codec=None, min_codepoint=0, max_codepoint=sys.maxunicode))
numbers = (st.integers() | st.integers(min_value=-2**64, max_value=2**64)
           | st.floats(allow_nan=True, allow_infinity=True)
           | st.floats(min_value=-1e-3, max_value=1e-3) | st.sampled_from(
               [0.0, -0.0, 1e-5, 1e-7, 1.5e-9, 1e16, 1e21, 1e22, 5e-324, 2**53 + 1, 2**63,
                -2**63 - 1, 2**64]))
json_values = st.recursive(
    st.none() | st.booleans() | numbers | any_text
    | st.sampled_from(["null", "a,1.5", "NaN", ":1e5", "[2.0]", "王小明", "\u2028\x7f"]),
    lambda inner: st.lists(inner, max_size=5) | st.tuples(inner, inner)
    | st.dictionaries(any_text, inner, max_size=5),
    max_leaves=30)


@settings(max_examples=1500, deadline=None)
@given(value=json_values)
def test_any_json_value_gets_the_bytes_json_dumps_writes(value: Any) -> None:
    assert outcome(canonical_json, value) == outcome(reference, value)


float_free = st.recursive(
    st.none() | st.booleans() | st.integers() | any_text,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(any_text, inner, max_size=5),
    max_leaves=30)


@settings(max_examples=1000, deadline=None)
@given(value=float_free)
def test_a_value_without_floats_gets_the_same_bytes_the_fast_way(value: Any) -> None:
    fast = outcome(lambda v: canonical_json(v, no_floats=True), value)
    assert fast == outcome(reference, value)
    written = outcome(lambda v: orjson.dumps(v, option=orjson.OPT_SORT_KEYS), value)
    assert written == fast or written is TypeError  # orjson's own bytes, where it writes any
    if isinstance(fast, bytes):  # what parse_json reads back says it holds no float
        read, floats = parse_json(fast)
        assert not floats
        assert canonical_json(read, no_floats=True) == fast


def test_every_character_is_escaped_as_json_dumps_escapes_it() -> None:
    singles = [chr(c) for c in range(0x11000) if not 0xD800 <= c <= 0xDFFF]
    assert orjson.dumps(singles) == reference(singles)
    assert canonical_json(singles) == reference(singles)
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1)
                         if not 0xD800 <= c <= 0xDFFF)
    both = {"t": everything, everything: 1}
    assert orjson.dumps(both, option=orjson.OPT_SORT_KEYS) == reference(both)
    assert canonical_json(both) == reference(both)


def test_keys_sort_by_code_point_across_the_planes() -> None:
    keys = {chr(c): c for c in (0x41, 0x61, 0xE9, 0x7FF, 0x800, 0xFFFF, 0xE000, 0x10000,
                                0x1F600, 0x10FFFF, 0x20, 0x7F)}
    assert orjson.dumps(keys, option=orjson.OPT_SORT_KEYS) == reference(keys)
    assert canonical_json(keys) == reference(keys)


@settings(max_examples=3000, deadline=None)
@given(x=st.floats(allow_nan=False, allow_infinity=False))
def test_every_finite_float_orjson_writes_is_seen_as_one(x: float) -> None:
    """What the fast path's float check relies on."""
    for value in ([x], {"k": x}, x, [1, x], {"a": [x, "s"], "b": 1}, [[x]]):
        assert may_hold_float(orjson.dumps(value, option=orjson.OPT_SORT_KEYS))


def test_nan_and_infinities_are_written_as_json_dumps_writes_them() -> None:
    for x in (math.nan, math.inf, -math.inf):
        assert may_hold_float(orjson.dumps({"a": x}))
        assert canonical_json({"a": x, "b": None}) == reference({"a": x, "b": None})
        assert canonical_json([x]) == reference([x])


def test_a_time_of_day_in_a_string_is_no_float() -> None:
    value = {"at": "2026-03-16T09:00:00.001000+00:00", "hlc": "001773651600000.00000",
             "amount": "120.00", "n": [1, -2, 30]}
    assert not may_hold_float(orjson.dumps(value, option=orjson.OPT_SORT_KEYS))
    assert canonical_json(value) == reference(value)


@pytest.mark.parametrize("text", ['{"a":1.5}', '{"a":NaN}', '[Infinity]', '[-Infinity]',
                                  '{"a":[1e400]}', '[1E2]', '[0.0]'])
def test_parse_json_tells_of_every_float(text: str) -> None:
    assert parse_json(text)[1]


def test_parse_json_without_floats() -> None:
    value, floats = parse_json('{"a":[1,-2,null,"1.5","NaN"],"b":{"c":true}}')
    assert not floats
    assert value == {"a": [1, -2, None, "1.5", "NaN"], "b": {"c": True}}


def test_values_json_dumps_refuses_are_refused_the_same_way() -> None:
    for value in ({1: "a"}, {"s": "\ud800"}, {"\udfff": 1}, object(), {"n": 2**70},
                  [[[[]]]] * 2, {b"k": 1}):
        assert outcome(canonical_json, value) == outcome(reference, value)
    deep: Any = 1
    for _ in range(400):  # deeper than orjson writes, not than json.dumps does
        deep = [deep]
    assert canonical_json(deep) == reference(deep)
