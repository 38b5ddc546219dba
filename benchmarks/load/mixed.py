# ruff: noqa: E501, S608  (Django code run in child processes reads best unwrapped; SQL on our own names)
"""The mixed scenario against the production stack on this machine, with faults, then the counts.

Run: make load   (or: python benchmarks/load/mixed.py --help)

Bounded in time, 127.0.0.1 only, and stops by itself:
1. clones a seeded database (``--template``; built once with migrate + seed_demo when missing)
   and adds ``--members`` verified load-test members;
2. starts its own Redis (``--redis-port``, append-only so a restart keeps the queue), a local
   SMTP sink, and ``serve_prod.py`` (migrate, collectstatic, gunicorn + the RQ task worker);
3. runs locust for ``--seconds``: ~70 % anonymous reads across every section, ~20 % member
   reads, ~10 % writes (comments, event attendance, mentoring requests);
4. meanwhile: SIGKILLs one gunicorn worker (25 %), restarts Redis (50 %), SIGKILLs the task
   worker (75 %; serve_prod restarts it);
5. waits for the task queue to drain, then prints requests/s and p50/p95/p99 per endpoint with
   the p50 ratio to the home page, and checks: accepted writes against database rows, emails
   queued (the structured "Queued email" log lines) against emails the sink received (each
   exactly once, by its X-Civic-Message-Key), and every 5xx or dropped connection.

The machine is shared: absolute figures move with its load, ratios much less.
"""

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
MANAGE = [PYTHON, str(ROOT / "example_site" / "manage.py")]
FIELDS = re.compile(r'name="(\w+)"[^>]*?value="([^"]*)"')

SETUP = """
import json, django; django.setup()
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.sessions.backends.cache import SessionStore
from django.db.models import Count
from django_comments_xtd.models import XtdComment
from wagtail.models import Site
from civic_wagtail.discussion.models import Thread, ForumIndexPage
from civic_wagtail.events.models import EventPage
from civic_wagtail.library.models import BestPracticePage, LibraryIndexPage
from civic_wagtail.mentoring.models import MentorProfile
from civic_wagtail.members.models import MemberProfile
site = Site.objects.get(is_default_site=True)
site.hostname, site.port = "127.0.0.1", {port}
site.save()
User = get_user_model()
password = make_password(None)
users = []
for i in range({members}):
    user, _ = User.objects.get_or_create(
        username=f"load{{i}}", defaults={{"email": f"load{{i}}@city.example.gov", "password": password}}
    )
    users.append(user)
from django.contrib.auth.models import Group
members_group = Group.objects.filter(name="Members").first()
for user in users:
    if members_group:
        user.groups.add(members_group)
    profile, _ = MemberProfile.objects.get_or_create(user=user)
    profile.display_name = user.username.title()
    profile.verification_status = MemberProfile.Verification.VERIFIED
    profile.save()
sessions = []
for user in users:
    store = SessionStore()
    store["_auth_user_id"] = str(user.pk)
    store["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    store["_auth_user_hash"] = user.get_session_auth_hash()
    store.create()
    sessions.append(store.session_key)
counts = XtdComment.objects.order_by().values("object_pk", "content_type").annotate(n=Count("pk"))
threads = list(Thread.objects.published().select_related("forum"))
by_count = {{str(t.pk): 0 for t in threads}}
for row in counts:
    if row["object_pk"] in by_count:
        by_count[row["object_pk"]] = max(by_count[row["object_pk"]], row["n"])
big = max(threads, key=lambda t: by_count[str(t.pk)])
practices = list(BestPracticePage.objects.live().public()[:5])
events = list(EventPage.objects.live().public()[:10])
mentors = list(MentorProfile.objects.select_related("user")[:10])
from civic_wagtail.mentoring.pages import MentoringPage
mentoring = MentoringPage.objects.live().first()
print(json.dumps({{
    "sessions": sessions,
    "big_thread": big.get_url(), "big_thread_comments": by_count[str(big.pk)],
    "threads": [t.get_url() for t in threads if t.pk != big.pk][:8],
    "library": LibraryIndexPage.objects.live().first().url,
    "practices": [p.url for p in practices],
    "forum": ForumIndexPage.objects.live().first().url,
    "events": [e.url for e in events], "event_ids": [e.pk for e in events],
    "events_index": events[0].get_parent().url if events else "/",
    "mentoring": mentoring.url if mentoring else None,
    "mentors": [m.pk for m in mentors],
}}))
"""

