import { createHashRouter } from 'react-router';
import { BriefPage } from '../pages/BriefPage';
import { ClientPage } from '../pages/ClientPage';
import { ClientsPage } from '../pages/ClientsPage';
import { EditClientPage } from '../pages/EditClientPage';
import { GiftPage } from '../pages/GiftDialog';
import { NewClientPage } from '../pages/NewClientPage';
import { CreateProfilePage } from '../pages/CreateProfilePage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { PrivacyPage } from '../pages/PrivacyPage';
import { ProfileChooserPage } from '../pages/ProfileChooserPage';
import { SettingsPage } from '../pages/SettingsPage';
import { UnlockPage } from '../pages/UnlockPage';
import { lockedOnly, onlyOnPathChange, unlockedOnly } from './guards';
import { RootLayout } from './RootLayout';
import { RouteError } from './RouteError';
import { Shell } from './Shell';
import { WelcomeLayout } from './WelcomeLayout';

/** Electron loads a file, so routes live in the URL's fragment. */
export const router = createHashRouter([
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <div className="boot" aria-busy="true" />,
    children: [
      {
        element: <WelcomeLayout />,
        loader: lockedOnly,
        shouldRevalidate: onlyOnPathChange,
        errorElement: <RouteError />,
        children: [
          { index: true, element: <ProfileChooserPage /> },
          { path: 'profiles/new', element: <CreateProfilePage /> },
          { path: 'unlock/:profileId', element: <UnlockPage /> },
        ],
      },
      {
        element: <Shell />,
        loader: unlockedOnly,
        shouldRevalidate: onlyOnPathChange,
        errorElement: <RouteError />,
        children: [
          { path: 'clients', element: <ClientsPage /> },
          { path: 'clients/new', element: <NewClientPage /> },
          { path: 'clients/:id', element: <ClientPage /> },
          { path: 'clients/:id/edit', element: <EditClientPage /> },
          { path: 'clients/:id/brief', element: <BriefPage /> },
          { path: 'clients/:id/gift', element: <GiftPage /> },
          { path: 'privacy', element: <PrivacyPage /> },
          { path: 'settings', element: <SettingsPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
