"""The application core: everything a branch PC does, in pure Python, without Qt.

Lives here: domain/ (the rules), store/ (the database), security/ (keys, staff,
permissions), services/ (the use cases), sync/ (the HQ protocol's client), and the
entry points: profile.py (opening a profile), demo.py, cli.py, i18n.py, resources.py.
May import: its own subpackages and reports/ (the printing use cases render documents);
never Qt, ui or hq (tests/test_layers.py).
See docs/ARCHITECTURE.md §2 for what each subpackage may import.
"""
