/**
 * billing-service's and metrics-service's shapes. Their OpenAPI snapshots are not in openapi/ yet, so these follow
 * the controllers (billing-service dev.paas.billing.web, metrics-service dev.paas.metrics.web) field by field; once
 * the snapshots arrive they become aliases of the generated types, as api/types.ts does for the other services.
 * Amounts are exact decimal strings.
 */

export interface PlanView {
  id: string;
  name: string;
  cpuMillis: number;
  memoryMb: number;
  diskMb: number;
  maxInstances: number;
  maxApps: number;
  maxDatabasesPerType: Record<string, number>;
  databaseDiskMb: number;
  allowedRuntimes: string[] | null;
  monthlyPrice: string;
  hourlyRate: string;
  status: string;
  createdAt: string;
  updatedAt: string;
}

export interface AccountPlanView {
  planId: string;
  name: string;
  since: string | null;
  plan: PlanView;
  next: {planId: string; name: string; effectiveFrom: string} | null;
}

export interface AccountView {
  state: 'ACTIVE' | 'LOW' | 'GRACE' | 'SUSPENDED';
  balance: string;
  currency: string;
  low: boolean;
  graceEndsAt: string | null;
  suspendedAt: string | null;
}

export interface EntryView {
  id: string;
  kind: string;
  amount: string;
  balanceAfter: string;
  description: string | null;
  reference: string | null;
  at: string;
}

export interface WalletView {
  userId: string;
  balance: string;
  currency: string;
  hourlyBurn: string;
  entries: EntryView[];
}

export interface ResourceView {
  kind: string;
  resourceId: string;
  name: string | null;
  hours: number;
  instanceHours: number;
  maxInstances: number;
  amount: string;
  firstHour: string | null;
  lastHour: string | null;
}

export interface UsageView {
  from: string;
  to: string;
  currency: string;
  resources: ResourceView[];
  total: string;
}

export interface StatementView {
  month: string;
  currency: string;
  openingBalance: string;
  entries: EntryView[];
  closingBalance: string;
}

export interface TopUpView {
  id: string;
  sessionId: string | null;
  amount: string;
  currency: string;
  status: 'PENDING' | 'PAID' | 'EXPIRED';
  url: string | null;
  amountPaid: string | null;
  createdAt: string;
  paidAt: string | null;
}

/** What `POST/PUT /api/v1/admin/plans` take. */
export interface PlanRequest {
  name: string;
  cpuMillis: number | null;
  memoryMb: number | null;
  diskMb: number | null;
  maxInstances: number | null;
  maxApps: number | null;
  maxDatabasesPerType: Record<string, number>;
  databaseDiskMb: number | null;
  allowedRuntimes: string[] | null;
  monthlyPrice: string;
  hourlyRate: string | null;
}

export interface PlanAuditView {
  planId: string;
  planName: string;
  action: string;
  actorId: string | null;
  at: string;
  plan: unknown;
}

/** metrics-service: GET /api/v1/admin/capacity. */
export interface CapacityView {
  host: string;
  sampledAt: string | null;
  cpuCores: number;
  cpuPercent: number;
  cpuAveragePercent: number;
  memoryTotalBytes: number;
  memoryUsedBytes: number;
  memoryPercent: number;
  diskTotalBytes: number;
  diskUsedBytes: number;
  diskPercent: number;
  thresholdPercent: number;
  admitting: boolean;
  reason: string | null;
  runningContainers: number | null;
  queuedDeployments: {deploymentId: string; projectId: string; requestedAt: string; waitingFor: string}[];
}

/** metrics-service: GET /api/v1/admin/containers (nothing in it says whose a container is). */
export interface AdminContainer {
  id: string;
  kind: 'APP' | 'DATABASE';
  stack: string | null;
  status: string;
  cpuPercent: number;
  cpuPercentOfHost: number;
  memoryBytes: number;
  memoryLimitBytes: number;
  uptimeSeconds: number;
  restartCount: number;
}

/** metrics-service: an alert. */
export interface Alert {
  id: string;
  kind: string;
  severity: string;
  state: 'OPEN' | 'RESOLVED';
  ownerId: string | null;
  projectId: string | null;
  databaseId: string | null;
  containerId: string | null;
  message: string;
  lastValue: number | null;
  openings: number;
  openedAt: string;
  lastSeenAt: string | null;
  resolvedAt: string | null;
  resolveReason: string | null;
}
