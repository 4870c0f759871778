"""Screening services: cases and hearings, decisions, letters, settings."""
