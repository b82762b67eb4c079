import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  nl: {
    signals_unknown_signal: 'Dit signaal bestaat niet in dit netwerk.',
    signals_unknown_dossier: 'Dit dossier bestaat niet in dit netwerk.',
    signals_unknown_municipality: 'Deze gemeenten horen niet bij het netwerk: {codes}.',
    signals_personal_data:
      'De tekst lijkt persoonsgegevens te bevatten ({findings}). Een signaal gaat over een patroon, niet over één persoon. Pas de tekst aan of bevestig dat u hem zo wilt bewaren.',
    signals_phase_skip:
      'Van de fase "{from}" kan alleen naar "{expected}", niet naar "{to}": een fase overslaan kan niet.',
    signals_phase_in_dossier: 'Dit signaal zit in een dossier; het dossier bepaalt nu de fase.',
    signals_phase_final: 'Dit dossier is in de laatste fase.',
    signals_bundle_via_dossier:
      'Een signaal wordt gebundeld door er met andere signalen een dossier van te maken.',
    signals_bundle_phase:
      'Alleen verzamelde signalen (fase "collect") kunnen gebundeld worden; niet: {titles}.',
    signals_needs_addressee:
      'Kies eerst aan wie het dossier gericht is (gemeente, provincie of Vlaams agentschap).',
    signals_needs_answer: 'Noteer eerst het antwoord van {addressee} voor u terugkoppelt.',
    signals_needs_analysis: 'Schrijf eerst de analyse en het voorstel van het dossier.',
    signals_cosign_own: 'U hebt zelf een signaal in dit dossier; mee-ondertekenen is voor andere partners.',
    signals_cosign_twice: 'U hebt dit dossier al mee ondertekend.',
    signals_plan_action_exists: 'Dit dossier is al een actie in het beleidsplan.',
    signals_public_closed: 'Dit netwerk neemt geen signalen van burgers via het formulier aan.',
    signals_moved_subject: 'Uw signaal "{title}": het dossier is nu in de fase {phase}',
    signals_moved_body:
      'Beste melder,\n\nHet dossier "{dossier}", waarin uw signaal "{title}" gebundeld is, is naar de fase {phase} gegaan.\n\n{note}\n\nBekijk het dossier: {link}\n\n{network}',
    signals_origin: 'Oorsprong: signalendossier "{title}" ({link}).',
    phase_notice: 'opmerken',
    phase_collect: 'verzamelen',
    phase_bundle: 'bundelen',
    phase_analyse: 'analyseren',
    phase_report: 'rapporteren',
    phase_decide: 'beslissen',
    phase_act: 'actie',
    phase_feed_back: 'terugkoppelen',
  },
  fr: {
    signals_unknown_signal: "Ce signal n'existe pas dans ce réseau.",
    signals_unknown_dossier: "Ce dossier n'existe pas dans ce réseau.",
    signals_unknown_municipality: "Ces communes n'appartiennent pas au réseau : {codes}.",
    signals_personal_data:
      "Le texte semble contenir des données personnelles ({findings}). Un signal porte sur un phénomène, pas sur une personne. Modifiez le texte ou confirmez que vous voulez l'enregistrer tel quel.",
    signals_phase_skip:
      'De la phase « {from} », on ne peut passer qu’à « {expected} », pas à « {to} » : sauter une phase est impossible.',
    signals_phase_in_dossier: 'Ce signal fait partie d’un dossier ; c’est le dossier qui détermine la phase.',
    signals_phase_final: 'Ce dossier est dans la dernière phase.',
    signals_bundle_via_dossier: 'Un signal est regroupé en créant un dossier avec d’autres signaux.',
    signals_bundle_phase:
      'Seuls les signaux collectés (phase « collect ») peuvent être regroupés ; pas : {titles}.',
    signals_needs_addressee:
      'Choisissez d’abord le destinataire du dossier (commune, province ou agence flamande).',
    signals_needs_answer: 'Notez d’abord la réponse de {addressee} avant le retour.',
    signals_needs_analysis: 'Rédigez d’abord l’analyse et la proposition du dossier.',
    signals_cosign_own:
      'Vous avez vous-même un signal dans ce dossier ; la cosignature est pour les autres partenaires.',
    signals_cosign_twice: 'Vous avez déjà cosigné ce dossier.',
    signals_plan_action_exists: 'Ce dossier est déjà une action du plan.',
    signals_public_closed: "Ce réseau n'accepte pas de signaux de citoyens via le formulaire.",
    signals_moved_subject: 'Votre signal « {title} » : le dossier est maintenant en phase {phase}',
    signals_moved_body:
      'Bonjour,\n\nLe dossier « {dossier} », qui regroupe votre signal « {title} », est passé à la phase {phase}.\n\n{note}\n\nVoir le dossier : {link}\n\n{network}',
    signals_origin: 'Origine : dossier de signaux « {title} » ({link}).',
    phase_notice: 'constater',
    phase_collect: 'collecter',
    phase_bundle: 'regrouper',
    phase_analyse: 'analyser',
    phase_report: 'rapporter',
    phase_decide: 'décider',
    phase_act: 'agir',
    phase_feed_back: 'faire un retour',
  },
  en: {
    signals_unknown_signal: 'This signal does not exist in this network.',
    signals_unknown_dossier: 'This dossier does not exist in this network.',
    signals_unknown_municipality: 'These municipalities are not part of the network: {codes}.',
    signals_personal_data:
      'The text seems to contain personal data ({findings}). A signal is about a pattern, not about one person. Change the text or confirm that you want to save it as it is.',
    signals_phase_skip:
      'From the phase "{from}" the next step is "{expected}", not "{to}": phases cannot be skipped.',
    signals_phase_in_dossier: 'This signal is part of a dossier; the dossier now sets the phase.',
    signals_phase_final: 'This dossier is in its last phase.',
    signals_bundle_via_dossier: 'A signal is bundled by making a dossier of it with other signals.',
    signals_bundle_phase: 'Only collected signals (phase "collect") can be bundled; not: {titles}.',
    signals_needs_addressee:
      'First choose whom the dossier is addressed to (municipality, province or Flemish agency).',
    signals_needs_answer: 'First record the answer of {addressee} before feeding back.',
    signals_needs_analysis: "First write the dossier's analysis and proposal.",
    signals_cosign_own: 'You have a signal in this dossier yourself; co-signing is for other partners.',
    signals_cosign_twice: 'You have already co-signed this dossier.',
    signals_plan_action_exists: 'This dossier is already an action of the plan.',
    signals_public_closed: 'This network does not take signals from citizens through the form.',
    signals_moved_subject: 'Your signal "{title}": the dossier is now in the phase {phase}',
    signals_moved_body:
      'Dear reporter,\n\nThe dossier "{dossier}", which bundles your signal "{title}", has moved to the phase {phase}.\n\n{note}\n\nSee the dossier: {link}\n\n{network}',
    signals_origin: 'Origin: signal dossier "{title}" ({link}).',
    phase_notice: 'notice',
    phase_collect: 'collect',
    phase_bundle: 'bundle',
    phase_analyse: 'analyse',
    phase_report: 'report',
    phase_decide: 'decide',
    phase_act: 'act',
    phase_feed_back: 'feed back',
  },
});
