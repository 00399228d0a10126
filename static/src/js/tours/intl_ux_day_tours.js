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

/** Fail when a cell of the row hides part of its text. */
function noTruncatedCell(rowSelector) {
    return {
        content: "Every cell of the row shows its whole text",
        trigger: rowSelector,
        run() {
            for (const cell of this.anchor.querySelectorAll("td.o_data_cell")) {
                if (cell.scrollWidth > cell.clientWidth + 1) {
                    throw new Error(`Cell ${cell.getAttribute("name")} is truncated: ${cell.textContent}`);
                }
            }
        },
    };
}

// Issue 25, item 8: the approver decides from the inbox row.
tours.add("intl_ux_inbox_row_tour", {
    steps: () => [
        {
            content: "The row shows where the trip goes",
            trigger: ".o_intl_inbox .o_data_row td[name='summary_where']:contains('Berlin, Germany')",
        },
        {
            content: "... its dates",
            trigger: ".o_intl_inbox .o_data_row td[name='summary_date_from']:not(:empty)",
        },
        {
            trigger: ".o_intl_inbox .o_data_row td[name='summary_date_to']:not(:empty)",
        },
        {
            content: "... and its amount with the currency",
            trigger: ".o_intl_inbox .o_data_row td[name='summary_amount']:contains('500,000.00'):contains('₸')",
        },
        noTruncatedCell(".o_intl_inbox .o_data_row"),
    ],
});

// Issue 25, item 8: a dashboard home keeps the app's menu bar; its counts stay on one line.
tours.add("intl_ux_dashboard_menu_tour", {
    steps: () => [
        {
            content: "The dashboard opens as the home with the app's menu bar",
            trigger: ".o_main_navbar .o_menu_brand:contains('International Cooperation')",
        },
        {
            trigger: ".o_main_navbar .o_menu_sections .o_nav_entry:contains('Dashboard'), .o_main_navbar .o_menu_sections button:contains('Dashboard')",
        },
        {
            content: "A count never wraps",
            trigger: ".o_intl_home_count",
            run() {
                for (const count of document.querySelectorAll(".o_intl_home_count")) {
                    if (getComputedStyle(count).whiteSpace !== "nowrap") {
                        throw new Error(`The count ${count.textContent} may wrap`);
                    }
                }
            },
        },
    ],
});

// Issue 25, item 8, on a phone: the approver's decision apart from the traveller's actions.
tours.add("intl_ux_phone_approver_tour", {
    steps: () => [
        {
            content: "The approver's decision is in its own bar",
            trigger: ".o_intl_decision_bar button[name='action_approval_approve']",
        },
        {
            trigger: ".o_intl_decision_bar button[name='action_approval_reject']",
        },
        {
            content: "... not among the record's actions",
            trigger: ".o_form_view:not(:has(.o_statusbar_buttons button[name='action_approval_approve']))",
        },
        {
            content: "The approver sees no traveller's action",
            trigger: ".o_form_view:not(:has(button[name='action_request_extension'])):not(:has(button[name='action_submit_assignment_report']))",
        },
        {
            trigger: ".o_intl_decision_bar button[name='action_approval_approve']",
            run: "click",
        },
        {
            trigger: ".o_form_view:not(:has(.o_intl_decision_bar:visible))",
        },
    ],
});

tours.add("intl_ux_phone_traveller_tour", {
    steps: () => [
        {
            content: "The traveller of an approved trip has their actions, and no decision bar",
            trigger: ".o_form_view:not(:has(.o_intl_decision_bar:visible))",
        },
        {
            content: "Their actions are in the record's menu",
            trigger: ".o_control_panel .o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu button[name='action_request_extension']",
        },
        {
            content: "... without an approver's decision among them",
            trigger: ".o-dropdown--menu:not(:has(button[name='action_approval_approve']))",
        },
    ],
});
