import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirLockedError, LOCK_FILE, lockDataDir, lockHolderOf } from "./data-dir-lock.ts";

const folder = () => mkdtempSync(join(tmpdir(), "lantern-lock-"));

function writeLock(dir: string, holder: Record<string, unknown>) {
  writeFileSync(join(dir, LOCK_FILE), JSON.stringify(holder));
}

describe("the data folder lock", () => {
  it("names its holder, refuses a second lock while held, and can be taken again once released", () => {
    const dir = folder();
    const lock = lockDataDir(dir);
    const written = JSON.parse(readFileSync(join(dir, LOCK_FILE), "utf8")) as { pid: number; host: string };
    expect(written).toMatchObject({ pid: process.pid, host: hostname() });
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(`pid ${process.pid} on ${hostname()}`);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    lockDataDir(dir).release();
  });

  it("refuses a folder held by another live process on this host", async () => {
    const dir = folder();
    const child = spawn("sleep", ["30"]);
    try {
      writeLock(dir, { pid: child.pid, host: hostname(), startedAt: "2026-11-23T08:00:00.000Z", processStart: null });
      expect(() => lockDataDir(dir)).toThrow(
        `in use by another Lantern server (pid ${child.pid} on ${hostname()}, started 2026-11-23T08:00:00.000Z)`,
      );
      expect(lockHolderOf(dir)?.pid).toBe(child.pid);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("takes over a lock left by a process that is gone", () => {
    const dir = folder();
    const gone = spawnSync("sh", ["-c", "echo $$"], { encoding: "utf8" });
    const deadPid = Number(gone.stdout.trim());
    writeLock(dir, { pid: deadPid, host: hostname(), startedAt: "2026-11-23T08:00:00.000Z", processStart: "1" });
    expect(lockHolderOf(dir)).toBeNull();
    const lock = lockDataDir(dir);
    expect(lock.holder.pid).toBe(process.pid);
    lock.release();
  });

  it("takes over a lock whose pid now belongs to a process that started later (a reused pid)", () => {
    const dir = folder();
    // This very process is alive, but the lock says it started at another moment.
    writeLock(dir, { pid: process.pid, host: hostname(), startedAt: "2026-11-23T08:00:00.000Z", processStart: "1" });
    const lock = lockDataDir(dir);
    expect(lock.holder.startedAt).not.toBe("2026-11-23T08:00:00.000Z");
    lock.release();
  });

  it("refuses a lock held from another host, which it cannot check", () => {
    const dir = folder();
    writeLock(dir, { pid: 1, host: "another-host.example", startedAt: "2026-11-23T08:00:00.000Z", processStart: null });
    expect(() => lockDataDir(dir)).toThrow("pid 1 on another-host.example");
  });
});
