import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  nl: {
    network_exists: 'Er bestaat al een netwerk met de korte naam "{slug}".',
    unknown_municipality: 'Onbekende NIS-code van een gemeente: {codes}.',
    overlapping_periods: 'Gemeente {nisCode} heeft overlappende periodes.',
    user_not_found: 'Er is geen account met dit e-mailadres.',
    already_member: 'Deze persoon is al lid van het netwerk.',
    last_admin: 'Een netwerk moet minstens één beheerder houden.',
    user_exists: 'Er bestaat al een account met het e-mailadres {email}.',
  },
  fr: {
    network_exists: 'Un réseau avec le nom court « {slug} » existe déjà.',
    unknown_municipality: 'Code INS de commune inconnu : {codes}.',
    overlapping_periods: 'La commune {nisCode} a des périodes qui se chevauchent.',
    user_not_found: "Il n'existe aucun compte avec cette adresse e-mail.",
    already_member: 'Cette personne est déjà membre du réseau.',
    last_admin: 'Un réseau doit garder au moins un administrateur.',
    user_exists: "Un compte avec l'adresse e-mail {email} existe déjà.",
  },
  en: {
    network_exists: 'A network with the short name "{slug}" already exists.',
    unknown_municipality: 'Unknown municipality NIS code: {codes}.',
    overlapping_periods: 'Municipality {nisCode} has overlapping periods.',
    user_not_found: 'There is no account with this e-mail address.',
    already_member: 'This person is already a member of the network.',
    last_admin: 'A network must keep at least one administrator.',
    user_exists: 'An account with the e-mail address {email} already exists.',
  },
});
