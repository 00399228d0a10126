from odoo import models
from odoo.exceptions import AccessError, UserError
from odoo.tools.misc import format_date

COORDINATOR = "intl_cooperation.group_intl_coordinator"
OFFICER = "intl_cooperation.group_intl_officer"


class IntlMobility(models.Model):
    """The nomination letter of an outgoing participant goes to the host institution by e-mail;
    its replies land on the mobility through the alias of the outgoing mobility
    (``intl.letter.mixin``; process ``mobility_outgoing``, ``mobility.outgoing@``: ``mobility@``
    is the incoming nominations')."""

    _name = "intl.mobility"
    _inherit = ["intl.letter.mixin", "intl.mobility"]
    _intl_process_code = "mobility_outgoing"

    def action_send_nomination_mail(self):
        """DIC or the institute's coordinator sends the nomination letter to the host institution."""
        self.ensure_one()
        user = self.env.user
        if not (user.has_group(OFFICER) or user.has_group(COORDINATOR)) or self._guard_manage():
            raise AccessError(self.env._("Only DIC and the institute's coordinators send a nomination letter."))
        self.check_access("write")
        if self.direction != "outgoing" or self.state != "planned":
            raise UserError(self.env._("%(mobility)s: a nomination letter is sent for a planned outgoing mobility.",
                                       mobility=self.display_name))
        self._intl_check_partner_email()
        return self._intl_send_letter("intl_cooperation.mail_template_intl_mobility_nomination")

    def _intl_nomination_letter(self):
        """The sentences of the nomination letter, each one translatable whole in the language of
        the rendering (the partner coordinator's: kk, ru or en), its values filled in."""
        self.ensure_one()
        env = self.env

        def label(name):
            return dict(self._fields[name]._description_selection(env)).get(self[name], "")

        values = {
            "university": self.company_id.name, "participant": self.participant_name or "",
            "institute": self.institute_id.name or "", "activity": label("mobility_type"),
            "programme": label("programme_type"), "year": self.academic_year or "",
            "start": format_date(env, self.date_start), "end": format_date(env, self.date_end),
        }
        learner = self.participant_type == "learner"
        sentences = [
            env._("%(university)s nominates its student %(participant)s for a mobility at your institution "
                  "(%(activity)s, %(programme)s) in the academic year %(year)s, from %(start)s to %(end)s.",
                  **values) if learner else
            env._("%(university)s nominates its staff member %(participant)s for a mobility at your institution "
                  "(%(activity)s, %(programme)s) in the academic year %(year)s, from %(start)s to %(end)s.",
                  **values)]
        if self.institute_id:
            sentences.append(env._("The nominee studies at the %(institute)s.", **values) if learner else
                             env._("The nominee works at the %(institute)s.", **values))
        if self.agreement_id:
            sentences.append(env._("The mobility takes place under the agreement %(agreement)s.",
                                   agreement=self.agreement_id.name))
        if self.language_id and self.cefr_level:
            sentences.append(env._("The language of instruction is %(language)s; the nominee's level is %(level)s.",
                                   language=self.language_id.name, level=label("cefr_level")))
        elif self.language_id:
            sentences.append(env._("The language of instruction is %(language)s.", language=self.language_id.name))
        sentences.append(env._("We kindly ask you to confirm the acceptance of the nominee and to send the "
                               "documents of admission."))
        return {
            "number": env._("No. %(number)s", number=self.name),
            "addressee": env._("To the International Office of %(institution)s", institution=self.partner_id.name),
            "title": env._("NOMINATION LETTER"),
            "sentences": sentences,
            "signatory": env._("Director of the International Cooperation Department"),
        }
