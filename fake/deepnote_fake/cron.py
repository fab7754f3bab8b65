"""A small five-field cron parser, enough to validate schedules and compute ``nextRunAt``.

Supports ``*``, numbers, ranges ``a-b``, steps ``*/n`` and ``a-b/n``, lists ``a,b``, and month and
weekday names (``JAN``, ``MON``). Weekday 0 and 7 are Sunday. As in Vixie cron, when both
day-of-month and day-of-week are restricted, a day matching either one fires.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

__all__ = ["CronError", "CronExpression"]

_MONTHS = {
    m: i
    for i, m in enumerate(
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], 1
    )
}
_DAYS = {d: i for i, d in enumerate(["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"])}
_ITEM = re.compile(r"^(\*|[0-9A-Z]+(?:-[0-9A-Z]+)?)(?:/([0-9]+))?$")


class CronError(ValueError):
    """The expression is not a valid five-field cron expression."""


def _value(text: str, names: dict[str, int]) -> int:
    if text.isdigit():
        return int(text)
    if text in names:
        return names[text]
    raise CronError(f"bad value {text!r}")


def _field(text: str, low: int, high: int, names: dict[str, int]) -> tuple[frozenset[int], bool]:
    """Parse one field into the allowed values and whether it was ``*`` (unrestricted)."""
    values: set[int] = set()
    for item in text.upper().split(","):
        match = _ITEM.match(item)
        if not match:
            raise CronError(f"bad field item {item!r}")
        span, step_text = match.groups()
        step = int(step_text) if step_text else 1
        if step < 1:
            raise CronError("step must be positive")
        if span == "*":
            start, end = low, high
        elif "-" in span:
            first, last = span.split("-")
            start, end = _value(first, names), _value(last, names)
        else:
            start = _value(span, names)
            end = high if step_text else start
        if not (low <= start <= high and low <= end <= high and start <= end):
            raise CronError(f"{item!r} is outside {low}-{high}")
        values.update(range(start, end + 1, step))
    return frozenset(values), text == "*"


@dataclass(frozen=True)
class CronExpression:
    minutes: frozenset[int]
    hours: frozenset[int]
    days: frozenset[int]
    months: frozenset[int]
    weekdays: frozenset[int]
    any_day: bool
    any_weekday: bool

    @classmethod
    def parse(cls, text: str) -> CronExpression:
        parts = text.split()
        if len(parts) != 5:
            raise CronError("a cron expression has five fields")
        minutes, _ = _field(parts[0], 0, 59, {})
        hours, _ = _field(parts[1], 0, 23, {})
        days, any_day = _field(parts[2], 1, 31, {})
        months, _ = _field(parts[3], 1, 12, _MONTHS)
        weekdays, any_weekday = _field(parts[4], 0, 7, _DAYS)
        weekdays = frozenset(d % 7 for d in weekdays)
        return cls(minutes, hours, days, months, weekdays, any_day, any_weekday)

    def _day_matches(self, day: datetime) -> bool:
        if day.month not in self.months:
            return False
        dom = day.day in self.days
        dow = (day.isoweekday() % 7) in self.weekdays
        if self.any_day and self.any_weekday:
            return True
        if self.any_day:
            return dow
        if self.any_weekday:
            return dom
        return dom or dow

    def next_after(self, moment: datetime) -> datetime | None:
        """First firing strictly after ``moment`` (naive or aware, wall-clock arithmetic).

        Looks at most ~5 years ahead (``0 0 29 2 *`` fires only in leap years); ``None`` if never.
        """
        start = moment.replace(second=0, microsecond=0) + timedelta(minutes=1)
        day = start.replace(hour=0, minute=0)
        for offset in range(366 * 5):
            candidate_day = day + timedelta(days=offset)
            if not self._day_matches(candidate_day):
                continue
            for hour in sorted(self.hours):
                for minute in sorted(self.minutes):
                    candidate = candidate_day.replace(hour=hour, minute=minute)
                    if candidate >= start:
                        return candidate
        return None
