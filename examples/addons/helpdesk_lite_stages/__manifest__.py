# -*- coding: utf-8 -*-
{
    'name': 'Helpdesk Lite Stages',
    'version': '17.0.1.0.0',
    'category': 'Services/Helpdesk',
    'summary': 'The support stages and response settings of the company',
    'author': 'Odoo Project Sync Examples',
    'license': 'LGPL-3',
    'depends': ['helpdesk_lite'],
    'data': ['data/helpdesk_config_data.xml'],
    'installable': True,
}
