import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  nl: {
    login_throttled: 'Te veel mislukte aanmeldpogingen. Probeer het opnieuw na {seconds} s.',
    password_common:
      'Dit wachtwoord staat op de lijst van veelgebruikte wachtwoorden. Kies een zin van enkele woorden die alleen u kent.',
    password_pattern:
      'Dit wachtwoord is een eenvoudig patroon (één teken herhaald, een reeks of een toetsenbordrij). Kies een zin van enkele woorden.',
    password_personal:
      'Dit wachtwoord bestaat vooral uit uw e-mailadres of de naam Knooppunt. Kies iets dat daar niet op lijkt.',
  },
  fr: {
    login_throttled: 'Trop de tentatives de connexion échouées. Réessayez après {seconds} s.',
    password_common:
      'Ce mot de passe figure dans la liste des mots de passe les plus courants. Choisissez une phrase de quelques mots que vous seul connaissez.',
    password_pattern:
      'Ce mot de passe est un motif simple (un caractère répété, une suite ou une rangée du clavier). Choisissez une phrase de quelques mots.',
    password_personal:
      'Ce mot de passe reprend surtout votre adresse e-mail ou le nom Knooppunt. Choisissez autre chose.',
  },
  en: {
    login_throttled: 'Too many failed sign-in attempts. Try again after {seconds} s.',
    password_common:
      'This password is on the list of commonly used passwords. Choose a phrase of a few words that only you know.',
    password_pattern:
      'This password is a simple pattern (one character repeated, a sequence or a keyboard row). Choose a phrase of a few words.',
    password_personal:
      'This password is mostly your e-mail address or the name Knooppunt. Choose something unlike them.',
  },
});
