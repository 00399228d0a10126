from odoo.tests import TransactionCase, new_test_user


def test_users_time_zone(env):
    """Odoo's demo data puts the superuser in Europe/Brussels, while test users have no time zone
    (UTC): from 23:00 UTC the superuser's today is the test users' tomorrow, and a date one sets
    is in the future for the other. The tests' superuser lives in the test users' zone."""
    env.ref("base.partner_root").tz = False


class ApprovalNoticesMixin:
    """The approvers of a step just opened are told by a job the click triggers (within a
    minute): a test that reads their notices or their following runs the job first."""

    def _run_approval_notices(self):
        """What the approval notices job does after the clicks of the test (all its batches)."""
        Activity = self.env["mail.activity"]
        while Activity.sudo().search_count([("intl_notice_pending", "=", True)], limit=1):
            Activity._cron_intl_approval_notices()
        self.env.flush_all()


class IntlCommon(ApprovalNoticesMixin, TransactionCase):
    """Users per role, two institutes with their staff, and a partner institution."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False, mail_create_nolog=True))
        test_users_time_zone(cls.env)
        Department = cls.env["hr.department"]
        cls.rectorate = Department.create({"name": "Rectorate (test)", "intl_kind": "administrative"})
        cls.dic = Department.create({"name": "DIC (test)", "parent_id": cls.rectorate.id})
        cls.institute = Department.create({
            "name": "Institute of IT (test)", "intl_kind": "institute", "parent_id": cls.rectorate.id,
        })
        cls.department = Department.create({
            "name": "Software Engineering (test)", "intl_kind": "academic", "parent_id": cls.institute.id,
        })
        cls.other_institute = Department.create({
            "name": "Institute of Geology (test)", "intl_kind": "institute", "parent_id": cls.rectorate.id,
        })

        def user(login, groups, department=None, name=None):
            new_user = new_test_user(
                cls.env, login=login, groups=",".join(["base.group_user", *groups]),
                name=name or login.replace("_", " ").title(), email=f"{login}@example.com",
            )
            employee = cls.env["hr.employee"].create({
                "name": new_user.name, "user_id": new_user.id,
                "department_id": (department or cls.dic).id,
            })
            return new_user, employee

        g = "intl_cooperation."
        cls.user_requester, cls.employee_requester = user("t_requester", [], cls.department)
        cls.user_requester_other, cls.employee_requester_other = user(
            "t_requester_other", [], cls.other_institute)
        cls.user_head, cls.employee_head = user("t_head", [], cls.department)
        cls.user_director_institute, cls.employee_director_institute = user(
            "t_inst_director", [g + "group_intl_coordinator"], cls.institute)
        cls.user_coordinator, cls.employee_coordinator = user(
            "t_coordinator", [g + "group_intl_coordinator"], cls.institute)
        cls.user_coordinator_other, cls.employee_coordinator_other = user(
            "t_coordinator_other", [g + "group_intl_coordinator"], cls.other_institute)
        cls.user_officer, cls.employee_officer = user("t_officer", [g + "group_intl_officer"])
        cls.user_dic_director, cls.employee_dic_director = user("t_dic_director", [g + "group_intl_director"])
        cls.user_management, cls.employee_management = user(
            "t_rector", [g + "group_intl_management"], cls.rectorate)
        cls.user_legal, cls.employee_legal = user("t_legal", [g + "group_intl_legal"], cls.rectorate)
        cls.user_accountant, cls.employee_accountant = user(
            "t_accountant", [g + "group_intl_accountant"], cls.rectorate)
        cls.user_hr, cls.employee_hr = user("t_hr", [g + "group_intl_hr"], cls.rectorate)
        cls.user_registrar, cls.employee_registrar = user(
            "t_registrar", [g + "group_intl_registrar"], cls.rectorate)

        cls.department.manager_id = cls.employee_head
        cls.institute.manager_id = cls.employee_director_institute
        cls.other_institute.manager_id = cls.employee_coordinator_other
        cls.dic.manager_id = cls.employee_dic_director
        cls.rectorate.manager_id = cls.employee_management
        # the decision makers DP 717 names (Settings): the test rector; no vice-rector, no head
        # of the international programmes office (the demo's are replaced)
        cls.env.company.write({
            "intl_rector_id": cls.employee_management.id, "intl_vice_rector_science_id": False,
            "intl_vice_rector_academic_id": False, "intl_programmes_head_id": False,
        })

        cls.partner_institution = cls.env["res.partner"].create({
            "name": "Test Technical University",
            "is_intl_institution": True,
            "intl_institution_type": "university",
            "country_id": cls.env.ref("base.de").id,
        })
