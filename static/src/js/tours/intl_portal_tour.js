/** @odoo-module **/

import { registry } from "@web/core/registry";

// the language selector of the portal's footer names the current language
const LANG_NAMES = { en: "English", ru: "русский" };

// A small real PDF: the portal checks the content, not the name
const PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

// a date input takes its value as ISO (the browser shows it in the reader's format)
function setDate(trigger, value) {
    return {
        content: `Set ${value}`,
        trigger,
        run(helpers) {
            helpers.anchor.value = value;
            helpers.anchor.dispatchEvent(new Event("change", { bubbles: true }));
        },
    };
}

function attachPdf(name) {
    return {
        content: `Choose the scan ${name}`,
        trigger: "tr.o_intl_portal_line_missing input[type='file']",
        run(helpers) {
            const input = helpers.anchor;
            const transfer = new DataTransfer();
            transfer.items.add(new File([PDF], name, { type: "application/pdf" }));
            input.files = transfer.files;
        },
    };
}

function sendDocument(name, remaining) {
    return [
        attachPdf(name),
        {
            content: "Send it to DIC",
            trigger: "tr.o_intl_portal_line_missing button[type='submit']",
            run: "click",
        },
        {
            content: "The document is sent and no longer missing",
            trigger: remaining
                ? `.o_intl_portal_missing[data-count='${remaining}']`
                : ".o_intl_portal_complete",
        },
    ];
}

// The invited scholar (a portal user) completes the profile and sends the documents until nothing
// is missing; ``lang`` is the language of the page (the scholar's).
function scholarSteps(lang, words) {
    return [
        { content: "The portal speaks the scholar's language", trigger: `.js_language_selector .dropdown-toggle:contains('${LANG_NAMES[lang]}')` },
        {
            content: "Open the visit",
            trigger: "a.o_intl_portal_visit",
            run: "click",
        },
        { content: "What is missing is listed", trigger: `.o_intl_portal_missing:contains('${words.missing}')` },
        { trigger: "input[name='intl_name_cyrillic']", run: "edit Ганс Беккер" },
        { trigger: "input[name='intl_degree']", run: "edit PhD, Professor" },
        { trigger: "input[name='passport_number']", run: "edit C01X00T47" },
        setDate("input[name='passport_expiry']", "2031-05-01"),
        { trigger: "input[name='bank_acc_number']", run: "edit DE89370400440532013000" },
        { trigger: "input[name='bank_name']", run: "edit Commerzbank" },
        {
            content: "Save the profile",
            trigger: ".o_intl_portal_save_profile",
            run: "click",
        },
        { content: "The profile is saved", trigger: ".o_intl_portal_sent_profile" },
        ...sendDocument("passport.pdf", 1),
        ...sendDocument("profile.pdf", 0),
        {
            content: "Nothing is missing any more",
            trigger: `.o_intl_portal_complete:contains('${words.complete}')`,
        },
    ];
}

registry.category("web_tour.tours").add("intl_portal_scholar_tour_en", {
    steps: () => scholarSteps("en", { missing: "Still to send", complete: "Nothing is missing" }),
});

registry.category("web_tour.tours").add("intl_portal_scholar_tour_ru", {
    steps: () => scholarSteps("ru", { missing: "Осталось отправить", complete: "Ничего не осталось" }),
});

// The delegation's contact person adds a member to the list.
function delegationSteps(lang, words) {
    return [
        { content: "The portal speaks the contact person's language", trigger: `.js_language_selector .dropdown-toggle:contains('${LANG_NAMES[lang]}')` },
        { content: "Open the delegation", trigger: "a.o_intl_portal_delegation", run: "click" },
        { trigger: `#intl_portal_members h4:contains('${words.members}')` },
        { trigger: ".o_intl_portal_member_add input[name='surname']", run: "edit Nowak" },
        { trigger: ".o_intl_portal_member_add input[name='first_name']", run: "edit Piotr" },
        { trigger: ".o_intl_portal_member_add input[name='position']", run: "edit Professor" },
        setDate(".o_intl_portal_member_add input[name='date_arrival']", "2026-05-11"),
        setDate(".o_intl_portal_member_add input[name='date_departure']", "2026-05-13"),
        { trigger: ".o_intl_portal_member_add input[name='dietary_needs']", run: "edit Halal" },
        { content: "Add the member", trigger: ".o_intl_portal_member_add_button", run: "click" },
        { content: "The list is saved", trigger: ".alert-success" },
        { content: "The member is listed", trigger: ".o_intl_portal_member_name:contains('Nowak Piotr')" },
    ];
}

registry.category("web_tour.tours").add("intl_portal_delegation_tour_en", {
    steps: () => delegationSteps("en", { members: "Members of the Delegation" }),
});

registry.category("web_tour.tours").add("intl_portal_delegation_tour_ru", {
    steps: () => delegationSteps("ru", { members: "Члены делегации" }),
});

// The partner institution's coordinator nominates a student for a mobility.
function partnerSteps(lang, words) {
    return [
        { content: "The portal speaks the coordinator's language", trigger: `.js_language_selector .dropdown-toggle:contains('${LANG_NAMES[lang]}')` },
        { content: "The agreements are listed", trigger: `#intl_portal_agreements h4:contains('${words.agreements}')` },
        { trigger: ".o_intl_portal_nominate input[name='surname']", run: "edit Tour" },
        { trigger: ".o_intl_portal_nominate input[name='first_name']", run: "edit Student" },
        { trigger: ".o_intl_portal_nominate input[name='email']", run: "edit tour.student@example.com" },
        { trigger: ".o_intl_portal_nominate input[name='academic_year']", run: "edit 2027/2028" },
        setDate(".o_intl_portal_nominate input[name='date_start']", "2027-09-01"),
        setDate(".o_intl_portal_nominate input[name='date_end']", "2028-01-31"),
        { content: "Nominate", trigger: ".o_intl_portal_nominate_button", run: "click" },
        { content: "The nomination is sent", trigger: ".o_intl_portal_sent_nomination" },
        { content: "It is listed", trigger: ".o_intl_portal_nomination_row:contains('Tour Student')" },
    ];
}

registry.category("web_tour.tours").add("intl_portal_partner_tour_en", {
    steps: () => partnerSteps("en", { agreements: "Agreements" }),
});

registry.category("web_tour.tours").add("intl_portal_partner_tour_ru", {
    steps: () => partnerSteps("ru", { agreements: "Договоры" }),
});

// The incoming applicant sends the documents the mobility asks for, then submits the application.
function applicantSteps(lang, count) {
    const uploads = [];
    for (let left = count - 1; left >= 0; left--) {
        uploads.push(...sendDocument(`document-${left}.pdf`, left));
    }
    return [
        { content: "The portal speaks the applicant's language", trigger: `.js_language_selector .dropdown-toggle:contains('${LANG_NAMES[lang]}')` },
        { content: "Open the application", trigger: "a.o_intl_portal_nomination", run: "click" },
        ...uploads,
        { trigger: ".o_intl_portal_application textarea[name='motivation']", run: "edit Research stay in data science" },
        { trigger: ".o_intl_portal_application input[name='passport_number']", run: "edit P1234567" },
        { content: "Submit", trigger: ".o_intl_portal_application_submit", run: "click" },
        { content: "The application is submitted", trigger: ".o_intl_portal_submitted" },
    ];
}

for (const lang of ["en", "ru"]) {
    for (let count = 1; count <= 6; count++) {
        registry.category("web_tour.tours").add(`intl_portal_applicant_tour_${lang}_${count}`, {
            steps: () => applicantSteps(lang, count),
        });
    }
}
