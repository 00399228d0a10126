/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// A DIC officer records an incoming foreign student's semester and its outcome.
registry.category("web_tour.tours").add("intl_mobility_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open International Cooperation",
            trigger: ".o_app[data-menu-xmlid='intl_cooperation.intl_cooperation_menu_root']",
            run: "click",
        },
        {
            content: "Open Mobility and Double Degrees",
            trigger: ".o_main_navbar [data-menu-xmlid='intl_cooperation.intl_degree_menu_root']",
            run: "click",
        },
        {
            trigger: ".dropdown-item[data-menu-xmlid='intl_cooperation.intl_mobility_menu']",
            run: "click",
        },
        {
            content: "Record a mobility",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='learner_id'] input",
            run: "edit Tour Learner",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Tour Learner')",
            run: "click",
        },
        {
            content: "The student comes to the university",
            trigger: ".o_field_widget[name='direction'] input[data-value='incoming']",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='partner_id'] input",
            run: "edit Tour Partner University",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Tour Partner University')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='date_start'] input",
            run: "edit 09/01/2025",
        },
        {
            trigger: ".o_field_widget[name='date_end'] input",
            run: "edit 01/31/2026",
        },
        {
            trigger: ".o_field_widget[name='academic_year'] input",
            run: "edit 2025/2026",
        },
        {
            trigger: ".o_field_widget[name='isced_code'] input",
            run: "edit 0613",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The semester is over: record it as completed",
            trigger: ".o_form_view button[name='action_complete']",
            run: "click",
        },
        {
            content: "The mobility is completed",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Completed')",
        },
    ],
});
