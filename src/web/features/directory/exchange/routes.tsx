import { Route } from 'react-router';
import './exchange.css';
import { ImportPage } from './ImportPage.tsx';

/** Exchange pages, called inside the module's <Routes>. */
export function exchangeRoutes() {
  return [<Route key="import" path="import" element={<ImportPage />} />];
}
