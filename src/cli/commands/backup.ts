import { backupArchive, restoreArchive } from "../../archive/backup.js";
import type { Command } from "../command.js";

export const backup: Command = {
  name: "backup",
  summary: "copy the archive to a file (online: safe while `serve` runs)",
  usage: "backup <file>",
  args: { min: 1, max: 1 },
  async run(ctx, args) {
    const engine = ctx.engine({ readonly: false });
    const stamp = await backupArchive(engine.db, args[0] as string);
    if (ctx.json) ctx.printJson({ file: args[0], ...stamp });
    else
      ctx.print(
        `backed up ${stamp.papers} papers (last change ${stamp.lastChange ?? "never"}) to ${args[0]}`,
      );
    return 0;
  },
};

export const restore: Command = {
  name: "restore",
  summary: "replace the archive with a backup (stop `serve` first); refuses a newer archive without --force",
  usage: "restore <file> [--force]",
  options: { force: { type: "boolean", default: false } },
  args: { min: 1, max: 1 },
  run(ctx, args, values) {
    const result = restoreArchive(args[0] as string, ctx.dbPath, { force: values.force === true });
    if (ctx.json) ctx.printJson({ file: args[0], db: ctx.dbPath, ...result });
    else
      ctx.print(
        `restored ${result.restored.papers} papers (last change ${result.restored.lastChange ?? "never"}) into ${ctx.dbPath}` +
          (result.replaced ? `, replacing ${result.replaced.papers} papers` : ""),
      );
    return 0;
  },
};
