import { ticketPage } from '../data/page-data.ts';
import { mount } from '../mount.tsx';
import { Ticket } from '../pages/ticket.tsx';

mount(ticketPage, Ticket);
