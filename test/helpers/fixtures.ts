// Plain-data fixtures for core tests: a parsed Contact with neutral defaults.
import type { Contact } from '../../src/core/rows';

/** A Contact as parseContacts would return it: everything blank or unknown unless given. */
export function makeContact(over: Partial<Contact> = {}): Contact {
  return {
    index: 0,
    row: 2,
    company: 'Acme',
    job: '',
    name: 'X',
    title: '',
    profileUrl: '',
    location: '',
    timeZone: '',
    current: true,
    degree: null,
    premium: null,
    openProfile: null,
    sameSchool: null,
    inCommon: [],
    mutual: '',
    status: 'To contact',
    messagedOn: null,
    repliedOn: null,
    callOn: null,
    referredOn: null,
    thankedOn: null,
    outcomeSharedOn: null,
    problems: [],
    ...over,
  };
}
