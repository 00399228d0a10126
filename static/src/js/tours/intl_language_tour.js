/** @odoo-module **/
/**
 * Language tours: a user of each role goes through the screens of their DP 717
 * work (their lists, search menus, forms with the chatter, dialogs, the date
 * picker, other view types) and the visible words of each screen are written
 * to the browser console as one JSON line ("intl-language-screen ...").
 * tests/test_language_tour.py runs the tours in Kazakh and in Russian, reads
 * those lines and fails on every Latin-script word that is not in the
 * allow-list (tests/language_allowlist.txt): proper names and codes only.
 *
 * What users typed or named is not checked: the values of text, many2one and
 * tag fields, kanban cards, messages and their authors, record names in the
 * breadcrumbs, the user and company menus. Activity summaries are checked (the
 * module's are written in each reader's language), in the chatter and in lists.
 */

import { registry } from "@web/core/registry";

const USER_DATA = [
    ".o_field_char", ".o_field_text", ".o_field_html", ".o_field_many2one",
    ".o_field_many2many_tags", ".o_field_many2one_avatar", ".o_field_many2one_avatar_user",
    ".o_field_many2one_avatar_employee", ".o_field_many2many_tags_avatar",
    ".o_field_many2many_avatar_user", ".o_field_email", ".o_field_phone", ".o_field_url",
    ".o_field_image", ".o_field_binary", ".o_field_many2many_binary", ".o_field_reference",
    ".o_field_res_partner_many2one", ".o_field_many2one_reference", ".o_field_contact_image",
    "td.o_list_char", "td.o_list_text", "td.o_list_many2one", "td.o_many2many_tags_cell",
    "td[name='display_name']", "td[name='name']", "td[name='partner_id']", "td[name='ref']",
    ".o_kanban_record", ".o-mail-Message-body", ".o-mail-Message-author",
    ".o-mail-Message-trackingOld", ".o-mail-Message-trackingNew", ".o-mail-Message-header",
    ".o-mail-Followers-dropdown .o-mail-Follower", ".o-mail-DiscussSidebar-item",
    ".o-mail-AttachmentCard", ".o-mail-AttachmentList",
    ".o_last_breadcrumb_item", ".o_breadcrumb .breadcrumb-item", ".o_user_menu",
    ".o_switch_company_menu", ".o_pivot .o_pivot_header_cell_closed",
    ".o_pivot .o_pivot_header_cell_opened", ".o_graph_renderer canvas", ".o_calendar_renderer .fc-event",
    ".o_calendar_filter_item", ".o_avatar", ".o_notification_manager", ".o_statusbar_status .o_arrow_button_current.d-none",
    ".o_field_intl_approval_lines td", ".o_searchview_facet .o_facet_value", ".o-autocomplete--dropdown-item",
    ".o_field_statusbar_duration", ".o_field_kanban_activity",
    // activity summaries are read (issue 25, item 11): the module's are in the reader's language;
    // the activities' people and the popover's dates are not words
    ".o-mail-ActivityListPopover .o-mail-ActivityListPopoverItem-editbtn", ".o-mail-Activity-user",
    ".o_search_panel_label_title",
    ".o_field_widget[name='tz']", ".o_field_resume_one2many .o_data_row", ".o_field_resume_one2many .o_resume_line",
    ".o_field_skills_one2many .o_data_row", ".o_field_skills_one2many .o_group_name",
    "[data-intl-language-skip]",
].join(", ");

function visible(element) {
    return Boolean(element.getClientRects().length) && getComputedStyle(element).visibility !== "hidden";
}

function screenText() {
    const parts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || !node.textContent.trim()) {
            continue;
        }
        if (parent.closest("script, style, noscript, template, " + USER_DATA) || !visible(parent)) {
            continue;
        }
        parts.push(node.textContent);
    }
    for (const input of document.querySelectorAll("input[placeholder], textarea[placeholder]")) {
        if (visible(input) && !input.closest(USER_DATA.replace(/\.o_field_(char|text|html|many2one)\b,?/g, ""))) {
            parts.push(input.getAttribute("placeholder"));
        }
    }
    return parts.join("\n");
}

function collectScreen(label, ignore = "") {
    // words of a record's name quoted on the screen (an error naming the record) are data
    const named = new Set((ignore.match(/\p{L}+/gu) || []).map((word) => word.toLowerCase()));
    const words = { latin: {}, cyrillic: 0, total: 0 };
    for (const token of screenText().split(/\s+/)) {
        if (!token || /\d/.test(token)) {
            continue; // numbers, dates, amounts and codes such as TRIP/2026/0001
        }
        for (const word of token.match(/\p{L}+/gu) || []) {
            if (word.length < 2) {
                continue;
            }
            words.total++;
            if (/^\p{Script=Cyrillic}+$/u.test(word)) {
                words.cyrillic++;
            } else if (/\p{Script=Latin}/u.test(word) && !named.has(word.toLowerCase())) {
                words.latin[word] = (words.latin[word] || 0) + 1;
            }
        }
    }
    console.log(`intl-language-screen ${JSON.stringify({ screen: label, ...words })}`);
}

