"""The event model, clustering and event references: what ingest stores and the views read.

`model` (an article's events), `refs` and `clustering` (which reports tell one happening),
`entries` (a timeline entry and its place in the timeline), `kinds`, and the record helpers
they share (`directives`, `text`). Nothing here asks the store or shapes a view's rows."""
