# -*- coding: utf-8 -*-
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class EquipmentItem(models.Model):
    """A piece of equipment the company owns and must keep in working order."""

    _name = 'equipment.item'
    _description = 'Equipment'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'name'

    name = fields.Char(string='Equipment Name', required=True, tracking=True)
    serial_no = fields.Char(string='Serial Number', copy=False,
                            help='Manufacturer serial number, unique per equipment.')
    category = fields.Selection(
        [('it', 'IT'), ('machine', 'Machine'), ('vehicle', 'Vehicle'), ('other', 'Other')],
        string='Category', required=True, default='other')
    purchase_date = fields.Date(string='Purchase Date')
    cost = fields.Monetary(string='Cost', currency_field='currency_id')
    currency_id = fields.Many2one('res.currency', string='Currency',
                                  default=lambda self: self.env.company.currency_id)
    technician_id = fields.Many2one('res.users', string='Technician', tracking=True,
                                    help='Person who usually services this equipment.')
    location = fields.Char(string='Location')
    active = fields.Boolean(default=True)
    maintenance_period = fields.Integer(
        string='Preventive Maintenance Every (days)', default=90,
        help='Days between two preventive maintenance requests; 0 disables them.')
    request_ids = fields.One2many('equipment.request', 'equipment_id', string='Requests')
    request_count = fields.Integer(compute='_compute_request_count', string='Request Count')
    next_maintenance_date = fields.Date(
        compute='_compute_next_maintenance_date', store=True, string='Next Preventive Maintenance',
        help='So that preventive maintenance is planned before the equipment breaks down.')

    _sql_constraints = [
        ('serial_no_unique', 'unique(serial_no)', 'Another equipment already has this serial number.'),
    ]

    @api.depends('request_ids')
    def _compute_request_count(self):
        for item in self:
            item.request_count = len(item.request_ids)

    @api.depends('maintenance_period', 'request_ids.close_date', 'request_ids.maintenance_type')
    def _compute_next_maintenance_date(self):
        for item in self:
            if item.maintenance_period <= 0:
                item.next_maintenance_date = False
                continue
            done = item.request_ids.filtered(
                lambda r: r.maintenance_type == 'preventive' and r.close_date)
            last = max(done.mapped('close_date')) if done else (item.purchase_date or fields.Date.today())
            item.next_maintenance_date = last + timedelta(days=item.maintenance_period)

    @api.constrains('cost')
    def _check_cost(self):
        for item in self:
            if item.cost and item.cost < 0:
                raise ValidationError(_('The cost of an equipment cannot be negative.'))

    def action_view_requests(self):
        """Open the maintenance requests of this equipment."""
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Maintenance Requests'),
            'res_model': 'equipment.request',
            'view_mode': 'tree,form',
            'domain': [('equipment_id', '=', self.id)],
            'context': {'default_equipment_id': self.id},
        }
