# -*- coding: utf-8 -*-
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class EquipmentVehicle(models.Model):
    """A vehicle is an equipment with a licence plate and an odometer."""

    _name = 'equipment.vehicle'
    _description = 'Vehicle'
    _inherits = {'equipment.item': 'item_id'}

    item_id = fields.Many2one('equipment.item', string='Equipment', required=True,
                              ondelete='cascade', auto_join=True)
    license_plate = fields.Char(string='Licence Plate', required=True)
    odometer = fields.Float(string='Odometer (km)')
    fuel_type = fields.Selection(
        [('diesel', 'Diesel'), ('petrol', 'Petrol'), ('electric', 'Electric')],
        string='Fuel Type', default='diesel')

    _sql_constraints = [
        ('license_plate_unique', 'unique(license_plate)', 'This licence plate is already registered.'),
    ]

    @api.constrains('odometer')
    def _check_odometer(self):
        for vehicle in self:
            if vehicle.odometer < 0:
                raise ValidationError('The odometer cannot be negative.')

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals.setdefault('category', 'vehicle')
        return super().create(vals_list)
