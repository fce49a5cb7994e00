import { main } from "./app/main.ts";

process.exitCode = await main(process.argv.slice(2));
