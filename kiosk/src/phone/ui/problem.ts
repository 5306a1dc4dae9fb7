// A refusal, from the page's own checks or the hub's 400: the field it names and why.
export interface Problem {
  field: string;
  message: string;
}

export const errorFor = (p: Problem | null, field: string): string | undefined =>
  p && p.field === field ? p.message : undefined;
