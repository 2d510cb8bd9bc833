// Tests for template rendering, variables, limits and the seeded templates.

import type { Contact, Job } from '../../src/core/rows';
import { defaultSettings, type Settings } from '../../src/core/settings';
import { SEED_TEMPLATES } from '../../src/core/template-seed';
import {
  buildVars,
  countWords,
  KEEP_SHORT_WORDS,
  LIMITS,
  limitsFor,
  PLACEHOLDER_SOURCES,
  PLACEHOLDERS,
  parseChannel,
  parseLanguage,
  parseTemplates,
  placeholdersLeft,
  renderTemplate,
} from '../../src/core/templates';
import { makeContact } from '../helpers/fixtures';

const contact = (over: Partial<Contact> = {}): Contact =>
  makeContact({ job: 'Data Analyst', name: 'Marie-Anne Dupont', title: 'Engineer', degree: 2, ...over });

function settings(over: Partial<Settings> = {}): Settings {
  return { ...defaultSettings(), yourName: 'Jo Martin', ...over };
}

const job: Job = {
  index: 0,
  row: 2,
  company: 'Acme',
  job: 'Data Analyst',
  postingUrl: '',
  referralProcess: '',
  apply: null,
  appliedOn: null,
  outcome: 'Interview',
  outcomeOn: null,
  problems: [],
};

