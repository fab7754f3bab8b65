"""The cron parser behind schedules' validation and nextRunAt."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from deepnote_fake.cron import CronError, CronExpression


@pytest.mark.parametrize(
    ("expression", "after", "expected"),
    [
        ("0 9 * * 1-5", "2026-11-28 10:00", "2026-11-30 09:00"),  # Saturday -> Monday
        ("0 9 * * MON-FRI", "2026-11-26 08:59", "2026-11-26 09:00"),
        ("*/15 * * * *", "2026-11-26 10:07", "2026-11-26 10:15"),
        ("30 23 31 * *", "2026-11-26 00:00", "2026-12-31 23:30"),  # November has no 31st
        ("0 0 29 2 *", "2026-03-01 00:00", "2028-02-29 00:00"),  # next leap year
        ("0 12 1 JAN,JUL *", "2026-11-26 00:00", "2027-01-01 12:00"),
        ("0 8 * * 0", "2026-11-26 00:00", "2026-11-29 08:00"),  # 0 is Sunday
        ("0 8 * * 7", "2026-11-26 00:00", "2026-11-29 08:00"),  # and so is 7
        ("0 8 1 * 5", "2026-11-26 00:00", "2026-11-27 08:00"),  # day-of-month OR day-of-week
    ],
)
def test_cron_next_firing(expression: str, after: str, expected: str) -> None:
    moment = datetime.fromisoformat(after)
    assert CronExpression.parse(expression).next_after(moment) == datetime.fromisoformat(expected)


def test_cron_in_a_time_zone() -> None:
    london = ZoneInfo("Europe/London")
    following = CronExpression.parse("0 9 * * *").next_after(datetime(2026, 7, 1, 10, 0, tzinfo=london))
    assert following == datetime(2026, 7, 2, 9, 0, tzinfo=london)


@pytest.mark.parametrize(
    "expression",
    ["", "* * * *", "* * * * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "*/0 * * * *", "a b c d e"],
)
def test_cron_rejects(expression: str) -> None:
    with pytest.raises(CronError):
        CronExpression.parse(expression)
