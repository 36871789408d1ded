-- Issues: the issues of a repository's issue tracker.
-- @endpoint /repositories/{workspace}/{repo_slug}/issues
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @empty_on_404
-- @writes   insert, update, delete
CREATE TABLE Issues (
  Workspace           VARCHAR(64)   NOT NULL, -- {workspace} | The workspace slug.
  RepositorySlug      VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  Id                  INTEGER       NOT NULL, -- id @filter @sort | The issue's number within its repository.
  Title               VARCHAR(1024),          -- title @filter @sort | The title.
  State               VARCHAR(16),            -- state @filter @sort | submitted, new, open, resolved, on hold, invalid, duplicate, wontfix or closed.
  Kind                VARCHAR(16),            -- kind @filter @sort | bug, enhancement, proposal or task.
  Priority            VARCHAR(16),            -- priority @filter @sort | trivial, minor, major, critical or blocker.
  Type                VARCHAR(32),            -- type | The object type, "issue".
  Votes               INTEGER,                -- votes @filter @sort | The number of votes.
  Watches             INTEGER,                -- watches @filter @sort | The number of watchers.
  CreatedOn           TIMESTAMP,              -- created_on @filter @sort | When it was reported (UTC).
  UpdatedOn           TIMESTAMP,              -- updated_on @filter @sort | When it last changed (UTC).
  EditedOn            TIMESTAMP,              -- edited_on @filter @sort | When its text was last edited (UTC), if ever.
  ContentRaw          VARCHAR(8000),          -- content.raw @filter | The text as it was typed by a user.
  ContentMarkup       VARCHAR(32),            -- content.markup | The type of markup language the raw content is to be interpreted in.
  ContentHtml         VARCHAR(8000),          -- content.html | The user's content rendered as HTML.
  ReporterDisplayName VARCHAR(255),           -- reporter.display_name @filter | The reporter's display name ("Former user" once deleted).
  ReporterUuid        VARCHAR(38),            -- reporter.uuid @filter | The reporter's id.
  ReporterAccountId   VARCHAR(128),           -- reporter.account_id @filter | The reporter's Atlassian account id.
  ReporterNickname    VARCHAR(255),           -- reporter.nickname | The reporter's nickname.
  AssigneeDisplayName VARCHAR(255),           -- assignee.display_name @filter | The assignee's display name, if any.
  AssigneeUuid        VARCHAR(38),            -- assignee.uuid @filter | The assignee's id.
  AssigneeAccountId   VARCHAR(128),           -- assignee.account_id @filter | The assignee's Atlassian account id.
  AssigneeNickname    VARCHAR(255),           -- assignee.nickname | The assignee's nickname.
  MilestoneId         INTEGER,                -- milestone.id @filter | The milestone's id (Milestones.Id), if any.
  MilestoneName       VARCHAR(255),           -- milestone.name @filter | The milestone's name.
  ComponentId         INTEGER,                -- component.id @filter | The component's id (Components.Id), if any.
  ComponentName       VARCHAR(255),           -- component.name @filter | The component's name.
  VersionId           INTEGER,                -- version.id @filter | The version's id (Versions.Id), if any.
  VersionName         VARCHAR(255),           -- version.name @filter | The version's name.
  RepositoryFullName  VARCHAR(255),           -- repository.full_name | The repository's full name (workspace/slug).
  RepositoryUuid      VARCHAR(38),            -- repository.uuid | The repository's id.
  RepositoryName      VARCHAR(255),           -- repository.name | The repository's name.
  HtmlUrl             VARCHAR(512),           -- links.html.href | The issue's web page.
  PRIMARY KEY (Workspace, RepositorySlug, Id)
);

