-- PullRequestComments: the comments on a pull request: global, inline and replies.
-- @endpoint /repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/comments
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @fanout   pull_request_id = PullRequests.Id
-- @writes   insert, update, delete
CREATE TABLE PullRequestComments (
  Workspace                 VARCHAR(64)   NOT NULL, -- {workspace} | The workspace of the pull request's repository.
  RepositorySlug            VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  PullRequestId             INTEGER       NOT NULL, -- {pull_request_id} | The id of the pull request.
  Id                        INTEGER       NOT NULL, -- id @filter @sort | The comment's id.
  Type                      VARCHAR(32),            -- type | The object type, "pullrequest_comment".
  CreatedOn                 TIMESTAMP,              -- created_on @filter @sort | When the comment was made (UTC).
  UpdatedOn                 TIMESTAMP,              -- updated_on @filter @sort | When the comment was last edited (UTC).
  ContentRaw                VARCHAR(8000),          -- content.raw @filter | The text as it was typed by a user.
  ContentMarkup             VARCHAR(32),            -- content.markup | The type of markup language the raw content is to be interpreted in: markdown, creole or plaintext.
  ContentHtml               VARCHAR(8000),          -- content.html | The user's content rendered as HTML.
  ContentType               VARCHAR(32),            -- content.type | The content's object type, "rendered".
  UserDisplayName           VARCHAR(255),           -- user.display_name @filter | The commenter's display name ("Former user" once deleted).
  UserUuid                  VARCHAR(38),            -- user.uuid @filter | The commenter's id.
  UserAccountId             VARCHAR(128),           -- user.account_id @filter | The commenter's Atlassian account id.
  UserNickname              VARCHAR(255),           -- user.nickname | The commenter's nickname.
  UserType                  VARCHAR(32),            -- user.type | The commenter's object type.
  Deleted                   BIT,                    -- deleted @filter | Whether the comment was deleted.
  Pending                   BIT,                    -- pending | Whether the comment is a draft not yet published; NULL when the API leaves it out.
  InlinePath                VARCHAR(1024),          -- inline.path @filter | For an inline comment, the path of the file this comment is anchored to; NULL for a global comment.
  InlineFrom                INTEGER,                -- inline.from | The comment's anchor line in the old version of the file (the ending line of a multi-line comment).
  InlineTo                  INTEGER,                -- inline.to | The comment's anchor line in the new version of the file (the ending line of a multi-line comment).
  InlineStartFrom           INTEGER,                -- inline.start_from | The starting line number in the old version of the file, if the comment is a multi-line comment.
  InlineStartTo             INTEGER,                -- inline.start_to | The starting line number in the new version of the file, if the comment is a multi-line comment.
  ParentId                  INTEGER,                -- parent.id @filter | For a reply, the id of the comment it answers.
  ResolutionType            VARCHAR(32),            -- resolution.type | For a resolved comment, the resolution's object type.
  ResolutionUserDisplayName VARCHAR(255),           -- resolution.user.display_name | Who resolved the comment.
  ResolutionUserUuid        VARCHAR(38),            -- resolution.user.uuid | The id of who resolved the comment.
  ResolutionCreatedOn       TIMESTAMP,              -- resolution.created_on | The ISO8601 timestamp the resolution was created (UTC).
  PullRequestTitle          VARCHAR(1024),          -- pullrequest.title | The title of the pull request commented on.
  HtmlUrl                   VARCHAR(512),           -- links.html.href | The comment's web page.
  CodeUrl                   VARCHAR(1024),          -- links.code.href | For an inline comment, the diff of the file it is anchored to.
  PRIMARY KEY (Workspace, RepositorySlug, PullRequestId, Id)
);