describe('renderTemplate', () => {
  it('fills known placeholders', () => {
    const r = renderTemplate('Hi {{first_name}}, about {{company}}.', {
      first_name: 'Marie',
      company: 'Acme',
    });
    expect(r).toEqual({ text: 'Hi Marie, about Acme.', unfilled: [], spans: [] });
  });

  it('tolerates spaces inside the braces and any letter case in the name', () => {
    expect(
      renderTemplate('{{ First_Name }} / {{company }}', { first_name: 'Marie', company: 'Acme' }).text,
    ).toBe('Marie / Acme');
  });

  it('uses the fallback when the value is blank', () => {
    expect(renderTemplate('Hi {{first_name|there}},', { first_name: '' }).text).toBe('Hi there,');
    expect(renderTemplate('Hi {{ first_name | there }},', { first_name: '  ' }).text).toBe('Hi there,');
    expect(renderTemplate('Hi {{first_name|there}},', { first_name: 'Marie' }).text).toBe('Hi Marie,');
  });

  it('uses the fallback when the variable is not given at all', () => {
    expect(renderTemplate('Hi {{first_name|there}}', {}).text).toBe('Hi there');
  });

  it('renders an empty fallback as nothing and tidies the space it leaves', () => {
    expect(renderTemplate('I saw {{common_ground|}} today.', { common_ground: '' }).text).toBe(
      'I saw today.',
    );
    expect(renderTemplate('Bonjour {{first_name|}},', {}).text).toBe('Bonjour,');
    expect(renderTemplate('Merci {{first_name|}} !', {}).text).toBe('Merci !');
  });

  it('keeps a blank placeholder without fallback in the text and reports it', () => {
    const r = renderTemplate('Hi {{first_name}}, from {{my_name}}', { first_name: 'Marie', my_name: '' });
    expect(r.text).toBe('Hi Marie, from {{my_name}}');
    expect(r.unfilled).toEqual(['my_name']);
    expect(r.spans).toEqual([{ start: 15, end: 26, name: 'my_name' }]);
    expect(r.text.slice(15, 26)).toBe('{{my_name}}');
  });

  it('normalises the kept placeholder so the highlight shows a clean name', () => {
    const r = renderTemplate('Hi {{ Company }}', {});
    expect(r.text).toBe('Hi {{company}}');
    expect(r.unfilled).toEqual(['company']);
  });

  it('counts unknown names as unfilled, even with a fallback', () => {
    const r = renderTemplate('Hi {{frist_name|there}} {{Hello world}}', { first_name: 'Marie' });
    expect(r.unfilled).toEqual(['frist_name', 'hello world']);
    expect(r.text).toBe('Hi {{frist_name|there}} {{Hello world}}');
    for (const s of r.spans) expect(r.text.slice(s.start, s.end)).toMatch(/^\{\{.*\}\}$/);
  });

  it('flags a placeholder with a missing brace', () => {
    const r = renderTemplate('Hi {{first_name}, from {my_name}}', { first_name: 'Marie', my_name: 'Jo' });
    expect(r.unfilled).toEqual(['first_name', 'my_name']);
    expect(r.spans.map((s) => r.text.slice(s.start, s.end))).toEqual(['{{first_name}', '{my_name}}']);
  });

  it('leaves ordinary braces alone', () => {
    const r = renderTemplate('Use {curly} and {{ }} sparingly', {});
    expect(r.text).toBe('Use {curly} and {{ }} sparingly');
    expect(r.unfilled).toEqual(['{{ }}']);
  });

  it('reports each unfilled name once but every span', () => {
    const r = renderTemplate('{{company}} and {{company}}', {});
    expect(r.unfilled).toEqual(['company']);
    expect(r.spans).toHaveLength(2);
    expect(r.spans[1]).toEqual({ start: 16, end: 27, name: 'company' });
  });

  it('removes a line whose only placeholder renders empty, and the blank line it leaves', () => {
    const text = 'Hi,\n\n{{student_line|}} {{common_ground|}}\n\nBody\n\nBye';
    expect(renderTemplate(text, {}).text).toBe('Hi,\n\nBody\n\nBye');
  });

  it('keeps the line when one of its placeholders has a value', () => {
    const text = 'Hi,\n\n{{student_line|}} {{common_ground|}}\n\nBody';
    expect(renderTemplate(text, { common_ground: 'We both went to HEC.' }).text).toBe(
      'Hi,\n\nWe both went to HEC.\n\nBody',
    );
    expect(renderTemplate(text, { student_line: 'I’m a student.' }).text).toBe(
      'Hi,\n\nI’m a student.\n\nBody',
    );
  });

  it('removes an empty line at the start or the end without leaving blank lines', () => {
    expect(renderTemplate('{{student_line|}}\n\nBody', {}).text).toBe('Body');
    expect(renderTemplate('Body\n\n{{common_ground|}}', {}).text).toBe('Body');
  });

  it('keeps the user’s own blank lines elsewhere', () => {
    expect(renderTemplate('A\n\n\nB', {}).text).toBe('A\n\n\nB');
  });

  it('computes spans in the tidied output', () => {
    const r = renderTemplate('{{common_ground|}}\n\nHi {{first_name}}', {});
    expect(r.text).toBe('Hi {{first_name}}');
    expect(r.spans).toEqual([{ start: 3, end: 17, name: 'first_name' }]);
  });

  it('inserts multi-line values as they are', () => {
    expect(renderTemplate('Times:\n{{availability}}\nBye', { availability: 'Mon\nTue' }).text).toBe(
      'Times:\nMon\nTue\nBye',
    );
  });
});

