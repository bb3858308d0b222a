"""Outgoing webhooks: managers' receivers, signed deliveries from the outbox, the log."""
