/** A business rule said no. Actions turn it into a 422 with the message shown beside the form. */
export class RuleViolation extends Error {
  readonly name = "RuleViolation";
}

export function assertRule(result: { ok: true } | { ok: false; reason: string }): void {
  if (!result.ok) throw new RuleViolation(result.reason);
}
