import { useTranslation } from 'react-i18next';
import { type Section, SectionNav } from '../../components/SectionNav.tsx';
import { useNetwork } from '../../lib/network.ts';

export function GovernanceNav() {
  const { t } = useTranslation();
  const { detail } = useNetwork();
  const root = `/n/${detail.network.slug}/bestuur`;
  const sections: Section[] = [
    ['', t('governance.nav.bodies'), true],
    ['besluiten', t('governance.nav.decisions'), true],
  ];
  return (
    <SectionNav
      label={t('governance.nav.label')}
      sections={sections}
      path={(sub) => (sub ? `${root}/${sub}` : root)}
    />
  );
}
