"""Launch-day simulation and scale-out check: production settings, PostgreSQL, Redis, moto's S3
server, haproxy (TLS, X-Forwarded-Proto) in front of gunicorn web nodes, Celery workers and one beat,
driven by locust (locustfile.py). Not part of `make test` (a script you run and report).

    .venv/bin/pip install -e ".[dev,s3,bench]"
    # Launch day: one web node, one worker, 4 minutes
    .venv/bin/python tests/benchmarks/launch_day/run.py --nodes 1 --workers 1 --minutes 4
    # Scale-out: two nodes, two workers; at half time stop web node 2 and kill -9 worker 2
    .venv/bin/python tests/benchmarks/launch_day/run.py --nodes 2 --workers 2 --minutes 4 --fail-half-way

Needs PostgreSQL and Redis on 127.0.0.1, haproxy and openssl on PATH. Variables (defaults in
brackets): LAUNCH_DATABASE_URL [postgres://postgres@127.0.0.1:5432/lms_h16b_launch, dropped and made
afresh], LAUNCH_REDIS_URL [redis://127.0.0.1:6379/0, flushed], LAUNCH_CACHE_URL
[redis://127.0.0.1:6379/1, flushed], LAUNCH_PORT [8100: haproxy; web nodes 8101.., moto 8105].
It prints each figure with os.getloadavg(), checks that every completion locust saw is recorded,
every certificate was issued exactly once and is in the bucket, and leaves nothing running.
"""

import argparse
import contextlib
import csv
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[3]
HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
DB_URL = os.environ.get("LAUNCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lms_h16b_launch")
REDIS_URL = os.environ.get("LAUNCH_REDIS_URL", "redis://127.0.0.1:6379/0")
CACHE_URL = os.environ.get("LAUNCH_CACHE_URL", "redis://127.0.0.1:6379/1")
PORT = int(os.environ.get("LAUNCH_PORT", "8100"))
MOTO_PORT = PORT + 5
PASSWORD = "launch-day-Learner-7"  # noqa: S105 (throwaway accounts in a throwaway database)
BUCKETS = {"MEDIA_BUCKET": "lms-launch-media", "CERTIFICATES_BUCKET": "lms-launch-certificates"}


def load():
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f}"


def say(*parts):
    print(time.strftime("%H:%M:%S"), *parts, f"[{load()}]", flush=True)


def environment(tmp):
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))},
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
        "SECRET_KEY": "launch-day-simulation-" + "k7Q" * 20,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": f"https://127.0.0.1:{PORT}",
        "SECURE_PROXY_SSL_HEADER": "true",  # haproxy terminates TLS and sets X-Forwarded-Proto
        "DATABASE_URL": DB_URL,
        "REDIS_URL": REDIS_URL,
        "CACHE_URL": CACHE_URL,
        "EMAIL_URL": "dummymail://",
        "LOG_LEVEL": "WARNING",
        "CREDENTIALS_SIGNING_KEY_FILE": str(tmp / "keys.jwks.json"),
        "PRIVACY_CONTROLLER": "Launch-day simulation (sample)",
        "PRIVACY_CONTACT": "privacy@example.org",
        "AWS_S3_ENDPOINT_URL": f"http://127.0.0.1:{MOTO_PORT}",
        "AWS_S3_REGION_NAME": "eu-west-2",
        "AWS_ACCESS_KEY_ID": "launch",
        "AWS_SECRET_ACCESS_KEY": "launch-secret",
        # The sweep re-queues a certificate whose task died with a killed worker after 1 minute
        # (production: 3), checking every minute (production: 2).
        "CERTIFICATE_SWEEP_GRACE_MINUTES": "1",
        "CERTIFICATE_SWEEP_EVERY_MINUTES": "1",
        **BUCKETS,
    }


