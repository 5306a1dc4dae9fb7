import { contactPage } from '../data/page-data.ts';
import { mount } from '../mount.tsx';
import { ContactCards } from '../pages/contact.tsx';

mount(contactPage, ContactCards);
