import { feedbackPage } from '../data/page-data.ts';
import { mount } from '../mount.tsx';
import { FeedbackNew } from '../pages/feedback-new.tsx';

mount(feedbackPage, FeedbackNew);
