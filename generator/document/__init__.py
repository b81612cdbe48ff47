"""Document model: runbook -> phases -> steps, and the view every runbook format prints. Pure data."""
