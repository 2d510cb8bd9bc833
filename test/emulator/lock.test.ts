import { CallCounter, Clock, type EmulatorContext, hostRealm } from '../../emulator/context';
import { FakeLockService, LOCK_TIMEOUT_MESSAGE } from '../../emulator/lock';

function setup() {
  const ctx: EmulatorContext = {
    realm: hostRealm(),
    clock: new Clock(0),
    calls: new CallCounter(),
    user: 'me@x.com',
  };
  const lock = new FakeLockService(ctx);
  return { ctx, lock, LockService: lock.service() };
}

describe('LockService', () => {
  it('grants a free lock: tryLock returns true and hasLock becomes true', () => {
    const { LockService } = setup();
    const l = LockService.getDocumentLock();
    expect(l.hasLock()).toBe(false);
    expect(l.tryLock(1000)).toBe(true);
    expect(l.hasLock()).toBe(true);
    l.releaseLock();
    expect(l.hasLock()).toBe(false);
  });

  it('tryLock returns false while another execution holds the lock, after waiting the timeout', () => {
    const { ctx, lock, LockService } = setup();
    lock.holdBySomeoneElse(true);
    const l = LockService.getScriptLock();
    expect(l.tryLock(5000)).toBe(false);
    expect(l.hasLock()).toBe(false);
    expect(ctx.clock.now()).toBe(5000);
  });

  it(`waitLock throws "${LOCK_TIMEOUT_MESSAGE}" under contention`, () => {
    const { lock, LockService } = setup();
    lock.holdBySomeoneElse(true);
    expect(() => LockService.getDocumentLock().waitLock(10_000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    lock.holdBySomeoneElse(false);
    expect(() => LockService.getDocumentLock().waitLock(10_000)).not.toThrow();
  });

  it('keeps document, script and user locks apart', () => {
    const { LockService } = setup();
    LockService.getDocumentLock().waitLock(100);
    expect(LockService.getDocumentLock().hasLock()).toBe(true);
    expect(LockService.getScriptLock().hasLock()).toBe(false);
    expect(LockService.getUserLock().hasLock()).toBe(false);
  });

  it('releases every lock at the end of the execution', () => {
    const { lock, LockService } = setup();
    LockService.getScriptLock().tryLock(1);
    lock.releaseAll();
    expect(LockService.getScriptLock().hasLock()).toBe(false);
  });

  it('records attempts and counts calls as Lock.method', () => {
    const { ctx, lock, LockService } = setup();
    LockService.getDocumentLock().tryLock(300);
    expect(lock.attempts).toEqual([{ kind: 'document', method: 'tryLock', timeout: 300, acquired: true }]);
    expect(ctx.calls.get('LockService.getDocumentLock')).toBe(1);
    expect(ctx.calls.get('Lock.tryLock')).toBe(1);
  });

  it('refuses a timeout that is not a number', () => {
    const { LockService } = setup();
    expect(() => LockService.getDocumentLock().tryLock('10' as unknown as number)).toThrow(
      'Invalid argument',
    );
  });
});
