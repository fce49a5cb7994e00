/** The CLI as a separate process running the TypeScript sources (for crash and signal tests). */
import { main } from "../../app/main.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`internal error: ${err?.stack ?? err}\n`);
    process.exitCode = 70;
  },
);
