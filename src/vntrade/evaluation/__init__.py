"""Scoring extraction against gold annotations: the seeds' gold file format and TimeML."""
