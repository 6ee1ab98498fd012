# -*- coding: utf-8 -*-
from . import helpdesk_team
from . import helpdesk_ticket
from . import res_partner