COUNTS = """
import json, django; django.setup()
from django_comments_xtd.models import XtdComment
from civic_wagtail.events.models import EventAttendance
from civic_wagtail.mentoring.models import Mentorship
from civic_wagtail.models import SentEmail
print(json.dumps({
    "comments": list(XtdComment.objects.filter(comment__startswith="load-").values_list("comment", flat=True)),
    "attendance": [f"{u}:{p}" for u, p in EventAttendance.objects.filter(user__username__startswith="load").values_list("user__username", "page_id")],
    "mentorships": list(Mentorship.objects.filter(mentee__username__startswith="load").values_list("message", flat=True)),
    "sent_markers": SentEmail.objects.count(),
}))
"""


def psql(sql, check=True):
    return subprocess.run(  # noqa: S603
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qAt", "-c", sql],  # noqa: S607
        check=check,
        capture_output=True,
        text=True,
    )


def environment(database, args):
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "civic_demo.settings.production",
            "PYTHONPATH": f"{ROOT}:{ROOT / 'example_site'}",
            "SECRET_KEY": "load-test-only-" + "x" * 50,
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
            "REDIS_URL": f"redis://127.0.0.1:{args.redis_port}/0",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "PORT": str(args.port),
            "SECURE_SSL_REDIRECT": "false",
            "CLIENT_IP_HEADER": "",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(args.smtp_port),
            "WEB_CONCURRENCY": str(args.workers),
            "STATIC_ROOT": str(Path(tempfile.gettempdir()) / f"civic-load-static-{args.port}"),
            "LOG_LEVEL": "INFO",
            "LOG_FORMAT": "json",
        }
    )
    return env


def django(code, env):
    result = subprocess.run(  # noqa: S603
        [PYTHON, "-c", code], env=env, cwd=ROOT, check=True, capture_output=True, text=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


class Redis:
    """Our own redis-server (never the shared one), append-only so a restart loses nothing."""

    def __init__(self, port):
        self.port = port
        self.dir = tempfile.mkdtemp(prefix=f"civic-load-redis-{port}-")
        self.process = None

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1",  # noqa: S607
             "--dir", self.dir, "--appendonly", "yes", "--appendfsync", "always",
             "--save", ""],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(50):
            if subprocess.run(  # noqa: S603
                ["redis-cli", "-p", str(self.port), "ping"],  # noqa: S607
                capture_output=True, text=True,
            ).stdout.strip() == "PONG":  # fmt: skip
                return
            time.sleep(0.1)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # saves the append-only file, then exits
            self.process.wait(timeout=20)

    def restart(self):
        started = time.monotonic()
        self.stop()
        self.start()
        return time.monotonic() - started


SINK = """
import asyncio, re, sys
from aiosmtpd.controller import Controller
out = open(sys.argv[2], "a", buffering=1)
class Handler:
    async def handle_DATA(self, server, session, envelope):
        text = envelope.content.decode("utf-8", "replace")
        found = re.search(r"^X-Civic-Message-Key:\\s*(\\w+)", text, re.M)  # may be folded
        out.write((found.group(1) if found else "-") + "\\t" + ",".join(envelope.rcpt_tos) + "\\n")
        return "250 OK"
controller = Controller(Handler(), hostname="127.0.0.1", port=int(sys.argv[1]))
controller.start()
print("ready", flush=True)
asyncio.run(asyncio.Event().wait())
"""


