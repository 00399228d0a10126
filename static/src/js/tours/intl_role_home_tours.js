/** @odoo-module **/

import { registry } from "@web/core/registry";

// Each role logs in on /odoo, lands on its home and does the day's main action from there.

function inDays(days) {
    const date = new Date();
    date.setDate(date.getDate() + days);
    const pad = (number) => String(number).padStart(2, "0");
    return `${pad(date.getMonth() + 1)}/${pad(date.getDate())}/${date.getFullYear()}`;
}

registry.category("web_tour.tours").add("intl_home_requester_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "The requester lands on their trips, in workflow columns",
            trigger: ".o_breadcrumb:contains('My Trips')",
        },
        {
            content: "Apply for a new trip",
            trigger: ".o-kanban-button-new",
            run: "click",
        },
        {
            content: "The title of a new trip says so",
            trigger: ".oe_title h1:contains('New Business Trip')",
        },
        {
            trigger: ".o_field_widget[name='purpose'] input",
            run: "edit Conference on mining automation",
        },
        {
            content: "Everything missing for submission is listed at once",
            trigger: ".alert-info .o_field_widget[name='submission_issues']:contains('cost estimate')",
        },
        {
            trigger: ".o_field_widget[name='country_id'] input",
            run: "edit Germany",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Germany')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='city'] input",
            run: "edit Freiberg",
        },
        {
            trigger: ".o_field_widget[name='date_departure'] input",
            run: `edit ${inDays(6)}`,
        },
        {
            trigger: ".o_field_widget[name='date_return'] input",
            run: `edit ${inDays(9)} && press Enter`,
        },
        {
            content: "The 15-day rule is announced as soon as the dates are entered",
            trigger: ".alert-warning .o_field_widget[name='submission_late_message']:contains('15')",
        },
        {
            content: "Ask Management for a late submission",
            trigger: ".o_form_view button[name='action_request_late_submission']",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit The call for papers closed last week.",
        },
        {
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "Management is asked",
            trigger: ".o_notification:contains('Management')",
        },
    ],
});

registry.category("web_tour.tours").add("intl_home_approver_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "The unit head lands on the approvals inbox",
            trigger: ".o_breadcrumb:contains('Approvals Inbox')",
        },
        {
            content: "The row says what, who and how much",
            trigger: ".o_data_row td[name='summary_what']:contains('Joint curriculum workshop')",
        },
        {
            content: "Approve from the row",
            trigger: ".o_data_row button[name='action_approve']",
            run: "click",
        },
        {
            content: "The decision is confirmed",
            trigger: ".o_notification:contains('approved')",
        },
        {
            trigger: ".o_view_nocontent",
        },
    ],
});

registry.category("web_tour.tours").add("intl_home_dic_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "DIC lands on its dashboard",
            trigger: ".o_intl_home .o_intl_home_tile:contains('Trips Waiting for DIC') .o_intl_home_count:contains('1')",
        },
        {
            content: "Open what waits for DIC",
            trigger: ".o_intl_home .o_kanban_record:contains('Trips Waiting for DIC')",
            run: "click",
        },
        {
            trigger: ".o_data_row td[name='purpose']:contains('Joint curriculum workshop')",
            run: "click",
        },
        {
            content: "Approve the DIC step",
            trigger: ".o_form_view button[name='action_approval_approve']",
            run: "click",
        },
        {
            trigger: ".o_notification:contains('approved')",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Management')",
        },
    ],
});

registry.category("web_tour.tours").add("intl_home_accountant_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "The accountant lands on the money desk, grouped by what waits",
            trigger: ".o_breadcrumb:contains('Money Desk')",
        },
        {
            trigger: ".o_group_header:contains('Advance to Pay')",
            run: "click",
        },
        {
            content: "The amount to pay is shown",
            trigger: ".o_data_row td[name='amount_to_advance']:contains('500,000.00')",
        },
        {
            content: "Pay from the row",
            trigger: ".o_data_row button[name='action_pay_advance']",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='amount'] input",
        },
        {
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
    ],
});

registry.category("web_tour.tours").add("intl_home_hr_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "HR lands on the open cases, nearest deadline first",
            trigger: ".o_breadcrumb:contains('Open Cases by Deadline')",
        },
        {
            trigger: ".o_data_row td[name='employee_id']",
            run: "click",
        },
        {
            content: "The facts are stated from the trip",
            trigger: ".o_field_widget[name='facts_summary']:contains('not approved')",
        },
        {
            content: "Request the employee's explanation",
            trigger: ".o_form_view button[name='action_request_explanation']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Explanation Requested')",
        },
    ],
});

registry.category("web_tour.tours").add("intl_home_registrar_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "The registrar lands on their dashboard: one study plan waits for them",
            trigger: ".o_intl_home .o_intl_home_tile:contains('Study Plans Waiting for Me') .o_intl_home_count:contains('1')",
        },
        {
            trigger: ".o_intl_home .o_kanban_record:contains('Study Plans Waiting for Me')",
            run: "click",
        },
        {
            content: "The plans in workflow columns; open the one at the Registrar Office",
            trigger: ".o_kanban_group:contains('Registrar Office') .o_kanban_record:contains('Learner ST-HOME')",
            run: "click",
        },
        {
            content: "Approve the Registrar Office's step",
            trigger: ".o_form_view button[name='action_approval_approve']",
            run: "click",
        },
        {
            trigger: ".o_notification:contains('approved')",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Approved')",
        },
    ],
});
