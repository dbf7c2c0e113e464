/**
 * billing-service's shapes: aliases of openapi/billing-service.json's schemas (generated into api/generated on every
 * build), so a renamed field fails `tsc`. The document marks most record components optional; `Sent` names those the
 * service always sends (Java primitives, ids, amounts, states). Amounts are exact decimal strings.
 */
import type {components} from '../../api/generated/billing-service';
import type {Nullable, Sent, Without} from '../../api/types';

type Schemas = components['schemas'];

export type PlanView = Sent<Schemas['PlanView'], 'id' | 'name' | 'cpuMillis' | 'memoryMb' | 'diskMb' | 'maxInstances'
  | 'maxApps' | 'maxDatabasesPerType' | 'databaseDiskMb' | 'monthlyPrice' | 'hourlyRate' | 'status' | 'createdAt'
  | 'updatedAt'>;

export type NextPlan = Sent<Schemas['Next'], 'planId' | 'name' | 'effectiveFrom'>;

export type AccountPlanView = Without<Sent<Schemas['AccountPlanView'], 'planId' | 'name' | 'plan'>, 'plan' | 'next'>
  & {plan: PlanView; next?: NextPlan | null};

export type AccountState = 'ACTIVE' | 'LOW' | 'GRACE' | 'SUSPENDED';

/** The document types `state` as a plain string; the service's AccountState has these four. */
export type AccountView = Without<Sent<Schemas['AccountView'], 'state' | 'balance' | 'currency' | 'low'>, 'state'>
  & {state: AccountState & NonNullable<Schemas['AccountView']['state']>};

export type EntryView = Sent<Schemas['EntryView'], 'id' | 'kind' | 'amount' | 'balanceAfter' | 'at'>;

export type WalletView = Without<Sent<Schemas['WalletView'], 'userId' | 'balance' | 'currency' | 'hourlyBurn'
  | 'entries'>, 'entries'> & {entries: EntryView[]};

export type ResourceView = Sent<Schemas['ResourceView'], 'kind' | 'resourceId' | 'hours' | 'instanceHours'
  | 'maxInstances' | 'amount'>;

export type UsageView = Without<Sent<Schemas['UsageView'], 'from' | 'to' | 'currency' | 'resources' | 'total'>,
  'resources'> & {resources: ResourceView[]};

/**
 * `GET /api/v1/billing/statements/{month}` answers JSON or CSV (`ResponseEntity<?>`), so the document has no schema
 * for it (`type: object`): written against the controller's StatementView, its entries from the document.
 */
export interface StatementView {
  month: string;
  currency: string;
  openingBalance: string;
  entries: EntryView[];
  closingBalance: string;
}

export type NewTopUp = Schemas['NewTopUp'];
export type PlanChoice = Schemas['PlanChoice'];

export type TopUpView = Sent<Schemas['TopUpView'], 'id' | 'amount' | 'currency' | 'status' | 'createdAt'>;

/** What `POST/PUT /api/v1/admin/plans` take; the form sends an empty number as null, for the answer to name it. */
export type PlanRequest = Nullable<Schemas['PlanRequest'], 'cpuMillis' | 'memoryMb' | 'diskMb' | 'maxInstances'
  | 'maxApps' | 'databaseDiskMb' | 'allowedRuntimes' | 'hourlyRate'>;

/** The document types `plan` as a string; the service writes it raw (@JsonRawValue), so it arrives as JSON. */
export type PlanAuditView = Without<Sent<Schemas['AuditView'], 'planId' | 'planName' | 'action' | 'at'>, 'plan'>
  & {plan: unknown};