def manage(env, *args, **kwargs):
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, text=True, capture_output=True, **kwargs
    )
    if done.returncode:
        raise RuntimeError(f"manage.py {args[0]} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
    return done


PREPARE = """
import json, os
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from courses.grading import module_questions
from wagtail.models import Locale
from courses.models import CoursePage
from lms.accounts.models import User
count, password = int(os.environ["LAUNCH_LEARNERS"]), os.environ["LAUNCH_PASSWORD"]
course = CoursePage.objects.live().filter(locale=Locale.get_default()).order_by("path").first()
modules = [m.specific for m in course.get_children().live().order_by("path")]
hashed = make_password(password)
users = User.objects.bulk_create(
    [User(email=f"learner-{n:05d}@example.org", full_name=f"Learner {n}", password=hashed)
     for n in range(count)]
)
EmailAddress.objects.bulk_create(
    [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users]
)
key = {q.id: sorted(q.correct_ids) for m in modules for q in module_questions(m)}
print("PLAN" + json.dumps({
    "course_url": course.url, "course_id": course.pk, "password": password,
    "accounts": [u.email for u in users], "answer_key": key,
    "modules": [{"url": m.url, "id": m.pk, "is_assessment": bool(m.is_assessment)} for m in modules],
}))
"""

CHECK = """
import json, os
from django.db.models import Count
from certificates.models import Certificate
from courses.models import Enrollment
emails = json.loads(open(os.environ["LAUNCH_SEEN"]).read())
done = Enrollment.objects.filter(user__email__in=emails, completed_at__isnull=False)
certs = Certificate.objects.filter(enrollment__user__email__in=emails)
per = dict(certs.values_list("enrollment_id").annotate(n=Count("id")).values_list("enrollment_id", "n"))
all_done = Enrollment.objects.filter(completed_at__isnull=False)
last_completion = max((e.completed_at for e in all_done), default=None)
all_certs = Certificate.objects.all()
last_certificate = max((c.issued_at for c in all_certs), default=None)
print("CHECK" + json.dumps({
    "seen": len(emails), "recorded": done.count(),
    "missing": sorted(set(emails) - set(done.values_list("user__email", flat=True))),
    "completions_in_db": all_done.count(), "certificates": all_certs.count(),
    "enrollments_with_certificate": len(per), "duplicates": sum(1 for n in per.values() if n > 1),
    "without_certificate": all_done.filter(certificate__isnull=True).count(),
    "pdf_names": [c.pdf.name for c in all_certs],
    "last_completion": last_completion.timestamp() if last_completion else None,
    "last_certificate": last_certificate.timestamp() if last_certificate else None,
}))
"""


def fresh_database(env):
    """A fresh copy of `<name>_template` (migrated, seed_demo), made first if it does not exist;
    `--rebuild` drops the template (after a migration or a change to the demo content)."""
    import psycopg2

    name = DB_URL.rsplit("/", 1)[1]
    template = f"{name}_template"
    conn = psycopg2.connect(DB_URL.rsplit("/", 1)[0] + "/postgres")
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
        if not cur.fetchone():
            cur.execute(f'CREATE DATABASE "{template}"')
            template_url = DB_URL.rsplit("/", 1)[0] + "/" + template
            template_env = {**env, "DATABASE_URL": template_url, "CONN_MAX_AGE": "0"}
            manage(template_env, "migrate", "--noinput")
            manage(template_env, "seed_demo")
        cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cur.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    conn.close()


def drop_template():
    import psycopg2

    conn = psycopg2.connect(DB_URL.rsplit("/", 1)[0] + "/postgres")
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{DB_URL.rsplit("/", 1)[1]}_template" WITH (FORCE)')
    conn.close()


def flush_redis():
    import redis

    for url in (REDIS_URL, CACHE_URL):
        redis.Redis.from_url(url).flushdb()


class Processes:
    """Every process the run starts, each in its own session so it can be stopped with its children;
    CPU time is sampled per process so the cost of a killed one still counts."""

    def __init__(self, logs):
        self.logs, self.procs, self.cpu, self.watched = logs, {}, {}, set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def start(self, name, args, env, watch=False):
        out = open(self.logs / f"{name}.log", "w")  # noqa: SIM115
        proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
        self.procs[name] = proc
        if watch:
            self.watched.add(name)
        return proc

    def _tree(self, name):
        try:
            parent = psutil.Process(self.procs[name].pid)
            return [parent, *parent.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []

    def _sample(self):
        while not self._stop.is_set():
            self.sample()
            time.sleep(1)

    def sample(self):
        for name in list(self.watched):
            for proc in self._tree(name):
                try:
                    times = proc.cpu_times()
                    self.cpu[proc.pid] = (name, times.user + times.system)
                except psutil.NoSuchProcess:
                    pass

    def cpu_seconds(self, prefix=""):
        return sum(seconds for name, seconds in list(self.cpu.values()) if name.startswith(prefix))

    def stop(self, name, sig=signal.SIGTERM):
        proc = self.procs[name]
        if proc.poll() is None:
            os.killpg(proc.pid, sig)
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()

    def stop_all(self):
        self._stop.set()
        for name in reversed(list(self.procs)):
            with contextlib.suppress(ProcessLookupError):
                self.stop(name)


def wait_http(url, seconds=90, ok=(200, 301, 302, 403, 404)):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (loopback)
                if response.status in ok:
                    return
        except urllib.error.HTTPError as error:
            if error.code in ok:
                return
        except OSError:
            pass
        time.sleep(1)
    raise RuntimeError(f"{url} did not answer in {seconds} s")


def haproxy_config(tmp, nodes):
    pem = tmp / "site.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-keyout", str(tmp / "key.pem"), "-out", str(tmp / "cert.pem")], check=True, capture_output=True,
    )
    pem.write_text((tmp / "cert.pem").read_text() + (tmp / "key.pem").read_text())
    servers = "\n".join(
        f"    server web{n} 127.0.0.1:{PORT + n} check inter 2s fall 3 rise 2" for n in range(1, nodes + 1)
    )
    config = tmp / "haproxy.cfg"
    config.write_text(f"""global
    maxconn 512
defaults
    mode http
    timeout connect 2s
    timeout client 120s
    timeout server 120s
    timeout check 5s
    retries 3
    option redispatch
    retry-on conn-failure empty-response response-timeout
frontend site
    bind 127.0.0.1:{PORT} ssl crt {pem}
    http-request set-header X-Forwarded-Proto https
    default_backend web
backend web
    balance leastconn
    option httpchk
    http-check send meth GET uri /healthz ver HTTP/1.1 hdr Host 127.0.0.1 hdr X-Forwarded-Proto https
{servers}
""")
    return config


