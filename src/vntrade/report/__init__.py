"""`vntrade report`: one self-contained HTML page of the timeline, the compared reports, the
directives, and the actors and commodities, from the same views as the other commands."""
