/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("intl_partner_institution_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open International Cooperation",
            trigger: ".o_app[data-menu-xmlid='intl_cooperation.intl_cooperation_menu_root']",
            run: "click",
        },
        {
            content: "Open the partner institutions",
            trigger: ".o_main_navbar [data-menu-xmlid='intl_cooperation.intl_cooperation_menu_partners']",
            run: "click",
        },
        {
            trigger: ".dropdown-item[data-menu-xmlid='intl_cooperation.res_partner_menu_intl_institution']",
            run: "click",
        },
        {
            content: "The institutions are shown as cards",
            trigger: ".o_intl_institution_kanban .o_kanban_record",
        },
        {
            content: "Create an institution",
            trigger: ".o-kanban-button-new",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='name'] input, .o_field_widget[name='name'] textarea",
            run: "edit Tallinn University of Technology",
        },
        {
            trigger: ".o_field_widget[name='country_id'] input",
            run: "edit Estonia",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Estonia')",
            run: "click",
        },
        {
            content: "The cooperation data are on the institution's own form, first page",
            trigger: ".o_form_view .o_field_widget[name='intl_schac_code'] input",
        },
        {
            trigger: ".o_field_widget[name='intl_institution_type'] select",
            run: "select \"university\"",
        },
        {
            trigger: ".o_field_widget[name='intl_erasmus_code'] input",
            run: "edit EE TALLINN04",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
        {
            content: "Back to the institutions",
            trigger: ".o_breadcrumb .breadcrumb-item a",
            run: "click",
        },
        {
            content: "The new institution is in the kanban",
            trigger: ".o_intl_institution_kanban .o_kanban_record:contains('Tallinn University of Technology')",
        },
    ],
});
