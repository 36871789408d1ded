-- Workspaces: the workspaces the credentials can see.
-- @endpoint /workspaces
-- @pagelen  100
-- @writes   none
CREATE TABLE Workspaces (
  Workspace         VARCHAR(64)  NOT NULL, -- slug @filter | The workspace's slug (also its schema).
  Slug              VARCHAR(64)  NOT NULL, -- slug @filter | The short label that identifies this workspace.
  Uuid              VARCHAR(38)  NOT NULL, -- uuid @filter | The workspace's immutable id, with braces.
  Name              VARCHAR(255),          -- name @filter | The name of the workspace.
  Type              VARCHAR(32),           -- type | The object type, "workspace".
  IsPrivate         BIT,                   -- is_private @filter | Whether the workspace is private.
  IsPrivacyEnforced BIT,                   -- is_privacy_enforced | Whether only private repositories may be created.
  ForkingMode       VARCHAR(32),           -- forking_mode | Which forks the workspace allows.
  CreatedOn         TIMESTAMP,             -- created_on @filter | When the workspace was created (UTC).
  UpdatedOn         TIMESTAMP,             -- updated_on @filter | When the workspace was last changed (UTC).
  HtmlUrl           VARCHAR(512),          -- links.html.href | The workspace's web page.
  AvatarUrl         VARCHAR(512),          -- links.avatar.href | The workspace's avatar image.
  PRIMARY KEY (Workspace)
);
