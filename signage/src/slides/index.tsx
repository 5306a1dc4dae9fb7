import type { SlideKind } from '#shared/schemas/playlists';
import type { ComponentType } from 'preact';
import { BoardSlide } from './board-slide.tsx';
import { ContactsSlide } from './contacts-slide.tsx';
import { EventsSlide } from './events-slide.tsx';
import { FeedbackSlide } from './feedback-slide.tsx';
import { ImageSlide } from './image-slide.tsx';
import { NoticeSlide } from './notice-slide.tsx';
import { NoticesSlide } from './notices-slide.tsx';
import type { SlideProps } from './types.ts';

export const SLIDES: Record<SlideKind, ComponentType<SlideProps>> = {
  notices: NoticesSlide,
  notice: NoticeSlide,
  contacts: ContactsSlide,
  events: EventsSlide,
  feedback: FeedbackSlide,
  board: BoardSlide,
  image: ImageSlide,
};
