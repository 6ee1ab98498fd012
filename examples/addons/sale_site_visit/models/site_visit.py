# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class SiteVisit(models.Model):
    """A visit of a salesperson at the customer's site before quoting."""

    _name = 'sale.site.visit'
    _description = 'Site Visit'
    _order = 'visit_date desc'

    lead_id = fields.Many2one('crm.lead', string='Opportunity', required=True, ondelete='cascade')
    partner_id = fields.Many2one(related='lead_id.partner_id', store=True, string='Customer')
    user_id = fields.Many2one('res.users', string='Salesperson', required=True,
                              default=lambda self: self.env.user)
    visit_date = fields.Datetime(string='Visit Date', required=True)
    outcome = fields.Selection(
        [('planned', 'Planned'), ('positive', 'Positive'), ('negative', 'Negative')],
        string='Outcome', default='planned', required=True)
    notes = fields.Text(string='Notes', help='What the customer needs, measured on site.')

    @api.constrains('visit_date', 'lead_id')
    def _check_visit_date(self):
        for visit in self:
            if visit.lead_id.date_deadline and visit.visit_date.date() > visit.lead_id.date_deadline:
                raise ValidationError(_('The visit must take place before the expected closing date.'))