function markSeen() {
    for (const el of document.querySelectorAll(".o_view_controller, .modal")) {
        el.classList.add("o_intl_seen");
    }
}

function collect(label, trigger) {
    return {
        content: `Read the words of: ${label}`,
        trigger,
        run() {
            collectScreen(label);
            markSeen();
        },
    };
}

function open(action, label, selector = ".o_view_controller:not(.o_intl_seen)") {
    return [
        {
            content: `Open ${label}`,
            trigger: "body",
            async run() {
                markSeen();
                for (const modal of document.querySelectorAll(".modal .btn-close")) {
                    modal.click();
                }
                await odoo.__WOWL_DEBUG__.root.env.services.action.doAction(action, {
                    clearBreadcrumbs: true,
                });
            },
        },
        collect(label, selector),
    ];
}

function searchMenu(label) {
    return [
        {
            content: "Open the search options",
            trigger: ".o_control_panel .o_searchview_dropdown_toggler",
            run: "click",
        },
        collect(`${label}: search options`, ".o_search_bar_menu"),
        {
            trigger: ".o_control_panel .o_searchview_dropdown_toggler",
            run: "click",
        },
    ];
}

function firstRecord(label, { chatter = true } = {}) {
    return [
        {
            content: `Open the first record of ${label}`,
            trigger: ".o_view_controller .o_data_row .o_data_cell:not(.o_list_record_selector), .o_view_controller .o_kanban_record:not(.o_kanban_ghost)",
            run: "click",
        },
        collect(
            `${label}: form`,
            chatter
                ? ".o_view_controller.o_form_view:not(.o_intl_seen) .o-mail-Chatter-top .o-mail-Followers-button"
                : ".o_view_controller.o_form_view:not(.o_intl_seen) .o_form_sheet"
        ),
    ];
}

function switchView(type, label) {
    return [
        {
            content: `Switch to the ${type} view`,
            trigger: `.o_control_panel .o_switch_view.o_${type}`,
            run: "click",
        },
        collect(`${label}: ${type}`, `.o_view_controller.o_${type}_view:not(.o_intl_seen)`),
    ];
}

function chatterDialogs(label) {
    return [
        {
            content: "Open the activity scheduler",
            trigger: ".o-mail-Chatter-top button.o-mail-Chatter-activity:enabled",
            run: "click",
        },
        collect(`${label}: schedule activity`, ".modal .o_form_view:not(.o_intl_seen)"),
        {
            trigger: ".modal .btn-close",
            run: "click",
        },
        {
            content: "Open the log note composer",
            trigger: ".o-mail-Chatter-top button.o-mail-Chatter-logNote",
            run: "click",
        },
        collect(`${label}: log note`, ".o-mail-Composer-input"),
        {
            content: "Open the followers",
            trigger: ".o-mail-Followers-button",
            run: "click",
        },
        collect(`${label}: followers`, ".o-mail-Followers-dropdown"),
        {
            trigger: ".o-mail-Followers-button",
            run: "click",
        },
    ];
}

// An error dialog in the reader's language: a refused decision (a server UserError) opened as
// the user would open it, its words read, then closed (issue 25, item 11).
function errorDialog(serverAction, model, label) {
    return [
        {
            content: `Try ${label} where the user may not`,
            trigger: ".o_view_controller.o_form_view",
            async run() {
                markSeen();
                const env = odoo.__WOWL_DEBUG__.root.env;
                const [record] = await env.services.orm.searchRead(model, [], ["id", "display_name"], { limit: 1 });
                window.__intlNamed = record.display_name || "";
                // not awaited: the refusal reaches the error service, which shows its dialog
                env.services.action.doAction(serverAction, {
                    additionalContext: { active_id: record.id, active_ids: [record.id], active_model: model },
                });
            },
        },
        {
            content: `Read the words of: ${label}: error dialog`,
            trigger: ".modal .o_error_dialog",
            run() {
                // the dialog names the record (data): its words are not checked
                collectScreen(`${label}: error dialog`, window.__intlNamed || "");
                markSeen();
            },
        },
        {
            content: "Close the error dialog",
            trigger: ".modal .o_error_dialog",
            run() {
                document.querySelector(".modal .btn-close, .modal footer .btn-primary").click();
            },
        },
        {
            trigger: "body:not(:has(.modal .o_error_dialog))",
        },
    ];
}

function newRecord(action, label) {
    return [
        ...open(action, label),
        {
            content: `Create a new record of ${label}`,
            trigger: ".o_control_panel .o_list_button_add, .o_control_panel .o-kanban-button-new",
            run: "click",
        },
        collect(`${label}: new`, ".o_view_controller.o_form_view:not(.o_intl_seen) .o_form_sheet"),
        {
            content: "Open a date picker",
            trigger: ".o_form_view .o_field_date input, .o_form_view .o_field_daterange input",
            run: "click",
        },
        collect(`${label}: date picker`, ".o_datetime_picker"),
        {
            trigger: ".o_form_view .o_form_sheet .o_form_label",
            run: "click",
        },
        {
            content: "Discard the new record",
            trigger: ".o_form_view .o_form_button_cancel",
            run: "click",
        },
    ];
}

