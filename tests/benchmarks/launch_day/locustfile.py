"""Launch-day learners for locust: each virtual learner takes the next pre-created, verified account
from the plan (`LAUNCH_PLAN`, written by run.py), signs in, opens the course, starts it (skipping the
optional confidence check), reads and completes every module, fails the assessment and passes it,
opens My learning until the certificate is there and downloads the PDF (from the private bucket
through the presigned redirect when S3 is configured). Every course completion it sees is appended
to `LAUNCH_RESULTS` (one JSON line: email, time), so run.py can check none was lost.

Run by run.py; by hand: LAUNCH_PLAN=plan.json LAUNCH_RESULTS=out.jsonl locust -f locustfile.py ...
"""

import json
import os
import re
import time
from html.parser import HTMLParser

import urllib3
from locust import HttpUser, between, task
from locust.exception import StopUser

urllib3.disable_warnings()  # the self-signed certificate of the local haproxy

PLAN = json.loads(open(os.environ["LAUNCH_PLAN"]).read())  # noqa: SIM115
RESULTS = os.environ["LAUNCH_RESULTS"]
ACCOUNTS = iter(PLAN["accounts"])
KEY = {qid: set(ids) for qid, ids in PLAN["answer_key"].items()}
POLL_SECONDS = 2
POLL_LIMIT = 600  # give up on a certificate after 10 minutes (reported as a failure)


class Page(HTMLParser):
    """The forms of a page (action, hidden fields) and its question inputs (q-<id> -> option ids)."""

    def __init__(self, html):
        super().__init__()
        self.forms, self.questions, self._form = [], {}, None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {"action": attrs.get("action") or "", "id": attrs.get("id"), "fields": {}}
            self.forms.append(self._form)
        elif tag == "input":
            name, kind = attrs.get("name") or "", attrs.get("type")
            if name.startswith("q-") and kind in ("radio", "checkbox"):
                self.questions.setdefault(name, []).append(attrs.get("value"))
            elif self._form is not None and kind == "hidden" and name:
                self._form["fields"][name] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None

    def form(self, contains):
        return next((f for f in self.forms if contains in f["action"]), None)


class Learner(HttpUser):
    # Between journeys only: within one, each request follows the last at once (no reading time), so a
    # few learners keep the machine saturated and the completions per hour measure capacity.
    wait_time = between(0.5, 1.5)

    def on_start(self):
        self.client.verify = False

    def _get(self, url, name, **kwargs):
        with self.client.get(url, name=name, catch_response=True, **kwargs) as response:
            if response.status_code >= 400:
                response.failure(f"{response.status_code} on {url}")
            return response

    def _post(self, url, data, name, referer):
        fields = {**data}
        fields.setdefault("csrfmiddlewaretoken", self.client.cookies.get("csrftoken", ""))
        with self.client.post(
            url, data=fields, name=name, headers={"Referer": referer}, catch_response=True,
            allow_redirects=True,
        ) as response:
            if response.status_code >= 400:
                response.failure(f"{response.status_code} on POST {url}")
            return response

    def _sign_in(self, email, password):
        login = self.host + "/accounts/login/"
        page = Page(self._get(login, "sign in (form)").text)
        token = page.form("")["fields"]["csrfmiddlewaretoken"] if page.forms else ""
        response = self._post(
            login, {"login": email, "password": password, "csrfmiddlewaretoken": token}, "sign in", login
        )
        if "sessionid" not in self.client.cookies:
            raise StopUser(f"sign-in failed for {email}: {response.status_code}")

    def _answer(self, module_url, correct):
        """Submit the assessment on the page: every answer right, or every answer wrong."""
        response = self._get(module_url, "assessment")
        page = Page(response.text)
        form = next(f for f in page.forms if "/assessment/" in f["action"])
        data = dict(form["fields"])
        for name, options in page.questions.items():
            right = KEY[name[2:]]
            data[name] = sorted(right) if correct else [next(o for o in options if o not in right)]
        name = "submit assessment (pass)" if correct else "submit assessment (fail)"
        return self._post(self.host + form["action"], data, name, module_url)

    @task
    def launch_day(self):
        try:
            email = next(ACCOUNTS)
        except StopIteration:
            raise StopUser("no accounts left") from None
        self.client.cookies.clear()
        self._sign_in(email, PLAN["password"])
        course_url = self.host + PLAN["course_url"]
        page = Page(self._get(course_url, "course page").text)
        start = page.form("/start/")
        response = self._post(self.host + start["action"], start["fields"], "start course", course_url)
        if "/confidence/" in response.url:  # the optional check before the first module: skipped
            page = Page(response.text)
            form = page.forms[-1]
            self._post(response.url, {**form["fields"], "skip": "1"}, "confidence (skip)", response.url)
        for module in PLAN["modules"]:
            url = self.host + module["url"]
            if module["is_assessment"]:
                failed = self._answer(url, correct=False)
                if "grade-summary--not-passed" not in failed.text:
                    failed.failure("a wrong answer passed")
                passed = self._answer(url, correct=True)
                if "grade-summary--passed" not in passed.text:
                    raise StopUser(f"{email}: the right answers did not pass")
                with open(RESULTS, "a") as out:
                    out.write(json.dumps({"email": email, "completed": time.time()}) + "\n")
                continue
            page = Page(self._get(url, "module page").text)
            complete = page.form("/complete/")
            if complete:
                self._post(self.host + complete["action"], complete["fields"], "complete module", url)
        self._certificate(email)

    def _certificate(self, email):
        started = time.time()
        name = "my learning"
        while time.time() - started < POLL_LIMIT:
            html = self._get(self.host + "/my-learning/", name).text
            found = re.search(r'href="(/certificates/[A-Za-z0-9-]+)/"', html)
            if found:
                break
            name = "my learning (waiting for certificate)"
            time.sleep(POLL_SECONDS)
        else:
            with self.client.get("/my-learning/", name="certificate never came", catch_response=True) as r:
                r.failure(f"{email}: no certificate after {POLL_LIMIT} s")
            return
        self._get(self.host + found.group(1) + "/", "certificate page")
        response = self._get(
            self.host + found.group(1) + ".pdf", "certificate download", allow_redirects=False
        )
        if response.status_code == 302:  # S3: a presigned address of the private bucket
            with self.client.get(
                response.headers["Location"], name="certificate PDF (bucket, presigned)", catch_response=True
            ) as pdf:
                if not pdf.content.startswith(b"%PDF"):
                    pdf.failure("not a PDF")
        elif not response.content.startswith(b"%PDF"):
            response.failure("not a PDF")
        with open(RESULTS, "a") as out:
            out.write(json.dumps({"email": email, "certificate_downloaded": time.time()}) + "\n")

