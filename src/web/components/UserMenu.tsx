import { Button, Header, Menu, MenuItem, MenuSection, MenuTrigger, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useLogout, useSession } from '../lib/session.ts';

export function UserMenu() {
  const { t } = useTranslation();
  const { data: session, isPending } = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  if (isPending) return null;
  if (!session) {
    return (
      <Link className="header-button" to="/login">
        {t('header.login')}
      </Link>
    );
  }
  const { user } = session;
  return (
    <MenuTrigger>
      <Button className="header-button user-button">
        <span aria-hidden="true" className="avatar">
          {user.name.slice(0, 1).toUpperCase()}
        </span>
        <span className="user-name">{user.name}</span>
        <span aria-hidden="true" className="chevron">
          ▾
        </span>
      </Button>
      <Popover className="menu-popover" placement="bottom end">
        <Menu
          className="menu"
          aria-label={t('header.userMenu', { name: user.name })}
          onAction={(key) => {
            if (key === 'logout') {
              logout.mutate(undefined, { onSettled: () => navigate('/login') });
            }
          }}
        >
          <MenuSection>
            <Header className="menu-header">{t('header.signedInAs', { email: user.email })}</Header>
            {user.isPlatformAdmin ? (
              <MenuItem id="platform-audit" className="menu-item" href="/beheer/audit">
                {t('header.platformAudit')}
              </MenuItem>
            ) : null}
            <MenuItem id="logout" className="menu-item">
              {t('header.logout')}
            </MenuItem>
          </MenuSection>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
