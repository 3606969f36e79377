import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  escapeHtml,
  highlight,
  markedToSafeHtml,
  normalizeWord,
  searchWords,
  withinEditDistance,
} from "~/adapters/search/text";

const exact = (word: string) => ({ word, tolerance: 0 });
const fuzzy = (word: string) => ({ word, tolerance: 1 });

/** What a browser would show: tags removed, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<\/?mark>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

describe("searchWords", () => {
  it("splits on anything that is not a letter or digit, lower-cased, accents removed, no repeats", () => {
    expect(searchWords("Café Los Andes — worker-owned, 70% Cacao! café")).toEqual([
      "cafe",
      "los",
      "andes",
      "worker",
      "owned",
      "70",
      "cacao",
    ]);
    expect(searchWords("Müller's Ñandú")).toEqual(["muller", "s", "nandu"]);
    expect(searchWords("  ")).toEqual([]);
  });

  it("normalises composed and decomposed accents alike", () => {
    expect(normalizeWord("Cafe\u0301")).toBe("cafe");
    expect(normalizeWord("Café")).toBe("cafe");
  });
});

describe("withinEditDistance", () => {
  it.each([
    ["cofee", "coffee", 1, true],
    ["coffee", "toffee", 1, true],
    ["cofee", "toffee", 1, false],
    ["honey", "honey", 0, true],
    ["honey", "money", 0, false],
    ["tea", "teas", 1, true],
    ["chocolate", "chcoolate", 1, false],
    ["", "a", 1, true],
  ])("%s ↔ %s within %d: %s", (a, b, max, expected) => {
    expect(withinEditDistance(a, b, max)).toBe(expected);
  });
});

describe("highlight", () => {
  it("marks whole words that start with a query word", () => {
    expect(highlight("Dark chocolate & chocolates", [exact("choc")])).toBe(
      "Dark <mark>chocolate</mark> &amp; <mark>chocolates</mark>",
    );
  });

  it("matches case- and accent-insensitively, keeping the text as written", () => {
    expect(highlight("CAFÉ de Olla", [exact("cafe")])).toBe("<mark>CAFÉ</mark> de Olla");
  });

  it("marks typos only for words given a tolerance", () => {
    expect(highlight("Washed coffee", [exact("cofee")])).toBe("Washed coffee");
    expect(highlight("Washed coffee", [fuzzy("cofee")])).toBe("Washed <mark>coffee</mark>");
  });

  it("escapes everything else, and never marks inside an entity", () => {
    expect(highlight(`Tea & biscuits <gift set> "amp"`, [exact("gift"), exact("amp")])).toBe(
      "Tea &amp; biscuits &lt;<mark>gift</mark> set&gt; &quot;<mark>amp</mark>&quot;",
    );
    expect(highlight("<script>alert(1)</script>", [exact("script")])).toBe(
      "&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt;",
    );
  });

  it("is plain escaped text when there is nothing to mark", () => {
    expect(highlight("A < B", [])).toBe("A &lt; B");
  });

  it("never changes what is shown, only what is marked (any text, any query)", () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }), (text, words) => {
        const html = highlight(
          text,
          words.map((word) => fuzzy(normalizeWord(word))),
        );
        expect(visibleText(html)).toBe(text);
        expect(html.replace(/<\/?mark>/g, "")).not.toMatch(/[<>"']/);
      }),
    );
  });
});

describe("markedToSafeHtml", () => {
  it("keeps <mark> pairs and escapes the rest", () => {
    expect(markedToSafeHtml("Tea & biscuits <<mark>gift</mark> set>")).toBe(
      "Tea &amp; biscuits &lt;<mark>gift</mark> set&gt;",
    );
  });

  it("shows tags that do not pair up as text and closes one left open", () => {
    expect(markedToSafeHtml("</mark>odd <mark>one")).toBe("&lt;/mark&gt;odd <mark>one</mark>");
    expect(markedToSafeHtml("<mark>a<mark>b</mark>")).toBe("<mark>a&lt;mark&gt;b</mark>");
    expect(markedToSafeHtml('<img src=x onerror="alert(1)">')).toBe(
      "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;",
    );
  });

  it("works with other tags", () => {
    expect(markedToSafeHtml("a [[b]] c", "[[", "]]")).toBe("a <mark>b</mark> c");
  });

  it("only ever outputs <mark> and </mark> as tags", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom("<mark>", "</mark>"))), (parts) => {
        const html = markedToSafeHtml(parts.join(""));
        expect(html.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
        const opens = html.match(/<mark>/g)?.length ?? 0;
        const closes = html.match(/<\/mark>/g)?.length ?? 0;
        expect(opens).toBe(closes);
      }),
    );
  });

  it("escapeHtml escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
