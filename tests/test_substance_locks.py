import logging
from collections import Counter, defaultdict
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged

_logger = logging.getLogger(__name__)


class SubstanceLocksCommon(TransactionCase):
    """The models of the lifecycle engine and the helpers of the walks below."""

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
        if field.type in ("many2one", "many2many"):
            key = (field.comodel_name, tuple(value.ids))
            cache = self.__dict__.setdefault("_other_ids", {})
            if key not in cache:
                cache[key] = self.env[field.comodel_name].sudo().search(
                    [("id", "not in", value.ids)], limit=1).id
            other = cache[key]
            if field.type == "many2one":
                return other or None
            return [Command.link(other)] if other else None
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


@tagged("post_install", "-at_install")
class TestSubstanceLocks(SubstanceLocksCommon):
    """The declared substance table of every model of the module, walked generically.

    For each model of the lifecycle engine and each of its statuses: the fields
    the table freezes are refused (even to ``sudo()`` code), the others pass the
    engine's check; lines of a frozen parent refuse write, create, unlink and
    the parent's one2many commands; no line changes parent; no readonly related
    field writes the record it comes from. The records are the demo's.
    """

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


# the roles of the module, each walked as a user of its group (the demo's, else a new one)
ROLES = {
    "requester": ("intl_cooperation.user_requester", "intl_cooperation.group_intl_requester"),
    "coordinator": ("intl_cooperation.user_coordinator", "intl_cooperation.group_intl_coordinator"),
    "dic_officer": ("intl_cooperation.user_dic_officer", "intl_cooperation.group_intl_officer"),
    "dic_director": ("intl_cooperation.user_dic_director", "intl_cooperation.group_intl_director"),
    "management": ("intl_cooperation.user_rector", "intl_cooperation.group_intl_management"),
    "legal": ("intl_cooperation.user_legal", "intl_cooperation.group_intl_legal"),
    "accountant": ("intl_cooperation.user_accountant", "intl_cooperation.group_intl_accountant"),
    "hr": ("intl_cooperation.user_hr", "intl_cooperation.group_intl_hr"),
    "registrar": ("intl_cooperation.user_registrar", "intl_cooperation.group_intl_registrar"),
}


