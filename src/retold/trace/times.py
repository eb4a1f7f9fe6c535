"""Publication times: parsed with time and zone, compared only as far as both are known.

A corpus gives times as ISO 8601 (``2020-06-18T09:15:00+03:00``, ``...Z``), RFC 2822
(``Thu, 18 Jun 2020 09:15:00 +0300``, RSS and e-mail) or epoch seconds (``1592461500``). A
time is kept as an aware ``datetime`` (a naive one is taken as UTC, said in the docstring of
:func:`parse`), a bare day as a ``date``. Two times are ordered when both have a time (by the
instant) or when their days differ; a day against a time on that same day is not ordered.

Pure functions; no I/O.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

# Epoch seconds accepted as a publication time: 1970-01-01 .. 2100-01-01 (ten digits or
# fewer, optional fraction). A longer number is epoch milliseconds.
_EPOCH = re.compile(r"\d{1,10}(?:\.\d+)?|\d{13}")
_MAX_EPOCH = 4_102_444_800
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*"
                  r"(?:Z|[+-]\d{2}(?::?\d{2})?)?)?", re.IGNORECASE)


def parse(value: object) -> dt.date | None:
    """A publication time from a corpus field, or None when it is not one of the forms.

    ISO 8601 with or without time and zone, RFC 2822, epoch seconds (int, float or digits;
    13 digits: milliseconds). A time without zone is taken as UTC; a bare day stays a date.

    >>> parse("2020-06-18T09:15:00+03:00").isoformat()
    '2020-06-18T09:15:00+03:00'
    >>> parse("Thu, 18 Jun 2020 09:15:00 +0300").isoformat()
    '2020-06-18T09:15:00+03:00'
    >>> parse(1592461500).isoformat()
    '2020-06-18T06:25:00+00:00'
    >>> parse("2020-06-18")
    datetime.date(2020, 6, 18)
    """
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        # (13 digits, as a string: milliseconds, as JavaScript and many feeds write them)
        return _epoch(float(value) / (1000.0 if 1e12 <= value < 1e13 else 1.0))
    if not isinstance(value, str):
        return None
    s = value.strip()
    if _EPOCH.fullmatch(s):
        return _epoch(float(s) / (1000.0 if len(s) == 13 else 1.0))
    if _ISO.fullmatch(s):
        text = re.sub(r"\s*(Z|z)$", "+00:00", s)
        text = re.sub(r"\s+([+-]\d)", r"\1", text)
        try:
            if len(text) == 10:
                return dt.date.fromisoformat(text)
            t = dt.datetime.fromisoformat(text.replace(",", "."))
        except ValueError:
            return None
        return t if t.tzinfo else t.replace(tzinfo=dt.UTC)
    if "," in s or re.search(r"\d{1,2}:\d{2}", s):
        try:
            t = email.utils.parsedate_to_datetime(s)
        except (TypeError, ValueError, IndexError):
            return None
        return t if t.tzinfo else t.replace(tzinfo=dt.UTC)
    return None


def _epoch(seconds: float) -> dt.datetime | None:
    if not 0 <= seconds < _MAX_EPOCH:
        return None
    return dt.datetime.fromtimestamp(seconds, tz=dt.UTC)


def has_time(value: dt.date | None) -> bool:
    """True for a datetime (a time of day is known), False for a bare day or None."""
    return isinstance(value, dt.datetime)


def day(value: dt.date | None) -> dt.date | None:
    """The calendar day of a time (in its own zone), or the day itself."""
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def order(a: dt.date | None, b: dt.date | None) -> int:
    """-1 if ``a`` is before ``b``, 1 if after, 0 when equal or not known to differ."""
    if a is None or b is None:
        return 0
    if isinstance(a, dt.datetime) and isinstance(b, dt.datetime):
        x, y = _aware(a), _aware(b)
    else:
        x, y = day(a), day(b)  # type: ignore[assignment]
    return -1 if x < y else (1 if x > y else 0)  # type: ignore[operator]


def sort_key(value: dt.date | None) -> tuple[int, float]:
    """A key that orders days and times together (a day sorts at its start; unknown last)."""
    if value is None:
        return (1, 0.0)
    if isinstance(value, dt.datetime):
        return (0, _aware(value).timestamp())
    return (0, dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC).timestamp())


def span(value: dt.date | None) -> tuple[int, int] | None:
    """First and last second (UTC epoch) a publication can have been: a time is one second,
    a bare day its 86,400 (in UTC)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        t = int(_aware(value).timestamp())
        return (t, t)
    t = int(dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC).timestamp())
    return (t, t + 86_399)


def _aware(t: dt.datetime) -> dt.datetime:
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)


def iso(value: dt.date | None) -> str | None:
    """ISO 8601 text of a time or day (what the store keeps), None when unknown."""
    return value.isoformat() if value is not None else None


def from_iso(text: str | None) -> dt.date | None:
    """Read back what :func:`iso` wrote."""
    if not text:
        return None
    if len(text) == 10:
        return dt.date.fromisoformat(text)
    t = dt.datetime.fromisoformat(text)
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)


def apart(a: dt.date | None, b: dt.date | None) -> int | None:
    """The fewest seconds between two publications (0 when they may coincide), None when
    either is unknown. A bare day spans its 86,400 seconds (UTC): the days 18 and 19 June are
    at least 1 second apart, 18 and 20 June at least 86,401."""
    x, y = span(a), span(b)
    if x is None or y is None:
        return None
    return max(0, y[0] - x[1], x[0] - y[1])
