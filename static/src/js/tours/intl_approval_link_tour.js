/** @odoo-module **/
import { registry } from "@web/core/registry";

// The approver opens the Approve link of their reminder e-mail: the page shows the record's
// summary and asks to confirm; the click decides the step (tests/test_approval_link.py).
registry.category("web_tour.tours").add("intl_approval_link_tour", {
    steps: () => [
        {
            content: "The page of the link shows what is to be decided",
            trigger: ".o_intl_approval_link ul li",
        },
        {
            content: "The approver confirms the decision",
            trigger: ".o_intl_approval_link_form button[type='submit'].btn-primary",
            run: "click",
        },
        {
            content: "The step is approved",
            trigger: ".o_intl_approval_link_done",
        },
    ],
});
