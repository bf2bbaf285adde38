"""Domain functions, grouped by feature. They flush; the caller commits."""
