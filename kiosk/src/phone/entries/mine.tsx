import { minePage } from '../data/page-data.ts';
import { mount } from '../mount.tsx';
import { Mine } from '../pages/mine.tsx';

mount(minePage, Mine);
