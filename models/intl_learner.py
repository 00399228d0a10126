from odoo import api, fields, models
from odoo.exceptions import UserError

from .intl_learner_grade import DOUBLE_DEGREE_GRADES

LEVELS = [("bachelor", "Bachelor"), ("master", "Master"), ("doctoral", "Doctoral (PhD)")]
# European Qualifications Framework level of each degree level
LEVEL_EQF = {"bachelor": "6", "master": "7", "doctoral": "8"}


class IntlLearner(models.Model):
    """A learner (student, master or doctoral student) of the university.

    The university has its own student information system: ``student_code``
    and ``external_ref`` link the record to it, and the import wizard
    (``intl.learner.import``) loads learners and transcripts from its exports.
    Coordinators see their institute's learners, DIC and the Registrar
    Office all of them.
    """

    _name = "intl.learner"
    _inherit = ["mail.thread", "mail.activity.mixin", "intl.lifecycle.mixin"]
    # no status: the mixin keeps the transcript's computed figures (GPA, periods) the server's
    _lifecycle_state_field = False
    _description = "Learner"
    _order = "name, id"
    _check_company_auto = True

    name = fields.Char("Name (Latin)", required=True, tracking=True, help="As in the passport.")
    name_cyrillic = fields.Char("Name (Cyrillic)", tracking=True)
    student_code = fields.Char("Student ID", required=True, tracking=True, index=True, copy=False)
    external_ref = fields.Char("Student System Reference", copy=False,
                               help="Key of the learner in the university's student information system.")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    active = fields.Boolean(default=True)
    institute_id = fields.Many2one(
        "hr.department", "Institute", required=True, tracking=True, index=True, check_company=True,
        domain=[("intl_kind", "=", "institute")],
    )
    department_id = fields.Many2one(
        "hr.department", "Graduating Department", tracking=True, check_company=True,
        domain="[('intl_kind', '=', 'academic')]",
    )
    programme = fields.Char("Educational Programme", tracking=True,
                            help="Code and name, e.g. 6B06102 Computer Science.")
    level = fields.Selection(LEVELS, required=True, default="bachelor", tracking=True)
    eqf_level = fields.Char("EQF Level", compute="_compute_eqf_level")
    year_of_study = fields.Integer("Year of Study", default=1, tracking=True)
    country_id = fields.Many2one("res.country", "Citizenship", default=lambda self: self.env.ref("base.kz"))
    is_foreign = fields.Boolean("Foreign Citizen", compute="_compute_is_foreign", store=True)
    email = fields.Char()
    phone = fields.Char()
    partner_id = fields.Many2one("res.partner", "Contact", help="Contact card of the learner, if any.")
    grade_ids = fields.One2many("intl.learner.grade", "learner_id", "Transcript")
    language_ids = fields.One2many("intl.learner.language", "learner_id", "Languages")
    gpa = fields.Float("GPA", compute="_compute_transcript", store=True, digits=(4, 2),
                       help="Credit-weighted grade point average on the 4.0 scale.")
    credits_total = fields.Float("Credits", compute="_compute_transcript", store=True, digits=(6, 1))
    period_count = fields.Integer(
        "Completed Academic Periods", compute="_compute_transcript", store=True,
        help="Terms with grades at the home university.",
    )
    grades_double_degree_ok = fields.Boolean(
        "Grades A to B- Only", compute="_compute_transcript", store=True,
        help="Every grade is A, A-, B+, B or B- (DP 717 5.6.1).",
    )
    application_ids = fields.One2many("intl.degree.application", "learner_id", "Double-Degree Applications")
    mobility_ids = fields.One2many("intl.mobility", "learner_id", "Mobility")
    mobility_count = fields.Integer(compute="_compute_mobility_count")

    _sql_constraints = [
        ("student_code_uniq", "unique(company_id, student_code)", "A learner with this student ID already exists."),
    ]

    @api.depends("level")
    def _compute_eqf_level(self):
        for learner in self:
            learner.eqf_level = LEVEL_EQF.get(learner.level, "")

    @api.depends("country_id")
    def _compute_is_foreign(self):
        home = self.env.ref("base.kz")
        for learner in self:
            learner.is_foreign = bool(learner.country_id) and learner.country_id != home

    @api.depends("grade_ids.grade", "grade_ids.credits", "grade_ids.source", "grade_ids.academic_year",
                 "grade_ids.term")
    def _compute_transcript(self):
        for learner in self:
            home = learner.grade_ids.filtered(lambda g: g.source == "home")
            credits = sum(learner.grade_ids.mapped("credits"))
            learner.credits_total = credits
            learner.gpa = (
                round(sum(g.points * g.credits for g in learner.grade_ids) / credits, 2) if credits else 0.0
            )
            learner.period_count = len({g._period_key() for g in home})
            learner.grades_double_degree_ok = bool(learner.grade_ids) and all(
                g.grade in DOUBLE_DEGREE_GRADES for g in learner.grade_ids
            )

    def _compute_mobility_count(self):
        counts = dict(self.env["intl.mobility"]._read_group(
            [("learner_id", "in", self.ids)], ["learner_id"], ["__count"]))
        for learner in self:
            learner.mobility_count = counts.get(learner, 0)

    def _compute_display_name(self):
        for learner in self:
            learner.display_name = f"{learner.name} ({learner.student_code})" if learner.student_code else learner.name

    @api.model
    def _name_search(self, name, domain=None, operator="ilike", limit=None, order=None):
        if name and operator in ("ilike", "like", "=", "=ilike"):
            domain = [*(domain or []), "|", "|", ("name", operator, name), ("name_cyrillic", operator, name),
                      ("student_code", operator, name)]
            return self._search(domain, limit=limit, order=order)
        return super()._name_search(name, domain, operator, limit, order)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        for learner in self:
            if learner.application_ids or learner.mobility_ids:
                raise UserError(self.env._(
                    "%(learner)s has applications or mobility records: archive the learner instead.",
                    learner=learner.display_name,
                ))

    def action_view_mobility(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Mobility"),
            "res_model": "intl.mobility",
            "view_mode": "list,form",
            "domain": [("learner_id", "=", self.id)],
            "context": {"default_learner_id": self.id, "default_participant_type": "learner"},
        }

    def action_print_transcript(self):
        """Transcript printed in Russian or English (``lang`` in the context), as the dossier asks."""
        lang = self.env.context.get("transcript_lang", "en_US")
        return self.env.ref("intl_cooperation.intl_learner_report_transcript").with_context(
            lang=lang).report_action(self)

    def _grades_by_period(self):
        """``[(academic year, term label, grades)]`` in chronological order, for the transcript."""
        self.ensure_one()
        terms = dict(self.env["intl.learner.grade"]._fields["term"]._description_selection(self.env))
        periods = {}
        for grade in self.grade_ids.sorted(lambda g: (g.academic_year, g.term, g.id)):
            periods.setdefault((grade.academic_year, grade.term), self.env["intl.learner.grade"])
            periods[(grade.academic_year, grade.term)] |= grade
        return [(year, terms.get(term, term), grades) for (year, term), grades in periods.items()]

    def _intl_under_evaluation(self):
        """The learners of ``self`` an intake's commission is evaluating: their transcript and
        certificates are what it ranks, so they stay as submitted until it decides."""
        # sudo: the intake's status decides, whoever edits the transcript
        applications = self.sudo().application_ids.filtered(
            lambda app: app.intake_id.state == "evaluation" and app.state in ("submitted", "reserve"))
        return applications.learner_id.with_env(self.env)
