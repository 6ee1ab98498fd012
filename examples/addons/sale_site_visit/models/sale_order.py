# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class SaleOrder(models.Model):
    _inherit = 'sale.order'

    delivery_window_start = fields.Date(string='Delivery From')
    delivery_window_end = fields.Date(string='Delivery Until',
                                      help='Latest date the customer accepts the delivery.')
    site_visit_id = fields.Many2one('sale.site.visit', string='Site Visit',
                                    domain="[('lead_id', '=', opportunity_id)]")

    @api.constrains('delivery_window_start', 'delivery_window_end')
    def _check_delivery_window(self):
        for order in self:
            start, end = order.delivery_window_start, order.delivery_window_end
            if start and end and start > end:
                raise ValidationError(_('The delivery window must start before it ends.'))

    def action_confirm(self):
        for order in self:
            if order.opportunity_id.visit_required and not order.site_visit_id:
                raise ValidationError(_('Link the site visit before confirming %s.', order.name))
        return super().action_confirm()
