"""Association services: every change goes through here, with its audit event."""
