import { useTranslation } from 'react-i18next';
import type { SearchItem } from './api.ts';

/** Why a service matched, in the reader's language: which word was found where, and how. */
export function ReasonText({ reasons }: { reasons: SearchItem['reasons'] }) {
  const { t } = useTranslation();
  return (
    <>
      {reasons
        .map((r) =>
          t(`directory.reason.${r.kind}`, {
            word: r.word,
            matched: r.matched,
            field: t(`directory.field.${r.field}`),
          }),
        )
        .join('; ')}
    </>
  );
}
