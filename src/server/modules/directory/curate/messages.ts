import { registerMessages } from '../../../platform/i18n.ts';

registerMessages({
  nl: {
    curate_not_yours: 'U kunt alleen de gegevens wijzigen van de organisatie waarvoor u spreekt.',
    curate_time_invalid: 'Het uur {time} bestaat niet: gebruik uren van 00:00 tot 24:00.',
    curate_slot_order:
      'Op {day} sluit {closes} niet na het openingsuur {opens}: het einde moet na het begin liggen.',
    curate_slot_overlap: 'Op {day} overlappen de uren {a} en {b}.',
    curate_exception_dates: 'De uitzondering van {from} tot {to}: de einddatum ligt vóór de begindatum.',
    curate_exception_hours:
      'De uitzondering van {from}: geef een openings- en sluitingsuur, of duid "gesloten" aan.',
    curate_age_order: 'De minimumleeftijd ({min}) is hoger dan de maximumleeftijd ({max}).',
    curate_suggestion_closed: 'Over dit voorstel is al beslist.',
    directory_possible_duplicate:
      'Wat u invoert, lijkt op wat al op de sociale kaart staat. Kijk het na, of bewaar toch als het echt iets anders is.',
    curate_token_invalid: 'Deze link is niet (meer) geldig: hij werd al gebruikt of is verlopen.',
    curate_assurance_subject: 'Is dit nog correct? Uw gegevens op de sociale kaart van {network}',
    curate_assurance_body:
      'Beste,\n\n{network} houdt de sociale kaart actueel. Op de kaart staat {organization} met deze diensten:\n{services}\n\nKloppen deze gegevens nog? Bevestig met één klik: {confirm}\n\nIs er iets veranderd? Pas het aan (na aanmelden): {edit}\n\nDe bevestigingslink is 30 dagen geldig en werkt één keer.\n\nAlvast bedankt.',
    curate_day_MO: 'maandag',
    curate_day_TU: 'dinsdag',
    curate_day_WE: 'woensdag',
    curate_day_TH: 'donderdag',
    curate_day_FR: 'vrijdag',
    curate_day_SA: 'zaterdag',
    curate_day_SU: 'zondag',
  },
  fr: {
    curate_not_yours: "Vous ne pouvez modifier que les données de l'organisation que vous représentez.",
    curate_time_invalid: "L'heure {time} n'existe pas : utilisez des heures de 00:00 à 24:00.",
    curate_slot_order:
      "Le {day}, la fermeture à {closes} n'est pas après l'ouverture à {opens} : la fin doit suivre le début.",
    curate_slot_overlap: 'Le {day}, les plages {a} et {b} se chevauchent.',
    curate_exception_dates: "L'exception du {from} au {to} : la date de fin précède la date de début.",
    curate_exception_hours:
      "L'exception du {from} : indiquez une heure d'ouverture et de fermeture, ou cochez « fermé ».",
    curate_age_order: "L'âge minimum ({min}) dépasse l'âge maximum ({max}).",
    curate_suggestion_closed: 'Cette proposition a déjà été traitée.',
    directory_possible_duplicate:
      "Ce que vous saisissez ressemble à ce qui figure déjà sur la carte sociale. Vérifiez-le, ou enregistrez quand même s'il s'agit vraiment d'autre chose.",
    curate_token_invalid: "Ce lien n'est pas (plus) valable : il a déjà été utilisé ou a expiré.",
    curate_assurance_subject: 'Est-ce toujours correct ? Vos données sur la carte sociale de {network}',
    curate_assurance_body:
      "Bonjour,\n\n{network} tient la carte sociale à jour. {organization} y figure avec ces services :\n{services}\n\nCes données sont-elles toujours correctes ? Confirmez en un clic : {confirm}\n\nQuelque chose a changé ? Modifiez-le (après connexion) : {edit}\n\nLe lien de confirmation est valable 30 jours et ne fonctionne qu'une fois.\n\nMerci d'avance.",
    curate_day_MO: 'lundi',
    curate_day_TU: 'mardi',
    curate_day_WE: 'mercredi',
    curate_day_TH: 'jeudi',
    curate_day_FR: 'vendredi',
    curate_day_SA: 'samedi',
    curate_day_SU: 'dimanche',
  },
  en: {
    curate_not_yours: 'You can only change the details of the organisation you speak for.',
    curate_time_invalid: 'The time {time} does not exist: use times from 00:00 to 24:00.',
    curate_slot_order:
      'On {day}, closing at {closes} is not after opening at {opens}: the end must follow the start.',
    curate_slot_overlap: 'On {day}, the hours {a} and {b} overlap.',
    curate_exception_dates: 'The exception from {from} to {to}: the end date is before the start date.',
    curate_exception_hours: 'The exception from {from}: give an opening and closing time, or mark it closed.',
    curate_age_order: 'The minimum age ({min}) is above the maximum age ({max}).',
    curate_suggestion_closed: 'This suggestion has already been decided.',
    directory_possible_duplicate:
      'What you enter looks like something already on the social map. Check it, or save anyway if it really is something else.',
    curate_token_invalid: 'This link is not valid (any more): it was used already or has expired.',
    curate_assurance_subject: 'Is this still correct? Your details on the social map of {network}',
    curate_assurance_body:
      'Hello,\n\n{network} keeps its social map current. It lists {organization} with these services:\n{services}\n\nAre these details still correct? Confirm with one click: {confirm}\n\nHas something changed? Edit it (after signing in): {edit}\n\nThe confirmation link is valid for 30 days and works once.\n\nThank you.',
    curate_day_MO: 'Monday',
    curate_day_TU: 'Tuesday',
    curate_day_WE: 'Wednesday',
    curate_day_TH: 'Thursday',
    curate_day_FR: 'Friday',
    curate_day_SA: 'Saturday',
    curate_day_SU: 'Sunday',
  },
});
