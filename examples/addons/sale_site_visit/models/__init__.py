# -*- coding: utf-8 -*-
from . import site_visit
from . import crm_lead
from . import sale_order
