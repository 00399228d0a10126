"""Vendor bills and their payments for the invited-scholar money (state fees, acts)."""

from odoo import fields
from odoo.exceptions import UserError


def create_vendor_bill(env, company, partner, account, amount, currency, label, ref,
                       date, partner_bank=None, analytic_distribution=None):
    """A posted vendor bill (``in_invoice``) of one line (charged to ``analytic_distribution``)."""
    company._intl_scholar_accounting()
    journal = company.intl_scholar_purchase_journal_id
    if not journal:
        raise UserError(env._("Create a purchase journal for the scholar bills in Accounting."))
    if not account:
        raise UserError(env._("Set the expense accounts of invited scholars in the "
                              "International Cooperation settings."))
    move = env["account.move"].create({
        "move_type": "in_invoice",
        "company_id": company.id,
        "journal_id": journal.id,
        "partner_id": partner.id,
        "partner_bank_id": partner_bank.id if partner_bank else False,
        "invoice_date": date,
        "date": date,
        "ref": ref,
        "currency_id": currency.id,
        "invoice_line_ids": [fields.Command.create({
            "name": label, "account_id": account.id, "quantity": 1.0, "price_unit": amount,
            "tax_ids": [fields.Command.clear()],
            "analytic_distribution": analytic_distribution or False,
        })],
    })
    move.action_post()
    return move


def pay_vendor_bill(env, move, date, journal=None):
    """Pay ``move`` through Odoo payments (``account.payment``), reconciled with the bill."""
    company = move.company_id._intl_scholar_accounting()
    journal = journal or company.intl_scholar_payment_journal_id
    if not journal:
        raise UserError(env._("Create a bank journal for the scholar payments in Accounting."))
    wizard = env["account.payment.register"].with_context(
        active_model="account.move", active_ids=move.ids).create({
            "payment_date": date, "journal_id": journal.id})
    payments = wizard._create_payments()
    return payments
