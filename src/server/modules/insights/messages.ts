import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  nl: {
    insights_unknown_indicator: 'Deze indicator bestaat niet in dit netwerk.',
    insights_unknown_municipality: 'Deze gemeente bestaat niet in de cijfers van dit netwerk.',
    insights_unknown_rubric: 'Deze rubriek bestaat niet in de sociale kaart.',
    insights_gap_builtin:
      'Kies voor de kansenkaart een ingelezen indicator (bv. deelname aan een screening).',
    insights_import_columns: 'Het bestand mist deze kolommen: {missing}.',
    insights_import_empty: 'Het bestand bevat geen regels met cijfers.',
    insights_import_format: 'Dit bestand kan niet gelezen worden: {details}',
    insights_line_indicator: 'de indicator ontbreekt of bevat andere tekens dan letters, cijfers, _ . -',
    insights_line_reserved: 'de indicator "{key}" is een vaste Statbel-reeks en kan niet ingelezen worden',
    insights_line_name: 'een nieuwe indicator heeft een naam nodig',
    insights_line_unit: 'de eenheid ontbreekt',
    insights_line_unit_differs: 'eenheid "{given}" verschilt van die van de indicator ("{expected}")',
    insights_line_municipality: 'onbekende gemeente "{value}"',
    insights_line_merged:
      'NIS-code {value} bestaat niet meer in {period}: sinds {since} hoort ze bij {name} ({nis})',
    insights_line_period: 'periode "{value}" is geen jaar (2024), kwartaal (2024-Q1) of maand (2024-03)',
    insights_line_value: 'waarde "{value}" is geen getal',
    insights_line_duplicate: 'dubbele periode: {key}, {nis}, {period} staat al op regel {first}',
    insights_line_source: 'bron en licentie zijn verplicht',
    insights_rejected: 'Regel {line}: {reason}',
    insights_projection_method:
      'Lineaire trend (kleinste kwadraten) over de laatste {n} periodes, doorgetrokken over {ahead} periodes.',
    insights_index_method:
      'Index: waarde gedeeld door het bevolkingsgewogen gemiddelde van de Vlaamse gemeenten met een waarde (Vlaanderen = 100).',
    insights_gap_method:
      'Tekortscore = 100 × relatief tekort op de behoefte-indicator + 100 × relatief tekort aan aanbod per 10.000 inwoners + 10 × open signalen.',
  },
  fr: {
    insights_unknown_indicator: "Cet indicateur n'existe pas dans ce réseau.",
    insights_unknown_municipality: "Cette commune n'existe pas dans les chiffres de ce réseau.",
    insights_unknown_rubric: "Cette rubrique n'existe pas dans la carte sociale.",
    insights_gap_builtin:
      'Pour la carte des manques, choisissez un indicateur importé (p. ex. la participation à un dépistage).',
    insights_import_columns: 'Il manque ces colonnes dans le fichier : {missing}.',
    insights_import_empty: 'Le fichier ne contient aucune ligne de chiffres.',
    insights_import_format: 'Ce fichier ne peut pas être lu : {details}',
    insights_line_indicator:
      "l'indicateur manque ou contient d'autres caractères que des lettres, chiffres, _ . -",
    insights_line_reserved: "l'indicateur « {key} » est une série Statbel fixe et ne peut pas être importé",
    insights_line_name: 'un nouvel indicateur a besoin d’un nom',
    insights_line_unit: "l'unité manque",
    insights_line_unit_differs: "l'unité « {given} » diffère de celle de l'indicateur (« {expected} »)",
    insights_line_municipality: 'commune inconnue « {value} »',
    insights_line_merged:
      "le code INS {value} n'existe plus en {period} : depuis le {since}, il fait partie de {name} ({nis})",
    insights_line_period:
      "la période « {value} » n'est pas une année (2024), un trimestre (2024-Q1) ni un mois (2024-03)",
    insights_line_value: "la valeur « {value} » n'est pas un nombre",
    insights_line_duplicate: 'période en double : {key}, {nis}, {period} figure déjà à la ligne {first}',
    insights_line_source: 'la source et la licence sont obligatoires',
    insights_rejected: 'Ligne {line} : {reason}',
    insights_projection_method:
      'Tendance linéaire (moindres carrés) sur les {n} dernières périodes, prolongée de {ahead} périodes.',
    insights_index_method:
      'Indice : valeur divisée par la moyenne pondérée par la population des communes flamandes ayant une valeur (Flandre = 100).',
    insights_gap_method:
      "Score de manque = 100 × manque relatif sur l'indicateur de besoin + 100 × manque relatif d'offre par 10 000 habitants + 10 × signaux ouverts.",
  },
  en: {
    insights_unknown_indicator: 'This indicator does not exist in this network.',
    insights_unknown_municipality: "This municipality is not among this network's figures.",
    insights_unknown_rubric: 'This rubric does not exist in the social map.',
    insights_gap_builtin: 'For the gap map, choose an imported indicator (e.g. screening participation).',
    insights_import_columns: 'The file lacks these columns: {missing}.',
    insights_import_empty: 'The file has no lines with figures.',
    insights_import_format: 'This file cannot be read: {details}',
    insights_line_indicator: 'the indicator is missing or has characters other than letters, digits, _ . -',
    insights_line_reserved: 'the indicator "{key}" is a fixed Statbel series and cannot be imported',
    insights_line_name: 'a new indicator needs a name',
    insights_line_unit: 'the unit is missing',
    insights_line_unit_differs: 'unit "{given}" differs from the indicator\'s ("{expected}")',
    insights_line_municipality: 'unknown municipality "{value}"',
    insights_line_merged:
      'NIS code {value} no longer exists in {period}: since {since} it is part of {name} ({nis})',
    insights_line_period: 'period "{value}" is not a year (2024), quarter (2024-Q1) or month (2024-03)',
    insights_line_value: 'value "{value}" is not a number',
    insights_line_duplicate: 'duplicate period: {key}, {nis}, {period} is already on line {first}',
    insights_line_source: 'source and licence are required',
    insights_rejected: 'Line {line}: {reason}',
    insights_projection_method:
      'Linear trend (least squares) over the last {n} periods, extended by {ahead} periods.',
    insights_index_method:
      'Index: value divided by the population-weighted mean of the Flemish municipalities with a value (Flanders = 100).',
    insights_gap_method:
      'Shortfall score = 100 × relative shortfall on the need indicator + 100 × relative shortfall of supply per 10,000 inhabitants + 10 × open signals.',
  },
});
