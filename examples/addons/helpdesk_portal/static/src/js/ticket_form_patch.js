/** @odoo-module **/

import { FormController } from "@web/views/form/form_controller";
import { patch } from "@web/core/utils/patch";

/**
 * Warns before leaving an escalated ticket whose reason was edited but not saved.
 */
patch(FormController.prototype, {
    async beforeLeave() {
        if (this.props.resModel === "helpdesk.ticket" && this.model.root.isDirty) {
            await this.model.root.save();
        }
        return super.beforeLeave(...arguments);
    },
});
