import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  nl: {
    plan_request_subject: 'Gevraagd: een meting voor "{indicator}" tegen {due}',
    plan_reminder_subject: 'Herinnering: de meting voor "{indicator}" is gevraagd tegen {due}',
    plan_request_body:
      'Beste {name},\n\n{network} vraagt u een meting door te geven voor de indicator "{indicator}" ({unit}), tegen {due}.\n{message}\n\nGeef de meting door: {link}\n\nAlvast bedankt.',
    plan_unknown_node: 'Dit onderdeel bestaat niet in dit plan.',
    plan_unknown_indicator: 'Deze indicator bestaat niet in dit plan.',
    plan_tree_cycle: 'Een onderdeel kan niet onder zichzelf of onder een van zijn eigen onderdelen staan.',
    plan_link_self: 'Een onderdeel kan niet naar zichzelf verwijzen.',
    plan_link_cycle:
      'Deze koppeling maakt een kring: "{to}" leidt al via andere koppelingen terug naar "{from}".',
    plan_link_exists: 'Deze koppeling bestaat al.',
    plan_weights_sum:
      'De gewichten van onderdelen op hetzelfde niveau moeten samen 100 zijn; nu is dat {sum}.',
    plan_weights_mismatch:
      'Geef een gewicht voor elk onderdeel op dit niveau, en alleen voor die onderdelen ({expected} verwacht).',
    plan_target_outside_period:
      'Het doel voor {from} tot {to} valt buiten de planperiode ({start} tot {end}).',
    plan_targets_overlap: 'Twee doelen van dezelfde indicator overlappen: {a} en {b}.',
    plan_measurement_future: 'Een meting kan niet in de toekomst liggen ({date}).',
    plan_measurement_unit: 'Deze indicator wordt gemeten in "{expected}", niet in "{given}".',
    plan_status_future: 'De datum van een status kan niet in de toekomst liggen ({date}).',
    plan_not_owner: 'Alleen de trekker van dit onderdeel of een medewerker van het netwerk kan dit wijzigen.',
    plan_delete_needs_confirm:
      'Dit onderdeel heeft {children} onderliggende onderdelen, {indicators} indicatoren en {measurements} metingen. Bevestig het verwijderen; u kunt het daarna ongedaan maken.',
    plan_indicator_delete_needs_confirm:
      'Deze indicator heeft {measurements} metingen. Bevestig het verwijderen; u kunt het daarna ongedaan maken.',
    plan_progress_on_parent:
      'Voortgang vult u in op de onderste onderdelen; hier wordt ze berekend uit de onderliggende onderdelen.',
    plan_person_not_member: 'Deze persoon is geen lid van het netwerk.',
    plan_action_level: 'Het actieniveau moet een van de niveaus van het plan zijn.',
    plan_unit_locked: 'De eenheid kan niet meer veranderen: er zijn al metingen in "{unit}".',
    plan_request_not_yours: 'Deze meetvraag is niet aan u gericht.',
    plan_request_done: 'Deze meetvraag is al beantwoord.',
    plan_no_figure: 'Deze indicator haalt geen waarden uit de cijfers van het platform.',
    plan_deletion_not_found: 'Er is niets om ongedaan te maken.',
    plan_import_format: 'Dit bestand is geen geldige planexport: {details}',
    plan_import_unknown_people: 'Deze personen hebben geen account op dit platform: {emails}.',
    plan_rules_text:
      'Werkelijke waarde ≥ {onTrack} % van het doel: op schema; ≥ {atRisk} %: risico; anders: achter op schema. Als lager beter is, telt doel ÷ werkelijke waarde.',
  },
  fr: {
    plan_request_subject: 'Demandé : une mesure pour « {indicator} » pour le {due}',
    plan_reminder_subject: 'Rappel : la mesure pour « {indicator} » est attendue pour le {due}',
    plan_request_body:
      "Bonjour {name},\n\n{network} vous demande de communiquer une mesure pour l'indicateur « {indicator} » ({unit}), pour le {due}.\n{message}\n\nCommuniquer la mesure : {link}\n\nMerci d'avance.",
    plan_unknown_node: "Cet élément n'existe pas dans ce plan.",
    plan_unknown_indicator: "Cet indicateur n'existe pas dans ce plan.",
    plan_tree_cycle:
      "Un élément ne peut pas être placé sous lui-même ni sous l'un de ses propres sous-éléments.",
    plan_link_self: 'Un élément ne peut pas renvoyer à lui-même.',
    plan_link_cycle:
      "Ce lien créerait un cycle : « {to} » renvoie déjà, par d'autres liens, vers « {from} ».",
    plan_link_exists: 'Ce lien existe déjà.',
    plan_weights_sum:
      "Les poids des éléments d'un même niveau doivent totaliser 100 ; le total est de {sum}.",
    plan_weights_mismatch:
      'Indiquez un poids pour chaque élément de ce niveau, et seulement pour ceux-ci ({expected} attendus).',
    plan_target_outside_period:
      "L'objectif du {from} au {to} sort de la période du plan (du {start} au {end}).",
    plan_targets_overlap: "Deux objectifs d'un même indicateur se chevauchent : {a} et {b}.",
    plan_measurement_future: 'Une mesure ne peut pas être dans le futur ({date}).',
    plan_measurement_unit: 'Cet indicateur se mesure en « {expected} », pas en « {given} ».',
    plan_status_future: "La date d'un statut ne peut pas être dans le futur ({date}).",
    plan_not_owner: 'Seul le pilote de cet élément ou un collaborateur du réseau peut le modifier.',
    plan_delete_needs_confirm:
      "Cet élément a {children} sous-éléments, {indicators} indicateurs et {measurements} mesures. Confirmez la suppression ; vous pourrez ensuite l'annuler.",
    plan_indicator_delete_needs_confirm:
      "Cet indicateur a {measurements} mesures. Confirmez la suppression ; vous pourrez ensuite l'annuler.",
    plan_progress_on_parent:
      "L'avancement se saisit sur les éléments du niveau le plus bas ; ici, il est calculé à partir des sous-éléments.",
    plan_person_not_member: "Cette personne n'est pas membre du réseau.",
    plan_action_level: "Le niveau des actions doit être l'un des niveaux du plan.",
    plan_unit_locked: "L'unité ne peut plus changer : des mesures existent déjà en « {unit} ».",
    plan_request_not_yours: 'Cette demande de mesure ne vous est pas adressée.',
    plan_request_done: 'Cette demande de mesure a déjà reçu une réponse.',
    plan_no_figure: 'Cet indicateur ne tire pas ses valeurs des chiffres de la plateforme.',
    plan_deletion_not_found: "Il n'y a rien à annuler.",
    plan_import_format: "Ce fichier n'est pas un export de plan valide : {details}",
    plan_import_unknown_people: "Ces personnes n'ont pas de compte sur cette plateforme : {emails}.",
    plan_rules_text:
      "Valeur réelle ≥ {onTrack} % de l'objectif : dans les temps ; ≥ {atRisk} % : à risque ; sinon : en retard. Quand une valeur plus basse est meilleure, on compte objectif ÷ valeur réelle.",
  },
  en: {
    plan_request_subject: 'Requested: a measurement for "{indicator}" by {due}',
    plan_reminder_subject: 'Reminder: the measurement for "{indicator}" is due by {due}',
    plan_request_body:
      'Dear {name},\n\n{network} asks you to report a measurement for the indicator "{indicator}" ({unit}) by {due}.\n{message}\n\nReport the measurement: {link}\n\nThank you.',
    plan_unknown_node: 'This item does not exist in this plan.',
    plan_unknown_indicator: 'This indicator does not exist in this plan.',
    plan_tree_cycle: 'An item cannot be placed under itself or under one of its own sub-items.',
    plan_link_self: 'An item cannot link to itself.',
    plan_link_cycle:
      'This link would make a cycle: "{to}" already leads back to "{from}" through other links.',
    plan_link_exists: 'This link already exists.',
    plan_weights_sum: 'The weights of items on the same level must add up to 100; they now add up to {sum}.',
    plan_weights_mismatch:
      'Give a weight for every item on this level, and only for those ({expected} expected).',
    plan_target_outside_period:
      'The target for {from} to {to} lies outside the plan period ({start} to {end}).',
    plan_targets_overlap: 'Two targets of the same indicator overlap: {a} and {b}.',
    plan_measurement_future: 'A measurement cannot lie in the future ({date}).',
    plan_measurement_unit: 'This indicator is measured in "{expected}", not in "{given}".',
    plan_status_future: 'The date of a status cannot lie in the future ({date}).',
    plan_not_owner: 'Only the owner of this item or a staff member of the network can change it.',
    plan_delete_needs_confirm:
      'This item has {children} sub-items, {indicators} indicators and {measurements} measurements. Confirm the deletion; you can undo it afterwards.',
    plan_indicator_delete_needs_confirm:
      'This indicator has {measurements} measurements. Confirm the deletion; you can undo it afterwards.',
    plan_progress_on_parent:
      'Progress is entered on the lowest items; here it is calculated from the items below.',
    plan_person_not_member: 'This person is not a member of the network.',
    plan_action_level: 'The action level must be one of the levels of the plan.',
    plan_unit_locked: 'The unit can no longer change: there are measurements in "{unit}".',
    plan_request_not_yours: 'This measurement request is not addressed to you.',
    plan_request_done: 'This measurement request has already been answered.',
    plan_no_figure: 'This indicator does not take its values from the platform figures.',
    plan_deletion_not_found: 'There is nothing to undo.',
    plan_import_format: 'This file is not a valid plan export: {details}',
    plan_import_unknown_people: 'These people have no account on this platform: {emails}.',
    plan_rules_text:
      'Actual ≥ {onTrack} % of the target: on track; ≥ {atRisk} %: at risk; otherwise: off track. When lower is better, target ÷ actual counts.',
  },
});
