/** Small pieces of the Databases pages: state badge, disk usage bar, copy button. */
import {useEffect, useRef, useState} from 'react';
import {type Database} from './api';
import {databaseState, databaseTone, usage, usageRatio} from './format';

export function DatabaseBadge({state}: {state: string | null | undefined}) {
  return <span className={`badge ${databaseTone(state)}`}>{databaseState(state)}</span>;
}

export function DiskUsage({database}: {database: Database}) {
  const ratio = usageRatio(database.usageBytes, database.diskQuotaBytes);
  return (
    <span className="db-usage">
      {database.diskQuotaBytes > 0
        ? <meter min={0} max={1} low={0.8} high={0.95} optimum={0} value={ratio} aria-hidden="true" /> : null}
      <span>{usage(database.usageBytes, database.diskQuotaBytes)}</span>
      {database.quotaExceeded ? <span className="badge bad">quota reached: writes refused</span> : null}
    </span>
  );
}

/**
 * A Copy button: `value` is the text, or a function that fetches it (for the password, asked for only now).
 * It says "Copied" for a moment, and says so plainly when the browser refuses the clipboard. Its name stays "Copy";
 * `describedBy` names the detail it copies for screen readers.
 */
export function CopyButton({value, describedBy}: {value: string | (() => Promise<string>); describedBy: string}) {
  const [said, setSaid] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = async () => {
    try {
      const text = typeof value === 'string' ? value : await value();
      await navigator.clipboard.writeText(text);
      setSaid('Copied');
    } catch {
      setSaid('Copy failed: select the text instead');
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setSaid(null), 2_000);
  };
  return (
    <>
      <button type="button" className="secondary" aria-describedby={describedBy} onClick={copy}>Copy</button>
      <span className="muted db-copied" role="status">{said ?? ''}</span>
    </>
  );
}
