import { registerMessages } from '../../../platform/i18n.ts';

registerMessages({
  nl: {
    directory_find_unknown_postcode:
      'Postcode {postcode} ligt niet in de regio van de sociale kaart; kies een postcode uit de lijst.',
  },
  fr: {
    directory_find_unknown_postcode:
      'Le code postal {postcode} ne se trouve pas dans la région de la carte sociale ; choisissez un code postal dans la liste.',
  },
  en: {
    directory_find_unknown_postcode:
      'Postcode {postcode} is not in the region of the social map; choose a postcode from the list.',
  },
});
