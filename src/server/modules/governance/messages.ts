import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  nl: {
    governance_body_not_found: 'Dit orgaan bestaat niet in dit netwerk.',
    governance_meeting_not_found: 'Deze vergadering bestaat niet in dit netwerk.',
    governance_decision_not_found: 'Dit besluit bestaat niet in dit netwerk.',
    governance_unknown_partner: 'Deze organisatie is geen partner van dit netwerk.',
    governance_mandate_order: 'Een mandaat moet eindigen na het begin.',
    governance_not_in_office:
      'Niet iedereen die als aanwezig werd aangeduid, is lid van dit orgaan op {date}.',
    governance_no_quorum:
      'Deze vergadering is niet geldig samengesteld: {present} van de {members} leden aanwezig, {required} nodig.',
    governance_vote_not_member: 'Alleen leden van het orgaan die aanwezig waren, kunnen stemmen.',
    governance_vote_twice: '{name} heeft al gestemd over dit besluit.',
  },
  fr: {
    governance_body_not_found: "Cet organe n'existe pas dans ce réseau.",
    governance_meeting_not_found: "Cette réunion n'existe pas dans ce réseau.",
    governance_decision_not_found: "Cette décision n'existe pas dans ce réseau.",
    governance_unknown_partner: "Cette organisation n'est pas partenaire de ce réseau.",
    governance_mandate_order: 'Un mandat doit se terminer après son début.',
    governance_not_in_office:
      'Toutes les personnes indiquées présentes ne sont pas membres de cet organe le {date}.',
    governance_no_quorum:
      "Cette réunion n'atteint pas le quorum : {present} membres présents sur {members}, {required} requis.",
    governance_vote_not_member: "Seuls les membres de l'organe présents à la réunion peuvent voter.",
    governance_vote_twice: '{name} a déjà voté sur cette décision.',
  },
  en: {
    governance_body_not_found: 'This body does not exist in this network.',
    governance_meeting_not_found: 'This meeting does not exist in this network.',
    governance_decision_not_found: 'This decision does not exist in this network.',
    governance_unknown_partner: 'This organisation is not a partner of this network.',
    governance_mandate_order: 'A mandate must end after it starts.',
    governance_not_in_office: 'Not everyone marked present is a member of this body on {date}.',
    governance_no_quorum:
      'This meeting has no quorum: {present} of {members} members present, {required} needed.',
    governance_vote_not_member: 'Only members of the body who were present can vote.',
    governance_vote_twice: '{name} has already voted on this decision.',
  },
});
