import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canVote,
  checkRules,
  decide,
  quorumSize,
  tally,
  type GovernanceRules,
  type Tally,
  type VoteChoice,
} from "~/domain/brand-governance";

// ---------------------------------------------------------------------------------------------------------------
// Builders and a reference model
// ---------------------------------------------------------------------------------------------------------------

const rules = (quorumPercent: number, majorityPercent = 50): GovernanceRules => ({ quorumPercent, majorityPercent });
const votes = (yes: number, no = 0, abstain = 0): Tally => ({ yes, no, abstain });
const sum = (t: Tally) => t.yes + t.no + t.abstain;
const add = (a: Tally, b: Tally): Tally => ({ yes: a.yes + b.yes, no: a.no + b.no, abstain: a.abstain + b.abstain });

/** The rule as the issue states it, written independently of the implementation (integers, no floating point). */
function referenceFinalOutcome(t: Tally, eligible: number, r: GovernanceRules): "ACCEPTED" | "REJECTED" {
  const quorate = sum(t) * 100 >= eligible * r.quorumPercent && sum(t) >= 1;
  const majority = t.yes * 100 > r.majorityPercent * (t.yes + t.no);
  return quorate && majority ? "ACCEPTED" : "REJECTED";
}

const choiceArb = fc.constantFrom<VoteChoice>("YES", "NO", "ABSTAIN");
const rulesArb = fc.record({ quorumPercent: fc.integer({ min: 1, max: 100 }), majorityPercent: fc.integer({ min: 50, max: 99 }) });

/** A brand of `eligible` member organisations, the votes cast so far, and what the others do later. */
const scenarioArb = fc
  .integer({ min: 1, max: 15 })
  .chain((eligible) =>
    fc.record({
      eligible: fc.constant(eligible),
      rules: rulesArb,
      // Every member organisation's eventual behaviour: a choice, or never voting (null).
      behaviours: fc.array(fc.option(choiceArb, { nil: null }), { minLength: eligible, maxLength: eligible }),
      castSoFar: fc.integer({ min: 0, max: eligible }),
    }),
  )
  .map(({ eligible, rules, behaviours, castSoFar }) => {
    // The first `castSoFar` members have voted (they always have a choice); the rest may vote later or never.
    const early = behaviours.slice(0, castSoFar).map((choice) => choice ?? "ABSTAIN");
    const later = behaviours.slice(castSoFar);
    return { eligible, rules, early, later };
  });

// ---------------------------------------------------------------------------------------------------------------
// tally
// ---------------------------------------------------------------------------------------------------------------

