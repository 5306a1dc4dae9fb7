import type { Slide } from '#shared/schemas/playlists';

export interface SlideProps {
  slide: Slide;
  // Times this slide played before: paged slides move on a page each round.
  round: number;
  // When the slide started; what it shows is what was valid then.
  at: number;
}
