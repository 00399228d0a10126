from datetime import timedelta
from unittest.mock import patch

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .agreement_common import AgreementCommon


@tagged("post_install", "-at_install")
class TestAgreementLifecycle(AgreementCommon):

    def test_whole_lifecycle(self):
        agreement = self._create_agreement()
        self.assertRegex(agreement.name, r"^AGR/\d{4}/\d{4}$")
        self.assertEqual(agreement.state, "draft")
        self.assertEqual(len(agreement.document_line_ids), 4, "memo, proposal, draft agreement, signed scan")

        self._attach_memo(agreement)
        agreement.with_user(self.user_coordinator).action_submit()
        self.assertEqual(agreement.state, "submitted")
        agreement.with_user(self.user_officer).action_approval_submit()
        self.assertEqual(agreement.state, "dic_review")
        self.assertIn(self.user_dic_director, agreement.approval_user_ids)

        self._verify_memo(agreement)
        agreement.with_user(self.user_officer).action_start_negotiation()
        self.assertEqual(agreement.state, "negotiation")
        agreement.with_user(self.user_officer).action_draft_ready()
        self.assertEqual(agreement.state, "drafting")
        self._fill_draft(agreement)
        agreement.with_user(self.user_dic_director).action_approval_approve()
        self.assertEqual(agreement.state, "legal_review")
        self.assertEqual(agreement.approval_user_ids & self.user_legal, self.user_legal)
        agreement.with_user(self.user_legal).action_approval_approve()
        self.assertEqual(agreement.state, "management")
        agreement.with_user(self.user_management).action_approval_approve()
        self.assertEqual(agreement.state, "approved")
        self.assertFalse(agreement.approval_user_ids)
        self.assertEqual(set(agreement.approval_line_ids.mapped("state")), {"approved"})

        self._fill_signing(agreement)
        self._attach(agreement, self.type_scan)
        agreement.with_user(self.user_coordinator).action_sign()
        self.assertEqual(agreement.state, "in_force", "effective from the later signature, already past")
        self.assertEqual(agreement.date_signed, self.today - timedelta(days=1))
        self.assertEqual(agreement.date_start, agreement.date_signed)
        self.assertEqual(sorted(agreement.copy_ids.mapped("holder")), ["accounting", "dic", "institute"])
        self.assertEqual(agreement.copy_ids.filtered(lambda c: c.copy_type == "original").holder, "accounting")
        # written notification of DIC: a message to the curator and an activity to receive the copy
        notification = agreement.message_ids.filtered(lambda m: "Notification of DIC" in (m.body or ""))
        self.assertTrue(notification)
        self.assertIn(self.user_officer.partner_id, notification.partner_ids)
        copy_type = self.env.ref("intl_cooperation.mail_activity_type_agreement_copy")
        activity = agreement.activity_ids.filtered(lambda a: a.activity_type_id == copy_type)
        self.assertEqual(activity.user_id, self.user_officer)
        self.assertEqual(agreement.date_dic_notified, self.today)

        agreement.with_user(self.user_officer).action_dic_copy_received()
        self.assertEqual(agreement.date_dic_copy_received, self.today)
        self.assertEqual(agreement.copy_ids.filtered(lambda c: c.holder == "dic").date_received, self.today)
        self.assertFalse(agreement.activity_ids.filtered(lambda a: a.activity_type_id == copy_type))
        self.assertEqual(self.partner_institution.intl_cooperation_status, "active")

    def test_submit_requires_memo_and_proposal(self):
        agreement = self._create_agreement()
        self._attach(agreement, self.type_memo)
        with self.assertRaisesRegex(UserError, "403-10"):
            agreement.with_user(self.user_coordinator).action_submit()
        self.assertEqual(agreement.state, "draft")

    def test_signing_without_scan_refused(self):
        agreement = self._create_agreement()
        self._to_approved(agreement)
        self._fill_signing(agreement)
        with self.assertRaisesRegex(UserError, "signed scan"):
            agreement.with_user(self.user_coordinator).action_sign()
        self.assertEqual(agreement.state, "approved")

    def test_signing_needs_signatories(self):
        agreement = self._create_agreement()
        self._to_approved(agreement)
        self._attach(agreement, self.type_scan)
        with self.assertRaisesRegex(UserError, "Signatory of the Partner"):
            agreement.with_user(self.user_coordinator).action_sign()

    def test_future_effective_date_stays_signed(self):
        agreement = self._create_agreement()
        self._to_approved(agreement)
        self._fill_signing(agreement, date_start_custom=True, date_start=self.today + timedelta(days=10))
        self._attach(agreement, self.type_scan)
        agreement.with_user(self.user_coordinator).action_sign()
        self.assertEqual(agreement.state, "signed")
        with freeze_time(self.today + timedelta(days=10)):
            self.env["intl.agreement.reminder"]._cron_agreement_expiry()
        self.assertEqual(agreement.state, "in_force")

    def test_out_of_turn_approval_refused(self):
        agreement = self._create_agreement()
        self._to_drafting(agreement)
        with self.assertRaises(UserError):
            agreement.with_user(self.user_management).action_approval_approve()
        with self.assertRaises(UserError):
            agreement.with_user(self.user_officer).action_approval_approve()
        self.assertEqual(agreement.state, "drafting")

    def test_dic_director_approves_the_draft_only(self):
        agreement = self._create_agreement()
        self._to_dic_review(agreement)
        self._verify_memo(agreement)
        with self.assertRaisesRegex(UserError, "draft agreement"):
            agreement.with_user(self.user_dic_director).action_approval_approve()

    def test_rejection_returns_to_draft(self):
        agreement = self._create_agreement()
        self._to_drafting(agreement)
        agreement.with_user(self.user_dic_director).action_approval_approve()
        wizard = self.env["intl.approval.reject"].with_user(self.user_legal).with_context(
            active_model="intl.agreement", active_ids=agreement.ids).create({"reason": "Article 7 is unlawful"})
        wizard.action_reject()
        self.assertEqual(agreement.state, "draft")
        self.assertIn("Article 7", agreement.approval_line_ids.filtered(lambda line: line.state == "rejected").comment)

    def test_signing_languages(self):
        agreement = self._create_agreement()
        agreement.sign_lang_foreign_id = self.lang_de  # the partner is German
        agreement.sign_lang_foreign_id = self.lang_en
        with self.assertRaises(ValidationError):
            agreement.sign_lang_foreign_id = self.lang_fr

    def test_effective_date_defaults_to_later_signature(self):
        agreement = self._create_agreement()
        with Form(agreement.with_user(self.user_coordinator)) as form:
            form.date_sign_university = self.today - timedelta(days=2)
            form.date_sign_partner = self.today - timedelta(days=9)
            self.assertEqual(form.date_start, self.today - timedelta(days=2))
            form.date_start_custom = True
            form.date_start = self.today + timedelta(days=30)
        self.assertEqual(agreement.date_start, self.today + timedelta(days=30))
        self.assertEqual(agreement.date_signed, self.today - timedelta(days=2))

    def test_signed_agreement_locked_except_by_annex(self):
        agreement = self._to_signed(self._create_agreement())
        other = self.env["res.partner"].create({
            "name": "Other University", "is_intl_institution": True, "country_id": self.env.ref("base.fr").id,
        })
        for vals in ({"partner_id": other.id}, {"date_end": self.today + timedelta(days=9000)},
                     {"signatory_partner": "Someone Else"}, {"partner_ids": [fields.Command.link(other.id)]}):
            with self.assertRaisesRegex(UserError, "annex"):
                agreement.with_user(self.user_officer).write(vals)
        # same value and execution fields are fine
        agreement.with_user(self.user_officer).write({
            "signatory_partner": agreement.signatory_partner,
            "financial_terms": "Each party bears its own costs.",
        })
        agreement.with_user(self.user_coordinator).write({"plan_line_ids": [fields.Command.create({
            "name": "Guest lecture", "date_deadline": self.today + timedelta(days=40),
        })]})
        self.assertEqual(len(agreement.plan_line_ids), 1)

    def test_deleting_signed_agreement_refused(self):
        agreement = self._to_signed(self._create_agreement())
        with self.assertRaises(UserError):
            agreement.with_user(self.user_dic_director).unlink()
        with self.assertRaises(UserError):
            agreement.with_user(self.user_officer).action_cancel()
        draft = self._create_agreement()
        draft.with_user(self.user_dic_director).unlink()
        self.assertFalse(draft.exists())

    def test_cancel_and_reset(self):
        agreement = self._create_agreement()
        self._to_drafting(agreement)
        agreement.with_user(self.user_coordinator).action_cancel()
        self.assertEqual(agreement.state, "cancel")
        self.assertFalse(agreement.approval_user_ids)
        self.assertFalse(agreement.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("intl_cooperation.mail_activity_type_approval")))
        agreement.with_user(self.user_coordinator).action_reset_draft()
        self.assertEqual(agreement.state, "draft")

    def test_terminate(self):
        agreement = self._to_signed(self._create_agreement())
        agreement.plan_line_ids = [fields.Command.create({
            "name": "Summer school", "date_deadline": self.today + timedelta(days=60)})]
        action = agreement.with_user(self.user_officer).action_terminate()
        wizard = self.env[action["res_model"]].with_user(self.user_officer).with_context(**action["context"])
        with self.assertRaises(UserError):
            wizard.create({"reason": "  "}).action_terminate()
        wizard.create({"reason": "Notice given by the partner", "date": self.today}).action_terminate()
        self.assertEqual(agreement.state, "terminated")
        self.assertEqual(agreement.date_terminated, self.today)
        self.assertEqual(agreement.plan_line_ids.state, "cancelled")
        self.assertEqual(self.partner_institution.intl_cooperation_status, "expired")
        with self.assertRaises(UserError):
            agreement.with_user(self.user_coordinator).action_terminate()

    def test_renewal_copies_partners_forms_contacts(self):
        further = self.env["res.partner"].create({
            "name": "Partner Two", "is_intl_institution": True, "country_id": self.env.ref("base.pl").id,
        })
        agreement = self._to_signed(self._create_agreement(partner_ids=[fields.Command.set(further.ids)]))
        agreement.plan_line_ids = [fields.Command.create({
            "name": "Joint paper", "date_deadline": self.today + timedelta(days=60)})]
        action = agreement.with_user(self.user_coordinator).action_renew()
        renewal = self.env["intl.agreement"].browse(action["res_id"])
        self.assertEqual(renewal.state, "draft")
        self.assertEqual(renewal.previous_id, agreement)
        self.assertNotEqual(renewal.name, agreement.name)
        self.assertEqual(renewal.partner_id, agreement.partner_id)
        self.assertEqual(renewal.partner_ids, further)
        self.assertEqual(renewal.form_ids, agreement.form_ids)
        self.assertEqual(renewal.contact_employee_ids, agreement.contact_employee_ids)
        self.assertEqual(renewal.institute_id, agreement.institute_id)
        self.assertFalse(renewal.date_signed or renewal.date_end or renewal.plan_line_ids or renewal.copy_ids)
        self.assertIn(renewal, agreement.renewal_ids)
        with self.assertRaises(UserError):
            renewal.action_renew()

    def test_partner_status(self):
        self.assertEqual(self.partner_institution.intl_cooperation_status, "prospect")
        agreement = self._create_agreement()
        self.assertEqual(self.partner_institution.intl_cooperation_status, "prospect")
        self._to_signed(agreement)
        self.assertEqual(self.partner_institution.intl_cooperation_status, "active")
        self.assertEqual(self.partner_institution.intl_agreement_count, 1)
        agreement._lifecycle_run("expire", by="system")
        self.assertEqual(self.partner_institution.intl_cooperation_status, "expired")
        action = self.partner_institution.action_open_intl_agreements()
        self.assertEqual(self.env["intl.agreement"].search(action["domain"]), agreement)

    def test_partner_status_only_from_the_states_that_matter(self):
        """The party's and the further partners' status follow signing and expiry; the steps of
        the approval (draft to approved) say nothing of them: their status is not recomputed."""
        further = self.env["res.partner"].create({
            "name": "Second Technical University", "is_intl_institution": True,
            "country_id": self.env.ref("base.fr").id,
        })
        agreement = self._create_agreement(partner_ids=[fields.Command.set(further.ids)])
        partners = self.partner_institution | further
        self.assertEqual(partners.mapped("intl_cooperation_status"), ["prospect", "prospect"])
        Partner = type(self.env["res.partner"])
        with patch.object(Partner, "_intl_cooperation_statuses", autospec=True,
                          side_effect=Partner._intl_cooperation_statuses) as statuses:
            self._to_approved(agreement)
            self.env.flush_all()
            statuses.assert_not_called()
            self._fill_signing(agreement)
            self._attach(agreement, self.type_scan)
            agreement.with_user(self.user_coordinator).action_sign()
            self.assertEqual(partners.mapped("intl_cooperation_status"), ["active", "active"])
            self.assertEqual(statuses.call_count, 1, "one recomputation for both partners")
        agreement._lifecycle_run("expire", by="system")
        self.assertEqual(partners.mapped("intl_cooperation_status"), ["expired", "expired"])
        agreement._lifecycle_run("revive", by="system")
        self.assertEqual(partners.mapped("intl_cooperation_status"), ["active", "active"])

    def test_name_and_contact_persons_read_by_the_approval(self):
        """The display name and the approval's summary name the partner as it is named now; the
        first contact person (in the employees' order) never decides the approval, whatever
        the agreements read together."""
        first = self._create_agreement()
        second = self._create_agreement(
            contact_employee_ids=[fields.Command.set((self.employee_head | self.employee_requester_other).ids)])
        self.partner_institution.name = "Renamed Technical University"
        self.assertEqual(first.display_name, f"{first.name} Renamed Technical University")
        self.assertEqual(first._approval_summary()[first.id]["who"], "Renamed Technical University")
        self.env.invalidate_all()
        agreements = self.env["intl.agreement"].browse((first | second).ids)
        contacts = (self.employee_head | self.employee_requester_other).sorted("name")
        self.assertIn(self.user_requester, agreements[0]._approval_excluded_users())
        self.assertEqual(agreements[1]._approval_employee(), contacts[:1])
        self.assertIn(contacts[:1].user_id, agreements[1]._approval_excluded_users())
        self.assertNotIn(contacts[1:].user_id, agreements[1]._approval_excluded_users())
        contacts[:1].active = False
        self.env.invalidate_all()
        self.assertEqual(self.env["intl.agreement"].browse(second.id)._approval_employee(), contacts[1:])
        self.assertEqual(self.employee_requester.intl_agreement_count, 1)


