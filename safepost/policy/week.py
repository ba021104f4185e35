"""The days of the week as a policy file names them (`posting_window.days = ["mon", "tue"]`)."""

from __future__ import annotations

from typing import Literal, get_args

Day = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
#: In ``datetime.weekday()`` order: ``DAYS[0]`` is Monday.
DAYS: tuple[str, ...] = get_args(Day)
