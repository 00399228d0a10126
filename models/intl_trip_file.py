from odoo import api, fields, models
from odoo.tools.translate import LazyTranslate

from ..tools import intl_message

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation


class IntlTrip(models.Model):
    """§5.3: a draft whose departure passed without submission is flagged.

    The procedure counts a departure without properly completed documents as an
    absence: the traveller and the unit head are told once, by the daily cron.
    """

    _inherit = "intl.trip"

    unsubmitted_flagged_on = fields.Date(
        "Departure Passed Unsubmitted", copy=False, readonly=True, index=True,
        help="When the traveller and the unit head were told that the departure date passed "
             "without the application being submitted.")

    def _lifecycle_protected_fields(self):
        return super()._lifecycle_protected_fields() | {"unsubmitted_flagged_on"}

    # batches of 100, as the other crons: a run costs the same queries whatever the number
    # of drafts waiting (the cron runner calls again at once while work remains)
    @api.model
    def _cron_flag_unsubmitted(self, batch_size=100):
        """Daily: flag the drafts whose departure date passed without submission."""
        today = fields.Date.context_today(self)
        trips = self.search([("state", "=", "draft"), ("date_departure", "<", today),
                             ("unsubmitted_flagged_on", "=", False)], limit=batch_size)
        trips._flag_unsubmitted()
        self.env["ir.cron"]._notify_progress(
            done=len(trips), remaining=batch_size if len(trips) == batch_size else 0)

    def _flag_unsubmitted(self):
        """One activity for the traveller and one for the unit head, and a note on the trip."""
        if not self:
            return
        today = fields.Date.context_today(self)
        activity_type = self.env.ref("intl_cooperation.mail_activity_type_trip_unsubmitted")
        model_id = self.env["ir.model"]._get_id(self._name)
        vals_list = []
        for trip in self:
            for user in trip.user_id | trip._unit_head_users():
                in_lang = self.with_context(lang=user.lang or self.env.lang).env
                vals_list.append({
                    "res_model_id": model_id, "res_id": trip.id, "user_id": user.id,
                    "activity_type_id": activity_type.id, "date_deadline": today,
                    **intl_message.summary_vals(in_lang, _lt(
                        "%(trip)s: the departure date passed and the application was never "
                        "submitted", trip=trip.name)),
                    "note": in_lang._(
                        "A trip taken without an approved application counts as absence from "
                        "work (DP 717 §5.3). Submit the application with the allowed late "
                        "submission, or cancel the trip if it did not take place."),
                })
        if vals_list:
            # sudo: the system tells the traveller and the unit head, who may not be followers;
            # the activity is the reminder (no mail per activity)
            intl_message.trusting(self.env["mail.activity"].sudo()).with_context(
                mail_activity_quick_update=True).create(
                vals_list)
        # sudo: the system records when it told them, whoever runs the cron
        self.sudo()._lifecycle_write({"unsubmitted_flagged_on": today})
        self.sudo()._intl_message_log_batch({trip.id: _lt(
            "The departure date passed without submission: the traveller and the unit head "
            "were told.") for trip in self})
