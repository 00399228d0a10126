/** @odoo-module **/

import { registry } from "@web/core/registry";

// A DIC officer enters a cooperation condition on a draft agreement and sees its EWP hash.
registry.category("web_tour.tours").add("intl_ewp_conditions_tour", {
    steps: () => [
        {
            content: "Open the agreement's cooperation conditions",
            trigger: ".o_notebook a.nav-link:contains('Cooperation Conditions')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='condition_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Staff training, sent by the partner",
            trigger: ".modal .o_field_widget[name='direction'] input[data-value='incoming']",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='mobility_type'] select",
            run: "select \"training\"",
        },
        {
            trigger: ".modal .o_field_widget[name='year_first'] input",
            run: "edit 2026/2027",
        },
        {
            trigger: ".modal .o_field_widget[name='year_last'] input",
            run: "edit 2027/2028",
        },
        {
            trigger: ".modal .o_field_widget[name='mobilities_per_year'] input",
            run: "edit 3",
        },
        {
            content: "Staff mobility counts days",
            trigger: ".modal .o_field_widget[name='total_days_per_year'] input",
            run: "edit 15",
        },
        {
            trigger: ".modal .o_field_widget[name='seats_total']:contains('6')",
        },
        {
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='condition_ids'] .o_data_row:contains('2026/2027')",
        },
        {
            trigger: ".o_form_button_save:enabled",
            run: "click",
        },
        {
            content: "wait for the agreement to be saved",
            trigger: ".o_form_readonly, .o_form_saved",
        },
        {
            content: "The agreement has its EWP hash",
            trigger: ".o_form_saved .o_field_widget[name='ewp_iia_hash']:not(:empty)",
        },
    ],
});

// The institute's coordinator opens a call for the quota of a signed agreement's condition.
registry.category("web_tour.tours").add("intl_mobility_call_tour", {
    steps: () => [
        {
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='condition_id'] input",
            run: "edit Outgoing",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Student Studies')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='academic_year'] input",
            run: "edit 2026/2027",
        },
        {
            trigger: ".o_field_widget[name='date_deadline'] input",
            run: "edit 12/31/2099",
        },
        {
            trigger: ".o_form_button_save:enabled",
            run: "click",
        },
        {
            trigger: ".o_form_readonly, .o_form_saved",
        },
        {
            content: "The seats come from the agreement's quota",
            trigger: ".o_field_widget[name='seats'] input:value(2)",
        },
        {
            trigger: ".o_form_view button[name='action_open']",
            run: "click",
        },
        {
            content: "Applications are open",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Applications Open')",
        },
    ],
});
