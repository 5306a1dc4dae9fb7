import { placePage } from '../data/page-data.ts';
import { mount } from '../mount.tsx';
import { PlaceHome } from '../pages/place.tsx';

mount(placePage, PlaceHome);
