-- Commits: the commits of a repository on every branch and tag, newest first (git log --all).
-- @endpoint /repositories/{workspace}/{repo_slug}/commits
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @writes   none
CREATE TABLE Commits (
  Workspace             VARCHAR(64)   NOT NULL, -- {workspace} | The workspace of the repository.
  RepositorySlug        VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  Hash                  VARCHAR(64)   NOT NULL, -- hash | The commit's full SHA-1 hash.
  Type                  VARCHAR(32),            -- type | The object type, "commit".
  Date                  TIMESTAMP,              -- date | When the commit was authored (UTC).
  Message               VARCHAR(8000),          -- message | The commit message.
  SummaryRaw            VARCHAR(8000),          -- summary.raw | The message's raw text.
  SummaryMarkup         VARCHAR(32),            -- summary.markup | The markup language the message is rendered with.
  SummaryHtml           VARCHAR(8000),          -- summary.html | The message rendered as HTML.
  AuthorRaw             VARCHAR(512),           -- author.raw | The author as Git recorded it ("Name <e-mail>").
  AuthorType            VARCHAR(32),            -- author.type | The author's object type, "author".
  AuthorUserDisplayName VARCHAR(255),           -- author.user.display_name | The Bitbucket account of the author; NULL when the e-mail is linked to none.
  AuthorUserUuid        VARCHAR(38),            -- author.user.uuid | That account's id.
  AuthorUserAccountId   VARCHAR(128),           -- author.user.account_id | That account's Atlassian account id.
  AuthorUserNickname    VARCHAR(255),           -- author.user.nickname | That account's nickname.
  AuthorUserType        VARCHAR(32),            -- author.user.type | That account's object type.
  Parents               JSON,                   -- parents | The parent commits (two or more for a merge), as JSON.
  RepositoryFullName    VARCHAR(255),           -- repository.full_name | The repository holding the commit.
  RepositoryName        VARCHAR(255),           -- repository.name | Its name.
  RepositoryUuid        VARCHAR(38),            -- repository.uuid | Its id.
  Rendered              JSON,                   -- rendered | The message rendered in its markup language, as JSON.
  HtmlUrl               VARCHAR(512),           -- links.html.href | The commit's web page.
  PRIMARY KEY (Workspace, RepositorySlug, Hash)
);

-- CommitComments: the comments on a commit, global and inline, oldest first.
-- @endpoint /repositories/{workspace}/{repo_slug}/commit/{commit}/comments
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @fanout   commit = Commits.Hash
-- @writes   insert, update, delete
CREATE TABLE CommitComments (
  Workspace          VARCHAR(64)   NOT NULL, -- {workspace} | The workspace of the repository.
  RepositorySlug     VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  CommitHash         VARCHAR(64)   NOT NULL, -- {commit} | The commit commented on, as given in the URL.
  Id                 BIGINT        NOT NULL, -- id @filter @sort | The comment's id.
  Type               VARCHAR(32),            -- type | The object type, "commit_comment".
  CreatedOn          TIMESTAMP,              -- created_on @filter @sort | When the comment was made (UTC).
  UpdatedOn          TIMESTAMP,              -- updated_on @filter @sort | When it was last edited (UTC).
  ContentRaw         VARCHAR(8000),          -- content.raw @filter | The text of the comment.
  ContentMarkup      VARCHAR(32),            -- content.markup | The markup language of the text.
  ContentHtml        VARCHAR(8000),          -- content.html | The text rendered as HTML.
  UserDisplayName    VARCHAR(255),           -- user.display_name @filter | The author's display name ("Former user" once deleted).
  UserUuid           VARCHAR(38),            -- user.uuid @filter | The author's id.
  UserAccountId      VARCHAR(128),           -- user.account_id @filter | The author's Atlassian account id.
  UserNickname       VARCHAR(255),           -- user.nickname | The author's nickname.
  UserType           VARCHAR(32),            -- user.type | The author's object type.
  Deleted            BIT,                    -- deleted @filter | Whether the comment was deleted.
  ParentId           BIGINT,                 -- parent.id @filter | For a reply, the comment it answers.
  InlinePath         VARCHAR(1024),          -- inline.path @filter | For an inline comment, the path of the file.
  InlineFrom         INTEGER,                -- inline.from | For an inline comment, the line in the old version.
  InlineTo           INTEGER,                -- inline.to | For an inline comment, the line in the new version.
  HtmlUrl            VARCHAR(512),           -- links.html.href | The comment's web page.
  PRIMARY KEY (Workspace, RepositorySlug, CommitHash, Id)
);

