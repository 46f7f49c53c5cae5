"""The branch's log: a rotating file in the profile (`logs/complaint-desk.log`, owner-only),
set up when a profile is opened by the app or an admin verb. Messages that say "see the
log" name this file (`log_file()`).

Nothing identifying goes in on purpose: code logs kinds, codes and counts, never payloads
or exception texts. `IdentityMask` is the safety net behind that rule: on its way to the
file every message, argument and traceback has ID numbers (resident ID, unified social
credit code), bank card numbers and phone numbers masked.
"""

from __future__ import annotations

import logging
import os
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

from desktop.paths import open_private, private_dir

LOG_DIR = "logs"
LOG_FILE = "complaint-desk.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_MASKS = (
    # Resident ID (18 characters, the last may be X) and card numbers (18-21 digits keep
    # six and four; 16-17 digit cards are caught by the line after next).
    (re.compile(r"(?<![0-9A-Za-z])(\d{6})\d{8,11}(\d{3}[0-9Xx])(?![0-9A-Za-z])"), r"\1********\2"),
    # Old-format resident ID (15 digits, before 1999; still on old records): an area code
    # that starts 1-8, then a YYMMDD birth date, then three digits. Clock stamps are fifteen
    # digits too but start 00 and go on with ".", so they never match.
    (re.compile(r"(?<![0-9A-Za-z.])([1-8]\d{5})\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
                r"(\d{3})(?![0-9A-Za-z.])"), r"\1******\2"),
    (re.compile(r"(?<![0-9A-Za-z])(\d{4})\d{8,9}(\d{4})(?![0-9A-Za-z])"), r"\1********\2"),
    # Unified social credit code: 18 characters of digits and capitals.
    (re.compile(r"(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])"),
     "******************"),
    # Mainland mobile numbers (optionally +86), and landlines with an area code.
    (re.compile(r"(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d)[- ]?\d{4}[- ]?(\d{4})(?!\d)"), r"\1****\2"),
    (re.compile(r"(?<!\d)(0\d{2,3})[- ]\d{3,4}[- ]?(\d{2})\d{2}(?!\d)"), r"\1-****\2**"),
)


def mask_identity(text: str) -> str:
    """`text` with ID, card and phone numbers masked (as on paper: 110101********1234)."""
    for pattern, replacement in _MASKS:
        text = pattern.sub(replacement, text)
    return text


class IdentityMask(logging.Filter):
    """Masks identity numbers in a record's message, arguments and traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        record.msg, record.args = mask_identity(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_identity(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_identity(record.stack_info)
        return True


class AccessLogPaths(logging.Filter):
    """For an HTTP server's access log (uvicorn's `uvicorn.access` records carry the client,
    method, path with query, HTTP version and status as arguments): drops the query string,
    where a console search puts an ID number, phone or name, and masks what the path keeps."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) == 5 and isinstance(args[2], str):
            path = args[2].split("?", 1)[0]
            record.args = (args[0], args[1], mask_identity(path), args[3], args[4])
        else:
            IdentityMask().filter(record)
        return True


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A RotatingFileHandler whose files (the current one and each new one after a
    rollover) are readable by their owner only."""

    def _open(self) -> Any:
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND
        return os.fdopen(open_private(Path(self.baseFilename), flags), "a",
                         encoding=self.encoding or "utf-8", errors=self.errors)


_handler: PrivateRotatingFileHandler | None = None


def setup_logging(profile: Path, level: int = logging.INFO) -> Path:
    """Send this process's log to the profile's rotating log file (replacing an earlier
    profile's); returns the file's path."""
    global _handler
    path = private_dir(profile / LOG_DIR) / LOG_FILE
    root = logging.getLogger()
    if _handler is not None:
        if Path(_handler.baseFilename) == path:
            return path
        root.removeHandler(_handler)
        _handler.close()
    handler = PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                         encoding="utf-8", delay=False)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(IdentityMask())
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    _handler = handler
    return path


def log_file() -> Path | None:
    """The log file of this process, once set up."""
    return Path(_handler.baseFilename) if _handler is not None else None


def stop_logging() -> None:
    """Close the log file (tests; a profile being removed)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
