# -*- coding: utf-8 -*-
{
    'name': 'Equipment Maintenance',
    'version': '17.0.1.0.0',
    'category': 'Operations/Maintenance',
    'summary': 'Track equipment, vehicles and their maintenance requests',
    'description': """
Equipment Maintenance
=====================
Register equipment and vehicles, plan preventive maintenance and follow
corrective requests from the first call to the closing report.
""",
    'author': 'Odoo Project Sync Examples',
    'license': 'LGPL-3',
    'depends': ['base', 'mail'],
    'data': [
        'security/equipment_security.xml',
        'security/ir.model.access.csv',
        'security/equipment_rules.xml',
        'data/ir_sequence_data.xml',
        'data/ir_cron_data.xml',
        'data/mail_template_data.xml',
        'views/equipment_item_views.xml',
        'views/equipment_vehicle_views.xml',
        'views/equipment_request_views.xml',
        'wizard/request_done_wizard_views.xml',
        'report/request_report.xml',
        'views/equipment_menus.xml',
    ],
    'assets': {
        'web.assets_backend': [
            'equipment_maintenance/static/src/js/request_priority_badge.js',
            'equipment_maintenance/static/src/scss/equipment_request.scss',
        ],
    },
    'application': True,
    'installable': True,
}
