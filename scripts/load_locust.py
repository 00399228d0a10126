"""make load: browsers of a university's staff on one Odoo server, over HTTP/JSON-RPC (Locust).

Each simulated user logs in as one of the demo roles and clicks as the web client does:
role home (tiles), lists and forms, approvals of distinct and of the same records (several
unit heads pick from the same inbox), trips created and submitted, documents verified,
advances paid, advance reports, and the annual report. A refusal the module gives on
purpose (UserError, AccessError, ValidationError: "already decided", "not at your step")
is counted apart, as the browser would show it; any other JSON-RPC error (a traceback)
and any 5xx is a failure.
"""
import base64
import itertools
import json
import os
import random
import time
from datetime import date, timedelta

import gevent
from gevent.lock import Semaphore
from locust import HttpUser, events, task

DB = os.environ["LOAD_DB"]
PASSWORD = os.environ.get("LOAD_PASSWORD", "intl")
REFUSALS = ("odoo.exceptions.UserError", "odoo.exceptions.AccessError",
            "odoo.exceptions.ValidationError", "odoo.exceptions.MissingError")
REFUSED = {}  # {kind: {message: count}}
_ids = itertools.count()
SESSIONS = {}  # {login: session id}
STARTED = time.monotonic()
LOCKS = {}
SCAN = base64.b64encode(b"%PDF-1.4 load test scan").decode()
# THINK="5-15": seconds a person reads a page before the next click (uniform); "1-3" is the
# stress pace of earlier runs, a click every two seconds per user, which saturates two cores
THINK = tuple(float(part) for part in os.environ.get("THINK", "5-15").split("-"))
RELOAD = float(os.environ.get("RELOAD", "0.1"))  # share of visits that reload the web client


TIMES = []  # (seconds since the start, kind, milliseconds, failed): the steady state apart


@events.request.add_listener
def _record_time(request_type, name, response_time, exception, **_kwargs):
    TIMES.append((round(time.monotonic() - STARTED, 2), name, round(response_time), exception is not None))


@events.quitting.add_listener
def _report_refusals(environment, **_kwargs):
    with open(os.environ.get("LOAD_REFUSALS", "/dev/null"), "w") as handle:
        json.dump(REFUSED, handle)
    with open(os.environ.get("LOAD_TIMES", "/dev/null"), "w") as handle:
        json.dump(TIMES, handle)


