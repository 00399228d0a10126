def post_init_hook(env):
    """Load Odoo's own Russian terms for every installed module.

    The module's data activates Kazakh (which it creates: Odoo 18 ships no
    kk_KZ) and Russian, and Odoo loads the module's own kk.po and ru.po; the
    rest of the interface needs Odoo's Russian translations loaded too.
    """
    modules = env["ir.module.module"].search([("state", "in", ("installed", "to install", "to upgrade"))])
    modules._update_translations(["ru_RU"])
