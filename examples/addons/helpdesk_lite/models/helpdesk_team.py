# -*- coding: utf-8 -*-
from odoo import fields, models


class HelpdeskTeam(models.Model):
    """A support team with its members and its response time promise."""

    _name = 'helpdesk.team'
    _description = 'Helpdesk Team'

    name = fields.Char(string='Team Name', required=True, translate=True)
    member_ids = fields.Many2many('res.users', string='Agents')
    response_hours = fields.Integer(string='Response Time (hours)', default=24,
                                    help='Promised time to a first answer, used for ticket deadlines.')
    ticket_ids = fields.One2many('helpdesk.ticket', 'team_id', string='Tickets')

    _sql_constraints = [
        ('name_unique', 'unique(name)', 'A team with this name already exists.'),
        ('response_hours_positive', 'CHECK(response_hours > 0)', 'The response time must be positive.'),
    ]