def bucket_keys(env):
    import boto3

    client = boto3.client(
        "s3", endpoint_url=env["AWS_S3_ENDPOINT_URL"], region_name="eu-west-2",
        aws_access_key_id=env["AWS_ACCESS_KEY_ID"], aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"],
    )
    keys, token = [], None
    while True:
        page = client.list_objects_v2(
            Bucket=BUCKETS["CERTIFICATES_BUCKET"], **({"ContinuationToken": token} if token else {})
        )
        keys += [item["Key"] for item in page.get("Contents", [])]
        token = page.get("NextContinuationToken")
        if not token:
            return client, keys


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--nodes", type=int, default=1)
    parser.add_argument("--workers", type=int, default=1, help="Celery workers (concurrency 1 each)")
    parser.add_argument("--gunicorn-workers", type=int, default=2, help="per web node")
    parser.add_argument("--users", type=int, default=12, help="concurrent virtual learners")
    parser.add_argument("--minutes", type=float, default=4)
    parser.add_argument("--learners", type=int, default=2000, help="accounts made (one journey each)")
    parser.add_argument("--fail-half-way", action="store_true",
                        help="stop the last web node (SIGTERM) and kill -9 the last worker at half time")
    parser.add_argument("--rebuild", action="store_true", help="migrate and seed the template database again")
    parser.add_argument("--certificate-wait", type=int, default=420,
                        help="seconds to wait after the load for the last certificates")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="launch-day-"))
    logs = tmp / "logs"
    logs.mkdir()
    env = environment(tmp)
    say(f"run in {tmp}: {args.nodes} web node(s) x {args.gunicorn_workers} gunicorn workers, "
        f"{args.workers} Celery worker(s), {args.users} learners at once, {args.minutes} min")
    procs = Processes(logs)
    try:
        procs.start("moto", [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(MOTO_PORT)], env)
        wait_http(f"http://127.0.0.1:{MOTO_PORT}/moto-api/")
        import boto3

        s3 = boto3.client("s3", endpoint_url=env["AWS_S3_ENDPOINT_URL"], region_name="eu-west-2",
                          aws_access_key_id="launch", aws_secret_access_key="launch-secret")  # noqa: S106
        for bucket in BUCKETS.values():
            s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})

        say("database: fresh, migrate, seed_demo, collectstatic, accounts")
        local = {k: v for k, v in env.items() if k != "CREDENTIALS_SIGNING_KEY_FILE"}
        local["DJANGO_SETTINGS_MODULE"] = "lms.settings.local"
        manage(local, "credential_keys", "new", "--output", env["CREDENTIALS_SIGNING_KEY_FILE"])
        if args.rebuild:
            drop_template()
        fresh_database(env)
        flush_redis()
        manage(env, "collectstatic", "--noinput")
        out = manage({**env, "LAUNCH_LEARNERS": str(args.learners), "LAUNCH_PASSWORD": PASSWORD},
                     "shell", "-c", PREPARE).stdout
        plan = json.loads(out.split("PLAN", 1)[1])
        (tmp / "plan.json").write_text(json.dumps(plan))
        say(f"course {plan['course_url']}: {len(plan['modules'])} modules, "
            f"{len(plan['answer_key'])} questions; {len(plan['accounts'])} accounts")

        for n in range(1, args.nodes + 1):
            procs.start(f"web{n}", [
                str(BIN / "gunicorn"), "lms.wsgi", "-b", f"127.0.0.1:{PORT + n}",
                "-w", str(args.gunicorn_workers), "--timeout", "60", "--graceful-timeout", "30",
                "--no-control-socket",
            ], env, watch=True)
        for n in range(1, args.workers + 1):
            procs.start(f"worker{n}", [
                str(BIN / "celery"), "-A", "lms", "worker", "-c", "1", "-n", f"launch{n}@%h",
                "--loglevel", "WARNING", "--without-gossip", "--without-mingle",
            ], env, watch=True)
        procs.start("worker-beat", [
            str(BIN / "celery"), "-A", "lms", "beat", "-s", str(tmp / "beat-schedule"),
            "--loglevel", "WARNING",
        ], env, watch=True)
        for n in range(1, args.nodes + 1):
            wait_http(f"http://127.0.0.1:{PORT + n}/healthz")
        procs.start("haproxy", ["haproxy", "-f", str(haproxy_config(tmp, args.nodes))], env)
        time.sleep(3)

        results = tmp / "completions.jsonl"
        results.touch()
        procs.sample()
        cpu_before = {p: procs.cpu_seconds(p) for p in ("web", "worker")}
        seconds = int(args.minutes * 60)
        say("load starts")
        started = time.time()
        locust = procs.start("locust", [
            str(BIN / "locust"), "-f", str(HERE / "locustfile.py"), "--headless", "-u", str(args.users),
            "-r", "2", "-t", f"{seconds}s", "--host", f"https://127.0.0.1:{PORT}",
            "--csv", str(tmp / "locust"), "--only-summary", "--stop-timeout", "30",
        ], {**env, "LAUNCH_PLAN": str(tmp / "plan.json"), "LAUNCH_RESULTS": str(results)})
        failed_at = None
        if args.fail_half_way:
            time.sleep(seconds / 2)
            failed_at = time.time()
            say(f"half time: SIGTERM web node {args.nodes}, kill -9 worker {args.workers}")
            procs.sample()
            procs.stop(f"web{args.nodes}", signal.SIGTERM)
            procs.stop(f"worker{args.workers}", signal.SIGKILL)
        locust.wait()
        ended = time.time()
        say("load ends")

        events = [json.loads(line) for line in results.read_text().splitlines() if line.strip()]
        completions = [e for e in events if "completed" in e]
        seen = [e["email"] for e in completions]
        (tmp / "seen.json").write_text(json.dumps(seen))
        deadline = time.time() + args.certificate_wait
        while True:
            check = json.loads(manage(
                {**env, "LAUNCH_SEEN": str(tmp / "seen.json")}, "shell", "-c", CHECK).stdout.split(
                "CHECK", 1)[1])
            if check["without_certificate"] == 0 or time.time() > deadline:
                break
            time.sleep(5)
        procs.sample()
        cpu = {p: procs.cpu_seconds(p) - cpu_before[p] for p in ("web", "worker")}
        _client, keys = bucket_keys(env)
        report(args, tmp, plan, completions, events, check, keys, cpu, started, ended, failed_at)
    finally:
        procs.stop_all()
        say(f"stopped everything; logs in {logs}")


