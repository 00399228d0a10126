/** @odoo-module **/

import { registry } from "@web/core/registry";

// The DIC Director drafts the annual report of the year: computes its figures, writes the
// narrative and submits it to the rector.
registry.category("web_tour.tours").add("intl_annual_report_director_tour", {
    steps: () => [
        {
            content: "Draft the annual report",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "The report of 2025",
            trigger: ".o_field_widget[name='year'] input",
            run: "edit 2025",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Compute the figures from the records",
            trigger: ".o_form_view button[name='action_refresh_figures']",
            run: "click",
        },
        {
            content: "The trips abroad of the year are counted",
            trigger: ".o_field_widget[name='figure_ids'] .o_data_row:contains('Trips abroad'):contains('3')",
        },
        {
            content: "Write the narrative",
            trigger: ".o_notebook .nav-link:contains('Narrative')",
            run: "click",
        },
        {
            trigger: ".o_field_html[name='summary'] div.o-paragraph",
            run: "editor International activity grew in every institute.",
        },
        {
            trigger: ".o_field_html[name='conclusions'] div.o-paragraph",
            run: "editor Keep the partnerships that brought students.",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Submit to the rector",
            trigger: ".o_form_view button[name='action_submit']",
            run: "click",
        },
        {
            content: "The report waits for the rector",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Rector')",
        },
    ],
});

// The rector approves the report; the PDF and the spreadsheet are then printed from the form.
registry.category("web_tour.tours").add("intl_annual_report_rector_tour", {
    steps: () => [
        {
            content: "The rector approves the report",
            trigger: ".o_form_view button[name='action_approval_approve']",
            run: "click",
        },
        {
            content: "The report is approved",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Approved')",
        },
        {
            content: "It prints as a PDF",
            trigger: ".o_form_view .o_form_statusbar button:contains('PDF')",
        },
        {
            content: "and as a spreadsheet",
            trigger: ".o_form_view .o_form_statusbar button:contains('XLSX')",
        },
    ],
});
