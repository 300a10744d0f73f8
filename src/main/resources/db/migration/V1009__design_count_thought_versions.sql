-- A thought's version: 1 when the assistant records it, one more for every decision on it (confirmed, revised, rejected,
-- undecided again). The thinking chain's forms, the API and the MCP tools send the version their user saw, so that a
-- decision taken on a page opened before a colleague's (a stale Reject after a Confirm) is refused with 409 instead of
-- silently undoing it. Only decisions count: the assistant refreshing an undecided thought's reasoning changes nothing a
-- person decided on.
ALTER TABLE ai_thinking_chain ADD COLUMN version integer NOT NULL DEFAULT 1;
