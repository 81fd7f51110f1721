#!/usr/bin/env python3
"""Samples, every 2 s until stopped, the CPU the local Liberty JVM's threads (grouped by name: importer
and batch writers are "Default Executor", Lucene's writers and merges "Hibernate Search", the JIT
compilers, ZGC's workers) and PostgreSQL's processes (grouped by part: backends, autovacuum workers,
WAL writer, ...) used, as cores busy; writes one line per sample to FILE and, when stopped (SIGTERM or
Ctrl-C), the CPU seconds of each group in all.
Usage: bench/cpu-timeline.py FILE   (bench/import.sh runs it when TIMELINE=FILE is set)"""
import collections
import os
import signal
import sys
import time

from conversa_processes import cpu_seconds, processes, stat

INTERVAL = 2.0


def group(thread):
    if thread.startswith('Hibernate Sear'):
        return 'Hibernate Search'
    return thread.rstrip('0123456789#-').strip() or thread


def postgres_role(command):
    """A PostgreSQL process's part, from the title it gives itself ("postgres: walwriter", ...)."""
    title = command.split(b'\0')[0].decode(errors='replace')
    for role in ('autovacuum worker', 'walwriter', 'checkpointer', 'background writer'):
        if role in title:
            return role
    return 'backends' if title.startswith('postgres: ') else 'postmaster'


def sample():
    """Per thread or process id, its group and the CPU seconds it used so far."""
    used = {}
    for pid, kind, command in processes():
        try:
            if kind == 'liberty':
                for tid in os.listdir(f'/proc/{pid}/task'):
                    name, fields = stat(f'/proc/{pid}/task/{tid}/stat')
                    used[tid] = ('Liberty ' + group(name), cpu_seconds(fields))
            else:
                used[pid] = ('PostgreSQL ' + postgres_role(command), cpu_seconds(stat(f'/proc/{pid}/stat')[1]))
        except OSError:
            pass  # a process or thread that ended meanwhile
    return used


def spent_since(earlier, later):
    """CPU seconds per group between two samples. Counted per thread: pools end threads and start
    others, so a group's sum at the end minus its sum at the start would drop what ended threads used.
    Matched by id alone: a thread that was renamed in between would otherwise count all it ever used."""
    spent = collections.Counter()
    for tid, (name, seconds) in later.items():
        spent[name] += seconds - earlier.get(tid, (name, 0))[1]
    return spent


def main():
    out = open(sys.argv[1], 'w')
    previous = sample()
    start = before = time.time()
    spent = collections.Counter()

    def totals(*_):
        spent.update(spent_since(previous, sample()))
        out.write('CPU seconds: ' + ', '.join(f'{k} {v:.1f}' for k, v in sorted(spent.items(), key=lambda kv: -kv[1])
                                             if v >= 0.5) + '\n')
        out.close()
        sys.exit(0)

    signal.signal(signal.SIGTERM, totals)
    signal.signal(signal.SIGINT, totals)
    while True:
        time.sleep(INTERVAL)
        current = sample()
        now = time.time()
        # Divided by the time that really passed: reading every thread's stat takes a while.
        interval = spent_since(previous, current)
        spent.update(interval)
        busy = {k: v / (now - before) for k, v in interval.items()}
        shown = sorted(((v, k) for k, v in busy.items() if v >= 0.01), reverse=True)
        out.write(f'{time.time() - start:5.0f} s  cores {sum(busy.values()):.2f}: '
                  + ', '.join(f'{k} {v:.2f}' for v, k in shown) + '\n')
        out.flush()
        previous, before = current, now


main()
