#!/usr/bin/env python3
"""Writes a synthetic /var/log/auth.log of SIZE_MB for the logs benchmark: internet scanner noise,
CRON/systemd/sudo lines, and real refusals (StrictModes, unknown user, key not authorized)."""
import random, sys

size_mb = int(sys.argv[1]) if len(sys.argv) > 1 else 1024
out = sys.argv[2] if len(sys.argv) > 2 else "auth.log"
rnd = random.Random(42)
# Internet scans come from a few thousand addresses, each trying many times.
pool = ["%d.%d.%d.%d" % (rnd.randint(1, 223), rnd.randint(0, 255), rnd.randint(0, 255), rnd.randint(1, 254)) for _ in range(5000)]
users = ["admin", "test", "oracle", "ubuntu", "user", "git", "postgres", "guest", "ftpuser", "pi", "support", "deploy"]

def chunk(seed_pid, day):
    lines = []
    pid = seed_pid
    size = 0
    sec = 0
    while size < 16 << 20:
        sec += 1
        t = "Nov %2d %02d:%02d:%02d" % (day, (sec // 3600) % 24, (sec // 60) % 60, sec % 60)
        r = rnd.random()
        a = pool[min(int(rnd.paretovariate(1.2)) - 1, len(pool) - 1)] if rnd.random() < 0.5 else rnd.choice(pool)
        p = rnd.randint(1024, 65535)
        if r < 0.45:
            u = rnd.choice(users) + (str(rnd.randint(0, 99)) if rnd.random() < 0.3 else "")
            block = [
                f"{t} ip-10-0-0-5 sshd[{pid}]: Invalid user {u} from {a} port {p}",
                f"{t} ip-10-0-0-5 sshd[{pid}]: Failed password for invalid user {u} from {a} port {p} ssh2",
                f"{t} ip-10-0-0-5 sshd[{pid}]: Received disconnect from {a} port {p}:11: Bye Bye [preauth]",
                f"{t} ip-10-0-0-5 sshd[{pid}]: Disconnected from invalid user {u} {a} port {p} [preauth]",
            ]
        elif r < 0.60:
            block = [
                f"{t} ip-10-0-0-5 sshd[{pid}]: Failed password for root from {a} port {p} ssh2",
                f"{t} ip-10-0-0-5 sshd[{pid}]: Connection closed by authenticating user root {a} port {p} [preauth]",
            ]
        elif r < 0.63:
            block = [
                f"{t} ip-10-0-0-5 sshd[{pid}]: Authentication refused: bad ownership or modes for directory /home/ec2-user",
                f"{t} ip-10-0-0-5 sshd[{pid}]: Connection closed by authenticating user ec2-user 198.51.100.{pid % 4} port {p} [preauth]",
            ]
        elif r < 0.65:
            block = [
                f"{t} ip-10-0-0-5 sshd[{pid}]: Accepted publickey for admin from 198.51.100.20 port {p} ssh2: ED25519 SHA256:U+7i6HSAP1qW0ypVkzQMNU9I4V0XIGFJrdM/UwxKInA",
                f"{t} ip-10-0-0-5 sshd[{pid}]: pam_unix(sshd:session): session opened for user admin(uid=1000) by (uid=0)",
                f"{t} ip-10-0-0-5 systemd-logind[412]: New session {pid} of user admin.",
                f"{t} ip-10-0-0-5 sshd[{pid}]: Disconnected from user admin 198.51.100.20 port {p}",
            ]
        elif r < 0.85:
            block = [
                f"{t} ip-10-0-0-5 CRON[{pid}]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)",
                f"{t} ip-10-0-0-5 CRON[{pid}]: pam_unix(cron:session): session closed for user root",
            ]
        else:
            block = [
                f"{t} ip-10-0-0-5 sudo:    admin : TTY=pts/0 ; PWD=/home/admin ; USER=root ; COMMAND=/usr/bin/systemctl status nginx",
                f"{t} ip-10-0-0-5 sudo: pam_unix(sudo:session): session opened for user root(uid=0) by admin(uid=1000)",
                f"{t} ip-10-0-0-5 systemd-logind[412]: Session 41 logged out. Waiting for processes to exit.",
            ]
        pid += 1
        s = "\n".join(block) + "\n"
        lines.append(s)
        size += len(s)
    return "".join(lines).encode()

chunks = [chunk(10000 + i * 100000, 1 + i) for i in range(8)]
written = 0
with open(out, "wb") as f:
    i = 0
    while written < size_mb << 20:
        c = chunks[i % len(chunks)]
        f.write(c)
        written += len(c)
        i += 1
print(f"{out}: {written / 1048576:.0f} MB")
