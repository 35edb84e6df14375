/**
 * The number beside "Бүгін" in the navigation: how many cases the office must act on (overdue,
 * forwards due soon, returned files, results waiting). Counting runs the deadline engine over
 * every open case, so it is not a live query that re-runs on each save (intake must stay quick):
 * it counts when the browser is idle after the first screen is up, after each move to another
 * screen, every minute and when the person returns to the tab (`useNow`). The Today screen
 * itself reads live.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attentionCount } from '../../db/today';
import { useSession } from '../../state/session';
import { useRoute } from '../app/router';
import { useRuntime, whenIdle } from '../app/runtime';
import { useNow } from '../app/useNow';

export function TodayBadge() {
  const { t } = useTranslation();
  const { db } = useRuntime();
  const officeId = useSession((s) => s.credentials?.officeId);
  const now = useNow();
  const screen = useRoute()?.name;
  const [count, setCount] = useState<number | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a move to another screen is a reason to count again (work done on the last one: a batch sent, a result handed out), not a value the count reads
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
  }, [db, officeId, now, screen]);

  if (!count) return null;
  return (
    <span className="count-badge" data-testid="today-count">
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{t('nav.attention', { count })}</span>
    </span>
  );
}
