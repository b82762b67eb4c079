// Every translation of the web UI, merged: imported by lib/i18n.ts and by the locale tests (no browser needed).
import directoryAnalysisEn from '../features/directory/analysis/locales/en.json';
import directoryAnalysisFr from '../features/directory/analysis/locales/fr.json';
import directoryAnalysisNl from '../features/directory/analysis/locales/nl.json';
import directoryCurateEn from '../features/directory/curate/locales/en.json';
import directoryCurateFr from '../features/directory/curate/locales/fr.json';
import directoryCurateNl from '../features/directory/curate/locales/nl.json';
import directoryExchangeEn from '../features/directory/exchange/locales/en.json';
import directoryExchangeFr from '../features/directory/exchange/locales/fr.json';
import directoryExchangeNl from '../features/directory/exchange/locales/nl.json';
import directoryEn from '../features/directory/locales/en.json';
import directoryFr from '../features/directory/locales/fr.json';
import directoryNl from '../features/directory/locales/nl.json';
import eventsEn from '../features/events/locales/en.json';
import eventsFr from '../features/events/locales/fr.json';
import eventsNl from '../features/events/locales/nl.json';
import governanceEn from '../features/governance/locales/en.json';
import governanceFr from '../features/governance/locales/fr.json';
import governanceNl from '../features/governance/locales/nl.json';
import insightsEn from '../features/insights/locales/en.json';
import insightsFr from '../features/insights/locales/fr.json';
import insightsNl from '../features/insights/locales/nl.json';
import networkEn from '../features/network/locales/en.json';
import networkFr from '../features/network/locales/fr.json';
import networkNl from '../features/network/locales/nl.json';
import planEn from '../features/plan/locales/en.json';
import planFr from '../features/plan/locales/fr.json';
import planNl from '../features/plan/locales/nl.json';
import signalsEn from '../features/signals/locales/en.json';
import signalsFr from '../features/signals/locales/fr.json';
import signalsNl from '../features/signals/locales/nl.json';
import en from '../locales/en.json';
import fr from '../locales/fr.json';
import nl from '../locales/nl.json';

/**
 * A module keeps its texts in src/web/features/<module>/locales and they appear under the module's key
 * (`t('plan.tree.title')`), so modules never edit the same file and a missing key still fails `tsc`.
 */
export const RESOURCES = {
  nl: {
    ...nl,
    directory: {
      ...directoryNl,
      curate: directoryCurateNl,
      exchange: directoryExchangeNl,
      analysis: directoryAnalysisNl,
    },
    network: networkNl,
    plan: planNl,
    events: eventsNl,
    governance: governanceNl,
    signals: signalsNl,
    insights: insightsNl,
  },
  fr: {
    ...fr,
    directory: {
      ...directoryFr,
      curate: directoryCurateFr,
      exchange: directoryExchangeFr,
      analysis: directoryAnalysisFr,
    },
    network: networkFr,
    plan: planFr,
    events: eventsFr,
    governance: governanceFr,
    signals: signalsFr,
    insights: insightsFr,
  },
  en: {
    ...en,
    directory: {
      ...directoryEn,
      curate: directoryCurateEn,
      exchange: directoryExchangeEn,
      analysis: directoryAnalysisEn,
    },
    network: networkEn,
    plan: planEn,
    events: eventsEn,
    governance: governanceEn,
    signals: signalsEn,
    insights: insightsEn,
  },
};
