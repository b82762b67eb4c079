import { useQuery } from '@tanstack/react-query';
import { Button, Menu, MenuItem, MenuTrigger, Popover, Separator } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../lib/api.ts';
import { useSession } from '../lib/session.ts';

/** Inside a network, for signed-in people who can see more than one; elsewhere the picker does this job. */
export function NetworkSwitcher() {
  const { t } = useTranslation();
  const { slug } = useParams();
  const { data: session } = useSession();
  const { data } = useQuery({
    queryKey: ['networks'],
    queryFn: api.networks,
    enabled: Boolean(slug && session),
  });
  const networks = data?.networks ?? [];
  if (!slug || !session || networks.length < 2) return null;
  const current = networks.find((network) => network.slug === slug);

  return (
    <MenuTrigger>
      <Button className="header-button network-switcher">
        <span className="network-switcher-name">
          {current ? (
            <>
              <span className="visually-hidden">{t('header.network')} </span>
              {current.name}
            </>
          ) : (
            t('header.networkSwitcher')
          )}
        </span>
        <span aria-hidden="true" className="chevron">
          ▾
        </span>
      </Button>
      <Popover className="menu-popover" placement="bottom start">
        <Menu className="menu" aria-label={t('header.networkSwitcher')}>
          {networks.map((network) => (
            <MenuItem
              key={network.slug}
              id={network.slug}
              className="menu-item"
              href={`/n/${network.slug}`}
              textValue={network.name}
            >
              <span aria-current={network.slug === slug ? 'page' : undefined}>{network.name}</span>
            </MenuItem>
          ))}
          <Separator className="menu-separator" />
          <MenuItem id="all" className="menu-item" href="/">
            {t('header.allNetworks')}
          </MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
