"""Money demo through the real doors: the step "money" of the demo scenario, once the delegations
are moved (demo_scenario/__init__.py): the accountant bills the actual costs of the delegations
whose programme was approved.

``run(env)``: gives the delegation cost categories an expense account of the chart
when they have none, names the supplier of each cost (the visit's hotel for accommodation, a
demo caterer/carrier/cultural institution for the rest), takes the estimate as the actual cost
when none was entered, and creates the posted vendor bills as the demo accountant; they carry
the budget's analytic account, so the demo budgets (demo/intl_budget_demo.xml) show spending.
Idempotent: billed lines are left alone.
"""
LOCKED = ("programme_approved", "in_progress", "protocol_review", "protocol_approved", "closed")
SUPPLIERS = {
    "intl_delegation_cost_category_meals": "Navat Catering LLP (demo)",
    "intl_delegation_cost_category_transport": "Almaty Trans Service LLP (demo)",
    "intl_delegation_cost_category_cultural": "Kasteyev State Museum of Arts (demo)",
}


def run(env):
    company = env.ref("base.main_company")
    accountant = env.ref("intl_cooperation.user_accountant", raise_if_not_found=False)
    if not accountant or not company.chart_template:
        return
    Account = env["account.account"].with_company(company)
    expense = Account.search([("account_type", "=", "expense")], limit=1, order="code")
    if not expense:
        return
    for category in env["intl.delegation.cost.category"].with_company(company).search([]):
        if not category.account_id:
            category.account_id = expense
    Partner = env["res.partner"]
    suppliers = {}
    for xmlid, name in SUPPLIERS.items():
        category = env.ref(f"intl_cooperation.{xmlid}", raise_if_not_found=False)
        if category:
            suppliers[category] = Partner.search([("name", "=", name)], limit=1) or Partner.create(
                {"name": name, "is_company": True, "country_id": env.ref("base.kz").id})
    other = Partner.search([("name", "=", "University Services LLP (demo)")], limit=1) or Partner.create(
        {"name": "University Services LLP (demo)", "is_company": True})
    visits = env["intl.delegation"].search([("company_id", "=", company.id), ("state", "in", LOCKED)])
    for visit in visits:
        lines = visit.cost_line_ids.filtered(lambda line: not line.move_id)
        if not lines:
            continue
        hotel = env.ref("intl_cooperation.intl_delegation_cost_category_accommodation", raise_if_not_found=False)
        for line in lines:
            vals = {}
            if not line.partner_id:
                vals["partner_id"] = ((visit.hotel_partner_id if line.category_id == hotel else False)
                                      or suppliers.get(line.category_id) or other).id
            if not line.actual_amount:
                vals["actual_amount"] = line.amount
            if vals:
                line.write(vals)
        visit.with_user(accountant).with_context(
            allowed_company_ids=company.ids).action_create_bills()
