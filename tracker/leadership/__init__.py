"""The leadership report: the year's annual targets against the projects' actual figures, the
funnel from visit to producing plant, and the overdue obligations."""