describe("tally", () => {
  it("counts each choice", () => {
    const choices: VoteChoice[] = ["YES", "NO", "YES", "ABSTAIN", "YES"];
    expect(tally(choices.map((choice) => ({ choice })))).toEqual({ yes: 3, no: 1, abstain: 1 });
    expect(tally([])).toEqual({ yes: 0, no: 0, abstain: 0 });
  });

  it("property: the counts add up to the votes and do not depend on order", () => {
    fc.assert(
      fc.property(fc.array(choiceArb, { maxLength: 40 }), (choices) => {
        const counted = tally(choices.map((choice) => ({ choice })));
        expect(sum(counted)).toBe(choices.length);
        expect(counted.yes).toBe(choices.filter((choice) => choice === "YES").length);
        expect(tally([...choices].reverse().map((choice) => ({ choice })))).toEqual(counted);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// checkRules and quorumSize
// ---------------------------------------------------------------------------------------------------------------

describe("checkRules", () => {
  it.each([
    [1, 50],
    [100, 50],
    [50, 99],
    [67, 66],
  ])("accepts quorum %i%% with majority %i%%", (quorumPercent, majorityPercent) => {
    expect(checkRules({ quorumPercent, majorityPercent })).toEqual({ ok: true });
  });

  it.each([0, 101, 50.5, -10, Number.NaN])("refuses a quorum of %s%%", (quorumPercent) => {
    expect(checkRules({ quorumPercent, majorityPercent: 50 })).toEqual({ ok: false, reason: "The quorum must be a whole per cent from 1 to 100." });
  });

  it.each([49, 100, 66.6, Number.NaN])("refuses a majority of %s%% (a majority is more than half and never unanimity-plus)", (majorityPercent) => {
    expect(checkRules({ quorumPercent: 50, majorityPercent })).toEqual({
      ok: false,
      reason: "The majority must be a whole per cent from 50 (more than half) to 99.",
    });
  });
});

describe("quorumSize", () => {
  it.each([
    [10, 50, 5],
    [10, 51, 6], // 5.1 rounds up: a quorum is never short of its share
    [3, 50, 2],
    [3, 67, 3],
    [3, 100, 3],
    [1, 1, 1],
    [100, 1, 1],
    [0, 50, 1], // never zero: someone has to vote
  ])("%i members at %i%% need %i votes", (eligible, percent, needed) => {
    expect(quorumSize(eligible, percent)).toBe(needed);
  });

  it("property: the smallest count that reaches the share, and at least one", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 100 }), (eligible, percent) => {
        const needed = quorumSize(eligible, percent);
        expect(needed).toBeGreaterThanOrEqual(1);
        expect(needed * 100).toBeGreaterThanOrEqual(eligible * percent);
        if (needed > 1) expect((needed - 1) * 100).toBeLessThan(eligible * percent);
        if (eligible > 0) expect(needed).toBeLessThanOrEqual(eligible);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// decide: examples
// ---------------------------------------------------------------------------------------------------------------

describe("decide: quorum", () => {
  // 5 members, quorum 60% → 3 votes.
  it("decides once the quorum is reached and the rest cannot change it (exactly at quorum)", () => {
    const decision = decide(votes(3), 5, rules(60));
    expect(decision).toEqual({ outcome: "ACCEPTED", tally: votes(3), reason: "Admitted: 3 yes, 0 no, 0 abstaining of 5 member organisations." });
  });

  it("stays open one vote short of the quorum, even when every vote so far is yes", () => {
    expect(decide(votes(2), 5, rules(60))).toEqual({ outcome: "PENDING", tally: votes(2), votesNeededForQuorum: 1 });
    expect(decide(votes(0), 5, rules(60))).toEqual({ outcome: "PENDING", tally: votes(0), votesNeededForQuorum: 3 });
  });

  it("when closed, exactly the quorum counts and one short is rejected for want of a quorum", () => {
    // 10 members, quorum 30% → 3 votes.
    expect(decide(votes(3), 10, rules(30), { final: true }).outcome).toBe("ACCEPTED");
    expect(decide(votes(2), 10, rules(30), { final: true })).toEqual({
      outcome: "REJECTED",
      tally: votes(2),
      reason: "Not admitted: the quorum of 3 votes was not reached (2 yes, 0 no, 0 abstaining of 10 member organisations).",
    });
  });

  it("with nobody voting, a closed vote is rejected for want of a quorum", () => {
    const decision = decide(votes(0), 4, rules(50), { final: true });
    expect(decision.outcome).toBe("REJECTED");
    expect(decision).toHaveProperty("reason", expect.stringContaining("the quorum of 2 votes was not reached"));
  });

  it("a brand whose only member is its founder decides on that one vote", () => {
    expect(decide(votes(1), 1, rules(50)).outcome).toBe("ACCEPTED");
    expect(decide(votes(0, 1), 1, rules(50)).outcome).toBe("REJECTED");
    expect(decide(votes(0, 0, 1), 1, rules(50)).outcome).toBe("REJECTED");
  });
});

describe("decide: majority", () => {
  it("exactly half yes is not a majority at 50%; one more yes is", () => {
    const tie = decide(votes(2, 2), 4, rules(50), { final: true });
    expect(tie).toEqual({
      outcome: "REJECTED",
      tally: votes(2, 2),
      reason: "Not admitted: 2 yes, 2 no, 0 abstaining of 4 member organisations; more than 50% of yes and no votes had to be yes.",
    });
    expect(decide(votes(3, 2), 5, rules(50), { final: true }).outcome).toBe("ACCEPTED");
  });

  it("the share must be strictly above the brand's majority (2 of 3 is above 66% but not above 67%)", () => {
    expect(decide(votes(2, 1), 3, rules(50, 66), { final: true }).outcome).toBe("ACCEPTED");
    expect(decide(votes(2, 1), 3, rules(50, 67), { final: true }).outcome).toBe("REJECTED");
  });

  it("is decided early as rejected when the remaining members could not reach a majority", () => {
    // 5 members, quorum 60%: 3 no already, even 2 more yes would be 2 of 5.
    const decision = decide(votes(0, 3), 5, rules(60));
    expect(decision.outcome).toBe("REJECTED");
    expect(decision).toHaveProperty("reason", expect.stringContaining("more than 50% of yes and no votes had to be yes"));
  });

  it("stays open while the remaining members could still tip it either way", () => {
    // 5 members, quorum 60%: 2 yes 1 no, 2 still to vote: 4–1 or 2–3 are both possible.
    expect(decide(votes(2, 1), 5, rules(60))).toEqual({ outcome: "PENDING", tally: votes(2, 1), votesNeededForQuorum: 0 });
  });
});

describe("decide: abstentions", () => {
  it("count towards the quorum", () => {
    // 4 members, quorum 75% → 3 votes: 1 yes alone is no quorum, 1 yes + 2 abstaining is.
    expect(decide(votes(1), 4, rules(75), { final: true })).toHaveProperty("reason", expect.stringContaining("quorum of 3 votes was not reached"));
    expect(decide(votes(1, 0, 2), 4, rules(75), { final: true }).outcome).toBe("ACCEPTED");
  });

  it("do not count for or against the majority", () => {
    // 1 yes, 1 no: a tie however many abstain.
    expect(decide(votes(1, 1, 3), 5, rules(50), { final: true }).outcome).toBe("REJECTED");
    // 2 yes, 1 no: admitted however many abstain.
    expect(decide(votes(2, 1, 6), 9, rules(50), { final: true }).outcome).toBe("ACCEPTED");
  });

  it("a quorum made only of abstentions admits nobody", () => {
    expect(decide(votes(0, 0, 3), 3, rules(50)).outcome).toBe("REJECTED");
  });
});

describe("decide: impossible tallies", () => {
  it("throws when more votes are counted than there are member organisations", () => {
    expect(() => decide(votes(2, 1, 1), 3, rules(50))).toThrow("More votes (4) than member organisations (3)");
    expect(() => decide(votes(1), 0, rules(50), { final: true })).toThrow(/More votes/);
  });

  it("property: throws exactly when the votes exceed the members", () => {
    fc.assert(
      fc.property(fc.nat(10), fc.nat(10), fc.nat(10), fc.integer({ min: 0, max: 30 }), rulesArb, (yes, no, abstain, eligible, r) => {
        const t = votes(yes, no, abstain);
        if (sum(t) > eligible) expect(() => decide(t, eligible, r)).toThrow(/More votes/);
        else expect(() => decide(t, eligible, r)).not.toThrow();
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// decide: properties
// ---------------------------------------------------------------------------------------------------------------

describe("decide: properties", () => {
  it("a final decision follows the rule: quorum reached and strictly more than the majority share of yes + no", () => {
    fc.assert(
      fc.property(scenarioArb, ({ eligible, rules: r, early }) => {
        const t = tally(early.map((choice) => ({ choice })));
        const decision = decide(t, eligible, r, { final: true });
        expect(decision.outcome).toBe(referenceFinalOutcome(t, eligible, r));
        expect(decision.tally).toEqual(t);
      }),
      { numRuns: 2000 },
    );
  });

  it("once every member has voted, the vote is decided whether or not it is marked final", () => {
    fc.assert(
      fc.property(fc.array(choiceArb, { minLength: 1, maxLength: 15 }), rulesArb, (choices, r) => {
        const t = tally(choices.map((choice) => ({ choice })));
        expect(decide(t, choices.length, r)).toEqual(decide(t, choices.length, r, { final: true }));
      }),
    );
  });

  it("an early decision never flips, whatever the remaining members do (vote any way, or not at all)", () => {
    let earlyDecisions = 0;
    fc.assert(
      fc.property(scenarioArb, ({ eligible, rules: r, early, later }) => {
        const before = tally(early.map((choice) => ({ choice })));
        const decision = decide(before, eligible, r);
        if (decision.outcome === "PENDING") return;
        earlyDecisions += 1;
        const laterVotes = later.filter((choice): choice is VoteChoice => choice !== null);
        const after = add(before, tally(laterVotes.map((choice) => ({ choice }))));
        // Closed by a steward with only some of the rest voting, or decided when all have voted.
        expect(decide(after, eligible, r, { final: true }).outcome).toBe(decision.outcome);
        expect(referenceFinalOutcome(after, eligible, r)).toBe(decision.outcome);
      }),
      { numRuns: 3000 },
    );
    // The property is only meaningful if early decisions actually occurred.
    expect(earlyDecisions).toBeGreaterThan(100);
  });

  it("an open vote is decided early only after the quorum, and a pending quorate vote could still go either way", () => {
    fc.assert(
      fc.property(scenarioArb, ({ eligible, rules: r, early }) => {
        const before = tally(early.map((choice) => ({ choice })));
        const decision = decide(before, eligible, r);
        const quorate = sum(before) >= quorumSize(eligible, r.quorumPercent);
        if (decision.outcome !== "PENDING") {
          expect(quorate).toBe(true);
          return;
        }
        const remaining = eligible - sum(before);
        expect(remaining).toBeGreaterThan(0);
        expect(decision.votesNeededForQuorum).toBe(Math.max(0, quorumSize(eligible, r.quorumPercent) - sum(before)));
        if (quorate) {
          // Not decided although quorate: both outcomes must still be reachable.
          expect(referenceFinalOutcome(add(before, votes(remaining)), eligible, r)).toBe("ACCEPTED");
          expect(referenceFinalOutcome(add(before, votes(0, remaining)), eligible, r)).toBe("REJECTED");
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("one more yes never turns an admission into a refusal (monotone), when everyone has voted", () => {
    fc.assert(
      fc.property(fc.array(choiceArb, { minLength: 1, maxLength: 14 }), rulesArb, (choices, r) => {
        const t = tally(choices.map((choice) => ({ choice })));
        if (decide(t, choices.length, r).outcome !== "ACCEPTED") return;
        expect(decide(add(t, votes(1)), choices.length + 1, r).outcome).toBe("ACCEPTED");
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// canVote
// ---------------------------------------------------------------------------------------------------------------

describe("canVote", () => {
  const open = { organizationId: "applicant", status: "OPEN" };
  const member = { organizationId: "member-1", isMember: true, alreadyVoted: false };

  it("lets a member organisation vote once on another's open application", () => {
    expect(canVote(member, open)).toEqual({ ok: true });
  });

  it("refuses the applicant voting on itself", () => {
    // Even if it were somehow a member already.
    expect(canVote({ organizationId: "applicant", isMember: true, alreadyVoted: false }, open)).toEqual({
      ok: false,
      reason: "An organisation cannot vote on its own application.",
    });
  });

  it("refuses organisations that are not members", () => {
    expect(canVote({ ...member, isMember: false }, open)).toEqual({ ok: false, reason: "Only member organisations of the brand vote." });
  });

  it("refuses a second vote by the same organisation", () => {
    expect(canVote({ ...member, alreadyVoted: true }, open)).toEqual({
      ok: false,
      reason: "Your organisation has already voted: one organisation, one vote.",
    });
  });

  it.each(["ACCEPTED", "REJECTED", "WITHDRAWN"])("refuses votes once the application is %s", (status) => {
    expect(canVote(member, { ...open, status })).toEqual({ ok: false, reason: "Voting on this application has ended." });
  });

  it("property: allowed exactly for a member, not the applicant, not yet voted, while open", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("applicant", "member-1"),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom("OPEN", "ACCEPTED", "REJECTED", "WITHDRAWN"),
        (organizationId, isMember, alreadyVoted, status) => {
          const result = canVote({ organizationId, isMember, alreadyVoted }, { organizationId: "applicant", status });
          expect(result.ok).toBe(status === "OPEN" && organizationId !== "applicant" && isMember && !alreadyVoted);
        },
      ),
    );
  });
});
