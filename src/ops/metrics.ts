/**
 * Prometheus metrics (prom-client) on a registry of our own, so tests and several instances in one
 * process never share counters.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { CommandEvent } from "../bot/bot.js";

export class Metrics {
  readonly registry = new Registry();
  private readonly commands: Counter<"command" | "outcome" | "platform">;
  private readonly latency: Histogram<"command">;
  private readonly posts: Counter<"platform" | "outcome">;
  private readonly fetches: Counter<"outcome">;
  private readonly rateLimits: Counter<"platform">;
  private readonly papers: Gauge;
  private readonly unhandled: Counter;
  private readonly answers: Counter<"kind">;

  constructor(options: { defaultMetrics?: boolean; papers?: () => number } = {}) {
    const registers = [this.registry];
    if (options.defaultMetrics !== false)
      collectDefaultMetrics({ register: this.registry, prefix: "paperboy_" });
    this.commands = new Counter({
      name: "paperboy_commands_total",
      help: "Commands handled, by name, outcome and platform",
      labelNames: ["command", "outcome", "platform"],
      registers,
    });
    this.latency = new Histogram({
      name: "paperboy_command_duration_seconds",
      help: "Time to answer a command",
      labelNames: ["command"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.posts = new Counter({
      name: "paperboy_posts_total",
      help: "Roundup posts, sent or failed",
      labelNames: ["platform", "outcome"],
      registers,
    });
    this.fetches = new Counter({
      name: "paperboy_digest_fetches_total",
      help: "Digest fetches by outcome (ok, not_published, failed)",
      labelNames: ["outcome"],
      registers,
    });
    this.rateLimits = new Counter({
      name: "paperboy_platform_rate_limits_total",
      help: "Rate-limit answers (HTTP 429) from chat platforms, by platform",
      labelNames: ["platform"],
      registers,
    });
    this.answers = new Counter({
      name: "paperboy_answers_total",
      help: "Questions about a paper, by how they were answered: sure, tentative (the closest sentence), not_stated",
      labelNames: ["kind"],
      registers,
    });
    this.unhandled = new Counter({
      name: "paperboy_unhandled_rejections_total",
      help: "Promise rejections nobody handled (logged; serve kept running)",
      registers,
    });
    const papers = options.papers;
    this.papers = new Gauge({
      name: "paperboy_archive_papers",
      help: "Papers in the archive",
      registers,
      collect() {
        if (papers) this.set(papers());
      },
    });
  }

  commandDone(e: CommandEvent): void {
    this.commands.inc({ command: e.command, outcome: e.outcome, platform: e.platform });
    this.latency.observe({ command: e.command }, e.ms / 1000);
    if (e.answer) this.answers.inc({ kind: e.answer });
  }

  post(platform: string, outcome: "sent" | "failed"): void {
    this.posts.inc({ platform, outcome });
  }

  fetch(outcome: "ok" | "not_published" | "failed"): void {
    this.fetches.inc({ outcome });
  }

  platformRateLimited(platform: string): void {
    this.rateLimits.inc({ platform });
  }

  unhandledRejection(): void {
    this.unhandled.inc();
  }

  contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