describe('buildVars', () => {
  it('fills every documented placeholder', () => {
    const v = buildVars(contact(), job, settings(), {}, 'English');
    expect(Object.keys(v).sort()).toEqual([...PLACEHOLDERS].sort());
    expect(v.first_name).toBe('Marie-Anne');
    expect(v.name).toBe('Marie-Anne Dupont');
    expect(v.company).toBe('Acme');
    expect(v.job).toBe('Data Analyst');
    expect(v.my_name).toBe('Jo Martin');
  });

  it('phrases common ground from Same school and In common, in English', () => {
    const s = settings({ yourSchool: 'HEC Paris' });
    expect(buildVars(contact({ sameSchool: true }), job, s, {}, 'English').common_ground).toBe(
      'I noticed we both went to HEC Paris.',
    );
    expect(
      buildVars(contact({ sameSchool: true, inCommon: ['Lyon', 'climbing'] }), job, s, {}, 'English')
        .common_ground,
    ).toBe('I noticed we both went to HEC Paris, and we have other things in common too: Lyon and climbing.');
    expect(buildVars(contact({ inCommon: ['Ex-Google'] }), job, s, {}, 'English').common_ground).toBe(
      'I noticed we have something in common: Ex-Google.',
    );
    // Not "we also have Same volunteering association in common".
    expect(
      buildVars(contact({ inCommon: ['Same volunteering association', 'Python'] }), job, s, {}, 'English')
        .common_ground,
    ).toBe('I noticed we have a few things in common: the same volunteering association and Python.');
    expect(buildVars(contact({ sameSchool: false }), job, s, {}, 'English').common_ground).toBe('');
  });

  it('phrases common ground in French', () => {
    const s = settings({ yourSchool: 'HEC Paris' });
    expect(
      buildVars(
        contact({ sameSchool: true, inCommon: ['Lyon', 'escalade', 'Python'] }),
        job,
        s,
        {},
        'Français',
      ).common_ground,
    ).toBe(
      'J’ai vu que nous avons étudié dans la même école, HEC Paris, et que nous avons d’autres points communs : Lyon, escalade et Python.',
    );
    expect(buildVars(contact({ inCommon: ['Lyon'] }), job, s, {}, 'Français').common_ground).toBe(
      'J’ai vu que nous avons un point commun : Lyon.',
    );
  });

  it('writes a student line only when Student = Yes, in the language', () => {
    expect(buildVars(contact(), job, settings({ student: false }), {}, 'English').student_line).toBe('');
    expect(buildVars(contact(), job, settings({ student: true }), {}, 'English').student_line).toBe(
      'I’m currently a student.',
    );
    expect(
      buildVars(contact(), job, settings({ student: true, yourSchool: 'ESSEC' }), {}, 'English').student_line,
    ).toBe('I’m currently a student at ESSEC.');
    expect(
      buildVars(contact(), job, settings({ student: true, yourSchool: 'ESSEC' }), {}, 'Français')
        .student_line,
    ).toBe('Je suis actuellement en études à ESSEC.');
  });

  it('takes availability and outcome from extras, else the outcome from the job', () => {
    expect(buildVars(contact(), job, settings(), { availability: 'Mon' }, 'English').availability).toBe(
      'Mon',
    );
    expect(buildVars(contact(), job, settings(), {}, 'English').outcome).toBe(
      'I have been invited to interview',
    );
    expect(buildVars(contact(), job, settings(), {}, 'Français').outcome).toBe('j’ai obtenu un entretien');
    expect(buildVars(contact(), { ...job, outcome: 'Pending' }, settings(), {}, 'English').outcome).toBe('');
    expect(buildVars(contact(), job, settings(), { outcome: 'custom' }, 'English').outcome).toBe('custom');
  });

  it('uses the contact’s Job when no Jobs row matches', () => {
    expect(buildVars(contact({ job: 'PM' }), null, settings(), {}, 'English').job).toBe('PM');
  });
});

describe('limits', () => {
  it('limits InMail subject to 200 and body to 1,900', () => {
    expect(limitsFor('InMail', 'Recruiter Lite')).toEqual({ subject: 200, body: 1900 });
  });

  it('limits a connection note to 300 on Premium plans and 200 on Free', () => {
    expect(limitsFor('Connection note', 'Free')).toEqual({ body: 200 });
    for (const plan of ['Premium Career', 'Premium Business', 'Recruiter Lite', 'Sales Navigator'] as const)
      expect(limitsFor('Connection note', plan)).toEqual({ body: 300 });
  });

  it('limits a message to 8,000 and leaves email effectively unlimited', () => {
    expect(limitsFor('Message', 'Free')).toEqual({ body: 8000 });
    expect(limitsFor('Email', 'Free').body).toBeGreaterThan(50_000);
    expect(limitsFor('Email', 'Free').subject).toBeUndefined();
  });

  it('counts words, with elisions and hyphens as one word', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('Hi Marie-Anne, j’aimerais l’avis de l’équipe.')).toBe(6);
    expect(countWords('  one\ntwo\tthree — 15 minutes ')).toBe(5);
  });
  it('hints to keep a message short beyond 120 words', () => {
    expect(KEEP_SHORT_WORDS).toBe(120);
  });
});