@tagged("post_install", "-at_install")
class TestAgreementExecution(AgreementCommon):

    def test_annex_extends_expiry_with_history(self):
        agreement = self._to_signed(self._create_agreement())
        first_end = agreement.date_end
        with self.assertRaises(UserError):
            self._create_annex(self._create_agreement())
        annex = self._create_annex(agreement, "1", summary="Extension by two years", changes_expiry=True,
                                   date_end_new=first_end + timedelta(days=730))
        # reviewed and signed, then in force: only then the expiry date moves
        self._annex_signed(self._annex_approved(annex))
        self.assertEqual(annex.state, "in_force")
        self.assertEqual(agreement.date_end, first_end + timedelta(days=730))
        self.assertEqual(annex.date_end_previous, first_end)
        self.assertEqual(agreement.expiry_change_ids, annex)
        second = self._annex_signed(self._annex_approved(self._create_annex(
            agreement, "2", summary="New form of cooperation")))
        self.assertEqual(second.state, "in_force")
        self.assertEqual(agreement.date_end, first_end + timedelta(days=730))
        self.assertEqual(agreement.annex_count, 2)
        self.assertEqual(agreement.expiry_change_ids, annex)
        with self.assertRaises(UserError):
            annex.with_user(self.user_officer).write({"date_end_new": first_end})
        with self.assertRaises(UserError):
            annex.with_user(self.user_dic_director).unlink()
        with self.assertRaises(ValidationError):
            self._create_annex(agreement, "3", changes_expiry=True)

    def test_annex_revives_expired_agreement(self):
        agreement = self._to_signed(self._create_agreement())
        agreement._lifecycle_run("expire", by="system")
        self._annex_signed(self._annex_approved(self._create_annex(
            agreement, "1", summary="Extension", changes_expiry=True,
            date_end_new=self.today + timedelta(days=365))))
        self.assertEqual(agreement.state, "in_force")

    def test_cron_reminds_once_and_expires(self):
        agreement = self._to_signed(self._create_agreement())
        agreement._lifecycle_write({"date_end": self.today + timedelta(days=80)})
        expiry_type = self.env.ref("intl_cooperation.mail_activity_type_agreement_expiry")
        self.env["intl.agreement.reminder"]._cron_agreement_expiry()
        self.env["intl.agreement.reminder"]._cron_agreement_expiry()
        self.assertEqual(agreement.reminder_ids.mapped("lead_days"), [90])
        self.assertEqual(agreement.reminder_ids.user_ids, self.user_requester | self.user_officer)
        activities = agreement.activity_ids.filtered(lambda a: a.activity_type_id == expiry_type)
        self.assertEqual(activities.user_id, self.user_requester | self.user_officer)
        with freeze_time(self.today + timedelta(days=55)):
            self.env["intl.agreement.reminder"]._cron_agreement_expiry()
            self.env["intl.agreement.reminder"]._cron_agreement_expiry()
        self.assertEqual(sorted(agreement.reminder_ids.mapped("lead_days")), [30, 90])
        self.assertEqual(agreement.state, "in_force")
        with freeze_time(self.today + timedelta(days=80)):
            self.env["intl.agreement.reminder"]._cron_agreement_expiry()
        self.assertEqual(agreement.state, "in_force", "still valid on its expiry date")
        with freeze_time(self.today + timedelta(days=81)):
            self.env["intl.agreement.reminder"]._cron_agreement_expiry()
            self.env["intl.agreement.reminder"]._cron_agreement_expiry()
        self.assertEqual(agreement.state, "expired")
        self.assertEqual(len(agreement.reminder_ids), 2)
        self.assertEqual(self.partner_institution.intl_cooperation_status, "expired")

    def test_cron_lead_times_configurable(self):
        self.env["ir.config_parameter"].set_param("intl_cooperation.agreement_reminder_days", "60, 14")
        agreement = self._to_signed(self._create_agreement())
        agreement._lifecycle_write({"date_end": self.today + timedelta(days=80)})
        self.env["intl.agreement.reminder"]._cron_agreement_expiry()
        self.assertFalse(agreement.reminder_ids)
        with freeze_time(self.today + timedelta(days=20)):
            self.env["intl.agreement.reminder"]._cron_agreement_expiry()
        self.assertEqual(agreement.reminder_ids.lead_days, 60)

    def test_cron_auto_renewal(self):
        agreement = self._to_signed(self._create_agreement(), auto_renew=True, renewal_months=12)
        end = self.today + timedelta(days=10)
        agreement._lifecycle_write({"date_end": end})
        with freeze_time(end + timedelta(days=1)):
            self.env["intl.agreement.reminder"]._cron_agreement_expiry()
        self.assertEqual(agreement.state, "in_force")
        self.assertEqual(agreement.date_end, fields.Date.add(end, months=12))

    def test_overdue_plan_line_activity(self):
        agreement = self._to_signed(self._create_agreement())
        agreement.plan_line_ids = [fields.Command.create({
            "name": "Guest lecture", "employee_id": self.employee_requester.id,
            "form_id": self.form_visits.id, "date_deadline": self.today - timedelta(days=1),
        })]
        line = agreement.plan_line_ids
        self.env["intl.agreement.reminder"]._cron_agreement_expiry()
        self.env["intl.agreement.reminder"]._cron_agreement_expiry()
        self.assertEqual(line.state, "overdue")
        overdue_type = self.env.ref("intl_cooperation.mail_activity_type_plan_overdue")
        activity = agreement.activity_ids.filtered(lambda a: a.activity_type_id == overdue_type)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.user_requester)
        # the summary is the module's words (each reader's language), the line's typed name the note
        self.assertEqual(activity.summary, "Overdue plan activity")
        self.assertIn("Guest lecture", str(activity.note))
        line.with_user(self.user_requester).write({"outcome": "Lecture given"})
        line.with_user(self.user_requester).action_done()
        self.assertFalse(activity.exists())

    def test_cron_query_count_does_not_grow(self):
        """The cron searches what needs action: idle agreements cost no query."""
        base = self._to_signed(self._create_agreement())

        def populate(count):
            partner = self.env["res.partner"].create({
                "name": f"Bulk University {count}", "is_intl_institution": True,
                "country_id": self.env.ref("base.it").id,
            })
            vals = {
                "title": "Bulk", "partner_id": partner.id, "kind_id": self.kind_memo.id,
                "institute_id": self.institute.id, "state": "in_force",
                "date_sign_university": self.today, "date_sign_partner": self.today,
            }
            # bulk fixtures of agreements already in force: created through the engine path
            idle = self.env["intl.agreement"]._lifecycle_create([
                dict(vals, date_end=self.today + timedelta(days=40), reminder_lead_sent=90)
                for _i in range(count)
            ] + [dict(vals, date_end=self.today + timedelta(days=4000)) for _i in range(count)])
            expired = self.env["intl.agreement"]._lifecycle_create([
                dict(vals, state="expired", date_sign_university=self.today - timedelta(days=400),
                     date_sign_partner=self.today - timedelta(days=400), date_end=self.today - timedelta(days=10))
                for _i in range(count)
            ])
            due = self.env["intl.agreement"]._lifecycle_create([
                dict(vals, date_end=self.today + timedelta(days=85), curator_id=self.user_officer.id),
                dict(vals, date_end=self.today + timedelta(days=20), curator_id=self.user_officer.id),
                dict(vals, date_end=self.today - timedelta(days=1), date_sign_university=self.today - timedelta(days=9),
                     date_sign_partner=self.today - timedelta(days=9)),
            ])
            return idle | expired, due

        def prepare(count):
            records = populate(count)
            self.env.flush_all()
            self.cr.flush()  # as assertQueryCount does: tracking of the creation is written now
            self.env.invalidate_all()
            return records

        def check_and_tidy(idle, due):
            self.assertEqual(due.mapped("state"), ["in_force", "in_force", "expired"])
            self.assertEqual(due.mapped("reminder_lead_sent"), [90, 30, 0])
            self.assertFalse(idle.reminder_ids)
            # tidy so that the next run finds the same amount of due work
            (idle | due)._lifecycle_write({"state": "terminated"})

        self.assertTrue(base)
        idle, due = prepare(10)  # warm-up run
        self.env["intl.agreement.reminder"]._cron_agreement_expiry()
        check_and_tidy(idle, due)

        idle, due = prepare(10)
        start = self.cr.sql_log_count
        self.env["intl.agreement.reminder"]._cron_agreement_expiry()
        self.env.flush_all()
        self.cr.flush()
        small = self.cr.sql_log_count - start
        check_and_tidy(idle, due)

        idle, due = prepare(200)
        with self.assertQueryCount(small):
            self.env["intl.agreement.reminder"]._cron_agreement_expiry()
        check_and_tidy(idle, due)


