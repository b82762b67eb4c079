import { Route } from 'react-router';
import './curate.css';
import { ConfirmPage } from './ConfirmPage.tsx';
import { NewServicePage, OrganizationEditPage, ServiceEditPage } from './EditPages.tsx';
import { FreshnessPage } from './FreshnessPage.tsx';
import { MinePage } from './MinePage.tsx';
import { SuggestionsPage } from './SuggestionsPage.tsx';
import { SuggestPage } from './SuggestPage.tsx';

/** Curation's pages, called inside the module's <Routes> (React Router wants the <Route>s themselves there). */
export function curateRoutes() {
  return [
    <Route key="mine" path="mijn-organisatie" element={<MinePage />} />,
    <Route key="edit-service" path="dienst/:id/bewerken" element={<ServiceEditPage />} />,
    <Route key="suggest" path="dienst/:id/voorstel" element={<SuggestPage />} />,
    <Route key="edit-org" path="organisatie/:id/bewerken" element={<OrganizationEditPage />} />,
    <Route key="new" path="nieuw" element={<NewServicePage />} />,
    <Route key="freshness" path="actualiteit" element={<FreshnessPage />} />,
    <Route key="suggestions" path="voorstellen" element={<SuggestionsPage />} />,
    <Route key="confirm" path="bevestigen/:token" element={<ConfirmPage />} />,
  ];
}
