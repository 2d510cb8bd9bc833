// The Templates sheet's seed rows, in English and French, written from the referral-outreach method.

import type { Channel, Language } from './schema';

/** A seeded template: same Name in both languages, the Language column tells them apart. */
export interface SeedTemplate {
  readonly name: string;
  readonly language: Language;
  readonly channel: Channel;
  readonly subject: string;
  readonly body: string;
}

/**
 * Template names, stable: message types and the sidebar find templates by these. A template whose
 * wording is reworked gets a new name (see LEGACY_TEMPLATES), so Set up tracker adds it beside the
 * user's row instead of overwriting it.
 */
export const TEMPLATE_NAMES = {
  firstInMail: 'First InMail (call request)',
  firstMessage: 'First message (call request)',
  connectionNote: 'Connection note (call request)',
  replyAvailability: 'Reply with availability',
  thankYou: 'Thank-you note',
  outcome: 'Outcome update',
  offerAccepted: 'Offer accepted',
  introRequest: 'Intro request',
} as const;

const lines = (...l: string[]) => l.join('\n');

/** The call request's parts in one language: step 3 of the method, one line each. */
interface CallRequestWords {
  readonly hello: string;
  /** The sector and the opening at the company, then the common ground as a sentence. */
  readonly opening: string;
  /** Not sure what the role is like — 15 minutes for a call? — then the student line. */
  readonly ask: string;
  readonly thanks: string;
}

/**
 * A first message asking for a call, in the method's shape: greeting; `intro` (who you are, or a
 * kind word when you are already connected) with the opening; the ask; signature.
 */
const callRequest = (w: CallRequestWords, intro: string) =>
  lines(w.hello, '', `${intro}${w.opening}`, '', w.ask, '', w.thanks, '{{my_name}}');

const CALL_EN: CallRequestWords = {
  hello: 'Hi {{first_name|there}},',
  opening:
    'I’m looking for jobs in {{sector}} and saw an opening for {{job}} at {{company}}. {{common_ground|}}',
  ask: 'I’m not sure what the role is like there — would you have ~15 minutes for a call this week? {{student_line|}}',
  thanks: 'Thank you,',
};

const CALL_FR: CallRequestWords = {
  hello: 'Bonjour {{first_name|}},',
  opening:
    'Je cherche un emploi en {{sector}} et j’ai vu une offre pour le poste de {{job}} chez {{company}}. {{common_ground|}}',
  ask: 'Je ne sais pas vraiment à quoi ressemble ce poste chez vous : auriez-vous une quinzaine de minutes pour un appel cette semaine ? {{student_line|}}',
  thanks: 'Merci d’avance,',
};

const EN: readonly SeedTemplate[] = [
  {
    name: TEMPLATE_NAMES.firstInMail,
    language: 'English',
    channel: 'InMail',
    subject: 'Your experience at {{company}}',
    body: callRequest(CALL_EN, 'My name is {{my_name}}. '),
  },
  {
    name: TEMPLATE_NAMES.firstMessage,
    language: 'English',
    channel: 'Message',
    subject: '',
    body: callRequest(CALL_EN, 'I hope you’re well! '),
  },
  {
    name: TEMPLATE_NAMES.connectionNote,
    language: 'English',
    channel: 'Connection note',
    subject: '',
    body: 'Hi {{first_name|there}}, I’m {{my_name}}, job hunting in {{sector}}. I saw the {{job}} opening at {{company}}: could we have a 15-minute call this week?',
  },
  {
    name: TEMPLATE_NAMES.replyAvailability,
    language: 'English',
    channel: 'Message',
    subject: '',
    body: lines(
      'Hi {{first_name|there}},',
      '',
      'Thank you for getting back to me! I’m flexible; here is when I’m free, in your time zone:',
      '',
      '{{availability}}',
      '',
      'Pick whatever suits you best, or suggest another time.',
      '',
      'Best,',
      '{{my_name}}',
    ),
  },
  {
    name: TEMPLATE_NAMES.thankYou,
    language: 'English',
    channel: 'Connection note',
    subject: '',
    body: 'Hi {{first_name|there}}, thank you again for the call and your help with {{company}}! I’ll keep you posted on my application. Glad to stay connected. {{my_name}}',
  },
  {
    name: TEMPLATE_NAMES.outcome,
    language: 'English',
    channel: 'Message',
    subject: '',
    body: lines(
      'Hi {{first_name|there}},',
      '',
      'A quick update on my application at {{company}}: {{outcome}}.',
      '',
      'Thank you again for your help; it made a real difference.',
      '',
      'Best,',
      '{{my_name}}',
    ),
  },
  {
    name: TEMPLATE_NAMES.offerAccepted,
    language: 'English',
    channel: 'Message',
    subject: '',
    body: lines(
      'Hi {{first_name|there}},',
      '',
      'Good news: I have just accepted a job offer! Thank you again for taking the time to talk with me and for your help with {{company}}; it really mattered. If I can ever return the favour, just ask.',
      '',
      'Best,',
      '{{my_name}}',
    ),
  },
  {
    name: TEMPLATE_NAMES.introRequest,
    language: 'English',
    channel: 'Message',
    subject: '',
    body: lines(
      'Hi {{mutual_connection}},',
      '',
      'I hope you’re well! I see you’re connected with {{name}} at {{company}}. I’m very interested in {{company}} and would love a 15-minute chat with {{first_name|them}} about their experience there. Would you be comfortable introducing us? I can send a short note you can forward.',
      '',
      'Thank you,',
      '{{my_name}}',
    ),
  },
];

