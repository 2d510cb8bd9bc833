// An error whose message is meant for the user as is (shown in an alert, never a stack trace).

/** A problem the user can fix; its message says what and where in plain words. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** Whether a value is a UserError (works across realms and bundles by checking the name). */
export function isUserError(e: unknown): e is UserError {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'UserError';
}
