"""Agreements at every stage, as the coordinators, DIC and the approvers move them.

DIC keeps the model agreements of the kinds (kk/ru/en); drafts start from them and
are kept in versions (one draft in negotiation has two); the annexes of TU Berlin
go through the review of DIC, Legal and Management (one in force, one in legal review).
"""
import base64
from datetime import timedelta

from odoo import Command

from ..tools.docx import MIMETYPE, make_docx
from .agreement_texts import CLAUSES, TITLES
from .common import PDF, approve_current, attach, ref, today, user

AGREEMENTS = [
    ("polimi", "submitted"), ("kaist", "dic_review"), ("mines", "negotiation"),
    ("metu", "legal_review"), ("tsinghua", "management"), ("utp", "approved"),
    ("gubkin", "signed"), ("tu_berlin", "signed"), ("freiberg", "signed"), ("bgr", "signed"),
    ("iaea", "signed"),
]
ORDER = ["draft", "submitted", "dic_review", "negotiation", "drafting", "legal_review", "management",
         "approved", "signed", "in_force"]


def coordinator_for(env, agreement):
    """The coordinator of the agreement's institute (DIC when the institute has none)."""
    for xmlid in ("user_coordinator", "user_coordinator_geo"):
        candidate = user(env, xmlid)
        if candidate.employee_id.intl_institute_id == agreement.institute_id:
            return candidate
    return user(env, "user_dic_officer")


def model_agreements(env):
    """DIC's officer adds the model agreement of each kind, its text in Kazakh, Russian and English."""
    officer = user(env, "user_dic_officer")
    Template = env["intl.agreement.template"].with_user(officer)
    for code, titles in TITLES.items():
        kind = env["intl.agreement.kind"].search([("code", "=", code)], limit=1)
        if not kind or Template._for_kind(kind):
            continue
        vals = {"name": titles["en_US"][0], "kind_id": kind.id, "date_revised": today() - timedelta(days=90),
                "note": "Texts aligned with the university charter and the current DP 717."}
        for lang, field in (("kk_KZ", "file_kk"), ("ru_RU", "file_ru"), ("en_US", "file_en")):
            vals[field] = base64.b64encode(make_docx(titles[lang][1], CLAUSES[lang]))
            vals[f"{field}_name"] = f"{titles['en_US'][0]} ({lang[:2]}).docx"
        template = Template.create(vals)
        for lang in ("kk_KZ", "ru_RU"):
            template.with_context(lang=lang).name = titles[lang][0]


def write_draft(env, agreement, coordinator, officer):
    """The institute writes the draft (from the model of its kind when it can), DIC checks it."""
    if not agreement.draft_version_ids:
        if agreement.draft_template_id and agreement.sign_lang_national:
            agreement.with_user(coordinator).action_draft_from_model()
        else:
            draft_type = env.ref("intl_cooperation.intl_document_type_draft_agreement")
            attach(env, agreement, agreement.document_line_ids.filtered(lambda line: line.type_id == draft_type),
                   coordinator)
    agreement.document_line_ids.filtered(
        lambda line: line.required and line.state == "received").with_user(officer)._do_check_all()


def advance_agreement(env, agreement, target):
    coordinator, officer = coordinator_for(env, agreement), user(env, "user_dic_officer")
    scan_type = env.ref("intl_cooperation.intl_document_type_signed_agreement")
    draft_type = env.ref("intl_cooperation.intl_document_type_draft_agreement")
    # the draft is written once negotiated (below), the scan once signed
    lines = agreement.document_line_ids.filtered(lambda line: line.type_id != draft_type)
    if target != "signed":
        lines = lines.filtered(lambda line: line.type_id != scan_type)
    attach(env, agreement, lines, coordinator)
    while ORDER.index(agreement.state) < ORDER.index(target):
        state = agreement.state
        if state == "draft":
            agreement.with_user(coordinator).action_submit()
        elif state == "submitted":
            agreement.with_user(officer).action_approval_submit()
            agreement.document_line_ids.filtered(
                lambda line: line.required and line.state == "received"
            ).with_user(officer)._do_check_all()
        elif state == "dic_review" and target != "dic_review":
            agreement.with_user(officer).action_start_negotiation()
        elif state == "negotiation":
            agreement.with_user(officer).action_draft_ready()
            write_draft(env, agreement, coordinator, officer)
        elif state == "approved":
            agreement.with_user(coordinator).action_sign()
        else:
            approve_current(agreement)


