import type { Resolution } from '#shared/schedule-resolver';
import type { Slide } from '#shared/schemas/playlists';

export interface Current {
  slide: Slide;
  playlistId: number | null;
  startedAt: number;
  endsAt: number;
  // Grows with every slide shown: the view alternates two layers on it.
  seq: number;
  // How many times this slide has played before, so a paged slide shows its next page.
  round: number;
}

export interface RotationDeps {
  resolve(now: number): Resolution;
  onChange(current: Current | null): void;
  onPlayed(p: { slide: string; playlist: number | null; startMs: number; endMs: number }): void;
  now?: () => number;
}

// Which playlist is on: a change of it cuts in at once (the lunch hour starts at 11:30, not
// at the end of the slide that was on); a change of its content waits for the slide to end.
const listKey = (r: Resolution) =>
  `${r.source}:${r.playlistId}:${r.urgent.map((n) => n.id).join(',')}`;

// The rotation clock: one timer, set for whichever comes first of the end of the slide and
// the next minute (when schedules and notice windows may change the picture).
export class Rotation {
  private current: Current | null = null;
  private key = '';
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly rounds = new Map<string, number>();
  private readonly now: () => number;
  private readonly deps: RotationDeps;

  constructor(deps: RotationDeps) {
    this.deps = deps;
    this.now = deps.now ?? Date.now;
  }

  start(): void {
    this.evaluate();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.finish(this.now());
    this.current = null;
  }

  evaluate(): void {
    clearTimeout(this.timer);
    const now = this.now();
    const res = this.deps.resolve(now);
    const key = listKey(res);
    const cur = this.current;
    const slides = res.slides;

    if (slides.length === 0) {
      this.finish(now);
      this.show(null, key);
    } else if (!cur || key !== this.key) {
      this.finish(now);
      if (key !== this.key) this.rounds.clear();
      this.show(this.begin(slides[0] as Slide, res, now), key);
    } else {
      const at = slides.findIndex((s) => s.id === cur.slide.id);
      if (at >= 0 && now < cur.endsAt) {
        // Same slide still on: take its new settings, keep its clock.
        const slide = slides[at] as Slide;
        if (slide !== cur.slide)
          this.show({ ...cur, slide, endsAt: cur.startedAt + slide.duration * 1000 }, key);
      } else {
        this.finish(now);
        const next = slides[(at + 1) % slides.length] as Slide;
        this.show(this.begin(next, res, now), key);
      }
    }
    this.schedule(now);
  }

  private begin(slide: Slide, res: Resolution, now: number): Current {
    const round = this.rounds.get(slide.id) ?? 0;
    this.rounds.set(slide.id, round + 1);
    return {
      slide,
      playlistId: res.playlistId,
      startedAt: now,
      endsAt: now + slide.duration * 1000,
      seq: ++this.seq,
      round,
    };
  }

  private show(next: Current | null, key: string): void {
    this.key = key;
    if (next === this.current) return;
    this.current = next;
    this.deps.onChange(next);
  }

  // Proof of play for the slide that was on, for as long as it was actually on.
  private finish(now: number): void {
    const cur = this.current;
    if (!cur) return;
    this.deps.onPlayed({
      slide: cur.slide.id,
      playlist: cur.playlistId,
      startMs: cur.startedAt,
      endMs: Math.min(now, cur.endsAt),
    });
  }

  private schedule(now: number): void {
    const nextMinute = (Math.floor(now / 60_000) + 1) * 60_000;
    const due = this.current ? Math.min(this.current.endsAt, nextMinute) : nextMinute;
    this.timer = setTimeout(() => this.evaluate(), Math.max(0, due - now));
  }
}
