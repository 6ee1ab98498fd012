# -*- coding: utf-8 -*-
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = 'res.partner'

    ticket_ids = fields.One2many('helpdesk.ticket', 'partner_id', string='Tickets')
    ticket_count = fields.Integer(compute='_compute_ticket_count', string='Ticket Count')

    @api.depends('ticket_ids')
    def _compute_ticket_count(self):
        for partner in self:
            partner.ticket_count = len(partner.ticket_ids)

    def action_view_tickets(self):
        """See every ticket of this customer."""
        self.ensure_one()
        action = self.env['ir.actions.act_window']._for_xml_id('helpdesk_lite.helpdesk_ticket_action')
        action['domain'] = [('partner_id', '=', self.id)]
        return action
