import type { SlideProps } from './types.ts';

export function ImageSlide({ slide }: SlideProps) {
  return (
    <section class="slide-body image-slide" data-slide-kind="image">
      {slide.image && <img src={slide.image} alt={slide.caption ?? ''} />}
      {slide.caption && <p class="caption">{slide.caption}</p>}
    </section>
  );
}