-- PullRequestCommits: the commits a pull request would merge into its destination branch.
-- @endpoint /repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/commits
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @fanout   pull_request_id = PullRequests.Id
-- @writes   none
CREATE TABLE PullRequestCommits (
  Workspace                 VARCHAR(64)   NOT NULL, -- {workspace} | The workspace of the pull request's repository.
  RepositorySlug            VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  PullRequestId             INTEGER       NOT NULL, -- {pull_request_id} | The id of the pull request.
  Hash                      VARCHAR(64)   NOT NULL, -- hash | The commit's full hash.
  Type                      VARCHAR(32),            -- type | The object type, "commit".
  Date                      TIMESTAMP,              -- date | The commit's date (UTC).
  Message                   VARCHAR(8000),          -- message | The commit message.
  AuthorRaw                 VARCHAR(512),           -- author.raw | The raw author value from the repository, as "Name <e-mail>".
  AuthorType                VARCHAR(32),            -- author.type | The author's object type, "author".
  AuthorUserDisplayName     VARCHAR(255),           -- author.user.display_name | The Bitbucket account the author maps to; NULL when none does.
  AuthorUserUuid            VARCHAR(38),            -- author.user.uuid | That account's id.
  AuthorUserAccountId       VARCHAR(128),           -- author.user.account_id | That account's Atlassian account id.
  AuthorUserNickname        VARCHAR(255),           -- author.user.nickname | That account's nickname.
  SummaryRaw                VARCHAR(8000),          -- summary.raw | The commit message as it was typed.
  SummaryMarkup             VARCHAR(32),            -- summary.markup | The type of markup language the message is interpreted in.
  SummaryHtml               VARCHAR(8000),          -- summary.html | The commit message rendered as HTML.
  Parents                   JSON,                   -- parents | The parent commits, as JSON.
  RepositoryFullName        VARCHAR(255),           -- repository.full_name | The repository holding the commit (the source repository of the pull request).
  RepositoryName            VARCHAR(255),           -- repository.name | Its name.
  RepositoryUuid            VARCHAR(38),            -- repository.uuid | Its id.
  HtmlUrl                   VARCHAR(512),           -- links.html.href | The commit's web page.
  PRIMARY KEY (Workspace, RepositorySlug, PullRequestId, Hash)
);

-- PullRequestStatuses: the commit statuses (build results) of a pull request's commits.
-- @endpoint /repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/statuses
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @fanout   pull_request_id = PullRequests.Id
-- @writes   none
CREATE TABLE PullRequestStatuses (
  Workspace                 VARCHAR(64)   NOT NULL, -- {workspace} | The workspace of the pull request's repository.
  RepositorySlug            VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  PullRequestId             INTEGER       NOT NULL, -- {pull_request_id} | The id of the pull request.
  Key                       VARCHAR(255)  NOT NULL, -- key @filter @sort | An identifier for the status that's unique to its type ("build" is the only one) and the vendor, e.g. BB-DEPLOY.
  CommitHash                VARCHAR(64)   NOT NULL, -- commit.hash | The commit the status is about.
  Type                      VARCHAR(32),            -- type | The status's type, "build".
  State                     VARCHAR(16),            -- state @filter @sort | Provides some indication of the status of this commit: FAILED, INPROGRESS, STOPPED or SUCCESSFUL.
  Name                      VARCHAR(255),           -- name @filter @sort | An identifier for the build itself, e.g. BB-DEPLOY-1.
  Description               VARCHAR(4000),          -- description @filter | A description of the build (e.g. "Unit tests in Bamboo").
  Url                       VARCHAR(1024),          -- url | A URL linking back to the vendor or build system, for more information about whatever process produced this status.
  Refname                   VARCHAR(255),           -- refname @filter | The name of the ref that pointed to this commit when the status was created; NULL when not set.
  CreatedOn                 TIMESTAMP,              -- created_on @filter @sort | When the status was created (UTC).
  UpdatedOn                 TIMESTAMP,              -- updated_on @filter @sort | When the status last changed (UTC).
  RepositoryFullName        VARCHAR(255),           -- repository.full_name | The repository of the commit.
  RepositoryUuid            VARCHAR(38),            -- repository.uuid | Its id.
  CommitUrl                 VARCHAR(512),           -- links.commit.href | The commit, in the API.
  SelfUrl                   VARCHAR(1024),          -- links.self.href | The status, in the API.
  PRIMARY KEY (Workspace, RepositorySlug, PullRequestId, CommitHash, Key)
);

-- PullRequestTasks: the tasks of a pull request, open and resolved.
-- @endpoint /repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/tasks
-- @pagelen  100
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @fanout   pull_request_id = PullRequests.Id
-- @writes   insert, update, delete
CREATE TABLE PullRequestTasks (
  Workspace                 VARCHAR(64)   NOT NULL, -- {workspace} | The workspace of the pull request's repository.
  RepositorySlug            VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  PullRequestId             INTEGER       NOT NULL, -- {pull_request_id} | The id of the pull request.
  Id                        INTEGER       NOT NULL, -- id @filter @sort | The task's id.
  State                     VARCHAR(16),            -- state @filter @sort | RESOLVED or UNRESOLVED.
  CreatedOn                 TIMESTAMP,              -- created_on @filter @sort | When the task was created (UTC).
  UpdatedOn                 TIMESTAMP,              -- updated_on @filter @sort | When the task last changed (UTC).
  ContentRaw                VARCHAR(8000),          -- content.raw @filter | The text as it was typed by a user.
  ContentMarkup             VARCHAR(32),            -- content.markup | The type of markup language the raw content is to be interpreted in.
  ContentHtml               VARCHAR(8000),          -- content.html | The user's content rendered as HTML.
  CreatorDisplayName        VARCHAR(255),           -- creator.display_name @filter | Who created the task.
  CreatorUuid               VARCHAR(38),            -- creator.uuid @filter | Their id.
  CreatorAccountId          VARCHAR(128),           -- creator.account_id @filter | Their Atlassian account id.
  Pending                   BIT,                    -- pending | Whether the task is a draft not yet published.
  ResolvedOn                TIMESTAMP,              -- resolved_on @filter | The ISO8601 timestamp for when the task was resolved (UTC); NULL while open.
  ResolvedByDisplayName     VARCHAR(255),           -- resolved_by.display_name | Who resolved the task.
  ResolvedByUuid            VARCHAR(38),            -- resolved_by.uuid | Their id.
  CommentId                 INTEGER,                -- comment.id | The comment the task was created on, if any.
  HtmlUrl                   VARCHAR(512),           -- links.html.href | The task's web page.
  PRIMARY KEY (Workspace, RepositorySlug, PullRequestId, Id)
);