function home() {
    return [
        {
            content: "The home menu lists the apps",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        collect("apps menu", ".o-dropdown--menu .o_app"),
        {
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "The user menu",
            trigger: ".o_user_menu button",
            run: "click",
        },
        collect("user menu", ".o-dropdown--menu .dropdown-item"),
        {
            trigger: ".o_user_menu button",
            run: "click",
        },
    ];
}

function done() {
    return {
        content: "All screens read, and no error dialog on the way out",
        trigger: "body",
        run() {
            const error = document.querySelector(".o_error_dialog, .o_dialog .modal-body .o_error_detail");
            if (error) {
                throw new Error(`The tour ends on an error dialog: ${error.textContent.slice(0, 300)}`);
            }
            console.log("intl-language-done");
        },
    };
}

const ROLES = {
    // Institute coordinator: partner institutions, agreements, trip applications, Discuss
    coordinator: () => [
        ...home(),
        ...open("intl_cooperation.res_partner_action_intl_institution", "partner institutions"),
        ...searchMenu("partner institutions"),
        ...firstRecord("partner institution"),
        ...chatterDialogs("partner institution"),
        ...open("intl_cooperation.intl_agreement_action", "agreements"),
        ...searchMenu("agreements"),
        ...firstRecord("agreement"),
        ...errorDialog("intl_cooperation.intl_agreement_action_server_approve", "intl.agreement",
            "an agreement's approval"),
        ...newRecord("intl_cooperation.intl_trip_action", "trips"),
        ...firstRecord("trip"),
        ...open("mail.action_discuss", "Discuss", ".o-mail-Discuss"),
    ],
    // Management: approvals waiting for a decision, a trip and an agreement to decide on
    rector: () => [
        ...open("intl_cooperation.intl_approval_line_action", "approvals"),
        ...searchMenu("approvals"),
        ...open("intl_cooperation.intl_trip_action", "trips"),
        ...switchView("list", "trips"),
        ...firstRecord("trip"),
        ...open("intl_cooperation.intl_agreement_action", "agreements"),
        ...switchView("list", "agreements"),
        ...firstRecord("agreement"),
    ],
    // DIC officer: agreements, delegations, reporting views
    "dic.officer": () => [
        ...open("intl_cooperation.intl_delegation_action", "delegations"),
        ...searchMenu("delegations"),
        ...firstRecord("delegation"),
        ...chatterDialogs("delegation"),
        ...open("intl_cooperation.intl_trip_action", "trips"),
        ...switchView("pivot", "trips"),
        ...switchView("graph", "trips"),
        ...open("intl_cooperation.intl_agreement_action", "agreements"),
        ...switchView("list", "agreements"),
        ...firstRecord("agreement"),
    ],
    // Accountant: trips to pay and settle, advances and their journal entries, payments
    accountant: () => [
        ...open("intl_cooperation.intl_trip_action_to_settle", "trips to settle"),
        ...searchMenu("trips to settle"),
        ...open("intl_cooperation.intl_trip_advance_report_action_to_approve", "advance reports"),
        ...open("account.action_move_journal_line", "journal entries"),
        ...searchMenu("journal entries"),
        ...firstRecord("journal entry"),
        ...open("intl_cooperation.intl_trip_action", "trips"),
        ...firstRecord("trip"),
    ],
    // HR officer: disciplinary cases, employees, departments, working schedules and day transfers
    hr: () => [
        ...open("intl_cooperation.intl_disciplinary_case_action", "disciplinary cases"),
        ...searchMenu("disciplinary cases"),
        ...firstRecord("disciplinary case"),
        ...open("hr.open_view_employee_list_my", "employees"),
        ...searchMenu("employees"),
        ...firstRecord("employee"),
        ...open("hr.hr_department_kanban_action", "departments"),
        ...open("resource.action_resource_calendar_form", "working schedules"),
        ...firstRecord("working schedule", { chatter: false }),
        ...open("intl_cooperation.intl_working_day_transfer_action", "working day transfers"),
    ],
};

for (const [role, steps] of Object.entries(ROLES)) {
    registry.category("web_tour.tours").add(`intl_language_${role.replace(".", "_")}`, {
        url: "/odoo",
        steps: () => [...steps(), done()],
    });
}

// The registrar, who chose English in their preferences, sees the module in English.
registry.category("web_tour.tours").add("intl_language_english", {
    url: "/odoo",
    steps: () => [
        {
            content: "The apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "The module's app is named in English",
            trigger: ".o-dropdown--menu .o_app:contains('International Cooperation')",
            run: "click",
        },
        {
            content: "The module's menus are in English",
            trigger: ".o_main_navbar .o_menu_brand:contains('International Cooperation')",
        },
        collect("module home", ".o_view_controller:not(.o_intl_seen)"),
        ...searchMenu("module home"),
        ...open("intl_cooperation.intl_trip_action_mine", "my trips"),
        ...open("intl_cooperation.res_partner_action_intl_institution", "partner institutions"),
        ...firstRecord("partner institution"),
        done(),
    ],
});
