/** @odoo-module **/

import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

// a photo of a receipt: a 1x1 PNG
const PNG_BASE64 =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

/** Put a photo of a receipt into the file input found by ``trigger`` and let the widget upload it. */
function uploadReceipt(trigger, name) {
    return {
        content: `Attach the receipt ${name}`,
        trigger,
        run() {
            const input = this.anchor;
            const transfer = new DataTransfer();
            const bytes = Uint8Array.from(atob(PNG_BASE64), (char) => char.charCodeAt(0));
            transfer.items.add(new File([bytes], name, { type: "image/png" }));
            input.files = transfer.files;
            input.dispatchEvent(new Event("change", { bubbles: true }));
        },
    };
}

/** Choose ``text`` in a many2one on a phone: the field opens a search dialog listing the records. */
function pickOnPhone(field, text) {
    return [
        {
            content: `Open the choices of ${field}`,
            trigger: `.o_field_widget[name='${field}'] input`,
            run: "click",
        },
        {
            content: `Choose ${text}`,
            trigger: `.modal .o_kanban_record:contains('${text}')`,
            run: "click",
        },
        {
            content: `${text} is chosen`,
            trigger: `.o_field_widget[name='${field}'] input:value('${text}')`,
        },
    ];
}

// Blockers 1 and 2 of issue 25: a traveller on a phone adds a receipt line in euros.
tours.add("intl_receipt_phone_tour", {
    steps: () => [
        {
            content: "Add an expense line",
            trigger: ".o_field_widget[name='line_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        ...pickOnPhone("category_id", "Fares"),
        {
            trigger: ".o_field_widget[name='name'] input",
            run: "edit Train ticket Berlin - Leipzig",
        },
        {
            trigger: ".o_field_widget[name='receipt_number'] input",
            run: "edit DB-4711",
        },
        {
            trigger: ".o_field_widget[name='amount'] input",
            run: "edit 120",
        },
        ...pickOnPhone("currency_id", "EUR"),
        {
            content: "The line converts the euros to tenge (no server error)",
            trigger: ".o_field_widget[name='amount_company']:contains('60')",
        },
        uploadReceipt(".o_field_widget[name='attachment_ids'] input.o_input_file:not(:visible)", "ticket.png"),
        {
            content: "The receipt is uploaded",
            trigger: ".o_field_widget[name='attachment_ids'] .o_attachment:not(.o_attachment_uploading):contains('ticket')",
        },
        {
            content: "Save the report",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The report is saved",
            trigger: ".o_form_view .o_form_saved",
        },
        {
            content: "On a phone the form's actions are in the gear menu",
            trigger: ".o_cp_action_menus .dropdown-toggle",
            run: "click",
        },
        {
            content: "Submit the report",
            trigger: ".o-dropdown--menu [name='action_submit']",
            run: "click",
        },
        {
            content: "The report waits for the accountant",
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value='submitted']",
        },
    ],
});

// Blocker 1: the accountant opens the report (with the traveller's receipt) and posts it.
tours.add("intl_receipt_accountant_tour", {
    steps: () => [
        {
            content: "The traveller's receipt is on the line",
            trigger: ".o_field_widget[name='line_ids'] .o_attachment:contains('ticket')",
        },
        {
            content: "The accountant looks at the receipt without leaving the report",
            trigger: ".o_field_widget[name='line_ids'] .o_intl_attachment_view",
            run: "click",
        },
        {
            content: "Odoo's viewer shows it",
            trigger: ".o-FileViewer img.o-FileViewer-viewImage",
        },
        {
            content: "Close the viewer",
            trigger: ".o-FileViewer-headerButton[aria-label='Close']",
            run: "click",
        },
        {
            content: "Post the report",
            trigger: ".o_form_view button[name='action_post']",
            run: "click",
        },
        {
            content: "The report is posted",
            trigger: ".o_statusbar_status .o_arrow_button_current[data-value='posted']",
        },
    ],
});

// Blocker 3: the accountant sees the trip's journal items and the advances ledger.
tours.add("intl_ledger_accountant_tour", {
    steps: () => [
        {
            content: "Open the trip's journal items",
            trigger: ".o_form_view button[name='action_view_journal_items']",
            run: "click",
        },
        {
            content: "The items of the advances account are listed with debit and credit",
            trigger: ".o_list_view .o_group_header:contains('1250')",
            run: "click",
        },
        {
            content: "An item of the advances account, with the traveller",
            trigger: ".o_list_view .o_data_row td[name='partner_id']:contains('Trip Requester')",
        },
        {
            content: "Open the journal entry",
            trigger: ".o_list_view .o_data_row td[name='move_name'] a",
            run: "click",
        },
        {
            content: "The advance is an Odoo payment: open its journal entry",
            trigger: ".o_form_view button[name='button_open_journal_entry']",
            run: "click",
        },
        {
            content: "The entry shows its journal items",
            trigger: ".o_notebook .nav-link[name='aml_tab']",
            run: "click",
        },
        {
            content: "Debit, credit and accounts are there",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row td[name='account_id']:contains('1250')",
        },
    ],
});

// Blocker 4: the 40-day rule of invited scholars has a way out through the DIC Director.
tours.add("intl_scholar_late_request_tour", {
    steps: () => [
        {
            content: "The warning names the date that complies",
            trigger: ".alert-warning .o_field_widget[name='submit_late_message']:contains('or later')",
        },
        {
            content: "Ask the DIC Director",
            trigger: ".o_form_view button[name='action_request_late']",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit The Ministry confirmed the funding late",
        },
        {
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The visit says the DIC Director was asked",
            trigger: ".alert-warning:contains('has been asked')",
        },
    ],
});

tours.add("intl_scholar_late_allow_tour", {
    steps: () => [
        {
            content: "The request is in the DIC Director's activities",
            trigger: ".o-mail-Activity:contains('The Ministry confirmed the funding late')",
        },
        {
            content: "Allow the late file",
            trigger: ".o_form_view button[name='action_allow_late']",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit Funding confirmed late by the Ministry",
        },
        {
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The late file is allowed",
            trigger: ".o_field_widget[name='late_override_reason']:contains('Funding confirmed')",
        },
    ],
});

// Blocker 5: a host organisation that is not yet a contact.
tours.add("intl_trip_host_typed_tour", {
    steps: () => [
        {
            content: "The host field chooses among Contacts only (the requester creates none)",
            trigger: ".o_field_widget[name='host_partner_id'] input",
        },
        {
            content: "Type the host organisation's name",
            trigger: ".o_field_widget[name='host_name'] input",
            run: "edit Politecnico di Torino",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The trip is saved with the typed host",
            trigger: ".o_form_view .o_form_saved",
        },
    ],
});

tours.add("intl_trip_host_confirm_tour", {
    steps: () => [
        {
            content: "DIC adds the typed host to Contacts",
            trigger: ".o_form_view button[name='action_create_host_partner']",
            run: "click",
        },
        {
            content: "The trip now names the contact",
            trigger: ".o_field_widget[name='host_partner_id'] input:value('Politecnico di Torino')",
        },
    ],
});
