import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  nl: {
    unknown_partner: 'Deze partner hoort niet bij dit netwerk: {ids}.',
    derived_tie_readonly:
      'Deze relatie is afgeleid uit de werking van het netwerk en kan niet met de hand worden gewijzigd.',
    survey_not_open: 'Deze bevraging is nog niet geopend (opent op {date}).',
    survey_closed: 'Deze bevraging is afgesloten sinds {date}.',
    already_answered: 'Deze partner heeft deze bevraging al beantwoord; pas het bestaande antwoord aan.',
    no_answer_yet: 'Deze partner heeft deze bevraging nog niet beantwoord.',
    not_spokesperson: 'U spreekt niet namens deze partner.',
    cannot_rate_self: 'Een partner beoordeelt zichzelf niet.',
    duplicate_rating: 'Elke partner mag maar één keer beoordeeld worden.',
    survey_invitation_subject: 'Bevraging "{title}": hoe werkt u samen in {network}?',
    survey_invitation_body:
      'Beste {name},\n\n{network} vraagt hoe de samenwerking met de partners loopt waarmee u werkt. Het antwoord duurt een tiental minuten en kan tot en met {closes}.\n\nBeantwoord de bevraging: {link}\n\nAlvast bedankt.',
    survey_reminder_subject: 'Herinnering: bevraging "{title}" sluit op {closes}',
  },
  fr: {
    unknown_partner: "Ce partenaire n'appartient pas à ce réseau : {ids}.",
    derived_tie_readonly:
      "Cette relation est déduite de l'activité du réseau et ne peut pas être modifiée à la main.",
    survey_not_open: "Cette enquête n'est pas encore ouverte (ouverture le {date}).",
    survey_closed: 'Cette enquête est clôturée depuis le {date}.',
    already_answered: 'Ce partenaire a déjà répondu à cette enquête ; modifiez la réponse existante.',
    no_answer_yet: "Ce partenaire n'a pas encore répondu à cette enquête.",
    not_spokesperson: 'Vous ne parlez pas au nom de ce partenaire.',
    cannot_rate_self: "Un partenaire ne s'évalue pas lui-même.",
    duplicate_rating: "Chaque partenaire ne peut être évalué qu'une seule fois.",
    survey_invitation_subject: 'Enquête « {title} » : comment collaborez-vous au sein de {network} ?',
    survey_invitation_body:
      "Bonjour {name},\n\n{network} vous demande comment se passe la collaboration avec les partenaires avec lesquels vous travaillez. Répondre prend une dizaine de minutes, jusqu'au {closes} inclus.\n\nRépondre à l'enquête : {link}\n\nMerci d'avance.",
    survey_reminder_subject: 'Rappel : l’enquête « {title} » se clôture le {closes}',
  },
  en: {
    unknown_partner: 'This partner does not belong to this network: {ids}.',
    derived_tie_readonly:
      "This tie is derived from the network's own activity and cannot be changed by hand.",
    survey_not_open: 'This survey is not open yet (opens on {date}).',
    survey_closed: 'This survey closed on {date}.',
    already_answered: 'This partner has already answered this survey; change the existing answer instead.',
    no_answer_yet: 'This partner has not answered this survey yet.',
    not_spokesperson: 'You do not speak for this partner.',
    cannot_rate_self: 'A partner does not rate itself.',
    duplicate_rating: 'Each partner may be rated only once.',
    survey_invitation_subject: 'Survey "{title}": how do you work together in {network}?',
    survey_invitation_body:
      'Dear {name},\n\n{network} asks how the collaboration goes with the partners you work with. Answering takes about ten minutes, until {closes} inclusive.\n\nAnswer the survey: {link}\n\nThank you.',
    survey_reminder_subject: 'Reminder: survey "{title}" closes on {closes}',
  },
});
