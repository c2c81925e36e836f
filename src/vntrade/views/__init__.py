"""The analyst's views: pure functions from extraction records to timelines, comparisons, lists."""
