import { registerMessages } from '../../../platform/i18n.ts';

registerMessages({
  nl: {
    analysis_same_record: 'Een record kan niet met zichzelf worden samengevoegd.',
    analysis_shared_survives:
      'Een record van de gedeelde sociale kaart kan niet opgaan in een record van uw netwerk; kies het gedeelde record als het record dat blijft.',
    analysis_shared_needs_admin:
      'Dit record hoort bij de gedeelde sociale kaart van alle netwerken; alleen een beheerder van het netwerk kan het samenvoegen.',
    analysis_synonym_same: 'Een woord en zijn synoniem moeten verschillen.',
    analysis_synonym_exists: 'Dit paar staat al in de woordenlijst.',
    analysis_synonym_global:
      'Dit synoniem geldt voor alle netwerken en kan hier niet worden verwijderd; schakel het uit voor uw netwerk.',
    analysis_taxonomy_not_editable: 'De termen van deze lijst worden hier niet bewerkt.',
    analysis_term_code_taken: 'Er bestaat al een term met de code "{code}".',
    analysis_term_in_use:
      'Deze term wordt gebruikt door {count} records; kies een term waarnaar ze worden overgezet.',
    analysis_term_replacement: 'Kies als vervanger een andere term uit dezelfde lijst.',
  },
  fr: {
    analysis_same_record: 'Un enregistrement ne peut pas être fusionné avec lui-même.',
    analysis_shared_survives:
      'Un enregistrement de la carte sociale partagée ne peut pas être fusionné dans un enregistrement de votre réseau ; choisissez l’enregistrement partagé comme celui qui est conservé.',
    analysis_shared_needs_admin:
      'Cet enregistrement fait partie de la carte sociale partagée par tous les réseaux ; seul un administrateur du réseau peut le fusionner.',
    analysis_synonym_same: 'Un mot et son synonyme doivent être différents.',
    analysis_synonym_exists: 'Cette paire figure déjà dans la liste de mots.',
    analysis_synonym_global:
      'Ce synonyme vaut pour tous les réseaux et ne peut pas être supprimé ici ; désactivez-le pour votre réseau.',
    analysis_taxonomy_not_editable: 'Les termes de cette liste ne se modifient pas ici.',
    analysis_term_code_taken: 'Un terme avec le code « {code} » existe déjà.',
    analysis_term_in_use:
      'Ce terme est utilisé par {count} enregistrements ; choisissez un terme vers lequel les transférer.',
    analysis_term_replacement: 'Choisissez comme remplaçant un autre terme de la même liste.',
  },
  en: {
    analysis_same_record: 'A record cannot be merged with itself.',
    analysis_shared_survives:
      "A record of the shared social map cannot be merged into one of your network's own; choose the shared record as the one that stays.",
    analysis_shared_needs_admin:
      'This record belongs to the social map shared by all networks; only a network admin can merge it.',
    analysis_synonym_same: 'A word and its synonym must differ.',
    analysis_synonym_exists: 'This pair is already in the word list.',
    analysis_synonym_global:
      'This synonym applies to every network and cannot be deleted here; switch it off for your network.',
    analysis_taxonomy_not_editable: 'The terms of this list are not edited here.',
    analysis_term_code_taken: 'A term with the code "{code}" already exists.',
    analysis_term_in_use: 'This term is used by {count} records; choose a term to move them to.',
    analysis_term_replacement: 'Choose another term of the same list as the replacement.',
  },
});
