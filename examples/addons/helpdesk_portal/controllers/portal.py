# -*- coding: utf-8 -*-
from odoo import _, http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request
from odoo.addons.portal.controllers.portal import CustomerPortal, pager as portal_pager


class HelpdeskPortal(CustomerPortal):

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if 'ticket_count' in counters:
            values['ticket_count'] = request.env['helpdesk.ticket'].search_count([])
        return values

    @http.route(['/my/tickets', '/my/tickets/page/<int:page>'], type='http', auth='user', website=True)
    def portal_my_tickets(self, page=1, **kw):
        """List the customer's tickets so that they follow their questions without calling the support line."""
        Ticket = request.env['helpdesk.ticket']
        pager = portal_pager(url='/my/tickets', total=Ticket.search_count([]), page=page, step=20)
        tickets = Ticket.search([], order='create_date desc', limit=20, offset=pager['offset'])
        return request.render('helpdesk_portal.portal_my_tickets', {'tickets': tickets, 'pager': pager, 'page_name': 'ticket'})

    @http.route('/my/tickets/<int:ticket_id>', type='http', auth='user', website=True)
    def portal_ticket_page(self, ticket_id, access_token=None, **kw):
        try:
            ticket = self._document_check_access('helpdesk.ticket', ticket_id, access_token)
        except (AccessError, MissingError):
            return request.redirect('/my')
        return request.render('helpdesk_portal.portal_ticket_page', {'ticket': ticket, 'page_name': 'ticket'})

    @http.route('/helpdesk/ticket/new', type='json', auth='user', methods=['POST'])
    def portal_ticket_create(self, subject, description=None, **kw):
        """Open a ticket from the portal form."""
        allowed = request.env['ir.config_parameter'].sudo().get_param('helpdesk_portal.allow_create')
        if not allowed:
            raise AccessError(_('Opening tickets from the portal is switched off.'))
        partner = request.env.user.partner_id
        ticket = request.env['helpdesk.ticket'].sudo().create({
            'name': subject,
            'description': description,
            'partner_id': partner.id,
            'team_id': request.env['helpdesk.team'].sudo().search([], limit=1).id,
        })
        return {'id': ticket.id, 'reference': ticket.reference}
