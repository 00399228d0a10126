/** @odoo-module **/

import { registry } from "@web/core/registry";
import { FileModel } from "@web/core/file_viewer/file_model";
import { useFileViewer } from "@web/core/file_viewer/file_viewer_hook";
import {
    Many2ManyBinaryField,
    many2ManyBinaryField,
} from "@web/views/fields/many2many_binary/many2many_binary_field";

/**
 * Files of a checklist line or a receipt, seen in place: PDFs and images open in Odoo's file
 * viewer on the form (the eye), downloading stays possible.
 */
export class IntlMany2ManyBinaryViewer extends Many2ManyBinaryField {
    static template = "intl_cooperation.Many2ManyBinaryViewer";

    setup() {
        super.setup();
        this.fileViewer = useFileViewer();
    }

    toFileModel(file) {
        return Object.assign(new FileModel(), {
            id: file.id,
            name: file.name,
            filename: file.name,
            mimetype: file.mimetype,
            type: "binary",
        });
    }

    isViewable(file) {
        return this.toFileModel(file).isViewable;
    }

    openViewer(file) {
        const models = this.files.map((each) => this.toFileModel(each));
        this.fileViewer.open(models.find((model) => model.id === file.id), models);
    }
}

registry.category("fields").add("intl_many2many_binary_viewer", {
    ...many2ManyBinaryField,
    component: IntlMany2ManyBinaryViewer,
});
