"""The use cases: one function per thing the counter does (record, acknowledge, extend,
resolve, print ...), reads for the worklist and the case view, intake, drafts,
attachments, the day-end figures and the demo seed. Each takes a ServiceContext
(context.py) and returns plain values (docs/ARCHITECTURE.md §2, §4).

May import: desktop.domain, desktop.store, desktop.security, desktop.sync's status
readers, reports (printing.py and documents.py render the PDFs). Never ui, hq or Qt.
ui/ reaches data only through here.
"""
