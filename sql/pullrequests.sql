-- PullRequests: the pull requests of a repository, in every state.
-- @endpoint /repositories/{workspace}/{repo_slug}/pullrequests
-- @pagelen  50
-- @fields   +values.reviewers,+values.participants
-- @fanout   workspace = Workspaces.Slug
-- @fanout   repo_slug = Repositories.Slug
-- @writes   insert, update
CREATE TABLE PullRequests (
  Workspace                 VARCHAR(64)   NOT NULL, -- {workspace} | The workspace of the destination repository.
  RepositorySlug            VARCHAR(128)  NOT NULL, -- {repo_slug} | The destination repository's slug.
  Id                        INTEGER       NOT NULL, -- id @filter | The pull request's number within its repository.
  Title                     VARCHAR(1024),          -- title @filter | The title.
  Description               VARCHAR(8000),          -- description @filter | The description, as Markdown.
  State                     VARCHAR(16),            -- state @param state=OPEN,MERGED,DECLINED,SUPERSEDED | OPEN, MERGED, DECLINED or SUPERSEDED.
  Type                      VARCHAR(32),            -- type | The object type, "pullrequest".
  Draft                     BIT,                    -- draft @filter | Whether the pull request is a draft.
  Queued                    BIT,                    -- queued | Whether it waits in the merge queue.
  CommentCount              INTEGER,                -- comment_count @filter | The number of comments.
  TaskCount                 INTEGER,                -- task_count @filter | The number of open tasks.
  CloseSourceBranch         BIT,                    -- close_source_branch | Whether the source branch is closed on merge.
  Reason                    VARCHAR(1024),          -- reason | Why it was declined, if it was.
  CreatedOn                 TIMESTAMP,              -- created_on @filter | When it was opened (UTC).
  UpdatedOn                 TIMESTAMP,              -- updated_on @filter | When it last changed (UTC).
  AuthorDisplayName         VARCHAR(255),           -- author.display_name @filter | The author's display name ("Former user" once deleted).
  AuthorUuid                VARCHAR(38),            -- author.uuid @filter | The author's id.
  AuthorAccountId           VARCHAR(128),           -- author.account_id @filter | The author's Atlassian account id.
  AuthorNickname            VARCHAR(255),           -- author.nickname | The author's nickname.
  AuthorType                VARCHAR(32),            -- author.type | The author's object type.
  ClosedByDisplayName       VARCHAR(255),           -- closed_by.display_name | Who merged or declined it.
  ClosedByUuid              VARCHAR(38),            -- closed_by.uuid | The id of who merged or declined it.
  ClosedByAccountId         VARCHAR(128),           -- closed_by.account_id | Their Atlassian account id.
  SourceBranchName          VARCHAR(255),           -- source.branch.name @filter | The branch to merge from.
  SourceCommitHash          VARCHAR(64),            -- source.commit.hash @filter | The source branch's head commit.
  SourceRepositoryFullName  VARCHAR(255),           -- source.repository.full_name | The repository the changes come from.
  SourceRepositoryName      VARCHAR(255),           -- source.repository.name | Its name.
  SourceRepositoryUuid      VARCHAR(38),            -- source.repository.uuid | Its id.
  DestinationBranchName     VARCHAR(255),           -- destination.branch.name @filter | The branch to merge into.
  DestinationCommitHash     VARCHAR(64),            -- destination.commit.hash @filter | The destination's commit.
  DestinationRepositoryFullName VARCHAR(255),       -- destination.repository.full_name | The repository merged into.
  DestinationRepositoryName VARCHAR(255),           -- destination.repository.name | Its name.
  DestinationRepositoryUuid VARCHAR(38),            -- destination.repository.uuid | Its id.
  MergeCommitHash           VARCHAR(64),            -- merge_commit.hash @filter | The merge commit, once merged.
  SummaryRaw                VARCHAR(8000),          -- summary.raw | The description's raw text.
  SummaryMarkup             VARCHAR(32),            -- summary.markup | The description's markup language.
  SummaryHtml               VARCHAR(8000),          -- summary.html | The description rendered as HTML.
  Rendered                  JSON,                   -- rendered | User provided pull request text (title, description), interpreted in a markup language and rendered in HTML, as JSON.
  HtmlUrl                   VARCHAR(512),           -- links.html.href | The pull request's web page.
  Reviewers                 JSON,                   -- reviewers | The reviewers, as JSON (asked for with fields=, once per page).
  Participants              JSON,                   -- participants | The participants, as JSON (asked for with fields=, once per page).
  PRIMARY KEY (Workspace, RepositorySlug, Id)
);
