from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestSubstanceLocks(TransactionCase):
    """The declared substance table of every model of the module, walked generically.

    For each model of the lifecycle engine and each of its statuses: the fields
    the table freezes are refused (even to ``sudo()`` code), the others pass the
    engine's check; lines of a frozen parent refuse write, create, unlink and
    the parent's one2many commands; no line changes parent; no readonly related
    field writes the record it comes from. The records are the demo's.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.models = [
            cls.env[name] for name in sorted(cls.env.registry)
            if name.startswith("intl.") and not cls.env[name]._abstract
            and not cls.env[name]._transient and hasattr(cls.env[name], "_lifecycle_substance")
        ]

    def _other_value(self, record, name):
        """A value of field ``name`` different from the record's, or None."""
        field = record._fields[name]
        value = record[name]
        if field.type == "many2one":
            other = self.env[field.comodel_name].sudo().search([("id", "!=", value.id)], limit=1)
            return other.id or None
        if field.type == "many2many":
            other = self.env[field.comodel_name].sudo().search([("id", "not in", value.ids)], limit=1)
            return [Command.link(other.id)] if other else None
        if field.type in ("char", "text", "html"):
            return f"{value or ''} changed"
        if field.type == "date":
            return (value or fields.Date.today()) + timedelta(days=1)
        if field.type == "datetime":
            return (value or fields.Datetime.now()) + timedelta(days=1)
        if field.type == "integer":
            return (value or 0) + 1
        if field.type in ("float", "monetary"):
            return (value or 0.0) + 1.5
        if field.type == "boolean":
            return not value
        if field.type == "selection":
            keys = [key for key, _label in field._description_selection(self.env) if key != value]
            return keys[0] if keys else None
        return None

    def _assert_refused(self, method, *args):
        """``method(*args)`` is refused with a business error (a bad value would be a
        ValidationError: then the lock was not what refused it)."""
        with self.assertRaises(UserError) as caught:
            method(*args)
        self.assertNotIsInstance(caught.exception, ValidationError, caught.exception)

    def _states(self, model):
        if not model._lifecycle_state_field:
            return [False]
        field = model._fields[model._lifecycle_state_field]
        return [key for key, _label in field._description_selection(self.env)]

    def _set_state(self, record, state):
        if state is not False and record[record._lifecycle_state_field] != state:
            record._lifecycle_write({record._lifecycle_state_field: state})

    def test_declarations_name_real_fields(self):
        """Every declared substance field, parent field and free field exists."""
        self.assertGreater(len(self.models), 20)
        for model in self.models:
            declared = {*model._lifecycle_substance, *model._lifecycle_line_free_fields,
                        *(name for names in model._lifecycle_substance_states.values() for name in names)}
            with self.subTest(model=model._name):
                self.assertFalse(declared - set(model._fields), "unknown fields declared")
                parent = model._lifecycle_parent_field
                if parent:
                    self.assertEqual(model._fields[parent].type, "many2one")

    def test_substance_frozen_per_status(self):
        """In each status: the frozen fields are refused to everybody, the others pass."""
        walked = 0
        for model in self.models:
            if not (model._lifecycle_substance or model._lifecycle_substance_states):
                continue
            record = model.sudo().search([], limit=1)
            if not record:
                continue
            for state in self._states(model):
                with self.env.cr.savepoint(flush=False) as savepoint:
                    try:
                        self._set_state(record, state)
                    except UserError:
                        savepoint.rollback()
                        continue
                    frozen = record._lifecycle_frozen_fields()
                    for name in model._fields:
                        if model._fields[name].type == "one2many" or name not in {
                                *model._lifecycle_substance,
                                *(n for names in model._lifecycle_substance_states.values()
                                  for n in names)}:
                            continue
                        value = self._other_value(record, name)
                        if value is None:
                            continue
                        with self.subTest(model=model._name, state=state, field=name):
                            if name in frozen:
                                self._assert_refused(record.sudo().write, {name: value})
                                walked += 1
                            elif name != model._lifecycle_parent_field:
                                # the engine lets it through (other business rules may apply)
                                record._lifecycle_check_substance({name: value})
                    savepoint.rollback()
        self.assertGreater(walked, 50)

    def test_lines_of_frozen_parents(self):
        """Lines of a frozen parent: no write, create, unlink or parent command; no move."""
        walked = set()
        for model in self.models:
            parent_field = model._lifecycle_parent_field
            if not parent_field:
                continue
            line = model.sudo().search([], limit=1)
            if not line:
                continue
            parent = line[parent_field]
            with self.subTest(model=model._name, check="parent fixed"):
                other = parent.search([("id", "!=", parent.id)], limit=1)
                if other:
                    self._assert_refused(line.write, {parent_field: other.id})
            if not hasattr(parent, "_lifecycle_frozen_fields"):
                continue
            o2m = set(model._lifecycle_line_fields(parent))
            for state in self._states(parent):
                with self.env.cr.savepoint(flush=False) as savepoint:
                    try:
                        self._set_state(parent, state)
                    except UserError:
                        savepoint.rollback()
                        continue
                    if not o2m & parent._lifecycle_frozen_fields():
                        savepoint.rollback()
                        continue
                    names = [name for name, field in model._fields.items()
                             if field.store and not field.compute and not field.related
                             and name != parent_field and name not in model._lifecycle_line_free_fields
                             and name not in model._lifecycle_protected_fields()
                             and field.type not in ("one2many", "many2many", "binary")
                             and not name.startswith(("create_", "write_", "message_", "activity_"))
                             and name not in ("id", "display_name")]
                    for name in names:
                        value = self._other_value(line, name)
                        if value is None:
                            continue
                        with self.subTest(model=model._name, state=state, field=name):
                            self._assert_refused(line.write, {name: value})
                    with self.subTest(model=model._name, state=state, check="unlink"):
                        self._assert_refused(line.unlink)
                    field_o2m = sorted(o2m)[0]
                    with self.subTest(model=model._name, state=state, check="parent commands"):
                        self._assert_refused(parent.sudo().write, {field_o2m: [Command.delete(line.id)]})
                        vals = line.copy_data()[0]
                        vals.pop(parent_field, None)
                        self._assert_refused(parent.sudo().write, {field_o2m: [Command.create(vals)]})
                        if names:
                            value = self._other_value(line, names[0])
                            if value is not None:
                                self._assert_refused(parent.sudo().write, {
                                    field_o2m: [Command.update(line.id, {names[0]: value})]})
                    walked.add(model._name)
                    savepoint.rollback()
        self.assertGreaterEqual(len(walked), 6, walked)

    def test_related_fields_never_written(self):
        """A readonly related field would write the record it comes from: refused."""
        walked = 0
        for model in self.models:
            record = model.sudo().search([], limit=1)
            if not record:
                continue
            for name in sorted(record._lifecycle_related_fields()):
                field = model._fields[name]
                if field.type not in ("many2one", "char", "date", "float", "integer"):
                    continue
                value = self._other_value(record, name)
                if value is None:
                    continue
                with self.subTest(model=model._name, field=name):
                    self._assert_refused(record.write, {name: value})
                walked += 1
        self.assertGreater(walked, 10)