-- CommitStatuses: the build statuses reported on a commit.
-- @endpoint /repositories/{workspace}/{repo_slug}/commit/{commit}/statuses
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @fanout   commit = Commits.Hash
-- @writes   none
CREATE TABLE CommitStatuses (
  Workspace          VARCHAR(64)   NOT NULL, -- {workspace} | The workspace of the repository.
  RepositorySlug     VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  CommitHash         VARCHAR(64)   NOT NULL, -- {commit} | The commit the status is about, as given in the URL.
  Key                VARCHAR(255)  NOT NULL, -- key @filter @sort | An identifier for the status that's unique to its type (current "build" is the only supported type) and the vendor, e.g. BB-DEPLOY.
  Type               VARCHAR(32),            -- type | The status's type, "build".
  Name               VARCHAR(255),           -- name @filter @sort | An identifier for the build itself, e.g. BB-DEPLOY-1.
  Description        VARCHAR(4000),          -- description @filter | A description of the build (e.g. "Unit tests in Bamboo").
  State              VARCHAR(16),            -- state @filter @sort | FAILED, INPROGRESS, STOPPED or SUCCESSFUL.
  Refname            VARCHAR(255),           -- refname @filter | The name of the ref that pointed to this commit when the status was created; NULL if none was given.
  Url                VARCHAR(1024),          -- url @filter | A URL linking back to the vendor or build system.
  CreatedOn          TIMESTAMP,              -- created_on @filter @sort | When the status was created (UTC).
  UpdatedOn          TIMESTAMP,              -- updated_on @filter @sort | When it last changed (UTC).
  RepositoryFullName VARCHAR(255),           -- repository.full_name | The repository of the commit.
  RepositoryUuid     VARCHAR(38),            -- repository.uuid | Its id.
  RepositoryName     VARCHAR(255),           -- repository.name | Its name.
  PRIMARY KEY (Workspace, RepositorySlug, CommitHash, Key)
);

-- Reports: the Code Insights reports (tests, coverage, security scans) attached to a commit.
-- @endpoint /repositories/{workspace}/{repo_slug}/commit/{commit}/reports
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @fanout   commit = Commits.Hash
-- @writes   update, delete
CREATE TABLE Reports (
  Workspace          VARCHAR(64)   NOT NULL, -- {workspace} | The workspace of the repository.
  RepositorySlug     VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  CommitHash         VARCHAR(64)   NOT NULL, -- {commit} | The commit the report belongs to, as given in the URL.
  Uuid               VARCHAR(38)   NOT NULL, -- uuid | The UUID that can be used to identify the report.
  Type               VARCHAR(32),            -- type | The object type, "report".
  Title              VARCHAR(255),           -- title | The title of the report.
  Details            VARCHAR(4000),          -- details | A string to describe the purpose of the report.
  ExternalId         VARCHAR(255),           -- external_id | ID of the report provided by the report creator.
  Reporter           VARCHAR(255),           -- reporter | A string to describe the tool or company who created the report.
  Link               VARCHAR(1024),          -- link | A URL linking to the results of the report in an external tool.
  RemoteLinkEnabled  BIT,                    -- remote_link_enabled | If enabled, a remote link is created in Jira for the work item associated with the commit the report belongs to.
  LogoUrl            VARCHAR(1024),          -- logo_url | A URL to the report logo.
  ReportType         VARCHAR(16),            -- report_type | SECURITY, COVERAGE, TEST or BUG.
  Result             VARCHAR(16),            -- result | PASSED, FAILED or PENDING.
  Data               JSON,                   -- data | The data fields displayed on the report (at most 10), as JSON.
  CreatedOn          TIMESTAMP,              -- created_on | The timestamp when the report was created (UTC).
  UpdatedOn          TIMESTAMP,              -- updated_on | The timestamp when the report was updated (UTC).
  PRIMARY KEY (Workspace, RepositorySlug, CommitHash, Uuid)
);