class OdooUser(HttpUser):
    abstract = True
    login = None

    def wait_time(self):
        """A person reads what the last click showed before the next task."""
        return random.uniform(*THINK)

    def think(self):
        """The same pause between two clicks inside a task (a list, then a form, then a button)."""
        gevent.sleep(random.uniform(*THINK))

    def on_start(self):
        """Log in, or open another tab of a colleague's browser of the same role.

        A login hashes the password on purpose (pbkdf2, about half a second of CPU): a browser
        logs in once a day, not at every visit. The first user of each role logs in; the others
        share its session cookie, as tabs of one browser do.
        """
        self.call_id = 0
        lock = LOCKS.setdefault(self.login, Semaphore())
        with lock:
            if self.login not in SESSIONS:
                self.rpc("/web/session/authenticate", {"db": DB, "login": self.login, "password": PASSWORD},
                         name="login")
                if self.client.cookies.get("session_id"):
                    SESSIONS[self.login] = self.client.cookies.get("session_id")
        if self.login in SESSIONS:
            self.client.cookies.set("session_id", SESSIONS[self.login])
        self.page_load(first=True)

    def rpc(self, route, params, name):
        """One JSON-RPC request as the web client sends it; the result, or None on a refusal."""
        self.call_id += 1
        with self.client.post(route, name=name, catch_response=True, data=json.dumps(
                {"jsonrpc": "2.0", "method": "call", "id": self.call_id, "params": params}),
                headers={"Content-Type": "application/json"}) as response:
            if not response.status_code:  # no reply at all: the connection failed
                response.failure(f"no reply: {response.error!r}"[:200])
                return None
            if response.status_code >= 400:
                response.failure(f"HTTP {response.status_code}")
                return None
            try:
                body = response.json()
            except ValueError:
                response.failure(f"not JSON: HTTP {response.status_code} "
                                 f"{response.headers.get('Content-Type', '')} {response.text[:80]!r}")
                return None
            if "error" in body:
                error = body["error"].get("data", {}).get("name", "")
                if error in REFUSALS:
                    message = body["error"].get("data", {}).get("message", "")[:70]
                    kind = REFUSED.setdefault(name, {})
                    kind[message] = kind.get(message, 0) + 1
                    response.success()
                else:
                    response.failure(f"{error}: {body['error'].get('data', {}).get('message', '')[:200]}")
                return None
            response.success()
            return body.get("result")

    def call(self, model, method, args, kwargs=None, name=None):
        return self.rpc(f"/web/dataset/call_kw/{model}/{method}", {
            "model": model, "method": method, "args": args, "kwargs": kwargs or {}},
            name=name or f"{model}.{method}")

    def get(self, url, name):
        with self.client.get(url, name=name, catch_response=True) as response:
            if not response.status_code:
                response.failure(f"no reply: {response.error!r}"[:200])
            elif response.status_code >= 400:
                response.failure(f"HTTP {response.status_code}")
            elif "Traceback" in response.text:
                response.failure("traceback")
            else:
                response.success()

    def page_load(self, first=False):
        """Open the web client: /web carries the session info; a browser fetches the menus and
        the translations once (their URLs carry a hash, so it keeps them in its cache)."""
        self.get("/web", name="web client: page")
        if first:
            self.get("/web/webclient/load_menus/load", name="web client: menus")
            self.get("/web/webclient/translations/load", name="web client: translations")

    def home(self):
        """The role home, the first screen of a visit; now and then the user reloads the page."""
        if random.random() < RELOAD:
            self.page_load()
        self.call("intl.home.tile", "web_search_read", [], {
            "domain": [], "specification": {"name": {}, "count": {}, "alert": {}, "role": {}}},
            name="home: tiles")

    def inbox(self):
        return self.call("intl.approval.line", "web_search_read", [], {
            "domain": [("state", "=", "pending")], "limit": 80,
            "specification": {"res_model": {}, "res_id": {}, "step_name": {}, "summary_what": {}}},
            name="inbox: list") or {"records": []}

    def trips(self, domain, name="trips: list"):
        result = self.call("intl.trip", "web_search_read", [], {
            "domain": domain, "limit": 80, "order": "id desc",
            "specification": {"name": {}, "employee_id": {"fields": {"display_name": {}}}, "state": {},
                              "date_departure": {}, "estimate_total": {}, "money_state": {}}},
            name=name)
        return (result or {}).get("records", [])

    def trip_form(self, trip_id):
        return self.call("intl.trip", "web_read", [[trip_id]], {"specification": {
            "name": {}, "state": {}, "purpose": {}, "estimate_total": {}, "submission_issues": {},
            "estimate_line_ids": {"fields": {"name": {}, "amount_company": {}}},
            "document_line_ids": {"fields": {"display_name": {}, "state": {}, "required": {}}},
            "approval_line_ids": {"fields": {"name": {}, "state": {}}},
        }}, name="trip: form")

    def approve_one(self, state, name):
        """Open a trip waiting at this role's step and approve it (a colleague may be first)."""
        waiting = self.trips([("state", "=", state)], name=f"trips: list {state}")
        if not waiting:
            return None
        # the first few of the inbox: several approvers often open the same record
        trip = random.choice(waiting[:5])
        self.think()
        self.trip_form(trip["id"])
        self.think()
        return self.call("intl.trip", "action_approval_approve", [[trip["id"]]], name=name)


class Requester(OdooUser):
    """A member of staff applying for trips and reporting on them."""
    weight = 6
    login = "requester"

    @task(3)
    def browse(self):
        self.home()
        self.think()
        for trip in self.trips([])[:2]:
            self.think()
            self.trip_form(trip["id"])

    @task(2)
    def apply(self):
        self.home()
        self.think()
        categories = self.call("intl.trip.expense.category", "search_read", [[]], {
            "fields": ["id", "name"], "limit": 3}, name="trip: new form") or []
        countries = self.call("res.country", "search_read", [[("code", "in", ["DE", "TR", "KR"])]],
                              {"fields": ["id"]}, name="trip: new form") or []
        if not countries:
            return
        self.think()  # filling the form
        departure = date.today() + timedelta(days=30 + random.randint(0, 60))
        trip_id = self.call("intl.trip", "create", [{
            "country_id": random.choice(countries)["id"], "city": "Berlin",
            "purpose": f"Load test conference {next(_ids)}", "assignment": "Present a paper.",
            "date_departure": departure.isoformat(), "date_return": (departure + timedelta(days=4)).isoformat(),
            "estimate_line_ids": [[0, 0, {"category_id": category["id"], "name": category["name"],
                                          "quantity": 1, "unit_amount": 100000.0}]
                                  for category in categories[:2]],
        }], name="trip: create")
        if trip_id:
            trip_id = trip_id[0] if isinstance(trip_id, list) else trip_id
            self.trip_form(trip_id)
            self.think()
            self.call("intl.trip", "action_submit", [[trip_id]], name="trip: submit")

    @task(1)
    def advance_report(self):
        returned = self.trips([("state", "=", "returned"), ("no_advance", "=", False)],
                              name="trips: list returned")
        if not returned:
            return
        trip = random.choice(returned)
        self.think()
        self.call("intl.trip.advance.report", "web_search_read", [], {
            "domain": [("trip_id", "=", trip["id"])],
            "specification": {"name": {}, "state": {}, "total_amount": {}}}, name="advance report: list")
        categories = self.call("intl.trip.expense.category", "search_read", [[]], {
            "fields": ["id"], "limit": 1}, name="advance report: new form") or []
        if categories:
            self.think()  # filling the report
            self.call("intl.trip.advance.report", "create", [{
                "trip_id": trip["id"], "line_ids": [[0, 0, {
                    "category_id": categories[0]["id"], "name": "Hotel", "amount": 1000.0}]]}],
                name="advance report: create")


