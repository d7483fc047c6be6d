import { nextAgent } from "./round-robin.js";

describe("round-robin assignment", () => {
  it("gives each ticket to the agent after the previous one, in id order, wrapping round", () => {
    expect(nextAgent([7, 3, 5], null)).toBe(3);
    expect(nextAgent([7, 3, 5], 3)).toBe(5);
    expect(nextAgent([7, 3, 5], 5)).toBe(7);
    expect(nextAgent([7, 3, 5], 7)).toBe(3);
    // The previous agent left the team: the next one after their id.
    expect(nextAgent([7, 3, 5], 4)).toBe(5);
  });

  it("skips the agent a ticket is taken from, and finds nobody in an empty team", () => {
    expect(nextAgent([3, 5], 3, 5)).toBe(3);
    expect(nextAgent([3], null, 3)).toBeNull();
    expect(nextAgent([], null)).toBeNull();
  });
});
