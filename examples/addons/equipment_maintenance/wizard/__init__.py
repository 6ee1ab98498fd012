# -*- coding: utf-8 -*-
from . import request_done_wizard
