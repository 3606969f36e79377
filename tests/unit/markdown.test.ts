import { describe, expect, it } from "vitest";
import { renderMarkdown } from "~/lib/markdown.server";

describe("renderMarkdown", () => {
  it("keeps headings, lists, emphasis and links", () => {
    const html = renderMarkdown(
      "## What we check\n\n- Members **own** the co-operative\n- Prices are *agreed* before harvest\n\n1. First\n2. Second\n\nRead [the standard](https://standards.example.org/fair) or [write to us](mailto:labels@example.org).",
    );
    expect(html).toContain("<h2>What we check</h2>");
    expect(html).toContain("<ul>");
    expect(html).toContain("<li>Members <strong>own</strong> the co-operative</li>");
    expect(html).toContain("<em>agreed</em>");
    expect(html).toContain("<ol>");
    expect(html).toContain('<a href="https://standards.example.org/fair" rel="noopener noreferrer">the standard</a>');
    expect(html).toContain('<a href="mailto:labels@example.org" rel="noopener noreferrer">write to us</a>');
  });

  it("turns a top-level heading into a second-level one, since the page has its own h1", () => {
    expect(renderMarkdown("# Criteria")).toBe("<h2>Criteria</h2>");
  });

  it("drops script and style elements together with their content", () => {
    const html = renderMarkdown("Before\n\n<script>alert('x')</script>\n\n<style>body{display:none}</style>\n\nAfter");
    expect(html).not.toMatch(/<script|<style|alert|display:none/i);
    expect(html).toContain("Before");
    expect(html).toContain("After");
  });

  it("strips event-handler attributes and disallowed elements", () => {
    const html = renderMarkdown(
      '<p onclick="steal()">Hello</p> <img src="x" onerror="steal()"> <a href="https://example.org" onmouseover="steal()">ok</a> <iframe src="https://example.org"></iframe>',
    );
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).not.toMatch(/steal|<img|<iframe/i);
    expect(html).toContain("Hello");
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer">ok</a>');
  });

  it("removes javascript:, data: and protocol-relative link targets but keeps the text", () => {
    const html = renderMarkdown(
      "[one](javascript:alert(1)) [two](JaVaScRiPt:alert(1)) [three](data:text/html;base64,PHNjcmlwdD4=) [four](//evil.example.org) <a href=\"javascript&colon;alert(1)\">five</a>",
    );
    expect(html).not.toMatch(/javascript|data:|evil\.example\.org/i);
    for (const text of ["one", "two", "three", "four", "five"]) expect(html).toContain(text);
    expect(html).not.toMatch(/href=/);
  });

  it("forces rel=noopener noreferrer on every link, replacing any given rel", () => {
    const html = renderMarkdown('<a href="https://example.org" rel="opener" target="_blank">x</a>');
    expect(html).toBe('<p><a href="https://example.org" rel="noopener noreferrer">x</a></p>');
  });
});
