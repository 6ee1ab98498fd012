# -*- coding: utf-8 -*-
from odoo import _, api, fields, models


class CrmLead(models.Model):
    _inherit = 'crm.lead'

    visit_required = fields.Boolean(string='Site Visit Required',
                                    help='Check when the quotation depends on measures taken on site.')
    site_visit_ids = fields.One2many('sale.site.visit', 'lead_id', string='Site Visits')
    site_visit_count = fields.Integer(compute='_compute_site_visit_count')
    estimated_budget = fields.Monetary(string='Customer Budget', currency_field='company_currency')

    @api.depends('site_visit_ids')
    def _compute_site_visit_count(self):
        for lead in self:
            lead.site_visit_count = len(lead.site_visit_ids)

    @api.onchange('expected_revenue')
    def _onchange_expected_revenue(self):
        if self.expected_revenue and self.expected_revenue > 50000:
            self.visit_required = True

    def action_schedule_site_visit(self):
        """Plan a site visit so that the quotation is based on real measures."""
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Schedule Site Visit'),
            'res_model': 'sale.site.visit',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_lead_id': self.id, 'default_user_id': self.user_id.id or self.env.uid},
        }