def report(args, tmp, plan, completions, events, check, keys, cpu, started, ended, failed_at):
    minutes = (ended - started) / 60
    print("\n=== Launch-day simulation:", f"{args.nodes} web node(s), {args.workers} worker(s), "
          f"{args.users} concurrent learners, {minutes:.1f} min, course {plan['course_url']} "
          f"({len(plan['modules'])} modules) ===")
    print(f"machine: {os.cpu_count()} cores, {load()} at the end")
    with open(tmp / "locust_stats.csv") as f:
        rows = list(csv.DictReader(f))
    print(f"{'page':45} {'requests':>8} {'failures':>8} {'median ms':>9} {'p95 ms':>7}")
    for row in rows:
        print(f"{row['Name'][:45]:45} {row['Request Count']:>8} {row['Failure Count']:>8} "
              f"{row['50%']:>9} {row['95%']:>7}")
    total = next(r for r in rows if r["Name"] == "Aggregated")
    errors = int(total["Failure Count"])
    count = len(completions)
    print(f"completions seen by the load generator: {count} in {minutes:.1f} min = "
          f"{count / minutes * 60:.0f} per hour; errors: {errors}")
    if failed_at:
        half = [c for c in completions if c["completed"] < failed_at]
        after = [c for c in completions if c["completed"] >= failed_at + 15]
        before_min = (failed_at - started) / 60
        after_min = (ended - failed_at - 15) / 60
        print(f"two nodes + two workers (before the stop): {len(half)} in {before_min:.1f} min = "
              f"{len(half) / before_min * 60:.0f}/h; one node + one worker (from 15 s after): "
              f"{len(after)} in {after_min:.1f} min = {len(after) / after_min * 60:.0f}/h")
    downloads = sum(1 for e in events if "certificate_downloaded" in e)
    print(f"certificates downloaded by learners: {downloads}")
    print(f"CPU (user+system) web: {cpu['web']:.1f} s, workers+beat: {cpu['worker']:.1f} s; per completion: "
          f"{(cpu['web'] + cpu['worker']) / max(count, 1):.2f} s "
          f"(web {cpu['web'] / max(count, 1):.2f}, worker {cpu['worker'] / max(count, 1):.2f})")
    lag = (check["last_certificate"] or 0) - (check["last_completion"] or 0)
    print(f"last certificate issued {lag:.1f} s after the last completion")
    lost = check["missing"]
    names = set(check["pdf_names"])
    print(f"DB: {check['recorded']} of {check['seen']} completions seen are recorded (lost: {len(lost)}); "
          f"{check['completions_in_db']} completions, {check['certificates']} certificates, "
          f"{check['duplicates']} enrollments with more than one, {check['without_certificate']} without")
    print(f"bucket {BUCKETS['CERTIFICATES_BUCKET']}: {len(keys)} objects; every certificate's PDF there: "
          f"{names <= set(keys)} ({len(names - set(keys))} missing)")
    verdict = (not lost and check["duplicates"] == 0 and check["without_certificate"] == 0
               and names <= set(keys))
    print("RESULT", "OK" if verdict and errors == 0 else "PROBLEM", f"errors={errors}")


if __name__ == "__main__":
    main()