class Sink:
    """A local SMTP server (its own process: locust's gevent and asyncio do not mix) that
    records each message's key and recipients."""

    def __init__(self, port):
        self.port = port
        self.path = Path(tempfile.mkstemp(prefix="civic-load-smtp-", suffix=".tsv")[1])
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(  # noqa: S603
            [PYTHON, "-c", SINK, str(self.port), str(self.path)], stdout=subprocess.PIPE, text=True
        )
        assert self.process.stdout.readline().strip() == "ready"
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=10)

    @property
    def received(self):
        rows = [line.split("\t") for line in self.path.read_text().splitlines() if line]
        return [(key, recipients.split(",")) for key, recipients in rows]


def children(pid):
    """(pid, command line) of the direct children of ``pid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if ppid == pid:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
                found.append((int(entry.name), command))
        except (OSError, ValueError, IndexError):
            continue
    return found


def cpu_seconds(pid):
    """User + system CPU of ``pid`` and of its children it has reaped."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    return sum(int(fields[i]) for i in (11, 12, 13, 14)) / ticks


class Stack:
    def __init__(self, env, log_path):
        self.env = env
        self.log = open(log_path, "w")  # noqa: SIM115 (closed in stop)
        self.process = None

    def start(self, port):
        self.process = subprocess.Popen(  # noqa: S603
            [PYTHON, str(ROOT / "example_site" / "serve_prod.py")],
            env=self.env, stdout=self.log, stderr=self.log, cwd=ROOT,
        )  # fmt: skip
        deadline = time.monotonic() + 900
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz/", timeout=5)  # noqa: S310
                return
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError("serve_prod.py exited") from None
                time.sleep(1)
        raise RuntimeError("the stack did not answer /healthz/")

    def gunicorn(self):
        return next(pid for pid, command in children(self.process.pid) if "gunicorn" in command)

    def web_workers(self):
        return [pid for pid, _ in children(self.gunicorn())]

    def task_worker(self):
        return next(pid for pid, command in children(self.process.pid) if "rqworker" in command)

    def web_cpu(self):
        master = self.gunicorn()
        return cpu_seconds(master) + sum(cpu_seconds(pid) for pid in self.web_workers())

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()