const FR: readonly SeedTemplate[] = [
  {
    name: TEMPLATE_NAMES.firstInMail,
    language: 'Français',
    channel: 'InMail',
    subject: 'Votre expérience chez {{company}}',
    body: callRequest(CALL_FR, 'Je m’appelle {{my_name}}. '),
  },
  {
    name: TEMPLATE_NAMES.firstMessage,
    language: 'Français',
    channel: 'Message',
    subject: '',
    body: callRequest(CALL_FR, 'J’espère que vous allez bien ! '),
  },
  {
    name: TEMPLATE_NAMES.connectionNote,
    language: 'Français',
    channel: 'Connection note',
    subject: '',
    body: 'Bonjour {{first_name|}}, je suis {{my_name}} et je cherche un poste en {{sector}}. J’ai vu l’offre {{job}} chez {{company}} : un appel de 15 min cette semaine ?',
  },
  {
    name: TEMPLATE_NAMES.replyAvailability,
    language: 'Français',
    channel: 'Message',
    subject: '',
    body: lines(
      'Bonjour {{first_name|}},',
      '',
      'Merci pour votre réponse ! Je suis assez flexible ; voici mes disponibilités, à votre heure locale :',
      '',
      '{{availability}}',
      '',
      'Choisissez le créneau qui vous convient, ou proposez-m’en un autre.',
      '',
      'Bien à vous,',
      '{{my_name}}',
    ),
  },
  {
    name: TEMPLATE_NAMES.thankYou,
    language: 'Français',
    channel: 'Connection note',
    subject: '',
    body: 'Bonjour {{first_name|}}, merci encore pour notre échange et votre aide pour {{company}} ! Je vous tiendrai au courant. Au plaisir de rester en contact. {{my_name}}',
  },
  {
    name: TEMPLATE_NAMES.outcome,
    language: 'Français',
    channel: 'Message',
    subject: '',
    body: lines(
      'Bonjour {{first_name|}},',
      '',
      'Un petit point sur ma candidature chez {{company}} : {{outcome}}.',
      '',
      'Merci encore pour votre aide, elle a vraiment compté.',
      '',
      'Bien à vous,',
      '{{my_name}}',
    ),
  },
  {
    name: TEMPLATE_NAMES.offerAccepted,
    language: 'Français',
    channel: 'Message',
    subject: '',
    body: lines(
      'Bonjour {{first_name|}},',
      '',
      'Bonne nouvelle : je viens d’accepter une offre d’emploi ! Merci encore d’avoir pris le temps d’échanger avec moi et pour votre aide avec {{company}}, cela a vraiment compté. N’hésitez pas si je peux vous rendre la pareille.',
      '',
      'Bien à vous,',
      '{{my_name}}',
    ),
  },
  {
    name: TEMPLATE_NAMES.introRequest,
    language: 'Français',
    channel: 'Message',
    subject: '',
    body: lines(
      'Bonjour {{mutual_connection}},',
      '',
      'J’espère que vous allez bien ! Je vois que vous êtes en contact avec {{name}}, chez {{company}}. {{company}} m’intéresse vivement et j’aimerais échanger 15 minutes avec {{first_name|cette personne}} sur son expérience. Accepteriez-vous de nous mettre en relation ? Je peux vous envoyer un court message à transférer.',
      '',
      'Merci d’avance,',
      '{{my_name}}',
    ),
  },
];

/** The rows "Set up tracker" writes to a new Templates sheet: English first, then French. */
export const SEED_TEMPLATES: readonly SeedTemplate[] = [...EN, ...FR];

/**
 * Templates an earlier version seeded under a name that has since been replaced: a row with that
 * name and exactly this wording is ours and is superseded by the new template; a row with that
 * name that the user edited stays in use (see findTemplate).
 */
export const LEGACY_TEMPLATES: readonly (SeedTemplate & { readonly replacedBy: string })[] = [
  {
    name: 'First InMail',
    replacedBy: TEMPLATE_NAMES.firstInMail,
    language: 'English',
    channel: 'InMail',
    subject: 'Your experience at {{company}}',
    body: lines(
      'Hi {{first_name|there}},',
      '',
      '{{student_line|}} {{common_ground|}}',
      '',
      'I’m very interested in {{company}} and would love to hear about your experience there. Would you have 15 minutes for a short call in the coming days?',
      '',
      'Thank you,',
      '{{my_name}}',
    ),
  },
  {
    name: 'First InMail',
    replacedBy: TEMPLATE_NAMES.firstInMail,
    language: 'Français',
    channel: 'InMail',
    subject: 'Votre expérience chez {{company}}',
    body: lines(
      'Bonjour {{first_name|}},',
      '',
      '{{student_line|}} {{common_ground|}}',
      '',
      '{{company}} m’intéresse vivement et j’aimerais beaucoup connaître votre expérience. Auriez-vous 15 minutes pour un court appel dans les prochains jours ?',
      '',
      'Merci d’avance,',
      '{{my_name}}',
    ),
  },
];
