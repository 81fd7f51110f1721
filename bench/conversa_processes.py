"""The local Conversa's processes as the bench scripts find them in /proc: the Liberty JVM and the
PostgreSQL processes (embedded or not), with the CPU each used."""
import os

TICK = os.sysconf('SC_CLK_TCK')


def processes():
    """(pid, 'liberty' or 'postgres', command line) of every such process running now."""
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            command = open(f'/proc/{pid}/cmdline', 'rb').read()
        except OSError:
            continue  # a process that ended meanwhile
        if b'ws-server.jar' in command:
            yield pid, 'liberty', command
        elif command.startswith(b'postgres') or b'/bin/postgres' in command[:200]:
            yield pid, 'postgres', command


def stat(path):
    """The name and the fields after it of a /proc/.../stat file (the name may hold spaces and parentheses)."""
    name, rest = open(path).read().rsplit(')', 1)
    return name.split('(', 1)[1], rest.split()


def cpu_seconds(fields, children=False):
    """utime + stime of stat fields, plus cutime + cstime (finished children) when asked."""
    return sum(int(f) for f in fields[11:15 if children else 13]) / TICK
