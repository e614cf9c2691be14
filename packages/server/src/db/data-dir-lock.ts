/**
 * One server per embedded data folder. PGlite has a single session and keeps part of the database
 * in memory: two processes on one folder each write their own view of it, and one of them loses
 * acknowledged writes. The folder is therefore locked by a file, `DATA_DIR/lantern.lock`, created
 * exclusively and naming its holder (process id, host, start time). A lock left by a process that
 * is gone (a `kill -9`, a power cut) on this host is taken over; a lock held by a live process, or
 * by another host (the folder on a network share), stops the start with one line naming it.
 */

import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

export const LOCK_FILE = "lantern.lock";

export type LockHolder = {
  pid: number;
  host: string;
  startedAt: string;
  /** The process's start time as the kernel counts it (Linux), so a reused pid is not mistaken. */
  processStart: string | null;
};

export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Lantern server (pid ${holder.pid} on ${holder.host}, started ${holder.startedAt}); stop it first, or set DATA_DIR to another folder`,
    );
  }
}

export type DataDirLock = { path: string; holder: LockHolder; release(): void };

/** The kernel's start time of a process (field 22 of /proc/PID/stat), or null where unknown. */
function processStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count from the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(holder: LockHolder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  // The pid is in use: by the holder, unless the kernel says that process started at another time.
  const start = processStartOf(holder.pid);
  return holder.processStart === null || start === null || start === holder.processStart;
}

function readHolder(path: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<LockHolder>;
    if (typeof parsed.pid !== "number" || typeof parsed.host !== "string") return null;
    return {
      pid: parsed.pid,
      host: parsed.host,
      startedAt: typeof parsed.startedAt === "string" ? parsed.startedAt : "at an unknown time",
      processStart: typeof parsed.processStart === "string" ? parsed.processStart : null,
    };
  } catch {
    return null;
  }
}

/** The live holder of the folder's lock, if any (for the backup command, which asks it). */
export function lockHolderOf(dataDir: string): LockHolder | null {
  const holder = readHolder(join(dataDir, LOCK_FILE));
  if (!holder) return null;
  if (holder.host === hostname() && !isAlive(holder)) return null;
  return holder;
}

/**
 * Lock `dataDir` for this process. The new lock is written to a file of its own and linked into
 * place, which fails when a lock is there, so two starts cannot both win. A stale lock is first
 * renamed aside; if what was renamed turns out not to be the stale lock (another start replaced it
 * in between), it is linked back and that start is named as the holder.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    processStart: processStartOf(process.pid),
  };
  const mine = `${path}.${process.pid}`;
  writeFileSync(mine, `${JSON.stringify(holder)}\n`, { mode: 0o644 });
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(mine, path);
        return {
          path,
          holder,
          release() {
            const current = readHolder(path);
            if (current?.pid === holder.pid && current.startedAt === holder.startedAt) unlinkSync(path);
          },
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const existing = readHolder(path);
      if (existing && (existing.host !== hostname() || isAlive(existing))) {
        throw new DataDirLockedError(dataDir, existing);
      }
      // Stale (or unreadable): move it aside, check that it was the one judged stale, try again.
      const aside = `${path}.stale.${process.pid}`;
      try {
        renameSync(path, aside);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
        throw error;
      }
      const moved = readHolder(aside);
      if (moved && existing && (moved.pid !== existing.pid || moved.startedAt !== existing.startedAt)) {
        try {
          linkSync(aside, path);
        } catch {
          // Yet another start holds it now; the next attempt reads that one.
        }
        unlinkSync(aside);
        if (isAlive(moved)) throw new DataDirLockedError(dataDir, moved);
        continue;
      }
      unlinkSync(aside);
    }
    throw new Error(`Could not lock the data folder ${dataDir}`);
  } finally {
    unlinkSync(mine);
  }
}