class UnitHead(OdooUser):
    """Unit heads: the first step of every trip; several decide from the same inbox."""
    weight = 3
    login = "head"

    @task
    def decide(self):
        self.home()
        self.think()
        self.inbox()
        self.think()
        self.approve_one("to_head", "approve: unit head")


class Officer(OdooUser):
    """DIC officers: verify the documents of a trip, then approve its DIC step."""
    weight = 2
    login = "dic.officer"

    @task
    def decide(self):
        self.home()
        self.think()
        self.inbox()
        self.think()
        waiting = self.trips([("state", "=", "to_dic")], name="trips: list to_dic")
        if not waiting:
            return
        trip = random.choice(waiting[:5])
        self.think()
        form = self.trip_form(trip["id"])
        lines = [line["id"] for line in (form or [{}])[0].get("document_line_ids", [])
                 if line.get("required") and line.get("state") != "verified"]
        if lines:
            self.think()
            attachment = self.call("ir.attachment", "create", [{
                "name": "scan.pdf", "datas": SCAN, "res_model": "intl.trip", "res_id": trip["id"]}],
                name="documents: upload")
            if attachment:
                attachment = attachment[0] if isinstance(attachment, list) else attachment
                self.call("intl.document.line", "write", [lines, {"attachment_ids": [[6, 0, [attachment]]]}],
                          name="documents: attach")
                self.check_documents(lines)
        self.think()
        self.call("intl.trip", "action_approval_approve", [[trip["id"]]], name="approve: DIC")


    def check_documents(self, lines):
        """As the officer's Check and Verify: the check form of each document, every property its
        type declares confirmed (a type that declares none is verified the same way)."""
        needs = self.call("intl.document.line", "web_read", [lines], {"specification": {"type_id": {"fields": {
            "copies": {}, "electronic_copy": {}, "original_required": {}, "notarized_copy": {},
            "apostille": {}, "seal_required": {}}}}}, name="documents: read types") or []
        for line in needs:
            doc_type = line.get("type_id") or {}
            self.think()
            action = self.call("intl.document.line", "action_check", [[line["id"]]], name="documents: check form")
            if not action:
                continue
            check = self.call("intl.document.check", "create", [{
                "line_id": line["id"], "copies": doc_type.get("copies") or 0,
                "electronic": bool(doc_type.get("electronic_copy")),
                "original": bool(doc_type.get("original_required")),
                "notarized": bool(doc_type.get("notarized_copy")),
                "apostille": bool(doc_type.get("apostille")), "seal": bool(doc_type.get("seal_required")),
            }], name="documents: check")
            if check:
                check = check[0] if isinstance(check, list) else check
                self.think()
                self.call("intl.document.check", "action_confirm", [[check]], name="documents: verify")


class Rector(OdooUser):
    """Management: the last step of trips, and the annual report."""
    weight = 1
    login = "rector"

    @task(3)
    def decide(self):
        self.home()
        self.think()
        self.inbox()
        self.think()
        self.approve_one("to_management", "approve: management")

    @task(1)
    def annual_report(self):
        reports = self.call("intl.annual.report", "web_search_read", [], {
            "domain": [], "limit": 5, "specification": {"year": {}, "state": {}}},
            name="annual report: list") or {"records": []}
        for report in reports.get("records", [])[:1]:
            self.think()
            self.call("intl.annual.report", "web_read", [[report["id"]]], {"specification": {
                "year": {}, "state": {}, "summary": {}, "trip_count": {}, "delegation_count": {},
                "agreement_in_force_count": {}, "money_total": {},
                "figure_ids": {"fields": {"display_name": {}}}}},
                name="annual report: form")


class Accountant(OdooUser):
    """The Money Desk: advances of approved trips (two accountants may pick the same trip)."""
    weight = 2
    login = "accountant"

    @task
    def pay(self):
        self.home()
        self.think()
        to_pay = self.trips([("state", "=", "approved"), ("money_state", "=", "to_pay")],
                            name="money desk: list")
        if not to_pay:
            return
        trip = random.choice(to_pay[:5])
        self.think()
        self.trip_form(trip["id"])
        self.think()
        wizard = self.call("intl.trip.payment.wizard", "create", [{"trip_id": trip["id"], "kind": "advance"}],
                           name="payment: wizard")
        if wizard:
            wizard = wizard[0] if isinstance(wizard, list) else wizard
            self.think()
            self.call("intl.trip.payment.wizard", "action_confirm", [[wizard]], name="payment: confirm")
