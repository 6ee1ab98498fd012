# -*- coding: utf-8 -*-
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class HelpdeskStage(models.Model):
    _name = 'helpdesk.stage'
    _description = 'Ticket Stage'
    _order = 'sequence, id'

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    is_closing = fields.Boolean(string='Closing Stage',
                                help='Tickets in this stage are considered solved.')
    fold = fields.Boolean(string='Folded in Kanban')


class HelpdeskTicket(models.Model):
    """A customer question or incident that an agent must answer before its deadline."""

    _name = 'helpdesk.ticket'
    _description = 'Helpdesk Ticket'
    _inherit = ['mail.thread']
    _order = 'priority desc, deadline, id'

    name = fields.Char(string='Subject', required=True, tracking=True)
    description = fields.Html(string='Description')
    partner_id = fields.Many2one('res.partner', string='Customer', tracking=True)
    partner_email = fields.Char(related='partner_id.email', string='Customer Email')
    team_id = fields.Many2one('helpdesk.team', string='Team', required=True)
    user_id = fields.Many2one('res.users', string='Assigned To', tracking=True,
                              domain="[('id', 'in', team_member_ids)]")
    team_member_ids = fields.Many2many(related='team_id.member_ids')
    stage_id = fields.Many2one('helpdesk.stage', string='Stage', tracking=True, group_expand='_read_group_stage_ids',
                               default=lambda self: self.env['helpdesk.stage'].search([], limit=1))
    priority = fields.Selection([('0', 'Low'), ('1', 'Normal'), ('2', 'High'), ('3', 'Urgent')],
                                string='Priority', default='1')
    deadline = fields.Datetime(compute='_compute_deadline', store=True, string='Answer Before',
                               help='So that customers get an answer within the time the team promised.')
    is_closed = fields.Boolean(related='stage_id.is_closing', store=True)
    tag_ids = fields.Many2many('helpdesk.tag', string='Tags')

    @api.depends('create_date', 'team_id.response_hours', 'priority')
    def _compute_deadline(self):
        for ticket in self:
            if not ticket.create_date or not ticket.team_id:
                ticket.deadline = False
                continue
            hours = ticket.team_id.response_hours
            if ticket.priority == '3':
                hours = max(1, hours // 4)
            elif ticket.priority == '2':
                hours = max(1, hours // 2)
            ticket.deadline = ticket.create_date + timedelta(hours=hours)

    @api.onchange('team_id')
    def _onchange_team_id(self):
        if self.user_id and self.user_id not in self.team_id.member_ids:
            self.user_id = False

    @api.model
    def _read_group_stage_ids(self, stages, domain, order):
        return stages.search([], order=order)

    def action_assign_to_me(self):
        """Take the ticket so that the customer knows who answers."""
        for ticket in self:
            if ticket.is_closed:
                raise UserError(_('Closed tickets cannot be assigned.'))
        self.write({'user_id': self.env.uid})

    def action_close(self):
        """Close the ticket once the customer's question is answered."""
        stage = self.env['helpdesk.stage'].search([('is_closing', '=', True)], limit=1)
        if not stage:
            raise UserError(_('Create a closing stage first.'))
        self.write({'stage_id': stage.id})


class HelpdeskTag(models.Model):
    _name = 'helpdesk.tag'
    _description = 'Ticket Tag'

    name = fields.Char(required=True)
    color = fields.Integer()

    _sql_constraints = [('name_unique', 'unique(name)', 'This tag already exists.')]
