import { followPage } from '../data/page-data.ts';
import { mount } from '../mount.tsx';
import { Follow } from '../pages/follow.tsx';

mount(followPage, Follow);
