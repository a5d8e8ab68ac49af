"""Where a benchmark's CPU time goes: gunicorn, PostgreSQL, Redis, wrk and the rest of
the machine, read from /proc (Linux) before and after each measurement."""

import os
import resource
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def host_busy_seconds():
    """CPU time all cores have spent on anything but idling, since boot."""
    fields = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle, iowait = fields[3], fields[4]
    return (sum(fields[:8]) - idle - iowait) / TICK


def family_seconds(parents):
    """CPU time used so far by these processes and their children (gunicorn's workers,
    PostgreSQL's backends), counting children that have ended: a backend whose
    connection was closed leaves its time in its parent's cutime and cstime."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            pid, rest = int(stat.parent.name), stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, ValueError, IndexError):
            continue  # the process ended while being read
        if pid in parents or int(rest[1]) in parents:
            total += sum(int(ticks) for ticks in rest[11:15])  # utime stime cutime cstime
    return total / TICK


def children_seconds():
    """CPU time of the child processes this one has waited for (wrk, once it is done)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class CpuMeter:
    """Snapshots of CPU time by part; `per_request` turns two into ms per request."""

    def __init__(self, **parts):
        self.parts = {name: {pid} for name, pid in parts.items()}

    def snapshot(self):
        taken = {name: family_seconds(pids) for name, pids in self.parts.items()}
        return {**taken, "wrk": children_seconds(), "all": host_busy_seconds()}

    @staticmethod
    def per_request(before, after, requests):
        spent = {name: after[name] - before[name] for name in before}
        spent["other"] = spent.pop("all") - sum(spent.values())
        return {name: 1000 * seconds / max(requests, 1) for name, seconds in spent.items()}
