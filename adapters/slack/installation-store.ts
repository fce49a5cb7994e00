/**
 * Bolt's InstallationStore kept in the archive (engine.installations), so OAuth installs of several
 * workspaces and their rotated tokens survive restarts. The adapter never opens the database.
 */
import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { InstallationStore as ArchiveInstallations } from "../../src/archive/installations.js";
import { ErrorCode, PaperboyError } from "../../src/errors.js";

const PLATFORM = "slack";

/** Org-wide installs are keyed by enterprise, the others by workspace (team). */
function keyOf(query: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return `enterprise:${query.enterpriseId}`;
  if (query.teamId) return `team:${query.teamId}`;
  throw new PaperboyError(
    ErrorCode.InvalidArgument,
    "a Slack installation names neither a team nor an enterprise; reinstall the app from /slack/install",
  );
}

export class ArchiveInstallationStore implements InstallationStore {
  constructor(private readonly store: ArchiveInstallations) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const key = keyOf({
      isEnterpriseInstall: installation.isEnterpriseInstall,
      enterpriseId: installation.enterprise?.id,
      teamId: installation.team?.id,
    });
    this.store.save(PLATFORM, key, installation);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const key = keyOf(query);
    const row = this.store.get(PLATFORM, key);
    if (!row || typeof row.data !== "object" || row.data === null) {
      throw new PaperboyError(
        ErrorCode.Platform,
        `paperboy is not installed in Slack ${key.replace(":", " ")}; install it from /slack/install`,
        { key },
      );
    }
    return row.data as Installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    this.store.delete(PLATFORM, keyOf(query));
  }
}