-- PullRequestActivity: the activity log of a pull request: updates, approvals, requests for changes and comments, newest first.
-- @endpoint /repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/activity
-- @pagelen  50
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @fanout   pull_request_id = PullRequests.Id
-- @writes   none
CREATE TABLE PullRequestActivity (
  Workspace                 VARCHAR(64)   NOT NULL, -- {workspace} | The workspace of the pull request's repository.
  RepositorySlug            VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  PullRequestId             INTEGER       NOT NULL, -- {pull_request_id} | The id of the pull request.
  PullRequestTitle          VARCHAR(1024),          -- pull_request.title | The pull request's title.
  UpdateDate                TIMESTAMP,              -- update.date | For an update, when it happened (UTC); NULL for other entries.
  UpdateState               VARCHAR(16),            -- update.state | For an update, the state it left the pull request in: OPEN, MERGED or DECLINED.
  UpdateTitle               VARCHAR(1024),          -- update.title | For an update, the title after it.
  UpdateDescription         VARCHAR(8000),          -- update.description | For an update, the description after it.
  UpdateReason              VARCHAR(1024),          -- update.reason | For an update, the reason given (when declined).
  UpdateAuthorDisplayName   VARCHAR(255),           -- update.author.display_name | Who made the update.
  UpdateAuthorUuid          VARCHAR(38),            -- update.author.uuid | Their id.
  UpdateAuthorAccountId     VARCHAR(128),           -- update.author.account_id | Their Atlassian account id.
  UpdateSourceBranchName    VARCHAR(255),           -- update.source.branch.name | For an update, the source branch.
  UpdateSourceCommitHash    VARCHAR(64),            -- update.source.commit.hash | For an update, the source branch's head commit then.
  UpdateDestinationBranchName VARCHAR(255),         -- update.destination.branch.name | For an update, the destination branch.
  UpdateDestinationCommitHash VARCHAR(64),          -- update.destination.commit.hash | For an update, the destination's commit then.
  UpdateChanges             JSON,                   -- update.changes | For an update, what it changed, as JSON, where the API says.
  ApprovalDate              TIMESTAMP,              -- approval.date | For an approval, when it was given (UTC); NULL for other entries.
  ApprovalUserDisplayName   VARCHAR(255),           -- approval.user.display_name | Who approved.
  ApprovalUserUuid          VARCHAR(38),            -- approval.user.uuid | Their id.
  ApprovalUserAccountId     VARCHAR(128),           -- approval.user.account_id | Their Atlassian account id.
  ChangesRequestedDate      TIMESTAMP,              -- changes_requested.date | For a request for changes, when it was made (UTC); NULL for other entries.
  ChangesRequestedUserDisplayName VARCHAR(255),     -- changes_requested.user.display_name | Who requested changes.
  ChangesRequestedUserUuid  VARCHAR(38),            -- changes_requested.user.uuid | Their id.
  ChangesRequestedUserAccountId VARCHAR(128),       -- changes_requested.user.account_id | Their Atlassian account id.
  CommentId                 INTEGER,                -- comment.id | For a comment, its id (see PullRequestComments); NULL for other entries.
  CommentCreatedOn          TIMESTAMP,              -- comment.created_on | When the comment was made (UTC).
  CommentUpdatedOn          TIMESTAMP,              -- comment.updated_on | When the comment was last edited (UTC).
  CommentContentRaw         VARCHAR(8000),          -- comment.content.raw | The comment's text as it was typed.
  CommentContentMarkup      VARCHAR(32),            -- comment.content.markup | The comment's markup language.
  CommentContentHtml        VARCHAR(8000),          -- comment.content.html | The comment rendered as HTML.
  CommentUserDisplayName    VARCHAR(255),           -- comment.user.display_name | The commenter's display name.
  CommentUserUuid           VARCHAR(38),            -- comment.user.uuid | The commenter's id.
  CommentUserAccountId      VARCHAR(128),           -- comment.user.account_id | The commenter's Atlassian account id.
  CommentDeleted            BIT,                    -- comment.deleted | Whether the comment was deleted.
  CommentInlinePath         VARCHAR(1024),          -- comment.inline.path | For an inline comment, the file it is anchored to.
  CommentInlineFrom         INTEGER,                -- comment.inline.from | Its anchor line in the old version of the file.
  CommentInlineTo           INTEGER,                -- comment.inline.to | Its anchor line in the new version of the file.
  CommentParentId           INTEGER,                -- comment.parent.id | For a reply, the comment it answers.
  CommentHtmlUrl            VARCHAR(512),           -- comment.links.html.href | The comment's web page.
  PRIMARY KEY (Workspace, RepositorySlug, PullRequestId, UpdateDate, ApprovalDate, ApprovalUserUuid, ChangesRequestedDate, ChangesRequestedUserUuid, CommentId)
);

