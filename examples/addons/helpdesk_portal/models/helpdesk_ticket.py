# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class HelpdeskTicket(models.Model):
    _inherit = 'helpdesk.ticket'

    reference = fields.Char(string='Reference', readonly=True, copy=False, default='/')
    company_id = fields.Many2one('res.company', string='Company', default=lambda self: self.env.company)
    internal_note = fields.Text(string='Internal Note',
                                help='Kept from the customer so that agents can share context freely.')
    escalation_reason = fields.Text(string='Escalation Reason')
    state = fields.Selection(
        [('open', 'Open'), ('escalated', 'Escalated'), ('approved', 'Escalation Approved'),
         ('rejected', 'Escalation Rejected'), ('solved', 'Solved')],
        string='Escalation', default='open', required=True, tracking=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get('reference', '/') == '/':
                vals['reference'] = self.env['ir.sequence'].next_by_code('helpdesk.ticket.portal') or '/'
        return super().create(vals_list)

    def action_escalate(self):
        """Ask a manager to approve an escalation so that urgent tickets get senior attention."""
        for ticket in self:
            if ticket.state != 'open':
                raise UserError(_('Only open tickets can be escalated.'))
            if not ticket.escalation_reason:
                raise UserError(_('Say why the ticket must be escalated.'))
            ticket.write({'state': 'escalated'})
            ticket.activity_schedule('mail.mail_activity_data_todo', summary=_('Approve the escalation'))

    def action_approve_escalation(self):
        for ticket in self:
            if ticket.state != 'escalated':
                raise UserError(_('Only escalated tickets can be approved.'))
            ticket.state = 'approved'
            ticket.message_post(body=_('Escalation approved.'))

    def action_reject_escalation(self):
        self.filtered(lambda t: t.state == 'escalated').write({'state': 'rejected'})

    def action_solve(self):
        template = self.env.ref('helpdesk_portal.mail_template_ticket_solved')
        for ticket in self:
            if ticket.state in ('solved', 'escalated'):
                raise UserError(_('This ticket cannot be solved now.'))
            ticket.write({'state': 'solved'})
            template.send_mail(ticket.id)

    @api.model
    def _cron_remind_escalations(self):
        """Remind managers of escalations waiting for more than a day."""
        for ticket in self.search([('state', '=', 'escalated')]):
            ticket.message_post(body=_('This escalation still waits for approval.'))
