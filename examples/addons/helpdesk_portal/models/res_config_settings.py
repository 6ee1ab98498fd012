# -*- coding: utf-8 -*-
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = 'res.config.settings'

    helpdesk_portal_allow_create = fields.Boolean(
        string='Tickets from the Portal', config_parameter='helpdesk_portal.allow_create',
        help='Lets customers open tickets from the portal so that they need not send an email.')
    group_helpdesk_escalation = fields.Boolean(
        string='Escalations', implied_group='helpdesk_portal.group_helpdesk_escalation')