-- IssueComments: the comments on an issue, oldest first.
-- @endpoint /repositories/{workspace}/{repo_slug}/issues/{issue_id}/comments
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @fanout   issue_id = Issues.Id
-- @empty_on_404
-- @writes   insert, update, delete
CREATE TABLE IssueComments (
  Workspace           VARCHAR(64)   NOT NULL, -- {workspace} | The workspace slug.
  RepositorySlug      VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  IssueId             INTEGER       NOT NULL, -- {issue_id} | The issue's number (Issues.Id).
  Id                  BIGINT        NOT NULL, -- id @filter | The comment's id.
  Type                VARCHAR(32),            -- type | The object type, "issue_comment".
  CreatedOn           TIMESTAMP,              -- created_on @filter | When it was written (UTC).
  UpdatedOn           TIMESTAMP,              -- updated_on @filter | When it was last edited (UTC), if ever.
  Deleted             BIT,                    -- deleted | Whether the comment was deleted.
  ContentRaw          VARCHAR(8000),          -- content.raw @filter | The text as it was typed by a user.
  ContentMarkup       VARCHAR(32),            -- content.markup | The type of markup language the raw content is to be interpreted in.
  ContentHtml         VARCHAR(8000),          -- content.html | The user's content rendered as HTML.
  UserDisplayName     VARCHAR(255),           -- user.display_name @filter | The author's display name.
  UserUuid            VARCHAR(38),            -- user.uuid @filter | The author's id.
  UserAccountId       VARCHAR(128),           -- user.account_id @filter | The author's Atlassian account id.
  UserNickname        VARCHAR(255),           -- user.nickname | The author's nickname.
  HtmlUrl             VARCHAR(512),           -- links.html.href | The comment's web page.
  PRIMARY KEY (Workspace, RepositorySlug, IssueId, Id)
);

-- IssueChanges: the change log of an issue (each edit of its state, kind, assignee...), oldest first.
-- @endpoint /repositories/{workspace}/{repo_slug}/issues/{issue_id}/changes
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @fanout   issue_id = Issues.Id
-- @empty_on_404
-- @writes   insert
CREATE TABLE IssueChanges (
  Workspace           VARCHAR(64)   NOT NULL, -- {workspace} | The workspace slug.
  RepositorySlug      VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  IssueId             INTEGER       NOT NULL, -- {issue_id} | The issue's number (Issues.Id).
  Id                  BIGINT        NOT NULL, -- id @filter @sort | The change's id.
  Type                VARCHAR(32),            -- type | The object type, "issue_change".
  Name                VARCHAR(255),           -- name | The change's name, when the API gives one.
  CreatedOn           TIMESTAMP,              -- created_on @filter @sort | When the change was made (UTC).
  UserDisplayName     VARCHAR(255),           -- user.display_name @filter | Who made it.
  UserUuid            VARCHAR(38),            -- user.uuid @filter | Their id.
  UserAccountId       VARCHAR(128),           -- user.account_id @filter | Their Atlassian account id.
  StateOld            VARCHAR(16),            -- changes.state.old @filter | The state before, if the state changed.
  StateNew            VARCHAR(16),            -- changes.state.new @filter | The state after, if the state changed.
  KindOld             VARCHAR(16),            -- changes.kind.old @filter | The kind before, if it changed.
  KindNew             VARCHAR(16),            -- changes.kind.new @filter | The kind after, if it changed.
  PriorityOld         VARCHAR(16),            -- changes.priority.old @filter | The priority before, if it changed.
  PriorityNew         VARCHAR(16),            -- changes.priority.new @filter | The priority after, if it changed.
  TitleOld            VARCHAR(1024),          -- changes.title.old | The title before, if it changed.
  TitleNew            VARCHAR(1024),          -- changes.title.new | The title after, if it changed.
  AssigneeOld         VARCHAR(255),           -- changes.assignee.old | The assignee before (a raw username, deprecated), if it changed.
  AssigneeNew         VARCHAR(255),           -- changes.assignee.new | The assignee after (a raw username, deprecated), if it changed.
  MilestoneOld        VARCHAR(255),           -- changes.milestone.old | The milestone before, if it changed.
  MilestoneNew        VARCHAR(255),           -- changes.milestone.new | The milestone after, if it changed.
  ComponentOld        VARCHAR(255),           -- changes.component.old | The component before, if it changed.
  ComponentNew        VARCHAR(255),           -- changes.component.new | The component after, if it changed.
  VersionOld          VARCHAR(255),           -- changes.version.old | The version before, if it changed.
  VersionNew          VARCHAR(255),           -- changes.version.new | The version after, if it changed.
  Changes             JSON,                   -- changes | Every changed field with its old and new value, as JSON.
  MessageRaw          VARCHAR(8000),          -- message.raw | The comment made with the change, as typed.
  MessageMarkup       VARCHAR(32),            -- message.markup | The comment's markup language.
  MessageHtml         VARCHAR(8000),          -- message.html | The comment rendered as HTML.
  HtmlUrl             VARCHAR(512),           -- links.html.href | The change's place on the issue's web page.
  PRIMARY KEY (Workspace, RepositorySlug, IssueId, Id)
);

