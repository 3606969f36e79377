/**
 * Collective-brand governance: one organisation, one vote; the applicant never votes on itself; a decision needs a
 * quorum of member organisations and more than the brand's majority share of the yes + no votes (abstentions count
 * towards the quorum only). Pure; unit- and property-tested (tests/unit/brand-governance.test.ts).
 */
import type { RuleResult } from "./permissions";

export type VoteChoice = "YES" | "NO" | "ABSTAIN";
export type Tally = { yes: number; no: number; abstain: number };
export type GovernanceRules = { quorumPercent: number; majorityPercent: number };
export type Decision =
  | { outcome: "PENDING"; tally: Tally; votesNeededForQuorum: number }
  | { outcome: "ACCEPTED" | "REJECTED"; tally: Tally; reason: string };

export function tally(votes: readonly { choice: VoteChoice }[]): Tally {
  const result = { yes: 0, no: 0, abstain: 0 };
  for (const vote of votes) {
    if (vote.choice === "YES") result.yes += 1;
    else if (vote.choice === "NO") result.no += 1;
    else result.abstain += 1;
  }
  return result;
}

export function checkRules(rules: GovernanceRules): RuleResult {
  if (!Number.isInteger(rules.quorumPercent) || rules.quorumPercent < 1 || rules.quorumPercent > 100) {
    return { ok: false, reason: "The quorum must be a whole per cent from 1 to 100." };
  }
  if (!Number.isInteger(rules.majorityPercent) || rules.majorityPercent < 50 || rules.majorityPercent > 99) {
    return { ok: false, reason: "The majority must be a whole per cent from 50 (more than half) to 99." };
  }
  return { ok: true };
}

/** Votes needed for a quorum among `eligible` member organisations: at least one. */
export function quorumSize(eligible: number, quorumPercent: number): number {
  return Math.max(1, Math.ceil((eligible * quorumPercent) / 100));
}

/** yes / (yes + no) strictly above majorityPercent, in integers. */
function hasMajority(yes: number, no: number, majorityPercent: number): boolean {
  return yes * 100 > majorityPercent * (yes + no);
}

/**
 * Where an application stands after the votes so far. It is decided as soon as the quorum is reached and the
 * remaining member organisations could no longer change the outcome; `final` (voting closed by a steward, or every
 * member has voted) decides with what there is — no quorum means rejected.
 */
export function decide(current: Tally, eligible: number, rules: GovernanceRules, { final = false } = {}): Decision {
  const cast = current.yes + current.no + current.abstain;
  if (cast > eligible) throw new Error(`More votes (${cast}) than member organisations (${eligible})`);
  const needed = quorumSize(eligible, rules.quorumPercent);
  const remaining = eligible - cast;
  const describe = `${current.yes} yes, ${current.no} no, ${current.abstain} abstaining of ${eligible} member organisations`;
  const quorate = cast >= needed;
  if (quorate) {
    // Certain outcomes: even if every remaining member voted against (or for) it.
    if (hasMajority(current.yes, current.no + remaining, rules.majorityPercent)) {
      return { outcome: "ACCEPTED", tally: current, reason: `Admitted: ${describe}.` };
    }
    if (!hasMajority(current.yes + remaining, current.no, rules.majorityPercent)) {
      return { outcome: "REJECTED", tally: current, reason: `Not admitted: ${describe}; more than ${rules.majorityPercent}% of yes and no votes had to be yes.` };
    }
  }
  if (final || remaining === 0) {
    if (!quorate) return { outcome: "REJECTED", tally: current, reason: `Not admitted: the quorum of ${needed} votes was not reached (${describe}).` };
    return hasMajority(current.yes, current.no, rules.majorityPercent)
      ? { outcome: "ACCEPTED", tally: current, reason: `Admitted: ${describe}.` }
      : { outcome: "REJECTED", tally: current, reason: `Not admitted: ${describe}; more than ${rules.majorityPercent}% of yes and no votes had to be yes.` };
  }
  return { outcome: "PENDING", tally: current, votesNeededForQuorum: Math.max(0, needed - cast) };
}

/** May this organisation vote on this application? Only members, once, and never on its own application. */
export function canVote(voter: { organizationId: string; isMember: boolean; alreadyVoted: boolean }, application: { organizationId: string; status: string }): RuleResult {
  if (application.status !== "OPEN") return { ok: false, reason: "Voting on this application has ended." };
  if (voter.organizationId === application.organizationId) return { ok: false, reason: "An organisation cannot vote on its own application." };
  if (!voter.isMember) return { ok: false, reason: "Only member organisations of the brand vote." };
  if (voter.alreadyVoted) return { ok: false, reason: "Your organisation has already voted: one organisation, one vote." };
  return { ok: true };
}
