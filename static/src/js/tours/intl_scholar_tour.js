/** @odoo-module **/

import { registry } from "@web/core/registry";

function stage(label) {
    return {
        content: `The record is at the stage ${label}`,
        trigger: `.o_statusbar_status .o_arrow_button_current:contains('${label}')`,
    };
}

function click(name, content) {
    return {
        content: content || `Click ${name}`,
        trigger: `.o_form_view .o_form_statusbar button[name='${name}']`,
        run: "click",
    };
}

function fieldText(selector) {
    const el = document.querySelector(selector);
    return el.value || el.textContent.trim();
}

function copyDate(from) {
    return async function (helpers) {
        await helpers.edit(fieldText(`.o_form_view:not(.modal .o_form_view) .o_field_widget[name='${from}'] input, .o_form_view .o_field_widget[name='${from}'] span`));
    };
}

// 1. The institute coordinator files the visit from the approved plan and submits it to DIC.
registry.category("web_tour.tours").add("intl_scholar_file_tour", {
    steps: () => [
        {
            content: "Pick the planned invitation",
            trigger: ".o_field_widget[name='plan_line_id'] input",
            run: "edit Hans",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Hans Becker')",
            run: "click",
        },
        {
            content: "The plan line fills the scholar",
            trigger: ".o_field_widget[name='scholar_id'] input:value('Hans Becker')",
        },
        {
            content: "Purpose of the visit",
            trigger: ".o_field_widget[name='purpose'] textarea",
            run: "edit Lectures on reservoir engineering for master students",
        },
        {
            content: "Add a lecture to the schedule 717-03",
            trigger: ".o_field_widget[name='lecture_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='lecture_ids'] .o_data_row .o_field_widget[name='date'] input",
            run: copyDate("date_arrival"),
        },
        {
            trigger: ".o_field_widget[name='lecture_ids'] .o_data_row .o_field_widget[name='time_from'] input",
            run: "edit 10:00",
        },
        {
            trigger: ".o_field_widget[name='lecture_ids'] .o_data_row .o_field_widget[name='time_to'] input",
            run: "edit 11:30",
        },
        {
            trigger: ".o_field_widget[name='lecture_ids'] .o_data_row .o_field_widget[name='group_name'] input",
            run: "edit MPE-25",
        },
        {
            trigger: ".o_field_widget[name='lecture_ids'] .o_data_row .o_field_widget[name='discipline'] input",
            run: "edit Reservoir engineering",
        },
        {
            trigger: ".o_field_widget[name='lecture_ids'] .o_data_row .o_field_widget[name='hours_planned'] input",
            run: "edit 4",
        },
        {
            content: "Save the visit",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
        {
            content: "The visit is saved with its reference",
            trigger: ".o_form_view .oe_title .o_field_widget[name='name'] span:contains('SCH/')",
        },
    ],
});

// 1b. With the file's documents attached (§5.5.1), the coordinator submits it to DIC.
registry.category("web_tour.tours").add("intl_scholar_submit_tour", {
    steps: () => [
        click("action_submit", "Submit the file to DIC"),
        stage("DIC Decision"),
    ],
});

// 2. The DIC Director accepts the file, records the visa and registers the arrival.
registry.category("web_tour.tours").add("intl_scholar_dic_tour", {
    steps: () => [
        stage("DIC Decision"),
        click("action_approval_approve", "Accept the file"),
        stage("Invitation and Visa"),
        {
            content: "Open the visa page",
            trigger: ".o_notebook .nav-link:contains('Visa')",
            run: "click",
        },
        {
            content: "Record the visa",
            trigger: ".o_field_widget[name='visa_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='category_id'] input",
            run: "edit B1",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('B1')",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='number'] input",
            run: "edit KZ0012345",
        },
        {
            trigger: ".modal .o_field_widget[name='date_issue'] input",
            run: copyDate("date_arrival"),
        },
        {
            trigger: ".modal .o_field_widget[name='date_expiry'] input",
            run: copyDate("date_departure"),
        },
        {
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            content: "Save the visit with its visa",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
        {
            content: "Open the visa again",
            trigger: ".o_field_widget[name='visa_ids'] .o_data_row td:contains('KZ0012345')",
            run: "click",
        },
        {
            content: "The visa is issued",
            trigger: ".modal button[name='action_issue']",
            run: "click",
        },
        {
            content: "The visa shows as issued",
            trigger: ".modal .o_statusbar_status .o_arrow_button_current:contains('Issued')",
        },
        {
            content: "Close the visa",
            trigger: ".modal .o_form_button_save, .modal .btn-close",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal)) .o_field_widget[name='visa_ids'] .o_data_row:contains('Issued')",
        },
        click("action_register_arrival", "Register the arrival"),
        stage("On Site"),
    ],
});

// 3. The coordinator marks the lecture given, ends the stay and draws the act.
registry.category("web_tour.tours").add("intl_scholar_lectures_tour", {
    steps: () => [
        stage("On Site"),
        {
            content: "The lecture was given",
            trigger: ".o_field_widget[name='lecture_ids'] .o_data_row button[name='action_give']",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='lecture_ids'] .o_data_row:contains('Given')",
        },
        click("action_end_stay", "End of stay"),
        stage("Stay Ended"),
        click("action_draw_act", "Draw the act of services rendered"),
        {
            content: "The act follows the hours given",
            trigger: ".o_field_widget[name='hours_given']:contains('4')",
        },
        click("action_submit", "Submit the act"),
        stage("Awaiting Approval"),
    ],
});

// 4. The act is approved (institute director, then DIC Director).
registry.category("web_tour.tours").add("intl_scholar_act_tour", {
    steps: () => [
        stage("Awaiting Approval"),
        click("action_approval_approve", "Confirm the lectures"),
        {
            trigger: ".o_field_widget[name='approval_step']:contains('DIC Director')",
        },
        click("action_approval_approve", "Approve the act"),
        stage("Approved"),
    ],
});

// 5. The accountant bills and pays the scholar.
registry.category("web_tour.tours").add("intl_scholar_pay_tour", {
    steps: () => [
        stage("Approved"),
        click("action_create_bill", "Create the vendor bill"),
        stage("Billed"),
        click("action_pay", "Pay the scholar"),
        stage("Paid"),
    ],
});
