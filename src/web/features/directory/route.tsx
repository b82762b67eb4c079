import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useParams } from 'react-router';

/**
 * The social map's pages under /n/:slug/sociale-kaart. Each area of the module (search and records,
 * curation, exchange, analysis) keeps its pages in its own folder and adds its routes here.
 */
export function Component() {
  return (
    <Routes>
      <Route path="*" element={<UnknownPage />} />
    </Routes>
  );
}

/** Inside the network layout already: a plain message, not the shell's full "not found" page. */
function UnknownPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  return (
    <>
      <h1>{t('directory.unknown.title')}</h1>
      <p>
        <Link to={`/n/${slug}/sociale-kaart`}>{t('directory.unknown.back')}</Link>
      </p>
    </>
  );
}
