import type { FeedbackStatus } from '#shared/enums';
import type { Contact } from '#shared/schemas/contacts';
import type { StaffFeedback } from '#shared/schemas/feedback';

// The committee's three lists (三张清单), drawn from the feedback loop:
// needs (需求清单) wait for the meeting, resources (资源清单) are the parties who can act,
// projects (项目清单) are needs matched with a party and under way.
const NEEDS: readonly FeedbackStatus[] = ['received', 'discussing'];
const PROJECTS: readonly FeedbackStatus[] = ['assigned', 'in_progress', 'resolved'];

export interface Resource {
  name: string;
  detail: string;
  projects: number;
}
export interface Project {
  assignee: string;
  tickets: StaffFeedback[];
}

export function threeLists(tickets: readonly StaffFeedback[], contacts: readonly Contact[]) {
  // On the agenda first, then what most people support, then the oldest.
  const needs = tickets
    .filter((t) => NEEDS.includes(t.status))
    .sort(
      (a, b) =>
        Number(b.status === 'discussing') - Number(a.status === 'discussing') ||
        b.supporters - a.supporters ||
        a.createdAt.localeCompare(b.createdAt),
    );
  const byAssignee = new Map<string, StaffFeedback[]>();
  for (const t of tickets.filter((x) => PROJECTS.includes(x.status))) {
    const key = t.assignee?.trim() || '—';
    byAssignee.set(key, [...(byAssignee.get(key) ?? []), t]);
  }
  const projects: Project[] = [...byAssignee.entries()]
    .map(([assignee, list]) => ({ assignee, tickets: list }))
    .sort((a, b) => b.tickets.length - a.tickets.length || a.assignee.localeCompare(b.assignee));
  const resources = new Map<string, Resource>();
  // Building-wide liaisons are standing resources; assignees join as they take work.
  for (const c of contacts.filter((x) => x.floors.length === 0)) {
    resources.set(c.company || c.name, {
      name: c.company || c.name,
      detail: `${c.name} ${c.hours}`.trim(),
      projects: 0,
    });
  }
  for (const p of projects) {
    if (p.assignee === '—') continue;
    const r = resources.get(p.assignee) ?? { name: p.assignee, detail: '', projects: 0 };
    r.projects += p.tickets.length;
    resources.set(p.assignee, r);
  }
  return { needs, resources: [...resources.values()], projects };
}
