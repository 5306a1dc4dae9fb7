import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');

// The markdown a newcomer reads: the README and every page under docs/.
export function markdownFiles(): string[] {
  const docs = readdirSync(join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => join('docs', f));
  return ['README.md', ...docs].sort();
}

export const readDoc = (path: string) => readFileSync(join(ROOT, path), 'utf8');

// Link targets of a page: [text](target) and ![alt](target), outside fenced code.
export function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '');
  return [...prose.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '');
}

// Fenced sh blocks marked `<!-- runnable -->` on an earlier line with only blank lines between.
export function runnableBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/<!-- runnable -->\s*\n```sh\n([\s\S]*?)```/g)].map(
    (m) => m[1] ?? '',
  );
}
