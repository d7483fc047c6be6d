// AdminJS's menu of the logged-in admin (top right), with "Change my password" above "Log out".
// The page it opens is the "My account" page inside the layout (components/AccountPassword.tsx).
import React from "react";
import { useTranslation, type CurrentAdmin } from "adminjs";
import { Box, CurrentUserNav, type CurrentUserNavProps } from "@adminjs/design-system";

interface LoggedInProps {
  session: CurrentAdmin;
  paths: { logoutPath: string; rootPath?: string };
}

const LoggedIn: React.FC<LoggedInProps> = ({ session, paths }) => {
  const { translateButton, translateMessage } = useTranslation();
  const root = (paths.rootPath ?? "/admin").replace(/\/+$/, "");
  const dropActions: CurrentUserNavProps["dropActions"] = [
    {
      label: translateMessage("accountChangePassword"),
      onClick: (event: Event): void => {
        event.preventDefault();
        window.location.href = `${root}/pages/account`;
      },
      icon: "Key",
    },
    {
      label: translateButton("logout"),
      onClick: (event: Event): void => {
        event.preventDefault();
        window.location.href = paths.logoutPath;
      },
      icon: "LogOut",
    },
  ];
  return (
    <Box flexShrink={0} data-css="logged-in">
      <CurrentUserNav
        name={session.email}
        title={session.title}
        avatarUrl={session.avatarUrl}
        dropActions={dropActions}
      />
    </Box>
  );
};

export default LoggedIn;
