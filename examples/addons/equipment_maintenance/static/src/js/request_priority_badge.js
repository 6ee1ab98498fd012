/** @odoo-module **/

import { registry } from "@web/core/registry";
import { Component } from "@odoo/owl";
import { standardFieldProps } from "@web/views/fields/standard_field_props";

/**
 * Shows the request priority as a coloured badge in list and kanban views.
 */
export class RequestPriorityBadge extends Component {
    static template = "equipment_maintenance.RequestPriorityBadge";
    static props = { ...standardFieldProps };

    get label() {
        const labels = { 0: "Normal", 1: "High", 2: "Urgent" };
        return labels[this.props.record.data[this.props.name]] || "";
    }

    get className() {
        return `o_equipment_priority o_equipment_priority_${this.props.record.data[this.props.name]}`;
    }
}

registry.category("fields").add("equipment_priority_badge", {
    component: RequestPriorityBadge,
});
