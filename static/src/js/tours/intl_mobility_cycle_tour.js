/** @odoo-module **/

import { registry } from "@web/core/registry";
import { localization } from "@web/core/l10n/localization";

// The institute's coordinator nominates a selected applicant (the letter sent from the composer),
// records the partner's acceptance, and draws up the learning agreement of the planned mobility.
registry.category("web_tour.tours").add("intl_mobility_cycle_tour", {
    steps: () => [
        {
            content: "Nominate the selected applicant to the partner",
            trigger: ".o_form_view button[name='action_nominate']",
            run: "click",
        },
        {
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The nomination letter is sent from the composer",
            trigger: ".modal button.o_mail_send",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='nominated']",
        },
        {
            content: "The partner's answer, dated today",
            trigger: ".o_field_widget[name='date_partner_decision'] input",
            run: `edit ${luxon.DateTime.now().toFormat(localization.dateFormat)}`,
        },
        {
            trigger: ".o_form_view button[name='action_accept']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='accepted']",
        },
        {
            content: "Open the planned mobility",
            trigger: ".o_field_widget[name='mobility_id'] a",
            run: "click",
        },
        {
            trigger: ".o_form_view button[name='action_create_learning_agreement']",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='mobility_id'] a",
        },
        {
            content: "A component matched to the home programme's",
            trigger: ".o_field_widget[name='line_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".o_data_row .o_field_widget[name='home_discipline'] input",
            run: "edit Machine Learning",
        },
        {
            trigger: ".o_data_row .o_field_widget[name='home_credits'] input",
            run: "edit 5",
        },
        {
            trigger: ".o_data_row .o_field_widget[name='partner_discipline'] input",
            run: "edit Maschinelles Lernen",
        },
        {
            trigger: ".o_data_row .o_field_widget[name='partner_credits'] input",
            run: "edit 6",
        },
        {
            trigger: ".o_form_button_save:enabled",
            run: "click",
        },
        {
            trigger: ".o_form_saved button[name='action_submit']",
            run: "click",
        },
        {
            content: "The agreement goes to the institute's directorate",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='institute']",
        },
    ],
});
