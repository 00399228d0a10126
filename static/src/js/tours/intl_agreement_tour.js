/** @odoo-module **/
import { registry } from "@web/core/registry";

const stage = (value) => ({
    content: `The agreement reaches the stage ${value}`,
    trigger: `.o_statusbar_status button.o_arrow_button_current[data-value='${value}']`,
});
const click = (name, content) => ({
    content,
    trigger: `.o_form_view .o_statusbar_buttons button[name='${name}']`,
    run: "click",
});

registry.category("web_tour.tours").add("intl_agreement_tour", {
    steps: () => [
        stage("draft"),
        click("action_submit", "The institute submits its memo and proposal to DIC"),
        stage("submitted"),
        click("action_approval_submit", "DIC starts the approval route"),
        stage("dic_review"),
        click("action_start_negotiation", "DIC negotiates the forms of cooperation"),
        stage("negotiation"),
        click("action_draft_ready", "The draft agreement is ready"),
        stage("drafting"),
        {
            content: "Open the draft agreement page",
            trigger: ".o_notebook .nav-link[name='draft']",
            run: "click",
        },
        {
            content: "The first version of the draft is listed",
            trigger: "div[name='draft_version_ids'] .o_data_row",
        },
        {
            content: "Term of validity before the legal review",
            trigger: "div[name='term_years'] input",
            run: "edit 5",
        },
        {
            content: "Conditions of implementation before the legal review",
            trigger: "div[name='implementation_conditions'] textarea",
            run: "edit Each party appoints a coordinator and reports once a year.",
        },
        click("action_approval_approve", "The DIC Director approves the draft"),
        stage("legal_review"),
        click("action_approval_approve", "The Legal Reviewer approves the draft"),
        stage("management"),
        {
            content: "The version Legal approved is marked",
            trigger: "div[name='draft_approved_version_id']:contains('1')",
        },
        click("action_approval_approve", "Management approves the signing"),
        stage("approved"),
        {
            content: "Open the signing page",
            trigger: ".o_notebook .nav-link[name='signing']",
            run: "click",
        },
        {
            content: "University signatory",
            trigger: "div[name='signatory_university'] input",
            run: "edit Meruyert Begentayeva",
        },
        {
            content: "Partner signatory",
            trigger: "div[name='signatory_partner'] input",
            run: "edit Geraldine Rauch",
        },
        {
            content: "Partner signatory position",
            trigger: "div[name='signatory_partner_position'] input",
            run: "edit President",
        },
        click("action_sign", "Register the signature"),
        stage("in_force"),
        {
            content: "The copies register is filled",
            trigger: ".o_notebook .nav-link[name='copies']",
            run: "click",
        },
        {
            content: "The original is kept by Accounting",
            trigger: "div[name='copy_ids'] td:contains('Finance and Accounting')",
        },
    ],
});
