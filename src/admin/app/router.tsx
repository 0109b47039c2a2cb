/** Client-side routes under /admin (the server answers every /admin/* path with index.html). Pages load on demand. */
import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { Boot } from './Boot';
import { RequireSession } from './RequireSession';
import { AppLayout } from './AppLayout';
import { LoginPage } from '../pages/auth/LoginPage';
import { ChangePasswordPage } from '../pages/auth/ChangePasswordPage';
import { HomePage } from '../pages/HomePage';
import { NotFoundPage } from '../pages/NotFoundPage';

const UnitsPage = lazy(() => import('../pages/units/UnitsPage'));
const AccountsPage = lazy(() => import('../pages/accounts/AccountsPage'));
const AuditPage = lazy(() => import('../pages/audit/AuditPage'));
const GuidePage = lazy(() => import('../pages/guide/GuidePage'));
const SettingsPage = lazy(() => import('../pages/settings/SettingsPage'));
const QueuePage = lazy(() => import('../pages/applications/QueuePage'));
const RegisterPage = lazy(() => import('../pages/applications/RegisterPage'));
const DetailPage = lazy(() => import('../pages/applications/DetailPage'));
const StatsPage = lazy(() => import('../pages/applications/StatsPage'));
const CalendarPage = lazy(() => import('../pages/applications/CalendarPage'));
const NoticeSettingsPage = lazy(() => import('../pages/applications/NoticeSettingsPage'));
const WordingPage = lazy(() => import('../pages/wording/WordingPage'));
const OfflinePage = lazy(() => import('../pages/offline/OfflinePage'));
const ReportsPage = lazy(() => import('../pages/reports/ReportsPage'));
const ReportEditorPage = lazy(() => import('../pages/reports/ReportEditorPage'));
const ReportBoardPage = lazy(() => import('../pages/reports/BoardPage'));
// ECharts only loads with this page.
const ReportComparisonPage = lazy(() => import('../pages/report-comparison/ComparisonPage'));
const ReportImportsPage = lazy(() => import('../pages/report-imports/ReportImportsPage'));
const ImportReviewPage = lazy(() => import('../pages/report-imports/ImportReviewPage'));
const ReviewCasesPage = lazy(() => import('../pages/review-cases/ReviewCasesPage'));
const ReportDataPage = lazy(() => import('../pages/report-data/ReportDataPage'));
const PubItemsPage = lazy(() => import('../pages/publications/ItemsPage'));
const PubEditorPage = lazy(() => import('../pages/publications/EditorPage'));
const PubItemViewPage = lazy(() => import('../pages/publications/ItemViewPage'));
const PubInboxPage = lazy(() => import('../pages/publications/InboxPage'));
const PubCataloguePage = lazy(() => import('../pages/publications/CataloguePage'));
const PubLedgerPage = lazy(() => import('../pages/publications/LedgerPage'));
const PubTimelinessPage = lazy(() => import('../pages/publications/TimelinessPage'));
const PubCodesPage = lazy(() => import('../pages/publications/CodesPage'));
const PubCheckReportPage = lazy(() => import('../pages/publications/CheckReportPage'));
// ECharts only loads with this page.
const PubChartPage = lazy(() => import('../pages/publications/ChartPage'));

export const router = createBrowserRouter(
  [
    {
      element: <Boot />,
      children: [
        { path: 'login', element: <LoginPage /> },
        { path: 'change-password', element: <ChangePasswordPage /> },
        {
          element: (
            <RequireSession>
              <AppLayout />
            </RequireSession>
          ),
          children: [
            { index: true, element: <HomePage /> },
            { path: 'units', element: <UnitsPage /> },
            { path: 'accounts', element: <AccountsPage /> },
            { path: 'audit', element: <AuditPage /> },
            { path: 'guide', element: <GuidePage /> },
            { path: 'settings', element: <SettingsPage /> },
            { path: 'applications', element: <QueuePage /> },
            { path: 'applications/new', element: <RegisterPage /> },
            { path: 'applications/stats', element: <StatsPage /> },
            { path: 'applications/:id', element: <DetailPage /> },
            { path: 'calendar', element: <CalendarPage /> },
            { path: 'notice-settings', element: <NoticeSettingsPage /> },
            { path: 'wording', element: <WordingPage /> },
            { path: 'offline', element: <OfflinePage /> },
            { path: 'reports', element: <ReportsPage /> },
            { path: 'reports/board', element: <ReportBoardPage /> },
            { path: 'reports/comparison', element: <ReportComparisonPage /> },
            { path: 'reports/imports', element: <ReportImportsPage /> },
            { path: 'reports/imports/:id', element: <ImportReviewPage /> },
            { path: 'reports/review-cases', element: <ReviewCasesPage /> },
            { path: 'reports/data', element: <ReportDataPage /> },
            { path: 'reports/:id', element: <ReportEditorPage /> },
            { path: 'publications', element: <PubItemsPage /> },
            { path: 'publications/new', element: <PubEditorPage /> },
            { path: 'publications/inbox', element: <PubInboxPage /> },
            { path: 'publications/catalogue', element: <PubCataloguePage /> },
            { path: 'publications/ledger', element: <PubLedgerPage /> },
            { path: 'publications/timeliness', element: <PubTimelinessPage /> },
            { path: 'publications/codes', element: <PubCodesPage /> },
            { path: 'publications/check-report', element: <PubCheckReportPage /> },
            { path: 'publications/charts', element: <PubChartPage /> },
            { path: 'publications/:id', element: <PubItemViewPage /> },
            { path: 'publications/:id/edit', element: <PubEditorPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ],
  { basename: '/admin' },
);
