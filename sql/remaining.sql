-- UserWorkspaces: the workspaces the current user can access, and whether the user administers each.
-- @endpoint /user/workspaces
-- @pagelen  100
-- @writes   none
CREATE TABLE UserWorkspaces (
  Workspace          VARCHAR(64)  NOT NULL, -- workspace.slug | The short label that identifies this workspace.
  WorkspaceUuid      VARCHAR(38),           -- workspace.uuid | The workspace's immutable id.
  WorkspaceType      VARCHAR(32),           -- workspace.type | The workspace's object type, "workspace_base".
  WorkspaceUrl       VARCHAR(512),          -- workspace.links.self.href | The workspace's API link.
  WorkspaceAvatarUrl VARCHAR(512),          -- workspace.links.avatar.href | The workspace's avatar image.
  Administrator      BIT,                   -- administrator | The permission level the user has for the workspace. True if the user is an administrator, otherwise False.
  Type               VARCHAR(32),           -- type | The object type, "workspace_access".
  PRIMARY KEY (Workspace)
);

-- UserSshKeys: the SSH public keys of an account (the current user's, unless SelectedUser names another one the credentials may read).
-- @endpoint /users/{selected_user}/ssh-keys
-- @pagelen  100
-- @fanout   selected_user = CurrentUser.Uuid
-- @writes   insert, update, delete
CREATE TABLE UserSshKeys (
  SelectedUser     VARCHAR(128) NOT NULL, -- {selected_user} | The account, as given in the URL: its UUID in braces or its Atlassian account id.
  Uuid             VARCHAR(38)  NOT NULL, -- uuid | The SSH key's immutable ID.
  Type             VARCHAR(32),           -- type | The object type, "ssh_key".
  Key              VARCHAR(8000),         -- key | The SSH public key value in OpenSSH format.
  Comment          VARCHAR(1024),         -- comment | The comment parsed from the SSH key (if present).
  Label            VARCHAR(255),          -- label | The user-defined label for the SSH key.
  Fingerprint      VARCHAR(128),          -- fingerprint | The SSH key fingerprint in SHA-256 format.
  CreatedOn        TIMESTAMP,             -- created_on | When the key was added (UTC).
  LastUsed         TIMESTAMP,             -- last_used | When the key was last used (UTC); NULL if never.
  ExpiresOn        TIMESTAMP,             -- expires_on | When the key expires (UTC); NULL if it does not.
  OwnerUuid        VARCHAR(38),           -- owner.uuid | The owning account's id.
  OwnerDisplayName VARCHAR(255),          -- owner.display_name | The owning account's display name.
  OwnerNickname    VARCHAR(255),          -- owner.nickname | The owning account's nickname.
  OwnerAccountId   VARCHAR(128),          -- owner.account_id | The owning account's Atlassian account id.
  Url              VARCHAR(512),          -- links.self.href | The key's API link.
  PRIMARY KEY (SelectedUser, Uuid)
);

-- UserGpgKeys: the GPG public keys of an account (the current user's, unless SelectedUser names another one the credentials may read).
-- @endpoint /users/{selected_user}/gpg-keys
-- @pagelen  100
-- @fields   +values.key,+values.subkeys
-- @fanout   selected_user = CurrentUser.Uuid
-- @writes   insert, delete
CREATE TABLE UserGpgKeys (
  SelectedUser      VARCHAR(128) NOT NULL, -- {selected_user} | The account, as given in the URL: its UUID in braces or its Atlassian account id.
  Fingerprint       VARCHAR(128) NOT NULL, -- fingerprint | The GPG key fingerprint.
  KeyId             VARCHAR(64),           -- key_id | The unique identifier for the GPG key.
  Type              VARCHAR(32),           -- type | The object type, "gpg_key".
  Name              VARCHAR(255),          -- name | The user-defined label for the GPG key.
  ParentFingerprint VARCHAR(128),          -- parent_fingerprint | The fingerprint of the parent key. This value is null unless the current key is a subkey.
  Key               VARCHAR(8000),         -- key | The GPG key value in X format (asked for with fields=).
  Subkeys           JSON,                  -- subkeys | The key's subkeys, as JSON (asked for with fields=).
  CreatedOn         TIMESTAMP,             -- created_on | When the key was created (UTC).
  AddedOn           TIMESTAMP,             -- added_on | When the key was added to the account (UTC).
  LastUsed          TIMESTAMP,             -- last_used | When the key was last used (UTC); NULL if never.
  ExpiresOn         TIMESTAMP,             -- expires_on | When the key expires (UTC); NULL if it does not.
  OwnerUuid         VARCHAR(38),           -- owner.uuid | The owning account's id.
  OwnerDisplayName  VARCHAR(255),          -- owner.display_name | The owning account's display name.
  OwnerNickname     VARCHAR(255),          -- owner.nickname | The owning account's nickname.
  OwnerAccountId    VARCHAR(128),          -- owner.account_id | The owning account's Atlassian account id.
  Url               VARCHAR(512),          -- links.self.href | The key's API link.
  PRIMARY KEY (SelectedUser, Fingerprint)
);

-- UserPipelineVariables: the Pipelines variables of a user account (a deprecated endpoint; workspace variables replace it).
-- @endpoint /users/{selected_user}/pipelines_config/variables
-- @pagelen  100
-- @fanout   selected_user = CurrentUser.Uuid
-- @writes   insert, update, delete
CREATE TABLE UserPipelineVariables (
  SelectedUser VARCHAR(128) NOT NULL, -- {selected_user} | The account, as given in the URL: its UUID in braces or its Atlassian account id.
  Uuid         VARCHAR(38)  NOT NULL, -- uuid | The UUID identifying the variable.
  Type         VARCHAR(32),           -- type | The object type, "pipeline_variable".
  Key          VARCHAR(255),          -- key | The unique name of the variable.
  Value        VARCHAR(8000),         -- value | The value of the variable. If the variable is secured, this will be empty.
  Secured      BIT,                   -- secured | If true, this variable will be treated as secured. The value will never be exposed in the logs or the REST API.
  PRIMARY KEY (SelectedUser, Uuid)
);

-- UserPullRequests: the pull requests a user authored in any repository of a workspace, in every state.
-- @endpoint /workspaces/{workspace}/pullrequests/{selected_user}
-- @pagelen  50
-- @fields   +values.reviewers,+values.participants
-- @fanout   workspace = Workspaces.Slug
-- @fanout   selected_user = CurrentUser.Uuid
-- @writes   none
CREATE TABLE UserPullRequests (
  Workspace                 VARCHAR(64)   NOT NULL, -- {workspace} | The workspace of the destination repositories.
  SelectedUser              VARCHAR(128)  NOT NULL, -- {selected_user} | The author, as given in the URL: username, UUID in braces or Atlassian account id.
  DestinationRepositoryFullName VARCHAR(255) NOT NULL, -- destination.repository.full_name | The repository merged into (workspace/slug).
  Id                        INTEGER       NOT NULL, -- id | The pull request's number within its repository.
  Title                     VARCHAR(1024),          -- title | The title.
  Description               VARCHAR(8000),          -- description | The description, as Markdown.
  State                     VARCHAR(16),            -- state @param state=OPEN,MERGED,DECLINED,SUPERSEDED | OPEN, MERGED, DECLINED or SUPERSEDED.
  Type                      VARCHAR(32),            -- type | The object type, "pullrequest".
  Draft                     BIT,                    -- draft | Whether the pull request is a draft.
  Queued                    BIT,                    -- queued | Whether it waits in the merge queue.
  CommentCount              INTEGER,                -- comment_count | The number of comments.
  TaskCount                 INTEGER,                -- task_count | The number of open tasks.
  CloseSourceBranch         BIT,                    -- close_source_branch | Whether the source branch is closed on merge.
  Reason                    VARCHAR(1024),          -- reason | Why it was declined, if it was.
  CreatedOn                 TIMESTAMP,              -- created_on | When it was opened (UTC).
  UpdatedOn                 TIMESTAMP,              -- updated_on | When it last changed (UTC).
  AuthorDisplayName         VARCHAR(255),           -- author.display_name | The author's display name ("Former user" once deleted).
  AuthorUuid                VARCHAR(38),            -- author.uuid | The author's id.
  AuthorAccountId           VARCHAR(128),           -- author.account_id | The author's Atlassian account id.
  AuthorNickname            VARCHAR(255),           -- author.nickname | The author's nickname.
  AuthorType                VARCHAR(32),            -- author.type | The author's object type.
  ClosedByDisplayName       VARCHAR(255),           -- closed_by.display_name | Who merged or declined it.
  ClosedByUuid              VARCHAR(38),            -- closed_by.uuid | The id of who merged or declined it.
  ClosedByAccountId         VARCHAR(128),           -- closed_by.account_id | Their Atlassian account id.
  SourceBranchName          VARCHAR(255),           -- source.branch.name | The branch to merge from.
  SourceCommitHash          VARCHAR(64),            -- source.commit.hash | The source branch's head commit.
  SourceRepositoryFullName  VARCHAR(255),           -- source.repository.full_name | The repository the changes come from.
  SourceRepositoryName      VARCHAR(255),           -- source.repository.name | Its name.
  SourceRepositoryUuid      VARCHAR(38),            -- source.repository.uuid | Its id.
  DestinationBranchName     VARCHAR(255),           -- destination.branch.name | The branch to merge into.
  DestinationCommitHash     VARCHAR(64),            -- destination.commit.hash | The destination's commit.
  DestinationRepositoryName VARCHAR(255),           -- destination.repository.name | The destination repository's name.
  DestinationRepositoryUuid VARCHAR(38),            -- destination.repository.uuid | Its id.
  MergeCommitHash           VARCHAR(64),            -- merge_commit.hash | The merge commit, once merged.
  SummaryRaw                VARCHAR(8000),          -- summary.raw | The description's raw text.
  SummaryMarkup             VARCHAR(32),            -- summary.markup | The description's markup language.
  SummaryHtml               VARCHAR(8000),          -- summary.html | The description rendered as HTML.
  Rendered                  JSON,                   -- rendered | User provided pull request text (title, description), interpreted in a markup language and rendered in HTML, as JSON.
  HtmlUrl                   VARCHAR(512),           -- links.html.href | The pull request's web page.
  Reviewers                 JSON,                   -- reviewers | The reviewers, as JSON (asked for with fields=, once per page).
  Participants              JSON,                   -- participants | The participants, as JSON (asked for with fields=, once per page).
  PRIMARY KEY (Workspace, SelectedUser, DestinationRepositoryFullName, Id)
);

-- CommitPullRequests: the pull requests, in any state, as part of which a commit was reviewed (needs the Pull Request Commit Links app, which the web interface installs).
-- @endpoint /repositories/{workspace}/{repo_slug}/commit/{commit}/pullrequests
-- @pagelen  50
-- @fields   +values.reviewers,+values.participants
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @fanout   commit = Commits.Hash
-- @writes   none
CREATE TABLE CommitPullRequests (
  Workspace                 VARCHAR(64)   NOT NULL, -- {workspace} | The workspace of the repository.
  RepositorySlug            VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  CommitHash                VARCHAR(64)   NOT NULL, -- {commit} | The commit, as given in the URL.
  Id                        INTEGER       NOT NULL, -- id | The pull request's number within its repository.
  Title                     VARCHAR(1024),          -- title | The title.
  Description               VARCHAR(8000),          -- description | The description, as Markdown.
  State                     VARCHAR(16),            -- state | OPEN, MERGED, DECLINED or SUPERSEDED.
  Type                      VARCHAR(32),            -- type | The object type, "pullrequest".
  Draft                     BIT,                    -- draft | Whether the pull request is a draft.
  Queued                    BIT,                    -- queued | Whether it waits in the merge queue.
  CommentCount              INTEGER,                -- comment_count | The number of comments.
  TaskCount                 INTEGER,                -- task_count | The number of open tasks.
  CloseSourceBranch         BIT,                    -- close_source_branch | Whether the source branch is closed on merge.
  Reason                    VARCHAR(1024),          -- reason | Why it was declined, if it was.
  CreatedOn                 TIMESTAMP,              -- created_on | When it was opened (UTC).
  UpdatedOn                 TIMESTAMP,              -- updated_on | When it last changed (UTC).
  AuthorDisplayName         VARCHAR(255),           -- author.display_name | The author's display name ("Former user" once deleted).
  AuthorUuid                VARCHAR(38),            -- author.uuid | The author's id.
  AuthorAccountId           VARCHAR(128),           -- author.account_id | The author's Atlassian account id.
  AuthorNickname            VARCHAR(255),           -- author.nickname | The author's nickname.
  AuthorType                VARCHAR(32),            -- author.type | The author's object type.
  ClosedByDisplayName       VARCHAR(255),           -- closed_by.display_name | Who merged or declined it.
  ClosedByUuid              VARCHAR(38),            -- closed_by.uuid | The id of who merged or declined it.
  ClosedByAccountId         VARCHAR(128),           -- closed_by.account_id | Their Atlassian account id.
  SourceBranchName          VARCHAR(255),           -- source.branch.name | The branch to merge from.
  SourceCommitHash          VARCHAR(64),            -- source.commit.hash | The source branch's head commit.
  SourceRepositoryFullName  VARCHAR(255),           -- source.repository.full_name | The repository the changes come from.
  SourceRepositoryName      VARCHAR(255),           -- source.repository.name | Its name.
  SourceRepositoryUuid      VARCHAR(38),            -- source.repository.uuid | Its id.
  DestinationBranchName     VARCHAR(255),           -- destination.branch.name | The branch to merge into.
  DestinationCommitHash     VARCHAR(64),            -- destination.commit.hash | The destination's commit.
  DestinationRepositoryFullName VARCHAR(255),       -- destination.repository.full_name | The repository merged into.
  DestinationRepositoryName VARCHAR(255),           -- destination.repository.name | Its name.
  DestinationRepositoryUuid VARCHAR(38),            -- destination.repository.uuid | Its id.
  MergeCommitHash           VARCHAR(64),            -- merge_commit.hash | The merge commit, once merged.
  SummaryRaw                VARCHAR(8000),          -- summary.raw | The description's raw text.
  SummaryMarkup             VARCHAR(32),            -- summary.markup | The description's markup language.
  SummaryHtml               VARCHAR(8000),          -- summary.html | The description rendered as HTML.
  Rendered                  JSON,                   -- rendered | User provided pull request text (title, description), interpreted in a markup language and rendered in HTML, as JSON.
  HtmlUrl                   VARCHAR(512),           -- links.html.href | The pull request's web page.
  Reviewers                 JSON,                   -- reviewers | The reviewers, as JSON (asked for with fields=, once per page).
  Participants              JSON,                   -- participants | The participants, as JSON (asked for with fields=, once per page).
  PRIMARY KEY (Workspace, RepositorySlug, CommitHash, Id)
);

-- RepositoryRunners: the self-hosted Pipelines runners registered on a repository.
-- @endpoint /repositories/{workspace}/{repo_slug}/pipelines-config/runners
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @writes   insert, update, delete
CREATE TABLE RepositoryRunners (
  Workspace             VARCHAR(64)   NOT NULL, -- {workspace} | The workspace of the repository.
  RepositorySlug        VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  Uuid                  VARCHAR(38)   NOT NULL, -- uuid | The UUID identifying the runner.
  Type                  VARCHAR(32),            -- type | The object type, "pipeline_runner".
  Name                  VARCHAR(255),           -- name | The name of the runner.
  Labels                JSON,                   -- labels | Labels assigned to the runner for identification and routing, as JSON.
  Status                VARCHAR(16),            -- state.status | The current status of the runner: UNREGISTERED, ONLINE, OFFLINE, DISABLED, ENABLED or UNHEALTHY.
  Cordoned              BIT,                    -- state.cordoned | Whether the runner is cordoned (prevented from accepting new steps).
  StateUpdatedOn        TIMESTAMP,              -- state.updated_on | The timestamp when the runner state was last updated (UTC).
  Version               VARCHAR(32),            -- state.version.version | The currently installed version of the runner.
  CurrentVersion        VARCHAR(32),            -- state.version.current | The current recommended version of the runner.
  CreatedOn             TIMESTAMP,              -- created_on | The timestamp when the runner was created (UTC).
  UpdatedOn             TIMESTAMP,              -- updated_on | The timestamp when the runner was last updated (UTC).
  OauthClientId         VARCHAR(128),           -- oauth_client.id | The OAuth client ID.
  OauthTokenEndpoint    VARCHAR(512),           -- oauth_client.token_endpoint | The OAuth token endpoint URL.
  OauthAudience         VARCHAR(255),           -- oauth_client.audience | The intended audience for the OAuth token.
  PRIMARY KEY (Workspace, RepositorySlug, Uuid)
);

-- PipelineKnownHosts: the SSH known hosts a repository's pipelines trust.
-- @endpoint /repositories/{workspace}/{repo_slug}/pipelines_config/ssh/known_hosts
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @writes   insert, update, delete
CREATE TABLE PipelineKnownHosts (
  Workspace               VARCHAR(64)   NOT NULL, -- {workspace} | The workspace of the repository.
  RepositorySlug          VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  Uuid                    VARCHAR(38)   NOT NULL, -- uuid | The UUID identifying the known host.
  Type                    VARCHAR(32),            -- type | The object type, "pipeline_known_host".
  Hostname                VARCHAR(255),           -- hostname | The hostname of the known host.
  PublicKeyType           VARCHAR(32),            -- public_key.key_type | The type of the public key.
  PublicKey               VARCHAR(8000),          -- public_key.key | The base64 encoded public key.
  PublicKeyMd5Fingerprint VARCHAR(128),           -- public_key.md5_fingerprint | The MD5 fingerprint of the public key.
  PublicKeySha256Fingerprint VARCHAR(128),        -- public_key.sha256_fingerprint | The SHA-256 fingerprint of the public key.
  PRIMARY KEY (Workspace, RepositorySlug, Uuid)
);

-- Files: the files and directories at the root of a repository's main branch (none for an empty repository).
-- @endpoint /repositories/{workspace}/{repo_slug}/src
-- @pagelen  100
-- @empty_on_404
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @writes   insert
CREATE TABLE Files (
  Workspace      VARCHAR(64)   NOT NULL, -- {workspace} | The workspace of the repository.
  RepositorySlug VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  Path           VARCHAR(1024) NOT NULL, -- path | The path in the repository.
  Type           VARCHAR(32),            -- type | commit_file for a file, commit_directory for a directory.
  Size           BIGINT,                 -- size | A file's size in bytes; NULL for a directory.
  Mimetype       VARCHAR(128),           -- mimetype | A file's MIME type, when Bitbucket knows it.
  Attributes     JSON,                   -- attributes | A file's modifiers (link, executable, subrepository, binary, lfs), as JSON.
  EscapedPath    VARCHAR(1024),          -- escaped_path | The escaped version of the path as it appears in a diff. If the path does not require escaping this will be the same as path.
  CommitHash     VARCHAR(64),            -- commit.hash | The main branch's head commit the listing is of.
  Url            VARCHAR(1024),          -- links.self.href | The API link to the file's contents or the directory's listing.
  PRIMARY KEY (Workspace, RepositorySlug, Path)
);
