/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

function clickButton(name, content) {
    return {
        content,
        trigger: `.o_form_view .o_statusbar_buttons button[name="${name}"]`,
        run: "click",
    };
}

function checkStage(label) {
    return {
        content: `The visit is at the stage ${label}`,
        trigger: `.o_form_view .o_statusbar_status button.o_arrow_button_current:contains("${label}")`,
    };
}

registry.category("web_tour.tours").add("intl_delegation_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open International Cooperation",
            trigger: '.o_app[data-menu-xmlid="intl_cooperation.intl_cooperation_menu_root"]',
            run: "click",
        },
        {
            content: "Open the Delegations menu",
            trigger: '.o_main_navbar button.dropdown-toggle:contains("Delegations")',
            run: "click",
        },
        {
            content: "Open the visits",
            trigger: '.dropdown-item[data-menu-xmlid="intl_cooperation.intl_delegation_menu"]',
            run: "click",
        },
        {
            content: "Open the draft visit of the tour university",
            trigger: '.o_list_view .o_data_row td:contains("Tour Technical University")',
            run: "click",
        },
        checkStage("Draft"),
        clickButton("action_request_decision", "Send the memo to the rector"),
        checkStage("Decision Requested"),
        clickButton("action_approval_approve", "The rector approves the visit"),
        checkStage("Visit Approved"),
        clickButton("action_send_invitation", "The signed invitation is sent"),
        checkStage("Invitation Sent"),
        clickButton("action_submit_programme", "Submit the programme and the estimate"),
        checkStage("Programme Review"),
        clickButton("action_approval_approve", "The rector approves the programme"),
        checkStage("Programme Approved"),
        clickButton("action_start_visit", "The delegation arrives"),
        checkStage("Visit in Progress"),
        {
            content: "Open the protocol",
            trigger: '.o_notebook .nav-link:contains("Protocol 403-02")',
            run: "click",
        },
        {
            content: "Write the place of the meeting",
            trigger: '.o_field_widget[name="protocol_place"] input',
            run: "edit Rectorate, meeting room 2",
        },
        clickButton("action_submit_protocol", "Submit the protocol"),
        checkStage("Protocol Review"),
        clickButton("action_approval_approve", "The rector approves the protocol"),
        checkStage("Protocol Approved"),
        clickButton("action_create_plan_lines", "Turn the agreements reached into plan lines"),
        {
            content: "The plan lines are counted",
            trigger: '.oe_stat_button:contains("Plan Lines")',
        },
        clickButton("action_close", "Close the visit"),
        checkStage("Closed"),
    ],
});