@tagged("post_install", "-at_install")
class TestSubstanceLocksPerRole(SubstanceLocksCommon):
    """The declared table walked as every role, on records each role reads (the demo's).

    For each model, role and status the table says what the role may write: a substance
    field is written only in an open status, by a role the access rights and record rules
    let write the record, and only while no parent freezes it (``_lifecycle_frozen_fields``,
    ``_lifecycle_locked_lines``). Everything else is refused — by the lock (a ``UserError``,
    not an access error) when the role could write the record, by the access rules
    otherwise — and after every refusal nothing of the record, its lines or its parent
    changed. The same for lines (write, create, unlink, the parent's one2many commands,
    moving them), and for related fields.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {}
        for role, (xmlid, group) in ROLES.items():
            user = cls.env.ref(xmlid, raise_if_not_found=False)
            if not user or not user.has_group(group):
                user = new_test_user(cls.env, login=f"walk_{role}", groups=f"base.group_user,{group}")
            cls.users[role] = user
        cls._records = {}

    def setUp(self):
        super().setUp()
        self.table = defaultdict(Counter)

    def _record_for(self, model, user, domain=()):
        """A record of ``model`` the user may write, else one they read, else any (the same
        demo record for the three walks: chosen once per model and role)."""
        key = (model._name, user.id, tuple(domain))
        if key not in self._records:
            self._records[key] = self._find_record_for(model, user, domain)
        return self._records[key]

    def _find_record_for(self, model, user, domain):
        try:
            visible = model.with_user(user).search(list(domain), limit=20)
        except AccessError:
            visible = model.browse()
        writable = visible.filtered(lambda record: record.has_access("write"))
        return (writable or visible or model.sudo().search(list(domain), limit=1))[:1].sudo()

    def _snapshot(self, records):
        """Every stored value of ``records`` (and the lines of their one2many), as stored."""
        records = records.sudo()
        records.invalidate_recordset()
        names = [name for name, field in records._fields.items()
                 if field.store and field.type not in ("one2many", "binary")
                 and not name.startswith(("write_", "message_", "activity_"))]
        data = records.read(names)
        for values, record in zip(data, records, strict=True):
            for name, field in record._fields.items():
                if field.type == "one2many" and field.store and not name.startswith(
                        ("message_", "activity_", "website_message")):
                    values[name] = sorted(record[name].ids)
        return data

    def _refused_as(self, role, may_write, method, *args):
        """``method(*args)`` is refused: by the lock when the role may write, else by access
        (``may_write`` None: either, as record rules on create are checked on the new record)."""
        with self.assertRaises(UserError) as caught:
            method(*args)
        self.assertNotIsInstance(caught.exception, ValidationError, caught.exception)
        if may_write:
            self.assertNotIsInstance(caught.exception, AccessError, caught.exception)
        if isinstance(caught.exception, AccessError):
            self.table[role]["refused by access"] += 1
        else:
            self.table[role]["refused by the lock"] += 1

    def test_substance_table_per_role(self):
        """Per role and status: frozen substance refused by the lock, the rest as declared."""
        for model in self.models:
            substance = {*model._lifecycle_substance,
                         *(n for names in model._lifecycle_substance_states.values() for n in names)}
            substance = sorted(name for name in substance if model._fields[name].type != "one2many"
                               and name != model._lifecycle_parent_field)
            if not substance:
                continue
            for role, user in self.users.items():
                record = self._record_for(model, user)
                if not record:
                    continue
                for state in self._states(model):
                    with self.env.cr.savepoint(flush=False) as savepoint:
                        try:
                            self._set_state(record, state)
                        except UserError:
                            savepoint.rollback()
                            continue
                        as_role = record.with_user(user)
                        may_write = as_role.has_access("write")
                        locked = bool(record._lifecycle_locked_lines())
                        frozen = record._lifecycle_frozen_fields()
                        before = self._snapshot(record)
                        # a role that may not write the record is refused it whole, by access:
                        # one field says it (the lock is what the other fields prove)
                        for name in substance if may_write else substance[:1]:
                            value = self._other_value(record, name)
                            if value is None:
                                continue
                            readable = model._fields[name].is_accessible(as_role.env)
                            with self.subTest(model=model._name, role=role, state=state, field=name):
                                if name in frozen or locked or not may_write or not readable:
                                    self._refused_as(role, may_write and readable and (
                                        name in frozen or locked), as_role.write, {name: value})
                                else:
                                    # the declared table lets it through (other business rules
                                    # may still apply to the value)
                                    as_role._lifecycle_check_substance({name: value})
                                    self.table[role]["open to the role"] += 1
                        with self.subTest(model=model._name, role=role, state=state, check="unchanged"):
                            self.assertEqual(self._snapshot(record), before)
                        savepoint.rollback()
        for role in self.users:
            with self.subTest(role=role):
                self.assertTrue(self.table[role], f"{role} was not walked")
        for role in ("coordinator", "dic_officer", "dic_director", "registrar"):
            with self.subTest(role=role):
                self.assertGreater(self.table[role]["refused by the lock"], 0, dict(self.table))
                self.assertGreater(self.table[role]["open to the role"], 0, dict(self.table))
        _logger.info("substance table per role: %s", {role: dict(counts) for role, counts in self.table.items()})

    def test_lines_of_frozen_parents_per_role(self):
        """Per role: lines of a frozen parent are not written, created, deleted, commanded
        from the parent nor moved, and nothing of the parent or its lines changes."""
        walked = defaultdict(set)
        for model in self.models:
            parent_field = model._lifecycle_parent_field
            if not parent_field:
                continue
            for role, user in self.users.items():
                line = self._record_for(model, user)
                if not line:
                    continue
                parent = line[parent_field]
                line_u = line.with_user(user)
                other = parent.search([("id", "!=", parent.id)], limit=1)
                if other:
                    with self.subTest(model=model._name, role=role, check="parent fixed"):
                        self._refused_as(role, line_u.has_access("write"), line_u.write,
                                         {parent_field: other.id})
                if not hasattr(parent, "_lifecycle_frozen_fields"):
                    continue
                o2m = sorted(model._lifecycle_line_fields(parent))
                for state in self._states(parent):
                    with self.env.cr.savepoint(flush=False) as savepoint:
                        try:
                            self._set_state(parent, state)
                        except UserError:
                            savepoint.rollback()
                            continue
                        if not set(o2m) & parent._lifecycle_frozen_fields():
                            savepoint.rollback()
                            continue
                        parent_u = parent.with_user(user)
                        may_write_line = line_u.has_access("write")
                        before = (self._snapshot(parent), self._snapshot(line))
                        names = [name for name, field in model._fields.items()
                                 if field.store and not field.compute and not field.related
                                 and name != parent_field and name not in model._lifecycle_line_free_fields
                                 and name not in model._lifecycle_protected_fields()
                                 and field.type not in ("one2many", "many2many", "binary")
                                 and not name.startswith(("create_", "write_", "message_", "activity_"))
                                 and field.is_accessible(line_u.env)]
                        # a role that may not write the line is refused it whole, by access
                        for name in names if may_write_line else names[:1]:
                            value = self._other_value(line, name)
                            if value is None:
                                continue
                            with self.subTest(model=model._name, role=role, state=state, field=name):
                                self._refused_as(role, may_write_line, line_u.write, {name: value})
                        vals = line.copy_data()[0]
                        for name in (*model._lifecycle_protected_fields(), *model._lifecycle_related_fields()):
                            vals.pop(name, None)
                        with self.subTest(model=model._name, role=role, state=state, check="create"):
                            self._refused_as(role, None, model.with_user(user).create,
                                             dict(vals, **{parent_field: parent.id}))
                        with self.subTest(model=model._name, role=role, state=state, check="unlink"):
                            self._refused_as(role, line_u.has_access("unlink"), line_u.unlink)
                        vals.pop(parent_field, None)
                        commands = [[Command.delete(line.id)], [Command.create(vals)]]
                        if names and (value := self._other_value(line, names[0])) is not None:
                            commands.append([Command.update(line.id, {names[0]: value})])
                        for command in commands:
                            with self.subTest(model=model._name, role=role, state=state,
                                              check=f"parent command {command[0][0]}"):
                                # the parent's one2many reaches the lines, which check themselves
                                with self.assertRaises(UserError) as caught:
                                    parent_u.write({o2m[0]: command})
                                self.assertNotIsInstance(caught.exception, ValidationError)
                        with self.subTest(model=model._name, role=role, state=state, check="unchanged"):
                            self.assertEqual((self._snapshot(parent), self._snapshot(line)), before)
                        walked[role].add(model._name)
                        savepoint.rollback()
        for role in self.users:
            with self.subTest(role=role):
                self.assertGreaterEqual(len(walked[role]), 6, walked[role])

    def test_related_fields_per_role(self):
        """No role writes a readonly related field (it would write the record it comes from)."""
        for model in self.models:
            for role, user in self.users.items():
                record = self._record_for(model, user)
                if not record:
                    continue
                as_role = record.with_user(user)
                may_write = as_role.has_access("write")
                names = [name for name in sorted(record._lifecycle_related_fields())
                         if model._fields[name].type in ("many2one", "char", "date", "float", "integer")
                         and model._fields[name].is_accessible(as_role.env)
                         and self._other_value(record, name) is not None]
                if not names:
                    continue
                before = self._snapshot(record)
                # a role that may not write the record is refused it whole, by access
                for name in names if may_write else names[:1]:
                    with self.subTest(model=model._name, role=role, field=name):
                        self._refused_as(role, may_write, as_role.write,
                                         {name: self._other_value(record, name)})
                self.assertEqual(self._snapshot(record), before)
        for role in ("coordinator", "dic_officer", "accountant"):
            with self.subTest(role=role):
                self.assertGreater(self.table[role]["refused by the lock"], 0, dict(self.table))
