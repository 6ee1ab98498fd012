# -*- coding: utf-8 -*-
from . import helpdesk_ticket
from . import res_config_settings
from . import res_partner
