import re
from datetime import date

from werkzeug.urls import url_encode

from odoo import Command, http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.tools import email_normalize
from odoo.tools.mimetypes import guess_mimetype
from odoo.tools.translate import LazyTranslate

from ..models.intl_letter_mixin import partner_coordinators

_lt = LazyTranslate(__name__)
# _lt: the chatter keeps the English source and each reader reads it in their language
# pylint: disable=prefer-env-translation

ALLOWED_MIMETYPES = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}
DEFAULT_MAX_MB = 10
MAX_CHARS = 200
MAX_PROFILE_CHARS = 4000

PROFILE_LABELS = {
    "name": _lt("Name in Latin (as in the passport)"),
    "intl_name_cyrillic": _lt("Name in Cyrillic"),
    "intl_degree": _lt("Academic Degree"),
    "intl_citizenship_id": _lt("Citizenship"),
    "intl_profile": _lt("Short Profile"),
    "email": _lt("E-mail"),
    "phone": _lt("Phone"),
}


def _max_upload_bytes():
    # sudo: a system parameter the portal reads (the limit of the files it accepts)
    value = request.env["ir.config_parameter"].sudo().get_param("intl_cooperation.portal_upload_max_mb")
    try:
        megabytes = float(value) if value else DEFAULT_MAX_MB
    except ValueError:
        megabytes = DEFAULT_MAX_MB
    return int(megabytes * 1024 * 1024)


def portal_error_messages(env):
    """The messages of the portal's refusals, by code, in the reader's language (the page shows a
    code's message, never what the request carried)."""
    megabytes = _max_upload_bytes() // (1024 * 1024)
    return {
        "file_type": env._("Only PDF, JPEG or PNG files are accepted."),
        "file_size": env._("The file is larger than %(size)s MB: send a smaller scan.", size=megabytes),
        "file_empty": env._("Choose a file to send."),
        "document": env._("This document cannot be sent through the portal (it is verified already or "
                          "it is not yours to send)."),
        "closed": env._("This visit no longer accepts changes through the portal."),
        "email": env._("The e-mail address is not valid."),
        "date": env._("The date is not valid (use the calendar)."),
        "too_long": env._("A field is too long."),
        "required": env._("The name in Latin letters is required."),
        "country": env._("Choose the citizenship from the list."),
        "bank": env._("Give the account number (IBAN) with the bank's name."),
        "member": env._("This member is not on your delegation's list."),
        "member_removed": env._("This member can no longer be removed: ask the International Cooperation "
                                "Department."),
        "replace": env._("Only a document received and not yet verified can be replaced."),
        "member_name": env._("Give the member's surname and name."),
        "member_invalid": env._("The member could not be saved: check the dates (arrival before "
                                "departure)."),
        "nomination": env._("Give the nominee's surname, name, e-mail, academic year and dates (the end "
                            "after the start)."),
        "agreement": env._("Choose one of your institution's agreements."),
        "missing": env._("Send every required document before submitting the application."),
    }


