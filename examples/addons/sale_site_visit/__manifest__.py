# -*- coding: utf-8 -*-
{
    'name': 'Sales Site Visits',
    'version': '17.0.1.0.0',
    'category': 'Sales/CRM',
    'summary': 'Plan site visits on opportunities and delivery windows on quotations',
    'author': 'Odoo Project Sync Examples',
    'license': 'LGPL-3',
    'depends': ['crm', 'sale_management'],
    'data': [
        'security/ir.model.access.csv',
        'security/site_visit_rules.xml',
        'views/site_visit_views.xml',
        'views/crm_lead_views.xml',
        'views/sale_order_views.xml',
    ],
    'installable': True,
}
