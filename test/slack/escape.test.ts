import { describe, expect, it } from "vitest";
import { escapeMrkdwn, mrkdwn } from "../../adapters/slack/escape.js";

describe("Slack mrkdwn escaping", () => {
  it("neutralizes mentions, links and every formatting character of untrusted text", () => {
    const hostile =
      "*Bold* _claims_ ~struck~ `code` ```unclosed fence <!channel> <@U024BE7LH> <https://evil.example|x> &amp;";
    const out = escapeMrkdwn(hostile);
    expect(out).not.toMatch(/[*_~`<>]/);
    expect(out).toContain("&lt;!channel&gt;");
    expect(out).toContain("&amp;amp;");
    // Still readable: the same words, look-alike marks.
    expect(out).toContain("∗Bold∗");
    expect(mrkdwn(hostile, 20).length).toBeLessThanOrEqual(20);
  });
});
