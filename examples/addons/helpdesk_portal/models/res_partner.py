# -*- coding: utf-8 -*-
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = 'res.partner'

    portal_ticket_ids = fields.One2many('helpdesk.ticket', 'partner_id', 'Portal Tickets')
