/** @odoo-module **/
// DIC sends letters by e-mail from the records (issue 20): the composer opens with the letter's
// template and its PDF, the sending posts the mail in the chatter with the letter attached.

import { registry } from "@web/core/registry";

function sendLetter(button, content, attachment) {
    return [
        {
            content,
            trigger: `.o_form_view .o_statusbar_buttons button[name="${button}"]`,
            run: "click",
        },
        {
            content: "The composer opens with the letter attached",
            trigger: ".modal .o_mail_composer_form .o_field_mail_composer_attachment_list li a",
        },
        {
            content: "Send the letter",
            trigger: ".modal button.o_mail_send",
            run: "click",
        },
        {
            content: "The mail is in the chatter, the letter attached",
            trigger: `.o-mail-Chatter .o-mail-Message .o-mail-AttachmentCard:contains("${attachment}")`,
        },
    ];
}

registry.category("web_tour.tours").add("intl_letters_scholar_tour", {
    steps: () => [
        // (the scholar reads English: the letters are named in English)
        ...sendLetter("action_send_invitation_mail", "Send the invitation by e-mail", "Invitation"),
        ...sendLetter("action_send_petition_mail", "Send the visa-support petition by e-mail", "Petition"),
        {
            content: "The portal page shows when the invitation went out",
            trigger: '.o_notebook .nav-link[name="portal"]',
            run: "click",
        },
        {
            content: "Invitation sent on: set by the sending",
            trigger: '.o_field_widget[name="invitation_sent_date"]:not(:empty)',
        },
    ],
});

registry.category("web_tour.tours").add("intl_letters_agreement_tour", {
    steps: () => [
        ...sendLetter("action_send_copy_mail", "Send the partner's copy by e-mail", "Signed agreement.pdf"),
        {
            content: "Open the copies register",
            trigger: '.o_notebook .nav-link[name="copies"]',
            run: "click",
        },
        {
            content: "The partner's copy sent by e-mail is in the register",
            trigger: '.o_field_widget[name="copy_ids"] .o_data_row:has(.o_field_widget[name="recipient_ids"] .o_tag)',
        },
    ],
});