describe('seeded templates', () => {
  const longVars = {
    first_name: 'Marie-Alexandrine',
    name: 'Marie-Alexandrine de La Rochefoucauld',
    company: 'International Business Machines',
    job: 'Senior Data Analyst',
    my_name: 'Jean-Baptiste Delacroix',
    sector: 'data analytics',
    common_ground:
      'I noticed we both went to HEC Paris, and we have other things in common too: Lyon, climbing and Ex-Google.',
    mutual_connection: 'Pierre-Emmanuel Martin',
    availability: Array(7).fill('Tue 10 Mar: 11:30 pm – midnight, 1:30 pm – 10:30 pm').join('\n'),
    student_line: 'I’m currently a student at HEC Paris.',
    outcome: 'I have been invited to interview',
  };

  it('exist in English and French with the same names and one of each type', () => {
    const names = (lang: string) =>
      SEED_TEMPLATES.filter((t) => t.language === lang)
        .map((t) => t.name)
        .sort();
    expect(names('English')).toEqual(names('Français'));
    expect(names('English')).toEqual(
      [
        'Connection note (call request)',
        'First InMail (call request)',
        'First message (call request)',
        'Intro request',
        'Offer accepted',
        'Outcome update',
        'Reply with availability',
        'Thank-you note',
      ].sort(),
    );
  });

  it('stay within their channel’s limits once filled with long values, even on a Free plan', () => {
    for (const t of SEED_TEMPLATES) {
      const body = renderTemplate(t.body, longVars);
      const subject = renderTemplate(t.subject, longVars);
      expect(body.unfilled).toEqual([]);
      // The call-request connection note fits 200 characters with ordinary values (below), 300 with these.
      const limits = limitsFor(
        t.channel,
        t.name === 'Connection note (call request)' ? 'Premium Career' : 'Free',
      );
      expect({ name: t.name, length: body.text.length, ok: body.text.length <= limits.body }).toEqual({
        name: t.name,
        length: body.text.length,
        ok: true,
      });
      if (limits.subject !== undefined) expect(subject.text.length).toBeLessThanOrEqual(limits.subject);
      expect(countWords(body.text)).toBeLessThanOrEqual(KEEP_SHORT_WORDS + 60);
    }
  });

  it('ask for the call in the method’s shape: name, sector, the opening, common ground, ~15 minutes, student line', () => {
    const en = SEED_TEMPLATES.find(
      (x) => x.name === 'First InMail (call request)' && x.language === 'English',
    )!;
    expect(en.channel).toBe('InMail');
    expect(en.body.split('\n')).toEqual([
      'Hi {{first_name|there}},',
      '',
      'My name is {{my_name}}. I’m looking for jobs in {{sector}} and saw an opening for {{job}} at {{company}}. {{common_ground|}}',
      '',
      'I’m not sure what the role is like there — would you have ~15 minutes for a call this week? {{student_line|}}',
      '',
      'Thank you,',
      '{{my_name}}',
    ]);
    for (const t of SEED_TEMPLATES.filter((x) => x.name.endsWith('(call request)'))) {
      for (const p of ['{{my_name}}', '{{sector}}', '{{job}}', '{{company}}']) expect(t.body).toContain(p);
      if (t.channel !== 'Connection note') {
        expect(t.body).toContain('{{common_ground|}}');
        expect(t.body).toContain('{{student_line|}}');
      }
      expect(countWords(renderTemplate(t.body, longVars).text)).toBeLessThanOrEqual(KEEP_SHORT_WORDS);
    }
  });

  it('keep connection notes within 200 characters for a Free plan with ordinary names', () => {
    const ordinary = {
      ...longVars,
      first_name: 'Marie',
      company: 'Acme',
      job: 'Data Analyst',
      my_name: 'Sam Martin',
    };
    for (const t of SEED_TEMPLATES.filter((x) => x.channel === 'Connection note'))
      expect(renderTemplate(t.body, ordinary).text.length).toBeLessThanOrEqual(200);
  });

  it('thank them after the call and promise the outcome (step 6)', () => {
    for (const t of SEED_TEMPLATES.filter((x) => x.name === 'Thank-you note')) {
      expect(t.channel).toBe('Connection note');
      expect(t.body).toMatch(/thank you again|merci encore/i);
      expect(t.body).toMatch(/keep you posted|tiendrai au courant/);
    }
  });

  it('use the placeholder each message needs', () => {
    const need: Record<string, string> = {
      'Reply with availability': '{{availability}}',
      'Outcome update': '{{outcome}}',
      'Intro request': '{{mutual_connection}}',
    };
    for (const t of SEED_TEMPLATES) if (need[t.name]) expect(t.body).toContain(need[t.name]);
  });

  it('render without leftovers when optional values are blank', () => {
    const vars = { ...longVars, first_name: '', common_ground: '', student_line: '' };
    for (const t of SEED_TEMPLATES) {
      const r = renderTemplate(t.body, vars);
      expect(r.unfilled).toEqual([]);
      expect(r.text).not.toMatch(/\n\n\n| {2}|^\s|\s$| ,/);
    }
  });

  it('hold no text Sheets would read as a formula', () => {
    for (const t of SEED_TEMPLATES)
      for (const cell of [t.name, t.language, t.channel, t.subject, t.body])
        expect(cell).not.toMatch(/^[=+\-@]/);
  });
});

