/**
 * The layers, as rules (checked by test/architecture/layers.test.ts inside `npm test`; by hand:
 * `npx depcruise src adapters config app`). See ARCHITECTURE.md for the picture.
 */
const TYPE_ONLY = ["type-only"];

module.exports = {
  forbidden: [
    {
      name: "core-knows-no-adapter",
      comment: "src/ is the engine and the bot: it never imports a platform adapter or the composition root",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^(adapters|app)/" },
    },
    {
      name: "core-knows-no-platform-sdk",
      comment: "chat platforms' SDKs belong to their adapters",
      severity: "error",
      from: { path: "^(src|config)/" },
      to: { path: "node_modules/(discord\\.js|@slack/|@discordjs/)" },
    },
    {
      name: "bot-knows-no-cli",
      comment: "the chat bot and the command line are two front ends of the engine: neither uses the other",
      severity: "error",
      from: { path: "^src/bot/" },
      to: { path: "^src/cli/" },
    },
    {
      name: "config-knows-no-adapter",
      comment: "config reads platform sections through the modules it is handed",
      severity: "error",
      from: { path: "^config/" },
      to: { path: "^(adapters|app)/" },
    },
    {
      name: "adapters-never-open-the-database",
      comment: "adapters go through the engine: no SQLite, no database module",
      severity: "error",
      from: { path: "^adapters/" },
      to: { path: "(node_modules/better-sqlite3|^src/archive/db\\.ts$)", dependencyTypesNot: TYPE_ONLY },
    },
    {
      name: "adapters-use-no-archive-store",
      comment:
        "adapters reach archive state through what the engine or serve hands them (engine.seenRequests(), the owed-answers interface); secret-box is allowed for the name of its environment variable",
      severity: "error",
      from: { path: "^adapters/" },
      to: { path: "^src/archive/", pathNot: "^src/archive/secret-box\\.ts$", dependencyTypesNot: TYPE_ONLY },
    },
    {
      name: "adapters-know-no-root",
      comment: "app/ composes the adapters; they never reach back into it",
      severity: "error",
      from: { path: "^adapters/" },
      to: { path: "^app/" },
    },
    {
      name: "no-cycles",
      comment: "files that import each other (type-only imports aside) make an order-dependent start",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: TYPE_ONLY } },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "(^test/|^bench/|^scripts/|^test-docker/|\\.d\\.ts$)" },
  },
};
