# -*- coding: utf-8 -*-
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class EquipmentRequest(models.Model):
    """A maintenance request: a breakdown to repair or a preventive check to carry out."""

    _name = 'equipment.request'
    _description = 'Maintenance Request'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _order = 'priority desc, schedule_date, id desc'

    name = fields.Char(string='Reference', required=True, copy=False, readonly=True,
                       default=lambda self: _('New'))
    subject = fields.Char(string='Subject', required=True, tracking=True)
    equipment_id = fields.Many2one('equipment.item', string='Equipment', required=True,
                                   tracking=True, index=True)
    technician_id = fields.Many2one('res.users', string='Technician', tracking=True,
                                    help='Technician in charge of the repair.')
    requested_by_id = fields.Many2one('res.users', string='Requested By',
                                      default=lambda self: self.env.user)
    maintenance_type = fields.Selection(
        [('corrective', 'Corrective'), ('preventive', 'Preventive')],
        string='Maintenance Type', required=True, default='corrective')
    priority = fields.Selection(
        [('0', 'Normal'), ('1', 'High'), ('2', 'Urgent')], string='Priority', default='0')
    state = fields.Selection(
        [('draft', 'New'), ('confirmed', 'Confirmed'), ('in_progress', 'In Progress'),
         ('done', 'Done'), ('cancelled', 'Cancelled')],
        string='Status', default='draft', required=True, tracking=True, copy=False)
    schedule_date = fields.Datetime(string='Scheduled Date',
                                    help='When the technician plans to work on the equipment.')
    duration = fields.Float(string='Duration (hours)', default=1.0)
    close_date = fields.Date(string='Close Date', readonly=True, copy=False)
    description = fields.Html(string='Description')
    is_overdue = fields.Boolean(compute='_compute_is_overdue', string='Overdue')

    @api.depends('schedule_date', 'state')
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for request in self:
            request.is_overdue = bool(
                request.schedule_date and request.schedule_date < now
                and request.state not in ('done', 'cancelled'))

    @api.onchange('equipment_id')
    def _onchange_equipment_id(self):
        if self.equipment_id and self.equipment_id.technician_id and not self.technician_id:
            self.technician_id = self.equipment_id.technician_id

    @api.constrains('duration', 'schedule_date')
    def _check_duration(self):
        for request in self:
            if request.duration < 0:
                raise ValidationError(_('The duration of a request cannot be negative.'))
            if request.duration > 24 * 7:
                raise ValidationError(_('A single request cannot last more than a week.'))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get('name', _('New')) == _('New'):
                vals['name'] = self.env['ir.sequence'].next_by_code('equipment.request') or _('New')
        return super().create(vals_list)

    def write(self, vals):
        if 'state' in vals and vals['state'] == 'done' and 'close_date' not in vals:
            vals['close_date'] = fields.Date.context_today(self)
        return super().write(vals)

    def unlink(self):
        if any(request.state == 'done' for request in self):
            raise UserError(_('Done requests are kept for the equipment history; archive them instead.'))
        return super().unlink()

    def action_confirm(self):
        """Confirm the request so that a technician can plan it."""
        self.filtered(lambda r: r.state == 'draft').write({'state': 'confirmed'})

    def action_start(self):
        """Start the repair and record who works on it."""
        for request in self:
            if request.state != 'confirmed':
                raise UserError(_('Only confirmed requests can be started.'))
            request.write({'state': 'in_progress', 'technician_id': request.technician_id.id or self.env.uid})

    def action_done(self):
        """Mark the request as done so that the equipment history stays complete."""
        template = self.env.ref('equipment_maintenance.mail_template_request_done', raise_if_not_found=False)
        for request in self:
            if request.state not in ('confirmed', 'in_progress'):
                raise UserError(_('Only confirmed or started requests can be marked as done.'))
            request.write({'state': 'done'})
            if template and request.requested_by_id.partner_id.email:
                template.send_mail(request.id)

    def action_cancel(self):
        """Cancel requests that are no longer needed."""
        self.write({'state': 'cancelled'})

    @api.model
    def _cron_generate_preventive_requests(self):
        """Create preventive requests for equipment whose next maintenance is due within a week."""
        limit = fields.Date.today() + timedelta(days=7)
        items = self.env['equipment.item'].search([
            ('maintenance_period', '>', 0), ('next_maintenance_date', '<=', limit)])
        for item in items:
            open_requests = item.request_ids.filtered(
                lambda r: r.maintenance_type == 'preventive' and r.state not in ('done', 'cancelled'))
            if open_requests:
                continue
            self.create({
                'subject': _('Preventive maintenance of %s', item.name),
                'equipment_id': item.id,
                'technician_id': item.technician_id.id,
                'maintenance_type': 'preventive',
                'schedule_date': fields.Datetime.to_datetime(item.next_maintenance_date),
            })
