# -*- coding: utf-8 -*-
{
    'name': 'Helpdesk Lite',
    'version': '17.0.1.0.0',
    'category': 'Services/Helpdesk',
    'summary': 'Customer support tickets with teams, stages and response deadlines',
    'author': 'Odoo Project Sync Examples',
    'license': 'LGPL-3',
    'depends': ['base', 'mail'],
    'data': [
        'security/helpdesk_security.xml',
        'security/ir.model.access.csv',
        'data/helpdesk_stage_data.xml',
        'views/helpdesk_ticket_views.xml',
        'views/helpdesk_team_views.xml',
        'views/res_partner_views.xml',
        'views/helpdesk_menus.xml',
    ],
    'application': True,
    'installable': True,
}
