"""Spacing and size constants shared by every layout, so screens line up with each other.

Values are in device-independent pixels; Qt scales them on high-DPI screens.
"""

from __future__ import annotations

MARGIN = 12  # around a panel's content
GAP = 8  # between related controls
SECTION_GAP = 16  # between groups of controls
FORM_LABEL_GAP = 6  # between a form label and its field
MESSAGE_INDENT = 2  # a field's validation message, under the field

LOGIN_WIDTH = 380
SIDEBAR_WIDTH = 200
STEP_LIST_WIDTH = 170
DIALOG_MIN_WIDTH = 420

PAGE_SIZE = 200  # worklist rows fetched from the database in one go
DRAFT_INTERVAL_MS = 3000  # how often a changed intake form is saved as a draft
SEARCH_DELAY_MS = 300  # typing pause before the worklist is searched
CLOCK_TICK_MS = 60_000  # how often "time left" is recomputed
