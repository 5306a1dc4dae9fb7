import { useEffect, useState } from 'preact/hooks';
import { useSession } from '#shared/device/hooks';
import { IdleSlide } from '../slides/idle-slide.tsx';
import { SLIDES } from '../slides/index.tsx';
import { resolveFor } from './resolve.ts';
import { Rotation, type Current } from './rotation.ts';

// The playlist on screen. Two layers take turns: the new slide fades in on one while the
// old one fades out on the other, by opacity and transform only, so nothing relayouts.
export function Player() {
  const session = useSession();
  const [layers, setLayers] = useState<[Current | null, Current | null]>([null, null]);
  const [front, setFront] = useState<Current | null>(null);

  useEffect(() => {
    const { store } = session;
    const rotation = new Rotation({
      resolve: (now) => resolveFor(store.get(), now),
      onChange(next) {
        setFront(next);
        if (next) setLayers((l) => (next.seq % 2 === 0 ? [next, l[1]] : [l[0], next]));
        session.slideShown(next?.slide.id ?? null);
      },
      onPlayed: (p) => session.recordPlay(p),
    });
    let seen = store.get();
    const unsubscribe = store.subscribe((s) => {
      if (s.content === seen.content && s.config === seen.config) return;
      seen = s;
      rotation.evaluate();
    });
    rotation.start();
    return () => {
      unsubscribe();
      rotation.stop();
    };
  }, [session]);

  if (!front) {
    return (
      <div class="stage">
        <div class="layer is-on">
          <IdleSlide />
        </div>
      </div>
    );
  }
  return (
    <div class="stage">
      {layers.map((cur, i) => {
        if (!cur) return <div key={i} class="layer" />;
        const View = SLIDES[cur.slide.kind];
        const on = cur.seq === front.seq;
        return (
          <div
            key={i}
            class={`layer ${on ? 'is-on' : ''}`}
            aria-hidden={!on}
            data-slide={cur.slide.id}
            data-playlist={cur.playlistId ?? 'builtin'}
          >
            <View slide={cur.slide} round={cur.round} at={cur.startedAt} />
            {on && (
              <div
                key={cur.seq}
                class="progress"
                style={{ animationDuration: `${cur.endsAt - cur.startedAt}ms` }}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}
