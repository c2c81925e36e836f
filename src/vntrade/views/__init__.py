"""The analyst's views: timelines, event comparisons, the actor, goods, directive and
statement lists, from extraction records or from a store's rows."""
