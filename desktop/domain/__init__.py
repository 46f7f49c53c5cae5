"""The complaint domain as plain values and pure functions: entities, taxonomy, state
machine, deadline policy and calendar, validation, masking, reference numbers, the hybrid
logical clock and the audit chain (docs/ARCHITECTURE.md §3, §5, §8).

May import: the standard library, small pure libraries (python-stdnum, orjson), desktop.i18n
and desktop.resources (to read shipped data). Never SQLAlchemy, Qt, or other I/O.
"""
