"""A task process asked to stop before its task loop begins (issue 17): it stops cleanly, and the
heartbeat it has just written is taken away, not left saying the worker is still there."""

from __future__ import annotations

import signal
from typing import Any

import pytest

from apps.publishing.management.commands import worker
from apps.publishing.models import WorkerBeat


@pytest.mark.django_db
def test_a_stop_asked_for_while_it_starts_is_clean_and_leaves_no_heartbeat(monkeypatch: Any) -> None:
    seen: dict[str, Any] = {}
    real_beat = worker._beat

    def beat_then_asked_to_stop(worker_id: str, recovery: Any = None) -> None:
        real_beat(worker_id, recovery)
        seen["handler"] = signal.getsignal(signal.SIGTERM)
        raise SystemExit(0)  # what that handler does when SIGTERM arrives here

    monkeypatch.setattr(worker, "_beat", beat_then_asked_to_stop)
    before = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        with pytest.raises(SystemExit) as stopped:
            worker.Command()._work((), {"worker_id": "starting-1", "sweep_every": 0}, None)
    finally:
        for s, handler in before.items():
            signal.signal(s, handler)
    assert stopped.value.code == 0
    assert not WorkerBeat.objects.filter(worker_id="starting-1").exists()
    with pytest.raises(SystemExit) as by_signal:  # SIGTERM at that moment stops it, it does not kill it
        seen["handler"](signal.SIGTERM, None)
    assert by_signal.value.code == 0
