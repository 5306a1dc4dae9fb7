import { eventPage } from '../data/page-data.ts';
import { mount } from '../mount.tsx';
import { EventPageView } from '../pages/event.tsx';

mount(eventPage, EventPageView);
