/**
 * The number beside "Бүгін" in the navigation: how many cases the office must act on (overdue,
 * forwards due soon, returned files, results waiting). Counting runs the deadline engine over
 * every open case, so it is not a live query that re-runs on each save (intake must stay quick):
 * it counts once the first screen is up, then every minute and when the person returns to the
 * tab (`useNow`). The Today screen itself reads live.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attentionCount } from '../../db/today';
import { useSession } from '../../state/session';
import { useRuntime, whenIdle } from '../app/runtime';
import { useNow } from '../app/useNow';

export function TodayBadge() {
  const { t } = useTranslation();
  const { db } = useRuntime();
  const officeId = useSession((s) => s.credentials?.officeId);
  const now = useNow();
  const [count, setCount] = useState<number | null>(null);

  useEffect(() => {
    if (!officeId) return;
    let isCurrent = true;
    const cancel = whenIdle(() => {
      // A failed count leaves the last one shown: the Today screen has the lists themselves.
      attentionCount(db, officeId, now).then(
        (n) => {
          if (isCurrent) setCount(n);
        },
        () => {},
      );
    });
    return () => {
      isCurrent = false;
      cancel();
    };
  }, [db, officeId, now]);

  if (!count) return null;
  return (
    <span className="count-badge" data-testid="today-count">
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{t('nav.attention', { count })}</span>
    </span>
  );
}
