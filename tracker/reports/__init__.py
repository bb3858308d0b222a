"""Manager reports: the pipeline report, its charts and the exchange-rate table."""
