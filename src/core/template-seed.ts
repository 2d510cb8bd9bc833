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

/** Template names, stable: message types and the sidebar find templates by these. */
export const TEMPLATE_NAMES = {
  firstInMail: 'First InMail',
  replyAvailability: 'Reply with availability',
  thankYou: 'Thank-you note',
  outcome: 'Outcome update',
  offerAccepted: 'Offer accepted',
  introRequest: 'Intro request',
} as const;

const lines = (...l: string[]) => l.join('\n');

const EN: readonly SeedTemplate[] = [
  {
    name: TEMPLATE_NAMES.firstInMail,
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
    body: 'Hi {{first_name|there}}, thank you again for the call and your help with {{company}}! I’d be glad to stay connected. {{my_name}}',
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
    body: 'Bonjour {{first_name|}}, merci encore pour notre échange et votre aide pour {{company}} ! Ce serait un plaisir de rester en contact. {{my_name}}',
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
