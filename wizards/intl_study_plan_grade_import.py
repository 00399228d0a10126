import re

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from ..models.intl_learner_grade import GRADE_SCALES, convert_partner_grade
from ..tools.numbers import ROWS, count_text

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter message: each reader reads it in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

REGISTRAR_GROUP = "intl_cooperation.group_intl_registrar"
# columns of the partner's transcript of records, by their header (case and spaces do not matter)
COLUMNS = ("module", "code", "credits", "grade")
ALIASES = {
    "partner_module": "module", "module_name": "module", "course": "module",
    "partner_code": "code", "module_code": "code", "course_code": "code",
    "ects": "credits", "partner_credits": "credits", "ects_credits": "credits",
    "partner_grade": "grade", "local_grade": "grade",
}
# credits read from a transcript are equal when they differ less than this (a rounding)
CREDITS_TOLERANCE = 0.05


def _normalised(text):
    return " ".join((text or "").lower().split())


class IntlStudyPlanGradeImport(models.TransientModel):
    """The partner's transcript of records imported into an approved study plan (CSV or XLSX).

    One row per module studied at the partner: its name or code, its credits
    and the partner's grade. Each row is matched to a discipline of the plan
    and its grade converted to the module's letter grades on the partner's
    scale; the preview shows the match, the conversion and every error
    (unknown module, credits that differ from the plan's, unreadable grade).
    Nothing is written while an error remains, and only on confirmation. The
    Registrar Office imports; recognition then takes the converted grades into
    the learner's transcript.
    """

    _name = "intl.study.plan.grade.import"
    _inherit = ["intl.file.import.mixin"]
    _description = "Import the Partner's Grades"
    _import_columns = COLUMNS
    _import_aliases = ALIASES
    _import_required_columns = ("credits", "grade")

    plan_id = fields.Many2one("intl.study.plan", "Study Plan", required=True, readonly=True, ondelete="cascade")
    grade_scale = fields.Selection(GRADE_SCALES, "Partner's Grading Scale", required=True, default="letter",
                                   help="How the partner writes its grades; they are converted to the "
                                        "university's letter grades.")
    line_ids = fields.One2many("intl.study.plan.grade.import.line", "wizard_id", "Preview")
    match_count = fields.Integer("Disciplines Matched", readonly=True)
    missing_count = fields.Integer("Disciplines Without a Grade", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        wizards._check_can_import()
        return wizards

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_preview(self):
        self.ensure_one()
        self._check_can_import()
        rows, errors = self._parse()
        matched = {row["plan_line_id"] for row in rows if row["plan_line_id"]}
        self.line_ids.unlink()
        self.write({
            "state": "preview",
            "row_count": len(rows),
            "error_count": len(errors),
            "error_html": self._import_errors_html(errors),
            "match_count": len(matched),
            "missing_count": len(self.plan_id.line_ids) - len(matched),
            "line_ids": [Command.create(row) for row in rows],
        })
        return self._reopen()

    def action_import(self):
        """Write the partner's grades and their conversion on the plan's disciplines (all or nothing)."""
        self.ensure_one()
        self._check_can_import()
        rows, errors = self._parse()
        if errors:
            raise UserError(self.env._(
                "Nothing was imported: %(count)s. Correct the file and check it again.",
                count=count_text(self.env, len(errors), ROWS)))
        if not rows:
            raise UserError(self.env._("The file has no grades."))
        lines = self.env["intl.study.plan.line"].browse([row["plan_line_id"] for row in rows])
        for line, row in zip(lines, rows, strict=True):
            line.write({"partner_grade": row["partner_grade"], "converted_grade": row["converted_grade"]})
        self.plan_id._intl_message_post(
            _lt("The partner's grades imported from the file %(file)s; disciplines graded: %(count)s.",
                count=len(rows), file=self.filename or "-"),
            subtype_xmlid="mail.mt_note")
        return {"type": "ir.actions.act_window_close"}

    def _check_can_import(self):
        for wizard in self:
            if not self.env.user.has_group(REGISTRAR_GROUP):
                raise UserError(self.env._("Only the Registrar Office imports the partner's grades."))
            if wizard.plan_id.state != "approved":
                raise UserError(self.env._(
                    "%(plan)s: the partner's grades are imported into an approved plan, before recognition.",
                    plan=wizard.plan_id.display_name))

    def _import_title(self):
        return self.env._("Import the Partner's Grades")

    # ------------------------------------------------------------------
    # Checking
    # ------------------------------------------------------------------

    def _parse(self):
        """``([preview row values], [(row, message)])``: every row matched, converted and checked."""
        rows = self._import_read_rows()
        if not rows:
            raise UserError(self.env._("The file has no grades."))
        plan_lines = self.plan_id.line_ids
        by_name, by_code = {}, {}
        for line in plan_lines:
            by_name.setdefault(_normalised(line.partner_discipline), line)
            if line.discipline_id.partner_code:
                by_code.setdefault(_normalised(line.discipline_id.partner_code), line)
        scale_label = dict(self._fields["grade_scale"]._description_selection(self.env))[self.grade_scale]
        result, errors, seen = [], [], {}
        for number, values in rows:
            problems = []
            module, code = values.get("module", ""), values.get("code", "")
            line = self._match(plan_lines, by_name, by_code, module, code)
            label = module or code
            if not label:
                problems.append(self.env._("The module is empty."))
            elif not line:
                problems.append(self.env._("Unknown module %(module)s: it is not a discipline of %(plan)s.",
                                           module=label, plan=self.plan_id.display_name))
            elif line in seen:
                problems.append(self.env._("%(module)s is already graded in row %(row)s.",
                                           module=label, row=seen[line]))
            else:
                seen[line] = number
            credits_text = values.get("credits") or ""
            try:
                credits = float(credits_text.replace(",", "."))
            except ValueError:
                credits = 0.0
                problems.append(self.env._("The credits %(value)s are not a number.", value=credits_text or "-"))
            else:
                if line and abs(credits - line.partner_credits) >= CREDITS_TOLERANCE:
                    problems.append(self.env._(
                        "%(module)s has %(planned)s credits in the plan, not %(credits)s.",
                        module=line.partner_discipline, planned=line.partner_credits, credits=credits_text))
            grade = values.get("grade") or ""
            converted = convert_partner_grade(grade, self.grade_scale)
            if not converted:
                problems.append(self.env._("The grade %(grade)s cannot be read on the scale %(scale)s.",
                                           grade=grade or "-", scale=scale_label))
            result.append({
                "row": number, "module": label, "credits": credits, "partner_grade": grade,
                "plan_line_id": line.id if line else False, "converted_grade": converted or False,
                "error": "; ".join(problems) or False,
            })
            errors += [(number, problem) for problem in problems]
        return result, errors

    @staticmethod
    def _match(plan_lines, by_name, by_code, module, code):
        """The plan's discipline of a row: by the partner's module code (of the programme's matched
        discipline), else by the module's name, else by the code written in the module's name (a
        whole word, of one discipline only)."""
        line = (by_code.get(_normalised(code)) if code else None) or (
            by_name.get(_normalised(module)) if module else None)
        if line:
            return line
        for key in filter(None, (code, module)):
            pattern = re.compile(r"(?<!\w)%s(?!\w)" % re.escape(_normalised(key)))
            found = plan_lines.filtered(
                lambda plan_line, p=pattern: p.search(_normalised(plan_line.partner_discipline)))
            if len(found) == 1:
                return found
        return None
