"""Tests of eligibility screening, hearings, decisions, supervision and publication."""
