// The callback budget setting: clamped to [MIN, MAX] at both edges, rounded, a bad value
// falls back to the default, listeners hear only real changes.
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_BUDGET_MS, getBudgetMs, MAX_BUDGET_MS, MIN_BUDGET_MS, setBudgetMs, subscribeBudget } from "../../src/sandbox/budget.ts";

afterEach(() => setBudgetMs(DEFAULT_BUDGET_MS));

describe("callback budget", () => {
  it("defaults: 1 s, within 100 ms … 30 s", () => {
    expect([DEFAULT_BUDGET_MS, MIN_BUDGET_MS, MAX_BUDGET_MS]).toEqual([1000, 100, 30_000]);
    expect(getBudgetMs()).toBe(1000);
  });

  it("clamps at both ends: exactly the limit is kept, one past it is clamped", () => {
    setBudgetMs(100);
    expect(getBudgetMs()).toBe(100);
    setBudgetMs(99);
    expect(getBudgetMs()).toBe(100);
    setBudgetMs(30_000);
    expect(getBudgetMs()).toBe(30_000);
    setBudgetMs(30_001);
    expect(getBudgetMs()).toBe(30_000);
    setBudgetMs(-5);
    expect(getBudgetMs()).toBe(100);
  });

  it("rounds to whole ms; NaN and ±Infinity fall back to the default", () => {
    setBudgetMs(1234.5);
    expect(getBudgetMs()).toBe(1235);
    setBudgetMs(NaN);
    expect(getBudgetMs()).toBe(1000);
    setBudgetMs(5000);
    setBudgetMs(Infinity);
    expect(getBudgetMs()).toBe(1000);
    setBudgetMs(5000);
    setBudgetMs(-Infinity);
    expect(getBudgetMs()).toBe(1000);
  });

  it("listeners hear each change once, nothing when the value stays, nothing after unsubscribing", () => {
    const heard: number[] = [];
    const off = subscribeBudget(() => heard.push(getBudgetMs()));
    setBudgetMs(2000);
    setBudgetMs(2000.4); // rounds to the same value
    setBudgetMs(3000);
    expect(heard).toEqual([2000, 3000]);
    expect(off()).toBe(true);
    setBudgetMs(4000);
    expect(heard).toEqual([2000, 3000]);
  });
});