def scenario(host, urls, seconds, users, faults):
    """The locust part, imported here because gevent patches the standard library."""
    import random

    import gevent
    from locust import HttpUser, between, events, task
    from locust.env import Environment

    # Accepted writes, and every write sent (a POST still in flight when the run stops commits
    # its row but its answer is never counted).
    writes = {"comment": [], "attend": [], "mentoring": [], "sent": []}
    statuses = Counter()
    failures = []  # (seconds into the run, endpoint, status): 0 is a dropped connection
    clock = {"start": time.monotonic()}

    def record(name, status):
        statuses[(name, status)] += 1
        if status == 0 or status >= 500:
            failures.append((round(time.monotonic() - clock["start"], 1), name, status))

    counter = iter(range(10**9))
    sessions = list(urls["sessions"])
    anonymous_pages = [
        ("home", "/"), ("library index", urls["library"]), ("practice page", None),
        ("1,000-comment thread", urls["big_thread"]), ("forum index", urls["forum"]),
        ("events index", urls["events_index"]), ("event page", None),
        ("mentoring directory", urls["mentoring"] or "/"),
        ("API listing", "/hub/api/v2/practices/"),
    ]  # fmt: skip

    def pick(name, url):
        if url is not None:
            return url
        return random.choice(urls["practices"] if name == "practice page" else urls["events"])

    class Visitor(HttpUser):
        abstract = True
        wait_time = between(0.2, 1.2)
        session = None

        def get(self, name, url):
            headers = {"Cookie": f"sessionid={self.session}"} if self.session else {}
            with self.client.get(url, name=name, headers=headers, catch_response=True) as r:
                record(name, r.status_code)
                if r.status_code == 200:
                    r.success()
                else:
                    r.failure(f"status {r.status_code}")
                return r

    class Anonymous(Visitor):
        weight = 7

        @task
        def read(self):
            name, url = random.choice(anonymous_pages)
            self.get(name, pick(name, url))

    class Member(Visitor):
        weight = 2

        def on_start(self):
            self.session = random.choice(sessions)

        @task
        def read(self):
            name, url = random.choice(
                [("home (member)", "/"), ("library index (member)", urls["library"]),
                 ("1,000-comment thread (member)", urls["big_thread"]),
                 ("practice page (member)", None)]
            )  # fmt: skip
            self.get(name, pick("practice page", url))

    class Writer(Visitor):
        weight = 1

        def on_start(self):
            self.session = sessions.pop() if len(sessions) > 1 else random.choice(sessions)

        def post(self, name, url, data, referer):
            page = self.get(name + " (form)", referer)
            if page.status_code != 200:
                return None
            token = page.cookies.get("csrftoken") or re.search(
                r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text
            ).group(1)
            cookie = f"sessionid={self.session}; csrftoken={page.cookies.get('csrftoken', '')}"
            form_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
            data = {"csrfmiddlewaretoken": form_token.group(1) if form_token else token, **data}
            with self.client.post(
                url, data=data, name=name, allow_redirects=False, catch_response=True,
                headers={"Cookie": cookie, "Referer": host + referer},
            ) as r:  # fmt: skip
                record(name, r.status_code)
                if r.status_code in (200, 302, 303):
                    r.success()
                else:
                    r.failure(f"status {r.status_code}")
                return r, page

        @task(3)
        def comment(self):
            thread = random.choice([urls["big_thread"], *urls["threads"]])
            page = self.get("thread (writer)", thread)
            fields = dict(FIELDS.findall(page.text))
            if "security_hash" not in fields:
                return
            text = f"load-{next(counter)}-{os.getpid()}"
            data = {k: fields[k] for k in ("content_type", "object_pk", "timestamp",
                                           "security_hash") if k in fields}  # fmt: skip
            data.update({"comment": text, "reply_to": "0", "honeypot": "", "next": thread})
            writes["sent"].append(text)
            result = self.post("POST comment", "/discussion/comments/post/", data, thread)
            if result and result[0].status_code == 302:
                writes["comment"].append(text)

        @task(1)
        def attend(self):
            index = random.randrange(len(urls["event_ids"]))
            result = self.post(
                "POST event attendance", f"/calendar/attend/{urls['event_ids'][index]}/",
                {"action": "registered"}, urls["events"][index],
            )  # fmt: skip
            if result and result[0].status_code == 302:
                writes["attend"].append((self.session, urls["event_ids"][index]))

        @task(1)
        def mentoring(self):
            if not urls["mentoring"] or not urls["mentors"]:
                return
            mentor = random.choice(urls["mentors"])
            page = f"{urls['mentoring']}mentors/{mentor}/"
            text = f"load-{next(counter)}-{os.getpid()} Could we talk about permits?"
            writes["sent"].append(text)
            result = self.post("POST mentoring request", page + "request/", {"message": text}, page)
            if result and result[0].status_code == 302:
                writes["mentoring"].append(text)

    environment = Environment(user_classes=[Anonymous, Member, Writer], host=host, events=events)
    runner = environment.create_local_runner()
    runner.start(users, spawn_rate=users)
    started = clock["start"] = time.monotonic()
    log = []
    for at, name, action in faults:
        gevent.sleep(max(0, started + at * seconds - time.monotonic()))
        log.append((round(time.monotonic() - started, 1), name, action()))
    gevent.sleep(max(0, started + seconds - time.monotonic()))
    runner.quit()
    return environment.stats, statuses, writes, log, failures


