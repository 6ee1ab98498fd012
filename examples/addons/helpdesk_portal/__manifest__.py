# -*- coding: utf-8 -*-
{
    'name': 'Helpdesk Portal',
    'version': '17.0.1.0.0',
    'category': 'Services/Helpdesk',
    'summary': 'Let customers follow their helpdesk tickets on the portal',
    'description': """
Customers see their tickets under My Account, open new ones when the company allows it,
and agents escalate urgent tickets through an approval by a manager.
""",
    'author': 'Odoo Project Sync Examples',
    'license': 'LGPL-3',
    'depends': ['helpdesk_lite', 'portal'],
    'data': [
        'security/helpdesk_portal_security.xml',
        'security/ir.model.access.csv',
        'data/ir_sequence_data.xml',
        'data/ir_cron_data.xml',
        'data/mail_template_data.xml',
        'views/helpdesk_ticket_views.xml',
        'views/res_config_settings_views.xml',
        'views/res_partner_views.xml',
        'views/portal_templates.xml',
    ],
    'assets': {
        'web.assets_backend': [
            'helpdesk_portal/static/src/js/ticket_form_patch.js',
        ],
        'web.assets_frontend': [
            'helpdesk_portal/static/src/scss/portal_tickets.scss',
        ],
    },
    'installable': True,
}
