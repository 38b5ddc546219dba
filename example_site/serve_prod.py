"""`make serve-prod`: the production stack of one machine, from the environment.

Migrates, collects the static files (hashed and compressed, served by WhiteNoise), then runs
gunicorn and one RQ task worker side by side, restarting the task worker whenever it exits
(as systemd's ``Restart=always`` would) and stopping both on SIGTERM or Ctrl-C.

Environment: DATABASE_URL, REDIS_URL, SECRET_KEY, ALLOWED_HOSTS, PORT (default 8000), and
optionally BIND (default 127.0.0.1: the app must be reached only through the proxy that sets
X-Forwarded-Proto), WEB_CONCURRENCY (gunicorn processes, default 2), GUNICORN_THREADS
(default 4), TASK_WORKERS (default 1). See docs/how-to/production.md.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

SITE = Path(__file__).resolve().parent
MANAGE = [sys.executable, str(SITE / "manage.py")]


def main():
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "civic_demo.settings.production")
    missing = [
        name
        for name in ("DATABASE_URL", "REDIS_URL", "SECRET_KEY", "ALLOWED_HOSTS")
        if not env.get(name)
    ]
    if missing:
        sys.exit(f"serve-prod: set {', '.join(missing)} in the environment")
    bind = f"{env.get('BIND', '127.0.0.1')}:{env.get('PORT', '8000')}"
    subprocess.run([*MANAGE, "migrate", "--noinput", "-v1"], env=env, check=True)  # noqa: S603
    subprocess.run([*MANAGE, "collectstatic", "--noinput", "-v0"], env=env, check=True)  # noqa: S603
    web_command = [
        sys.executable, "-m", "gunicorn", "civic_demo.wsgi",
        "--bind", bind,
        "--workers", env.get("WEB_CONCURRENCY", "2"),
        "--worker-class", "gthread", "--threads", env.get("GUNICORN_THREADS", "4"),
        "--max-requests", "2000", "--max-requests-jitter", "200",
        "--graceful-timeout", "20", "--log-level", "warning",
        # Longer than the proxy's idle timeout (60 s on most), so the proxy closes idle
        # connections first and never sends on one gunicorn is closing.
        "--keep-alive", env.get("GUNICORN_KEEPALIVE", "75"),
    ]  # fmt: skip
    worker_command = [
        *MANAGE, "rqworker", "default", "--with-scheduler", "--job-class", "django_tasks_rq.Job"
    ]
    web = subprocess.Popen(web_command, env=env, cwd=SITE)  # noqa: S603
    workers = [
        subprocess.Popen(worker_command, env=env, cwd=SITE)  # noqa: S603
        for _ in range(int(env.get("TASK_WORKERS", "1")))
    ]
    print(f"serve-prod: gunicorn {web.pid} on {bind}; task workers {[w.pid for w in workers]}")
    stopping = False

    def stop(signum, frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    while not stopping and web.poll() is None:
        for index, worker in enumerate(workers):
            if worker.poll() is not None and not stopping:
                print(f"serve-prod: task worker {worker.pid} exited; restarting")
                workers[index] = subprocess.Popen(worker_command, env=env, cwd=SITE)  # noqa: S603
        time.sleep(0.5)
    for process in (web, *workers):
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in (web, *workers):
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
    sys.exit(0 if stopping else web.returncode or 1)


if __name__ == "__main__":
    main()