-- ReportAnnotations: the annotations (findings on files and lines) of a Code Insights report.
-- @endpoint /repositories/{workspace}/{repo_slug}/commit/{commit}/reports/{report_id}/annotations
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @fanout   commit = Commits.Hash
-- @fanout   report_id = Reports.Uuid
-- @writes   insert, update, delete
CREATE TABLE ReportAnnotations (
  Workspace          VARCHAR(64)   NOT NULL, -- {workspace} | The workspace of the repository.
  RepositorySlug     VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  CommitHash         VARCHAR(64)   NOT NULL, -- {commit} | The commit of the report, as given in the URL.
  ReportUuid         VARCHAR(38)   NOT NULL, -- {report_id} | The report's uuid (or its external id, as given in the URL).
  Uuid               VARCHAR(38)   NOT NULL, -- uuid | The UUID that can be used to identify the annotation.
  Type               VARCHAR(32),            -- type | The object type, "report_annotation".
  ExternalId         VARCHAR(255),           -- external_id | ID of the annotation provided by the annotation creator.
  AnnotationType     VARCHAR(16),            -- annotation_type | VULNERABILITY, CODE_SMELL or BUG.
  Path               VARCHAR(1024),          -- path | The path of the file on which this annotation should be placed, relative to the repository.
  Line               INTEGER,                -- line | The line number that the annotation should belong to.
  Summary            VARCHAR(1024),          -- summary | The message to display to users.
  Details            VARCHAR(4000),          -- details | The details to show to users when clicking on the annotation.
  Result             VARCHAR(16),            -- result | PASSED, FAILED, SKIPPED or IGNORED.
  Severity           VARCHAR(16),            -- severity | CRITICAL, HIGH, MEDIUM or LOW.
  Link               VARCHAR(1024),          -- link | A URL linking to the annotation in an external tool.
  CreatedOn          TIMESTAMP,              -- created_on | The timestamp when the annotation was created (UTC).
  UpdatedOn          TIMESTAMP,              -- updated_on | The timestamp when the annotation was updated (UTC).
  PRIMARY KEY (Workspace, RepositorySlug, CommitHash, ReportUuid, Uuid)
);

-- Diffstats: the files a commit changed against its first parent, with the lines added and removed.
-- @endpoint /repositories/{workspace}/{repo_slug}/diffstat/{commit}
-- @pagelen  5000
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @fanout   commit = Commits.Hash
-- @writes   none
CREATE TABLE Diffstats (
  Workspace          VARCHAR(64)   NOT NULL, -- {workspace} | The workspace of the repository.
  RepositorySlug     VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  CommitHash         VARCHAR(64)   NOT NULL, -- {commit} | The commit (the diffstat's spec), as given in the URL.
  Status             VARCHAR(16),            -- status | added, removed, modified or renamed.
  Type               VARCHAR(32),            -- type | The object type, "diffstat".
  LinesAdded         INTEGER,                -- lines_added | The number of lines added.
  LinesRemoved       INTEGER,                -- lines_removed | The number of lines removed.
  OldPath            VARCHAR(1024),          -- old.path | The path in the parent commit; NULL for an added file.
  OldType            VARCHAR(32),            -- old.type | The old side's object type, "commit_file".
  OldUrl             VARCHAR(1024),          -- old.links.self.href | The API link to the old version of the file.
  NewPath            VARCHAR(1024),          -- new.path | The path in the commit ("" for a removed file, as the API gives it).
  NewType            VARCHAR(32),            -- new.type | The new side's object type, "commit_file".
  NewUrl             VARCHAR(1024),          -- new.links.self.href | The API link to the new version of the file.
  PRIMARY KEY (Workspace, RepositorySlug, CommitHash, OldPath, NewPath)
);
