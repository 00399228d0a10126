/** @odoo-module **/

import { registry } from "@web/core/registry";

function stage(label) {
    return {
        content: `The trip is at the stage ${label}`,
        trigger: `.o_statusbar_status .o_arrow_button_current:contains('${label}')`,
    };
}

function approve(nextStage) {
    return [
        {
            content: "Approve the current step",
            trigger: ".o_form_view button[name='action_approval_approve']",
            run: "click",
        },
        stage(nextStage),
    ];
}

registry.category("web_tour.tours").add("intl_trip_tour", {
    steps: () => [
        {
            content: "The traveller writes the assignment",
            trigger: ".o_field_widget[name='assignment'] textarea",
            run: "edit Present the joint programme and sign the work plan.",
        },
        {
            content: "Submit the application",
            trigger: ".o_form_view button[name='action_submit']",
            run: "click",
        },
        stage("Unit Head"),
        ...approve("DIC"),
        ...approve("Management"),
        ...approve("Approved"),
        {
            content: "The order is recorded",
            trigger: ".o_field_widget[name='order_number'] span:not(:empty)",
        },
        {
            content: "The accountant pays the advance",
            trigger: ".o_form_view button[name='action_pay_advance']",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='amount'] input",
            run: "edit 500000",
        },
        {
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The advance is posted",
            trigger: ".o_intl_trip_money_state:contains('Advanced')",
        },
        {
            content: "Register the return",
            trigger: ".o_form_view button[name='action_register_return']",
            run: "click",
        },
        {
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        stage("Returned"),
        {
            content: "Open the advance report",
            trigger: ".o_form_view button[name='action_new_advance_report']",
            run: "click",
        },
        {
            content: "Add an expense",
            trigger: ".o_field_widget[name='line_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='line_ids'] .o_data_row .o_field_widget[name='category_id'] input",
            run: "edit Per diem",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Per diem')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='line_ids'] .o_data_row .o_field_widget[name='name'] input",
            run: "edit Per diem, Berlin (5 days)",
        },
        {
            trigger: ".o_field_widget[name='line_ids'] .o_data_row .o_field_widget[name='amount'] input",
            run: "edit 150000",
        },
        {
            content: "Submit the advance report",
            trigger: ".o_form_view button[name='action_submit']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Submitted')",
        },
        {
            content: "The accountant approves and posts it",
            trigger: ".o_form_view button[name='action_post']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Posted')",
        },
        {
            content: "Back to the trip",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains('TRIP/')",
            run: "click",
        },
        {
            content: "Settle the balance",
            trigger: ".o_form_view button[name='action_settle']",
            run: "click",
        },
        {
            content: "The traveller returns the rest by bank",
            trigger: ".modal .o_field_widget[name='method'] input[data-value='return']:checked",
        },
        {
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The trip is settled",
            trigger: ".o_form_view .ribbon:contains('Settled')",
        },
    ],
});