-- PullRequestReviewers: the reviewers of each pull request, one row per reviewer, read from the pull-request list.
-- @endpoint /repositories/{workspace}/{repo_slug}/pullrequests
-- @pagelen  50
-- @fields   +values.reviewers
-- @each     reviewers
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @writes   none
CREATE TABLE PullRequestReviewers (
  Workspace                 VARCHAR(64)   NOT NULL, -- {workspace} | The workspace of the pull request's repository.
  RepositorySlug            VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  PullRequestId             INTEGER       NOT NULL, -- ^id | The id of the pull request.
  PullRequestTitle          VARCHAR(1024),          -- ^title | The pull request's title.
  State                     VARCHAR(16),            -- ^state @param state=OPEN,MERGED,DECLINED,SUPERSEDED | The pull request's state: OPEN, MERGED, DECLINED or SUPERSEDED.
  DisplayName               VARCHAR(255),           -- display_name | The reviewer's display name ("Former user" once deleted).
  Uuid                      VARCHAR(38)   NOT NULL, -- uuid | The reviewer's id.
  AccountId                 VARCHAR(128),           -- account_id | The reviewer's Atlassian account id.
  Nickname                  VARCHAR(255),           -- nickname | The reviewer's nickname.
  Type                      VARCHAR(32),            -- type | The reviewer's object type, "user".
  HtmlUrl                   VARCHAR(512),           -- links.html.href | The reviewer's web page.
  AvatarUrl                 VARCHAR(512),           -- links.avatar.href | The reviewer's avatar image.
  PRIMARY KEY (Workspace, RepositorySlug, PullRequestId, Uuid)
);

-- PullRequestParticipants: the participants of each pull request (reviewers and commenters), one row per participant, read from the pull-request list.
-- @endpoint /repositories/{workspace}/{repo_slug}/pullrequests
-- @pagelen  50
-- @fields   +values.participants
-- @each     participants
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @writes   none
CREATE TABLE PullRequestParticipants (
  Workspace                 VARCHAR(64)   NOT NULL, -- {workspace} | The workspace of the pull request's repository.
  RepositorySlug            VARCHAR(128)  NOT NULL, -- {repo_slug} | The repository's slug.
  PullRequestId             INTEGER       NOT NULL, -- ^id | The id of the pull request.
  PullRequestTitle          VARCHAR(1024),          -- ^title | The pull request's title.
  State                     VARCHAR(16),            -- ^state @param state=OPEN,MERGED,DECLINED,SUPERSEDED | The pull request's state: OPEN, MERGED, DECLINED or SUPERSEDED.
  Type                      VARCHAR(32),            -- type | The object type, "participant".
  Role                      VARCHAR(16),            -- role | PARTICIPANT or REVIEWER.
  Approved                  BIT,                    -- approved | Whether the participant approved the pull request.
  ParticipantState          VARCHAR(32),            -- state | The participant's review state: approved, changes_requested or NULL.
  ParticipatedOn            TIMESTAMP,              -- participated_on | For an approver, the time of the approval; for others, the time they last commented, or NULL if they have not (UTC).
  UserDisplayName           VARCHAR(255),           -- user.display_name | The participant's display name ("Former user" once deleted).
  UserUuid                  VARCHAR(38)   NOT NULL, -- user.uuid | The participant's id.
  UserAccountId             VARCHAR(128),           -- user.account_id | The participant's Atlassian account id.
  UserNickname              VARCHAR(255),           -- user.nickname | The participant's nickname.
  UserType                  VARCHAR(32),            -- user.type | The participant's object type, "user".
  UserHtmlUrl               VARCHAR(512),           -- user.links.html.href | The participant's web page.
  PRIMARY KEY (Workspace, RepositorySlug, PullRequestId, UserUuid)
);