def two_versions(env):
    """Mines Paris: the draft started from the model, then a second text after the negotiation."""
    mines = ref(env, "intl_agreement_mines_demo")
    if not mines or mines.state != "negotiation" or mines.draft_version_ids:
        return
    coordinator = coordinator_for(env, mines)
    mines.with_user(coordinator).action_draft_from_model()
    text = make_docx("PROTOCOL OF INTENT - MINES PARIS - PSL (second draft)", [
        *CLAUSES["en_US"][:2],
        "2. Forms of cooperation. Joint doctoral supervision in mining engineering; exchange of learners and "
        "researchers; a joint summer school on mineral economics every second year.",
        "3. Conditions of implementation. Each Party appoints a contact person; the costs of the summer "
        "school are shared equally; the other costs are borne by the sending Party.",
        *CLAUSES["en_US"][4:],
    ])
    attachment = env["ir.attachment"].with_user(coordinator).create({
        "name": "Protocol of intent Mines Paris - draft 2.docx", "mimetype": MIMETYPE,
        "datas": base64.b64encode(text), "res_model": "intl.agreement.draft.version", "res_id": 0})
    env["intl.agreement.draft.version"].with_user(coordinator).create({
        "agreement_id": mines.id, "attachment_ids": [Command.set(attachment.ids)],
        "note": "Articles 2 and 3 as negotiated with Mines Paris: joint doctoral supervision, shared summer "
                "school costs."})


def annexes(env, tu_berlin):
    """TU Berlin: annex 1 (extension) reviewed, signed and in force; annex 2 in legal review."""
    Annex = env["intl.agreement.annex"]
    if Annex.search_count([("agreement_id", "=", tu_berlin.id)]):
        return
    coordinator = coordinator_for(env, tu_berlin)
    first = Annex.with_user(coordinator).create({
        "agreement_id": tu_berlin.id, "number": "1",
        "summary": "Extends the agreement by two years and adds a double-degree track in data science.",
        "changes_expiry": True, "date_end_new": today() + timedelta(days=1430),
        "text_file": base64.b64encode(make_docx("ANNEX 1", [
            "The term of the Cooperation Agreement is extended by two years.",
            "A double-degree track in data science is added to the forms of cooperation."])),
        "text_filename": "Annex 1 TU Berlin.docx",
    })
    second = Annex.with_user(coordinator).create({
        "agreement_id": tu_berlin.id, "number": "2",
        "summary": "Adds a joint summer school on smart grids, held in Berlin and Almaty in turn.",
        "text_file": base64.b64encode(make_docx("ANNEX 2", [
            "The Parties hold a joint summer school on smart grids every year, in Berlin and Almaty in turn."])),
        "text_filename": "Annex 2 TU Berlin.docx",
    })
    (first | second).with_user(coordinator).action_submit()
    for _step in range(3):
        approve_current(first)
    approve_current(second)  # the DIC Director: now with Legal
    first.with_user(coordinator).write({
        "date": today() - timedelta(days=5), "scan": PDF, "scan_filename": "Annex 1 TU Berlin signed.pdf"})
    first.with_user(coordinator).action_sign()


def run(env):
    model_agreements(env)
    for suffix, target in AGREEMENTS:
        agreement = ref(env, f"intl_agreement_{suffix}_demo")
        if agreement and agreement.state == "draft":
            advance_agreement(env, agreement, target)
    officer = user(env, "user_dic_officer")
    iaea = ref(env, "intl_agreement_iaea_demo")
    if iaea and iaea.state in ("signed", "in_force"):
        iaea.with_user(officer)._do_terminate(
            today() - timedelta(days=45),
            "The partner reorganised its education programme and gave notice.")
    two_versions(env)
    tu_berlin = ref(env, "intl_agreement_tu_berlin_demo")
    if tu_berlin and tu_berlin.state in ("signed", "in_force"):
        annexes(env, tu_berlin)
    cancelled = ref(env, "intl_agreement_cancel_demo")
    if cancelled and cancelled.state == "draft":
        cancelled.with_user(coordinator_for(env, cancelled)).action_cancel()
    if tu_berlin:
        done = tu_berlin.plan_line_ids.filtered(lambda line: line.outcome and line.state == "planned")
        for line in done:
            line.with_user(line.employee_id.user_id or coordinator_for(env, tu_berlin)).action_done()
    # the daily run: starts, reminds, expires, marks overdue plan lines
    env["intl.agreement.reminder"]._cron_agreement_expiry()
    if tu_berlin and not tu_berlin.date_dic_copy_received:
        tu_berlin.with_user(officer).action_dic_copy_received()
