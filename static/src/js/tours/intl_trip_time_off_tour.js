/** @odoo-module **/

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("intl_trip_time_off_tour", {
    steps: () => [
        {
            content: "The employees' kanban is open",
            trigger: ".o_kanban_view .o_kanban_record",
        },
        {
            content: "The traveller's card says they are on a business trip",
            trigger: ".o_kanban_record:contains('Trip Requester') .o_intl_on_trip",
        },
        {
            content: "A colleague at work is not marked away",
            trigger: ".o_kanban_record:contains('Trip Officer'):not(:has(.o_intl_on_trip))",
        },
    ],
});