@tagged("post_install", "-at_install")
class TestAgreementAccess(AgreementCommon):

    @staticmethod
    def _read_as(record, user, fname):
        """What ``user`` reads of ``record`` from the database, not from the creator's cache."""
        record = record.with_user(user)
        record.invalidate_recordset()
        return record.read([fname])[0][fname]

    def test_coordinator_of_other_institute_cannot_read(self):
        agreement = self._create_agreement()
        with self.assertRaises(AccessError):
            agreement.with_user(self.user_coordinator_other).read(["title"])
        self.assertFalse(self.env["intl.agreement"].with_user(self.user_coordinator_other).search(
            [("id", "=", agreement.id)]))
        self.assertEqual(self.env["intl.agreement"].with_user(self.user_coordinator).search(
            [("id", "=", agreement.id)]), agreement)

    def test_coordinator_creates_for_own_institute_only(self):
        with self.assertRaises(AccessError):
            self._create_agreement(institute_id=self.other_institute.id)
        self.assertTrue(self._create_agreement())

    def test_dic_sees_all(self):
        agreement = self._create_agreement(user=self.user_coordinator_other, institute_id=self.other_institute.id)
        self.assertEqual(self._read_as(agreement, self.user_officer, "title"), agreement.sudo().title)

    def test_requester_reads_only_as_contact_person(self):
        agreement = self._create_agreement()
        other = self._create_agreement(contact_employee_ids=[])
        self.assertEqual(self._read_as(agreement, self.user_requester, "title"), agreement.sudo().title)
        with self.assertRaises(AccessError):
            other.with_user(self.user_requester).read(["title"])
        with self.assertRaises(AccessError):
            agreement.with_user(self.user_requester).write({"title": "Mine now"})
        with self.assertRaises(AccessError):
            agreement.with_user(self.user_requester_other).read(["title"])

    def test_legal_acts_only_at_its_step(self):
        agreement = self._create_agreement()
        self._to_drafting(agreement)
        with self.assertRaises(AccessError):
            agreement.with_user(self.user_legal).read(["title"])
        agreement.with_user(self.user_dic_director).action_approval_approve()
        # at its step the Legal Reviewer reads and may annotate the draft
        agreement.with_user(self.user_legal).write({"financial_terms": "Each party bears its own costs."})
        agreement.with_user(self.user_legal).action_approval_approve()
        self.assertEqual(agreement.state, "management")
        with self.assertRaises(AccessError):
            agreement.with_user(self.user_legal).write({"financial_terms": "Changed after its step"})
        self.assertEqual(self._read_as(agreement, self.user_legal, "title"), agreement.sudo().title,
                         "still reads what it reviewed")

    def test_management_acts_only_at_its_step(self):
        agreement = self._create_agreement()
        self._to_drafting(agreement)
        self.assertEqual(self._read_as(agreement, self.user_management, "title"), agreement.sudo().title)
        with self.assertRaises(AccessError):
            agreement.with_user(self.user_management).write({"financial_terms": "Not yet my step"})
        with self.assertRaises(UserError):
            agreement.with_user(self.user_management).action_approval_approve()

    def test_coordinator_cannot_start_review_or_terminate(self):
        agreement = self._create_agreement()
        self._attach_memo(agreement)
        agreement.with_user(self.user_coordinator).action_submit()
        with self.assertRaises(UserError):
            agreement.with_user(self.user_coordinator).action_approval_submit()
        with self.assertRaises(UserError):
            agreement.with_user(self.user_coordinator).action_start_negotiation()

    def test_accountant_reads_signed_agreements_and_keeps_the_original(self):
        draft = self._create_agreement()
        signed = self._to_signed(self._create_agreement())
        with self.assertRaises(AccessError):
            draft.with_user(self.user_accountant).read(["title"])
        original = signed.copy_ids.filtered(lambda c: c.copy_type == "original")
        original.with_user(self.user_accountant).write({"location": "Safe 2, folder 14"})
        with self.assertRaises(AccessError):
            signed.with_user(self.user_accountant).write({"financial_terms": "x"})

    def test_other_coordinator_cannot_touch_plan_lines(self):
        agreement = self._to_signed(self._create_agreement())
        agreement.plan_line_ids = [fields.Command.create({
            "name": "Guest lecture", "date_deadline": self.today + timedelta(days=60)})]
        with self.assertRaises(AccessError):
            agreement.plan_line_ids.with_user(self.user_coordinator_other).read(["name"])
