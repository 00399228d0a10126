from odoo import Command, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from ..models.intl_learner import LEVELS
from ..models.intl_learner_grade import ACADEMIC_YEAR_RE, GRADE_POINTS
from ..models.intl_learner_language import CEFR_ORDER
from ..tools.numbers import ROWS, count_text

_lt = LazyTranslate(__name__)
# _lt keeps the English source of the chatter messages: each reader reads them in their own
# language (tools/intl_message.py), so the lazy form is the point here.
# pylint: disable=prefer-env-translation

# columns of the file, by their header (case and spaces do not matter)
COLUMNS = (
    "student_id", "name_latin", "name_cyrillic", "institute", "department", "programme", "level",
    "year_of_study", "citizenship", "email", "phone",
    "academic_year", "term", "discipline", "discipline_en", "credits", "grade",
    "language", "certificate", "cefr_level", "score", "valid_until",
)


class IntlLearnerImport(models.TransientModel):
    """Import learners and their transcripts from a CSV or XLSX export of the student system.

    One row per grade (or per learner without grades): the learner's columns on
    the first row of a student ID, the grade and certificate columns on any
    row. The file is checked whole first; the preview lists every faulty row,
    and nothing is imported while one remains.
    """

    _name = "intl.learner.import"
    _inherit = ["intl.file.import.mixin"]
    _description = "Import Learners"
    _import_columns = COLUMNS
    _import_required_columns = ("student_id", "name_latin", "institute")

    line_ids = fields.One2many("intl.learner.import.line", "wizard_id", "Learners")
    create_count = fields.Integer("New Learners", readonly=True)
    update_count = fields.Integer("Updated Learners", readonly=True)
    grade_count = fields.Integer("Grades", readonly=True)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_preview(self):
        self.ensure_one()
        self._check_can_import()
        learners, errors, rows = self._parse()
        self.line_ids.unlink()
        self.write({
            "state": "preview",
            "row_count": rows,
            "error_count": len(errors),
            "error_html": self._import_errors_html(errors),
            "create_count": sum(1 for vals in learners.values() if not vals["learner"]),
            "update_count": sum(1 for vals in learners.values() if vals["learner"]),
            "grade_count": sum(len(vals["grades"]) for vals in learners.values()),
            "line_ids": [Command.create({
                "student_code": code,
                "name": vals["values"].get("name"),
                "institute_id": vals["values"].get("institute_id"),
                "operation": "update" if vals["learner"] else "create",
                "grade_count": len(vals["grades"]),
                "certificate_count": len(vals["languages"]),
            }) for code, vals in learners.items()],
        })
        return self._reopen()

    def action_import(self):
        self.ensure_one()
        self._check_can_import()
        learners, errors, _rows = self._parse()
        if errors:
            raise UserError(self.env._(
                "Nothing was imported: %(count)s. Correct the file and preview it again.",
                count=count_text(self.env, len(errors), ROWS),
            ))
        created = self._do_import(learners)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Imported Learners"),
            "res_model": "intl.learner",
            "view_mode": "list,form",
            "domain": [("id", "in", created.ids)],
        }

    def _check_can_import(self):
        if not self.env["intl.learner"].has_access("create"):
            raise UserError(self.env._("Only the Registrar Office and DIC import learners."))

    def _import_title(self):
        return self.env._("Import Learners")

    # ------------------------------------------------------------------
    # Checking
    # ------------------------------------------------------------------

    def _lookups(self):
        Department = self.env["hr.department"]
        departments = Department.search([("company_id", "in", [False, *self.env.companies.ids])])
        langs = self.env["res.lang"].with_context(active_test=False).search([])
        lang_map = {}
        for lang in langs:
            for key in (lang.code, lang.iso_code, lang.name):
                lang_map.setdefault((key or "").lower(), lang)
        levels = {}
        translated = self.env["intl.learner"]._fields["level"]._description_selection(self.env)
        for key, label in [*LEVELS, *translated]:
            levels[key] = key
            levels[label.lower()] = key
        user = self.env.user
        restricted = not (user.has_group("intl_cooperation.group_intl_officer")
                          or user.has_group("intl_cooperation.group_intl_registrar"))
        return {
            # a coordinator imports the learners of their own institute only
            "own_institute": user.employee_id.intl_institute_id if restricted else False,
            "institutes": {d.name.lower(): d for d in departments if d.intl_kind == "institute"},
            "departments": {d.name.lower(): d for d in departments if d.intl_kind == "academic"},
            "countries": {c.code.lower(): c for c in self.env["res.country"].search([])},
            "langs": lang_map,
            "levels": levels,
        }

    def _parse(self):
        """``({student code: {learner, values, grades, languages}}, [(row, message)], row count)``."""
        rows = self._import_read_rows()
        lookups = self._lookups()
        codes = {values.get("student_id") for _n, values in rows if values.get("student_id")}
        existing = {
            learner.student_code: learner
            for learner in self.env["intl.learner"].with_context(active_test=False).search(
                [("student_code", "in", list(codes)), ("company_id", "=", self.env.company.id)])
        }
        learners = {}
        errors = []
        for number, values in rows:
            problems = []
            code = values.get("student_id")
            if not code:
                errors.append((number, self.env._("The student ID is empty.")))
                continue
            entry = learners.get(code)
            if entry is None:
                entry = learners[code] = {
                    "learner": existing.get(code, self.env["intl.learner"]),
                    "values": {}, "grades": [], "languages": [], "keys": set(),
                }
                learner_vals = self._learner_vals(values, lookups, problems, new=not entry["learner"])
                entry["values"] = learner_vals
            else:
                self._check_repeated(entry, values, problems)
            grade = self._grade_vals(values, problems)
            if grade:
                key = (grade["academic_year"], grade["term"], grade["discipline"].lower())
                if key in entry["keys"]:
                    problems.append(self.env._("%(discipline)s appears twice in %(year)s.",
                                               discipline=grade["discipline"], year=grade["academic_year"]))
                entry["keys"].add(key)
                entry["grades"].append(grade)
            language = self._language_vals(values, lookups, problems)
            if language:
                entry["languages"].append(language)
            errors += [(number, problem) for problem in problems]
        return learners, errors, len(rows)

    def _learner_vals(self, values, lookups, problems, new):
        vals = {"student_code": values["student_id"]}
        name = values.get("name_latin")
        if name:
            vals["name"] = name
        elif new:
            problems.append(self.env._("The Latin name is empty."))
        if values.get("name_cyrillic"):
            vals["name_cyrillic"] = values["name_cyrillic"]
        institute = values.get("institute")
        if institute:
            department = lookups["institutes"].get(institute.lower())
            if department and lookups["own_institute"] is not False and department != lookups["own_institute"]:
                problems.append(self.env._("You import the learners of your own institute only, not of %(name)s.",
                                           name=institute))
            elif department:
                vals["institute_id"] = department.id
            else:
                problems.append(self.env._("Unknown institute %(name)s.", name=institute))
        elif new:
            problems.append(self.env._("The institute is empty."))
        if values.get("department"):
            department = lookups["departments"].get(values["department"].lower())
            if department:
                vals["department_id"] = department.id
            else:
                problems.append(self.env._("Unknown department %(name)s.", name=values["department"]))
        if values.get("programme"):
            vals["programme"] = values["programme"]
        if values.get("level"):
            level = lookups["levels"].get(values["level"].lower())
            if level:
                vals["level"] = level
            else:
                problems.append(self.env._("Unknown level %(level)s (bachelor, master or doctoral).",
                                           level=values["level"]))
        if values.get("year_of_study"):
            try:
                year = int(values["year_of_study"])
                if not 1 <= year <= 8:
                    raise ValueError(year)
                vals["year_of_study"] = year
            except ValueError:
                problems.append(self.env._("The year of study %(value)s is not a number from 1 to 8.",
                                           value=values["year_of_study"]))
        if values.get("citizenship"):
            country = lookups["countries"].get(values["citizenship"].lower())
            if country:
                vals["country_id"] = country.id
            else:
                problems.append(self.env._("Unknown country code %(code)s (ISO 3166, e.g. KZ).",
                                           code=values["citizenship"]))
        for column in ("email", "phone"):
            if values.get(column):
                vals[column] = values[column]
        if values.get("email") and "@" not in values["email"]:
            problems.append(self.env._("The e-mail %(email)s is not valid.", email=values["email"]))
        return vals

    def _check_repeated(self, entry, values, problems):
        """A learner's later rows may repeat its columns, but not contradict them."""
        if values.get("name_latin") and entry["values"].get("name") and values["name_latin"] != entry["values"]["name"]:
            problems.append(self.env._(
                "The student ID %(code)s is already used by %(name)s in this file.",
                code=values["student_id"], name=entry["values"]["name"],
            ))

    def _grade_vals(self, values, problems):
        grade_columns = ("academic_year", "term", "discipline", "discipline_en", "credits", "grade")
        if not any(values.get(col) for col in grade_columns):
            return None
        vals = {"discipline": values.get("discipline"), "discipline_en": values.get("discipline_en") or False}
        if not vals["discipline"]:
            problems.append(self.env._("The discipline of the grade is empty."))
            vals["discipline"] = ""
        year = values.get("academic_year", "")
        match = ACADEMIC_YEAR_RE.match(year)
        if not match or int(match.group(2)) != int(match.group(1)) + 1:
            problems.append(self.env._("The academic year %(year)s must look like 2025/2026.", year=year or "-"))
        vals["academic_year"] = year
        term = values.get("term") or "1"
        if term not in ("1", "2", "3"):
            problems.append(self.env._("The term %(term)s must be 1, 2 or 3.", term=term))
        vals["term"] = term
        try:
            credits = float((values.get("credits") or "").replace(",", "."))
            if not 0 < credits <= 60:
                raise ValueError(credits)
            vals["credits"] = credits
        except ValueError:
            problems.append(self.env._("The credits %(value)s are not a number from 1 to 60.",
                                       value=values.get("credits") or "-"))
        grade = (values.get("grade") or "").upper().replace(" ", "")
        if grade not in GRADE_POINTS:
            problems.append(self.env._("The grade %(grade)s is not a letter grade (A to F).",
                                       grade=values.get("grade") or "-"))
        vals["grade"] = grade
        return vals

    def _language_vals(self, values, lookups, problems):
        columns = ("language", "certificate", "cefr_level", "score", "valid_until")
        if not any(values.get(col) for col in columns):
            return None
        vals = {"certificate": values.get("certificate") or False}
        lang = lookups["langs"].get((values.get("language") or "").lower())
        if not lang:
            problems.append(self.env._("Unknown language %(lang)s (ISO 639-1 code, e.g. en).",
                                       lang=values.get("language") or "-"))
        vals["language_id"] = lang.id if lang else False
        level = (values.get("cefr_level") or "").upper()
        if level not in CEFR_ORDER:
            problems.append(self.env._("The CEFR level %(level)s must be A1 to C2.", level=level or "-"))
        vals["cefr_level"] = level
        if values.get("score"):
            try:
                vals["score"] = float(values["score"].replace(",", "."))
            except ValueError:
                problems.append(self.env._("The score %(score)s is not a number.", score=values["score"]))
        if values.get("valid_until"):
            try:
                vals["date_expiry"] = fields.Date.to_date(values["valid_until"])
            except ValueError:
                problems.append(self.env._("The date %(date)s must be written as YYYY-MM-DD.",
                                           date=values["valid_until"]))
        return vals

    # ------------------------------------------------------------------
    # Importing
    # ------------------------------------------------------------------

    def _do_import(self, learners):
        """Create the new learners and update the known ones, all in one go."""
        Learner = self.env["intl.learner"]
        create_list = []
        for vals in learners.values():
            if vals["learner"]:
                continue
            create_list.append({
                **vals["values"],
                "grade_ids": [Command.create(g) for g in vals["grades"]],
                "language_ids": [Command.create(lang) for lang in vals["languages"]],
            })
        try:
            # no creation message per learner: a file of a thousand learners is one import
            created = Learner.with_context(mail_create_nolog=True, tracking_disable=True).create(create_list)
            for vals in learners.values():
                learner = vals["learner"]
                if not learner:
                    continue
                known = {(g.academic_year, g.term, g.discipline.lower()): g for g in learner.grade_ids}
                commands = []
                for grade in vals["grades"]:
                    line = known.get((grade["academic_year"], grade["term"], grade["discipline"].lower()))
                    commands.append(Command.update(line.id, grade) if line else Command.create(grade))
                learner_vals = dict(vals["values"], grade_ids=commands)
                if vals["languages"]:
                    learner_vals["language_ids"] = [Command.create(lang) for lang in vals["languages"]]
                learner.write(learner_vals)
        except ValidationError as exc:
            raise UserError(self.env._("Nothing was imported: %(error)s", error=exc.args[0])) from exc
        updated = self.env["intl.learner"].union(*(vals["learner"] for vals in learners.values()))
        for learner in updated:
            learner._intl_message_post(_lt("Updated from the file %(file)s.", file=self.filename or "-"),
                                       subtype_xmlid="mail.mt_note")
        return created | updated


class IntlLearnerImportLine(models.TransientModel):
    _name = "intl.learner.import.line"
    _description = "Learner Import Preview Line"

    wizard_id = fields.Many2one("intl.learner.import", required=True, ondelete="cascade")
    student_code = fields.Char("Student ID")
    name = fields.Char()
    institute_id = fields.Many2one("hr.department", "Institute")
    operation = fields.Selection([("create", "New"), ("update", "Update")])
    grade_count = fields.Integer("Grades")
    certificate_count = fields.Integer("Certificates")
