#!/usr/bin/env python3
"""Prints the CPU seconds (user + system, finished children included) used so far by the local
Liberty JVM and by all PostgreSQL processes: "LIBERTY POSTGRES". bench/import.sh reads it before and
after an import to say what the import cost each side."""
import collections

from conversa_processes import cpu_seconds, processes, stat

used = collections.Counter(liberty=0.0, postgres=0.0)
for pid, kind, _ in processes():
    try:
        used[kind] += cpu_seconds(stat(f'/proc/{pid}/stat')[1], children=True)
    except OSError:
        pass  # a process that ended meanwhile
print(f"{used['liberty']:.1f} {used['postgres']:.1f}")