describe('Templates sheet', () => {
  it('reads rows by header, whatever the column order, skipping blank rows', () => {
    const rows = parseTemplates({
      headers: ['Body', 'Notes', 'Name', 'Channel', 'Language', 'Subject'],
      rows: [
        ['Hello', 'mine', 'First InMail', 'InMail', 'English', 'Hi'],
        ['', '', '', '', '', ''],
      ],
    });
    expect(rows).toEqual([
      { name: 'First InMail', language: 'English', channel: 'InMail', subject: 'Hi', body: 'Hello' },
    ]);
  });

  it('reads language and channel variants', () => {
    expect(parseLanguage('francais')).toBe('Français');
    expect(parseLanguage('FR')).toBe('Français');
    expect(parseLanguage('English')).toBe('English');
    expect(parseLanguage('Deutsch')).toBeNull();
    expect(parseChannel('connection note')).toBe('Connection note');
    expect(parseChannel('InMail')).toBe('InMail');
    expect(parseChannel('Fax')).toBeNull();
  });

  it('keeps LIMITS in line with the product contract', () => {
    expect(LIMITS).toMatchObject({
      inMailSubject: 200,
      inMailBody: 1900,
      connectionNotePremium: 300,
      connectionNoteFree: 200,
      message: 8000,
    });
  });
});

describe('placeholdersLeft', () => {
  it('finds what still looks like a placeholder in edited text, each once', () => {
    expect(placeholdersLeft('Hi {{first_name|there}}, {{company} and {job}} {{company}')).toEqual([
      '{{first_name|there}}',
      '{{company}',
      '{job}}',
    ]);
    expect(placeholdersLeft('Typed back: {{company')).toEqual(['{{company']);
    expect(placeholdersLeft('Plain {braces} stay.')).toEqual([]);
  });

  it('says where each placeholder is filled from', () => {
    for (const p of PLACEHOLDERS) expect(PLACEHOLDER_SOURCES[p]).toMatch(/^(Contacts|Settings|Jobs) › /);
  });
});
