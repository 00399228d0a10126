from collections import defaultdict

from odoo import api, fields, models


class IntlRelatedRecordMixin(models.AbstractModel):
    """Lines attached to any record (approval lines, document checklist lines).

    Access follows the record they belong to, as for ``mail.activity``: a
    line can be read by whoever can read the record and changed by whoever
    can write it.
    """

    _name = "intl.related.record.mixin"
    _description = "Line attached to a process record"

    res_model = fields.Char("Document Model", required=True, index=True, readonly=True)
    res_id = fields.Many2oneReference(
        "Document ID", model_field="res_model", required=True, index=True, readonly=True
    )
    res_name = fields.Char("Record", compute="_compute_res_name")

    @api.depends("res_model", "res_id")
    def _compute_res_name(self):
        for line in self:
            record = line.res_model and line.env[line.res_model].browse(line.res_id)
            line.res_name = record.display_name if record else False

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        """Hide the lines of records the user cannot read (as ``mail.activity`` does)."""
        query = super()._search(domain, offset, limit, order)
        if self.env.su:
            return query
        rows = self.env.execute_query(query.select(
            *[self._field_to_sql(self._table, fname) for fname in ("id", "res_model", "res_id")],
        ))
        ids_by_model = defaultdict(set)
        for __, res_model, res_id in rows:
            ids_by_model[res_model].add(res_id)
        allowed = {
            res_model: set(self.env[res_model].browse(res_ids)._filtered_access("read")._ids)
            for res_model, res_ids in ids_by_model.items()
            if res_model in self.env
        }
        return self.browse(
            line_id for line_id, res_model, res_id in rows if res_id in allowed.get(res_model, ())
        )._as_query(order)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if not self:
            return result
        lines = self - result[0] if result else self
        by_model = {}
        for line in lines.sudo():  # sudo: only reads res_model/res_id to check the parent
            by_model.setdefault(line.res_model, {}).setdefault(line.res_id, []).append(line.id)
        doc_operation = "read" if operation == "read" else "write"
        forbidden_ids = []
        for model, ids_by_doc in by_model.items():
            documents = self.env[model].browse(ids_by_doc).exists()
            missing = set(ids_by_doc) - set(documents.ids)
            for doc_id in missing:
                forbidden_ids.extend(ids_by_doc[doc_id])
            if doc_result := documents._check_access(doc_operation):
                for document in doc_result[0]:
                    forbidden_ids.extend(ids_by_doc[document.id])
        if forbidden_ids:
            forbidden = self.browse(forbidden_ids)
            if result:
                return (result[0] + forbidden, result[1])
            return (forbidden, lambda: self.env["ir.rule"]._make_access_error(operation, forbidden))
        return result

    def action_open_record(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "views": [(False, "form")],
        }

    def _get_record(self):
        """The process record of a line."""
        self.ensure_one()
        return self.env[self.res_model].browse(self.res_id)
