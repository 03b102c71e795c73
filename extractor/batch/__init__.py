"""Many reports at once: parsing a batch in order, in worker processes where it pays."""
