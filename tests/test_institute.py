from odoo.tests import tagged

from .common import IntlCommon


@tagged("post_install", "-at_install")
class TestInstitute(IntlCommon):
    def test_institute_derived_from_tree(self):
        self.assertEqual(self.institute.intl_institute_id, self.institute)
        self.assertEqual(self.department.intl_institute_id, self.institute)
        self.assertFalse(self.dic.intl_institute_id)
        self.assertEqual(self.employee_requester.intl_institute_id, self.institute)

    def test_institute_follows_moves(self):
        lab = self.env["hr.department"].create({
            "name": "Robotics lab (test)", "intl_kind": "academic", "parent_id": self.department.id,
        })
        self.assertEqual(lab.intl_institute_id, self.institute)
        self.department.parent_id = self.other_institute
        self.assertEqual(lab.intl_institute_id, self.other_institute)
        self.assertEqual(self.employee_requester.intl_institute_id, self.other_institute)
        self.department.intl_kind = "institute"
        self.assertEqual(lab.intl_institute_id, self.department)
