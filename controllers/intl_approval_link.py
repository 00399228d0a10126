from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import request


class IntlApprovalLink(http.Controller):
    """Approve / Reject links of the approval e-mail.

    A link is bound to one step and one approver (HMAC), expires, and works once
    (the step is no longer pending after the decision). Opening it shows the
    record's summary and asks to confirm (a POST with the CSRF token, and the
    reason on reject): a link prefetched by a mail scanner decides nothing. The
    decision goes through the record's own approval actions as the logged-in
    approver, so it is checked exactly as the button.
    """

    def _line_and_error(self, line_id, action, uid, exp, token):
        line = request.env["intl.approval.line"].browse(line_id)
        return line, line._approval_link_error(uid, action, exp, token)

    def _render(self, line, action, values):
        # sudo: the summary of the step the link names, shown to its approver (checked by the caller)
        line = line.sudo().exists()
        return request.render("intl_cooperation.intl_approval_link_page", {
            "line": line.with_env(request.env), "action": action,
            "summary": (line and line._get_record()._approval_summary().get(line.res_id)) or {},
            **values})

    @http.route("/intl/approval/<int:line_id>/<string:action>", type="http", auth="user",
                methods=["GET"])
    def approval_link(self, line_id, action, uid=None, exp=None, token=None, **_kw):
        line, error = self._line_and_error(line_id, action, uid, exp, token)
        return self._render(line, action, {"error": error, "params": {"uid": uid, "exp": exp, "token": token}})

    @http.route("/intl/approval/<int:line_id>/<string:action>/confirm", type="http", auth="user",
                methods=["POST"])
    def approval_link_confirm(self, line_id, action, uid=None, exp=None, token=None, reason=None, **_kw):
        line, error = self._line_and_error(line_id, action, uid, exp, token)
        params = {"uid": uid, "exp": exp, "token": token}
        if not error:
            record = request.env[line.sudo().res_model].browse(line.sudo().res_id)
            try:
                if action == "approve":
                    record.action_approval_approve()
                elif not (reason or "").strip():
                    error = request.env._("Give the reason of the rejection.")
                else:
                    record._approval_do_reject(reason.strip())
            except (UserError, AccessError) as exc:
                request.env.cr.rollback()
                error = exc.args[0]
        return self._render(line, action, {"error": error, "params": params, "done": not error})
