#!/usr/bin/env python3
"""Prints the CPU seconds (user + system, finished children included) used so far by the local
Liberty JVM and by all PostgreSQL processes: "LIBERTY POSTGRES". bench/import.sh reads it before and
after an import to say what the import cost each side."""
import os

TICK = os.sysconf('SC_CLK_TCK')


def cpu(pid):
    fields = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
    return sum(int(f) for f in fields[11:15]) / TICK  # utime stime cutime cstime


liberty = postgres = 0.0
for pid in filter(str.isdigit, os.listdir('/proc')):
    try:
        command = open(f'/proc/{pid}/cmdline', 'rb').read()
        if b'ws-server.jar' in command:
            liberty += cpu(pid)
        elif command.startswith(b'postgres') or b'/bin/postgres' in command[:200]:
            postgres += cpu(pid)
    except OSError:
        pass  # a process that ended meanwhile
print(f'{liberty:.1f} {postgres:.1f}')