def probe(host, urls, repeat):
    """Each hot page requested in turn, one at a time, ``repeat`` rounds: the median time of
    each, as a ratio to the anonymous home page (the cost of a page, without queueing)."""
    import statistics

    session = {"Cookie": f"sessionid={urls['sessions'][0]}"}
    pages = [
        ("home", "/", {}), ("library index", urls["library"], {}),
        ("1,000-comment thread", urls["big_thread"], {}),
        ("practice page", urls["practices"][0], {}), ("API listing", "/hub/api/v2/practices/", {}),
        ("home (member)", "/", session), ("library index (member)", urls["library"], session),
        ("1,000-comment thread (member)", urls["big_thread"], session),
    ]  # fmt: skip
    times = {name: [] for name, _, _ in pages}
    for _ in range(repeat):
        for name, path, headers in pages:
            request = urllib.request.Request(host + path, headers=headers)  # noqa: S310
            started = time.perf_counter()
            urllib.request.urlopen(request, timeout=120).read()  # noqa: S310 (loopback)
            times[name].append(time.perf_counter() - started)
    home = statistics.median(times["home"])
    print(f"\n  One request at a time, {repeat} rounds (median ms, ratio to the anonymous home page)")
    for name, _, _ in pages:
        median = statistics.median(times[name])
        print(f"  {name:<36} {median * 1000:>8.1f} {median / home:>6.2f}")
    return {name: statistics.median(values) for name, values in times.items()}


TARGETS = {  # issue 18: at most this many times the anonymous home page
    "1,000-comment thread": 1.5, "library index": 1.5,
    "1,000-comment thread (member)": 2.5, "library index (member)": 2.5,
}  # fmt: skip


def probe_ratios(host, urls, args):
    """``--probe-only N``: the interleaved probe N times, then each page's ratio over the runs
    (min, median, max) against its target."""
    import statistics

    runs = [probe(host, urls, args.probe_rounds) for _ in range(args.probe_only)]
    print(f"\n  Ratio to the anonymous home page over {len(runs)} runs (min / median / max)")
    for name in runs[0]:
        ratios = [run[name] / run["home"] for run in runs]
        target = TARGETS.get(name)
        verdict = "" if target is None else (
            f"  target <= {target}: {'met' if max(ratios) <= target else 'NOT met'}"
        )
        print(f"  {name:<36} {min(ratios):>5.2f} {statistics.median(ratios):>5.2f}"
              f" {max(ratios):>5.2f}{verdict}")  # fmt: skip
    return runs


def queued_keys(log_path):
    keys, lost = [], 0
    for line in Path(log_path).read_text(errors="replace").splitlines():
        if not line.startswith("{"):
            continue
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if record.get("message") == "Queued email":
            keys.append(record["message_key"])
        elif record.get("message", "").startswith("Could not queue email"):
            lost += 1
    return keys, lost


def report(stats, statuses, seconds, cores_used):
    home = stats.get("home", "GET").get_response_time_percentile(0.5) or 1
    print(f"\n  {'endpoint':<36} {'requests':>8} {'req/s':>6} {'p50':>6} {'p95':>6} {'p99':>6}"
          f" {'p50/home':>8}")  # fmt: skip
    rows = []
    for entry in sorted(stats.entries.values(), key=lambda e: e.name):
        p50 = entry.get_response_time_percentile(0.5)
        rows.append((entry.name, entry.num_requests, p50))
        print(
            f"  {entry.name:<36} {entry.num_requests:>8} {entry.num_requests / seconds:>6.1f}"
            f" {p50:>6.0f} {entry.get_response_time_percentile(0.95):>6.0f}"
            f" {entry.get_response_time_percentile(0.99):>6.0f} {p50 / home:>8.2f}"
        )
    total = stats.total
    print(
        f"\n  total: {total.num_requests} requests, {total.num_requests / seconds:.1f}/s,"
        f" p50 {total.get_response_time_percentile(0.5):.0f} ms,"
        f" p99 {total.get_response_time_percentile(0.99):.0f} ms;"
        f" web processes used {cores_used:.2f} cores on average"
    )
    return rows


