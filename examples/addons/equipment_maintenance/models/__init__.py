# -*- coding: utf-8 -*-
from . import equipment_item
from . import equipment_vehicle
from . import equipment_request