-- IssueAttachments: the files attached to an issue (their names and links, not their contents).
-- @endpoint /repositories/{workspace}/{repo_slug}/issues/{issue_id}/attachments
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @fanout   issue_id = Issues.Id
-- @empty_on_404
-- @writes   insert, delete
CREATE TABLE IssueAttachments (
  Workspace           VARCHAR(64)   NOT NULL, -- {workspace} | The workspace slug.
  RepositorySlug      VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  IssueId             INTEGER       NOT NULL, -- {issue_id} | The issue's number (Issues.Id).
  Name                VARCHAR(1024) NOT NULL, -- name | The file's name.
  Type                VARCHAR(32),            -- type | The object type, "issue_attachment".
  SelfUrl             VARCHAR(1024),          -- links.self.href | Where the file can be downloaded (through a redirect).
  PRIMARY KEY (Workspace, RepositorySlug, IssueId, Name)
);

-- Components: the components defined in a repository's issue tracker.
-- @endpoint /repositories/{workspace}/{repo_slug}/components
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @empty_on_404
-- @writes   none
CREATE TABLE Components (
  Workspace           VARCHAR(64)   NOT NULL, -- {workspace} | The workspace slug.
  RepositorySlug      VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  Id                  INTEGER       NOT NULL, -- id | The component's id.
  Name                VARCHAR(255),           -- name | The component's name.
  Type                VARCHAR(32),            -- type | The object type, "component".
  SelfUrl             VARCHAR(512),           -- links.self.href | The component's API address.
  PRIMARY KEY (Workspace, RepositorySlug, Id)
);

-- Milestones: the milestones defined in a repository's issue tracker.
-- @endpoint /repositories/{workspace}/{repo_slug}/milestones
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @empty_on_404
-- @writes   none
CREATE TABLE Milestones (
  Workspace           VARCHAR(64)   NOT NULL, -- {workspace} | The workspace slug.
  RepositorySlug      VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  Id                  INTEGER       NOT NULL, -- id | The milestone's id.
  Name                VARCHAR(255),           -- name | The milestone's name.
  Type                VARCHAR(32),            -- type | The object type, "milestone".
  SelfUrl             VARCHAR(512),           -- links.self.href | The milestone's API address.
  PRIMARY KEY (Workspace, RepositorySlug, Id)
);

-- Versions: the versions defined in a repository's issue tracker.
-- @endpoint /repositories/{workspace}/{repo_slug}/versions
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @empty_on_404
-- @writes   none
CREATE TABLE Versions (
  Workspace           VARCHAR(64)   NOT NULL, -- {workspace} | The workspace slug.
  RepositorySlug      VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  Id                  INTEGER       NOT NULL, -- id | The version's id.
  Name                VARCHAR(255),           -- name | The version's name.
  Type                VARCHAR(32),            -- type | The object type, "version".
  SelfUrl             VARCHAR(512),           -- links.self.href | The version's API address.
  PRIMARY KEY (Workspace, RepositorySlug, Id)
);
