// LockService: document, script and user locks, with a switch to simulate another execution holding them.

import { counted, type EmulatorContext } from './context';

/** The exact text Apps Script throws when waitLock times out. */
export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

type LockKind = 'document' | 'script' | 'user';

/** State shared by every Lock object of the emulator. */
export class FakeLockService {
  /** Which locks this execution holds. */
  readonly held = new Set<LockKind>();
  /** Every tryLock/waitLock attempt, in order (test helper). */
  readonly attempts: {
    kind: LockKind;
    method: 'tryLock' | 'waitLock';
    timeout: number;
    acquired: boolean;
  }[] = [];
  private others = false;

  constructor(private readonly ctx: EmulatorContext) {}

  /** Test switch: while on, another execution holds every lock, so tryLock fails and waitLock throws. */
  holdBySomeoneElse(on: boolean): void {
    this.others = on;
  }
  /** Whether another execution is simulated as holding the locks. */
  isHeldBySomeoneElse(): boolean {
    return this.others;
  }
  /** Ends the execution: "any locks you hold will be released at the end of script execution". */
  releaseAll(): void {
    this.held.clear();
  }

  /**
   * The service object handed to the script. `hasDocument` says whether the execution has a current
   * document: without one, getDocumentLock() returns null ("a lock … or null if called from a web
   * app, API executable, or a script that's not bound to a document" — an add-on's time-driven run).
   */
  service(hasDocument: () => boolean = () => true): GoogleAppsScript.Lock.LockService {
    return counted(this.ctx, 'LockService', {
      // The @types say Lock; the reference says "or null".
      getDocumentLock: () =>
        hasDocument() ? this.lock('document') : (null as unknown as GoogleAppsScript.Lock.Lock),
      getScriptLock: () => this.lock('script'),
      getUserLock: () => this.lock('user'),
    });
  }

  /** Tries to take a lock, advancing the emulator clock by the time a real call would have waited. */
  acquire(kind: LockKind, method: 'tryLock' | 'waitLock', timeoutInMillis: unknown): boolean {
    const timeout = Number(timeoutInMillis);
    if (typeof timeoutInMillis !== 'number' || !Number.isFinite(timeout) || timeout < 0) {
      throw new Error(`Invalid argument: timeoutInMillis`);
    }
    const acquired = !this.others;
    if (acquired) this.held.add(kind);
    else this.ctx.clock.advance(timeout);
    this.attempts.push({ kind, method, timeout, acquired });
    return acquired;
  }

  private lock(kind: LockKind): GoogleAppsScript.Lock.Lock {
    const lock: GoogleAppsScript.Lock.Lock = {
      tryLock: (timeoutInMillis: number): boolean => this.acquire(kind, 'tryLock', timeoutInMillis),
      waitLock: (timeoutInMillis: number): void => {
        if (!this.acquire(kind, 'waitLock', timeoutInMillis)) throw new Error(LOCK_TIMEOUT_MESSAGE);
      },
      releaseLock: (): void => {
        this.held.delete(kind);
      },
      hasLock: (): boolean => this.held.has(kind),
    };
    return counted(this.ctx, 'Lock', lock);
  }
}