def main():  # noqa: C901 (one linear script)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--users", type=int, default=12)
    parser.add_argument("--members", type=int, default=40)
    parser.add_argument("--port", type=int, default=8118)
    parser.add_argument("--redis-port", type=int, default=6392)
    parser.add_argument("--smtp-port", type=int, default=8125)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--template", default="civic_load_template",
                        help="a seeded database to clone (built when missing)")  # fmt: skip
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--probe-rounds", type=int, default=15)
    parser.add_argument("--probe-only", type=int, default=0, metavar="N",
                        help="only the hot-page ratios, N times over, without locust or faults")  # fmt: skip
    parser.add_argument("--database", help="the database to create and drop (default: per run)")
    args = parser.parse_args()

    database = args.database or f"civic_load_{os.getpid()}"
    env = environment(database, args)
    log_path = Path(tempfile.gettempdir()) / f"civic-load-{os.getpid()}.log"
    if psql(f"SELECT 1 FROM pg_database WHERE datname = '{args.template}'").stdout.strip() != "1":
        print(f"Building the template database {args.template} (migrate + seed_demo, once)...")
        building = f"{args.template}_building"  # renamed when complete: never half a template
        psql(f"DROP DATABASE IF EXISTS {building} WITH (FORCE)")
        psql(f"CREATE DATABASE {building}")
        tenv = environment(building, args)
        tenv["REDIS_URL"] = "redis://127.0.0.1:6379/8"
        subprocess.run([*MANAGE, "migrate", "--noinput", "-v0"], env=tenv, check=True)  # noqa: S603
        subprocess.run(  # noqa: S603 (a throwaway database on this machine, never production)
            [*MANAGE, "seed_demo", "--no-progress", "--i-know-this-is-not-production"],
            env=tenv, check=True,
        )  # fmt: skip
        psql(f"ALTER DATABASE {building} RENAME TO {args.template}")
    psql(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)", check=False)
    psql(f"CREATE DATABASE {database} TEMPLATE {args.template}")
    redis, stack = Redis(args.redis_port), Stack(env, log_path)
    try:
        redis.start()
        urls = django(SETUP.format(port=args.port, members=args.members), env)
        with Sink(args.smtp_port) as sink:
            stack.start(args.port)
            host = f"http://127.0.0.1:{args.port}"
            for path in ("/", urls["big_thread"], urls["library"]):  # warm up each process
                for _ in range(args.workers * 2):
                    urllib.request.urlopen(host + path, timeout=60)  # noqa: S310
            killed = {}

            def kill_web_worker():
                pid = stack.web_workers()[0]
                os.kill(pid, signal.SIGKILL)
                killed["web"] = pid
                return f"SIGKILL gunicorn worker {pid}"

            def restart_redis():
                return f"Redis down and back in {redis.restart():.2f}s"

            def kill_task_worker():
                pid = stack.task_worker()
                os.kill(pid, signal.SIGKILL)
                return f"SIGKILL task worker {pid} (serve_prod restarts it)"

            faults = [(0.25, "web worker", kill_web_worker), (0.5, "redis", restart_redis),
                      (0.75, "task worker", kill_task_worker)]  # fmt: skip
            print(
                f"Mixed scenario: {args.users} users for {args.seconds}s against gunicorn"
                f" ({args.workers} workers x 4 threads) + RQ worker + PostgreSQL + Redis,"
                f" {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; 1,000-comment thread"
                f" has {urls['big_thread_comments']} comments"
            )
            if args.probe_only:
                return probe_ratios(host, urls, args)
            probe(host, urls, args.probe_rounds)
            cpu_before = stack.web_cpu()
            stats, statuses, writes, fault_log, failures = scenario(
                host, urls, args.seconds, args.users, faults
            )
            cores_used = (stack.web_cpu() - cpu_before) / args.seconds
            for at, _name, what in fault_log:
                print(f"  fault at {at:>5}s: {what}")
            rows = report(stats, statuses, args.seconds, cores_used)

            # Drain: the queue empty, then a moment for the last SMTP conversations.
            deadline = time.monotonic() + 180
            while time.monotonic() < deadline:
                try:
                    body = urllib.request.urlopen(host + "/healthz/", timeout=10).read()  # noqa: S310
                    if json.loads(body)["tasks"]["backlog"] == 0:
                        time.sleep(5)
                        body = urllib.request.urlopen(host + "/healthz/", timeout=10).read()  # noqa: S310
                        if json.loads(body)["tasks"]["backlog"] == 0:
                            break
                except OSError:
                    pass
                time.sleep(2)
            counts = django(COUNTS, env)

        print("\n  Counts after the run")
        accepted = Counter(writes["comment"])
        rows_c = Counter(counts["comments"])
        print(f"  comments: accepted {len(writes['comment'])}, rows {len(counts['comments'])},"
              f" accepted without a row {sum(1 for t in accepted if t not in rows_c)},"
              f" rows without an accepted answer {sum(1 for t in rows_c if t not in accepted)}"
              f" (sent, no answer recorded: {sum(1 for t in rows_c if t not in accepted and t in writes['sent'])}),"
              f" duplicated rows {sum(1 for n in rows_c.values() if n > 1)}")  # fmt: skip
        pairs = {f"{s}:{e}" for s, e in writes["attend"]}
        print(f"  event attendance: accepted (distinct member+event) {len(pairs)} of"
              f" {len(writes['attend'])} posts, rows {len(counts['attendance'])}")  # fmt: skip
        print(f"  mentoring requests: accepted {len(writes['mentoring'])},"
              f" rows {len(counts['mentorships'])},"
              f" accepted without a row"
              f" {sum(1 for t in writes['mentoring'] if t not in counts['mentorships'])},"
              f" rows without an accepted answer"
              f" {sum(1 for t in counts['mentorships'] if t not in writes['mentoring'])}"
              f" (sent, no answer recorded:"
              f" {sum(1 for t in counts['mentorships'] if t not in writes['mentoring'] and t in writes['sent'])})")
        keys, lost = queued_keys(log_path)
        received = Counter(key for key, _ in sink.received)
        queued = Counter(keys)
        print(f"  emails: queued {len(keys)} ({len(queued)} distinct), received {len(sink.received)},"
              f" received twice {sum(1 for n in received.values() if n > 1)},"
              f" queued but not received {sum(1 for k in queued if k not in received)},"
              f" received but never queued {sum(1 for k in received if k not in queued)},"
              f" could not be queued {lost}; sent markers {counts['sent_markers']}")  # fmt: skip
        fivexx = {k: n for k, n in statuses.items() if k[1] >= 500 or k[1] == 0}
        print(f"  5xx or dropped connections: {sum(fivexx.values())}")
        for (name, status), n in sorted(fivexx.items()):
            print(f"    {n} x {name}: {'connection dropped' if status == 0 else status}")
        for at, name, status in failures:
            print(f"    at {at:>5}s: {name}: {'connection dropped' if status == 0 else status}")
        other = {k: n for k, n in statuses.items() if k[1] not in (200, 302, 303) and k[1] < 500
                 and k[1] != 0}  # fmt: skip
        for (name, status), n in sorted(other.items()):
            print(f"    {n} x {name}: {status}")
        print(f"\n  server log (JSON lines): {log_path}")
        return rows
    finally:
        stack.stop()
        redis.stop()
        if not args.keep:
            psql(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)", check=False)


if __name__ == "__main__":
    main()
