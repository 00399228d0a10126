from odoo import api, models
from odoo.exceptions import UserError

OFFICER = "intl_cooperation.group_intl_officer"


class IntlSelectionMixin(models.AbstractModel):
    """The selection engine of a competition: eligible applications ranked, the commission selects.

    One engine, two consumers: the intakes of double degrees (``intl.degree.intake``) and the
    calls for academic mobility (``intl.mobility.call``). A consumer has ``application_ids``
    (with ``state``, ``eligible``, ``gpa``, ``language_score``, ``rank`` and the transitions
    ``select``, ``reserve``, ``reject``), ``seats`` and ``commission_user_ids``; the commission
    never selects more candidates than the seats, and nobody but DIC appoints themselves to it.
    """

    _name = "intl.selection.mixin"
    _description = "Selection Engine"

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if not self._lifecycle_trusted() and not self.env.user.has_group(OFFICER):
            # a commission given at create (values or context defaults) is an appointment too
            for record in records:
                if self.env.user in record.commission_user_ids:
                    raise UserError(record._self_appointment_message())
        return records

    def write(self, vals):
        if "commission_user_ids" in vals and not self._lifecycle_trusted() \
                and not self.env.user.has_group(OFFICER):
            for record in self:
                new = set(record._fields["commission_user_ids"].convert_to_cache(
                    vals["commission_user_ids"], record, validate=False))
                if self.env.uid in new and self.env.user not in record.commission_user_ids:
                    raise UserError(record._self_appointment_message())
        return super().write(vals)

    def _self_appointment_message(self):
        return self.env._(
            "You cannot appoint yourself to the selection commission of %(intake)s: "
            "DIC or another coordinator does.", intake=self.display_name)

    def _selection_rank_key(self, application):
        """GPA first, then the language score, then the student ID: the same data gives the same order."""
        return (-application.gpa, -application.language_score, application.learner_id.student_code or "",
                application.id)

    def _rank_applications(self):
        """Eligible submitted applications in rank order; stores each one's rank."""
        self.ensure_one()
        candidates = self.application_ids.filtered(
            lambda a: a.state in ("submitted", "selected", "reserve") and a.eligible
        )
        ranked = candidates.sorted(self._selection_rank_key)
        others = self.application_ids - ranked
        others.filtered("rank")._lifecycle_write({"rank": 0})
        for position, application in enumerate(ranked, start=1):
            if application.rank != position:
                application._lifecycle_write({"rank": position})
        return ranked

    def _selection_decide(self):
        """The commission's decision: the best ranked within the seats selected, the next in reserve,
        the submitted ineligible ones rejected. Returns (selected, reserve, ineligible)."""
        self.ensure_one()
        ranked = self._rank_applications()
        selected = ranked[:self.seats]
        reserve = ranked[self.seats:]
        ineligible = self.application_ids.filtered(lambda a: a.state == "submitted") - ranked
        selected._lifecycle_run("select", by="system")
        reserve._lifecycle_run("reserve", by="system")
        ineligible._lifecycle_run("reject", by="system")
        return selected, reserve, ineligible