class IntlPortalError(Exception):
    """A refusal of the portal, shown on the page by its code."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


def check_upload(upload):
    """(name, raw bytes, mimetype) of an uploaded file the portal accepts, else IntlPortalError."""
    if not upload or not getattr(upload, "filename", None):
        raise IntlPortalError("file_empty")
    limit = _max_upload_bytes()
    raw = upload.read(limit + 1)
    if not raw:
        raise IntlPortalError("file_empty")
    if len(raw) > limit:
        raise IntlPortalError("file_size")
    mimetype = guess_mimetype(raw)
    if mimetype not in ALLOWED_MIMETYPES:
        raise IntlPortalError("file_type")
    name = re.sub(r"[^\w.\- ]+", "_", upload.filename)[:120] or "file"
    extension = ALLOWED_MIMETYPES[mimetype]
    if not name.lower().endswith("." + extension) and not (
            extension == "jpg" and name.lower().endswith(".jpeg")):
        name = f"{name}.{extension}"
    return name, raw, mimetype


def clean_text(value, limit=MAX_CHARS):
    value = (value or "").strip()
    if len(value) > limit:
        raise IntlPortalError("too_long")
    return value


class IntlPortal(CustomerPortal):
    """The pages of the people outside the university: the invited scholar's
    (/my/scholar_visits, /my/scholar_visit/<id>) and the delegation contact person's
    (/my/delegations, /my/delegation/<id>).

    Every route checks the visit first (its scholar logged in, or its valid link) and then
    reads and writes it as sudo, as Odoo's portal does: portal users hold no access right on
    the module's models, so JSON-RPC gives them nothing.
    """

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "intl_scholar_visit_count" in counters:
            values["intl_scholar_visit_count"] = len(self._intl_my_visits())
        if "intl_partner_count" in counters:
            values["intl_partner_count"] = len(self._intl_partner_agreements())
        if "intl_nomination_count" in counters:
            values["intl_nomination_count"] = len(self._intl_my_records("intl.mobility.nomination", "applicant_id"))
        if "intl_delegation_count" in counters:
            values["intl_delegation_count"] = len(
                self._intl_my_records("intl.delegation", "portal_contact_id"))
        return values

    def _intl_my_records(self, model, contact_field):
        user = request.env.user
        if not user.share or user._is_public():
            return request.env[model]
        # sudo: the records whose external person is the logged-in portal user's own contact
        return request.env[model].sudo().search(
            [(contact_field, "=", user.partner_id.id), ("state", "not in", ("cancel",))])

    def _intl_my_visits(self):
        return self._intl_my_records("intl.scholar.visit", "scholar_id")

    def _intl_record(self, model, record_id, access_token=None):
        """The record as sudo after the check, else MissingError/AccessError (404/403)."""
        record = request.env[model].browse(record_id)
        if not record.sudo().exists():
            raise MissingError(request.env._("This document does not exist."))
        record_sudo = record._intl_portal_check_access(access_token)
        if not record_sudo:
            raise AccessError(request.env._("This link is not valid (expired or revoked). Ask the "
                                            "International Cooperation Department for a new one."))
        return record_sudo

    def _intl_visit(self, visit_id, access_token=None):
        return self._intl_record("intl.scholar.visit", visit_id, access_token)

    def _intl_url(self, record, access_token=None, **params):
        query = {key: value for key, value in params.items() if value}
        if access_token:
            query["access_token"] = access_token
        return record.access_url + (f"?{url_encode(query)}" if query else "")

    def _intl_visit_url(self, visit, access_token=None, **params):
        return self._intl_url(visit, access_token, **params)

    def _intl_list_page(self, records, url, key, page_name, template, page):
        """A /my list of the external person's records, paged as Odoo's portal lists."""
        pager = portal_pager(url=url, total=len(records), page=page, step=self._items_per_page)
        values = self._prepare_portal_layout_values()
        values.update({
            key: records[pager["offset"]:pager["offset"] + self._items_per_page],
            "pager": pager, "page_name": page_name, "default_url": url,
        })
        return request.render(template, values)

    @http.route(["/my/scholar_visits", "/my/scholar_visits/page/<int:page>"], type="http",
                auth="user", website=True)
    def portal_my_scholar_visits(self, page=1, **_kw):
        return self._intl_list_page(self._intl_my_visits(), "/my/scholar_visits", "visits", "intl_scholar_visits",
                                    "intl_cooperation.portal_my_scholar_visits", page)

    @http.route("/my/scholar_visit/<int:visit_id>", type="http", auth="public", website=True)
    def portal_scholar_visit(self, visit_id, access_token=None, error=None, sent=None, **kw):
        try:
            visit = self._intl_visit(visit_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        errors = portal_error_messages(request.env)
        values.update({
            "visit": visit, "page_name": "intl_scholar_visit",
            "error_message": errors.get(error), "sent": sent,
            "lines": visit._intl_portal_lines(),
            "missing_lines": visit._intl_portal_missing_lines(),
            "countries": request.env["res.country"].sudo().search([]),
            "bank": visit.scholar_id.bank_ids[:1],
            "passport_filled": bool(visit.scholar_id.intl_passport_number),
            "can_edit": visit._intl_portal_can_edit(),
            "max_mb": _max_upload_bytes() // (1024 * 1024),
        })
        values = self._get_page_view_values(visit, access_token, values, "my_scholar_visits_history",
                                            False, **kw)
        if not access_token:
            # the chatter of the logged-in scholar reads and posts with the visit's token (portal
            # users have no right on the visit itself); the forms need none
            values["token"] = visit._portal_ensure_token()
        return request.render("intl_cooperation.portal_my_scholar_visit", values)

    @http.route("/my/scholar_visit/<int:visit_id>/profile", type="http", auth="public",
                methods=["POST"], website=True)
    def portal_scholar_visit_profile(self, visit_id, access_token=None, **post):
        visit = self._intl_visit(visit_id, access_token)
        try:
            if not visit._intl_portal_can_edit():
                raise IntlPortalError("closed")
            changed = self._intl_save_profile(visit, post)
        except IntlPortalError as error:
            return request.redirect(self._intl_visit_url(visit, access_token, error=error.code))
        except (UserError, ValidationError):
            request.env.cr.rollback()
            return request.redirect(self._intl_visit_url(visit, access_token, error="closed"))
        if changed:
            visit._intl_message_post(
                _lt("The scholar updated their profile through the portal: %(fields)s", fields=changed),
                author_id=visit.scholar_id.id, message_type="comment", subtype_xmlid="mail.mt_comment")
        return request.redirect(self._intl_visit_url(visit, access_token, sent="profile"))

    def _intl_save_profile(self, visit, post):
        """Write the scholar's profile; return the labels of what changed (never the values:
        the passport is DIC's)."""
        partner = visit.scholar_id
        vals = {}
        for name in ("name", "intl_name_cyrillic", "intl_degree", "phone"):
            vals[name] = clean_text(post.get(name))
        vals["intl_profile"] = clean_text(post.get("intl_profile"), MAX_PROFILE_CHARS)
        if not vals["name"]:
            raise IntlPortalError("required")
        email = clean_text(post.get("email"))
        if email and not email_normalize(email):
            raise IntlPortalError("email")
        vals["email"] = email
        country_id = post.get("intl_citizenship_id")
        if country_id:
            country = request.env["res.country"].sudo().browse(
                int(country_id) if country_id.isdigit() else 0).exists()
            if not country:
                raise IntlPortalError("country")
            vals["intl_citizenship_id"] = country.id
        changed = [PROFILE_LABELS[name] for name, value in vals.items()
                   if (partner[name].id if name == "intl_citizenship_id" else (partner[name] or "")) != value]
        vals = {name: value for name, value in vals.items()
                if (partner[name].id if name == "intl_citizenship_id" else (partner[name] or "")) != value}
        # the passport: written when given, never shown back (DIC reads it)
        passport = clean_text(post.get("passport_number"))
        if passport:
            vals["intl_passport_number"] = passport
        expiry = (post.get("passport_expiry") or "").strip()
        if expiry:
            try:
                vals["intl_passport_expiry"] = date.fromisoformat(expiry)
            except ValueError as exc:
                raise IntlPortalError("date") from exc
        if passport or expiry:
            changed.append(_lt("Passport data"))
        if vals:
            partner.write(vals)
        # the bank details of the act of services rendered
        acc_number = clean_text(post.get("bank_acc_number"))
        bank_name = clean_text(post.get("bank_name"))
        bic = clean_text(post.get("bank_bic"), 20)
        if acc_number or bank_name or bic:
            if not (acc_number and bank_name):
                raise IntlPortalError("bank")
            self._intl_save_bank(partner, acc_number, bank_name, bic)
            changed.append(_lt("Bank details"))
        return changed

    def _intl_save_bank(self, partner, acc_number, bank_name, bic):
        Bank = request.env["res.bank"].sudo()
        bank = (bic and Bank.search([("bic", "=", bic)], limit=1)) or Bank.search(
            [("name", "=", bank_name)], limit=1)
        if not bank:
            bank = Bank.create({"name": bank_name, "bic": bic or False})
        account = partner.bank_ids.filtered(
            lambda acc: acc.sanitized_acc_number == re.sub(r"\W+", "", acc_number).upper())[:1]
        if account:
            account.write({"bank_id": bank.id})
        else:
            sequence = min(partner.bank_ids.mapped("sequence") or [10]) - 1
            request.env["res.partner.bank"].sudo().create({
                "partner_id": partner.id, "acc_number": acc_number, "bank_id": bank.id,
                "sequence": sequence})

    # ------------------------------------------------------------------
    # The documents of a checklist (the scholar's visit, the applicant's nomination)
    # ------------------------------------------------------------------

    def _intl_portal_upload(self, record, line_id, upload, replace=False):
        """Put the uploaded file on a checklist line of the checked ``record`` (sudo, after
        ``_intl_record``): added to the line's files (a missing line is then received), or, with
        ``replace``, in place of the files of a received line, which DIC has not verified yet.
        Returns the line; IntlPortalError when the record, the line, its status or the file
        refuse it."""
        line = record._intl_portal_lines().filtered(lambda item: item.id == line_id)
        if not record._intl_portal_can_edit():
            raise IntlPortalError("closed")
        if not line or line.state == "verified":
            raise IntlPortalError("document")
        if replace and line.state != "received":
            raise IntlPortalError("replace")
        name, raw, mimetype = check_upload(upload)
        # sudo (as the whole route): the file of the checked record's own checklist line
        attachment = request.env["ir.attachment"].sudo().create({
            "name": name, "raw": raw, "mimetype": mimetype, "res_model": line._name, "res_id": line.id})
        previous = line.attachment_ids
        line.write({"attachment_ids": [Command.set(attachment.ids)] if replace else [Command.link(attachment.id)]})
        if replace:
            # the replaced files go (a passport scan is not kept anywhere the line's rule does not guard)
            previous.unlink()
        return line

    def _intl_portal_document(self, model, record_id, line_id, access_token, upload, author_field, replace=False,
                              comment=None):
        """The route of a document sent (or replaced) through the portal: the file on its line,
        the sending in the record's chatter in the external person's name, back to the page."""
        record = self._intl_record(model, record_id, access_token)
        try:
            line = self._intl_portal_upload(record, line_id, upload, replace=replace)
            comment = clean_text(comment, MAX_PROFILE_CHARS)
        except IntlPortalError as error:
            request.env.cr.rollback()
            return request.redirect(self._intl_url(record, access_token, error=error.code))
        author = record[author_field]
        message = (_lt("Replaced through the portal: %(documents)s", documents=line.type_id) if replace
                   else _lt("Sent through the portal: %(documents)s", documents=line.type_id))
        record._intl_message_post(message, author_id=author.id, message_type="comment",
                                  subtype_xmlid="mail.mt_comment")
        if comment:
            # the external person's own words, escaped as any text the portal receives
            record.message_post(body=comment, author_id=author.id, message_type="comment",
                                subtype_xmlid="mail.mt_comment")
        return request.redirect(self._intl_url(record, access_token, sent="replaced" if replace else "document"))

    @http.route(["/my/scholar_visit/<int:visit_id>/document/<int:line_id>",
                 "/my/scholar_visit/<int:visit_id>/document/<int:line_id>/<string:mode>"], type="http",
                auth="public", methods=["POST"], website=True)
    def portal_scholar_visit_document(self, visit_id, line_id, mode=None, access_token=None, file=None,
                                      comment=None, **_kw):
        if mode not in (None, "replace"):
            return request.not_found()
        return self._intl_portal_document("intl.scholar.visit", visit_id, line_id, access_token, file,
                                          "scholar_id", replace=mode == "replace", comment=comment)

    @http.route("/my/scholar_visit/<int:visit_id>/invitation", type="http", auth="public",
                website=True)
    def portal_scholar_visit_invitation(self, visit_id, access_token=None, **_kw):
        visit = self._intl_visit(visit_id, access_token)
        if not visit._intl_portal_can_print_invitation():
            return request.redirect(self._intl_visit_url(visit, access_token))
        lang = visit.scholar_id.lang or request.env.lang
        return self._show_report(model=visit.with_context(lang=lang), report_type="pdf",
                                 report_ref="intl_cooperation.action_report_intl_scholar_invitation",
                                 download=True)

    # ------------------------------------------------------------------
    # The delegation's contact person
    # ------------------------------------------------------------------

    @http.route(["/my/delegations", "/my/delegations/page/<int:page>"], type="http", auth="user",
                website=True)
    def portal_my_delegations(self, page=1, **_kw):
        return self._intl_list_page(self._intl_my_records("intl.delegation", "portal_contact_id"), "/my/delegations",
                                    "delegations", "intl_delegations", "intl_cooperation.portal_my_delegations", page)

    @http.route("/my/delegation/<int:delegation_id>", type="http", auth="public", website=True)
    def portal_delegation(self, delegation_id, access_token=None, error=None, sent=None, **kw):
        try:
            delegation = self._intl_record("intl.delegation", delegation_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update({
            "delegation": delegation, "page_name": "intl_delegation",
            "error_message": portal_error_messages(request.env).get(error), "sent": sent,
            "countries": request.env["res.country"].sudo().search([]),
            "can_edit": delegation._intl_portal_can_edit(),
        })
        values = self._get_page_view_values(delegation, access_token, values, "my_delegations_history",
                                            False, **kw)
        if not access_token:
            values["token"] = delegation._portal_ensure_token()
        return request.render("intl_cooperation.portal_my_delegation", values)

    @http.route(["/my/delegation/<int:delegation_id>/member",
                 "/my/delegation/<int:delegation_id>/member/<int:member_id>"], type="http",
                auth="public", methods=["POST"], website=True)
    def portal_delegation_member(self, delegation_id, member_id=None, access_token=None, **post):
        delegation = self._intl_record("intl.delegation", delegation_id, access_token)
        member = delegation.member_ids.filtered(lambda item: item.id == member_id) if member_id else None
        try:
            if not delegation._intl_portal_can_edit():
                raise IntlPortalError("closed")
            if member_id and not member:
                raise IntlPortalError("member")
            vals = self._intl_member_vals(post)
            if member:
                member.write(vals)
                message = _lt("The contact person updated a member of the delegation: %(member)s",
                              member=member)
            else:
                member = request.env["intl.delegation.member"].sudo().create(
                    {**vals, "delegation_id": delegation.id})
                message = _lt("The contact person added a member to the delegation: %(member)s",
                              member=member)
        except IntlPortalError as error:
            return request.redirect(self._intl_url(delegation, access_token, error=error.code))
        except (UserError, ValidationError):
            request.env.cr.rollback()
            return request.redirect(self._intl_url(delegation, access_token, error="member_invalid"))
        delegation._intl_message_post(message, author_id=delegation.portal_contact_id.id,
                                      message_type="comment", subtype_xmlid="mail.mt_comment")
        return request.redirect(self._intl_url(delegation, access_token, sent="member"))

    @http.route("/my/delegation/<int:delegation_id>/member/<int:member_id>/remove", type="http",
                auth="public", methods=["POST"], website=True)
    def portal_delegation_member_remove(self, delegation_id, member_id, access_token=None, **_kw):
        """The contact person takes a member off the list while the visit is being prepared."""
        delegation = self._intl_record("intl.delegation", delegation_id, access_token)
        member = delegation.member_ids.filtered(lambda item: item.id == member_id)
        try:
            if not delegation._intl_portal_can_edit():
                raise IntlPortalError("closed")
            if not member:
                raise IntlPortalError("member")
            name = member.name
            member.unlink()
        except IntlPortalError as error:
            return request.redirect(self._intl_url(delegation, access_token, error=error.code))
        except (UserError, ValidationError):
            request.env.cr.rollback()
            return request.redirect(self._intl_url(delegation, access_token, error="member_removed"))
        delegation._intl_message_post(
            _lt("The contact person removed a member from the delegation: %(member)s", member=name),
            author_id=delegation.portal_contact_id.id, message_type="comment", subtype_xmlid="mail.mt_comment")
        return request.redirect(self._intl_url(delegation, access_token, sent="member_removed"))

    def _intl_member_vals(self, post):
        vals = {name: clean_text(post.get(name)) for name in (
            "surname", "first_name", "position", "workplace", "travel_details", "dietary_needs")}
        if not (vals["surname"] and vals["first_name"]):
            raise IntlPortalError("member_name")
        vals["needs_visa"] = bool(post.get("needs_visa"))
        country_id = post.get("citizenship_id") or ""
        if country_id:
            country = request.env["res.country"].sudo().browse(
                int(country_id) if country_id.isdigit() else 0).exists()
            if not country:
                raise IntlPortalError("country")
            vals["citizenship_id"] = country.id
        for name in ("date_arrival", "date_departure", "passport_expiry_date", "birth_date"):
            value = (post.get(name) or "").strip()
            if value:
                try:
                    vals[name] = date.fromisoformat(value)
                except ValueError as exc:
                    raise IntlPortalError("date") from exc
        # the passport: written when given, never shown back (DIC reads it)
        for name in ("passport_number", "passport_issued_by"):
            value = clean_text(post.get(name))
            if value:
                vals[name] = value
        return vals

    @http.route("/my/delegation/<int:delegation_id>/<string:report>", type="http", auth="public",
                website=True)
    def portal_delegation_report(self, delegation_id, report, access_token=None, **_kw):
        delegation = self._intl_record("intl.delegation", delegation_id, access_token)
        reports = {"invitation": ("intl_cooperation.intl_delegation_report_invitation",
                                  delegation._intl_portal_can_print_invitation()),
                   "programme": ("intl_cooperation.intl_delegation_report_programme",
                                 delegation._intl_portal_show_programme())}
        report_ref, allowed = reports.get(report, (None, False))
        if not allowed:
            return request.redirect(self._intl_url(delegation, access_token))
        lang = delegation.lang_id.code or delegation.portal_contact_id.lang or request.env.lang
        return self._show_report(model=delegation.with_context(lang=lang), report_type="pdf",
                                 report_ref=report_ref, download=True)

    # ------------------------------------------------------------------
    # The partner institution's coordinator
    # ------------------------------------------------------------------

    def _intl_partner_institution(self):
        """The partner institution of the logged-in portal user (their company), or nothing."""
        user = request.env.user
        if not user.share or user._is_public():
            return request.env["res.partner"]
        if not partner_coordinators(user.partner_id):
            return request.env["res.partner"]
        return user.partner_id.sudo().parent_id

    def _intl_partner_agreements(self):
        institution = self._intl_partner_institution()
        if not institution:
            return request.env["intl.agreement"]
        # sudo: the agreements of the portal user's own institution, as far as they were decided
        return request.env["intl.agreement"].sudo().search([
            ("partner_id", "=", institution.id),
            ("state", "in", ("approved", "signed", "in_force", "expired", "terminated"))])

    @http.route("/my/partner", type="http", auth="user", website=True)
    def portal_partner(self, error=None, sent=None, **_kw):
        institution = self._intl_partner_institution()
        if not institution:
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update({
            "institution": institution, "agreements": self._intl_partner_agreements(),
            "nominations": self._intl_my_records("intl.mobility.nomination", "nominated_by_id"),
            "page_name": "intl_partner", "error_message": portal_error_messages(request.env).get(error),
            "sent": sent,
            "mobility_types": request.env["intl.mobility.nomination"]._fields["mobility_type"]._description_selection(
                request.env),
        })
        return request.render("intl_cooperation.portal_my_partner", values)

    @http.route("/my/partner/nominate", type="http", auth="user", methods=["POST"], website=True)
    def portal_partner_nominate(self, **post):
        institution = self._intl_partner_institution()
        if not institution:
            return request.redirect("/my")
        agreements = self._intl_partner_agreements()
        try:
            agreement_id = post.get("agreement_id") or ""
            agreement = agreements.filtered(
                lambda item: str(item.id) == agreement_id) if agreement_id else agreements[:0]
            if agreement_id and not agreement:
                raise IntlPortalError("agreement")
            vals = self._intl_nomination_vals(post)
        except IntlPortalError as error:
            return request.redirect(f"/my/partner?error={error.code}")
        partner = request.env.user.partner_id
        applicant = request.env["res.partner"].sudo().create({
            "name": f"{vals['first_name']} {vals['surname']}", "email": vals["email"],
            "parent_id": institution.id, "lang": partner.lang})
        try:
            # sudo: the nomination of the checked partner institution's coordinator, a draft the
            # university's coordinator checks
            # (through the engine's path: who nominated is the engine's field)
            nomination = request.env["intl.mobility.nomination"].sudo()._lifecycle_create([{
                **vals, "partner_id": institution.id, "agreement_id": agreement.id,
                "institute_id": agreement.institute_id.id, "nominated_by_id": partner.id,
                "applicant_id": applicant.id,
                "company_id": (agreement.company_id or request.env.company).id}])
        except (UserError, ValidationError):
            request.env.cr.rollback()
            return request.redirect("/my/partner?error=nomination")
        nomination._intl_message_post(
            _lt("Nominated by %(coordinator)s of %(institution)s.", coordinator=partner, institution=institution),
            author_id=partner.id, message_type="comment", subtype_xmlid="mail.mt_comment")
        return request.redirect("/my/partner?sent=nomination")

    def _intl_nomination_vals(self, post):
        vals = {name: clean_text(post.get(name)) for name in (
            "surname", "first_name", "email", "academic_year", "field_of_study")}
        if not (vals["surname"] and vals["first_name"] and vals["academic_year"]):
            raise IntlPortalError("nomination")
        if not email_normalize(vals["email"]):
            raise IntlPortalError("email")
        vals["participant_type"] = "staff" if post.get("participant_type") == "staff" else "learner"
        mobility_type = post.get("mobility_type")
        vals["mobility_type"] = mobility_type if mobility_type in (
            "studies", "traineeship", "teaching", "training") else "studies"
        for name in ("date_start", "date_end"):
            try:
                vals[name] = date.fromisoformat((post.get(name) or "").strip())
            except ValueError as exc:
                raise IntlPortalError("nomination") from exc
        if vals["date_end"] < vals["date_start"]:
            raise IntlPortalError("nomination")
        return vals

    # ------------------------------------------------------------------
    # The incoming applicant
    # ------------------------------------------------------------------

    @http.route("/my/nominations", type="http", auth="user", website=True)
    def portal_my_nominations(self, **_kw):
        values = self._prepare_portal_layout_values()
        values.update({"nominations": self._intl_my_records("intl.mobility.nomination", "applicant_id"),
                       "page_name": "intl_nominations"})
        return request.render("intl_cooperation.portal_my_nominations", values)

    @http.route("/my/nomination/<int:nomination_id>", type="http", auth="public", website=True)
    def portal_nomination(self, nomination_id, access_token=None, error=None, sent=None, **kw):
        try:
            nomination = self._intl_record("intl.mobility.nomination", nomination_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update({
            "nomination": nomination, "page_name": "intl_nomination",
            "error_message": portal_error_messages(request.env).get(error), "sent": sent,
            "lines": nomination._intl_portal_lines(), "missing_lines": nomination._intl_portal_missing_lines(),
            "countries": request.env["res.country"].sudo().search([]),
            "can_edit": nomination._intl_portal_can_edit(),
            "max_mb": _max_upload_bytes() // (1024 * 1024),
        })
        values = self._get_page_view_values(nomination, access_token, values, "my_nominations_history", False, **kw)
        if not access_token:
            values["token"] = nomination._portal_ensure_token()
        return request.render("intl_cooperation.portal_my_nomination", values)

    @http.route("/my/nomination/<int:nomination_id>/save", type="http", auth="public", methods=["POST"],
                website=True)
    def portal_nomination_save(self, nomination_id, access_token=None, **post):
        nomination = self._intl_record("intl.mobility.nomination", nomination_id, access_token)
        try:
            if not nomination._intl_portal_can_edit():
                raise IntlPortalError("closed")
            vals = {"motivation": clean_text(post.get("motivation"), MAX_PROFILE_CHARS),
                    "field_of_study": clean_text(post.get("field_of_study"))}
            country_id = post.get("citizenship_id") or ""
            if country_id:
                country = request.env["res.country"].sudo().browse(
                    int(country_id) if country_id.isdigit() else 0).exists()
                if not country:
                    raise IntlPortalError("country")
                vals["citizenship_id"] = country.id
            for name in ("birth_date", "passport_expiry_date"):
                value = (post.get(name) or "").strip()
                if value:
                    try:
                        vals[name] = date.fromisoformat(value)
                    except ValueError as exc:
                        raise IntlPortalError("date") from exc
            passport = clean_text(post.get("passport_number"))
            if passport:
                vals["passport_number"] = passport
            nomination.write(vals)
        except IntlPortalError as error:
            return request.redirect(self._intl_url(nomination, access_token, error=error.code))
        if post.get("submit"):
            if nomination._intl_portal_missing_lines():
                return request.redirect(self._intl_url(nomination, access_token, error="missing"))
            nomination._intl_portal_submit()
            return request.redirect(self._intl_url(nomination, access_token, sent="submitted"))
        return request.redirect(self._intl_url(nomination, access_token, sent="profile"))

    @http.route(["/my/nomination/<int:nomination_id>/document/<int:line_id>",
                 "/my/nomination/<int:nomination_id>/document/<int:line_id>/<string:mode>"], type="http",
                auth="public", methods=["POST"], website=True)
    def portal_nomination_document(self, nomination_id, line_id, mode=None, access_token=None, file=None, **_kw):
        if mode not in (None, "replace"):
            return request.not_found()
        return self._intl_portal_document("intl.mobility.nomination", nomination_id, line_id, access_token, file,
                                          "applicant_id", replace=mode == "replace")
