# -*- coding: utf-8 -*-
from odoo import api, fields, models
from odoo.exceptions import UserError


class RequestDoneWizard(models.TransientModel):
    """Close several maintenance requests at once with a common report."""

    _name = 'equipment.request.done.wizard'
    _description = 'Close Maintenance Requests'

    request_ids = fields.Many2many('equipment.request', string='Requests', required=True)
    close_date = fields.Date(string='Close Date', required=True, default=fields.Date.context_today)
    note = fields.Text(string='Work Report', help='What was done; posted on every request.')

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get('active_model') == 'equipment.request':
            values['request_ids'] = [(6, 0, self.env.context.get('active_ids', []))]
        return values

    def action_apply(self):
        """Close the selected requests and post the work report."""
        self.ensure_one()
        if not self.request_ids:
            raise UserError('Select at least one request to close.')
        for request in self.request_ids:
            request.write({'state': 'done', 'close_date': self.close_date})
            if self.note:
                request.message_post(body=self.note)
        return {'type': 'ir.actions.act_window_close'}
