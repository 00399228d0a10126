/** @odoo-module **/

import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

// Issue 25, item 7: the accountant reads every amount in its currency and in tenge.
tours.add("intl_ux_money_desk_currency_tour", {
    steps: () => [
        {
            content: "The money desk groups the trips by what waits",
            trigger: ".o_breadcrumb:contains('Money Desk')",
        },
        {
            trigger: ".o_group_header:contains('To Settle')",
            run: "click",
        },
        {
            content: "The advance in euros carries its symbol",
            trigger: ".o_data_row td[name='amount_advanced']:contains('€')",
        },
        {
            content: "... and its tenge equivalent, as booked",
            trigger: ".o_data_row td[name='amount_advanced_company']:contains('500,000.00'):contains('₸')",
        },
        {
            trigger: ".o_data_row td[name='amount_balance_company']:contains('₸')",
        },
        {
            content: "Open the trip",
            trigger: ".o_data_row td[name='name']",
            run: "click",
        },
        {
            content: "The advance is paid: no Pay Advance button any more",
            trigger: ".o_form_view .o_statusbar_buttons:not(:has(button[name='action_pay_advance']))",
        },
        {
            trigger: ".o_notebook a[name='money']",
            run: "click",
        },
        {
            content: "The money tab gives the tenge equivalent of the euro amounts",
            trigger: ".o_field_widget[name='amount_advanced_company']:contains('500,000.00')",
        },
    ],
});

tours.add("intl_ux_payment_employee_tour", {
    steps: () => [
        {
            content: "The traveller on a trip payment is an employee, not a vendor",
            trigger: ".o_form_view .o_form_label:contains('Employee')",
        },
        {
            trigger: ".o_form_view:not(:has(.o_form_label:contains('Vendor')))",
        },
    ],
});
